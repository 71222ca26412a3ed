import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseFeed } from './parse-feed.js'
import { decodeFeed } from './decode-feed.js'
import { FactsiftError } from '../errors.js'

const fixture = (name: string) => new URL(`./test-support/fixtures/${name}`, import.meta.url)
const example = (name: string) => new URL(`../../examples/feeds/${name}`, import.meta.url)
const read = (url: URL) => readFileSync(url, 'utf8')
const code = (expected: string) => (error: unknown) => error instanceof FactsiftError && error.code === expected

test('RSS 2.0: items with guid, resolved file:// links, dates, authors; channel title', () => {
  const url = example('millbrook-courier.rss')
  const feed = parseFeed(read(url), url.href)
  assert.equal(feed.format, 'rss2')
  assert.equal(feed.title, 'Millbrook Courier')
  assert.equal(feed.siteUrl, 'https://courier.example/')
  assert.equal(feed.items.length, 2)
  const [first] = feed.items
  assert.equal(first!.guid, 'courier-2025-0512-birds')
  assert.equal(first!.url, new URL('articles/courier-lake-arden-birds.html', url).href)
  assert.equal(first!.title, 'Residents blame new 5G towers for bird deaths at Lake Arden')
  assert.equal(first!.publishedAt, '2025-05-12T08:10:00Z')
  assert.equal(first!.author, 'Dana Whitlock')
  assert.match(first!.content!, /^Hundreds of dead starlings/)
  assert.deepEqual(feed.warnings, [])
})

test('Atom: alternate link, id, published date, html summary, author name', () => {
  const url = example('valley-ledger.atom')
  const feed = parseFeed(read(url), url.href)
  assert.equal(feed.format, 'atom')
  assert.equal(feed.title, 'Valley Ledger')
  assert.equal(feed.siteUrl, 'https://ledger.example/')
  assert.deepEqual(feed.items.map((i) => i.guid), ['urn:example:valley-ledger:2025-05-12-arden', 'urn:example:valley-ledger:2025-05-10-library'])
  assert.equal(feed.items[0]!.url, new URL('articles/ledger-arden-towers.html', url).href)
  assert.equal(feed.items[0]!.publishedAt, '2025-05-12T11:45:00Z')
  assert.equal(feed.items[0]!.author, 'Priya Anand')
  assert.equal(feed.items[0]!.contentIsHtml, true)
  assert.match(feed.items[0]!.content!, /^<p>Posts say the new 5G towers/)
  assert.equal(feed.items[1]!.contentIsHtml, false)
})

test('JSON Feed: id, url, summary or content_text, authors', () => {
  const url = example('northside-daily.json')
  const feed = parseFeed(read(url), url.href)
  assert.equal(feed.format, 'jsonfeed')
  assert.equal(feed.title, 'Northside Daily')
  assert.equal(feed.items.length, 2)
  assert.equal(feed.items[0]!.guid, 'northside-2025-05-13-birds')
  assert.equal(feed.items[0]!.author, 'Marcus Bell')
  assert.equal(feed.items[1]!.content, 'Organisers expect a record 4,000 runners on Sunday; roads along the river close from 6 a.m. to 2 p.m.')
  assert.throws(() => parseFeed('{"items": []}', 'https://x.example/'), code('E_FEED_NOT_FEED'))
  assert.throws(() => parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [', 'https://x.example/'), code('E_FEED_INVALID'))
})

test('RSS 1.0 / RDF: rdf:about as guid, relative links, entities decoded, a bad date is a warning', () => {
  const feed = parseFeed(read(fixture('rss1.rdf')), 'https://rdf.example/feed.rdf')
  assert.equal(feed.format, 'rss1')
  assert.equal(feed.title, 'RDF Weekly')
  assert.equal(feed.items.length, 2)
  assert.equal(feed.items[0]!.title, 'Harbour & dock workers strike')
  assert.equal(feed.items[0]!.guid, 'https://rdf.example/a')
  assert.equal(feed.items[0]!.url, 'https://rdf.example/a?utm_source=rss#top')
  assert.equal(feed.items[0]!.publishedAt, '2025-03-04T09:00:00Z')
  assert.equal(feed.items[1]!.url, 'https://rdf.example/b')
  assert.equal(feed.items[1]!.publishedAt, null)
  assert.deepEqual(feed.warnings.map((w) => w.code), ['W_FEED_DATE_INVALID'])
})

test('news sitemap: loc, news:title, news:publication_date', () => {
  const feed = parseFeed(read(fixture('news-sitemap.xml')), 'https://news.example/sitemap-news.xml')
  assert.equal(feed.format, 'sitemap')
  assert.deepEqual(
    feed.items.map((i) => [i.url, i.title, i.publishedAt]),
    [
      ['https://news.example/2025/05/12/rates.html', 'Central bank holds rates at 4.5%', '2025-05-12T13:15:00Z'],
      ['https://news.example/2025/05/12/storm.html', 'Storm closes coastal roads', '2025-05-12'],
    ],
  )
  assert.throws(() => parseFeed('<sitemapindex><sitemap><loc>https://x/a.xml</loc></sitemap></sitemapindex>', 'https://x/'), code('E_FEED_NOT_FEED'))
})

test('billion laughs and external entities are refused before parsing (E_FEED_DTD), quickly', () => {
  const started = Date.now()
  assert.throws(() => parseFeed(read(fixture('billion-laughs.xml')), 'https://x.example/feed'), code('E_FEED_DTD'))
  assert.throws(() => parseFeed(read(fixture('external-entity.xml')), 'https://x.example/feed'), code('E_FEED_DTD'))
  // A DOCTYPE after a comment, or a stray one inside the document, is refused too.
  assert.throws(() => parseFeed('<!-- hi --><!DOCTYPE x SYSTEM "http://evil.example/x.dtd"><rss><channel/></rss>', 'https://x/'), code('E_FEED_DTD'))
  assert.throws(() => parseFeed('<rss><channel><!ENTITY a "b"><title>x</title></channel></rss>', 'https://x/'), code('E_FEED_DTD'))
  assert.ok(Date.now() - started < 1000)
  // The same text inside CDATA is content, not a declaration.
  const ok = parseFeed('<rss><channel><item><title>x</title><description><![CDATA[<!DOCTYPE html><p>a &amp; b</p>]]></description></item></channel></rss>', 'https://x/')
  assert.equal(ok.items[0]!.content, '<!DOCTYPE html><p>a &amp; b</p>')
})

test('entities: one pass of XML and numeric references; nothing else is expanded', () => {
  const feed = parseFeed(
    '<rss><channel><item><title>Tom &amp;amp; Jerry &#8217;s &#x2014; &lt;b&gt; &undefined;</title><link>https://x.example/a?b=1&amp;c=2</link></item></channel></rss>',
    'https://x.example/',
  )
  assert.equal(feed.items[0]!.title, 'Tom &amp; Jerry ’s — &undefined;')
  assert.equal(feed.items[0]!.url, 'https://x.example/a?b=1&c=2')
})

test('HTML served as a feed, unknown roots, plain text and malformed XML are coded errors', () => {
  assert.throws(() => parseFeed(read(fixture('html-page.html')), 'https://x/'), code('E_FEED_NOT_FEED'))
  assert.throws(() => parseFeed('<html><body>hi</body></html>', 'https://x/'), code('E_FEED_NOT_FEED'))
  assert.throws(() => parseFeed('<catalog><book/></catalog>', 'https://x/'), code('E_FEED_NOT_FEED'))
  assert.throws(() => parseFeed('just some words', 'https://x/'), code('E_FEED_NOT_FEED'))
  assert.throws(() => parseFeed('<rss><channel><item><title>x</item></channel></rss>', 'https://x/'), code('E_FEED_INVALID'))
})

test('links: javascript: dropped; file: only inside a file: feed', () => {
  const xml = '<rss><channel><item><title>a</title><link>javascript:alert(1)</link></item><item><title>b</title><link>file:///etc/passwd</link></item></channel></rss>'
  assert.deepEqual(parseFeed(xml, 'https://x.example/feed').items.map((i) => i.url), [null, null])
  const local = pathToFileURL('/srv/feeds/feed.xml').href
  assert.deepEqual(parseFeed(xml, local).items.map((i) => i.url), [null, 'file:///etc/passwd'])
})

test('items: entries with nothing are skipped, the count is capped, content is bounded', () => {
  const entries = Array.from({ length: 5 }, (_, i) => `<item><title>t${i}</title><description>${'x'.repeat(50)}</description></item>`).join('')
  const feed = parseFeed(`<rss><channel><item></item>${entries}</channel></rss>`, 'https://x/', { maxItems: 3, maxContentChars: 10 })
  assert.equal(feed.items.length, 3)
  assert.equal(feed.items[0]!.content, 'xxxxxxxxxx')
  assert.deepEqual(feed.warnings.map((w) => w.code).sort(), ['W_FEED_ITEMS_CAPPED', 'W_FEED_ITEMS_SKIPPED'])
})

test('decodeFeed: declared legacy encodings, BOMs, strict UTF-8', () => {
  const latin1 = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf'), Buffer.from([0xe9]), Buffer.from('</title></channel></rss>')])
  assert.equal(parseFeed(decodeFeed(latin1), 'https://x/').title, 'Café')
  // The HTTP charset wins over the declaration.
  assert.equal(parseFeed(decodeFeed(latin1, 'windows-1252'), 'https://x/').title, 'Café')
  const undeclared = Buffer.concat([Buffer.from('<rss><channel><title>Caf'), Buffer.from([0xe9]), Buffer.from('</title></channel></rss>')])
  assert.throws(() => decodeFeed(undeclared), code('E_FEED_ENCODING'))
  assert.throws(() => decodeFeed(Buffer.from('<rss/>'), 'x-unknown-charset'), code('E_FEED_ENCODING'))
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<rss><channel><title>Ω</title></channel></rss>', 'utf16le')])
  assert.equal(parseFeed(decodeFeed(utf16), 'https://x/').title, 'Ω')
  assert.throws(() => decodeFeed(Buffer.from([0x3c, 0x72, 0x00, 0x00])), code('E_FEED_NOT_FEED'))
})
