import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadRatingsTable } from './default-table.js'
import { createRatingsRegistry, readAddress } from './registry.js'
import { NEEDS_URL, unwrapPlain } from './unwrap.js'

const fixture = (name: string) => new URL(`../../test/fixtures/source-ratings/${name}`, import.meta.url)
const table = loadRatingsTable(fixture('mini-table.json').pathname)

// Plain and unusual addresses alike: the fast path must answer exactly what the URL() path answers.
const INPUTS = [
  'infowars.com', 'INFOWARS.COM', 'infowars.com.', 'www.infowars.com', 'https://www.infowars.com/posts/a',
  'HTTPS://WWW.INFOWARS.COM/Posts/A?utm_source=x#top', 'https://www.infowars.com./a', 'https://www.infowars.com:8443/a',
  'https://www.infowars.com:443/a', 'https://www.infowars.com:99999/a', 'https://www.infowars.com:/a', 'https://user:pw@www.infowars.com/a',
  'https://user@www.infowars.com/a', '//www.infowars.com/a', 'www.infowars.com/a/b?c=d', 'infowars.com:8080', 'infowars.com:8080/x',
  'localhost:abc', 'https://bücher.de/', 'bücher.de', 'https://xn--bcher-kva.de/a', 'https://xn--a.com/', 'https://BÜCHER.DE./x',
  'https://www.yahoo.com/news/a-story', 'https://www.yahoo.com/NEWS/a-story', 'https://www.yahoo.com/lifestyle/../news/a',
  'https://www.yahoo.com/./news/a', 'https://www.yahoo.com/%6Eews/a', 'https://www.yahoo.com/%2e%2e/news', 'https://www.yahoo.com/a%zz/news',
  'https://www.yahoo.com\\news\\a', 'https://www.yahoo.com/ne ws/a', ' https://www.yahoo.com/news/a ', 'https://www.yahoo.com/news\t/a',
  'https://www.yahoo.com?x=1', 'https://www.yahoo.com#news', 'https://www.yahoo.com/news?', 'https://www.yahoo.com/news#',
  'https://www.newyorker.com/humor/borowitz-report/trump-x', 'https://au.news.yahoo.com/a', 'http://cnn.it/2cVdQBY', 'https://cnn.it.',
  'https://someone.blogspot.com/2017/06/story.html', 'https://www.news.unknown-site.co.uk/a', 'http://127.0.0.1/a', 'http://0x7f.1/',
  'http://example.0x1/', 'http://a..b.com/', 'http://-a.com/', 'https://[::1]/a', 'not a domain', 'mailto:x@cnn.com', 'ftp://cnn.com/x',
  'javascript:alert(1)', '', '   ', 'https://', 'http:cnn.com', 'https:/cnn.com/x',
  // Wrappers.
  'https://web.archive.org/web/20170101000000/http://m.infowars.com/x', 'https://web.archive.org/web/20170101000000id_/https://cnn.com/x',
  'http://web.archive.org/web/2017*/yahoo.com/news/x', 'https://web.archive.org/web/20170101000000/http:/collapsed.com/x',
  'https://WEB.ARCHIVE.ORG/web/2020/HTTPS://WWW.CNN.COM/a', 'https://web.archive.org./web/2020/https://cnn.com/a',
  'https://web.archive.org:8080/web/2020/https://cnn.com/a', 'https://web.archive.org/web/2020/https://cnn.com/a/../../yahoo.com/news/x',
  'https://web.archive.org/web/2020/https%3A%2F%2Fwww.yahoo.com%2Fnews%2Fa', 'https://web.archive.org/web/2020/https%3A%2F%2F%E0%A4%A',
  'https://web.archive.org/web/2020/https://bücher.de/a', 'https://web.archive.org/web/2020/https://xn--bcher-kva.de/a',
  'https://web.archive.org/web/2020/https://user@cnn.com/a', 'https://web.archive.org/web/2020/mailto:x@cnn.com',
  'https://web.archive.org/web/2020/https://cnn.com:70000/a', 'https://web.archive.org/web/', 'https://web.archive.org/',
  'https://wayback.archive.org/web/2020/cnn.com', 'https://webarchive.loc.gov/all/20200101000000/https://www.yahoo.com/news/x',
  'https://archive.ph/newest/https://www.newsweek.com/story', 'https://archive.today/20200101000000/https://infowars.com/a',
  'https://archive.is/o/AbCd1/https://www.yahoo.com/news/b', 'https://archive.ph/AbCd1', 'https://www.archive.li/oldest/cnn.com/x',
  'https://www-washingtonpost-com.cdn.ampproject.org/c/s/www.washingtonpost.com/politics/x',
  'https://example-news--site-com.cdn.ampproject.org/v/example-news-site.com/a', 'https://www-infowars-com.cdn.ampproject.org/',
  'https://www-yahoo-com.cdn.ampproject.org/news/a', 'https://cdn.ampproject.org/c/s/cnn.com/a', 'https://xn--bcher-kva-de.cdn.ampproject.org/c/s/xn--bcher-kva.de/',
  'https://www.google.com/url?q=https://www.infowars.com/x&sa=D', 'https://www.google.com/url?sa=D&q=https%3A%2F%2Fwww.yahoo.com%2Fnews%2Fa',
  'https://www.google.co.uk/url?url=https%3A%2F%2Fwww.bbc.co.uk%2Fnews', 'https://www.google.com/url?q=cnn.com+x', 'https://www.google.com/url?q=',
  'https://www.google.com/url?q=a&q=https://cnn.com', "https://www.google.com/url?q=https://cnn.com/it's", 'https://google.com/link?url=https://cnn.it/x',
  'https://www.google.com/amp/s/www.infowars.com/politics/a.amp', 'https://news.google.com/amp/s/cnn.com/a', 'https://www.google.com/search?q=news',
  `https://news.google.com/rss/articles/${Buffer.from('\x08\x13\x22\x1bhttps://www.yahoo.com/news/b\xd2\x01\x00', 'latin1').toString('base64url')}?oc=5`,
  'https://news.google.com/articles/CBMiAAAAAAAAAAAAAAAAAAAAAAAA', 'https://l.facebook.com/l.php?u=https%3A%2F%2Finfowars.com%2Fz&h=AT0',
  'https://out.reddit.com/t3?url=https://cnn.com/x', 'https://duckduckgo.com/l/?uddg=https%3A%2F%2Fbbc.co.uk%2Fa',
  'https://web.archive.org/web/2019/https://www-cnn-com.cdn.ampproject.org/c/s/www.cnn.com/a',
  'https://web.archive.org/web/1/https://web.archive.org/web/2/https://web.archive.org/web/3/https://web.archive.org/web/4/https://web.archive.org/web/5/https://cnn.com',
]

test('the string fast path reads every address as URL() does', () => {
  for (const input of INPUTS) {
    const fast = readAddress(input)
    const slow = readAddress(input, true)
    assert.deepEqual(fast && { ...fast, url: undefined }, slow && { ...slow, url: undefined }, input)
  }
})

test('the fast path gives the same lookups as the URL() path', () => {
  const fast = createRatingsRegistry({ table })
  const slow = createRatingsRegistry({ table, slowAddresses: true })
  for (const input of INPUTS) assert.deepEqual(fast.lookup(input), slow.lookup(input), input)
})

test('plain article and wrapped URLs take the fast path; unusual ones fall back to URL()', () => {
  const plain = (s: string) => {
    try {
      unwrapPlain(s)
      return true
    } catch (e) {
      if (e === NEEDS_URL) return false
      throw e
    }
  }
  assert.ok(plain('https://www.infowars.com/2024/01/02/a-story.html?utm_source=x'))
  assert.ok(plain('https://web.archive.org/web/20200101000000/https://cnn.com/a/story'))
  assert.ok(plain('https://www-cnn-com.cdn.ampproject.org/c/s/www.cnn.com/a'))
  assert.ok(plain('https://www.google.com/url?q=https%3A%2F%2Fcnn.com%2Fa'))
  assert.ok(!plain('https://bücher.de/'))
  assert.ok(!plain('https://www.yahoo.com/lifestyle/../news/a'))
  assert.ok(!plain('https://user@cnn.com/'))
})

test('mutated addresses (a seeded fuzz) read the same on both paths', () => {
  let seed = 18
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  const alphabet = ['/', '.', '..', ':', '%', '%2e', '%41', '?', '#', '&', '=', '@', 'www.', 'xn--', 'ü', ' ', '\\', '-', '0', '9', 'A', 'q=', 'https://', 'http:/', '*', '_', "'", '+', '~', '[', 'Z.']
  const fast = createRatingsRegistry({ table })
  const slow = createRatingsRegistry({ table, slowAddresses: true })
  for (let i = 0; i < 20_000; i++) {
    let s = INPUTS[rand(INPUTS.length)]
    for (let k = rand(3) + 1; k > 0; k--) {
      const at = rand(s.length + 1)
      s = rand(4) === 0 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + alphabet[rand(alphabet.length)] + s.slice(at)
    }
    const a = readAddress(s)
    const b = readAddress(s, true)
    assert.deepEqual(a && { ...a, url: undefined }, b && { ...b, url: undefined }, s)
    assert.deepEqual(fast.lookup(s), slow.lookup(s), s)
  }
})
