import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extractArticle } from './html-extract.js'
import { articleBodyBlocks } from './article-body.js'

const BODY = [
  'The regional council approved the new tram line on Tuesday after a debate that lasted nine hours.',
  'Construction starts in the spring and the first section, from the station to the hospital, should open in two years.',
  'Opponents said the money would be better spent on buses, which reach the villages the tram will never serve.',
  'The council leader answered that the tram carries three times as many passengers per driver and per hour.',
]

function page(ld: object, body: string): string {
  return `<!doctype html><html><head><title>Tram line approved</title>
    <script type="application/ld+json">${JSON.stringify(ld)}</script></head><body>${body}</body></html>`
}

test('articleBodyBlocks: one paragraph per line, entities decoded; markup inside is read as HTML', () => {
  assert.deepEqual(articleBodyBlocks('First line &amp; more.\n\n  Second line.  ').map((b) => b.text), ['First line & more.', 'Second line.'])
  assert.deepEqual(articleBodyBlocks('<p>One.</p><p>Two <b>bold</b>.</p>').map((b) => b.text), ['One.', 'Two bold.'])
})

test('a page whose markup holds only a teaser gets the text of its JSON-LD articleBody', () => {
  const html = page(
    { '@type': 'NewsArticle', headline: 'Tram line approved', articleBody: BODY.join('\n') },
    `<article><h1>Tram line approved</h1><p>The council approved the tram line. Subscribe to read on.</p></article>`,
  )
  const text = extractArticle(html).text.split('\n\n')
  assert.equal(text[0], 'Tram line approved')
  assert.deepEqual(text.slice(1), BODY)
})

test('an articleBody that is only a summary, or shorter than the page text, is not used', () => {
  const full = `<article><h1>Tram line approved</h1>${BODY.map((p) => `<p>${p}</p>`).join('')}</article>`
  const summary = page({ '@type': 'NewsArticle', articleBody: 'Council approves tram line.' }, full)
  assert.deepEqual(extractArticle(summary).text.split('\n\n').slice(1), BODY)
  const shorter = page({ '@type': 'NewsArticle', articleBody: `${BODY.join(' ')} Teaser text only in JSON.` }, full)
  assert.doesNotMatch(extractArticle(shorter).text, /Teaser text only in JSON/)
})

test('when chrome removal leaves nothing, the page is read again with only structural chrome removed', () => {
  // A slideshow whose every slide text is a caption: captions are chrome, but here they are the article.
  const slides = BODY.map((p, i) => `<figure><img src="${i}.jpg"><figcaption><p>${p}</p></figcaption></figure>`).join('')
  const html = `<!doctype html><html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <div class="gallery">${slides}</div></body></html>`
  const text = extractArticle(html).text
  for (const p of BODY) assert.match(text, new RegExp(p.slice(0, 40)))
  assert.doesNotMatch(text, /Home/)
})
