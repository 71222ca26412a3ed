import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseRobots, isAllowed } from './robots.js'
import { HostGate } from './host-gate.js'
import { parseInterval, backoffMs, formatInterval } from './interval.js'
import { canonicalUrl, contentHash, itemKey, itemId } from './item-key.js'
import { parseRetryAfter } from './http-get.js'

test('robots.txt: our group over *, longest match wins, Allow wins ties, wildcards and $', () => {
  const text = [
    'User-agent: *',
    'Disallow: /',
    '',
    'User-agent: otherbot',
    'User-agent: Factsift',
    'Disallow: /private',
    'Allow: /private/ok',
    'Disallow: /*.pdf$',
    'Disallow: /search?',
    'Crawl-delay: 2',
  ].join('\n')
  const rules = parseRobots(text)
  assert.equal(rules.crawlDelayMs, 2000)
  assert.equal(isAllowed(rules, '/news/a'), true)
  assert.equal(isAllowed(rules, '/private/x'), false)
  assert.equal(isAllowed(rules, '/private/ok/1'), true)
  assert.equal(isAllowed(rules, '/files/a.pdf'), false)
  assert.equal(isAllowed(rules, '/files/a.pdf?x=1'), true)
  assert.equal(isAllowed(rules, '/search?q=x'), false)
  const star = parseRobots('User-agent: *\nDisallow: /admin\nDisallow:\n')
  assert.equal(isAllowed(star, '/admin/x'), false)
  assert.equal(isAllowed(star, '/feed.xml'), true)
  assert.equal(isAllowed(parseRobots(''), '/anything'), true)
  assert.equal(isAllowed(parseRobots('User-agent: *\nDisallow: /\n'), '/feed.xml'), false)
})

test('host gate: one request at a time per host, spaced by the interval; hosts in parallel; pause', async () => {
  const gate = new HostGate({ minIntervalMs: 40 })
  const log: string[] = []
  let running = 0
  let most = 0
  const job = (host: string, name: string) =>
    gate.run(host, async () => {
      running++
      most = Math.max(most, running)
      log.push(`${name}@${Date.now()}`)
      await new Promise((r) => setTimeout(r, 5))
      running--
    })
  const started = Date.now()
  await Promise.all([job('a', 'a1'), job('a', 'a2'), job('a', 'a3'), job('b', 'b1')])
  const at = (name: string) => Number(log.find((l) => l.startsWith(`${name}@`))!.split('@')[1])
  assert.ok(at('a2') - at('a1') >= 40, 'interval between requests to one host')
  assert.ok(at('a3') - at('a2') >= 40)
  assert.ok(at('b1') - started < 30, 'another host does not wait')
  gate.pause('b', Date.now() + 100)
  const before = Date.now()
  await job('b', 'b2')
  assert.ok(at('b2') - before >= 95, 'a paused host waits')
  // A failing request still frees the host.
  await assert.rejects(gate.run('c', async () => { throw new Error('boom') }))
  assert.equal(await gate.run('c', async () => 42), 42)
})

test('intervals and back-off', () => {
  assert.equal(parseInterval('15m'), 900_000)
  assert.equal(parseInterval('2h'), 7_200_000)
  assert.equal(parseInterval('1.5s'), 1500)
  assert.throws(() => parseInterval('15'), /E_BAD_ARGUMENT|invalid interval/)
  assert.throws(() => parseInterval('0.5s'))
  assert.equal(formatInterval(900_000), '15m')
  assert.equal(backoffMs(60_000, 1), 60_000)
  assert.equal(backoffMs(60_000, 3), 240_000)
  assert.equal(backoffMs(60_000, 40), 24 * 3_600_000)
  assert.equal(backoffMs(60_000, 1, 600_000), 600_000)
  assert.equal(parseRetryAfter('120'), 120_000)
  assert.equal(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())! > 55_000, true)
  assert.equal(parseRetryAfter('soon'), null)
})

test('item identity: canonical URLs drop tracking and fragments; content hashes ignore markup and case', () => {
  assert.equal(canonicalUrl('HTTPS://News.Example:443/a?utm_source=rss&id=3&fbclid=x#top'), 'https://news.example/a?id=3')
  assert.equal(itemKey('fd-1', { guid: 'g', url: 'https://x.example/a?utm_medium=feed', title: null, content: null }), 'url:https://x.example/a')
  assert.equal(itemKey('fd-1', { guid: 'g', url: null, title: null, content: null }), 'guid:fd-1:g')
  assert.match(itemId('url:https://x.example/a'), /^fi-[0-9a-f]{24}$/)
  const body = 'The council voted on Thursday to approve the budget, including four new bus routes and flat taxes.'
  assert.equal(contentHash({ title: 'Budget', content: `<p>${body}</p>` }), contentHash({ title: 'BUDGET', content: body.toUpperCase() }))
  assert.notEqual(contentHash({ title: 'Budget', content: body }), contentHash({ title: 'Other', content: body }))
  assert.equal(contentHash({ title: 'Live updates', content: 'Short.' }), null)
})
