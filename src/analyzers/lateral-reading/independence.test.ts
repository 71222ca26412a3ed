import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sameStory, sourceGroups, storyFingerprint, summarizeEvidence } from './independence.js'
import type { Evidence } from '../../report/types.js'

const WIRE = 'The central bank raised its main interest rate by half a point on Thursday, the largest increase in two decades, ' +
  'citing inflation that has stayed above its target for eighteen months. Markets had expected a smaller move.'

test('syndicated copies (light edits, a dateline) are one story; different stories on the same topic are not', () => {
  const copy = `LONDON (Wire) — ${WIRE} Analysts said more increases may follow.`
  const other = 'Shoppers say prices at the supermarket have climbed again this month, and many families are cutting back on meat and fresh fruit.'
  assert.ok(sameStory(storyFingerprint(WIRE), storyFingerprint(copy)))
  assert.ok(!sameStory(storyFingerprint(WIRE), storyFingerprint(other)))
  assert.ok(!sameStory(storyFingerprint(''), storyFingerprint(WIRE)))
})

test('sources group by outlet (by canonical name) and by story, transitively', () => {
  const groups = sourceGroups([
    { outlet: 'Associated Press', fingerprint: storyFingerprint(WIRE) },
    { outlet: 'Daily Example', fingerprint: storyFingerprint(`Daily Example — ${WIRE}`) },
    { outlet: 'AP', fingerprint: storyFingerprint('A different AP story about rainfall in the north of the country last week.') },
    { outlet: 'Other Gazette', fingerprint: storyFingerprint('Other Gazette reports on a local football match won by the home side.') },
    { outlet: null, fingerprint: storyFingerprint('An unsigned blog post on gardening in small spaces, with tips for balconies.') },
  ])
  assert.equal(groups[0], groups[1], 'syndicated copy')
  assert.equal(groups[0], groups[2], 'same outlet under an alias')
  assert.notEqual(groups[0], groups[3])
  assert.notEqual(groups[3], groups[4])
})

test('the summary counts distinct outlets per stance', () => {
  const item = (outlet: string, stance: Evidence['stance']): Evidence => ({ title: 't', url: '', outlet, stance, score: 0.9 })
  assert.deepEqual(
    summarizeEvidence([item('Reuters', 'agree'), item('reuters', 'agree'), item('Example Times', 'agree'), item('Example Times', 'disagree'), item('', 'discuss'), item('', 'discuss')]),
    { corroboratedBy: 2, contradictedBy: 1, discussedBy: 2 },
  )
})
