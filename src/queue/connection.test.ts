// Queue URL parsing and job ids: no Redis needed.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { jobIdFor, parseQueueLocation, DEFAULT_QUEUE_NAME, DEFAULT_QUEUE_PREFIX } from './connection.js'
import { isPermanent, parseFailureReason, failureReason } from './jobs.js'
import { FactsiftError } from '../errors.js'

test('queue URL: defaults, our parameters split off, password hidden', () => {
  const plain = parseQueueLocation('redis://127.0.0.1:6379')
  assert.equal(plain.name, DEFAULT_QUEUE_NAME)
  assert.equal(plain.prefix, DEFAULT_QUEUE_PREFIX)
  const custom = parseQueueLocation('redis://:secret@redis.internal:6380/2?queue=news&prefix=team-a')
  assert.equal(custom.name, 'news')
  assert.equal(custom.prefix, 'team-a')
  assert.equal(custom.redisUrl, 'redis://:secret@redis.internal:6380/2')
  assert.ok(!custom.display.includes('secret'))
  for (const bad of ['http://x', 'not a url', 'redis://h?queue=a:b', 'redis://h?prefix=']) {
    assert.throws(() => parseQueueLocation(bad), (e: unknown) => e instanceof FactsiftError && e.code === 'E_BAD_ARGUMENT', bad)
  }
})

test('job ids: one-to-one, never an integer, never a colon', () => {
  const ids = ['doc-1', 'sha256:abc', 'sha256%3Aabc', '42', '#42', '%', '4.5', 'a:b:c', 'dir/file.txt']
  const jobIds = ids.map(jobIdFor)
  assert.equal(new Set(jobIds).size, ids.length)
  for (const jobId of jobIds) {
    assert.ok(!jobId.includes(':'), jobId)
    assert.notEqual(`${Number.parseInt(jobId, 10)}`, jobId)
  }
  assert.equal(jobIdFor('doc-1'), 'doc-1')
  assert.equal(jobIdFor('sha256:abc'), 'sha256%3Aabc')
})

test('failure reasons carry the error code; bad input is not retried', () => {
  assert.deepEqual(parseFailureReason(failureReason('E_INPUT_EMPTY', 'no text\nat all')), { code: 'E_INPUT_EMPTY', message: 'no text\nat all' })
  assert.equal(parseFailureReason('job stalled more than allowable limit').code, 'E_INTERNAL')
  assert.equal(parseFailureReason(undefined).code, 'E_INTERNAL')
  assert.equal(isPermanent('E_INPUT_EMPTY'), true)
  assert.equal(isPermanent('E_STORE'), false)
  assert.equal(isPermanent('E_INTERNAL'), false)
  assert.equal(isPermanent('E_WHATEVER'), false)
})
