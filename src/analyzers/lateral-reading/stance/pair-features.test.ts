import { test } from 'node:test'
import assert from 'node:assert/strict'
import { profileText, stemOf } from './profile.js'
import { stanceFeatures, STANCE_FEATURES } from './pair-features.js'
import { baselineFeatures, prepareBaselineBody, BASELINE_FEATURES } from './baseline-features.js'
import { buildIdf, idfTable } from './idf.js'
import { tokenize, numbersIn, charGramHashes, intSetHas } from './text.js'
import { porterStem } from './porter-stemmer.js'

const BODY = [
  'Officials denied on Tuesday that the river dam had collapsed, calling the viral photos a hoax.',
  'The dam, built in 1962, holds 40 million cubic metres of water and was inspected last week.',
  '',
  'A separate story: the town bakery won a prize for its rye bread.',
].join('\n')
const RELATED = 'River dam collapses after storm, 40 million cubic metres released'
const UNRELATED = 'Bakery chain opens new store in the capital'
const idf = idfTable(buildIdf([BODY, RELATED, UNRELATED, 'The weather was fine on Tuesday.'], 1))
const feature = (name: string, x: Float64Array) => x[STANCE_FEATURES.indexOf(name as (typeof STANCE_FEATURES)[number])]!

test('Porter stems as in the reference implementation', () => {
  const cases = { denies: 'deni', denied: 'deni', deny: 'deni', collapsed: 'collaps', collapses: 'collaps', generalization: 'gener', running: 'run', hopeful: 'hope', relational: 'relat', a: 'a' }
  for (const [word, stem] of Object.entries(cases)) assert.equal(porterStem(word), stem, word)
})

test('tokens, units (paragraphs; long ones cut at sentence ends), numbers and char grams', () => {
  const { words, unitStarts } = tokenize("It didn’t rain.\nThe dam’s gates, 1,000 m wide.")
  assert.deepEqual(words, ['it', "didn't", 'rain', 'the', "dam's", 'gates', '1', '000', 'm', 'wide'])
  assert.deepEqual(unitStarts, [0, 3])
  const long = Array.from({ length: 70 }, (_, i) => `word${i}`).join(' ') + '. Next sentence here.'
  assert.deepEqual(tokenize(long).unitStarts, [0, 70])
  assert.deepEqual(tokenize('').unitStarts, [])
  assert.deepEqual([...numbersIn('Up 1,000 to 3.50 in 2024 (3.5%).')].sort(), ['1000', '2024', '3.5'])
  const grams = charGramHashes('Dam  GATES', 4)
  assert.ok(intSetHas(grams, charGramHashes('dam ', 4).table.find((v) => v !== 0)!))
  assert.equal(grams.size, 'dam gates '.length - 3, 'the folded text ends with one space')
})

test('profiles count lexicon words and term frequencies', () => {
  const p = profileText(BODY, idf)
  assert.equal(p.units.length, 3)
  assert.equal(p.refute, 2, 'denied, hoax')
  assert.ok(p.polarity !== 0)
  assert.ok([...p.terms].map(stemOf).includes('dam'))
  assert.deepEqual([...p.numbers].sort(), ['1962', '40'])
})

test('a related headline scores higher on every similarity feature than an unrelated one', () => {
  const body = profileText(BODY, idf)
  const related = stanceFeatures(profileText(RELATED, idf), body)
  const unrelated = stanceFeatures(profileText(UNRELATED, idf), body)
  assert.equal(related.length, STANCE_FEATURES.length)
  for (const name of ['cos_body', 'cos_best_unit', 'weighted_coverage', 'term_coverage', 'bigram_coverage', 'char_gram_coverage', 'window_refute']) {
    assert.ok(feature(name, related) > feature(name, unrelated), name)
  }
  assert.equal(feature('number_coverage', related), 1, '40 appears in the body')
  assert.equal(feature('headline_numbers', related), 1)
  assert.equal(feature('best_unit_position', related), 0.5, 'the second of three paragraphs has the figures')
  assert.equal(feature('best_unit_position', unrelated), 1, 'the bakery paragraph is last')
  assert.ok(Array.from(related).every(Number.isFinite))
})

test('a refuting headline against an agreeing-looking body sets the contrast feature', () => {
  const body = profileText('The dam collapsed on Monday, engineers confirmed.', idf)
  const x = stanceFeatures(profileText('Dam did not collapse, officials say rumours are fake', idf), body)
  assert.equal(feature('headline_refute', x), 1)
  assert.equal(feature('headline_negate', x), 1)
  assert.equal(feature('refute_contrast', x), 1)
})

test('empty texts give finite zero-similarity features', () => {
  const x = stanceFeatures(profileText('', idf), profileText('', idf))
  assert.ok(Array.from(x).every(Number.isFinite))
  assert.equal(feature('cos_body', x), 0)
})

test('baseline features follow the official FNC-1 baseline', () => {
  const x = baselineFeatures('Dam collapse is a hoax, officials deny', prepareBaselineBody(BODY))
  assert.equal(x.length, BASELINE_FEATURES.length)
  assert.equal(x[BASELINE_FEATURES.indexOf('refuting_hoax')], 1)
  assert.equal(x[BASELINE_FEATURES.indexOf('refuting_deny')], 1)
  assert.equal(x[BASELINE_FEATURES.indexOf('refuting_fake')], 0)
  assert.equal(x[BASELINE_FEATURES.indexOf('headline_polarity')], 0, 'two refuting words: even')
  assert.ok(x[BASELINE_FEATURES.indexOf('word_overlap')]! > 0)
})
