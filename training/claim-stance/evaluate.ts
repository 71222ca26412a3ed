// Scores the claim-stance model and its baseline on labelled pairs: macro-F1, per-class P/R/F1, confusion, log-loss.
import { accuracy, confusionMatrix, macroF1, perClassScores, type ClassScores } from '../ml/classification-metrics.js'
import { multiclassLogLoss } from '../ml/multiclass-calibration-metrics.js'
import type { LabelledPair } from './datasets.js'
import { CLAIM_STANCES, type ClaimStance } from '../../src/analyzers/lateral-reading/claim-stance/labels.js'
import { createClaimStanceClassifier, type ClaimStanceModelFile } from '../../src/analyzers/lateral-reading/claim-stance/model.js'

export interface ClaimStanceScores {
  macroF1: number
  accuracy: number
  logLoss: number
  perClass: Record<ClaimStance, ClassScores>
  /** confusion[gold][predicted] in CLAIM_STANCES order. */
  confusion: number[][]
}

export interface ClaimStanceEvaluation {
  pairs: number
  labels: readonly ClaimStance[]
  model: ClaimStanceScores
  baseline: ClaimStanceScores
}

/** Scores gold labels against predicted probability rows. */
export function scoreProbabilities(gold: readonly number[], probabilities: readonly number[][]): ClaimStanceScores {
  const predicted = probabilities.map((p) => p.indexOf(Math.max(...p)))
  const perClass = perClassScores(gold, predicted, 3)
  return {
    macroF1: macroF1(gold, predicted, 3),
    accuracy: accuracy(gold, predicted),
    logLoss: multiclassLogLoss(gold, probabilities),
    perClass: Object.fromEntries(CLAIM_STANCES.map((s, k) => [s, perClass[k]!])) as Record<ClaimStance, ClassScores>,
    confusion: confusionMatrix(gold, predicted, 3),
  }
}

/** The model and its stored baseline on the same pairs. */
export function evaluateClaimStance(model: ClaimStanceModelFile, pairs: readonly LabelledPair[]): ClaimStanceEvaluation {
  const classifier = createClaimStanceClassifier(model)
  const gold = pairs.map((p) => p.label)
  const modelRows: number[][] = []
  const baselineRows: number[][] = []
  for (const pair of pairs) {
    const claim = classifier.prepare(pair.claim)
    const evidence = classifier.prepare(pair.evidence)
    modelRows.push(classifier.classify(claim, evidence).probabilities)
    baselineRows.push(classifier.baseline(claim, evidence).probabilities)
  }
  return { pairs: pairs.length, labels: CLAIM_STANCES, model: scoreProbabilities(gold, modelRows), baseline: scoreProbabilities(gold, baselineRows) }
}

const fixed = (x: number) => x.toFixed(4)

/** Plain-text report: headline figures, per-class table and confusion matrix, for model and baseline. */
export function formatClaimStanceEvaluation(e: ClaimStanceEvaluation): string {
  const lines: string[] = []
  for (const [name, s] of [['model', e.model], ['baseline (word overlap + negation cue)', e.baseline]] as const) {
    lines.push(`${name}: macro-F1 ${fixed(s.macroF1)}, refutes F1 ${fixed(s.perClass.refutes.f1)}, accuracy ${fixed(s.accuracy)}, log-loss ${fixed(s.logLoss)}`)
    lines.push('  class      precision  recall     F1     support')
    for (const label of e.labels) {
      const c = s.perClass[label]
      lines.push(`  ${label.padEnd(10)} ${fixed(c.precision).padStart(9)} ${fixed(c.recall).padStart(7)} ${fixed(c.f1).padStart(7)} ${String(c.support).padStart(8)}`)
    }
    lines.push(`  confusion (rows gold, columns predicted: ${e.labels.join(', ')})`)
    s.confusion.forEach((row, k) => lines.push(`  ${e.labels[k]!.padEnd(10)} ${row.map((v) => String(v).padStart(6)).join(' ')}`))
    lines.push('')
  }
  return `${lines.join('\n')}`
}
