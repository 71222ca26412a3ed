import { test } from 'node:test'
import assert from 'node:assert/strict'
import factchecks, { MAX_CLAIMS } from './factchecks.js'
import checkworthiness from '../checkworthiness/checkworthiness.js'
import type { AnalyzerContext, ReportDraft } from '../types.js'
import type { Claim, FactCheckMatch } from '../../report/types.js'
import type { FactCheckMatcher } from '../../services/search.js'
import { createServices } from '../../engine/services.js'
import { createEngine } from '../../engine/engine.js'
import { annotatedText } from '../../test-support/analyzer-tester.js'
import { assertValidReport } from '../../test-support/report-assertions.js'
import { openStore } from '../../store/open-store.js'
import { createFactCheckMatcher } from './matcher.js'
import { testModelLoader } from '../../test-support/factcheck-model.js'
import { toFactCheckRecord } from '../../factchecks/record.js'

const TEXT = 'Officials say the bridge closes tomorrow. Critics claim that lemon water cures the flu in a day.'

function claim(id: string, text: string, checkworthiness: number): Claim {
  const start = TEXT.indexOf(text)
  return { id, text, start, end: start + text.length, checkworthiness, attribution: { type: 'none', source: null }, matches: [], evidence: [] }
}

const MATCH: FactCheckMatch = { claim: 'Lemon water cures the flu.', rating: 'False', url: 'https://checks.example.org/lemon', factChecker: 'Example Checks', score: 0.9 }

function context(claims: Claim[], matcher?: FactCheckMatcher): AnalyzerContext {
  const services = createServices(matcher ? { factchecks: matcher } : {})
  const outputs = new Map<string, unknown>([['checkworthiness', { claims }]])
  return { services, get: <T,>(id: string) => outputs.get(id) as T, find: <T,>(id: string) => outputs.get(id) as T | undefined }
}

test('no fact-check service: a no-op', async () => {
  const doc = annotatedText(TEXT)
  const out = await factchecks.analyze(doc, context([claim('c1', 'Critics claim that lemon water cures the flu in a day.', 0.9)]))
  assert.deepEqual(out, { byClaim: [] })
})

test('looks up the top claims, most check-worthy first, and fills matches by claim id', async () => {
  const doc = annotatedText(TEXT)
  const asked: string[] = []
  const matcher: FactCheckMatcher = {
    async match(text) {
      asked.push(text)
      return text.includes('lemon') ? [MATCH] : []
    },
  }
  const claims = [claim('c2', 'Officials say the bridge closes tomorrow.', 0.2), claim('c1', 'Critics claim that lemon water cures the flu in a day.', 0.9)]
  const out = await factchecks.analyze(doc, context(claims, matcher))
  assert.deepEqual(asked, [claims[1]!.text, claims[0]!.text])
  assert.deepEqual(out.byClaim, [{ claimId: 'c1', matches: [MATCH] }])
  const draft = { claims: claims.map((c) => ({ ...c, matches: [] })) } as unknown as ReportDraft
  factchecks.contribute!(out, draft, doc)
  assert.deepEqual(draft.claims.find((c) => c.id === 'c1')!.matches, [MATCH])
  assert.deepEqual(draft.claims.find((c) => c.id === 'c2')!.matches, [])
  for (const c of draft.claims) assert.equal(doc.text.slice(c.start, c.end), c.text)
})

test(`at most ${MAX_CLAIMS} claims are looked up`, async () => {
  let calls = 0
  const many = Array.from({ length: MAX_CLAIMS + 5 }, (_, i) => claim(`c${i + 1}`, 'Officials say the bridge closes tomorrow.', 1 - i / 100))
  await factchecks.analyze(annotatedText(TEXT), context(many, { match: async () => (calls++, []) }))
  assert.equal(calls, MAX_CLAIMS)
})

test('end to end: an article repeating an imported claim shows the match in a valid report', async () => {
  const store = await openStore(':memory:')
  try {
    await store.factchecks.upsertMany([
      toFactCheckRecord({ claim: 'Drinking hot water with lemon cures the flu within a day.', rating: 'False', factChecker: 'Example Checks', url: 'https://checks.example.org/lemon' }),
    ])
    const engine = createEngine({
      analyzers: [checkworthiness, factchecks],
      services: { store, factchecks: createFactCheckMatcher(store, testModelLoader()) },
    })
    const report = await engine.analyze({
      text: 'A viral post says that drinking hot water with lemon cures the flu within a day. Doctors in the city disagreed on Monday.',
    })
    assertValidReport(report)
    const matched = report.claims.filter((c) => c.matches.length > 0)
    assert.equal(matched.length, 1)
    assert.equal(matched[0]!.matches[0]!.url, 'https://checks.example.org/lemon')
    assert.equal(matched[0]!.matches[0]!.rating, 'False')
  } finally {
    await store.close()
  }
})
