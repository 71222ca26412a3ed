// What fact-checkers and the user's reference coverage already say about the article's claims, as risk evidence the
// text model cannot see: a repeat of a claim rated false, a claim that coverage contradicts. These reasons come first.
import type { Claim, RiskReason } from '../../report/types.js'

/**
 * Log-odds added for a repeat of a claim rated false or mostly false. Not fitted (no labelled set pairs articles with
 * fact-checks); set so that one such repeat in the outlet's own voice, or from an unnamed source, makes a typical
 * medium article high, and one the article attributes to a named speaker (reporting what someone said) about medium.
 */
export const KNOWN_FALSE_UNSOURCED = 2.5
export const KNOWN_FALSE_ATTRIBUTED = 1.0
/** Log-odds added per claim the reference coverage contradicts with a deciding sentence (at most two count). */
export const CONTRADICTED = 0.75
const MAX_CONTRADICTED = 2
/** Further repeats add this share of their weight: the first one says most of what there is to say. */
const FURTHER_SHARE = 0.5

export interface KnownEvidence {
  logOdds: number
  reasons: RiskReason[]
}

function quoted(text: string, max = 140): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`
}

/** The reasons and the log-odds shift from the claims' fact-check verdicts and contradicting coverage. */
export function knownEvidence(claims: readonly Claim[]): KnownEvidence {
  const reasons: RiskReason[] = []
  let logOdds = 0
  let repeats = 0
  for (const claim of claims) {
    if (claim.verdict !== 'rated-false') continue
    const match = claim.matches[0]!
    const attributed = claim.attribution.type === 'named' || claim.attribution.type === 'quote'
    const weight = (attributed ? KNOWN_FALSE_ATTRIBUTED : KNOWN_FALSE_UNSOURCED) * (repeats === 0 ? 1 : FURTHER_SHARE)
    repeats++
    logOdds += weight
    const when = match.reviewedAt ? ` (${match.reviewedAt.slice(0, 10)})` : ''
    const who = attributed ? ` — attributed to ${claim.attribution.source}` : ''
    reasons.push({
      signal: 'factcheck-repeat',
      weight: round2(weight),
      message: `Repeats a claim rated ${match.rating} by ${match.factChecker}${when}: ${quoted(match.claim)}${who}`,
      url: match.url,
    })
  }
  let contradicted = 0
  for (const claim of claims) {
    const against = claim.evidence.find((e) => e.stance === 'disagree' && e.deciding)
    if (!against) continue
    // A claim already counted as a known-false repeat is shown contradicted too, as a note (weight 0).
    const weight = claim.verdict === 'contradicted' && contradicted < MAX_CONTRADICTED ? CONTRADICTED : 0
    if (weight > 0) contradicted++
    logOdds += weight
    reasons.push({
      signal: 'contradicted',
      weight,
      message: `Contradicted by ${against.outlet || 'a reference article'}: ${quoted(against.title, 90)} says ${quoted(against.deciding!.text)} (claim: ${quoted(claim.text, 90)})`,
      ...(against.url ? { url: against.url } : {}),
    })
  }
  return { logOdds, reasons }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}
