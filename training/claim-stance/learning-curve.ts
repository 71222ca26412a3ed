// Evidence for the CLIMATE-FEVER limit: (1) a learning curve (the whole pipeline retrained on a share of the
// CLIMATE-FEVER training claims, SICK and the synthetic pairs unchanged, scored on CLIMATE-FEVER dev) and (2) an
// oracle-ish upper bound of the shipped model's outputs: the class offsets added to its log-probabilities chosen ON the
// dev set to maximise dev macro-F1 (a bound no deployable threshold can beat; it is not a result).
// Usage: npx tsx training/claim-stance/learning-curve.ts [-- --data ../shared/data/stance-short]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { parsePairs } from './datasets.js'
import { trainClaimStance } from './pipeline.js'
import { macroF1, perClassScores } from '../ml/classification-metrics.js'
import { claimStanceModelFromJSON, createClaimStanceClassifier } from '../../src/analyzers/lateral-reading/claim-stance/model.js'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/stance-short' },
    news: { type: 'string', default: 'test/fixtures/claim-stance/news-pairs.jsonl' },
    model: { type: 'string', default: 'models/claim-stance.json' },
    shares: { type: 'string', default: '0.25,0.5,0.75,1' },
  },
})
const dir = mkdtempSync(join(tmpdir(), 'claim-stance-curve-'))
try {
  for (const share of values.shares.split(',').map(Number)) {
    const e = await trainClaimStance({ data: values.data, news: values.news, out: join(dir, 'm.json'), card: join(dir, 'm.md'), ablation: false, cfShare: share, writeCard: false })
    const d = e['climate-fever-dev']!
    process.stdout.write(`learning curve: ${share} of CLIMATE-FEVER train claims → dev macro-F1 ${d.model.macroF1.toFixed(4)}, refutes F1 ${d.model.perClass.refutes.f1.toFixed(4)}\n`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const model = claimStanceModelFromJSON(JSON.parse(readFileSync(values.model, 'utf8')))
const classifier = createClaimStanceClassifier(model)
const dev = parsePairs(readFileSync(join(values.data, 'climate-fever-dev.jsonl'), 'utf8'), 'dev').pairs
const gold = dev.map((p) => p.label)
const logs = dev.map((p) => classifier.classify(p.claim, p.evidence).probabilities.map((q) => Math.log(Math.max(q, 1e-9))))
let best = { macro: 0, refutes: 0, offsets: [0, 0] }
for (let a = -3; a <= 3; a += 0.1) {
  for (let b = -3; b <= 3; b += 0.1) {
    const pred = logs.map((l) => {
      const v = [l[0]! + a, l[1]! + b, l[2]!]
      return v.indexOf(Math.max(...v))
    })
    const macro = macroF1(gold, pred, 3)
    if (macro > best.macro) best = { macro, refutes: perClassScores(gold, pred, 3)[1]!.f1, offsets: [a, b] }
  }
}
process.stdout.write(`oracle offsets chosen on dev (supports ${best.offsets[0]!.toFixed(1)}, refutes ${best.offsets[1]!.toFixed(1)}): dev macro-F1 ${best.macro.toFixed(4)}, refutes F1 ${best.refutes.toFixed(4)}\n`)
