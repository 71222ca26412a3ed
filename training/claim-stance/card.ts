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

/** Filled in from the learning-curve run (see the limits); kept here so every retrain writes the same card. */
const LEARNING_CURVE: string[] = [
  '  the whole pipeline retrained on 25% / 50% / 75% / 100% of the CLIMATE-FEVER training claims (SICK and synthetic pairs',
  '  as they were) gave dev macro-F1 0.3813 / 0.4230 / 0.4238 / 0.4355 and refutes F1 0.1754 / 0.2825 / 0.2532 / 0.2797',
  '  (denial and alignment groups in, before the reported-claim nei pairs): flat after half the data, about +0.01 per doubling,',
  '  so ten more doublings of data like it would be needed for 0.55. An oracle-ish bound: class offsets added to the',
  '  log-probabilities, chosen on dev itself to maximise dev macro-F1, reach only 0.4488 (refutes F1 0.2734): no threshold',
  '  or calibration of these outputs gets near 0.55. The feature set sees negation, antonyms, numbers and wording; CLIMATE-FEVER',
  '  refutations are scientific content (what a Wikipedia sentence implies about a climate claim), which needs a pretrained encoder.',
]
const SPEED: string[] = [
  '- Speed (measured for version 2 on the shared 2-core machine, load average about 10): `npm run bench:claim-stance`, CPU time of',
  '  one core: 38,399 pairs/s with both texts prepared per pair, 43,387 with the claim prepared once, baseline 152,282',
  '  (version 1: 42,000 / 49,000 / 170,000 on an equally loaded machine). `npm run bench:lateral-reading`: 100 articles × 5 claims',
  '  over 100,000 generated articles of ~120 words in a temporary SQLite store (310 MB), BM25 top-30 per claim, per article:',
  '  BM25 alone p50 16.8 ms / p99 214 ms wall (CPU p50 8.4 ms); BM25 + FNC-1 p50 107 ms / p99 449 ms (CPU 45.5 ms);',
  '  BM25 + FNC-1 + claim-stance p50 148 ms / p99 515 ms (CPU 64.9 ms). The issue\'s p50 ≤ 20 ms per article is **not** met:',
  '  FNC-1 on 30 cold candidate bodies per claim is most of it (26.6 of 30 generated candidates pass as related), claim-stance',
  '  adds about 19 ms CPU per article; wall figures are inflated by the loaded machine.',
]

export function writeModelCard(path: string, model: ClaimStanceModelFile, evaluations: Record<string, ClaimStanceEvaluation>, ablation: AblationRow[], bytes: number): void {
  const lines = [
    '# Model card: claim-stance (`models/claim-stance.json`)',
    '',
    'Classifies a (claim, short evidence text) pair as **supports**, **refutes** or **nei** (not enough information), with',
    'calibrated probabilities. Built for the sentences that decide a claim: fact-check summaries, reference coverage, a',
    "denial in a news report. `pickEvidence` (`src/analyzers/lateral-reading/claim-stance/evidence.ts`) runs it over an article's sentences and",
    'reports the deciding sentence as a span; a compound claim ("X has closed, and patients now have to drive …") is also read',
    'clause by clause, and a refuted clause refutes it (support is read against the whole claim). Issue 17.',
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
    '  (reporting frames, numbers, dates, denials; half of them contradictions). Never trained on; version 1\'s synthetic pairs were',
    '  shaped after its failures on them. **News pairs v2** (`news-pairs-v2.jsonl`, 24 pairs: 12 refutes, 6 supports, 6 nei, among',
    '  them topic-only nei pairs) were written new for version 2, before the model was scored on them, and are reported apart.',
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
  lines.push('', ...CHANGES)
  if (ablation.length) {
    lines.push('', '## Ablation: the trees retrained without one feature group (argmax of unrounded trees, so the none row differs slightly from the table above)', '', '| dropped | ' + Object.keys(ablation[0]!.scores).map((s) => `${s} macro-F1 | ${s} refutes F1`).join(' | ') + ' |')
    lines.push('|---|' + Object.keys(ablation[0]!.scores).map(() => '---|---|').join(''))
    for (const a of ablation) lines.push(`| ${a.dropped} | ${Object.values(a.scores).map((s) => `${f4(s.macroF1)} | ${f4(s.refutesF1)}`).join(' | ')} |`)
  }
  lines.push('', '## Limits', '', ...LIMITS, '')
  writeFileSync(path, lines.join('\n'))
}

// Measured while building version 2 (npm run train:claim-stance -- --no-ablation with each change; settings chosen by
// CLIMATE-FEVER dev and the report gold set's tune part only; SICK held-out and the news pairs reported, not tuned on).
const CHANGES = [
  '## Changes in version 2 and their measured effect',
  '',
  'Each row is one training run (same seeds); "kept" says whether the shipped model has it. Decisions were made on CLIMATE-FEVER',
  'dev macro-F1 and the report gold set\'s tune part (`eval report --data test/fixtures/report-gold/tune`, contradictedClaim);',
  'SICK held-out contradiction F1 is reported, not tuned on. Dev has 99 REFUTES pairs: ±0.01 macro-F1 is within noise.',
  '',
  '| change | CF dev macro-F1 | CF dev refutes F1 | SICK held-out contradiction F1 | report tune contradicted | kept |',
  '|---|---|---|---|---|---|',
  '| version 1 | 0.4268 | 0.2535 | 0.8552 | 66.7% (8/12) | — |',
  '| + denial-scope group (claim words only inside a denied/reported clause, antonyms asserted outside it, stasis + antonym) and proposition-alignment group (non-name coverage, names-only overlap, longest aligned run, spread) | 0.4355 | 0.2797 | 0.8562 | 83.3% (10/12, with the clause reading below) | yes, with the last row |',
  '| + `pickEvidence` reads compound claims clause by clause and strips report frames ("Reports emerged … that", ", according to …") | (pairs unchanged) | | | included above (66.7% → 83.3% together) | yes |',
  '| + stronger word model: shared words, negated words, claim × evidence word pairs, 16,384 buckets; L2 1e-3 / 1e-2 / 3e-2 | 0.4024 / 0.4204 / 0.4305 | 0.2368 / 0.2483 / 0.2550 | 0.8557 / 0.8621 / 0.8715 | — | no (dev drops; SICK gains) |',
  '| same, CLIMATE-FEVER rows repeated 2× for the trees (L2 3e-2) / 3× (L2 1e-3) | 0.4260 / 0.4182 | 0.2535 / 0.2378 | 0.8576 / 0.8425 | — | no |',
  '| word model trained without the SICK rows (weight 0 / 0.3) | 0.4107 / 0.4183 | 0.2353 / 0.2270 | 0.8373 / 0.8547 | — | no |',
  '| + synthetic pairs: opposite asserted with the claim restated in a denial ("…, denying posts that X") and topic-only nei pairs (a sentence of another claim sharing one or two words) | 0.4225 | 0.2639 | 0.8532 | 75.0% (9/12) | no |',
  '| + topic-only nei synthetic pairs alone | 0.4261 | 0.2482 | 0.8606 | — | no |',
  '| denial scope opened by denial words only (not by "claims", "rumours") | 0.4353 | 0.2657 | 0.8636 | 75.0% (9/12) | no |',
  '| + synthetic nei pairs for a claim only reported ("Reports claim that X, according to unnamed sources", "It is unclear whether X"): the row-2 model read that blog sentence as refutes 0.63, breaking the lateral-reading test (a hedged report is not a contradiction) | 0.4233 | 0.2568 | 0.8557 | 75.0% (9/12) | **yes (shipped)** |',
  '',
  'Word model alone (softmax, no trees) on CLIMATE-FEVER dev: claim and evidence words, trained on CLIMATE-FEVER only, 0.4387 / 0.2969;',
  'the word-pair model trained on CLIMATE-FEVER + SICK, L2 3e-2, 0.4578 / 0.2540. The trees add little on CLIMATE-FEVER over words.',
  '',
]

const LIMITS = [
  '- Targets of issue 17, as measured above: SICK held-out contradiction F1 ≥ 0.85 is met; CLIMATE-FEVER dev macro-F1 ≥ 0.55',
  '  and REFUTES F1 ≥ 0.35 are **not** met (0.42 and 0.26 shipped, 0.4355 / 0.2797 at best in version 2; the best word-only softmax reached 0.46 / 0.30).',
  '  Evidence that 0.55 is out of reach with this feature set and data (`npx tsx training/claim-stance/learning-curve.ts`):',
  ...LEARNING_CURVE,
  '  News pairs ≥ 90% is **not** met on the original 48 (see the metrics table). History of the news-pair figure: 50% with',
  '  the corpora alone, 79% with synthetic pairs, 83% once reporting frames appeared in supporting synthetic pairs too. The',
  '  synthetic pairs of version 1 were designed after seeing the first failures on the news pairs, so that figure is optimistic.',
  ...SPEED,
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
