import { test } from 'node:test'
import assert from 'node:assert/strict'
import { lengthBaselineScores, rankingFigures, transcriptFigures } from './evaluate.js'

// Hand-computed: scores rank lines 0, 2, 3, 1, so relevance in rank order is [0, 1, 0, 1].
const t1 = { name: 'a', scores: [0.9, 0.1, 0.8, 0.3], labels: [0, 1, 1, 0] }
// Ranking [1, 0, 0]: AP 1, R-precision (R = 1) 1.
const t2 = { name: 'b', scores: [5, 1, 2], labels: [1, 0, 0] }

test('transcriptFigures: AP, R-precision and P@k of one ranking', () => {
  const f = transcriptFigures(t1)
  assert.equal(f.averagePrecision, (1 / 2 + 2 / 4) / 2)
  assert.equal(f.rPrecision, 1 / 2)
  assert.equal(f.precisionAt[1], 0)
  assert.equal(f.precisionAt[3], 1 / 3)
  // P@k over a list shorter than k counts the missing places as misses (the CLEF scorer's convention).
  assert.equal(f.precisionAt[5], 2 / 5)
  assert.equal(f.positives, 2)
  assert.equal(f.sentences, 4)
})

test('rankingFigures: per-transcript figures averaged over transcripts (CLEF MAP)', () => {
  const f = rankingFigures([t1, t2])
  assert.equal(f.map, (0.5 + 1) / 2)
  assert.equal(f.rPrecision, (0.5 + 1) / 2)
  assert.equal(f.precisionAt[1], (0 + 1) / 2)
  assert.equal(f.transcripts.length, 2)
})

test('ties keep line order, so a constant score ranks lines as they come', () => {
  const f = transcriptFigures({ name: 'tie', scores: [1, 1, 1, 1], labels: [0, 0, 1, 0] })
  assert.equal(f.averagePrecision, 1 / 3)
})

test('a transcript without positives has AP 0 and an empty list gives zeros', () => {
  assert.equal(transcriptFigures({ name: 'none', scores: [1, 2], labels: [0, 0] }).averagePrecision, 0)
  assert.deepEqual(rankingFigures([]).map, 0)
})

test('length baseline counts words that contain a letter or digit', () => {
  assert.deepEqual(lengthBaselineScores(['We cut taxes by 5 % .', '(APPLAUSE)', '']), [5, 1, 0])
})
