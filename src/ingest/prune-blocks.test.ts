import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extractArticle } from './html-extract.js'

const STORY = `<p>The river rose by two metres overnight and flooded the lower town, the mayor said on Sunday.</p>
  <p>About 300 homes were evacuated; volunteers filled sandbags at the fire station until dawn.</p>`

function body(html: string): string[] {
  return extractArticle(`<!doctype html><html><body><article>${html}</article></body></html>`).text.split('\n\n')
}

test('a list of links under a heading goes, heading and all', () => {
  const text = body(`${STORY}<h3>More from the region</h3><p><a href="/a">Bridge reopens after repairs</a></p>
    <ul><li><a href="/b">School roof fixed</a></li><li><a href="/c">New bus timetable</a></li></ul>`)
  assert.ok(text.some((p) => p.startsWith('About 300 homes')))
  assert.ok(!text.includes('More from the region'))
  assert.ok(!text.some((p) => /Bridge reopens|School roof|bus timetable/.test(p)))
})

test('the title of a teaser box goes even when a paragraph follows it', () => {
  const text = body(`<p>Schon gelesen?</p>${STORY}<h4>You might also like</h4><p>The bakery on Mill Street reopened after the fire, with a new oven and longer hours.</p>`)
  assert.ok(!text.includes('Schon gelesen?'))
  assert.ok(!text.includes('You might also like'))
})

test('a heading with its own paragraphs stays; a trailing label with nothing after it goes', () => {
  const text = body(`<h2>What happens next</h2>${STORY}<p>Related articles:</p>`)
  assert.equal(text[0], 'What happens next')
  assert.ok(!text.includes('Related articles:'))
})

test('"Read also" teasers and photo credits go; a sentence that mentions a photo stays', () => {
  const text = body(`${STORY}<p><strong>Read also:</strong> <a href="/x">How the dam was built</a> in the fifties</p>
    <p>Lea también: <a href="/y">Lluvias en el norte</a> y sus efectos en la región</p>
    <p>Foto: Ann Lee / Eastbrook Post</p><p>© Ben Ode/Eastbrook Archive</p>
    <p>A photo of the flooded square was shared thousands of times: it shows the water at the church door.</p>`)
  assert.ok(!text.some((p) => /Read also|Lea también|Foto: Ann Lee|Ben Ode/.test(p)))
  assert.ok(text.some((p) => p.startsWith('A photo of the flooded square')))
})

test('after the last paragraph, short non-sentence lines go; short sentences and list items stay', () => {
  const text = body(`${STORY}<p>We hope the water goes down soon.</p><ul><li>Sandbags: fire station</li></ul>
    <p>Did you like this article</p><p>Contact:</p><p>Eastbrook Post newsroom</p>`)
  assert.ok(text.includes('We hope the water goes down soon.'))
  assert.ok(text.includes('Sandbags: fire station'))
  for (const gone of ['Did you like this article', 'Contact:', 'Eastbrook Post newsroom']) assert.ok(!text.includes(gone), gone)
})

test('calls to action (follow, subscribe, rate, log in) go; a long paragraph that mentions one stays', () => {
  const long =
    'The council said residents who want updates can follow us on the city website, where the flood maps are ' +
    'published every morning together with the list of closed roads, the shelters that still have beds and the ' +
    'numbers to call for help with pumping out cellars.'
  const text = body(`${STORY}<p>${long}</p><p>Síguenos en Telegram y Facebook para recibir las noticias.</p>
    <p>Was this article useful? Rate this article</p><p>You must be logged in to comment.</p>
    <p>© 2026 Eastbrook Post. All rights reserved.</p>`)
  assert.ok(text.includes(long))
  assert.ok(!text.some((p) => /Síguenos|Rate this article|logged in to comment|All rights reserved/.test(p)))
})

test('short date lines in any language go; a labelled date such as a deadline stays', () => {
  const text = body(`<p>23.10.2025</p>${STORY}<p>Aktualisiert am 17.01.2026, 08:30 Uhr</p>
    <p>Publicado el 6. Mai 2026</p><p>Anmeldeschluss: 03.11.2026 (Poststempel)</p>`)
  assert.ok(!text.some((p) => /23\.10\.2025|Aktualisiert am|6\. Mai 2026/.test(p)))
  assert.ok(text.includes('Anmeldeschluss: 03.11.2026 (Poststempel)'))
})

test('a rights notice goes at any length; a sentence about copyright stays', () => {
  const text = body(`${STORY}<p>© 2022, Eastbrook Post. This article is the property of Eastbrook Post. Written permission must be obtained before any reprint in online or print media.</p>
    <p>Copyright © 2021 Eastbrook Media Group, all of it.</p>
    <p>The copyright on the photographs of the flood stays with the volunteers who took them, the council said.</p>`)
  assert.ok(!text.some((p) => /^©|^Copyright ©/.test(p)))
  assert.ok(text.some((p) => p.startsWith('The copyright on the photographs')))
})

test('"download as PDF" and "share with others" prompts go', () => {
  const text = body(`${STORY}<p>Dieses Skript als PDF herunterladen</p><p>Den Artikel mit anderen teilen/diskutieren:</p>`)
  assert.ok(!text.some((p) => /PDF herunterladen|mit anderen teilen/.test(p)))
})

test('captions go: a credit at the end, an "enlarge" label, or a short line alone beside a picture', () => {
  const text = body(`${STORY}
    <div class="pic"><img src="quay.jpg" width="800"><p>The ferry at the quay in the morning (Foto: Ann Lee)</p></div>
    <p>Volunteers at the fire station, photo: Eastbrook Archive</p>
    <p>Enlarge The flooded square seen from the church tower.</p>
    <div class="media"><div><img src="map.jpg"></div><div><span>Map of the flooded streets on Sunday</span></div></div>
    <p>The water had reached the church door by noon, and the square stayed closed for two days.</p>`)
  for (const gone of ['The ferry at the quay', 'Volunteers at the fire station', 'Enlarge', 'Map of the flooded streets']) {
    assert.ok(!text.some((p) => p.includes(gone)), gone)
  }
  assert.ok(text.some((p) => p.startsWith('The water had reached the church door')))
})

test('a paragraph beside a picture stays when it ends like a sentence; an icon is no picture; a brief beside its photo stays', () => {
  const sentence = 'The pumps ran all night at the station, and by dawn the cellars of Mill Street were dry again.'
  const text = body(`<div class="note"><img src="info-icon.png" width="16"><p>Roads in the lower town stay closed until Tuesday</p></div>
    ${STORY}<div class="textpic"><img src="pumps.jpg"><p>${sentence}</p></div>`)
  assert.ok(text.includes(sentence))
  assert.ok(text.includes('Roads in the lower town stay closed until Tuesday'))
  const brief = body('<div class="pic"><img src="river.jpg"><p>River level falls below the warning mark in Eastbrook</p></div>')
  assert.ok(brief.some((p) => p.startsWith('River level falls')))
})

test('advertisement labels, widget labels, app prompts and disclaimers go; prose about an "Anzeige" stays', () => {
  const text = body(`${STORY}<p>ANZEIGE - Heute schon gekocht? Die besten Rezepte der Woche</p>
    <p>*Werbung. Dieser Beitrag enthält Werbung für eine Kaffeemarke.</p>
    <p>Anzeige gegen Unbekannt wurde am Montag bei der Polizei in Eastbrook erstattet.</p>
    <p>Permalink https://example.org/p/123</p><p>Explore further</p>
    <p>For breaking news download our app for iOS and Android.</p>
    <p>Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.</p>
    <p>E-Mail (wird benötigt und nicht veröffentlicht)</p>`)
  for (const gone of ['ANZEIGE', 'Werbung', 'Permalink', 'Explore further', 'download our app', 'Meinung des Autors', 'E-Mail']) {
    assert.ok(!text.some((p) => p.includes(gone)), gone)
  }
  assert.ok(text.some((p) => p.startsWith('Anzeige gegen Unbekannt')))
})

test('a call to action is found whatever spaces separate its words (&nbsp;)', () => {
  const text = body(`${STORY}<p>Get the news first: download&nbsp;our app&nbsp;for <a href="/ios">iOS</a> and <a href="/android">Android</a>.</p>`)
  assert.ok(!text.some((p) => p.includes('download')))
})

test('a sign-off after <br><br> in the same element is judged as its own paragraph', () => {
  const text = body(`<div>The river rose by two metres overnight and flooded the lower town, the mayor said on Sunday.<br><br>
    About 300 homes were evacuated; volunteers filled sandbags at the fire station until dawn.<br><br>Follow us on Mastodon for more.</div>`)
  assert.ok(text.some((p) => p.startsWith('The river rose')))
  assert.ok(!text.some((p) => p.includes('Follow us on')))
})
