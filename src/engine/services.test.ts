import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices, openAnalysisServices } from './services.js'
import { createEngine } from './engine.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import { toFactCheckRecord } from '../factchecks/record.js'
import { createModelLoader, type ModelManifest } from '../models/loader.js'
import checkworthiness from '../analyzers/checkworthiness/checkworthiness.js'
import factcheckMatches from '../analyzers/factchecks/factchecks.js'
import { isAvailable } from '../services/search.js'
import { testModelLoader } from '../test-support/factcheck-model.js'

const LEMON = 'Drinking hot water with lemon cures the flu within a day.'

test('without a store there is no search service; the services object cannot be rewired', () => {
  const services = createServices()
  assert.equal(services.store, undefined)
  assert.equal(services.factchecks, undefined)
  assert.equal(services.corpus, undefined)
  assert.ok(Object.isFrozen(services))
  assert.throws(() => {
    ;(services as { factchecks?: unknown }).factchecks = { match: async () => [] }
  }, TypeError)
})

test('over an empty store: nothing to search and no model loaded; a later import is seen without rewiring', async () => {
  const store = openSqliteStore(':memory:')
  const empty = mkdtempSync(join(tmpdir(), 'factsift-no-models-'))
  try {
    // No model files at all: loading one would throw, so an empty store must not load any.
    const services = createServices({ store, models: createModelLoader(empty) })
    assert.equal(await isAvailable(services.factchecks), false)
    assert.equal(await isAvailable(services.corpus), false)
    assert.deepEqual(await services.factchecks!.match(LEMON), [])
    assert.deepEqual(await services.corpus!.related(LEMON), [])

    await store.factchecks.upsertMany([toFactCheckRecord({ claim: LEMON, rating: 'False', factChecker: 'Example Checks', url: 'https://checks.example.org/lemon' })])
    assert.equal(await isAvailable(services.factchecks), true)
    await assert.rejects(services.factchecks!.match(LEMON), { code: 'E_MODEL_INVALID' }, 'now it needs its model')
    assert.equal(await isAvailable(services.corpus), false)
  } finally {
    await store.close()
    rmSync(empty, { recursive: true, force: true })
  }
})

test('an engine over a store matches fact-checks imported after it was created', async () => {
  const store = openSqliteStore(':memory:')
  try {
    const shipped = createModelLoader()
    const test = testModelLoader()
    // The shipped models, except the hand-set claim-matching one (which matches a near-copy with certainty).
    const models = { directory: shipped.directory, load: <T extends ModelManifest>(id: string) => test.load<T>(id) ?? shipped.load<T>(id) }
    const engine = createEngine({ analyzers: [checkworthiness, factcheckMatches], services: { store, models } })
    const text = 'A viral post says that drinking hot water with lemon cures the flu within a day. Doctors in the city disagreed on Monday.'
    const before = await engine.analyze({ text })
    assert.ok(before.claims.every((claim) => claim.matches.length === 0))
    await store.factchecks.upsertMany([toFactCheckRecord({ claim: LEMON, rating: 'False', factChecker: 'Example Checks', url: 'https://checks.example.org/lemon' })])
    const after = await engine.analyze({ text })
    assert.ok(after.claims.some((claim) => claim.matches[0]?.url === 'https://checks.example.org/lemon'), JSON.stringify(after.claims))
  } finally {
    await store.close()
  }
})

test('openAnalysisServices without a database gives store-less services with the limits asked for', async () => {
  const services = await openAnalysisServices({ db: undefined, limits: { maxBytes: 1234 } })
  // The default database may exist on this machine; only check what does not depend on it.
  assert.equal(services.limits.maxBytes, 1234)
  await services.store?.close()
})
