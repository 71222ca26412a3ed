import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readClefQueries, readQrels } from './clef-data.js'
import { rankingMetrics, type ClefRun } from './clef-evaluation.js'
import { evaluateClaimMatching } from './evaluate-claim-matching.js'
import { testClaimMatchingModel } from '../../src/test-support/factcheck-model.js'

function run(labels: number[], relevant = 1): ClefRun {
  return { queryId: 'q', labels, relevant: new Set(Array.from({ length: relevant }, (_, i) => `r${i}`)), set: { candidates: [], features: [], searchText: '', query: undefined as never } }
}

test('ranking metrics follow CLEF 2020 Task 2 (MAP@k divides by all relevant items)', () => {
  // Scores reverse the list order: the relevant item at index 2 ranks first.
  const runs = [run([0, 0, 1]), run([1, 0, 0]), run([0, 0, 0], 1)]
  const m = rankingMetrics(runs, (r) => r.labels.map((_, i) => (r === runs[0] ? i : -i)))
  assert.equal(m['MAP@1'], 2 / 3)
  assert.equal(m.MRR, 2 / 3)
  assert.equal(m['P@1'], 2 / 3)
  assert.equal(m.recall, 2 / 3)
  const half = rankingMetrics([run([0, 1], 2)], (r) => r.labels.map((_, i) => -i))
  assert.equal(half['MAP@5'], 0.25)
})

test('CLEF readers and a full evaluation on a tiny hand-written collection', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'factsift-clef-'))
  try {
    writeFileSync(join(dir, 'claims.tsv'), '\tvclaim\ttitle\n0\tA bear rode a bicycle through the city park.\tBear on a Bike?\n1\tThe town hall clock runs backwards on Sundays.\tBackwards Clock\n2\tA whale was seen in the river near the old mill.\tRiver Whale\n')
    writeFileSync(join(dir, 'q.tsv'), '\ttweet_content\n10\tWow a bear on a bicycle in the park!! pic.twitter.com/abc — Kim (@kim) May 1, 2020\n11\tThe clock at the town hall is running backwards again\n')
    writeFileSync(join(dir, 'q.qrels'), '10\t0\t0\t1\n11\t0\t1\t1\n')
    assert.deepEqual(readClefQueries(join(dir, 'q.tsv')).map((q) => q.id), ['10', '11'])
    assert.deepEqual([...readQrels(join(dir, 'q.qrels')).get('11')!], ['1'])
    const result = await evaluateClaimMatching(testClaimMatchingModel(), { claims: join(dir, 'claims.tsv'), queries: join(dir, 'q.tsv'), qrels: join(dir, 'q.qrels') })
    assert.equal(result.claims, 3)
    assert.equal(result.reranker['MAP@5'], 1)
    assert.equal(result.bm25['MAP@1'], 1)
    assert.ok(result.threshold.shown >= 0 && result.threshold.shown <= 1)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
