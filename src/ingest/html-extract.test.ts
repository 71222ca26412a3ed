import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { parseHTML } from 'linkedom'
import { extractArticle } from './html-extract.js'
import { htmlToBlocks } from './html-to-text.js'
import { recoverDroppedBlocks } from './recover-blocks.js'
import { ingest, ingestBytes } from './ingest.js'
import { DEFAULT_LIMITS } from './limits.js'
import { FactsiftError } from '../errors.js'

interface Expected {
  baseUrl?: string
  title: string
  byline: string | null
  publishedAt: string | null
  outlet: string | null
  url: string | null
  paragraphs: string[]
  forbidden: string[]
}

const DIR = new URL('../../test/fixtures/html/', import.meta.url)
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -5))

test('there are at least five HTML fixtures, each with its expectations', () => {
  assert.ok(fixtures.length >= 5)
  for (const f of fixtures) assert.ok(readdirSync(DIR).includes(`${f}.expected.json`), f)
})

for (const name of fixtures) {
  test(`fixture ${name}: metadata, every body paragraph, no chrome`, async () => {
    const html = readFileSync(new URL(`${name}.html`, DIR), 'utf8')
    const want = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), 'utf8')) as Expected
    // As a fetched page would come in: bytes, charset from <meta>, the page's address only as a base URL.
    const doc = await ingestBytes(Buffer.from(html), { kind: 'html', sourceUrl: want.baseUrl ?? null, limits: DEFAULT_LIMITS })
    const got = doc.meta
    assert.equal(got.title, want.title, 'title')
    assert.equal(got.byline, want.byline, 'byline')
    assert.equal(got.publishedAt, want.publishedAt, 'publishedAt')
    assert.equal(got.outlet, want.outlet, 'outlet')
    assert.equal(got.url, want.url, 'url')
    const paragraphs = doc.text.split('\n\n')
    assert.equal(paragraphs[0], want.title, 'the headline opens the text')
    let last = -1
    for (const p of want.paragraphs) {
      const at = paragraphs.indexOf(p)
      assert.ok(at !== -1, `paragraph missing or merged: ${p.slice(0, 70)}…`)
      assert.ok(at > last, `paragraph out of order: ${p.slice(0, 70)}…`)
      last = at
    }
    for (const f of want.forbidden) assert.ok(!doc.text.includes(f), `leaked into the text: ${f}`)
    assert.deepEqual(doc.warnings, [])
  })
}

test('an explicit url, title, outlet and date win over the page', async () => {
  const html = readFileSync(new URL('storm-classic.html', DIR), 'utf8')
  const doc = await ingest(
    { html, url: 'https://mirror.example/a', title: 'T', outlet: 'O', publishedAt: '2026-03-06' },
    DEFAULT_LIMITS,
  )
  assert.deepEqual(
    [doc.meta.url, doc.meta.title, doc.meta.outlet, doc.meta.publishedAt, doc.meta.byline],
    ['https://mirror.example/a', 'T', 'O', '2026-03-06', 'Lois Lane'],
  )
})

test('an HTML fragment is an article too; a page of links or nothing is E_NO_ARTICLE', async () => {
  const frag = extractArticle('<p>The ferry service resumes on Monday, the operator said.</p><p>Tickets are on sale now.</p>')
  assert.equal(frag.text, 'The ferry service resumes on Monday, the operator said.\n\nTickets are on sale now.')
  const noArticle = [
    '<html><head><title>Home</title></head><body></body></html>',
    '<html><body><nav><a href="/">Home</a> <a href="/b">World</a></nav><footer>© 2026</footer></body></html>',
    '<html><body><div><a href="/a">Read this amazing story about many things</a> <a href="/b">And another story about other things</a></div></body></html>',
    '<html><body><script>var a = "lots of words inside a script are not an article at all";</script></body></html>',
  ]
  for (const html of noArticle) {
    assert.throws(() => extractArticle(html), (e: unknown) => e instanceof FactsiftError && e.code === 'E_NO_ARTICLE', html)
  }
})

test('hidden elements, <br> line breaks and lists', () => {
  const a = extractArticle(`<html><body><article>
    <p>First paragraph of the story has plenty of words in it.</p>
    <p style="display:none">Hidden text must not appear.</p>
    <p hidden>Also hidden.</p>
    <div>Line one of an address<br>Line two of it<br><br>A new paragraph after a double break.</div>
    <ul><li>Point one</li><li>Point <b>two</b></li></ul>
  </article></body></html>`)
  assert.equal(
    a.text,
    'First paragraph of the story has plenty of words in it.\n\nLine one of an address\nLine two of it\n\n' +
      'A new paragraph after a double break.\n\nPoint one\n\nPoint two',
  )
})

test('text before <!doctype> (a server warning) does not hide the page from extraction', () => {
  const a = extractArticle(`<br />\n<b>Warning</b>: could not connect in <b>plugin.php</b> on line <b>12</b><br />
    <!DOCTYPE html><html><head><title>Relaunch</title></head><body><article>
    <p>After two quiet years the library blog has a new design and a new editor.</p>
    <p>We hope you like the relaunch and visit us again soon.</p></article></body></html>`)
  assert.match(a.text, /After two quiet years the library blog has a new design/)
  assert.match(a.text, /We hope you like the relaunch/)
  assert.doesNotMatch(a.text, /Warning/)
})

test('a post body shipped as <script type="text/template"> inside the article body is read', () => {
  const a = extractArticle(`<!doctype html><html><body><div class="post-body" itemprop="articleBody">
    <script type="text/template"><p>The tram line opens in May, two months later than planned.</p>
    <p>Test runs start next week on the northern section.</p></script></div>
    <script type="text/template"><div role="dialog"><p>We use cookies to improve this site for you.</p></div></script>
    </body></html>`)
  assert.match(a.text, /The tram line opens in May/)
  assert.match(a.text, /Test runs start next week/)
  assert.doesNotMatch(a.text, /cookies/)
})

test('lead: the standfirst in the page header, between the <h1> and the body, is kept', () => {
  const body = [
    'Engineers began testing the new signalling system on the northern line at four in the morning.',
    'The system lets trains run closer together, which the operator says will add two trains an hour.',
    'Passengers can expect replacement buses on the next two Sundays while the work is finished.',
  ]
  const a = extractArticle(`<!doctype html><html><body>
    <header class="intro"><h1>Signals upgrade on the northern line</h1>
      <div class="standfirst">Trains will run every four minutes from June, the operator says, if the tests go well.</div>
      <span class="date">3 March 2026</span></header>
    <div class="wrap"><div class="story">${body.map((p) => `<p>${p}</p>`).join('')}</div>
      <div class="more"><a href="/a">Other news</a></div></div></body></html>`)
  const text = a.text.split('\n\n')
  assert.equal(text[0], 'Signals upgrade on the northern line')
  assert.equal(text[1], 'Trains will run every four minutes from June, the operator says, if the tests go well.')
  assert.deepEqual(text.slice(2), body)
})

test('ruby annotations (readings above kanji) are not read into the text', () => {
  const a = extractArticle('<p><ruby>子<rt>こ</rt></ruby>どもの<ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby>ができました。新しい規則は来月から始まります。</p>')
  assert.equal(a.text, '子どもの法律ができました。新しい規則は来月から始まります。')
})

test('tail: the last paragraphs of the story in a sibling container below the one Readability picked come back', () => {
  const main = [
    'The county opened its third recycling centre on Saturday, next to the old rail depot in Marsh Lane.',
    'It takes garden waste, metal, glass and electrical goods, and is open every day except Tuesday.',
    'The council expects it to cut the queues at the two older centres by a third over the summer.',
    'Residents need to book a slot online or by phone for visits with a van or a trailer.',
  ]
  const tail = 'Opening hours and the list of accepted items are posted at the gate and on the council website.'
  const a = extractArticle(`<!doctype html><html><body><div class="page">
    <div class="content"><h1>Third recycling centre opens</h1>${main.map((p) => `<p>${p}</p>`).join('')}</div>
    <div class="aside-box"><div class="note"><p>${tail}</p></div><a href="/x">More news</a></div>
    </div></body></html>`)
  const text = a.text.split('\n\n')
  assert.deepEqual(text.slice(-2), [main[3], tail])
})

test('when Readability picks a table of short lines (signatories), the prose beside it comes back', () => {
  const names = Array.from({ length: 40 }, (_, i) => `<strong>Signer Number${i}</strong>, Eastbrook College<br>`).join('')
  const letter = Array.from({ length: 3 }, (_, i) => `<p>Paragraph ${i}: our institutions face a moment of trial, and the free exchange of ideas is becoming more constrained every day.</p>`).join('')
  const { document } = parseHTML(`<!doctype html><html><body><div><div class="content">${letter}
    <table><tbody><tr><td>${names}</td></tr></tbody></table></div><p>Footer line</p></div></body></html>`) as unknown as { document: Document }
  const table = htmlToBlocks(document.querySelector('table')!)
  const text = recoverDroppedBlocks(table, document).map((b) => b.text).join('\n\n')
  assert.ok(text.includes('Paragraph 0: our institutions'))
  assert.ok(text.includes('Signer Number3'))
})
