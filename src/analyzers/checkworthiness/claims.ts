// Turns scored sentences into report claims: one per atomic clause that can carry a claim (a compound sentence gives
// several; a reporting frame is kept apart as the claim's attribution), demotions applied, highest first.
import type { AnnotatedDocument } from '../../document/types.js'
import type { Attribution, Claim } from '../../report/types.js'
import type { AttributionOutput } from '../attribution/types.js'
import type { OpinionOutput } from '../opinion/types.js'
import { logit, sigmoid } from '../../ml/math.js'
import { cue, forgetTokenRecords } from './cues.js'
import type { CheckworthinessScorer } from './scorer.js'
import { atomicUnits, type AtomicUnit } from './atomic.js'
import { isNonClaim } from './non-claims.js'
import { quoteRegions } from '../shared/quote-marks.js'
import { insideSorted } from '../shared/doc-index.js'
import type { SentenceAttribution } from '../attribution/types.js'

/** Log-odds taken off questions and opinion sentences: they stay in the list, below comparable statements. */
export const QUESTION_PENALTY = 2
export const OPINION_PENALTY = 1.5
/**
 * An evaluation a named source is reported to have made ("Trump noted that the failure … was also weak") is news about
 * that source and often carries a checkable premise, so it loses less than the writer's own opinion.
 */
export const REPORTED_OPINION_PENALTY = 0.5
/**
 * Claims scoring below this are kept in the report with `checkworthy: false` and left out of what renderers show,
 * fact-check matching and lateral reading. Chosen by best F1 on our news passages 01–10 and measured on 11–30
 * (training/checkworthiness/claim-threshold.ts prints both).
 */
export const CHECKWORTHY_THRESHOLD = 0.6
/** Sentences with fewer word tokens than this carry no claim ("Markets were calm." still counts). */
export const MIN_WORDS = 3

export interface ClaimInputs {
  attribution?: AttributionOutput
  opinion?: OpinionOutput
}

const NO_ATTRIBUTION: Attribution = { type: 'none', source: null }

function wordCount(doc: AnnotatedDocument, from: number, to: number): number {
  let n = 0
  for (let t = from; t < to; t++) if (doc.tokens[t].kind === 'word' || doc.tokens[t].kind === 'number') n++
  return n
}

/** Scores every atomic clause in context, keeps those that can carry a claim, demotes questions and opinion, sorts. */
export function rankClaims(doc: AnnotatedDocument, scorer: CheckworthinessScorer, inputs: ClaimInputs = {}): Claim[] {
  if (doc.sentences.length === 0) return []
  const sourceLineStarts = new Set(doc.sourceLines.map((l) => l.start))
  const quotes = quoteRegions(doc)
  const quoted = (at: number) => insideSorted(quotes, at, at + 1)
  const units: AtomicUnit[] = []
  for (const s of doc.sentences) {
    const attribution = inputs.attribution?.sentences[s.index]
    if (attribution?.sourceLine || sourceLineStarts.has(s.start)) continue
    if (wordCount(doc, s.tokenStart, s.tokenEnd) < MIN_WORDS) continue
    for (const unit of atomicUnits(doc, s, quoted)) {
      if (!isNonClaim(doc, unit)) units.push(unit)
    }
  }
  if (units.length === 0) return []
  const scores = scorer.scoreUnits(doc, units)
  const sentenceProbability = splitSentenceScores(doc, scorer, units)
  forgetTokenRecords(doc)
  const opinionSet = inputs.opinion ? new Set(inputs.opinion.sentences) : null
  const claims: Claim[] = []
  units.forEach((unit, k) => {
    const sentenceAttribution = inputs.attribution?.sentences[unit.index]
    const attribution = unitAttribution(unit, sentenceAttribution)
    // A clause split from a compound sentence keeps the whole sentence's score when that is higher: the model learned
    // on sentences, and a shorter clause loses context words, not check-worthiness.
    let z = logit(Math.max(scores.probability[k]!, sentenceProbability.get(unit.index) ?? 0), 1e-6)
    const isQuestion = cue(scores.cues[k]!, 'question') === 1
    const isOpinion = opinionSet ? opinionSet.has(unit.index) : undefined
    if (isQuestion) z -= QUESTION_PENALTY
    if (isOpinion) z -= attribution.type === 'named' || attribution.type === 'quote' ? REPORTED_OPINION_PENALTY : OPINION_PENALTY
    const claim: Claim = {
      id: '',
      text: doc.text.slice(unit.core.start, unit.core.end),
      start: unit.core.start,
      end: unit.core.end,
      checkworthiness: round4(sigmoid(z)),
      checkworthy: sigmoid(z) >= CHECKWORTHY_THRESHOLD,
      attribution,
      matches: [],
      evidence: [],
      sentence: unit.index,
    }
    if (unit.frame) claim.frame = { start: unit.frame.start, end: unit.frame.end, text: doc.text.slice(unit.frame.start, unit.frame.end) }
    if (isOpinion !== undefined) claim.opinion = isOpinion
    claims.push(claim)
  })
  // Same order as the engine's final sort (score, then position), so ids follow the order users see.
  claims.sort((a, b) => b.checkworthiness - a.checkworthiness || a.start - b.start)
  claims.forEach((c, i) => (c.id = `c${i + 1}`))
  return claims
}

/** The probability of each sentence that split into several clauses, scored whole in the context of its neighbours. */
function splitSentenceScores(doc: AnnotatedDocument, scorer: CheckworthinessScorer, units: readonly AtomicUnit[]): Map<number, number> {
  const counts = new Map<number, number>()
  for (const u of units) counts.set(u.index, (counts.get(u.index) ?? 0) + 1)
  const split = [...counts].filter(([, n]) => n > 1).map(([index]) => index)
  const probability = new Map<number, number>()
  if (split.length === 0) return probability
  // Neighbours matter to the scorer: each split sentence is scored among every sentence that holds a claim, but only
  // the split ones (and the cues of their neighbours) are computed.
  const sentences = [...counts.keys()].map((index) => doc.sentences[index]!)
  const only = sentences.flatMap((s, k) => (counts.get(s.index)! > 1 ? [k] : []))
  const scores = scorer.scoreUnits(doc, sentences, only)
  for (const k of only) probability.set(sentences[k]!.index, scores.probability[k]!)
  return probability
}

/**
 * Who vouches for one clause: its own reporting frame when it has one ("Some residents say" → vague), else the
 * sentence's attribution when its cue lies in this clause (or the sentence did not split), else nobody.
 */
function unitAttribution(unit: AtomicUnit, sentence: SentenceAttribution | undefined): Attribution {
  const cue = sentence?.cue
  const cueHere = !!cue && cue.start >= unit.start && cue.end <= unit.end
  if (unit.frame) {
    if (sentence && cueHere && sentence.type !== 'none') return { type: sentence.type, source: sentence.source }
    return { type: unit.frame.vague ? 'vague' : 'named', source: unit.frame.source }
  }
  if (!sentence) return { ...NO_ATTRIBUTION }
  const whole = unit.start <= sentence.start && unit.end >= sentence.end - 1
  if (whole || cueHere || !cue) return { type: sentence.type, source: sentence.source }
  return { ...NO_ATTRIBUTION }
}

/**
 * `Number(x.toFixed(4))` for x in [0, 1], without formatting a string per claim: Math.round(x·10⁴)/10⁴ gives the same
 * double (the division is correctly rounded, like parsing the decimal) unless x·10⁴ lies within its rounding error
 * of a half, where toFixed's exact decimal rounding decides.
 */
export function round4(x: number): number {
  const scaled = x * 1e4
  if (!(x >= 0 && x <= 1) || Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6) return Number(x.toFixed(4))
  return Math.round(scaled) / 1e4
}
