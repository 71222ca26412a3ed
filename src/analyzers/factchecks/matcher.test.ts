import { test } from 'node:test'
import assert from 'node:assert/strict'
import { openStore } from '../../store/open-store.js'
import { toFactCheckRecord } from '../../factchecks/record.js'
import { createFactCheckMatcher, rankFactChecks } from './matcher.js'
import { testClaimMatchingModel, testModelLoader } from '../../test-support/factcheck-model.js'
import { claimMatchingModelFromJSON } from './reranker.js'
import type { ModelManifest } from '../../models/loader.js'

async function tinyStore() {
  const store = await openStore(':memory:')
  await store.factchecks.upsertMany([
    toFactCheckRecord({ claim: 'Drinking hot water with lemon cures the flu within a day.', rating: 'False', factChecker: 'Example Checks', url: 'https://checks.example.org/lemon', reviewedAt: '2024-01-12' }),
    toFactCheckRecord({ claim: 'The city of Riverton banned bicycles on all of its bridges.', rating: 'Mostly False', factChecker: 'Example Checks', url: 'https://checks.example.org/riverton' }),
    toFactCheckRecord({ claim: 'Lemon trees grow faster when watered with coffee.', rating: 'Unproven', factChecker: 'Garden Facts' }),
  ])
  return store
}

test('a claim repeating a stored fact-check matches it with rating, URL and a calibrated score', async () => {
  const store = await tinyStore()
  try {
    const matcher = createFactCheckMatcher(store, testModelLoader())
    const matches = await matcher.match('Doctors hate it: hot water with lemon cures the flu in a day!')
    assert.equal(matches.length, 1)
    assert.deepEqual(
      { ...matches[0], score: undefined },
      {
        claim: 'Drinking hot water with lemon cures the flu within a day.',
        rating: 'False',
        ratingNormalized: 'false',
        url: 'https://checks.example.org/lemon',
        factChecker: 'Example Checks',
        reviewedAt: '2024-01-12',
        score: undefined,
      },
    )
    assert.ok(matches[0]!.score >= 0.5 && matches[0]!.score <= 1)
  } finally {
    await store.close()
  }
})

test('unrelated claims and weak candidates stay below the threshold', async () => {
  const store = await tinyStore()
  try {
    const matcher = createFactCheckMatcher(store, testModelLoader())
    assert.deepEqual(await matcher.match('The council approved a new budget for schools.'), [])
    const ranked = await rankFactChecks(store, testClaimMatchingModel(), 'lemon water flu')
    assert.ok(ranked.length >= 2, 'the ranked list keeps candidates under the threshold')
    assert.ok(ranked.every((r, i) => i === 0 || r.margin <= ranked[i - 1]!.margin))
  } finally {
    await store.close()
  }
})

test('an explicit threshold overrides the model; an empty store matches nothing', async () => {
  const store = await tinyStore()
  try {
    const loose = createFactCheckMatcher(store, testModelLoader(), { threshold: 0 })
    assert.ok((await loose.match('lemon trees and coffee', 5)).length >= 1)
  } finally {
    await store.close()
  }
  const empty = await openStore(':memory:')
  try {
    assert.deepEqual(await createFactCheckMatcher(empty, testModelLoader()).match('anything at all'), [])
  } finally {
    await empty.close()
  }
})

test('a missing or mismatched model file is E_MODEL_INVALID', async () => {
  const store = await tinyStore()
  try {
    await assert.rejects(createFactCheckMatcher(store, testModelLoader(null)).match('lemon flu'), { code: 'E_MODEL_INVALID' })
    assert.throws(() => claimMatchingModelFromJSON({ ...testClaimMatchingModel(), features: ['bm25'] } as ModelManifest), { code: 'E_MODEL_INVALID' })
  } finally {
    await store.close()
  }
})

test('the shipped model: a sentence repeating the only imported fact-check matches; an unrelated one does not', async () => {
  const { createModelLoader } = await import('../../models/loader.js')
  const store = await openStore(':memory:')
  try {
    await store.factchecks.upsertMany([
      toFactCheckRecord({ claim: 'Drinking hot water with lemon cures the flu within a day.', rating: 'False', factChecker: 'Example Checks', url: 'https://checks.example.org/lemon' }),
    ])
    const matcher = createFactCheckMatcher(store, createModelLoader())
    const [match] = await matcher.match('A viral post claims that drinking hot water with lemon cures the flu within a day.')
    assert.equal(match?.url, 'https://checks.example.org/lemon')
    assert.deepEqual(await matcher.match('Doctors at the city hospital said on Monday that no drink cures influenza.'), [])
  } finally {
    await store.close()
  }
})
