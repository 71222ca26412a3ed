// Command-line entry of claim-stance training:
// npm run train:claim-stance [-- --data ../shared/data/stance-short --out models/claim-stance.json --no-ablation]
// While tuning, pass --heldout none: the frozen held-out pairs are scored only by the final run.
import { parseArgs } from 'node:util'
import { trainClaimStance } from './pipeline.js'
import { NEWS_TEMPLATES_PER_EVENT } from './news-templates.js'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/stance-short' },
    news: { type: 'string', default: 'test/fixtures/claim-stance/news-pairs.jsonl' },
    news2: { type: 'string', default: 'test/fixtures/claim-stance/news-pairs-v2.jsonl' },
    heldout: { type: 'string', default: 'test/fixtures/claim-stance/news-pairs-v3-heldout.jsonl' },
    'news-templates': { type: 'string', default: String(NEWS_TEMPLATES_PER_EVENT) },
    out: { type: 'string', default: 'models/claim-stance.json' },
    card: { type: 'string', default: 'models/claim-stance.md' },
    'no-ablation': { type: 'boolean', default: false },
  },
})
const evaluations = await trainClaimStance({ data: values.data, news: values.news, news2: values.news2, heldout: values.heldout === 'none' ? undefined : values.heldout, newsTemplatesPerEvent: Number(values['news-templates']), out: values.out, card: values.card, ablation: !values['no-ablation'] })
for (const [name, e] of Object.entries(evaluations)) {
  process.stdout.write(
    `${name}: ${e.pairs} pairs; model macro-F1 ${e.model.macroF1.toFixed(4)}, refutes F1 ${e.model.perClass.refutes.f1.toFixed(4)}, accuracy ${e.model.accuracy.toFixed(4)}; ` +
      `baseline macro-F1 ${e.baseline.macroF1.toFixed(4)}, refutes F1 ${e.baseline.perClass.refutes.f1.toFixed(4)}, accuracy ${e.baseline.accuracy.toFixed(4)}\n`,
  )
}
