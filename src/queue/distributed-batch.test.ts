// The distributed batch against the real Redis and PostgreSQL: two workers share a queue; a worker SIGKILLed mid-job.
import { test, after, before } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import type { AddressInfo } from 'node:net'
import { serviceSkip, TEST_POSTGRES_URL, TEST_REDIS_URL, withPostgres } from '../test-support/services.js'
import type { BatchRecord } from '../batch/run-batch.js'
import { runDistributedBatch } from './distributed-batch.js'

const skip = (await serviceSkip('postgres')) || (await serviceSkip('redis'))
const run = randomBytes(5).toString('hex')
const dir = mkdtempSync(join(tmpdir(), 'factsift-queue-'))
const WORKER_CLI = fileURLToPath(new URL('./test-support/worker-cli.ts', import.meta.url))
/** `--import tsx` resolves from the working directory. */
const REPO = fileURLToPath(new URL('../..', import.meta.url))
const schema = `factsift_queue_${run}`
const db = withParams(TEST_POSTGRES_URL, { schema })
const prefix = `factsift-test-${run}`
const QUEUE_NAME = `batch-${run}`
const children = new Set<ChildProcess>()

function withParams(url: string, params: Record<string, string>): string {
  const parsed = new URL(url)
  for (const [key, value] of Object.entries(params)) parsed.searchParams.set(key, value)
  return parsed.toString()
}

const queue = withParams(TEST_REDIS_URL, { queue: QUEUE_NAME, prefix })
/** Both tests share two workers (starting one costs seconds); the second test kills one of them. */
let workers: { child: ChildProcess; name: string; stderr: () => string }[] = []

const article = (n: number) =>
  `Officials in Ohio said on Monday that project ${n} was approved. Reports emerged that it cost ${n} million dollars, ` +
  `according to a spokesperson for the council. Critics were quick to respond.`

function writeInput(name: string, lines: unknown[]): string {
  const path = join(dir, name)
  writeFileSync(path, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'))
  return path
}

function readRecords(path: string): BatchRecord[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as BatchRecord)
}

/** Starts `factsift worker` as a child process; resolves once it is taking jobs. */
async function startWorker(extra: string[] = []): Promise<{ child: ChildProcess; name: string; stderr: () => string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WORKER_CLI, 'worker', '--queue', queue, '--db', db, '--lock-ms', '2000', '--stalled-ms', '1000', ...extra],
    { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, FACTSIFT_PG_POOL_SIZE: '2' } },
  )
  children.add(child)
  child.once('exit', () => children.delete(child))
  let stderr = ''
  child.stderr!.on('data', (data) => (stderr += data))
  const deadline = Date.now() + 45_000
  for (;;) {
    const match = /worker (\S+): processing queue/.exec(stderr)
    if (match) return { child, name: match[1]!, stderr: () => stderr }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`worker did not start: ${stderr}`)
    await sleep(50)
  }
}

async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  child.kill(signal)
  return exited
}


async function withQueue<T>(body: (queue: import('bullmq').Queue) => Promise<T>): Promise<T> {
  const [{ Queue }, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')])
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null })
  const queue = new Queue(QUEUE_NAME, { connection, prefix })
  try {
    return await body(queue)
  } finally {
    await queue.close()
    connection.disconnect()
  }
}

/** Item id → name of the worker that completed its job. */
function completedBy(): Promise<Map<string, string>> {
  return withQueue(async (queue) => {
    const jobs = await queue.getJobs(['completed'], 0, -1)
    return new Map(jobs.map((job) => [job.data.id as string, (job.returnvalue as { worker: string }).worker]))
  })
}

before(async () => {
  if (skip) return
  // Create the schema once up front, so the workers starting together do not all race to migrate it.
  const { openPostgresStore } = await import('../store/postgres/postgres-store.js')
  await (await openPostgresStore(db)).close()
  // The second test's first item is fetched from a local server; the worker holding it waits as long as we like.
  const limits = ['--allow-private-network', '--timeout', '120000']
  workers = await Promise.all([startWorker(limits), startWorker(limits)])
})

after(async () => {
  await Promise.all([...children].map((child) => stop(child, 'SIGKILL')))
  rmSync(dir, { recursive: true, force: true })
  if (skip) return
  await withQueue((q) => q.obliterate({ force: true }))
  const { Redis } = await import('ioredis')
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null })
  // Whatever else carries the run's prefix (worker metadata, event streams).
  const keys = await connection.keys(`${prefix}:*`)
  if (keys.length > 0) await connection.del(...keys)
  connection.disconnect()
  await withPostgres((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))
})

test('two workers share a queue: every item once, errors recorded, the same --out format as a local batch', { skip }, async () => {
  const N = 8
  const input = writeInput('share.jsonl', [
    ...Array.from({ length: N }, (_, i) => ({ id: `doc-${i}`, title: `Story ${i}`, text: article(i) })),
    '{"id": "broken", ',
    { id: 'blank', text: '\u200b\u200b' },
    // As in a local batch: a reused id with the same content is processed once, with other content it is an error.
    { id: 'doc-3', title: 'Story 3', text: article(3) },
    { id: 'doc-5', text: 'another article under a reused id' },
  ])
  const out = join(dir, 'share-out.jsonl')
  const summary = await runDistributedBatch({ input, out, queue, db, wait: true, pollMs: 100, log: () => {} })

  const records = readRecords(out)
  assert.equal(records.length, N + 3)
  assert.equal(new Set(records.map((r) => r.id)).size, N + 2, 'only the reused id twice')
  for (const line of readFileSync(out, 'utf8').trim().split('\n')) assert.match(line, /^\{"id":"[^"]+","seq":\d+,"where":"[^"]+","status":"(ok|error)",/)
  const ok = records.filter((r) => r.status === 'ok')
  assert.deepEqual(ok.map((r) => r.id).sort(), Array.from({ length: N }, (_, i) => `doc-${i}`).sort())
  for (const r of ok) if (r.status === 'ok') assert.equal(r.report.document.title, `Story ${r.id.slice(4)}`)
  const errors = records.flatMap((r) => (r.status === 'error' ? [[r.where, r.error.code]] : []))
  assert.deepEqual(errors.sort((x, y) => x[1]!.localeCompare(y[1]!)), [
    [`line ${N + 1}`, 'E_BAD_DATA_ROW'],
    [`line ${N + 4}`, 'E_DUPLICATE_ID'],
    [`line ${N + 2}`, 'E_INPUT_EMPTY'],
  ])
  const duplicate = records.find((r) => r.status === 'error' && r.error.code === 'E_DUPLICATE_ID')
  assert.ok(duplicate?.status === 'error')
  assert.equal(duplicate.id, 'doc-5')
  assert.equal(duplicate.error.message, `line ${N + 4}: id "doc-5" was already used by line 6 for different content`)
  assert.equal(summary.analyzed, N)
  assert.equal(summary.errors, 3)
  assert.equal(summary.skipped, 1)
  assert.deepEqual(summary.errorsByCode, { E_BAD_DATA_ROW: 1, E_DUPLICATE_ID: 1, E_INPUT_EMPTY: 1 })
  assert.equal(summary.byLabel.low + summary.byLabel.medium + summary.byLabel.high, N)

  const rows = await withPostgres((client) => client.query<{ n: number; ids: number }>(`SELECT COUNT(*)::int AS n, COUNT(DISTINCT id)::int AS ids FROM ${schema}.reports`))
  assert.deepEqual(rows.rows[0], { n: N, ids: N })
  const done = await completedBy()
  assert.equal(done.size, N)
  assert.deepEqual(new Set(done.values()), new Set(workers.map((w) => w.name)), 'both workers took jobs')

  // Enqueueing the same items again is a no-op: the kept jobs answer at once, nothing is analyzed twice.
  const again = join(dir, 'share-again.jsonl')
  const second = await runDistributedBatch({ input, out: again, queue, db, wait: true, pollMs: 100, log: () => {} })
  assert.equal(second.analyzed, N)
  assert.deepEqual(readRecords(again).map((r) => r.id).sort(), records.map((r) => r.id).sort())
  assert.deepEqual(await completedBy(), done)
})

test('a worker SIGKILLed mid-job: another worker takes the job over; nothing lost, nothing duplicated', { skip }, async () => {
  // The first item is a URL whose first fetch never answers: the worker holding it is "mid-job" for as long as we like.
  let slowRequests = 0
  let announceHeld!: () => void
  const held = new Promise<void>((resolve) => (announceHeld = resolve))
  const server: Server = createServer((request, response) => {
    if (request.url !== '/slow') return void response.writeHead(404).end()
    slowRequests++
    if (slowRequests === 1) return announceHeld()
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<html><head><title>Slow story</title></head><body><article><h1>Slow story</h1><p>${article(99)}</p><p>${article(98)}</p></article></body></html>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const port = (server.address() as AddressInfo).port
    const M = 6
    const input = writeInput('kill.jsonl', [
      { id: 'slow', url: `http://127.0.0.1:${port}/slow` },
      ...Array.from({ length: M }, (_, i) => ({ id: `k-${i}`, text: article(i) })),
    ])
    const enqueueOnly = await runDistributedBatch({ input, out: join(dir, 'kill-enqueue.jsonl'), queue, wait: false, log: () => {} })
    assert.equal(enqueueOnly.errors, 0)
    await held
    // Whichever worker took the slow job is killed; the job says which (BullMQ's processedBy = the worker's name).
    const holder = await withQueue(async (q) => (await q.getJob('slow'))?.processedBy)
    const doomed = workers.find((w) => w.name === holder)
    const survivor = workers.find((w) => w.name !== holder)!
    assert.ok(doomed, `the slow job is held by ${holder}`)
    await stop(doomed.child, 'SIGKILL')
    const out = join(dir, 'kill-out.jsonl')
    const summary = await runDistributedBatch({ input, out, queue, db, wait: true, pollMs: 100, log: () => {} })
    assert.equal(summary.analyzed, M + 1)
    assert.equal(summary.errors, 0)
    const records = readRecords(out)
    assert.deepEqual(records.map((r) => r.id).sort(), ['slow', ...Array.from({ length: M }, (_, i) => `k-${i}`)].sort())
    const slow = records.find((r) => r.id === 'slow')
    assert.ok(slow?.status === 'ok' && slow.report.document.title === 'Slow story')
    assert.equal(slowRequests, 2, 'the killed worker fetched once, the survivor once more')

    assert.equal((await completedBy()).get('slow'), survivor.name)
    const rows = await withPostgres((client) =>
      client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${schema}.reports WHERE id = 'slow' OR id LIKE 'k-%'`),
    )
    assert.equal(rows.rows[0]!.n, M + 1)
    // SIGTERM: the survivor finishes what it holds and exits cleanly.
    assert.equal(await stop(survivor.child), 0)
    assert.match(survivor.stderr(), /stopped after \d+ done/)
  } finally {
    server.closeAllConnections()
    server.close()
  }
})
