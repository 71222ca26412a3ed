import { test } from 'node:test'
import assert from 'node:assert/strict'
import { CONTRADICTED, KNOWN_FALSE_ATTRIBUTED, KNOWN_FALSE_UNSOURCED, knownEvidence } from './known-evidence.js'
import type { Claim } from '../../report/types.js'

const base: Claim = { id: 'c1', text: 'the pier has been shut to boats', start: 0, end: 10, checkworthiness: 0.7, attribution: { type: 'vague', source: 'neighbours' }, matches: [], evidence: [] }
const falseMatch = { claim: 'The pier is shut to boats', rating: 'False', url: 'https://check.example/pier', factChecker: 'Pier Check', score: 0.9, ratingNormalized: 'false', reviewedAt: '2026-03-01T00:00:00Z' }

test('a repeat of a false-rated claim from an unnamed source is the first reason, with the fact-check and its URL', () => {
  const { logOdds, reasons } = knownEvidence([{ ...base, verdict: 'rated-false', matches: [falseMatch] }])
  assert.equal(logOdds, KNOWN_FALSE_UNSOURCED)
  assert.deepEqual(reasons, [{ signal: 'factcheck-repeat', weight: KNOWN_FALSE_UNSOURCED, message: 'Repeats a claim rated False by Pier Check (2026-03-01): “The pier is shut to boats”', url: 'https://check.example/pier' }])
})

test('a false claim the article attributes to a named speaker weighs less; a second repeat adds half', () => {
  const named = { ...base, attribution: { type: 'named' as const, source: 'Ana Silva' }, verdict: 'rated-false' as const, matches: [falseMatch] }
  const { logOdds, reasons } = knownEvidence([named, { ...named, id: 'c2' }])
  assert.equal(logOdds, KNOWN_FALSE_ATTRIBUTED * 1.5)
  assert.match(reasons[0]!.message, /attributed to Ana Silva$/)
})

test('contradicting coverage with a deciding sentence is a reason; a true-rated match raises nothing', () => {
  const against = { title: 'Pier open as usual', url: 'https://paper.example/pier', outlet: 'Bay Paper', stance: 'disagree' as const, score: 0.9, deciding: { start: 0, end: 20, text: 'The pier remains open to boats.' } }
  const { logOdds, reasons } = knownEvidence([{ ...base, verdict: 'contradicted', evidence: [against] }, { ...base, id: 'c2', verdict: 'rated-true', matches: [{ ...falseMatch, rating: 'True', ratingNormalized: 'true' }] }])
  assert.equal(logOdds, CONTRADICTED)
  assert.equal(reasons.length, 1)
  assert.match(reasons[0]!.message, /^Contradicted by Bay Paper: “Pier open as usual” says “The pier remains open to boats\.”/)
})
