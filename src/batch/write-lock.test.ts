import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Worker } from 'node:worker_threads'
import { createWriteLockBuffer, withWriteLock } from './write-lock.js'

// A write that reads a shared counter, yields, then writes it back loses updates unless writers take turns.
const RACY_WRITER = `
const { workerData, parentPort } = require('node:worker_threads')
const counter = new Int32Array(workerData.counter)
const word = new Int32Array(workerData.lock)
;(async () => {
  for (let i = 0; i < workerData.rounds; i++) {
    while (Atomics.compareExchange(word, 0, 0, 1) !== 0) Atomics.wait(word, 0, 1)
    const seen = Atomics.load(counter, 0)
    await new Promise((resolve) => setImmediate(resolve))
    Atomics.store(counter, 0, seen + 1)
    Atomics.store(word, 0, 0)
    Atomics.notify(word, 0, 1)
  }
  parentPort.postMessage('done')
})()
`

test('items of one thread queue behind each other instead of blocking on their own lock', async () => {
  const locked = withWriteLock(createWriteLockBuffer())
  const order: string[] = []
  const slow = locked(async () => {
    order.push('a start')
    await new Promise((resolve) => setTimeout(resolve, 20))
    order.push('a end')
  })
  const fast = locked(async () => void order.push('b'))
  await Promise.all([slow, fast])
  assert.deepEqual(order, ['a start', 'a end', 'b'])
})

test('a failed write releases the lock for the next one', async () => {
  const locked = withWriteLock(createWriteLockBuffer())
  await assert.rejects(locked(async () => { throw new Error('disk full') }), /disk full/)
  assert.equal(await locked(async () => 'saved'), 'saved')
})

test('this thread and a racing thread never write at the same time', async () => {
  const lock = createWriteLockBuffer()
  const counter = new SharedArrayBuffer(4)
  const rounds = 200
  const other = new Worker(RACY_WRITER, { eval: true, workerData: { lock, counter, rounds } })
  const otherDone = new Promise((resolve, reject) => (other.once('message', resolve), other.once('error', reject)))
  const locked = withWriteLock(lock)
  const shared = new Int32Array(counter)
  // This side is the main thread of the test: it only takes the lock between the worker's turns, never blocking for long.
  for (let i = 0; i < rounds; i++) {
    await locked(async () => {
      const seen = Atomics.load(shared, 0)
      await new Promise((resolve) => setImmediate(resolve))
      Atomics.store(shared, 0, seen + 1)
    })
  }
  await otherDone
  await other.terminate()
  assert.equal(Atomics.load(shared, 0), 2 * rounds)
})
