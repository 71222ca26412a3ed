import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createEngine } from './engine.js'
import { defineAnalyzer } from '../analyzers/types.js'
import { defaultAnalyzers } from '../analyzers/registry.js'
import { FactsiftError } from '../errors.js'
import { assertValidReport } from '../test-support/report-assertions.js'

const TEXT = 'The mayor said the bridge is safe. Critics disagree.\n\nReports emerged that repairs were delayed.'

const counter = defineAnalyzer<{ sentences: number }>({
  id: 'sentence-counter',
  meta: { version: 1, description: 'counts sentences' },
  analyze: (doc) => ({ sentences: doc.sentences.length }),
  contribute(out, report) {
    report.signals.push({ id: 'sentence-count', start: 0, end: 3, message: `${out.sentences} sentences`, severity: 'info' })
  },
})

test('a user analyzer plugs into the pipeline and contributes to the report', async () => {
  const engine = createEngine({ analyzers: [...defaultAnalyzers(), counter] })
  const report = await engine.analyze({ text: TEXT, title: 'Bridge', outlet: 'Gazette' })
  assertValidReport(report)
  const finding = report.signals.find((s) => s.id === 'sentence-count')
  assert.equal(finding?.message, '3 sentences')
  assert.equal(report.document.outlet, 'Gazette')
  assert.ok(report.timings.analyzers && 'sentence-counter' in report.timings.analyzers)
  assert.ok(report.timings.totalMs >= 0)
})

test('a failing analyzer is isolated in report.errors and its dependents are skipped', async () => {
  const broken = defineAnalyzer({ id: 'broken', meta: { version: 1, description: 'throws' }, analyze: () => { throw new Error('boom') } })
  const dependent = defineAnalyzer({ id: 'dependent', meta: { version: 1, description: 'needs broken', requires: ['broken'] }, analyze: () => 1 })
  const report = await createEngine({ analyzers: [counter, broken, dependent] }).analyze({ text: TEXT })
  assertValidReport(report)
  assert.deepEqual(
    report.errors.map((e) => [e.analyzer, e.code]),
    [['broken', 'E_ANALYZER_FAILED'], ['dependent', 'E_DEPENDENCY_FAILED']],
  )
  assert.ok(report.signals.some((s) => s.id === 'sentence-count'), 'the other analyzers still contribute')
})

test('an analyzer reading an output it did not require is a configuration error recorded in errors', async () => {
  const sneaky = defineAnalyzer({
    id: 'sneaky',
    meta: { version: 1, description: 'reads without requiring' },
    analyze: (_doc, ctx) => ctx.get('sentence-counter'),
  })
  const report = await createEngine({ analyzers: [counter, sneaky] }).analyze({ text: TEXT })
  assert.equal(report.errors[0]?.code, 'E_CONFIG')
})

test('analyzer order is validated when the engine is created', () => {
  const needsCounter = defineAnalyzer({ id: 'needs', meta: { version: 1, description: '', requires: ['sentence-counter'] }, analyze: () => 0 })
  assert.throws(() => createEngine({ analyzers: [needsCounter, counter] }), (e: unknown) => e instanceof FactsiftError && e.code === 'E_CONFIG')
  assert.throws(() => createEngine({ analyzers: [counter, counter] }), /listed twice/)
})

test('the same article gets the same report id', async () => {
  const engine = createEngine()
  const [a, b, c] = await Promise.all([engine.analyze({ text: TEXT }), engine.analyze({ text: TEXT }), engine.analyze({ text: `${TEXT} More.` })])
  assert.equal(a.id, b.id)
  assert.notEqual(a.id, c.id)
})

test('empty input is refused with E_INPUT_EMPTY', async () => {
  await assert.rejects(createEngine().analyze({ text: '   \n  ' }), (e: unknown) => e instanceof FactsiftError && e.code === 'E_INPUT_EMPTY')
})
