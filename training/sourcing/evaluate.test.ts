import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { evaluatePassages, evaluateSourcingDirectory } from './evaluate.js'
import { loadGoldDirectory, preparePassage, foldName, type GoldPassage } from './gold.js'
import { FactsiftError } from '../../src/errors.js'

const devDir = fileURLToPath(new URL('../../test/fixtures/sourcing/dev', import.meta.url))

test('evaluate: the dev set stays above the issue targets', async () => {
  const result = await evaluateSourcingDirectory(devDir)
  assert.ok(result.passages >= 40)
  assert.ok(result.quotes.f1 >= 0.95, `quotes F1 ${result.quotes.f1}`)
  assert.ok(result.speakers.accuracy >= 0.9, `speakers ${result.speakers.accuracy}`)
  assert.ok(result.attribution.macroF1 >= 0.85, `attribution macro-F1 ${result.attribution.macroF1}`)
  assert.deepEqual(Object.keys(result.attribution.perClass), ['named', 'vague', 'quote', 'none'])
})

test('evaluate: every gold sentence and quote is located in the passage text', async () => {
  for (const p of loadGoldDirectory(devDir)) {
    for (const s of p.sentences) assert.equal(p.text.slice(s.start, s.end), s.text)
    for (const q of p.quotes) assert.equal(p.text.slice(q.start, q.end), q.text)
  }
})

const passage: GoldPassage = {
  id: 't-1',
  paragraphs: [[
    { text: '“We won,” said Ana Ruiz.', attribution: 'quote', source: 'Ana Ruiz' },
    { text: 'Analysts note that prices rose.', attribution: 'vague' },
  ]],
  quotes: [{ text: 'We won,', speaker: 'Ana Ruiz' }],
  sources: [{ name: 'Ana Ruiz', kind: 'person' }],
}

test('evaluate: a perfect passage scores 1 and lists no errors', async () => {
  const result = await evaluatePassages([preparePassage(passage, 't.json')], 'inline', { details: true })
  assert.equal(result.quotes.f1, 1)
  assert.equal(result.speakers.accuracy, 1)
  assert.equal(result.attribution.accuracy, 1)
  assert.equal(result.sources.f1, 1)
  assert.deepEqual(result.errors, [])
})

test('evaluate: errors are counted and listed', async () => {
  const wrong: GoldPassage = { ...passage, quotes: [{ text: 'We won,', speaker: 'Someone Else' }], sources: [...passage.sources, { name: 'CNN', kind: 'outlet' }] }
  const result = await evaluatePassages([preparePassage(wrong, 't.json')], 'inline', { details: true })
  assert.equal(result.speakers.accuracy, 0)
  assert.equal(result.sources.recall, 0.5)
  assert.deepEqual(result.errors!.map((e) => e.kind).sort(), ['source-missed', 'speaker'])
})

test('gold: malformed passages and folders are reported with a code', async () => {
  assert.throws(() => preparePassage({ ...passage, quotes: [{ text: 'not in the text', speaker: null }] }, 'x.json'), (e: unknown) => e instanceof FactsiftError && e.code === 'E_BAD_DATA_ROW' && e.message.startsWith('x.json (t-1)'))
  assert.throws(() => preparePassage({ ...passage, paragraphs: [[{ text: 'Hi.', attribution: 'maybe' as never }]] }, 'x.json'), (e: unknown) => e instanceof FactsiftError && e.code === 'E_BAD_DATA_ROW')
  assert.throws(() => loadGoldDirectory('/nonexistent/gold'), (e: unknown) => e instanceof FactsiftError && e.code === 'E_INPUT_NOT_FOUND')
  const dir = mkdtempSync(join(tmpdir(), 'factsift-gold-'))
  try {
    writeFileSync(join(dir, 'a.json'), '{ not json')
    assert.throws(() => loadGoldDirectory(dir), (e: unknown) => e instanceof FactsiftError && e.code === 'E_BAD_DATA_ROW')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('gold: names compare without case, accents, articles or punctuation', async () => {
  assert.equal(foldName('The Washington Post'), foldName('washington post'))
  assert.equal(foldName('Pedro Sánchez'), foldName('Pedro Sanchez'))
  assert.notEqual(foldName('Ana Ruiz'), foldName('Ana Ruis'))
})
