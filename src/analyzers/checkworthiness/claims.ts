// Turns scored sentences into report claims: one per sentence that can carry a claim, demotions applied, highest first.
import type { AnnotatedDocument } from '../../document/types.js'
import type { Attribution, Claim } from '../../report/types.js'
import type { AttributionOutput } from '../attribution/types.js'
import type { OpinionOutput } from '../opinion/types.js'
import { logit, sigmoid } from '../../ml/math.js'
import { cue } from './cues.js'
import type { CheckworthinessScorer } from './scorer.js'

/** Log-odds taken off questions and opinion sentences: they stay in the list, below comparable statements. */
export const QUESTION_PENALTY = 2
export const OPINION_PENALTY = 1.5
/**
 * An evaluation a named source is reported to have made ("Trump noted that the failure … was also weak") is news about
 * that source and often carries a checkable premise, so it loses less than the writer's own opinion.
 */
export const REPORTED_OPINION_PENALTY = 0.5
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

/** Scores every sentence in context, keeps those that can carry a claim, demotes questions and opinion, sorts. */
export function rankClaims(doc: AnnotatedDocument, scorer: CheckworthinessScorer, inputs: ClaimInputs = {}): Claim[] {
  const sentences = doc.sentences
  if (sentences.length === 0) return []
  const scores = scorer.scoreUnits(doc, sentences)
  const sourceLineStarts = new Set(doc.sourceLines.map((l) => l.start))
  const opinionSet = inputs.opinion ? new Set(inputs.opinion.sentences) : null
  const claims: Claim[] = []
  for (const s of sentences) {
    const attribution = inputs.attribution?.sentences[s.index]
    if (attribution?.sourceLine || sourceLineStarts.has(s.start)) continue
    if (wordCount(doc, s.tokenStart, s.tokenEnd) < MIN_WORDS) continue
    let end = s.end
    while (end > s.start && /\s/.test(doc.text[end - 1])) end--
    let z = logit(scores.probability[s.index], 1e-6)
    const isQuestion = cue(scores.cues[s.index], 'question') === 1
    const isOpinion = opinionSet ? opinionSet.has(s.index) : undefined
    if (isQuestion) z -= QUESTION_PENALTY
    if (isOpinion) z -= attribution?.type === 'named' || attribution?.type === 'quote' ? REPORTED_OPINION_PENALTY : OPINION_PENALTY
    const claim: Claim = {
      id: '',
      text: doc.text.slice(s.start, end),
      start: s.start,
      end,
      checkworthiness: Number(sigmoid(z).toFixed(4)),
      attribution: attribution ? { type: attribution.type, source: attribution.source } : { ...NO_ATTRIBUTION },
      matches: [],
      evidence: [],
      sentence: s.index,
    }
    if (isOpinion !== undefined) claim.opinion = isOpinion
    claims.push(claim)
  }
  // Same order as the engine's final sort (score, then position), so ids follow the order users see.
  claims.sort((a, b) => b.checkworthiness - a.checkworthiness || a.start - b.start)
  claims.forEach((c, i) => (c.id = `c${i + 1}`))
  return claims
}
