import { test } from 'node:test'
import assert from 'node:assert/strict'
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js'
import { createServices } from '../../engine/services.js'
import { isRated } from '../../source-ratings/index.js'
import { createSourceRatingsService } from './ratings-service.js'

const list = (score: number) => ({ name: 'mine', citation: 'user list "mine"', entries: new Map([['infowars.com', { score }]]) })

test('services are made with a ratings service; without a store it is the shipped table alone, loaded once', async () => {
  const services = createServices()
  const a = await services.ratings!.registry()
  assert.equal(a, await services.ratings!.registry(), 'the same registry every time')
  assert.deepEqual(a.lists().map((l) => l.name), ['lin2023'])
})

test('another writer\'s change is seen once the recheck interval passes (revision), not before; invalidate reloads at once', async () => {
  const store = openSqliteStore(':memory:')
  try {
    let now = 0
    const service = createSourceRatingsService({ store, recheckMs: 1000, clock: () => now })
    const score = async () => {
      const r = (await service.registry()).lookup('infowars.com')
      return isRated(r) ? [r.list, r.score] : null
    }
    assert.deepEqual(await score(), ['lin2023', 0.05])
    await store.sourceRatings.saveList(list(0.6))
    now = 500
    assert.deepEqual(await score(), ['lin2023', 0.05], 'within the interval the loaded registry stands')
    now = 1500
    assert.deepEqual(await score(), ['mine', 0.6])
    await store.sourceRatings.saveList(list(0.7))
    service.invalidate()
    assert.deepEqual(await score(), ['mine', 0.7])
  } finally {
    await store.close()
  }
})

test('a failed load (store closed) is not remembered: the next call tries again', async () => {
  const store = openSqliteStore(':memory:')
  await store.close()
  const service = createSourceRatingsService({ store })
  await assert.rejects(service.registry(), /E_STORE|not open|closed/i)
  await assert.rejects(service.registry())
})
