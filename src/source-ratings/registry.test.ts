import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { loadRatingsTable } from './default-table.js'
import { createRatingsRegistry, isRated } from './registry.js'
import { parseRatingsList } from './user-list.js'

const fixture = (name: string) => new URL(`../../test/fixtures/source-ratings/${name}`, import.meta.url)
const table = loadRatingsTable(fixture('mini-table.json').pathname)

test('lookup finds a domain through www./m. hosts, subdomains, sections and wrappers', () => {
  const registry = createRatingsRegistry({ table })
  const cases: [string, string, number][] = [
    ['infowars.com', 'infowars.com', 0.05],
    ['https://www.infowars.com/posts/a', 'infowars.com', 0.05],
    ['https://web.archive.org/web/20170101000000/http://m.infowars.com/x', 'infowars.com', 0.05],
    ['news.bbc.co.uk', 'bbc.co.uk', 0.72],
    ['https://au.news.yahoo.com/a', 'news.yahoo.com', 0.82],
    ['https://www.yahoo.com/news/a-story', 'yahoo.com/news', 0.65],
    ['https://www.yahoo.com/lifestyle/a', 'yahoo.com', 0.69],
    ['https://www.newyorker.com/humor/borowitz-report/trump-x', 'newyorker.com/humor/borowitz-report', 0.27],
    ['https://www.newyorker.com/news/x', 'newyorker.com', 0.66],
    ['http://cnn.it/2cVdQBY', 'cnn.com', 0.66], // CNN's own short domain
    ['blogspot.com', 'blogspot.com', 0.67],
  ]
  for (const [input, domain, score] of cases) {
    const r = registry.lookup(input)
    assert.ok(isRated(r), `${input} should be rated`)
    assert.equal(r.domain, domain, input)
    assert.equal(r.score, score, input)
    assert.equal(r.list, 'mini', input)
    assert.equal(r.citation, 'fixture', input)
  }
})

test('bands follow the table thresholds: < 0.4 low, < 0.7 mixed, else high', () => {
  const registry = createRatingsRegistry({ table })
  const band = (d: string) => {
    const r = registry.lookup(d)
    return isRated(r) ? r.band : 'unrated'
  }
  assert.equal(band('infowars.com'), 'low')
  assert.equal(band('cnn.com'), 'mixed')
  assert.equal(band('bbc.co.uk'), 'high')
})

test('unrated is explicit and names the registrable domain; a blog does not inherit its platform rating', () => {
  const registry = createRatingsRegistry({ table })
  assert.deepEqual(registry.lookup('https://someone.blogspot.com/2017/06/story.html'), { domain: 'someone.blogspot.com', unrated: true })
  assert.deepEqual(registry.lookup('https://www.news.unknown-site.co.uk/a'), { domain: 'unknown-site.co.uk', unrated: true })
  assert.deepEqual(registry.lookup('http://fb.me/4u3Pw8xq8'), { domain: 'fb.me', unrated: true })
  assert.deepEqual(registry.lookup('https://bücher.de/'), { domain: 'xn--bcher-kva.de', unrated: true })
  assert.deepEqual(registry.lookup('not a domain'), { domain: null, unrated: true })
  assert.deepEqual(registry.lookup('mailto:x@cnn.com'), { domain: null, unrated: true })
})

test('user lists take precedence over the shipped table, in order, and say which list each rating came from', () => {
  const desk = parseRatingsList(readFileSync(fixture('user-list.csv'), 'utf8'), { name: 'desk' }).list
  const second = parseRatingsList('{"infowars.com": 0.9, "cnn.com": "unreliable", "yahoo.com": 0.1}', { name: 'second' }).list
  const registry = createRatingsRegistry({ table, lists: [desk, second] })
  const infowars = registry.lookup('https://www.infowars.com/x')
  assert.ok(isRated(infowars))
  assert.deepEqual([infowars.list, infowars.score, infowars.citation], ['desk', 0.3, 'user list "desk"'])
  const cnn = registry.lookup('cnn.com')
  assert.ok(isRated(cnn))
  assert.deepEqual([cnn.list, cnn.score, cnn.label, cnn.band], ['second', 0.2, 'unreliable', 'low'])
  // A user's rating of yahoo.com covers its subdomains, above the table's more specific news.yahoo.com.
  const yahoo = registry.lookup('news.yahoo.com')
  assert.ok(isRated(yahoo))
  assert.deepEqual([yahoo.list, yahoo.domain, yahoo.score], ['second', 'yahoo.com', 0.1])
  const satire = registry.lookup('satirewire.com')
  assert.ok(isRated(satire))
  assert.equal(satire.label, 'satire')
  assert.deepEqual(registry.lists().map((l) => l.name), ['desk', 'second', 'mini'])
})

test('setList replaces a list of the same name in place; removeList drops it and the table answers again', () => {
  const registry = createRatingsRegistry({ table })
  registry.setList(parseRatingsList('infowars.com,0.5', { name: 'a' }).list)
  registry.setList(parseRatingsList('infowars.com,0.6', { name: 'b' }).list)
  registry.setList(parseRatingsList('infowars.com,0.7', { name: 'a' }).list)
  assert.deepEqual(registry.lists().map((l) => l.name), ['a', 'b', 'mini'])
  const r = registry.lookup('infowars.com')
  assert.ok(isRated(r) && r.score === 0.7 && r.list === 'a')
  assert.equal(registry.removeList('a'), true)
  assert.equal(registry.removeList('a'), false)
  assert.equal(registry.removeList('b'), true)
  const back = registry.lookup('infowars.com')
  assert.ok(isRated(back) && back.list === 'mini')
  assert.throws(() => registry.setList({ name: 'mini', citation: '', entries: new Map() }), RangeError)
})

test('a registry without the shipped table rates only from user lists', () => {
  const registry = createRatingsRegistry({ table: null, lists: [parseRatingsList('example.com,0.4', { name: 'only' }).list] })
  assert.ok(isRated(registry.lookup('www.example.com')))
  assert.deepEqual(registry.lookup('cnn.com'), { domain: 'cnn.com', unrated: true })
})
