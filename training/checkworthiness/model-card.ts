// Writes models/checkworthiness.md: data, features, learner, calibration and every figure with the command that printed it.
import type { CheckworthinessModel } from '../../src/analyzers/checkworthiness/model.js'
import { summarize, type RankingFigures } from './evaluate.js'
import { NEWS_RULE_NAMES } from '../../src/analyzers/checkworthiness/news-rules.js'
import type { TrainingResult } from './pipeline.js'
import type { TrainConfig } from './learners.js'

function row(label: string, f: RankingFigures): string {
  const s = summarize(f, 3)
  const p = s.precisionAt
  return `| ${label} | ${s.map.toFixed(3)} | ${s.rPrecision.toFixed(3)} | ${p[1].toFixed(3)} | ${p[3].toFixed(3)} | ${p[5].toFixed(3)} | ${p[10].toFixed(3)} | ${p[20].toFixed(3)} | ${p[50].toFixed(3)} |`
}

const HEADER = '| ranking | MAP | R-prec | P@1 | P@3 | P@5 | P@10 | P@20 | P@50 |\n|---|---|---|---|---|---|---|---|---|'

/** The model card text for a freshly trained model. */
export function modelCard(model: CheckworthinessModel, result: TrainingResult, config: TrainConfig): string {
  const f = model.features
  const groups = [
    f.cues && 'dense cues of the sentence (63: length bins, numbers, percent, money, years, quantity words, entity counts by type, proper nouns, comparatives and superlatives, past/present/future tense, modals, negation, hedges, subjective words, AFINN polarity, first/second person, attribution verbs, causal connectives, time words, pleasantries, question, exclamation, quote marks, POS ratios, position in document and paragraph)',
    f.context ? 'the same cues for the previous and the next sentence' : null,
    f.words ? 'hashed word unigrams and bigrams (digits folded to 0)' : null,
    f.pos ? 'hashed universal POS bigrams and trigrams' : null,
    f.chars ? 'hashed character 3–5-grams' : null,
    f.contextWords ? 'hashed words of the neighbouring sentences' : null,
  ].filter(Boolean)
  const lines: string[] = []
  const push = (...xs: string[]) => lines.push(...xs)
  push(
    '# Model card: checkworthiness',
    '',
    `- id \`${model.id}\`, version ${model.version}, created ${model.createdAt.slice(0, 10)}; file \`models/checkworthiness.json\`.`,
    '- Task: rank the sentences of an article by how worth fact-checking they are; feeds `report.claims[].checkworthiness`.',
    '- Data: CLEF CheckThat! 2019 Task 1 (political debates and speeches, one label per sentence), `train/` only: 16 transcripts,',
    '  12,867 sentences, 366 check-worthy. `dev/` (3 transcripts, 3,553 sentences, 74 check-worthy) is never trained on; it is scored once per training run, for the figures below.',
    '  Version 1 never looked at dev to choose; for version 2 (issue 4) dev was scored for about a dozen candidates after their train CV, and the',
    '  shipped change (no class weights) was the one that raised train CV without lowering dev, so dev is no longer a fully untouched test set.',
    '  Version 3 (issue 4, word vectors) was chosen on train LOTO CV alone; dev was then scored for two candidates: unit-length sentence vectors',
    '  ×3 (MAP 0.166, P@10 0.133) and the shipped idf-mean ×6 (same LOTO CV, adopted because it collapses to one number per word and meets the speed budget).',
    '  Data license: free for general research use. No data is shipped; only weights. The word vectors (version 3) are trained on FNC-1, CLEF 2020',
    '  Task 2 and Pérez-Rosas et al. 2018 (../shared/data: research use); the model keeps only one score per hashed word form.',
    '- News transfer: 30 short passages we wrote (`test/fixtures/checkworthiness/news/`, gold sentences marked); 01–10 were used while',
    '  designing the rules, 11–30 are held out. In version 2 the held-out figure also decided between two l2 values that tie on train CV',
    '  (3e-3 was taken over 1e-2, which lost one passage), so it is slightly optimistic.',
    '',
    '## Features',
    '',
    ...groups.map((g) => `- ${g}`),
    `- hashed part: 2^${f.hashBits} buckets; total ${model.logistic.dims} dimensions; ${model.logistic.indices.length} non-zero weights stored (4 significant digits).`,
    ...(model.wordTable
      ? [
          `- sentence vector (${f.embeddingDims} dims, ×${f.embeddingScale}): the idf-weighted mean of our own word vectors, trained by \`training/checkworthiness/word-vectors.ts\``,
          '  (PPMI with context smoothing 0.75, window 5, randomized SVD, vectors U·S^0.5, unit length; no pretrained vectors) on the other',
          '  data sets of `../shared/data`: FNC-1 bodies and headlines, the CLEF 2020 verified claims and tweets, the Pérez-Rosas articles',
          '  (CLEF 2019 transcripts left out, so CV folds never see held-out text). The model stores the block collapsed to one score per',
          `  word (\`wordTable\`, ${model.wordTable.hashes.length} words, stored as hashes of their form: no vocabulary from the data): the sentence term is Σ idf·score / Σ idf over its known words.`,
        ]
      : []),
    '- Debate lines are fed through the same `annotate()` as articles: each transcript becomes one document (a paragraph per speaker turn),',
    '  so position and neighbour features are computed the same way. The speaker name is never a feature.',
    '',
    '## Learner',
    '',
    `- Shipped configuration: \`${config.name}\` — ${config.learner === 'logistic' ? 'L2-regularised logistic regression (L-BFGS, full batch, deterministic)' : config.learner === 'mlp' ? 'one-hidden-layer MLP on the dense cues' : 'blend of logistic regression and an MLP on the dense cues'},`,
    `  l2 ${config.l2}, ${config.balanced ? 'balanced class weights' : 'unweighted classes'}, seed ${config.seed}.`,
    '- Chosen by 4-fold and leave-one-transcript-out CV over whole transcripts of `train/` among logistic regression, MLP and blends with several feature sets',
    '  (table in `training/checkworthiness/selection.md`, printed by `npm run train:checkworthiness -- --data <dir> --select`).',
    '- Calibration: Platt scaling fitted on the out-of-fold (leave-one-transcript-out) scores of `train/`, i.e. on data each fold',
    `  model had not seen: a = ${model.calibration.kind === 'platt' ? model.calibration.a : '-'}, b = ${model.calibration.kind === 'platt' ? model.calibration.b : '-'}.`,
    `- News: the debate score (in standard deviations) plus hand-set rule weights (${NEWS_RULE_NAMES.map((n) => `${n} ${model.news.rules[n]}`).join(', ')}),`,
    `  then the calibration, then a prior shift of ${model.news.priorShift} log-odds from the debate base rate (2.8%) to an assumed news base rate of ${model.news.newsPrior}.`,
    '',
    '## Metrics',
    '',
    'CLEF 2019 scoring: average precision per transcript, averaged over transcripts (MAP); R-precision and P@k likewise.',
    'Baseline: longer sentences first.',
    '',
    '### Leave-one-transcript-out CV on train/ (16 folds)',
    '',
    HEADER,
    row('model', result.trainCv.model),
    row('model + news rules', result.trainCv.combined),
    row('baseline (length)', result.trainCv.baseline),
  )
  if (result.dev) {
    push(
      '',
      '### dev/ (trained on train/ only; evaluated once)',
      '',
      HEADER,
      row('model', result.dev.model),
      row('model + news rules', result.dev.combined),
      row('baseline (length)', result.dev.baseline),
      '',
      `Calibration on dev (debate base rate): Brier ${result.dev.brier.toFixed(4)}, ECE ${result.dev.ece.toFixed(4)}.`,
    )
  }
  if (result.loto) {
    push(
      '',
      `### Leave-one-transcript-out CV over all ${result.loto.transcripts} transcripts (train + dev)`,
      '',
      HEADER,
      row('model', result.loto.model),
      row('model + news rules', result.loto.combined),
      row('baseline (length)', result.loto.baseline),
    )
  }
  if (result.news) {
    const h = result.news.heldOut
    const a = result.news.all
    push(
      '',
      '### News passages: precision@3',
      '',
      '| ranking | held-out 11–30 | all 30 |',
      '|---|---|---|',
      `| debate model alone | ${h.precisionAt3.model.toFixed(3)} | ${a.precisionAt3.model.toFixed(3)} |`,
      `| rules alone | ${h.precisionAt3.rules.toFixed(3)} | ${a.precisionAt3.rules.toFixed(3)} |`,
      `| model + rules (shipped) | ${h.precisionAt3.combined.toFixed(3)} | ${a.precisionAt3.combined.toFixed(3)} |`,
      `| baseline (length) | ${h.precisionAt3.baseline.toFixed(3)} | ${a.precisionAt3.baseline.toFixed(3)} |`,
      '',
      `Held-out calibration of the shipped probability: Brier ${h.calibration.brier.toFixed(3)}, ECE ${h.calibration.ece.toFixed(3)}`,
      `(without the prior shift: Brier ${h.calibration.brierWithoutShift.toFixed(3)}, ECE ${h.calibration.eceWithoutShift.toFixed(3)}); ${h.goldSentences} of ${h.sentences} sentences are gold.`,
    )
  }
  push(
    '',
    '## Commands',
    '',
    '- Train (prints the train CV, dev and news figures above): `npm run train:checkworthiness -- --data ../shared/data/checkworthiness-clef2019`',
    '  (the word vectors are trained from the folder above `--data`, about 40 s; another folder: `--embeddings-from <dir>`).',
    '- With CV over all 19 transcripts: add `--cv`. Model selection table: add `--select` (writes nothing).',
    '- Evaluate the shipped model: `factsift eval checkworthiness --data ../shared/data/checkworthiness-clef2019/dev [--format json]`',
    '',
    '## Limits',
    '',
    '- Trained on US political debates and speeches: topics, register and the annotators\' notion of check-worthiness come from there.',
    '  The news rules correct the worst of the transfer (opinion, questions, pleasantries), measured on our own small passage set only.',
    '- Probabilities are calibrated for debates; the news prior shift assumes about a third of news sentences are check-worthy.',
    '- English only. One score per sentence; compound sentences are not split into clauses.',
    '',
  )
  return lines.join('\n')
}
