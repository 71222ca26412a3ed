import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { SOURCE_STACK, sourceEvidence } from './source-evidence.js'
import { sigmoid } from '../../ml/math.js'
import type { Publisher } from '../../report/types.js'

test('the stacking weights were fitted for the shipped text model (refit with npm run measure:source-ratings when it changes)', () => {
  const model = JSON.parse(readFileSync(new URL('../../../models/credibility.json', import.meta.url), 'utf8')) as { id: string; version: number; createdAt: string }
  assert.deepEqual({ id: model.id, version: model.version, createdAt: model.createdAt }, SOURCE_STACK.fittedFor)
})

const infowars: Publisher = { name: 'Infowars', domain: 'infowars.com', via: 'url', rating: { score: 0.05, band: 'low', list: 'lin2023', citation: 'Lin et al. 2023', domain: 'infowars.com' } }
const text = { logOdds: 0.4, probability: 0.55 }

test('with a URL the fitted stacker replaces the text-only probability; the reason carries the shift', () => {
  const out = sourceEvidence({ url: 'https://www.infowars.com/a', publisher: infowars }, [], text)
  const expected = sigmoid(-0.4266 + 0.3417 * 0.4 - 2.4568 * (0.05 - 0.5))
  assert.ok(Math.abs(out.probability! - expected) < 1e-12)
  assert.deepEqual(out.reasons, [{ signal: 'publisher-rating', weight: Math.round((Math.log(expected / (1 - expected)) - Math.log(0.55 / 0.45)) * 100) / 100, message: 'Published by infowars.com, rated 0.05 of 1 (Lin et al. 2023)' }])
  const unrated = sourceEvidence({ url: 'https://x.example/a', publisher: { name: 'x.example', domain: 'x.example', via: 'url', rating: { unrated: true } } }, [], text)
  assert.ok(Math.abs(unrated.probability! - sigmoid(-0.4266 + 0.3417 * 0.4 + 0.7286)) < 1e-12)
  assert.equal(unrated.reasons[0]!.message, 'Published by x.example, which no ratings list rates')
})

test('without a URL (or a publisher named only by metadata) the text-only probability stands', () => {
  assert.deepEqual(sourceEvidence({ url: null, publisher: null }, [], text), { probability: null, reasons: [] })
  assert.deepEqual(sourceEvidence({ url: null, publisher: { ...infowars, via: 'metadata' } }, [], text), { probability: null, reasons: [] })
  assert.deepEqual(sourceEvidence({ url: 'file:///a.txt', publisher: { ...infowars, via: 'url' } }, [], text).probability, null)
})

test('cited outlets: a note only when every rated one is low; the publisher citing itself does not count', () => {
  const low = { name: 'Natural News', kind: 'outlet' as const, mentions: 1, domain: 'naturalnews.com', rating: { score: 0, band: 'low' as const, list: 'lin2023', citation: 'Lin et al. 2023', domain: 'naturalnews.com' } }
  const high = { name: 'Reuters', kind: 'outlet' as const, mentions: 1, domain: 'reuters.com', rating: { score: 1, band: 'high' as const, list: 'lin2023', citation: 'Lin et al. 2023', domain: 'reuters.com' } }
  const unrated = { name: 'Valley Ledger', kind: 'outlet' as const, mentions: 1, domain: null, rating: { unrated: true as const } }
  const note = (sources: typeof low[] | (typeof low | typeof high | typeof unrated)[]) => sourceEvidence({ url: null, publisher: null }, sources, text).reasons
  assert.deepEqual(note([low, unrated]), [{ signal: 'low-rated-sources', weight: 0, message: 'Every rated outlet it cites is rated low: Natural News (rated 0 of 1 (Lin et al. 2023))' }])
  assert.deepEqual(note([low, high]), [])
  assert.deepEqual(note([unrated]), [])
  const self = sourceEvidence({ url: 'https://naturalnews.com/a', publisher: { ...infowars, domain: 'naturalnews.com' } }, [low], text)
  assert.ok(!self.reasons.some((r) => r.signal === 'low-rated-sources'))
})
