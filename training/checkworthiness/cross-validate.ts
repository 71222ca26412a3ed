// Leave-one-transcript-out cross-validation: out-of-fold scores for model selection, calibration and honest figures.
import { groupKFold, leaveOneGroupOut, type Fold } from '../ml/cross-validation.js'
import { createScorer, type UnitScores } from '../../src/analyzers/checkworthiness/scorer.js'
import { rankingFigures, type RankingFigures } from './evaluate.js'
import type { NewsRules } from '../../src/analyzers/checkworthiness/news-rules.js'
import type { PreparedTranscript } from './dataset.js'
import { fitModel, type TrainConfig } from './learners.js'

export interface CrossValidation {
  /** Out-of-fold scores per transcript, in the input order. */
  scores: UnitScores[]
  /** Ranking by the debate score alone. */
  model: RankingFigures
  /** Ranking by debate score + news rules (what articles get). */
  combined: RankingFigures
}

/** Trains on all transcripts but one, scores the held-out one, for every transcript. */
export function leaveOneTranscriptOut(
  transcripts: readonly PreparedTranscript[],
  config: TrainConfig,
  news: NewsRules,
  onFold?: (name: string, index: number) => void,
): CrossValidation {
  return crossValidate(transcripts, leaveOneGroupOut(transcripts.map((t) => t.name)), config, news, onFold)
}

/** k folds of whole transcripts (balanced by size): the cheaper CV used to compare many candidates. */
export function transcriptKFold(transcripts: readonly PreparedTranscript[], k: number, config: TrainConfig, news: NewsRules): CrossValidation {
  const groups = transcripts.map((t) => t.name)
  // groupKFold balances rows per group; one row per transcript here, so weight by length through repetition.
  const folds = groupKFold(transcripts.flatMap((t) => t.units.map(() => t.name)), k).map((fold) => ({
    ...fold,
    train: groups.map((_, i) => i).filter((i) => !fold.groups!.includes(groups[i])),
    test: groups.map((_, i) => i).filter((i) => fold.groups!.includes(groups[i])),
  }))
  return crossValidate(transcripts, folds, config, news)
}

function crossValidate(
  transcripts: readonly PreparedTranscript[],
  folds: Fold[],
  config: TrainConfig,
  news: NewsRules,
  onFold?: (name: string, index: number) => void,
): CrossValidation {
  const scores = new Array<UnitScores>(transcripts.length)
  folds.forEach((fold, f) => {
    const model = fitModel(fold.train.map((i) => transcripts[i]), config, news)
    const scorer = createScorer(model)
    for (const i of fold.test) scores[i] = scorer.scoreUnits(transcripts[i].doc, transcripts[i].units)
    onFold?.(fold.groups!.join('+'), f)
  })
  return {
    scores,
    model: rankingFigures(transcripts.map((t, i) => ({ name: t.name, scores: scores[i].raw, labels: t.labels }))),
    combined: rankingFigures(transcripts.map((t, i) => ({ name: t.name, scores: scores[i].combined, labels: t.labels }))),
  }
}
