// Dense features of one (headline or claim, body) pair: similarity for relatedness, lexicon cues for stance.
import type { TextProfile } from './profile.js'
import { REFUTE, NEGATE, HEDGE, AGREE } from './lexicon.js'
import { intSetHas, intSetValues, type IntSet } from './text.js'

/** Feature names, in vector order; stored in the model file and checked when it loads. */
export const STANCE_FEATURES = [
  'cos_body', 'cos_best_unit', 'cos_second_unit', 'cos_lead', 'best_unit_position',
  'weighted_coverage', 'weighted_coverage_best_unit', 'weighted_coverage_lead', 'term_coverage',
  'bigram_coverage', 'trigram_coverage', 'char_gram_coverage', 'headline_numbers', 'number_coverage',
  'headline_words', 'body_words', 'body_units', 'hit_density', 'first_hit_position',
  'body_refute_rate', 'body_negate_rate', 'body_hedge_rate', 'body_agree_rate', 'body_polarity_rate',
  'body_question_rate', 'body_quote_rate',
  'unit_refute', 'unit_negate', 'unit_hedge', 'unit_agree', 'unit_polarity',
  'headline_refute', 'headline_negate', 'headline_hedge', 'headline_agree', 'headline_polarity', 'headline_question',
  'window_refute', 'window_negate', 'window_hedge', 'window_agree',
  'headline_refute_parity', 'body_refute_parity',
  'lead_refute', 'lead_negate', 'lead_hedge', 'refute_contrast',
] as const

/** Words either side of a headline-term match in the body whose refuting/hedging words count as "near the claim". */
const WINDOW = 8

/** The feature vector of a (headline, body) pair; both profiles must come from the same IDF table. */
export function stanceFeatures(headline: TextProfile, body: TextProfile): Float64Array {
  const f = new Float64Array(STANCE_FEATURES.length)
  const m = headline.terms.length
  const units = body.units
  // Counts of each headline term in each body unit, from one pass over the body's tokens.
  const index = new Map<number, number>()
  for (let j = 0; j < m; j++) index.set(headline.terms[j]!, j)
  const counts = new Int32Array(Math.max(1, units.length) * m)
  const cover = new Int32Array(body.stems.length + 1)
  let hits = 0
  let first = -1
  for (let u = 0; u < units.length; u++) {
    const { start, end } = units[u]!
    for (let i = start; i < end; i++) {
      const id = body.stems[i]!
      if (id < 0) continue
      const j = index.get(id)
      if (j === undefined) continue
      counts[u * m + j] += 1
      hits += 1
      if (first < 0) first = i
      cover[Math.max(0, i - WINDOW)] += 1
      cover[Math.min(body.stems.length, i + WINDOW + 1)] -= 1
    }
  }
  const totals = new Int32Array(m)
  let best = -1
  let bestScore = -1
  let second = 0
  for (let u = 0; u < units.length; u++) {
    let dot = 0
    for (let j = 0; j < m; j++) {
      const c = counts[u * m + j]!
      if (c === 0) continue
      totals[j] += c
      dot += headline.termWeights[j]! * (1 + Math.log(c)) * headline.termIdf[j]!
    }
    const score = dot === 0 ? 0 : dot / (headline.norm * units[u]!.norm)
    if (score > bestScore) {
      second = Math.max(second, bestScore)
      bestScore = score
      best = u
    } else if (score > second) second = score
  }
  let dot = 0
  let weightAll = 0
  let weightFound = 0
  let found = 0
  for (let j = 0; j < m; j++) {
    weightAll += headline.termWeights[j]!
    if (totals[j] === 0) continue
    found += 1
    weightFound += headline.termWeights[j]!
    dot += headline.termWeights[j]! * (1 + Math.log(totals[j]!)) * headline.termIdf[j]!
  }
  const bestUnit = best >= 0 ? units[best]! : undefined
  const lead = units[0]
  f[0] = dot === 0 ? 0 : dot / (headline.norm * body.norm)
  f[1] = Math.max(0, bestScore)
  f[2] = second
  f[3] = lead ? unitCosine(headline, counts, 0, lead.norm) : 0
  f[4] = units.length > 1 ? Math.max(0, best) / (units.length - 1) : 0
  f[5] = weightAll === 0 ? 0 : weightFound / weightAll
  f[6] = bestUnit ? unitCoverage(headline, counts, best, weightAll) : 0
  f[7] = lead ? unitCoverage(headline, counts, 0, weightAll) : 0
  f[8] = m === 0 ? 0 : found / m
  f[9] = intShare(headline.bigrams, body.bigrams)
  f[10] = intShare(headline.trigrams, body.trigrams)
  f[11] = intShare(headline.charGrams, body.charGrams)
  f[12] = headline.numbers.size
  f[13] = shareOf(headline.numbers, body.numbers)
  f[14] = Math.log1p(headline.words)
  f[15] = Math.log1p(body.words)
  f[16] = Math.log1p(body.units.length)
  const words = Math.max(1, body.words)
  f[19] = (100 * body.refute) / words
  f[20] = (100 * body.negate) / words
  f[21] = (100 * body.hedge) / words
  f[22] = (100 * body.agree) / words
  f[23] = (10 * body.polarity) / words
  f[24] = (100 * body.questions) / words
  f[25] = (100 * body.quotes) / words
  if (bestUnit) {
    f[26] = bestUnit.refute
    f[27] = bestUnit.negate
    f[28] = bestUnit.hedge
    f[29] = bestUnit.agree
    f[30] = bestUnit.polarity
  }
  f[31] = headline.refute
  f[32] = headline.negate
  f[33] = headline.hedge
  f[34] = headline.agree
  f[35] = headline.polarity
  f[36] = headline.questions > 0 ? 1 : 0
  f[17] = body.stems.length === 0 ? 0 : hits / body.stems.length
  f[18] = first < 0 || body.stems.length === 0 ? 1 : first / body.stems.length
  if (hits > 0) windowFeatures(body, cover, f)
  f[41] = headline.refute % 2
  f[42] = body.refute % 2
  if (lead) {
    f[43] = lead.refute
    f[44] = lead.negate
    f[45] = lead.hedge
  }
  // A denial in the headline against none near the claim in the body (or the reverse) is what disagreement looks like.
  f[46] = (headline.refute + headline.negate > 0 ? 1 : 0) - (f[37] + f[38] > 0 ? 1 : 0)
  return f
}

/** Lexicon counts within WINDOW words of headline-term matches (f[37..40]), from the running cover counts. */
function windowFeatures(body: TextProfile, cover: Int32Array, f: Float64Array): void {
  let open = 0
  let refute = 0
  let negate = 0
  let hedge = 0
  let agree = 0
  for (let i = 0; i < body.stems.length; i++) {
    open += cover[i]!
    const bits = body.classes[i]!
    if (open <= 0 || bits === 0) continue
    if (bits & REFUTE) refute++
    if (bits & NEGATE) negate++
    if (bits & HEDGE) hedge++
    if (bits & AGREE) agree++
  }
  f[37] = Math.log1p(refute)
  f[38] = Math.log1p(negate)
  f[39] = Math.log1p(hedge)
  f[40] = Math.log1p(agree)
}

function unitCosine(headline: TextProfile, counts: Int32Array, u: number, norm: number): number {
  const m = headline.terms.length
  let dot = 0
  for (let j = 0; j < m; j++) {
    const c = counts[u * m + j]!
    if (c > 0) dot += headline.termWeights[j]! * (1 + Math.log(c)) * headline.termIdf[j]!
  }
  return dot === 0 ? 0 : dot / (headline.norm * norm)
}

function unitCoverage(headline: TextProfile, counts: Int32Array, u: number, weightAll: number): number {
  const m = headline.terms.length
  let found = 0
  for (let j = 0; j < m; j++) if (counts[u * m + j]! > 0) found += headline.termWeights[j]!
  return weightAll === 0 ? 0 : found / weightAll
}

function intShare(query: IntSet, target: IntSet): number {
  if (query.size === 0) return 0
  const values = intSetValues(query)
  let n = 0
  for (let i = 0; i < values.length; i++) if (intSetHas(target, values[i]!)) n++
  return n / query.size
}

function shareOf<T>(query: Set<T>, target: Set<T>): number {
  if (query.size === 0) return 0
  let n = 0
  for (const item of query) if (target.has(item)) n++
  return n / query.size
}
