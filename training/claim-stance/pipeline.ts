// Trains models/claim-stance.json: the word model (out-of-fold for the trees' training rows), the trees with early
// stopping and temperature on a held-out tenth of the training claims, and the baseline; then scores, ablates, writes.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parsePairs, type LabelledPair } from './datasets.js'
import { evaluateClaimStance, type ClaimStanceEvaluation } from './evaluate.js'
import { BASELINE_FEATURES, baselineFeatures } from '../../src/analyzers/lateral-reading/claim-stance/baseline.js'
import { FEATURE_GROUPS } from '../../src/analyzers/lateral-reading/claim-stance/features.js'
import { CLAIM_STANCES } from '../../src/analyzers/lateral-reading/claim-stance/labels.js'
import { LEXICAL_DIMS, LEXICAL_FEATURES, lexicalVector } from '../../src/analyzers/lateral-reading/claim-stance/lexical.js'
import { CLAIM_STANCE_MODEL_ID, MODEL_FEATURES, claimStanceModelFromJSON, modelInput, type ClaimStanceModelFile } from '../../src/analyzers/lateral-reading/claim-stance/model.js'
import { prepareText, type PreparedText } from '../../src/analyzers/lateral-reading/claim-stance/text.js'
import { groupKFold } from '../ml/cross-validation.js'
import { compileGradientBoosting, trainGradientBoosting } from '../../src/ml/gradient-boosting.js'
import { fnv1a32 } from '../../src/ml/hashing.js'
import { macroF1, perClassScores } from '../ml/classification-metrics.js'
import { serializeModel, writeModelFile } from '../../src/ml/model-file.js'
import { predictSoftmax, trainSoftmax } from '../../src/ml/softmax.js'
import { fitTemperature } from '../../src/ml/temperature-scaling.js'
import { syntheticPairs } from './augment.js'
import { NEWS_TEMPLATES_PER_EVENT, isNewsTemplate, newsTemplatePairs } from './news-templates.js'
import { writeModelCard, type AblationRow } from './card.js'

export interface TrainOptions {
  data: string
  news: string
  /** Pairs written after version 1 (never seen while building the model); reported apart from the first 48. */
  news2?: string
  /** The frozen held-out news pairs of version 3 (written before version 3 was built; never tuned on); omitted while tuning. */
  heldout?: string
  /** Code-generated news-style pairs per event of news-templates.ts (0: none). */
  newsTemplatesPerEvent?: number
  out: string
  card: string
  ablation: boolean
  /** Share of the CLIMATE-FEVER training claims kept (by a hash of the claim), for the learning curve; default 1. */
  cfShare?: number
  /** Write the model card (default true). */
  writeCard?: boolean
}

// Settings chosen by CLIMATE-FEVER dev, the validation tenth and the older news pairs (never the v3 held-out pairs).
// 400 rounds: with the news-template pairs 250 was reached before early stopping.
const TREES = { rounds: 400, learningRate: 0.08, maxDepth: 3, minChildWeight: 2, subsample: 0.8, colsample: 0.8, seed: 17, earlyStoppingRounds: 30 }
// REFUTES is the rarest class and the one that matters; weighting it 2× raises its recall at little cost to precision.
const CLASS_WEIGHTS = [1, 2, 1]
const LEXICAL_L2 = 1e-3
// Strict support (issue 17): a sentence with none of the claim's key content (a figure, year or name missing, or no
// non-name word shared) keeps a fifth of its support probability. Measured on CLIMATE-FEVER dev, SICK train and the
// older news pairs (card): it costs CLIMATE-FEVER dev supports recall and changes no older news pair.
const SUPPORTS_GATE = { minKeyCovered: 0.01, keep: 0.2 }

interface Prepared {
  pairs: LabelledPair[]
  claims: PreparedText[]
  evidence: PreparedText[]
}

function prepare(pairs: LabelledPair[]): Prepared {
  return { pairs, claims: pairs.map((p) => prepareText(p.claim)), evidence: pairs.map((p) => prepareText(p.evidence)) }
}

function load(path: string, split: 'all' | 'train' | 'heldout' = 'all'): LabelledPair[] {
  return parsePairs(readFileSync(path, 'utf8'), path, split).pairs
}

const log = (line: string) => process.stderr.write(`${line}\n`)

/** Trains, evaluates and writes the model file and its card; returns the evaluations. */
export async function trainClaimStance(options: TrainOptions): Promise<Record<string, ClaimStanceEvaluation>> {
  const cfShare = options.cfShare ?? 1
  const cfTrain = load(join(options.data, 'climate-fever-train.jsonl')).filter((p) => cfShare >= 1 || fnv1a32(`share:${p.group}`) % 1000 < cfShare * 1000)
  const sickTrain = load(join(options.data, 'sick.tsv'), 'train')
  const synthetic = [...syntheticPairs(augmentationSources(cfTrain), 17), ...newsTemplatePairs(17, options.newsTemplatesPerEvent ?? NEWS_TEMPLATES_PER_EVENT)]
  const train = prepare([...cfTrain, ...sickTrain, ...synthetic])
  const labels = train.pairs.map((p) => p.label)
  const groups = train.pairs.map((p) => p.group)
  // A tenth of the training claims (and SICK first sentences) for early stopping and the temperature.
  const validation = groups.map((g) => fnv1a32(`validation:${g}`) % 10 === 0)
  log(`training pairs: ${cfTrain.length} CLIMATE-FEVER + ${sickTrain.length} SICK + ${synthetic.length} synthetic; validation ${validation.filter(Boolean).length}`)

  // 1. Word model: out-of-fold log-probabilities for the trees' rows, so the trees learn how far to trust it. Trained on
  // the synthetic pairs too: without them it calls news wording nei and the trees follow it (news pairs 71% vs 83%).
  const real = cfTrain.length + sickTrain.length
  const lexicalRows = train.pairs.map((_, i) => lexicalVector(train.claims[i]!, train.evidence[i]!))
  const lexicalOptions = { classes: 3, l2: LEXICAL_L2, classWeights: 'balanced' as const, dims: LEXICAL_DIMS }
  const oof: number[][] = new Array(train.pairs.length)
  // The news-template pairs teach the trees only: in the word model their few repeated words swamped SICK's (SICK
  // held-out contradiction F1 0.856 → 0.837 with them in).
  const lexicalTrains = (i: number) => !isNewsTemplate(train.pairs[i]!)
  for (const fold of groupKFold(groups, 5)) {
    const rows = fold.train.filter(lexicalTrains)
    const m = trainSoftmax(rows.map((i) => lexicalRows[i]!), rows.map((i) => labels[i]!), lexicalOptions)
    for (const i of fold.test) oof[i] = predictSoftmax(m, lexicalRows[i]!).map((p) => Math.log(Math.max(p, 1e-9)))
  }
  const lexicalIdx = labels.map((_, i) => i).filter(lexicalTrains)
  const lexical = trainSoftmax(lexicalIdx.map((i) => lexicalRows[i]!), lexicalIdx.map((i) => labels[i]!), { ...lexicalOptions, labels: [...CLAIM_STANCES] })
  const inputs = train.pairs.map((_, i) => {
    const x = modelInput({ lexical }, train.claims[i]!, train.evidence[i]!)
    x.set(oof[i]!, MODEL_FEATURES.length - LEXICAL_FEATURES.length)
    return x
  })

  // 2. Trees on the other nine tenths, early-stopped on the validation tenth; temperature on the same tenth.
  const fitIdx = inputs.map((_, i) => i).filter((i) => !validation[i])
  const valIdx = inputs.map((_, i) => i).filter((i) => validation[i])
  const fitTrees = (mask: Set<number>) =>
    trainGradientBoosting(fitIdx.map((i) => masked(inputs[i]!, mask)), fitIdx.map((i) => labels[i]!), {
      ...TREES,
      classes: 3,
      classWeights: CLASS_WEIGHTS,
      labels: [...CLAIM_STANCES],
      validation: { rows: valIdx.map((i) => masked(inputs[i]!, mask)), labels: valIdx.map((i) => labels[i]!) },
    })
  const trees = fitTrees(new Set())
  const margins = compileGradientBoosting(trees)
  const temperature = fitTemperature(valIdx.map((i) => margins(inputs[i]!)), valIdx.map((i) => labels[i]!))
  log(`trees: ${trees.trees.length / 3} rounds; temperature ${temperature.toFixed(3)}`)

  // 3. Baseline: word overlap + negation cue, softmax on the same rows.
  // Trained on the corpora's pairs only: the synthetic ones would teach it the cues it is meant to lack.
  const baselineRows = train.pairs.slice(0, real).map((_, i) => baselineFeatures(train.claims[i]!, train.evidence[i]!))
  const baselineSoftmax = trainSoftmax(baselineRows, labels.slice(0, real), { classes: 3, l2: 1e-4, classWeights: CLASS_WEIGHTS })

  const model: ClaimStanceModelFile = {
    id: CLAIM_STANCE_MODEL_ID,
    version: 3,
    createdAt: new Date().toISOString(),
    trainedOn: cfShare < 1 ? `CLIMATE-FEVER train (${cfTrain.length} pairs: ${cfShare} of its claims)` : 'CLIMATE-FEVER train (climate-fever-train.jsonl, 4,450 pairs) + SICK minus its held-out fifth (sick.tsv, FNV-1a of sentence_A mod 5 ≠ 0)',
    metrics: {},
    labels: [...CLAIM_STANCES],
    features: [...MODEL_FEATURES],
    lexical,
    trees,
    temperature,
    baseline: { features: [...BASELINE_FEATURES], softmax: baselineSoftmax },
    supportsGate: SUPPORTS_GATE,
  }
  // Scored as stored: rounding to 5 digits happens before evaluation.
  const stored = claimStanceModelFromJSON(JSON.parse(serializeModel(model, { digits: 5 })), options.out)

  // 4. Evaluation sets: CLIMATE-FEVER dev, SICK held-out, our news pairs (none of them trained on).
  const sets: Record<string, LabelledPair[]> = {
    'climate-fever-dev': load(join(options.data, 'climate-fever-dev.jsonl')),
    'sick-heldout': load(join(options.data, 'sick.tsv'), 'heldout'),
    'news-pairs': load(options.news),
    ...(options.news2 && existsSync(options.news2) ? { 'news-pairs-v2': load(options.news2) } : {}),
    ...(options.heldout && existsSync(options.heldout) ? { 'news-pairs-v3-heldout': load(options.heldout) } : {}),
  }
  const evaluations: Record<string, ClaimStanceEvaluation> = {}
  for (const [name, pairs] of Object.entries(sets)) evaluations[name] = evaluateClaimStance(stored, pairs)
  stored.metrics = Object.fromEntries(Object.entries(evaluations).map(([name, e]) => [name, summary(e)]))

  // 5. Ablation: retrain the trees without one feature group at a time (same settings), score on the sets.
  const ablation: AblationRow[] = []
  if (options.ablation) {
    const prepared = Object.fromEntries(Object.entries(sets).map(([n, p]) => [n, prepare(p)]))
    const groupsToDrop: [string, readonly string[]][] = [['none', []], ...Object.entries(FEATURE_GROUPS), ['lexical', LEXICAL_FEATURES]]
    for (const [group, names] of groupsToDrop) {
      const mask = new Set(names.map((n) => MODEL_FEATURES.indexOf(n)))
      const variant = group === 'none' ? trees : fitTrees(mask)
      const f = compileGradientBoosting(variant)
      const scores = Object.fromEntries(
        Object.entries(prepared).map(([n, p]) => {
          const pred = p.pairs.map((_, i) => argmax(f(masked(modelInput(stored, p.claims[i]!, p.evidence[i]!), mask))))
          const gold = p.pairs.map((x) => x.label)
          return [n, { macroF1: macroF1(gold, pred, 3), refutesF1: perClassScores(gold, pred, 3)[1]!.f1 }]
        }),
      )
      ablation.push({ dropped: group, scores })
      log(`ablation without ${group}: ${JSON.stringify(scores)}`)
    }
  }
  writeModelFile(options.out, stored, { digits: 5 })
  if (options.writeCard ?? true) writeModelCard(options.card, stored, evaluations, ablation, readFileSync(options.out).length)
  return evaluations
}

/** Training sentences the synthetic pairs start from: every CLIMATE-FEVER claim and a third of its evidence sentences. */
function augmentationSources(cf: LabelledPair[]): { text: string; group: string }[] {
  const seen = new Set<string>()
  const out: { text: string; group: string }[] = []
  for (const p of cf) {
    if (!seen.has(p.claim)) out.push({ text: p.claim, group: p.group })
    seen.add(p.claim)
    if (fnv1a32(p.evidence) % 3 === 0 && p.evidence.length < 220) out.push({ text: p.evidence, group: p.group })
  }
  return out
}

function masked(x: Float64Array, mask: Set<number>): Float64Array {
  if (mask.size === 0) return x
  const out = x.slice()
  for (const j of mask) out[j] = 0
  return out
}

function argmax(v: ArrayLike<number>): number {
  let best = 0
  for (let k = 1; k < v.length; k++) if (v[k]! > v[best]!) best = k
  return best
}

function summary(e: ClaimStanceEvaluation): Record<string, number> {
  return {
    pairs: e.pairs,
    macroF1: e.model.macroF1,
    refutesF1: e.model.perClass.refutes.f1,
    accuracy: e.model.accuracy,
    logLoss: e.model.logLoss,
    baselineMacroF1: e.baseline.macroF1,
    baselineRefutesF1: e.baseline.perClass.refutes.f1,
    baselineAccuracy: e.baseline.accuracy,
  }
}
