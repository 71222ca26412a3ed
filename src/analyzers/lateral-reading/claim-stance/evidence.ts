// Stance of a longer text toward a claim: pick the sentences that bear on the claim, classify each, and let the most
// confident supporting or refuting sentence decide, reported as a span into the text.
import type { Span } from '../../../document/types.js'
import type { ClaimStance } from './labels.js'
import type { ClaimStanceClassifier } from './model.js'
import type { PreparedText } from './text.js'

export interface EvidenceSentence {
  span: Span
  stance: ClaimStance
  /** Calibrated probabilities in CLAIM_STANCES order. */
  probabilities: number[]
  /** Share of the claim's content words found in the sentence. */
  relevance: number
}

export interface ArticleStance {
  stance: ClaimStance
  /** Calibrated probability of `stance` for the deciding sentence (for nei: the best sentence's nei probability, or 1). */
  score: number
  /** The sentence that decided; null when no sentence bears on the claim. */
  deciding: EvidenceSentence | null
  /** Every sentence classified, in text order. */
  evidence: EvidenceSentence[]
}

export interface PickOptions {
  /** Sentences sharing less than this share of the claim's content words are skipped (default 0.25). */
  minRelevance?: number
  /** At most this many sentences are classified, the most relevant first (default 8). */
  maxSentences?: number
  /** A supporting or refuting sentence decides only above this probability (default 0.6: a denial about another part of the story scored 0.54 in the harbor example). */
  minScore?: number
}

// Splits at sentence punctuation followed by space, and at line breaks; for callers without annotated sentences.
const SENTENCE = /[^.!?\n]+(?:[.!?]+["”’)]*|$)/g

/** Sentence spans of plain text by punctuation; `annotate` (src/nlp) gives better ones where a document exists. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = []
  for (const m of text.matchAll(SENTENCE)) {
    const lead = m[0].length - m[0].trimStart().length
    const start = m.index + lead
    const end = m.index + m[0].trimEnd().length
    if (end > start) spans.push({ start, end })
  }
  return spans
}

// "Some residents say …", "Many people are saying …", "It has been said that …": who says it is not what is claimed,
// and the frame's words dilute the overlap (the harbor cost claim went from nei 0.65 to refutes 0.92 without it).
const FRAME =
  /^(?:(?:some|many|several|most|a few)\s+)?(?:people|residents|users|critics|posts|reports|observers|commentators|analysts|officials|experts|voters)?\s*(?:are\s+|have\s+)?(?:say|says|said|saying|claim|claims|claimed|claiming|believe|believes|suggest|suggests|suggesting|argue|argues|arguing)\s+(?:that\s+)?|^it\s+(?:has\s+been|is|was)\s+(?:said|claimed|reported|rumou?red)\s+that\s+|^according\s+to\s+[^,]{1,60},\s*/i

// "Reports emerged last week that …", "Posts shared online claim that …": a report of the claim, not the claim.
const REPORT_FRAME = /^(?:reports?|posts?|rumou?rs?|claims?)\b[^,.;]{0,60}?\b(?:that|claim(?:ing)?|say(?:ing)?)\s+/i
// A trailing attribution (", according to posts that have been shared …", ", a spokesperson said") says who, not what.
const TRAILING_ATTRIBUTION = /,\s*(?:according to\b.*|(?:an?|the)\s+[^,]{1,60}\s+(?:said|says|claimed|claims|reported)\b.*|(?:said|says|claimed|claims)\s+[^,]{1,60})$/i
// Where a compound claim splits into propositions that can be refuted one by one.
const CLAUSE_BREAK = /\s*(?:;|,\s*(?:and|but|while|leaving|ending|forcing|meaning|so)\s+)\s*/i

/** The claim without a leading attribution frame ("Some residents say the bridge …" → "the bridge …"). */
export function claimCore(claim: string): string {
  const core = claim.trim().replace(FRAME, '').replace(REPORT_FRAME, '').replace(/[.!]+$/, '').replace(TRAILING_ATTRIBUTION, '')
  return core.length >= 8 ? core : claim.trim()
}

/**
 * The propositions of a compound claim after the first ("… has closed, and patients now have to drive 40 minutes" →
 * "patients now have to drive 40 minutes"), with the first clause itself when it differs from the whole: any one of them
 * refuted refutes the claim, while support is read against the whole claim.
 */
export function claimClauses(core: string): string[] {
  const parts = core.split(CLAUSE_BREAK).map((p) => p.trim()).filter((p) => p.split(/\s+/).length >= 3)
  return parts.length > 1 ? parts : []
}

function relevance(claim: PreparedText, sentence: PreparedText): number {
  let shared = 0
  for (const s of claim.content) if (sentence.allStems.has(s)) shared++
  return shared / Math.max(1, claim.content.size)
}

/**
 * The stance of `articleText` toward `claim`: sentences (default: `splitSentences`) are ranked by overlap with the claim,
 * the relevant ones classified, and the supporting or refuting sentence with the highest probability decides.
 */
export function pickEvidence(
  classifier: ClaimStanceClassifier,
  claim: string | PreparedText,
  articleText: string,
  sentences: readonly Span[] = splitSentences(articleText),
  options: PickOptions = {},
): ArticleStance {
  const minRelevance = options.minRelevance ?? 0.25
  const minScore = options.minScore ?? 0.6
  const core = typeof claim === 'string' ? claimCore(claim) : null
  const preparedClaim = core !== null ? classifier.prepare(core) : (claim as PreparedText)
  const clauses = core !== null ? claimClauses(core).map((c) => classifier.prepare(c)) : []
  const candidates = sentences
    .map((span) => ({ span, text: classifier.prepare(articleText.slice(span.start, span.end)) }))
    .map((s) => ({ ...s, relevance: Math.max(relevance(preparedClaim, s.text), ...clauses.map((c) => relevance(c, s.text))) }))
    .filter((s) => s.relevance >= minRelevance)
    .sort((a, b) => b.relevance - a.relevance || a.span.start - b.span.start)
    .slice(0, options.maxSentences ?? 8)
  const evidence: EvidenceSentence[] = candidates
    .map(({ span, text, relevance: shared }) => {
      let p = classifier.classify(preparedClaim, text)
      // A clause of a compound claim refuted: the claim is (supports are read against the whole claim only).
      for (const clause of clauses) {
        if (relevance(clause, text) < minRelevance) continue
        const q = classifier.classify(clause, text)
        if (q.probabilities[1]! > p.probabilities[1]! && q.probabilities[1]! >= minScore) p = q
      }
      return { span: { start: span.start, end: span.end }, stance: p.stance, probabilities: p.probabilities, relevance: shared }
    })
    .sort((a, b) => a.span.start - b.span.start)
  let deciding: EvidenceSentence | null = null
  let best = minScore
  for (const e of evidence) {
    // supports and refutes compete; ties go to refutes, the stance a reader most needs to see
    for (const k of [1, 0]) {
      if (e.probabilities[k]! > best || (e.probabilities[k] === best && k === 1 && deciding)) {
        best = e.probabilities[k]!
        deciding = { ...e, stance: k === 1 ? 'refutes' : 'supports' }
      }
    }
  }
  if (deciding) return { stance: deciding.stance, score: best, deciding, evidence }
  const mostRelevant = [...evidence].sort((a, b) => b.relevance - a.relevance)[0] ?? null
  return { stance: 'nei', score: mostRelevant ? mostRelevant.probabilities[2]! : 1, deciding: mostRelevant, evidence }
}
