// The admission queue on its own: bounded, large inputs one at a time, the time budget waiting and running.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createAdmission, type AdmissionOptions } from './admission.js'
import { FactsiftError } from '../errors.js'

const LIMITS: AdmissionOptions = { concurrency: 2, maxQueue: 3, largeBytes: 1000, maxLarge: 1, maxPendingBytes: 10_000, timeoutMs: 5_000 }

/** A run function whose jobs end when the test says so. */
function controlled() {
  const started: string[] = []
  const finish = new Map<string, () => void>()
  const run = (input: { text?: string }) =>
    new Promise<string>((resolve) => {
      const name = input.text!.slice(0, 8).trim()
      started.push(name)
      finish.set(name, () => resolve(name))
    })
  return { started, finish: (name: string) => finish.get(name)!(), run }
}

const isCode = (code: string) => (error: unknown) => error instanceof FactsiftError && error.code === code

test('at most `concurrency` run; `maxQueue` wait; one more is 503 E_SERVER_BUSY with a Retry-After in seconds', async () => {
  const c = controlled()
  const admission = createAdmission(c.run, LIMITS)
  const jobs = ['a', 'b', 'c', 'd', 'e'].map((name) => admission.submit({ text: name }, {}))
  assert.deepEqual(c.started, ['a', 'b'])
  assert.deepEqual(admission.stats(), { running: 2, runningLarge: 0, waiting: 3, pendingBytes: 5 })
  await assert.rejects(admission.submit({ text: 'f' }, {}), (error: unknown) => {
    assert.ok(isCode('E_SERVER_BUSY')(error))
    const retryAfter = (error as FactsiftError).details?.retryAfter as number
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 120, String(retryAfter))
    return true
  })
  for (const name of ['a', 'b']) c.finish(name)
  await new Promise((resolve) => setImmediate(resolve))
  assert.deepEqual(c.started, ['a', 'b', 'c', 'd'])
  for (const name of ['c', 'd']) c.finish(name)
  await new Promise((resolve) => setImmediate(resolve))
  c.finish('e')
  assert.deepEqual(await Promise.all(jobs), ['a', 'b', 'c', 'd', 'e'])
  assert.deepEqual(admission.stats(), { running: 0, runningLarge: 0, waiting: 0, pendingBytes: 0 })
})

test('large inputs run one at a time; small ones behind a waiting large one go ahead', async () => {
  const c = controlled()
  const admission = createAdmission(c.run, LIMITS)
  const big = (name: string) => `${name.padEnd(8)}${'x'.repeat(1500)}`
  const first = admission.submit({ text: big('L1') }, {})
  const second = admission.submit({ text: big('L2') }, {})
  const small = admission.submit({ text: 's1' }, {})
  assert.deepEqual(c.started, ['L1', 's1'], 'L2 waits for the large slot, s1 takes the free one')
  c.finish('s1')
  await small
  await new Promise((resolve) => setImmediate(resolve))
  assert.deepEqual(c.started, ['L1', 's1'])
  c.finish('L1')
  await first
  await new Promise((resolve) => setImmediate(resolve))
  assert.deepEqual(c.started, ['L1', 's1', 'L2'])
  c.finish('L2')
  await second
})

test('largeApart: a large input takes its own slot, not one of the `concurrency` slots small ones use', async () => {
  const c = controlled()
  const admission = createAdmission(c.run, { ...LIMITS, largeApart: true })
  const big = (name: string) => `${name.padEnd(8)}${'x'.repeat(1500)}`
  const jobs = [admission.submit({ text: big('L1') }, {}), admission.submit({ text: big('L2') }, {})]
  jobs.push(...['s1', 's2', 's3'].map((name) => admission.submit({ text: name }, {})))
  assert.deepEqual(c.started, ['L1', 's1', 's2'], 'L1 beside two small ones; L2 waits for the large slot, s3 for a small one')
  assert.deepEqual(admission.stats(), { running: 3, runningLarge: 1, waiting: 2, pendingBytes: 2 * 1508 + 6 })
  c.finish('L1')
  await new Promise((resolve) => setImmediate(resolve))
  assert.deepEqual(c.started, ['L1', 's1', 's2', 'L2'])
  for (const name of ['s1', 's2']) c.finish(name)
  await new Promise((resolve) => setImmediate(resolve))
  assert.deepEqual(c.started, ['L1', 's1', 's2', 'L2', 's3'])
  for (const name of ['L2', 's3']) c.finish(name)
  assert.equal((await Promise.all(jobs)).length, 5)
})

test('input bytes held are capped: past maxPendingBytes the request is refused, but one request alone always fits', async () => {
  const c = controlled()
  const admission = createAdmission(c.run, { ...LIMITS, maxPendingBytes: 2000, largeBytes: 100_000 })
  const alone = admission.submit({ text: `A${'x'.repeat(2999)}` }, {})
  await assert.rejects(admission.submit({ text: 'tiny' }, {}), isCode('E_SERVER_BUSY'))
  c.finish(`A${'x'.repeat(7)}`)
  await alone
})

test('time budget: still waiting → 503 E_SERVER_BUSY; running → 504 E_ANALYSIS_TIMEOUT, its slot held until it ends', async () => {
  const c = controlled()
  const admission = createAdmission(c.run, { ...LIMITS, concurrency: 1, timeoutMs: 50 })
  const running = admission.submit({ text: 'slow' }, {})
  const waiting = admission.submit({ text: 'queued' }, {})
  await assert.rejects(running, isCode('E_ANALYSIS_TIMEOUT'))
  await assert.rejects(waiting, isCode('E_SERVER_BUSY'))
  assert.equal(admission.stats().running, 1, 'the timed-out analysis still holds its slot')
  const next = admission.submit({ text: 'next' }, {})
  assert.deepEqual(c.started, ['slow'], 'nothing starts while the slow one still runs')
  c.finish('slow')
  await new Promise((resolve) => setImmediate(resolve))
  assert.deepEqual(c.started, ['slow', 'next'])
  c.finish('next')
  assert.equal(await next, 'next')
})

test('a run function that throws synchronously rejects that request only', async () => {
  let calls = 0
  const admission = createAdmission((input: { text?: string }) => {
    calls++
    if (input.text === 'boom') throw new FactsiftError('E_INPUT_EMPTY', 'no text')
    return Promise.resolve('ok')
  }, LIMITS)
  await assert.rejects(admission.submit({ text: 'boom' }, {}), isCode('E_INPUT_EMPTY'))
  assert.equal(await admission.submit({ text: 'fine' }, {}), 'ok')
  assert.equal(calls, 2)
})
