import { test } from 'node:test'
import assert from 'node:assert/strict'
import { gatherEvidence } from './evidence.js'
import type { FeatureSpec } from './features.js'
import { buildReasons } from './reasons.js'
import type { CredibilityScore } from './model.js'

const evidence = gatherEvidence({ text: 'Short text here.', title: null, signals: [], claims: [], quotes: [], sources: [], entities: [], present: new Set() })
const spec = (name: string, warning = false): FeatureSpec => ({
  name, group: 'style', ...(warning ? { prior: 0.2 } : {}),
  value: () => 0,
  reason: (_e, raises) => ({ signal: name, message: `${name} ${raises ? 'raises' : 'lowers'}` }),
})
const specs = [spec('a'), spec('b'), spec('c'), spec('d'), spec('e'), spec('warn', true), spec('tiny')]
const score = (parts: number[], wording = 0): CredibilityScore => ({
  probability: 0.5, logOdds: 0, wordingLogOdds: wording,
  contributions: parts.map((logOdds, j) => ({ feature: specs[j].name, value: 0, logOdds })),
})
const platt = { calibration: { kind: 'platt' as const, a: 2, b: 0 } }

test('largest raising reasons first (weights × calibration slope), then lowering ones; tiny ones dropped', () => {
  const reasons = buildReasons(platt, score([0.3, -0.2, 0.1, 0, 0, 0, 0.01]), evidence, specs)
  assert.deepEqual(reasons, [
    { signal: 'a', weight: 0.6, message: 'a raises' },
    { signal: 'c', weight: 0.2, message: 'c raises' },
    { signal: 'b', weight: -0.4, message: 'b lowers' },
  ])
})

test('at most 4 raising and 2 lowering, but a raising warning sign is always listed; wording gets its own reason', () => {
  const reasons = buildReasons(platt, score([0.5, 0.4, 0.3, 0.2, 0.15, 0.06, -0.3], 0.2), evidence, specs)
  assert.deepEqual(reasons.map((r) => r.signal), ['a', 'b', 'c', 'd', 'wording', 'warn', 'tiny'])
  assert.equal(reasons.find((r) => r.signal === 'wording')!.message, 'word choice resembles unreliable articles in the training data')
})

test('style-profile features are summed into one reason instead of listing rates an editor cannot act on', () => {
  const profileSpecs = [spec('a'), { ...spec('p1'), profile: true }, { ...spec('p2'), profile: true }]
  const s: CredibilityScore = {
    probability: 0.5, logOdds: 0, wordingLogOdds: 0,
    contributions: [{ feature: 'a', value: 0, logOdds: 0.2 }, { feature: 'p1', value: 0, logOdds: 0.3 }, { feature: 'p2', value: 0, logOdds: -0.1 }],
  }
  const reasons = buildReasons(platt, s, evidence, profileSpecs)
  assert.deepEqual(reasons.map((r) => [r.signal, r.weight]), [['a', 0.4], ['style-profile', 0.4]])
  assert.match(reasons[1]!.message, /writing style .* resembles unreliable articles/)
})
