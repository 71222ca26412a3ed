// Writes models/claim-stance.md, the model card, from the figures the training run measured.
import { writeFileSync } from 'node:fs'
import type { ClaimStanceEvaluation, ClaimStanceScores } from './evaluate.js'
import { NEWS_TEMPLATES_PER_EVENT } from './news-templates.js'
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
  '- Speed, version 3 against version 2 (the base commit\'s code and model), shared 2-core machine with other jobs (load 10–26):',
  '  CPU time is the comparable figure; two runs each, because the load moved the same-run baselines by up to 40%.',
  '  `npm run bench:claim-stance`, one core, pairs/s with both texts prepared / claim prepared once / baseline: version 3',
  '  20,970 / 23,475 / 103,946 (load 26) and 22,800 / 18,083 / 70,801 (load 10); version 2 25,978 / 29,333 / 116,980 (load 17)',
  '  and 30,074 / 30,826 / 112,980 (load 10). About a fifth slower (396 tree rounds instead of 245, five more features); the',
  '  issue\'s ≥ 5,000 pairs/s holds. `npm run bench:lateral-reading` (100 articles × 5 claims over 100,000 generated articles,',
  '  BM25 top-30, candidates below half the best BM25 score skipped), per article, CPU p50 BM25 / + FNC-1 / + claim-stance:',
  '  version 3 12.9 / 26.7 / 41.1 ms (load 25) and 15.0 / 31.9 / 47.1 ms (load 10; wall p50 22 / 47 / 57 ms); version 2',
  '  11.1 / 25.6 / 36.6 ms (load 14; wall p50 22 / 49 / 94 ms). Claim-stance costs 1.43× (v2) and 1.48–1.54× (v3) of the',
  '  same-run BM25 + FNC-1 time. The issue\'s p50 ≤ 20 ms per article is **not** met here: BM25 + FNC-1 alone is above it.',
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
    '- **News pairs v3, frozen held-out** (`news-pairs-v3-heldout.jsonl`, 44 pairs: 22 refutes, 11 supports, 11 nei, among them',
    '  topic-overlap nei pairs such as a council vote against a construction cost): written for version 3 before anything was',
    '  changed, the version 2 model scored on them once (the before figure), then never looked at while tuning; scored again only',
    '  by the final run. Seven of the first draft near-duplicated older pairs and were replaced before any tuning.',
    '- **Synthetic pairs** (code, no data text): `augment.ts` perturbs CLIMATE-FEVER training sentences (changed numbers and years,',
    '  negation, antonyms, denial and report frames); `news-templates.ts` (version 3) generates news-style pairs from 22 event',
    '  patterns (council votes, bans, layoffs, closures, storm damage, resignations, arrests, votes, signings, results, counts,',
    '  openings, fees, crime, deals, hiring, sales, elections, moves, water safety, meetings) × subjects, each with supporting',
    '  wordings, opposites (asserted, negated, or inside a denial frame) and same-subject-other-fact sentences (topic overlap: nei),',
    `  ${NEWS_TEMPLATES_PER_EVENT} draws per event. They train the trees only (the word model without them, see the changes).`,
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

// Measured while building version 3 (npm run train:claim-stance -- --no-ablation --heldout none with each change).
export const CHANGES = [
  '## Changes in version 3 and their measured effect',
  '',
  'Each row is one training run (same seeds); "kept" says whether the shipped model has it. Decisions were made on the older',
  'news pairs (48 + 24), CLIMATE-FEVER dev and the validation tenth; the v3 held-out pairs were not scored until the final run.',
  'SICK held-out contradiction F1 was printed by every run and used as a floor (the issue asks ≥ 0.85), so it is not an untouched',
  'figure any more. Dev has 99 REFUTES pairs: ±0.01 macro-F1 is within noise. The 7 events added in the 6th row (deals, hiring,',
  'sales, elections, moves, water safety, meetings) were written after reading the older pairs\' errors: the older-pair figures from',
  'that row on are optimistic; the v3 held-out figure in the metrics table is the honest one.',
  '',
  '| change | CF dev macro-F1 | CF dev refutes F1 | SICK held-out contradiction F1 | news 48 | news v2 24 | kept |',
  '|---|---|---|---|---|---|---|',
  '| version 2 (shipped before) | 0.4233 | 0.2568 | 0.8557 | 77.1% | 54.2% | — |',
  '| + key-content features alone (figure of the same kind that differs, denied figures not asserted, year conflict, key content covered) | 0.4156 | 0.2446 | 0.8576 | 77.1% | 50.0% | yes |',
  '| + news-template pairs, 40 per event (15 events), also in the word model | 0.4181 | 0.2727 | 0.8367 | 85.4% | 70.8% | no |',
  '| same, template pairs kept out of the word model (trees only) | 0.4189 | 0.2564 | 0.8468 | 85.4% | 70.8% | yes |',
  '| same, 20 per event | 0.4294 | 0.2675 | 0.8528 | 79.2% | 58.3% | no |',
  '| + 7 more events, supporting reports with added detail, same-unit paraphrased figures; 40 / 25 per event | 0.4297 / 0.4508 | 0.2614 / 0.3067 | 0.8440 / 0.8397 | 93.8% / 89.6% | 66.7% / 70.8% | yes |',
  '| + the "but officials have not confirmed it" nei frame replaced by "officials declined to comment" (it taught restated claim + "not" = nei, against SICK); 25 / 32 per event | 0.4305 / 0.4251 | 0.2721 / 0.2368 | 0.8430 / 0.8468 | 87.5% / 91.7% | 66.7% / 70.8% | yes |',
  '| + up to 400 tree rounds (250 was reached before early stopping); 25 / 32 per event | 0.4394 / 0.4360 | 0.2745 / 0.2564 | 0.8500 / 0.8430 | 87.5% / 89.6% | 66.7% / 79.2% | **yes, 25 (shipped)**: 32 reads the older pairs better but drops SICK below 0.85 |',
  '',
  'Whole reports (`factsift eval report --data test/fixtures/report-gold/tune`, lateral reading over the gold reference articles):',
  'contradictedClaim 9/12 (75.0%) with version 2 → 12/12 (100%) with version 3; riskBand 28/31 → 30/31; overall 183/194 → 188/194.',
  'The untuned held-out part (`--data test/fixtures/report-gold/heldout`, scored once after the choice): contradictedClaim 4/8 → 5/8,',
  'overall 112/122 → 113/122.',
  '',
  'Frozen v3 held-out pairs (44), version 2 before any change: accuracy 0.6364 (28/44), macro-F1 0.6284, refutes F1 0.6857',
  '(confusion 5 / 1 / 5; 1 / 12 / 9; 0 / 0 / 11). Version 3: the `news-pairs-v3-heldout` row of the metrics table (final run only).',
  '',
  'Strict support gate (`supportsGate` in the model file, applied by `classify`): where the `keyCovered` feature is below',
  'the threshold (a claim figure, year or name not asserted, or no other claim word present), support keeps a fifth of its',
  'probability and the rest moves to nei. Measured on the 25-per-event, 400-round model (macro-F1 / supports F1):',
  '',
  '| threshold | CF dev | SICK train (a quarter) | news 48 | news v2 24 |',
  '|---|---|---|---|---|',
  '| none | 0.439 / 0.263 | 0.841 / 0.796 | 0.879 / 0.960 | 0.633 / 0.500 |',
  '| 0.01 (shipped: any key content missing) | 0.426 / 0.191 | 0.837 / 0.786 | 0.879 / 0.960 | 0.633 / 0.500 |',
  '| 0.2 | 0.422 / 0.171 | 0.837 / 0.786 | 0.879 / 0.960 | 0.633 / 0.500 |',
  '| 0.34 | 0.400 / 0.102 | 0.835 / 0.782 | 0.879 / 0.960 | 0.552 / 0.286 |',
  '',
  'The gate changes no older news pair and costs CLIMATE-FEVER supports (its supporting sentences paraphrase the claim and often',
  'lack its names); it is kept because lateral reading must not report "corroborated" on topic overlap, and the issue asks for it.',
  'A strict-support threshold of 0.34 or more also loses real news support (paraphrases such as "voted to approve" for "approved").',
  '',
]

const LIMITS = [
  '- Targets of issue 17, as measured above: SICK held-out contradiction F1 ≥ 0.85 (see the table: met at the margin, and used as',
  '  a floor while choosing); CLIMATE-FEVER dev macro-F1 ≥ 0.55 and REFUTES F1 ≥ 0.35 are **not** met.',
  '  Evidence that 0.55 is out of reach with this feature set and data (`npx tsx training/claim-stance/learning-curve.ts`, version 2):',
  ...LEARNING_CURVE,
  '  News pairs ≥ 90% on our own held-out news pairs is judged on `news-pairs-v3-heldout` in the metrics table (the older sets',
  '  were tuned on in version 3) and is **not** met: version 3 gets 30 of 44 right (68.2%; version 2: 28, 63.6%). Every nei pair',
  '  is right, supports 8 of 11; of the 22 contradictions 11 are found, 7 read as nei and 4 as supports (version 2: 12 / 9 / 1):',
  '  the templates taught the older pairs\' patterns far better (77% → 88% on the first 48) than they carried over to new text.',
  '  What still fails on the older pairs: a differing figure or year in a sentence that paraphrases',
  '  the rest ("drew 80,000 visitors" against "counted roughly 18,000 visitors"), "voted for" against "voted against" (for/against',
  '  are stopwords here), and supports that paraphrase ("floodwater covered" for "flooded"): the word model has no paraphrase',
  '  knowledge, and without a pretrained encoder it will not.',
  ...SPEED,
  '- The harbor example (`pickEvidence`): the Riverton Gazette article refutes "the bridge has been closed to trucks for',
  '  months" and the Riverton Public Radio article refutes "the repairs will cost twice as much as planned", each with its',
  '  deciding sentence (tested in `src/analyzers/lateral-reading/claim-stance/claim-stance.test.ts`).',
  '- CLIMATE-FEVER decides most pairs by scientific content, not by the cues these features see: its evidence sentences were',
  '  retrieved for relevance, so overlap separates little, and refutation rarely shows as negation. Without a pretrained',
  '  encoder (none is obtainable here) the dev figures stay below the issue\'s targets; see the figures above.',
  '- SICK is image-caption English with contradiction mostly by negation and antonyms; it teaches the negation cues well.',
  '- English only; the stemmer is crude (suffix stripping); names are capitalized words, so all-lower-case text has none.',
  '- All news pairs and the news templates were written by the same person who wrote the features: even the held-out v3',
  '  figure shares the author\'s phrasing with the training templates, so treat it as optimistic for other writers\' news.',
]
