// The judgments file of one gold article (test/fixtures/report-gold/<part>/articles/<name>.json): what a careful
// fact-checker expects of the report, read and validated here. See test/fixtures/report-gold/README.md.
import type { RiskLabel } from '../../src/report/types.js'

export const RISK_BANDS: readonly RiskLabel[] = ['low', 'medium', 'high']

/** Judgment types in the order they are reported. */
export const JUDGMENT_TYPES = [
  'assessed',
  'riskBand',
  'firstReason',
  'firstClaim',
  'atomicClaims',
  'notClaims',
  'matchedFactCheck',
  'contradictedClaim',
  'noMisspellingsIn',
] as const
export type JudgmentType = (typeof JUDGMENT_TYPES)[number]

export interface ExpectedMatch {
  /** Substring of the report claim that should carry the match. */
  claim: string
  /** The fact-check's rating as published ("False", "Mostly false") or normalized ("mostly-false"). */
  rating: string
  /** Optional: the fact-check's URL, when the claim could match several. */
  url?: string
}

export interface ExpectedContradiction {
  /** Substring of the report claim that the coverage contradicts. */
  claim: string
  /** Substring of the outlet whose coverage disagrees with it. */
  outlet: string
}

export interface ArticleJudgments {
  /** The article file next to the judgments (default: the same name with .txt, .html or .htm). */
  article?: string
  /** Metadata stated by the user, as `factsift analyze --title/--outlet/--url/--published-at` would give it. */
  input?: { title?: string; outlet?: string; url?: string; publishedAt?: string }
  /** What the article is there to test (free tags, counted in the composition: "known-false", "other-language", …). */
  categories?: string[]
  /** Free text for people: why these judgments. */
  notes?: string
  assessed: boolean
  /** One band or the acceptable bands; only when assessed. */
  riskBand?: RiskLabel | RiskLabel[]
  /** A signal id or a substring (case-insensitive) of the first risk reason's message; a list means any of them. */
  firstReason?: string | string[]
  /** Substring of the claim ranked first; a list means any of them (two equally bad claims). */
  firstClaim?: string | string[]
  atomicClaims?: string[]
  notClaims?: string[]
  matchedFactCheck?: ExpectedMatch[]
  contradictedClaim?: ExpectedContradiction[]
  noMisspellingsIn?: string[]
}

const KNOWN_KEYS = new Set<string>(['article', 'input', 'categories', 'notes', ...JUDGMENT_TYPES])

/** Validates a parsed judgments file; throws an Error naming `where` and the problem. */
export function parseJudgments(value: unknown, where: string): ArticleJudgments {
  const fail = (message: string): never => {
    throw new Error(`${where}: ${message}`)
  }
  if (!isObject(value)) return fail('the judgments file must hold a JSON object')
  for (const key of Object.keys(value)) if (!KNOWN_KEYS.has(key)) fail(`unknown field "${key}"`)
  if (typeof value.assessed !== 'boolean') fail('"assessed" must be true or false')
  const strings = (key: string): void => {
    const v = value[key]
    if (v !== undefined && !(Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.trim() !== ''))) fail(`"${key}" must be a non-empty list of non-empty strings`)
  }
  const string = (key: string): void => {
    const v = value[key]
    if (v !== undefined && !(typeof v === 'string' && v.trim() !== '')) fail(`"${key}" must be a non-empty string`)
  }
  string('article')
  string('notes')
  if (value.firstClaim !== undefined && typeof value.firstClaim !== 'string') strings('firstClaim')
  else string('firstClaim')
  strings('categories')
  strings('atomicClaims')
  strings('notClaims')
  strings('noMisspellingsIn')
  if (value.firstReason !== undefined && typeof value.firstReason !== 'string') strings('firstReason')
  else string('firstReason')
  if (value.riskBand !== undefined) {
    const bands = Array.isArray(value.riskBand) ? value.riskBand : [value.riskBand]
    if (bands.length === 0 || !bands.every((b) => (RISK_BANDS as readonly unknown[]).includes(b))) fail('"riskBand" must be low, medium, high or a list of them')
    if (value.assessed === false) fail('"riskBand" is given but "assessed" is false')
  }
  if (value.input !== undefined) {
    if (!isObject(value.input)) fail('"input" must be an object')
    for (const [k, v] of Object.entries(value.input as Record<string, unknown>)) {
      if (!['title', 'outlet', 'url', 'publishedAt'].includes(k) || typeof v !== 'string') fail(`"input.${k}" is not a string field title, outlet, url or publishedAt`)
    }
  }
  const pairs = (key: string, fields: string[], optional: string[] = []): void => {
    const v = value[key]
    if (v === undefined) return
    if (!Array.isArray(v) || v.length === 0) return fail(`"${key}" must be a non-empty list`)
    for (const item of v) {
      if (!isObject(item)) return fail(`every "${key}" item must be an object`)
      for (const f of fields) if (typeof item[f] !== 'string' || (item[f] as string).trim() === '') fail(`every "${key}" item needs a string "${f}"`)
      for (const k of Object.keys(item)) if (!fields.includes(k) && !optional.includes(k)) fail(`"${key}" item has unknown field "${k}"`)
    }
  }
  pairs('matchedFactCheck', ['claim', 'rating'], ['url'])
  pairs('contradictedClaim', ['claim', 'outlet'])
  return value as unknown as ArticleJudgments
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
