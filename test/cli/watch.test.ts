// `factsift watch` as a process: kill -9 in the middle, start again, and every item is analyzed exactly once.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'

// The CLI from source (through tsx): no build needed; worker threads register tsx themselves.
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'factsift-watch-cli-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const ITEMS = 40
mkdirSync(join(dir, 'articles'))
for (let i = 0; i < ITEMS; i++) {
  const sentences = `Officials said on Monday that project ${i} was approved by the council. Reports emerged that it cost ${i + 3} million dollars, according to the city budget office. `
  writeFileSync(join(dir, 'articles', `a${i}.html`), `<!doctype html><html><head><title>Story ${i}</title></head><body><article><h1>Story ${i}</h1><p>${sentences.repeat(8)}</p></article></body></html>`)
}
const feed = join(dir, 'feed.rss')
writeFileSync(
  feed,
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Kill Test</title>${Array.from({ length: ITEMS }, (_, i) => `<item><title>Story ${i}</title><link>articles/a${i}.html</link><guid>s${i}</guid></item>`).join('')}</channel></rss>`,
)
const db = join(dir, 'watch.db')

function cli(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args, '--db', db], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
}

async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = cli(args)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { code, stdout, stderr }
}

const idsOf = (output: string, word: string) => [...output.matchAll(new RegExp(`^${word} (fi-[0-9a-f]{24})`, 'gm'))].map((m) => m[1]!)

test('kill -9 during watch, then restart: every item analyzed once, its report saved once', { timeout: 180_000 }, async () => {
  const added = await run(['feeds', 'add', feed, '--name', 'Kill Test', '--every', '1h'])
  assert.equal(added.code, 0, added.stderr)

  // Two analysis threads; killed once a few items are done (many are then in flight).
  const child = cli(['watch', '--threads', '2'])
  let firstOut = ''
  child.stdout.on('data', (d) => (firstOut += d))
  const deadline = Date.now() + 120_000
  while (idsOf(firstOut, 'analyzed').length < 5 && Date.now() < deadline) await sleep(50)
  child.kill('SIGKILL')
  await new Promise((resolve) => child.once('exit', resolve))
  const before = idsOf(firstOut, 'analyzed')
  assert.ok(before.length >= 5 && before.length < ITEMS, `killed after ${before.length} items`)

  const resumed = await run(['watch', '--once'])
  assert.equal(resumed.code, 0, resumed.stderr)
  const after = idsOf(resumed.stdout, 'analyzed')
  const recovered = idsOf(resumed.stdout, 'recovered')
  const logged = [...before, ...after]
  assert.equal(new Set(logged).size, logged.length, 'no item analyzed in both runs')
  for (const id of recovered) assert.ok(!logged.includes(id), `${id} recovered, not analyzed again`)

  const sqlite = new Database(db, { readonly: true })
  try {
    const items = sqlite.prepare('SELECT id, status, report_id FROM feed_items').all() as { id: string; status: string; report_id: string }[]
    assert.equal(items.length, ITEMS)
    for (const item of items) assert.deepEqual([item.status, item.report_id], ['analyzed', item.id])
    // Reports are replaced by delete + insert with a new seq: ITEMS rows and max(seq) = ITEMS means each was saved once.
    const reports = sqlite.prepare('SELECT count(*) AS n, max(seq) AS top FROM reports').get() as { n: number; top: number }
    assert.deepEqual(reports, { n: ITEMS, top: ITEMS }, 'each report saved exactly once')
    const stored = new Set((sqlite.prepare('SELECT id FROM reports').all() as { id: string }[]).map((r) => r.id))
    for (const item of items) assert.ok(stored.has(item.id))
  } finally {
    sqlite.close()
  }

  // feeds list shows the feed healthy; a third start has nothing to do.
  const list = await run(['feeds', 'list'])
  assert.match(list.stdout, /Kill Test/)
  assert.match(list.stdout, new RegExp(`${ITEMS} items`))
  const idle = await run(['watch', '--once', '--quiet'])
  assert.equal(idle.code, 0)
  assert.match(idle.stderr, /0 feeds polled .* 0 analyzed/)
})

test('feeds add refuses a bad interval and an unknown scheme; remove of an unknown feed is E_NOT_FOUND', async () => {
  const bad = await run(['feeds', 'add', feed, '--every', '15'])
  assert.equal(bad.code, 2)
  assert.match(bad.stderr, /^factsift: E_BAD_ARGUMENT invalid interval/)
  const scheme = await run(['feeds', 'add', 'ftp://x.example/feed'])
  assert.equal(scheme.code, 2)
  assert.match(scheme.stderr, /E_BAD_ARGUMENT/)
  const missing = await run(['feeds', 'remove', 'fd-000000000000'])
  assert.equal(missing.code, 2)
  assert.match(missing.stderr, /^factsift: E_NOT_FOUND/)
})

test('watch --queue refuses a SQLite store (workers elsewhere cannot reach the file) with a coded error', async () => {
  const refused = await run(['watch', '--once', '--queue', 'redis://127.0.0.1:6379'])
  assert.equal(refused.code, 2)
  assert.match(refused.stderr, /^factsift: E_BAD_ARGUMENT --queue needs --db postgres:\/\//)
})
