// Alerts end to end: `factsift watch --webhook` on feeds repeating a claim rated false, killed with SIGKILL once alerts
// flow, then restarted: every alert reaches the local receiver once, signed with HMAC-SHA256; claims/alerts commands.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { createHmac } from 'node:crypto'
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))
const CLAIMREVIEW = fileURLToPath(new URL('../../examples/feeds/claimreview-5g-birds.json', import.meta.url))
const SECRET = 'test-secret-0123456789abcdef'
const dir = mkdtempSync(join(tmpdir(), 'factsift-alerts-cli-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const OUTLETS = ['Lakeside Post', 'Arden Herald', 'County Wire']
// Enough items that the kill lands mid-run: two alerts are delivered (the first request answered 503) after ~12 of
// them are analyzed, so with 15 a faster analysis could finish the run before the kill.
const PER_FEED = 12
mkdirSync(join(dir, 'articles'))
const VARIANTS = [
  'The new 5G towers killed the birds at Lake Arden, a viral post claims.',
  'A video claims that the new 5G towers killed the birds at Lake Arden.',
  'Residents say the new 5G towers killed the birds at Lake Arden.',
]
OUTLETS.forEach((outlet, f) => {
  const items: string[] = []
  for (let i = 0; i < PER_FEED; i++) {
    const name = `f${f}-a${i}.html`
    const body = `${VARIANTS[(f + i) % VARIANTS.length]} Officials said on day ${i} that ${outlet} readers shared the post ${100 + i} times. The wildlife agency said tests on the birds would take two weeks.`
    writeFileSync(join(dir, 'articles', name), `<!doctype html><html><head><title>${outlet} story ${i}</title></head><body><article><h1>Birds at Lake Arden, part ${i}</h1><p>${body}</p></article></body></html>`)
    items.push(`<item><title>${outlet} story ${i}</title><link>articles/${name}</link><guid>${outlet}-${i}</guid></item>`)
  }
  writeFileSync(join(dir, `feed${f}.rss`), `<?xml version="1.0"?><rss version="2.0"><channel><title>${outlet}</title>${items.join('')}</channel></rss>`)
})
copyFileSync(CLAIMREVIEW, join(dir, 'claimreview.json'))
const db = join(dir, 'alerts.db')

function cli(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args, '--db', db], {
    env: { ...process.env, NO_COLOR: '1', FACTSIFT_WEBHOOK_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
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

test('kill -9 during watch --webhook, then restart: every alert delivered, none recorded as delivered sent again, signed', { timeout: 240_000 }, async () => {
  // The receiver: checks the signature, answers 503 to the very first request (a retry must follow), 200 after.
  const delivered = new Map<string, number>()
  const bad: string[] = []
  let requests = 0
  const byId: string[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const expected = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`
      const key = String(req.headers['idempotency-key'])
      if (req.headers['x-factsift-signature'] !== expected || JSON.parse(body).idempotencyKey !== key) bad.push(key)
      if (requests++ === 0) return void res.writeHead(503).end()
      delivered.set(key, (delivered.get(key) ?? 0) + 1)
      byId.push(String(req.headers['x-factsift-alert-id']))
      res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const hook = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`
  try {
    assert.equal((await run(['factchecks', 'import', join(dir, 'claimreview.json')])).code, 0)
    for (let f = 0; f < OUTLETS.length; f++) assert.equal((await run(['feeds', 'add', join(dir, `feed${f}.rss`), '--name', OUTLETS[f]!, '--every', '1h'])).code, 0)

    const refused = await run(['watch', '--once', '--webhook', 'ftp://x'])
    assert.equal(refused.code, 2)

    const child = cli(['watch', '--webhook', hook])
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    const deadline = Date.now() + 150_000
    while ((out.match(/^alert delivered /gm) ?? []).length < 2 && Date.now() < deadline) await sleep(50)
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const receivedBeforeKill = byId.length
    const recorded = new Set([...out.matchAll(/^alert delivered (al-[0-9a-f]{16})/gm)].map((m) => m[1]!))
    assert.ok((out.match(/^analyzed /gm) ?? []).length < OUTLETS.length * PER_FEED, 'killed mid-run')

    await sleep(2500) // the first (503) delivery's retry comes due
    const resumed = await run(['watch', '--once', '--webhook', hook])
    assert.equal(resumed.code, 0, resumed.stderr)

    const sqlite = new Database(db, { readonly: true })
    let keys: string[]
    try {
      keys = (sqlite.prepare('SELECT idempotency_key AS k FROM alerts').all() as { k: string }[]).map((r) => r.k)
      const pending = sqlite.prepare('SELECT count(*) AS n FROM alert_outbox WHERE delivered_at IS NULL').get() as { n: number }
      assert.equal(pending.n, 0, `every outbox row delivered: ${JSON.stringify(sqlite.prepare('SELECT * FROM alert_outbox WHERE delivered_at IS NULL').all())} ${Date.now()}\n${resumed.stdout}`)
      const analyzed = sqlite.prepare("SELECT count(*) AS n FROM feed_items WHERE status = 'analyzed'").get() as { n: number }
      assert.equal(analyzed.n, OUTLETS.length * PER_FEED)
      const reports = sqlite.prepare('SELECT count(*) AS n FROM claim_reports').get() as { n: number }
      assert.equal(reports.n, OUTLETS.length * PER_FEED, 'every report reached the claim store')
    } finally {
      sqlite.close()
    }
    assert.ok(keys.filter((k) => k.startsWith('known-false-repeat:')).length >= OUTLETS.length * PER_FEED, `one known-false alert per article (${keys.length} alerts)`)
    assert.deepEqual(bad, [], 'every request signed')
    assert.deepEqual([...delivered.keys()].sort(), [...keys].sort(), 'every alert delivered')
    // A delivery recorded as done is never sent again. The only repeats allowed are deliveries whose 2xx arrived while
    // the process was being killed (not yet recorded): the receiver sees the same Idempotency-Key and drops them.
    const resent = byId.slice(receivedBeforeKill)
    for (const id of resent) assert.ok(!recorded.has(id), `${id} was recorded delivered and sent again`)
    const repeats = [...delivered.values()].filter((n) => n > 1).length
    assert.ok(repeats <= 20, `${repeats} repeats: at most the deliveries in flight at the kill`)
    for (const [key, n] of delivered) assert.ok(n <= 2, `${key} delivered ${n} times`)
    assert.ok(requests > delivered.size, 'the refused request was retried')

    // claims and alerts commands read it back.
    const claims = await run(['claims', '--known-false', '--format', 'json'])
    assert.equal(claims.code, 0, claims.stderr)
    const clusters = JSON.parse(claims.stdout) as { id: string; outletCount: number; knownFalse: boolean }[]
    assert.ok(clusters.length >= 1)
    assert.equal(clusters[0]!.outletCount, OUTLETS.length, 'the rumour is one cluster told by three outlets')
    const shown = await run(['claims', 'show', clusters[0]!.id])
    assert.equal(shown.code, 0)
    assert.match(shown.stdout, /rated false/)
    const alerts = await run(['alerts', '--format', 'json', '--limit', '1000'])
    assert.equal((JSON.parse(alerts.stdout) as unknown[]).length, keys.length)
    const firstPage = await run(['alerts', '--format', 'json'])
    assert.equal((JSON.parse(firstPage.stdout) as unknown[]).length, Math.min(50, keys.length), 'at most 50 alerts by default')
    const text = await run(['alerts'])
    assert.match(text.stdout, /known-false-repeat/)
    assert.match(text.stdout, /delivered/)
  } finally {
    server.close()
  }
})
