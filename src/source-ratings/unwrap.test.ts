import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseAddress, unwrapUrl } from './unwrap.js'

const unwrapped = (input: string) => {
  const url = parseAddress(input)
  return url ? unwrapUrl(url).href : null
}

test('parseAddress accepts URLs, scheme-less addresses and bare domains, and refuses other schemes', () => {
  assert.equal(parseAddress('example.com')?.hostname, 'example.com')
  assert.equal(parseAddress('//example.com/a')?.pathname, '/a')
  assert.equal(parseAddress('example.com/news/a')?.pathname, '/news/a')
  assert.equal(parseAddress('ftp://example.com'), null)
  assert.equal(parseAddress('mailto:a@example.com'), null)
  assert.equal(parseAddress('   '), null)
})

test('unwrapUrl finds the article inside archive, AMP-cache and redirect wrappers', () => {
  const cases: [string, string][] = [
    ['https://web.archive.org/web/20170101000000/http://www.infowars.com/a-story/', 'http://www.infowars.com/a-story/'],
    ['https://web.archive.org/web/20170101000000id_/https://example.com/x', 'https://example.com/x'],
    ['http://web.archive.org/web/2017*/example.com/x', 'http://example.com/x'],
    ['https://web.archive.org/web/20170101000000/http:/collapsed.com/x', 'http://collapsed.com/x'],
    ['https://archive.ph/newest/https://www.newsweek.com/story', 'https://www.newsweek.com/story'],
    ['https://archive.today/20200101000000/https://example.com/a', 'https://example.com/a'],
    ['https://archive.is/o/AbCd1/https://example.com/b', 'https://example.com/b'],
    ['https://www-washingtonpost-com.cdn.ampproject.org/c/s/www.washingtonpost.com/politics/x', 'https://www.washingtonpost.com/politics/x'],
    ['https://example-news--site-com.cdn.ampproject.org/v/example-news-site.com/a', 'http://example-news-site.com/a'],
    ['https://www.google.com/url?q=https://www.breitbart.com/x&sa=D', 'https://www.breitbart.com/x'],
    ['https://www.google.co.uk/url?url=https%3A%2F%2Fwww.bbc.co.uk%2Fnews', 'https://www.bbc.co.uk/news'],
    ['https://www.google.com/amp/s/www.foxnews.com/politics/a.amp', 'https://www.foxnews.com/politics/a.amp'],
    ['https://news.google.com/amp/s/example.com/a', 'https://example.com/a'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fz&h=AT0', 'https://example.org/z'],
    // An archived AMP page: two wrappers.
    ['https://web.archive.org/web/2019/https://www-cnn-com.cdn.ampproject.org/c/s/www.cnn.com/a', 'https://www.cnn.com/a'],
  ]
  for (const [input, expected] of cases) assert.equal(unwrapped(input), expected, input)
})

test('a Google News article id that holds its URL in clear is unwrapped; an opaque one is not', () => {
  const id = Buffer.from('\x08\x13\x22\x1bhttps://www.reuters.com/a/b\xd2\x01\x00', 'latin1').toString('base64url')
  assert.equal(unwrapped(`https://news.google.com/rss/articles/${id}?oc=5`), 'https://www.reuters.com/a/b')
  assert.equal(unwrapped('https://news.google.com/articles/CBMiAAAAAAAAAAAAAAAAAAAAAAAA'), 'https://news.google.com/articles/CBMiAAAAAAAAAAAAAAAAAAAAAAAA')
})

test('addresses that wrap nothing, or name no URL, stay as they are', () => {
  assert.equal(unwrapped('https://www.nytimes.com/2020/01/01/us/a.html'), 'https://www.nytimes.com/2020/01/01/us/a.html')
  assert.equal(unwrapped('https://archive.ph/AbCd1'), 'https://archive.ph/AbCd1')
  assert.equal(unwrapped('https://www.google.com/search?q=news'), 'https://www.google.com/search?q=news')
})
