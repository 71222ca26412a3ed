// The report's headline: a calibrated probability that the article is unreliable, its label, and the reasons behind it.
import { defineAnalyzer, type ReportDraft } from '../types.js'
import type { Risk } from '../../report/types.js'
import { credibilityInput } from './evidence.js'
import { FEATURES } from './features.js'
import { loadCredibilityModel } from './load-model.js'
import { riskLabel, scoreObservation, type CredibilityModel } from './model.js'
import { observe } from './observe.js'
import { buildReasons } from './reasons.js'
import { knownEvidence } from './known-evidence.js'
import { sourceEvidence } from './source-evidence.js'
import { logit, sigmoid } from '../../ml/math.js'

export interface CredibilityOutput {
  model: CredibilityModel
  /** The analyzers whose findings the features read that ran; the features of the others are imputed. */
  present: string[]
}

// Every analyzer some feature needs (features.ts `needs`); read from the report, so none is required.
const READS = [...new Set(FEATURES.flatMap((f) => f.needs ?? []))].sort()

export default defineAnalyzer<CredibilityOutput>({
  id: 'credibility',
  // Must run last: it reads the findings every earlier analyzer put into the report (signals, claims, quotes,
  // sources), through the report contract rather than their private outputs, and works when any of them is absent.
  // English only, and only on an assessed document: the model scores whole English articles (no score otherwise).
  meta: {
    version: 1,
    description: 'Calibrated risk that the article is unreliable, with the reasons that drove it',
    reads: READS,
    appliesTo: { languages: ['en'], assessedOnly: true },
  },
  analyze(_doc, ctx) {
    return { model: loadCredibilityModel(ctx.services.models), present: READS.filter((id) => ctx.find(id) !== undefined) }
  },
  contribute(out, report) {
    report.risk = assessRisk(out.model, report, new Set(out.present))
  },
})

/**
 * Below this many words the model extrapolates: the shortest training articles have 53 (FakeNewsAMT) and 28
 * (Celebrity) words, the 5th percentiles 72 and 97. Such a score comes with a caution as its first reason (weight 0).
 */
export const SHORT_TEXT_WORDS = 50

/** Scores a report draft with the model: calibrated score, label from the model's thresholds, reasons. */
export function assessRisk(model: CredibilityModel, report: ReportDraft, present: ReadonlySet<string>): Risk {
  const { evidence, observation } = observe(credibilityInput(report, present))
  const score = scoreObservation(model, observation)
  const known = knownEvidence(report.claims)
  // The publisher's rating (articles with a URL) replaces the text-only probability; fact-check evidence adds to it.
  const source = sourceEvidence(report.document, report.sources, score)
  const base = source.probability ?? score.probability
  const probability = known.logOdds === 0 ? base : sigmoid(logit(base, 1e-6) + known.logOdds)
  const reasons = [...known.reasons, ...source.reasons, ...buildReasons(model, score, evidence, FEATURES)]
  if (evidence.wordCount < SHORT_TEXT_WORDS) {
    const n = evidence.wordCount
    // After fact-check evidence, which stands whatever the text's length.
    reasons.splice(known.reasons.length, 0, { signal: 'short-text', weight: 0, message: `only ${n} word${n === 1 ? '' : 's'}: shorter than nearly every article the model learned from, so this score says little` })
  }
  return {
    score: Math.round(probability * 1000) / 1000,
    label: riskLabel(model, probability),
    reasons,
  }
}
