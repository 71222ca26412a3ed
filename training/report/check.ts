// Checks one report against the judgments a careful fact-checker made for its article. Pure: no I/O, no engine.
//
// Where the report contract cannot express a judgment yet (today: 'not assessed'), the judgment fails and the result
// says why in `notExpressible`. Everything that reads a field which a later report may add (an abstention, a
// claim/not-claim flag) is in the small helpers below, so that adapting to the new fields is one edit.
import type { Claim, Report } from '../../src/report/types.js'
import { RISK_BANDS, type ArticleJudgments, type JudgmentType } from './judgments.js'

/** What analyzing the article gave: a report, or a refusal (an input error such as E_INPUT_EMPTY: no score given). */
export type Outcome = { report: Report; refused?: undefined } | { refused: { code: string; message: string }; report?: undefined }

export interface JudgmentResult {
  article: string
  type: JudgmentType
  /** The expected value, in words. */
  expected: string
  /** What the report gave, in words. */
  got: string
  pass: boolean
  /** Set on a failure the current report contract cannot avoid: why. */
  notExpressible?: string
}

export const NOT_ASSESSED_INEXPRESSIBLE = "the report has no 'not assessed' state yet (risk.label is low|medium|high, risk.score a number)"

/** Checks every judgment in `judgments` (list judgments give one result per item). */
export function checkJudgments(article: string, outcome: Outcome, judgments: ArticleJudgments): JudgmentResult[] {
  const results: JudgmentResult[] = []
  const add = (type: JudgmentType, expected: string, got: string, pass: boolean, notExpressible?: string): void => {
    results.push({ article, type, expected, got, pass, ...(!pass && notExpressible ? { notExpressible } : {}) })
  }
  const report = outcome.report
  const assessment = report ? assessmentOf(report) : { assessed: false, canAbstain: true, words: `refused (${outcome.refused!.code}: ${outcome.refused!.message})` }
  const claims = report ? shownClaims(report) : []
  const refusedWords = outcome.refused ? `no report: refused (${outcome.refused.code})` : ''

  // assessed
  add(
    'assessed',
    judgments.assessed ? 'assessed' : 'not assessed',
    assessment.words,
    assessment.assessed === judgments.assessed,
    !judgments.assessed && !assessment.canAbstain ? NOT_ASSESSED_INEXPRESSIBLE : undefined,
  )

  // riskBand
  if (judgments.riskBand !== undefined) {
    const bands = Array.isArray(judgments.riskBand) ? judgments.riskBand : [judgments.riskBand]
    const label = report && assessment.assessed ? String(report.risk.label) : null
    add('riskBand', bands.join(' or '), label ?? assessment.words, label !== null && (bands as string[]).includes(label))
  }

  // firstReason
  if (judgments.firstReason !== undefined) {
    const wanted = Array.isArray(judgments.firstReason) ? judgments.firstReason : [judgments.firstReason]
    const first = report?.risk.reasons[0]
    const pass = first !== undefined && wanted.some((w) => first.signal.toLowerCase() === w.toLowerCase() || norm(first.message).includes(norm(w)))
    add('firstReason', wanted.map((w) => `"${w}"`).join(' or '), first ? `${first.signal}: ${first.message}` : refusedWords || 'no risk reason', pass)
  }

  // firstClaim
  if (judgments.firstClaim !== undefined) {
    const wanted = Array.isArray(judgments.firstClaim) ? judgments.firstClaim : [judgments.firstClaim]
    const first = claims[0]
    add('firstClaim', wanted.map((w) => `"${w}"`).join(' or '), first ? `"${first.text}"` : refusedWords || 'no claim', first !== undefined && wanted.some((w) => contains(first.text, w)))
  }

  // atomicClaims: each substring in a claim of its own (one that holds none of the other listed substrings)
  for (const part of judgments.atomicClaims ?? []) {
    const others = (judgments.atomicClaims ?? []).filter((o) => o !== part)
    const holding = claims.filter((c) => contains(c.text, part))
    const own = holding.find((c) => !others.some((o) => contains(c.text, o)))
    let got: string
    if (own) got = `"${own.text}"`
    else if (holding.length === 0) got = refusedWords || 'no claim contains it'
    else got = `only together with "${others.find((o) => contains(holding[0]!.text, o))}" in "${holding[0]!.text}"`
    add('atomicClaims', `a claim of its own with "${part}"`, got, own !== undefined)
  }

  // notClaims
  for (const text of judgments.notClaims ?? []) {
    const offending = claims.findIndex((c) => contains(c.text, text))
    add(
      'notClaims',
      `no claim with "${text}"`,
      offending < 0 ? (refusedWords || 'none') : `claim #${offending + 1} (${pct(claims[offending]!.checkworthiness)}): "${claims[offending]!.text}"`,
      offending < 0,
    )
  }

  // matchedFactCheck
  for (const m of judgments.matchedFactCheck ?? []) {
    const holding = claims.filter((c) => contains(c.text, m.claim))
    const pass = holding.some((c) => c.matches.some((x) => sameRating(x.rating, x.ratingNormalized, m.rating) && (m.url === undefined || x.url === m.url)))
    let got: string
    if (holding.length === 0) got = refusedWords || 'no claim contains it'
    else {
      const found = holding.flatMap((c) => c.matches.map((x) => `${x.rating || x.ratingNormalized || 'unrated'} "${x.claim}"`))
      got = found.length === 0 ? `claim found, no fact-check matched: "${holding[0]!.text}"` : `matched ${found.join('; ')}`
    }
    add('matchedFactCheck', `"${m.claim}" matched to a check rated ${m.rating}${m.url ? ` (${m.url})` : ''}`, got, pass)
  }

  // contradictedClaim
  for (const c of judgments.contradictedClaim ?? []) {
    const holding = claims.filter((x) => contains(x.text, c.claim))
    const pass = holding.some((x) => x.evidence.some((e) => e.stance === 'disagree' && contains(e.outlet, c.outlet)))
    let got: string
    if (holding.length === 0) got = refusedWords || 'no claim contains it'
    else {
      const onClaim = holding.flatMap((x) => x.evidence.map((e) => `${e.outlet} (${e.stance})`))
      const elsewhere = claims
        .filter((x) => !holding.includes(x))
        .flatMap((x) => x.evidence.filter((e) => contains(e.outlet, c.outlet)).map((e) => `${e.outlet} (${e.stance}) on "${x.text}"`))
      got = `${onClaim.length ? `evidence: ${onClaim.join(', ')}` : 'no evidence on the claim'}${elsewhere.length ? `; ${c.outlet} attached elsewhere: ${elsewhere[0]}` : ''}`
    }
    add('contradictedClaim', `"${c.claim}" contradicted by ${c.outlet}`, got, pass)
  }

  // noMisspellingsIn
  for (const word of judgments.noMisspellingsIn ?? []) {
    const flagged = report ? misspellingSignals(report).find((s) => norm(s.text) === norm(word) || wordsOf(s.text).includes(norm(word))) : undefined
    add('noMisspellingsIn', `"${word}" not flagged as a misspelling`, flagged ? `flagged: ${flagged.message}` : (refusedWords || 'not flagged'), flagged === undefined)
  }
  return results
}

/** Whether the report gives a risk score, and whether its shape could say 'not assessed' at all. */
export function assessmentOf(report: Report): { assessed: boolean; canAbstain: boolean; words: string } {
  const risk = report.risk as unknown as Record<string, unknown>
  const label = String(risk.label)
  const inBands = (RISK_BANDS as readonly string[]).includes(label)
  const hasScore = typeof risk.score === 'number'
  const assessed = risk.assessed !== false && inBands && hasScore
  const canAbstain = 'assessed' in risk || !inBands || !hasScore || 'assessment' in (report as unknown as Record<string, unknown>)
  const why = report.assessment?.reasons.map((r) => r.code).join(', ')
  return { assessed, canAbstain, words: assessed ? `assessed: ${label} (${pct(risk.score as number)})` : `not assessed (label "${label}"${why ? `: ${why}` : ''})` }
}

/** The claims the report presents as claims, in rank order (a later contract may keep non-claims with a flag). */
export function shownClaims(report: Report): Claim[] {
  return report.claims.filter((c) => {
    const flags = c as unknown as Record<string, unknown>
    return flags.checkworthy !== false && flags.isClaim !== false
  })
}

/** Misspelling findings with the text they cover. */
export function misspellingSignals(report: Report): { text: string; message: string }[] {
  return report.signals
    .filter((s) => /spell/i.test(s.id))
    .map((s) => ({ text: s.scope === 'title' ? s.message : report.document.text.slice(s.start, s.end), message: s.message }))
}

/** Published or normalized rating equality: "Mostly false" = "mostly-false" = "MOSTLY_FALSE". */
export function sameRating(rating: string | undefined, normalized: string | undefined, expected: string): boolean {
  const key = (s: string | undefined) => (s ?? '').toLowerCase().trim().replace(/[\s_]+/g, '-')
  return key(rating) === key(expected) || (normalized !== undefined && key(normalized) === key(expected))
}

/** Case-, quote- and whitespace-insensitive substring test. */
export function contains(haystack: string, needle: string): boolean {
  return norm(haystack).includes(norm(needle))
}

function norm(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[‘’ʼ`]/g, "'").replace(/[“”„]/g, '"').replace(/\s+/g, ' ').trim()
}

function wordsOf(text: string): string[] {
  return norm(text).split(/[^\p{L}\p{N}'-]+/u).filter(Boolean)
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`
}
