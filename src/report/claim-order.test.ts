import { test } from 'node:test'
import assert from 'node:assert/strict'
import { compareClaims, verdictOfMatches } from './claim-order.js'
import type { Claim, FactCheckMatch } from './types.js'

const match = (ratingNormalized: string): FactCheckMatch => ({ claim: 'x', rating: ratingNormalized, url: 'https://f.example/x', factChecker: 'F', score: 0.9, ratingNormalized })
const claim = (id: string, checkworthiness: number, start: number, verdict?: Claim['verdict']): Claim => ({
  id, text: id, start, end: start + 1, checkworthiness, attribution: { type: 'none', source: null }, matches: [], evidence: [], ...(verdict ? { verdict } : {}),
})

test('verdicts from the best match: false and mostly false (misleading) are rated-false; true and mostly true rated-true', () => {
  assert.equal(verdictOfMatches([match('false')]), 'rated-false')
  assert.equal(verdictOfMatches([match('mostly-false'), match('true')]), 'rated-false')
  assert.equal(verdictOfMatches([match('mostly-true')]), 'rated-true')
  assert.equal(verdictOfMatches([match('mixed')]), 'rated-mixed')
  assert.equal(verdictOfMatches([match('unrated')]), undefined)
  assert.equal(verdictOfMatches([]), undefined)
})

test('known-false repeats first, then contradicted claims, then check-worthiness and position', () => {
  const claims = [claim('plain', 0.9, 0), claim('true', 0.95, 10, 'rated-true'), claim('contra', 0.3, 20, 'contradicted'), claim('false', 0.2, 30, 'rated-false'), claim('tie', 0.9, 5)]
  assert.deepEqual(claims.sort(compareClaims).map((c) => c.id), ['false', 'contra', 'true', 'plain', 'tie'])
})
