// Features, datasets, model validation and pickEvidence on pairs we wrote; the shipped model decides the harbor example.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { FEATURE_NAMES, pairFeatures } from './features.js'
import { prepareText, stem, tokenize } from './text.js'
import { detectFormat, isSickHeldOut, parsePairs } from '../../../../training/claim-stance/datasets.js'
import { claimStanceIndex } from './labels.js'
import { claimStanceModelFromJSON, createClaimStanceClassifier, gateSupports, modelInput } from './model.js'
import { claimClauses, claimCore, pickEvidence, splitSentences } from './evidence.js'
import { FactsiftError } from '../../../errors.js'

const feature = (claim: string, evidence: string, name: string) => pairFeatures(prepareText(claim), prepareText(evidence))[FEATURE_NAMES.indexOf(name)]

test('contractions become not; stems meet', () => {
  assert.deepEqual(tokenize("Harbor Bridge hasn't closed").lower, ['harbor', 'bridge', 'has', 'not', 'closed'])
  assert.equal(stem('closed'), stem('closes'))
  assert.equal(stem('closing'), stem('close'))
})

test('negation scope: shared words negated on one side only', () => {
  assert.equal(feature('the bridge has been closed to trucks for months', 'Harbor Bridge has not been closed to trucks', 'scopeMismatch'), 2)
  assert.equal(feature('the bridge has been closed to trucks', 'the bridge has been closed to trucks', 'scopeMismatch'), 0)
  assert.equal(feature('the bridge is open', 'the bridge is not open', 'negationParity'), 1)
})

test('antonyms, numbers, years, change against stasis', () => {
  assert.equal(feature('the library will stay open', 'the library will be closed', 'antonymPairs'), 1)
  assert.equal(feature('the bridge carries 62,000 vehicles', 'the bridge carries 26,000 vehicles', 'numbersMismatch'), 1)
  assert.equal(feature('it carries 62,000 vehicles', 'it carries about 62,000 vehicles a day', 'numbersMatched'), 1)
  assert.equal(feature('rated deficient in 2023', 'rated deficient in 2013', 'yearsMismatch'), 1)
  assert.equal(feature('costs will double', 'the estimate remains $48 million', 'changeVsStasis'), 1)
  assert.equal(feature('costs will double', 'rejecting claims that the cost will double', 'frameAndDenial'), 1)
})

test('labels in every dataset spelling', () => {
  assert.deepEqual(['SUPPORTS', 'REFUTES', 'NOT_ENOUGH_INFO', 'ENTAILMENT', 'CONTRADICTION', 'NEUTRAL', 'bogus'].map(claimStanceIndex), [0, 1, 2, 0, 1, 2, -1])
})

test('datasets: formats detected, SICK split fixed, bad rows coded', () => {
  const cf = '{"claim_id":"1","claim":"c","evidences":[{"evidence":"e1","evidence_label":"REFUTES"},{"evidence":"e2","evidence_label":"NOT_ENOUGH_INFO"}]}\n'
  assert.deepEqual(parsePairs(cf, 'cf').pairs.map((p) => p.label), [1, 2])
  const sick = 'pair_ID\tsentence_A\tsentence_B\trelatedness_score\tentailment_judgment\n1\tA man is sitting\tA man is not sitting\t4\tCONTRADICTION\n'
  assert.equal(detectFormat(sick, 'sick'), 'sick')
  const heldOut = isSickHeldOut('A man is sitting')
  assert.equal(parsePairs(sick, 'sick', heldOut ? 'heldout' : 'train').pairs.length, 1)
  assert.equal(parsePairs(sick, 'sick', heldOut ? 'train' : 'heldout').pairs.length, 0)
  assert.equal(isSickHeldOut('anything', 'TEST'), true)
  assert.throws(() => parsePairs('{"claim":"c","evidence":"e","label":"maybe"}', 'x'), (e: FactsiftError) => e.code === 'E_BAD_DATA_ROW')
  assert.throws(() => parsePairs('hello', 'x'), (e: FactsiftError) => e.code === 'E_INPUT_INVALID')
})

test('news-pairs fixtures (first set and the frozen v3 held-out set): at least 40 pairs, half contradictions', () => {
  for (const file of ['news-pairs.jsonl', 'news-pairs-v3-heldout.jsonl']) {
    const { pairs } = parsePairs(readFileSync(new URL(`../../../../test/fixtures/claim-stance/${file}`, import.meta.url), 'utf8'), file)
    assert.ok(pairs.length >= 40, file)
    assert.equal(pairs.filter((p) => p.label === 1).length * 2, pairs.length, file)
    assert.ok(pairs.some((p) => p.label === 0) && pairs.some((p) => p.label === 2), file)
  }
})

test('key content: a differing figure of the same kind conflicts; a denied figure is not asserted; support needs figures and names', () => {
  assert.equal(feature('The festival drew 80,000 visitors', 'Organizers counted 18,000 visitors', 'unitConflict'), 1)
  assert.equal(feature('The festival drew 80,000 visitors', 'The festival drew 80,000 visitors', 'unitConflict'), 0)
  assert.equal(feature('The firm cut 1,200 jobs', 'The firm cut 120 jobs, not 1,200 as reported', 'deniedNumberMatch'), 1)
  assert.equal(feature('The firm cut 1,200 jobs', 'The firm cut 120 jobs, not 1,200 as reported', 'unitConflict'), 1)
  assert.equal(feature('Fees rose 14 percent', 'Fees rose 9% this year', 'unitConflict'), 1)
  assert.equal(feature('The council approved the bike lane', 'The council approved the bike lane on Tuesday', 'keyCovered'), 1)
  assert.equal(feature('The council approved 3 bike lanes', 'The council approved 4 bike lanes', 'keyCovered'), 0)
  assert.equal(feature('The terminal opened in 2021', 'The terminal opened in 2024', 'yearConflict'), 1)
  assert.deepEqual(prepareText('It costs $48 million and 26,000 workers').numberUnits, ['$', 'worker'])
})

test('splitSentences and claimCore', () => {
  const text = 'First one. Second "quoted."\nThird'
  assert.deepEqual(splitSentences(text).map((s) => text.slice(s.start, s.end)), ['First one.', 'Second "quoted."', 'Third'])
  assert.equal(claimCore('Some residents say the bridge has been closed to trucks for months.'), 'the bridge has been closed to trucks for months')
  assert.equal(claimCore('It has been said that the state could step in'), 'the state could step in')
  assert.equal(claimCore('Reports emerged last week that the bypass has been cancelled.'), 'the bypass has been cancelled')
  assert.equal(claimCore('Officials found 9,000 ballots dumped in a river, according to posts shared online.'), 'Officials found 9,000 ballots dumped in a river')
  assert.deepEqual(claimClauses('The pharmacy has closed, and patients now have to drive 40 minutes'), ['The pharmacy has closed', 'patients now have to drive 40 minutes'])
  assert.deepEqual(claimClauses('the bridge has been closed to trucks'), [])
})

test('denial scope and proposition alignment', () => {
  const claim = 'Ridgeway General Hospital has closed its maternity ward'
  const evidence = 'The maternity ward remains open, the hospital said, denying posts that it had closed'
  assert.equal(feature(claim, evidence, 'assertedAntonyms'), 1)
  assert.equal(feature(claim, evidence, 'stasisAntonym'), 1)
  assert.ok(feature(claim, evidence, 'framedCovered')! > 0)
  assert.equal(feature('The council voted to approve the Harbor Stadium', 'Construction costs at Harbor Stadium have risen', 'namesOnlyOverlap'), 1)
  assert.equal(feature('The council voted to approve the stadium', 'The council voted to approve the stadium', 'nonNameCovered'), 1)
})

const model = claimStanceModelFromJSON(JSON.parse(readFileSync(new URL('../../../../models/claim-stance.json', import.meta.url), 'utf8')))
const classifier = createClaimStanceClassifier(model)

test('model file validates; a tampered one is rejected with E_MODEL_INVALID', () => {
  assert.throws(() => claimStanceModelFromJSON({ ...model, features: ['x'] }), (e: FactsiftError) => e.code === 'E_MODEL_INVALID')
  assert.throws(() => claimStanceModelFromJSON({ ...model, id: 'stance' }), (e: FactsiftError) => e.code === 'E_MODEL_INVALID')
  const p = classifier.classify('the bridge has been closed to trucks', 'Harbor Bridge has not been closed to trucks')
  assert.equal(p.stance, 'refutes')
  assert.ok(Math.abs(p.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-9)
})

test('pickEvidence: the harbor reference articles refute the two claims they deny, with the deciding sentence', () => {
  const cases = [
    ['riverton-gazette-bridge-trucks', 'Some residents say the bridge has been closed to trucks for months.', 'The Harbor Bridge remains open to trucks'],
    ['riverton-public-radio-bridge-costs', 'Many people are saying the repairs will cost twice as much as planned.', 'City engineers said on Tuesday that the estimate'],
  ] as const
  for (const [file, claim, quote] of cases) {
    const text = readFileSync(new URL(`../../../../examples/reference-articles/${file}.txt`, import.meta.url), 'utf8')
    const result = pickEvidence(classifier, claim, text)
    assert.equal(result.stance, 'refutes', file)
    const span = result.deciding!.span
    assert.ok(span.start >= 0 && span.end > span.start && span.end <= text.length)
    assert.ok(text.slice(span.start, span.end).startsWith(quote), text.slice(span.start, span.end))
  }
})

test('pickEvidence: an unrelated article is nei with no deciding sentence', () => {
  const result = pickEvidence(classifier, 'The mayor resigned on Tuesday.', 'Heavy rain is expected over the weekend. Schools will open as usual.')
  assert.equal(result.stance, 'nei')
  assert.equal(result.deciding, null)
  assert.deepEqual(result.evidence, [])
})

test('strict support: a sentence about another fact of the same topic does not corroborate; missing key content moves support to nei', () => {
  const article = 'The Harbor Stadium project has been debated for two years. Construction costs at Harbor Stadium have risen to $410 million, the builder said on Monday. The council will meet again next month.'
  assert.equal(pickEvidence(classifier, 'The council voted to approve the Harbor Stadium.', article).stance, 'nei')
  assert.ok(model.supportsGate && model.supportsGate.minKeyCovered > 0)
  const gate = { minKeyCovered: 0.01, keep: 0.2 }
  const missingFigure = modelInput(model, prepareText('The council approved 3 bike lanes'), prepareText('The council approved 4 bike lanes'))
  assert.deepEqual(gateSupports(gate, [0.8, 0.1, 0.1], missingFigure).map((p) => Math.round(p * 100)), [16, 10, 74])
  const covered = modelInput(model, prepareText('The council approved 3 bike lanes'), prepareText('On Tuesday the council approved 3 bike lanes'))
  assert.deepEqual(gateSupports(gate, [0.8, 0.1, 0.1], covered), [0.8, 0.1, 0.1])
  assert.throws(() => claimStanceModelFromJSON({ ...model, supportsGate: { minKeyCovered: 2, keep: 0.2 } }), (e: FactsiftError) => e.code === 'E_MODEL_INVALID')
})
