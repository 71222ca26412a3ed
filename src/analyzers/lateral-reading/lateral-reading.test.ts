import { test } from 'node:test'
import assert from 'node:assert/strict'
import lateralReading, { TOP_CLAIMS } from './lateral-reading.js'
import type { AnalyzerContext, ReportDraft } from '../types.js'
import type { CheckworthinessOutput } from '../checkworthiness/checkworthiness.js'
import type { Claim, Evidence } from '../../report/types.js'
import type { CorpusSearcher } from '../../services/search.js'
import type { Services } from '../../services/types.js'
import { createServices } from '../../engine/services.js'
import { annotatedText } from '../../test-support/analyzer-tester.js'
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js'
import { createCorpusSearcher } from './related.js'
import { STANCES } from './stance/labels.js'
import { loadStanceModel } from './stance/model.js'
import { createModelLoader } from '../../models/loader.js'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const TEXT = 'The Riverside dam will be demolished next year. The work will cost 12 million dollars. Residents were told on Monday.'

function claimsOf(text: string): Claim[] {
  return text.split(/(?<=\.) /).map((sentence, i) => {
    const start = text.indexOf(sentence)
    return {
      id: `c${i + 1}`, text: sentence, start, end: start + sentence.length, checkworthiness: 0.9 - i * 0.1, checkworthy: true,
      attribution: { type: 'none', source: null }, matches: [], evidence: [],
    }
  })
}

function context(services: Services, claims: Claim[]): AnalyzerContext {
  const outputs = new Map<string, unknown>([['checkworthiness', { claims } satisfies CheckworthinessOutput]])
  return { services, get: <T,>(id: string) => outputs.get(id) as T, find: <T,>(id: string) => outputs.get(id) as T | undefined }
}

function draft(claims: Claim[]): ReportDraft {
  return { schemaVersion: 1, document: { title: null, url: null, outlet: null, publishedAt: null, language: 'en', wordCount: 0, text: TEXT }, risk: { score: 0, label: 'low', reasons: [] }, claims, quotes: [], sources: [], entities: [], signals: [] }
}

const item = (outlet: string, stance: Evidence['stance']): Evidence => ({ title: `${outlet} story`, url: `https://${outlet.toLowerCase().replace(/\W/g, '')}.example/x`, outlet, stance, score: 0.8 })

test('without a corpus the analyzer is a no-op', async () => {
  const claims = claimsOf(TEXT)
  const out = await lateralReading.analyze(annotatedText(TEXT), context(createServices(), claims))
  assert.deepEqual(out, { claims: [] })
  const report = draft(claims)
  lateralReading.contribute!(out, report, annotatedText(TEXT))
  assert.ok(report.claims.every((c) => c.evidence.length === 0 && c.evidenceSummary === undefined))
})

test('evidence from the corpus service enriches every claim shown, by id, counting each outlet once', async () => {
  const asked: string[] = []
  const stub: CorpusSearcher = {
    async related(claimText) {
      asked.push(claimText)
      return claimText.startsWith('The Riverside dam')
        ? [item('Reuters', 'agree'), item('Reuters', 'agree'), item('Example Times', 'disagree'), item('Daily Example', 'discuss')]
        : []
    },
  }
  const claims = [...claimsOf(TEXT), ...Array.from({ length: 6 }, (_, i) => ({ ...claimsOf(TEXT)[2]!, id: `c${i + 4}`, checkworthy: i < 5 }))]
  const out = await lateralReading.analyze(annotatedText(TEXT), context(createServices({ corpus: stub }), claims))
  assert.equal(asked.length, 8, 'every check-worthy claim is looked up, and only those')
  assert.ok(asked.length <= TOP_CLAIMS)
  const report = draft(claims.map((c) => ({ ...c })).reverse())
  lateralReading.contribute!(out, report, annotatedText(TEXT))
  const first = report.claims.find((c) => c.id === 'c1')!
  assert.equal(first.evidence.length, 4)
  assert.deepEqual(first.evidenceSummary, { corroboratedBy: 1, contradictedBy: 1, discussedBy: 1 })
  assert.deepEqual(report.claims.find((c) => c.id === 'c2')!.evidenceSummary, { corroboratedBy: 0, contradictedBy: 0, discussedBy: 0 })
  assert.equal(report.claims.find((c) => c.id === 'c9')!.evidenceSummary, undefined, 'a claim not shown is left alone')
})

test('with the shipped stance model: agree, disagree and discuss coverage; unrelated dropped; a syndicated copy counted once', async () => {
  const store = openSqliteStore(':memory:')
  const confirm = 'City officials confirmed on Monday that the Riverside dam will be demolished next year. The demolition will cost ' +
    '12 million dollars and will restore the river for fish, the mayor said. Work starts in the spring.'
  await store.corpus.upsertMany([
    { key: 'a', title: 'Riverside dam to be demolished next year', body: confirm, url: 'https://wire.example/dam', outlet: 'Associated Press', publishedAt: '2024-05-06' },
    { key: 'b', title: 'Dam coming down', body: `RIVERSIDE — ${confirm}`, url: 'https://herald.example/dam', outlet: 'Example Herald', publishedAt: '2024-05-06' },
    {
      key: 'd', title: 'No, the Riverside dam is not being demolished', url: 'https://check.example/dam', outlet: 'Example Checker', publishedAt: '2024-05-07',
      body: 'Officials denied reports circulating on social media that the Riverside dam will be demolished. "These claims are false," a ' +
        'spokesperson said. The dam is not being torn down and no demolition is planned, the city said in a statement, calling the rumor a hoax.',
    },
    {
      key: 'e', title: 'Will the Riverside dam come down?', url: 'https://blog.example/dam', outlet: 'Example Blog', publishedAt: '2024-05-07',
      body: 'Reports claim the Riverside dam could be demolished next year, according to unnamed sources. Officials have not confirmed ' +
        'the plan. It is unclear whether the council will vote on it, and residents are divided about the possible demolition.',
    },
    { key: 'c', title: 'Bakery wins bread prize', body: 'The town bakery won first prize for its rye bread at the regional fair on Saturday, judges said.', url: 'https://gazette.example/bread', outlet: 'Example Gazette', publishedAt: '2024-05-04' },
  ])
  const services = createServices({ store, corpus: createCorpusSearcher(store, createServices().models) })
  const claims = claimsOf(TEXT)
  const out = await lateralReading.analyze(annotatedText(TEXT), context(services, claims))
  const report = draft(claims)
  lateralReading.contribute!(out, report, annotatedText(TEXT))
  const first = report.claims[0]!
  const byUrl = Object.fromEntries(first.evidence.map((e) => [e.url, e.stance]))
  assert.equal(first.evidence.length, 3, `one item per independent source: ${JSON.stringify(first.evidence)}`)
  assert.equal(byUrl['https://wire.example/dam'] ?? byUrl['https://herald.example/dam'], 'agree')
  assert.equal(byUrl['https://check.example/dam'], 'disagree')
  assert.equal(byUrl['https://blog.example/dam'], 'discuss')
  assert.deepEqual(first.evidenceSummary, { corroboratedBy: 1, contradictedBy: 1, discussedBy: 1 })
  assert.ok(first.evidence.every((e) => STANCES.includes(e.stance) && e.score > 0 && e.score <= 1))
  assert.ok(report.claims.every((c) => c.evidence.every((e) => e.outlet !== 'Example Gazette')), 'the bakery story is unrelated')
  await store.close()
})

test('a missing stance model is E_MODEL_INVALID, as for every model; the analyzer fails and the report records it', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'factsift-no-models-'))
  const store = openSqliteStore(':memory:')
  try {
    const models = createModelLoader(empty)
    assert.throws(() => loadStanceModel(models), { code: 'E_MODEL_INVALID', message: /stance\.json is missing; train it with npm run train:stance/ })
    await store.corpus.upsertMany([{ key: 'a', title: 'Riverside dam to be demolished', body: 'The Riverside dam will be demolished next year, officials said.', url: null, outlet: 'Wire', publishedAt: null }])
    const claims = claimsOf(TEXT)
    // Over the store (as the engine wires it): the searcher is available, so the missing model surfaces as an error.
    await assert.rejects(async () => lateralReading.analyze(annotatedText(TEXT), context(createServices({ store, models }), claims)), { code: 'E_MODEL_INVALID' })
  } finally {
    await store.close()
    rmSync(empty, { recursive: true, force: true })
  }
})

test('over an empty store the analyzer is a no-op, as without a corpus', async () => {
  const store = openSqliteStore(':memory:')
  try {
    const out = await lateralReading.analyze(annotatedText(TEXT), context(createServices({ store }), claimsOf(TEXT)))
    assert.deepEqual(out, { claims: [] })
  } finally {
    await store.close()
  }
})
