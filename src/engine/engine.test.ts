import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createEngine } from './engine.js'
import { defineAnalyzer } from '../analyzers/types.js'
import { defaultAnalyzers } from '../analyzers/registry.js'
import { FactsiftError } from '../errors.js'
import { declareSignal, signalOf } from '../report/signals.js'
import { assertValidReport } from '../test-support/report-assertions.js'
import { annotatedText } from '../test-support/analyzer-tester.js'

const TEXT = 'The mayor said the bridge is safe. Critics disagree.\n\nReports emerged that repairs were delayed.'

const SENTENCE_COUNT = declareSignal({ id: 'sentence-count', severity: 'info', label: 'Sentence count', message: '{count} sentences' })

const counter = defineAnalyzer<{ sentences: number }>({
  id: 'sentence-counter',
  meta: { version: 1, description: 'counts sentences', signals: [SENTENCE_COUNT] },
  analyze: (doc) => ({ sentences: doc.sentences.length }),
  contribute(out, report) {
    report.signals.push(signalOf(SENTENCE_COUNT, { start: 0, end: 3 }, { count: out.sentences }))
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

test('a signal takes its message from the declared template and its severity from the declaration unless it sets one', async () => {
  const LOUD = declareSignal({ id: 'loud', severity: 'info', label: 'Loud', message: 'Loud[ ({why})]: {word}' })
  const loud = defineAnalyzer({
    id: 'loud',
    meta: { version: 1, description: 'two loud words', signals: [LOUD] },
    analyze: () => null,
    contribute(_out, report) {
      report.signals.push(signalOf(LOUD, { start: 0, end: 3 }, { word: 'The', why: null }))
      report.signals.push(signalOf(LOUD, { start: 4, end: 9 }, { word: 'mayor', why: ['caps', 'bold'] }, { severity: 'warn' }))
    },
  })
  const report = await createEngine({ analyzers: [loud] }).analyze({ text: TEXT })
  assertValidReport(report)
  assert.deepEqual(report.signals, [
    { id: 'loud', start: 0, end: 3, message: 'Loud: The', severity: 'info' },
    { id: 'loud', start: 4, end: 9, message: 'Loud (caps, bold): mayor', severity: 'warn' },
  ])
  assert.deepEqual(report.errors, [])
})

test('a signal the analyzer did not declare is left out and recorded as E_BAD_SIGNAL; its other findings stay', async () => {
  const rogue = defineAnalyzer({
    id: 'rogue',
    meta: { version: 1, description: 'emits one declared and one undeclared signal', signals: [SENTENCE_COUNT] },
    analyze: () => null,
    contribute(_out, report) {
      report.signals.push(signalOf(SENTENCE_COUNT, { start: 0, end: 3 }, { count: 1 }))
      report.signals.push({ id: 'surprise', start: 4, end: 9 })
      // A declared id with a value missing from its template is refused too.
      report.signals.push({ id: 'sentence-count', start: 4, end: 9, params: {} })
    },
  })
  const dependent = defineAnalyzer({ id: 'after', meta: { version: 1, description: '', requires: ['rogue'] }, analyze: () => 1 })
  const report = await createEngine({ analyzers: [rogue, dependent] }).analyze({ text: TEXT })
  assertValidReport(report)
  assert.deepEqual(report.signals.map((s) => [s.id, s.message]), [['sentence-count', '1 sentences']])
  assert.equal(report.errors.length, 1)
  assert.equal(report.errors[0]!.analyzer, 'rogue')
  assert.equal(report.errors[0]!.code, 'E_BAD_SIGNAL')
  assert.match(report.errors[0]!.message, /"surprise" is not declared/)
  assert.match(report.errors[0]!.message, /no value for \{count\}/)
  assert.ok('after' in (report.timings.analyzers ?? {}), 'analyzers requiring it still run')
})

test('a contribute that throws takes its half-added signals with it', async () => {
  const half = defineAnalyzer({
    id: 'half',
    meta: { version: 1, description: '', signals: [SENTENCE_COUNT] },
    analyze: () => null,
    contribute(_out, report) {
      report.signals.push(signalOf(SENTENCE_COUNT, { start: 0, end: 3 }, { count: 1 }))
      throw new Error('boom')
    },
  })
  const report = await createEngine({ analyzers: [half] }).analyze({ text: TEXT })
  assertValidReport(report)
  assert.deepEqual(report.signals, [])
  assert.deepEqual(report.errors.map((e) => [e.analyzer, e.code]), [['half', 'E_ANALYZER_FAILED']])
})

test('ctx.find of an output the analyzer does not declare in meta.reads is a configuration error recorded in errors', async () => {
  const peeker = (reads?: string[]) => defineAnalyzer({
    id: 'peeker',
    meta: { version: 1, description: 'looks up the counter', ...(reads ? { reads } : {}) },
    analyze: (_doc, ctx) => ctx.find<{ sentences: number }>('sentence-counter')?.sentences ?? -1,
  })
  const undeclared = await createEngine({ analyzers: [counter, peeker()] }).analyzeAnnotated(annotatedText(TEXT))
  assert.deepEqual(undeclared.report.errors.map((e) => [e.analyzer, e.code]), [['peeker', 'E_CONFIG']])
  assert.match(undeclared.report.errors[0]!.message, /meta\.reads/)
  const declared = await createEngine({ analyzers: [counter, peeker(['sentence-counter'])] }).analyzeAnnotated(annotatedText(TEXT))
  assert.deepEqual(declared.report.errors, [])
  assert.equal(declared.outputs.get('peeker'), 3)
  // An optional input nobody provides is fine: find answers undefined.
  const alone = await createEngine({ analyzers: [peeker(['sentence-counter'])] }).analyzeAnnotated(annotatedText(TEXT))
  assert.deepEqual(alone.report.errors, [])
  assert.equal(alone.outputs.get('peeker'), -1)
})

test('declarations are checked when the engine is created', () => {
  const isConfig = (e: unknown) => e instanceof FactsiftError && e.code === 'E_CONFIG'
  const reader = defineAnalyzer({ id: 'reader', meta: { version: 1, description: '', reads: ['sentence-counter'] }, analyze: () => 0 })
  assert.throws(() => createEngine({ analyzers: [reader, counter] }), (e: unknown) => isConfig(e) && /listed after it/.test((e as Error).message))
  const self = defineAnalyzer({ id: 'self', meta: { version: 1, description: '', reads: ['self'] }, analyze: () => 0 })
  assert.throws(() => createEngine({ analyzers: [self] }), isConfig)
  const twin = defineAnalyzer({ id: 'twin', meta: { version: 1, description: '', signals: [SENTENCE_COUNT] }, analyze: () => 0 })
  assert.throws(() => createEngine({ analyzers: [counter, twin] }), (e: unknown) => isConfig(e) && /declared by both/.test((e as Error).message))
  for (const bad of [
    { id: 'Bad Id', severity: 'info', label: 'x', message: 'x' },
    { id: 'ok', severity: 'loud', label: 'x', message: 'x' },
    { id: 'ok', severity: 'info', label: '', message: 'x' },
    { id: 'ok', severity: 'info', label: 'x', message: 'unclosed {word' },
    { id: 'ok', severity: 'info', label: 'x', message: 'nested [a [b]]' },
  ]) {
    const analyzer = defineAnalyzer({ id: 'bad', meta: { version: 1, description: '', signals: [bad as never] }, analyze: () => 0 })
    assert.throws(() => createEngine({ analyzers: [analyzer] }), isConfig, JSON.stringify(bad))
  }
  // The built-in analyzers pass, also as a subset that leaves optional inputs out.
  createEngine()
  createEngine({ analyzers: defaultAnalyzers().filter((a) => a.id === 'checkworthiness' || a.id === 'credibility') })
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
