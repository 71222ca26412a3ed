import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import credibility from './credibility.js'
import style from '../style/style.js'
import hedging from '../hedging/hedging.js'
import { createEngine } from '../../engine/engine.js'
import { createModelLoader } from '../../models/loader.js'
import { writeModelFile } from '../../ml/model-file.js'
import { FEATURES } from './features.js'
import type { CredibilityModel } from './model.js'
import { assertValidReport } from '../../test-support/report-assertions.js'

// A hand-made model: only misspellings, hedges and exclamation marks count (per 100 words / per sentence).
function handModel(): CredibilityModel {
  const weight: Record<string, number> = { 'misspelling-rate': 0.8, 'hedge-rate': 0.5, 'exclamation-rate': 0.6 }
  return {
    id: 'credibility', version: 1, createdAt: '2026-11-24T00:00:00.000Z', trainedOn: 'hand-made for tests', metrics: {},
    features: FEATURES.map((f) => f.name),
    standardizer: { mean: FEATURES.map(() => 0), scale: FEATURES.map(() => 1) },
    reference: FEATURES.map(() => 0),
    weights: FEATURES.map((f) => weight[f.name] ?? 0),
    bias: -1,
    ngrams: null,
    calibration: { kind: 'platt', a: 1, b: 0 },
    thresholds: { medium: 0.4, high: 0.7 },
    satire: 'unreliable',
  }
}

const dir = mkdtempSync(join(tmpdir(), 'factsift-credibility-'))
writeModelFile(join(dir, 'credibility.json'), handModel())
const emptyDir = mkdtempSync(join(tmpdir(), 'factsift-credibility-none-'))
test.after(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(emptyDir, { recursive: true, force: true })
})

const engine = createEngine({ analyzers: [style, hedging, credibility], services: { models: createModelLoader(dir) } })

// Texts written for this test.
const cases: { name: string; text: string; label: 'low' | 'medium' | 'high'; reasons: string[] }[] = [
  {
    name: 'plain report',
    text: 'The city council approved the budget on Monday. The mayor said the vote was close. Residents can read the full budget at the town library.',
    label: 'low',
    reasons: [],
  },
  {
    name: 'typos, hedges and exclamations',
    text: 'It seems the goverment is hiding the truth! Reportedly the minister knew everythign! Apparently nobody cares! The ministry has not said when it will answer.',
    label: 'high',
    reasons: ['misspelling', 'exclamation', 'hedge'],
  },
]

for (const c of cases) {
  test(`credibility: ${c.name}`, async () => {
    const report = await engine.analyze({ text: c.text })
    assertValidReport(report)
    assert.deepEqual(report.errors, [])
    assert.ok(report.risk.score !== null && report.risk.score >= 0 && report.risk.score <= 1)
    assert.equal(report.risk.label, c.label)
    // These texts are short: the caution comes first, then the findings.
    assert.equal(report.risk.reasons[0]!.signal, 'short-text')
    const findings = report.risk.reasons.slice(1)
    assert.deepEqual(findings.map((r) => r.signal).sort(), [...c.reasons].sort())
    for (const r of findings) assert.ok(r.weight > 0 && r.message.length > 0)
  })
}

test('reasons give counts and examples in plain words', async () => {
  const report = await engine.analyze({ text: 'It seems the goverment is hiding the truth! Reportedly the minister knew everythign! Apparently nobody cares! The ministry has not said when it will answer.' })
  const misspelling = report.risk.reasons.find((r) => r.signal === 'misspelling')!
  assert.equal(misspelling.message, '2 misspelled words ("goverment", "everythign")')
  assert.equal(report.risk.reasons[1]!.weight >= report.risk.reasons.at(-1)!.weight, true)
})

test('a text shorter than the training articles gets a caution with its word count; a longer one does not', async () => {
  const short = await engine.analyze({ text: 'Officials said the bridge will reopen on Friday. Engineers finished the repairs to the deck and the railings last week.' })
  assert.deepEqual(short.risk.reasons[0], {
    signal: 'short-text', weight: 0,
    message: 'only 20 words: shorter than nearly every article the model learned from, so this score says little',
  })
  // One sentence is too little prose to score at all (src/engine/assessment.ts).
  const one = await engine.analyze({ text: 'Officials said the bridge will reopen on Friday.' })
  assert.equal(one.risk.score, null)
  assert.equal(one.risk.label, 'not-assessed')
  const long = await engine.analyze({ text: Array.from({ length: 8 }, (_, i) => `The council met on Monday ${i} and the mayor said the vote was close.`).join(' ') })
  assert.ok(long.risk.reasons.every((r) => r.signal !== 'short-text'))
})

test('without the style analyzer its features are unknown, not zero, and the rest still scores', async () => {
  const noStyle = createEngine({ analyzers: [hedging, credibility], services: { models: createModelLoader(dir) } })
  const report = await noStyle.analyze({ text: 'It seems the goverment is hiding the truth! Apparently nobody cares! The ministry has not said when it will answer the letter from the council.' })
  assert.deepEqual(report.errors, [])
  assert.deepEqual(report.risk.reasons.map((r) => r.signal).sort(), ['exclamation', 'hedge', 'short-text'])
})

test('a missing model is an error entry, and the report still comes out', async () => {
  const noModel = createEngine({ analyzers: [style, credibility], services: { models: createModelLoader(emptyDir) } })
  const report = await noModel.analyze({ text: 'The council met on Monday. The mayor said the vote on the new budget for the town library was close.' })
  assert.equal(report.errors.length, 1)
  assert.equal(report.errors[0]!.analyzer, 'credibility')
  assert.equal(report.errors[0]!.code, 'E_MODEL_INVALID')
  assertValidReport(report)
})

test('the shipped model loads and scores when present', async () => {
  const shipped = createModelLoader()
  if (!shipped.load('credibility')) return // trained by `factsift train credibility`; absent in a fresh checkout
  const report = await createEngine({ analyzers: [style, hedging, credibility] }).analyze({ text: 'The council met on Monday to discuss the bridge. It seems the plan to repair it before the winter is dead!' })
  assert.deepEqual(report.errors, [])
  assert.ok(report.risk.score !== null && report.risk.score > 0 && report.risk.score < 1)
})
