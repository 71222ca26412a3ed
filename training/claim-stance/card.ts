// Writes models/claim-stance.md, the model card, from the figures the training run measured.
import { writeFileSync } from 'node:fs'
import type { ClaimStanceEvaluation, ClaimStanceScores } from './evaluate.js'
import { FEATURE_GROUPS } from '../../src/analyzers/lateral-reading/claim-stance/features.js'
import type { ClaimStanceModelFile } from '../../src/analyzers/lateral-reading/claim-stance/model.js'

export interface AblationRow {
  dropped: string
  scores: Record<string, { macroF1: number; refutesF1: number }>
}

const f4 = (x: number) => x.toFixed(4)

function row(name: string, s: ClaimStanceScores): string {
  const c = s.perClass
  return `| ${name} | ${f4(s.macroF1)} | ${f4(c.supports.f1)} | **${f4(c.refutes.f1)}** | ${f4(c.nei.f1)} | ${f4(c.refutes.precision)} / ${f4(c.refutes.recall)} | ${f4(s.accuracy)} | ${f4(s.logLoss)} |`
}

export function writeModelCard(path: string, model: ClaimStanceModelFile, evaluations: Record<string, ClaimStanceEvaluation>, ablation: AblationRow[], bytes: number): void {
  const lines = [
    '# Model card: claim-stance (`models/claim-stance.json`)',
    '',
    'Classifies a (claim, short evidence text) pair as **supports**, **refutes** or **nei** (not enough information), with',
    'calibrated probabilities. Built for the sentences that decide a claim: fact-check summaries, reference coverage, a',
    "denial in a news report. `pickEvidence` (`src/analyzers/lateral-reading/claim-stance/evidence.ts`) runs it over an article's sentences and",
    'reports the deciding sentence as a span. Issue 17.',
    `Date: ${model.createdAt.slice(0, 10)}. Version ${model.version}. Size: ${(bytes / 1024).toFixed(0)} KB (numbers rounded to 5 significant digits; evaluated as stored).`,
    '',
    '## Data and licences',
    '',
    '- **CLIMATE-FEVER** (Diggelmann et al. 2020), `stance-short/climate-fever-train.jsonl`: 890 claims × 5 Wikipedia evidence',
    '  sentences = 4,450 pairs, labelled SUPPORTS / REFUTES / NOT_ENOUGH_INFO. Obtained from the authors\' repository (see',
    '  `shared/data/README.md`; the data README states no licence beyond that; the authors\' repository is the reference).',
    '  The dev file (970 pairs, 194 claims) is used only to choose settings and to report; the test claims are not in the folder.',
    '- **SICK** (Marelli et al., LREC 2014), `stance-short/sick.tsv`: 9,927 sentence pairs, ENTAILMENT / CONTRADICTION / NEUTRAL',
    '  → supports / refutes / nei. **Licence: CC BY-NC-SA 3.0** (non-commercial, share-alike: this model file is derived from it).',
    '  This copy has no SemEval split column, so we fixed our own: a pair is **held out** when the FNV-1a hash of its',
    '  lower-cased `sentence_A` is 0 mod 5 (`isSickHeldOut` in `training/claim-stance/datasets.ts`; 2,003 pairs). Pairs that share a',
    '  first sentence stay on one side. Training never sees the held-out fifth; with a `SemEval_set` column its TEST part is used.',
    '- FNC-1 headlines were not used: their bodies are long articles, not short evidence.',
    '- **News pairs** (`test/fixtures/claim-stance/news-pairs.jsonl`): claim / evidence pairs we wrote in news language',
    '  (reporting frames, numbers, dates, denials; half of them contradictions). Never trained on or tuned on.',
    '- No text from any data set is stored in the model file: it holds hashed word-bucket weights, tree thresholds and weights.',
    '',
    '## Features and learner',
    '',
    'Pair features (`src/analyzers/lateral-reading/claim-stance/features.ts`), by group:',
    ...Object.entries(FEATURE_GROUPS).map(([g, names]) => `- ${g}: ${names.join(', ')}`),
    '- lexical: the three log-probabilities of a hashed word model (claim words and evidence words, 4,096 buckets,',
    '  softmax, L2 1e-3, balanced classes; `src/analyzers/lateral-reading/claim-stance/lexical.ts`), out-of-fold (5 folds by claim) for the rows the trees train on.',
    '',
    `Learner: gradient-boosted trees (\`src/ml/gradient-boosting.ts\`, depth 3, learning rate 0.08, 80% row/feature subsampling,`,
    `REFUTES weighted 2×), early-stopped on a tenth of the training claims (${model.trees.trees.length / 3} rounds kept), then temperature-scaled`,
    `(T = ${model.temperature.toFixed(3)}, fitted on the same tenth). Texts are tokenized by a regex and stemmed by suffix stripping (\`src/analyzers/lateral-reading/claim-stance/text.ts\`).`,
    '',
    '## Metrics',
    '',
    'Printed by `factsift eval claim-stance --data <file>` (and at the end of `npm run train:claim-stance`); baseline = word',
    'overlap + negation cue with a softmax, trained on the same rows, stored in the model file.',
    '',
    '| set | pairs | | macro-F1 | supports F1 | refutes F1 | nei F1 | refutes P / R | accuracy | log-loss |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const [name, e] of Object.entries(evaluations)) {
    lines.push(row(`${name} | ${e.pairs} | model`, e.model), row(`${name} | | baseline`, e.baseline))
  }
  lines.push('', 'Confusion matrices (rows gold, columns predicted: supports, refutes, nei):', '')
  for (const [name, e] of Object.entries(evaluations)) lines.push(`- ${name}: ${e.model.confusion.map((r) => r.join(' / ')).join('; ')}`)
  if (ablation.length) {
    lines.push('', '## Ablation: the trees retrained without one feature group (argmax of unrounded trees, so the none row differs slightly from the table above)', '', '| dropped | ' + Object.keys(ablation[0]!.scores).map((s) => `${s} macro-F1 | ${s} refutes F1`).join(' | ') + ' |')
    lines.push('|---|' + Object.keys(ablation[0]!.scores).map(() => '---|---|').join(''))
    for (const a of ablation) lines.push(`| ${a.dropped} | ${Object.values(a.scores).map((s) => `${f4(s.macroF1)} | ${f4(s.refutesF1)}`).join(' | ')} |`)
  }
  lines.push('', '## Limits', '', ...LIMITS, '')
  writeFileSync(path, lines.join('\n'))
}

const LIMITS = [
  '- Targets of issue 17, as measured above: SICK held-out contradiction F1 ≥ 0.85 is met; CLIMATE-FEVER dev macro-F1 ≥ 0.55',
  '  and REFUTES F1 ≥ 0.35 are **not** met (about 0.43 and 0.25; the best lexical-only softmax we tried reached 0.44 / 0.30,',
  '  dense features alone 0.40 / 0.22); news pairs ≥ 90% is **not** met (about 81%). History of the news-pair figure: 50% with',
  '  the corpora alone, 79% with synthetic pairs, 83% once reporting frames appeared in supporting synthetic pairs too. The',
  '  synthetic pairs were designed after seeing the first failures on the news pairs, so the news figure is optimistic.',
  '- Speed (`npm run bench:claim-stance`, CPU time of one core, shared 2-core machine): about 42,000 pairs/s with both texts',
  '  prepared per pair, 49,000 with the claim prepared once; the baseline about 170,000 pairs/s.',
  '- The harbor example (`pickEvidence`): the Riverton Gazette article refutes "the bridge has been closed to trucks for',
  '  months" and the Riverton Public Radio article refutes "the repairs will cost twice as much as planned", each with its',
  '  deciding sentence (tested in `src/analyzers/lateral-reading/claim-stance/claim-stance.test.ts`).',
  '- CLIMATE-FEVER decides most pairs by scientific content, not by the cues these features see: its evidence sentences were',
  '  retrieved for relevance, so overlap separates little, and refutation rarely shows as negation. Without a pretrained',
  '  encoder (none is obtainable here) the dev figures stay below the issue\'s targets; see the figures above.',
  '- SICK is image-caption English with contradiction mostly by negation and antonyms; it teaches the negation cues well.',
  '- English only; the stemmer is crude (suffix stripping); names are capitalized words, so all-lower-case text has none.',
  '- The news pairs were written by the same person who wrote the features: treat their figure as optimistic.',
]
