import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatSourceEval, rowRatings, stackWithSource } from './source-eval.js'
import { stratifiedKFold } from '../ml/cross-validation.js'
import { rocAuc } from '../ml/classification-metrics.js'
import { readCredibilityJsonl, type CredibilityRow } from './dataset.js'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const row = (id: string, url: string | null): CredibilityRow => ({ id, text: 'x', title: null, label: 'real', domain: null, url, dataset: 't', group: id })

test('rowRatings: a URL on a rated domain gives its score, an unrated one null, no URL undefined', () => {
  assert.deepEqual(rowRatings([row('a', 'https://www.infowars.com/x'), row('b', 'https://nowhere.example/x'), row('c', null)]), [0.05, null, undefined])
})

test('stackWithSource: the rating adds what the text lacks (same folds); rows without a URL keep the text score', () => {
  // 120 rows: text scores are noise, the rating separates the labels on the 100 rows that have a URL.
  let seed = 7
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const labels = Array.from({ length: 120 }, (_, i) => i % 2)
  const text = labels.map(() => 0.3 + 0.4 * rand())
  const ratings = labels.map((y, i) => (i >= 100 ? undefined : i % 10 === 0 ? null : y === 1 ? 0.1 + 0.2 * rand() : 0.6 + 0.3 * rand()))
  const folds = stratifiedKFold(labels, 5, 1)
  const stacked = stackWithSource(text, labels, ratings, folds)
  for (let i = 100; i < 120; i++) assert.equal(stacked[i], text[i])
  const url = labels.map((_, i) => i).filter((i) => i < 100)
  const auc = (s: number[]) => rocAuc(url.map((i) => labels[i]!), url.map((i) => s[i]!))
  assert.ok(auc(text) < 0.7, `text ${auc(text)}`)
  assert.ok(auc(stacked) > 0.9, `stacked ${auc(stacked)}`)
})

test('formatSourceEval prints text-only → with-source for each line, and says the shipped stacker is in-sample on its own set', () => {
  const pair = { all: { textOnly: 0.733, withSource: 0.784 }, urlRows: { textOnly: 0.742, withSource: 0.798 } }
  const lines = formatSourceEval({ rows: 238, withUrl: 207, rated: 196, ratingAlone: 0.827, crossValidated: [{ variant: 'full', ...pair }], shipped: pair }).join('\n')
  assert.match(lines, /207 of 238 rows have a URL, 196 on a rated domain; the rating alone: AUC 0\.827/)
  assert.match(lines, /full \(stacker refitted per fold\)\s+AUC all rows 0\.733 → 0\.784 {3}URL rows 0\.742 → 0\.798/)
  assert.match(lines, /in-sample/)
})

test('the dataset reader keeps a row\'s url when it has one, and adds nothing when it has none', () => {
  const dir = mkdtempSync(join(tmpdir(), 'factsift-source-eval-'))
  try {
    const file = join(dir, 'rows.jsonl')
    writeFileSync(file, `${JSON.stringify({ text: 'a b', label: 'fake', url: ' https://www.infowars.com/x ' })}\n${JSON.stringify({ text: 'c d', label: 'real' })}\n`)
    const rows = readCredibilityJsonl(file)
    assert.equal(rows[0]!.url, 'https://www.infowars.com/x')
    assert.ok(!('url' in rows[1]!))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
