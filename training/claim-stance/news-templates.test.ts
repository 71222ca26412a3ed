// The code-generated news pairs: deterministic, all three labels for every event, and no slot left unfilled.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isNewsTemplate, newsTemplatePairs } from './news-templates.js'

test('news template pairs: deterministic per seed, every label, filled slots, grouped by event draw', () => {
  const pairs = newsTemplatePairs(17, 5)
  assert.deepEqual(pairs, newsTemplatePairs(17, 5))
  assert.notDeepEqual(pairs, newsTemplatePairs(18, 5))
  for (const label of [0, 1, 2]) assert.ok(pairs.filter((p) => p.label === label).length > pairs.length / 5, `label ${label}`)
  assert.ok(pairs.every((p) => !/[{}]/.test(p.claim + p.evidence)))
  assert.ok(pairs.every((p) => /^[A-Z]/.test(p.evidence) && /\.$/.test(p.evidence)))
  assert.ok(pairs.every(isNewsTemplate))
  assert.equal(isNewsTemplate({ claim: 'c', evidence: 'e', label: 0, group: '17' }), false)
})
