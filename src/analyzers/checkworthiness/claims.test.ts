import { test } from 'node:test'
import assert from 'node:assert/strict'
import { annotatedText } from '../../test-support/analyzer-tester.js'
import { assertSpansValid } from '../../document/spans.js'
import type { AttributionOutput, SentenceAttribution } from '../attribution/types.js'
import type { OpinionOutput } from '../opinion/types.js'
import { CUE_NAMES } from './cues.js'
import { DEFAULT_FEATURE_OPTIONS, featureDims } from './features.js'
import { MODEL_ID, MODEL_VERSION, validateCheckworthinessModel, type CheckworthinessModel } from './model.js'
import { DEFAULT_RULE_WEIGHTS, NEWS_RULE_NAMES } from './news-rules.js'
import { createScorer } from './scorer.js'
import { rankClaims } from './claims.js'
import { isFactsiftError } from '../../errors.js'

/** A hand-made model: only the number cue counts (+3 log-odds), so rankings are predictable. */
function syntheticModel(): CheckworthinessModel {
  const features = { ...DEFAULT_FEATURE_OPTIONS, hashBits: 8 }
  return {
    id: MODEL_ID,
    version: MODEL_VERSION,
    createdAt: '2026-11-24T00:00:00.000Z',
    trainedOn: 'synthetic',
    metrics: {},
    features: { ...features, cueNames: [...CUE_NAMES] },
    logistic: { dims: featureDims(features), bias: -1, indices: [CUE_NAMES.indexOf('num.any')], values: [3] },
    blend: { logistic: { weight: 1, mean: 0, scale: 1 } },
    calibration: { kind: 'platt', a: 1, b: 0 },
    news: { rules: Object.fromEntries(NEWS_RULE_NAMES.map((n) => [n, 0])) as typeof DEFAULT_RULE_WEIGHTS, modelWeight: 1, priorShift: 0, newsPrior: 0.5 },
  }
}

const scorer = createScorer(validateCheckworthinessModel(syntheticModel()))
const text = [
  'Ministers met in the capital on a rainy day.',
  'The council spent 40 million dollars on the bridge.',
  'Did the council spend 40 million dollars on the bridge?',
  'Thank you.',
  'Officials counted 300 new cases in a week.',
].join(' ')

test('claims: valid spans, sorted highest first, ids in rank order, empty matches and evidence', () => {
  const doc = annotatedText(text)
  const claims = rankClaims(doc, scorer)
  assertSpansValid(doc.text, claims, 'claims')
  for (const c of claims) {
    assert.equal(doc.text.slice(c.start, c.end), c.text)
    assert.ok(c.checkworthiness >= 0 && c.checkworthiness <= 1)
    assert.deepEqual(c.matches, [])
    assert.deepEqual(c.evidence, [])
    assert.deepEqual(c.attribution, { type: 'none', source: null })
    assert.equal(c.opinion, undefined)
  }
  assert.deepEqual(claims.map((c) => c.id), claims.map((_, i) => `c${i + 1}`))
  for (let i = 1; i < claims.length; i++) assert.ok(claims[i - 1].checkworthiness >= claims[i].checkworthiness)
  // "Thank you." has two words: no claim.
  assert.equal(claims.length, 4)
  assert.equal(claims[0].text, 'The council spent 40 million dollars on the bridge.')
})

test('claims: a question is demoted below the same statement, not dropped', () => {
  const claims = rankClaims(annotatedText(text), scorer)
  const statement = claims.find((c) => c.text.startsWith('The council'))!
  const question = claims.find((c) => c.text.startsWith('Did the council'))!
  assert.ok(question.checkworthiness < statement.checkworthiness)
  assert.ok(claims.indexOf(question) > claims.findIndex((c) => c.text.startsWith('Officials')))
})

test('claims: opinion output demotes and flags; attribution output is copied', () => {
  const doc = annotatedText(text)
  const opinion: OpinionOutput = { sentences: [1], scores: doc.sentences.map(() => 0), threshold: 1, cues: [] }
  const attribution: AttributionOutput = {
    sentences: doc.sentences.map((s): SentenceAttribution => ({
      start: s.start, end: s.end, sentence: s.index, type: s.index === 4 ? 'named' : 'none',
      source: s.index === 4 ? 'Health Ministry' : null, sourceKind: s.index === 4 ? 'organization' : null, cue: null, vague: [],
    })),
  }
  const claims = rankClaims(doc, scorer, { opinion, attribution })
  const demoted = claims.find((c) => c.sentence === 1)!
  assert.equal(demoted.opinion, true)
  assert.ok(demoted.checkworthiness < claims.find((c) => c.sentence === 4)!.checkworthiness)
  assert.deepEqual(claims.find((c) => c.sentence === 4)!.attribution, { type: 'named', source: 'Health Ministry' })
  assert.equal(claims.find((c) => c.sentence === 0)!.opinion, false)
})

test('claims: an opinion reported from a named source loses less than the writer\'s own', () => {
  const doc = annotatedText('The mayor said 40 million dollars was wasted. Critics say 40 million dollars was wasted.')
  const opinion: OpinionOutput = { sentences: [0, 1], scores: [1, 1], threshold: 1, cues: [] }
  const attribution: AttributionOutput = {
    sentences: doc.sentences.map((s): SentenceAttribution => ({
      start: s.start, end: s.end, sentence: s.index, type: s.index === 0 ? 'named' : 'vague',
      source: s.index === 0 ? 'the mayor' : 'critics', sourceKind: s.index === 0 ? 'person' : 'unnamed', cue: null, vague: [],
    })),
  }
  const plain = rankClaims(doc, scorer)
  const demoted = rankClaims(doc, scorer, { opinion, attribution })
  const drop = (i: number) => plain.find((c) => c.sentence === i)!.checkworthiness - demoted.find((c) => c.sentence === i)!.checkworthiness
  assert.ok(drop(0) > 0 && drop(1) > drop(0))
})

test('claims: "Source:" lines are not claims; an empty document gives none', () => {
  const doc = annotatedText('The mayor cut 200 jobs on Monday.\n\nSource: City Herald')
  assert.deepEqual(rankClaims(doc, scorer).map((c) => c.text), ['The mayor cut 200 jobs on Monday.'])
  assert.deepEqual(rankClaims(annotatedText('Hi'), scorer), [])
})

test('model validation rejects a model whose layout differs from the code', () => {
  const bad = syntheticModel()
  bad.features.cueNames = bad.features.cueNames.slice(1)
  assert.throws(() => validateCheckworthinessModel(bad), (e: unknown) => isFactsiftError(e) && e.code === 'E_MODEL_INVALID')
  const wrongDims = syntheticModel()
  wrongDims.logistic.dims = 5
  assert.throws(() => validateCheckworthinessModel(wrongDims), /dims/)
})

test('scoring only some units gives the same scores as scoring all of them (the shipped model, with neighbours)', async () => {
  const { createModelLoader } = await import('../../models/loader.js')
  const { loadScorer } = await import('./load-scorer.js')
  const shipped = loadScorer(createModelLoader())
  const doc = annotatedText(`${text} The mayor said taxes rose 4 percent, and the budget grew. Nobody knows why.`)
  const all = shipped.scoreUnits(doc, doc.sentences)
  for (const only of [[0], [2, 3], [doc.sentences.length - 1], [1, 4]]) {
    const some = shipped.scoreUnits(doc, doc.sentences, only)
    for (let k = 0; k < doc.sentences.length; k++) {
      if (only.includes(k)) assert.equal(some.probability[k], all.probability[k], `unit ${k} of ${only}`)
      else assert.ok(Number.isNaN(some.probability[k]!))
    }
  }
})

test('round4 gives Number(x.toFixed(4)) for scores in [0, 1], halves included', async () => {
  const { round4 } = await import('./claims.js')
  const values = [0, 1, 0.5, 0.00005, 0.99995, 1.00005 - 1, 0.12345, 0.98765, 1e-9, 0.4444499999999999]
  for (let k = 0; k <= 20000; k++) values.push(k / 20000, (k + 0.5) / 1e4, Math.random())
  for (const x of values) assert.equal(round4(x), Number(x.toFixed(4)), String(x))
})

test('ruleLogit sums weight × value in NEWS_RULE_NAMES order', async () => {
  const { ruleLogit, ruleValues } = await import('./news-rules.js')
  const { CUE_COUNT } = await import('./cues.js')
  const weights = Object.fromEntries(NEWS_RULE_NAMES.map((n, i) => [n, DEFAULT_RULE_WEIGHTS[n] + i * 0.013])) as typeof DEFAULT_RULE_WEIGHTS
  for (let trial = 0; trial < 200; trial++) {
    const cues = Float32Array.from({ length: CUE_COUNT }, () => (Math.random() < 0.5 ? 0 : Math.random()))
    const evaluative = trial % 2
    const values = ruleValues(cues, evaluative)
    let sum = 0
    for (const name of NEWS_RULE_NAMES) sum += weights[name] * values[name]
    assert.equal(ruleLogit(cues, weights, evaluative), sum)
  }
})

test('ruleValues reads the cues it names', async () => {
  const { ruleValues } = await import('./news-rules.js')
  const { CUE_COUNT, cue } = await import('./cues.js')
  for (let trial = 0; trial < 200; trial++) {
    const c = Float32Array.from({ length: CUE_COUNT }, () => (Math.random() < 0.5 ? 0 : Math.random()))
    assert.deepEqual(ruleValues(c, trial % 2), {
      quantity: Math.max(cue(c, 'num.any'), cue(c, 'num.percent'), cue(c, 'num.money'), cue(c, 'num.quantityWord')),
      namedActor: Math.max(cue(c, 'ent.person'), cue(c, 'ent.organization'), cue(c, 'ent.place'), cue(c, 'pos.propn')) > 0 ? 1 : 0,
      attribution: cue(c, 'attribution'),
      pastEvent: cue(c, 'tense.past'),
      opinion: Math.min(1, cue(c, 'subjective') + 0.5 * cue(c, 'afinn.abs')),
      evaluative: trial % 2,
      hedge: cue(c, 'hedge'),
      question: cue(c, 'question'),
      personal: Math.max(cue(c, 'person.first'), cue(c, 'person.second')),
      pleasantry: cue(c, 'pleasantry'),
      fragment: Math.max(cue(c, 'noVerb'), cue(c, 'len.1-3'), 0.5 * cue(c, 'len.4-6')),
      future: cue(c, 'tense.future'),
    })
  }
})
