// Pair features for (claim, evidence sentence): overlap and alignment, plus the cues that carry contradiction.
import LEXICON from './lexicon.json' with { type: 'json' }
import { stem, type PreparedText } from './text.js'

const ANTONYMS = new Map<string, Set<string>>()
for (const [a, b] of LEXICON.antonyms as [string, string][]) {
  for (const [x, y] of [[stem(a), stem(b)], [stem(b), stem(a)]] as const) {
    if (!ANTONYMS.has(x)) ANTONYMS.set(x, new Set())
    ANTONYMS.get(x)!.add(y)
  }
}
const DENIAL = new Set(LEXICON.denial)
const AGREEMENT = new Set(LEXICON.agreement)
const CLAIM_FRAME = new Set(LEXICON.claimFrame)
const HEDGE = new Set(LEXICON.hedge)
const CERTAINTY = new Set(LEXICON.certainty)
const STASIS = new Set(LEXICON.stasis)
const CHANGE = new Set(LEXICON.change)

/** Feature groups, in vector order; the model card's ablation drops one group at a time. */
export const FEATURE_GROUPS = {
  overlap: ['claimLength', 'evidenceLength', 'claimCovered', 'evidenceCovered', 'jaccard', 'bigramCovered', 'lcsRatio', 'claimUnaligned', 'evidenceUnaligned'],
  negation: ['claimNegations', 'evidenceNegations', 'negationParity', 'negationMismatchOverlap', 'scopeMismatch', 'scopeMismatchShare'],
  antonym: ['antonymPairs', 'antonymOverlap', 'antonymXorNegation'],
  numbers: ['claimNumbers', 'evidenceNumbers', 'numbersMatched', 'numbersMismatch', 'yearsMatched', 'yearsMismatch', 'changeVsStasis'],
  names: ['claimNames', 'namesMatched', 'claimNamesMissing', 'evidenceNamesExtra'],
  modality: ['claimHedges', 'evidenceHedges', 'hedgeDifference', 'claimCertainty', 'evidenceCertainty', 'question'],
  cues: ['evidenceDenial', 'claimDenial', 'denialOverlap', 'evidenceAgreement', 'claimAgreement', 'evidenceClaimFrame', 'frameAndDenial'],
  denial: ['framedCovered', 'assertedCovered', 'assertedAntonyms', 'stasisAntonym', 'deniedRestated', 'assertedNegatedMatch'],
  alignment: ['nonNameCovered', 'nonNameShared', 'namesOnlyOverlap', 'longestRun', 'matchedSpread', 'uncoveredNonName'],
  keyContent: ['quantityConflict', 'unitConflict', 'yearConflict', 'keyCovered', 'deniedNumberMatch'],
} as const

export type FeatureGroup = keyof typeof FEATURE_GROUPS
export const FEATURE_NAMES: readonly string[] = Object.values(FEATURE_GROUPS).flat()

function count(tokens: readonly string[], set: Set<string>): number {
  let n = 0
  for (const t of tokens) if (set.has(t)) n++
  return n
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  let prev = new Uint16Array(b.length + 1)
  let row = new Uint16Array(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!)
    ;[prev, row] = [row, prev]
  }
  return prev[b.length]!
}

function bigrams(stems: readonly string[]): Set<string> {
  const out = new Set<string>()
  for (let i = 1; i < stems.length; i++) out.add(`${stems[i - 1]} ${stems[i]}`)
  return out
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b))
}

/** The feature vector of one pair, in FEATURE_NAMES order. */
export function pairFeatures(claim: PreparedText, evidence: PreparedText): Float64Array {
  const f = new Float64Array(FEATURE_NAMES.length)
  let i = 0
  // overlap
  let shared = 0
  for (const s of claim.content) if (evidence.allStems.has(s)) shared++
  let sharedBack = 0
  for (const s of evidence.content) if (claim.allStems.has(s)) sharedBack++
  const claimCovered = shared / Math.max(1, claim.content.size)
  const union = claim.content.size + evidence.content.size - shared
  const claimBigrams = bigrams(claim.stems)
  let bigramHits = 0
  if (claimBigrams.size) for (const b of bigrams(evidence.stems)) if (claimBigrams.has(b)) bigramHits++
  f[i++] = Math.log1p(claim.lower.length)
  f[i++] = Math.log1p(evidence.lower.length)
  f[i++] = claimCovered
  f[i++] = sharedBack / Math.max(1, evidence.content.size)
  f[i++] = union ? shared / union : 0
  f[i++] = claimBigrams.size ? bigramHits / claimBigrams.size : 0
  f[i++] = lcsLength(claim.stems, evidence.stems) / Math.max(1, Math.min(claim.stems.length, evidence.stems.length))
  f[i++] = claim.content.size - shared
  f[i++] = evidence.content.size - sharedBack
  // negation: shared words negated on one side only are the contradiction ("has not been closed" vs "has been closed")
  const parity = (claim.negations > 0 ? 1 : 0) !== (evidence.negations > 0 ? 1 : 0) ? 1 : 0
  const scope = scopeMismatch(claim, evidence)
  f[i++] = claim.negations
  f[i++] = evidence.negations
  f[i++] = parity
  f[i++] = parity * claimCovered
  f[i++] = scope
  f[i++] = scope / Math.max(1, shared)
  // antonyms: a word on one side whose opposite is on the other and not itself on that side
  let antonyms = 0
  for (const s of claim.allStems) {
    const opposite = ANTONYMS.get(s)
    if (!opposite || evidence.allStems.has(s)) continue
    for (const o of opposite) if (evidence.allStems.has(o) && !claim.allStems.has(o)) antonyms++
  }
  f[i++] = antonyms
  f[i++] = antonyms > 0 ? claimCovered : 0
  f[i++] = (antonyms > 0 ? 1 : 0) !== parity ? 1 : 0
  // numbers, years, change against stasis ("will double" vs "remains $48 million")
  const numbersMatched = claim.numbers.filter((a) => evidence.numbers.some((b) => near(a, b))).length
  const yearsMatched = claim.years.filter((y) => evidence.years.includes(y)).length
  f[i++] = claim.numbers.length
  f[i++] = evidence.numbers.length
  f[i++] = numbersMatched
  f[i++] = claim.numbers.length > numbersMatched && evidence.numbers.length > 0 ? 1 : 0
  f[i++] = yearsMatched
  f[i++] = claim.years.length > yearsMatched && evidence.years.length > 0 ? 1 : 0
  f[i++] = count(claim.lower, CHANGE) > 0 && count(evidence.lower, STASIS) > 0 ? 1 : 0
  // names
  let namesMatched = 0
  for (const n of claim.names) if (evidence.allStems.has(stem(n))) namesMatched++
  let namesExtra = 0
  for (const n of evidence.names) if (!claim.allStems.has(stem(n))) namesExtra++
  f[i++] = claim.names.size
  f[i++] = namesMatched
  f[i++] = claim.names.size - namesMatched
  f[i++] = namesExtra
  // modality and hedges
  const claimHedges = count(claim.lower, HEDGE)
  const evidenceHedges = count(evidence.lower, HEDGE)
  f[i++] = claimHedges
  f[i++] = evidenceHedges
  f[i++] = evidenceHedges - claimHedges
  f[i++] = count(claim.lower, CERTAINTY)
  f[i++] = count(evidence.lower, CERTAINTY)
  f[i++] = claim.question || evidence.question ? 1 : 0
  // denial and agreement cues ("rejecting claims that the cost will double", "denied", "confirmed")
  const evidenceDenial = count(evidence.lower, DENIAL)
  const evidenceFrame = count(evidence.lower, CLAIM_FRAME)
  f[i++] = evidenceDenial
  f[i++] = count(claim.lower, DENIAL)
  f[i++] = evidenceDenial > 0 ? claimCovered : 0
  f[i++] = count(evidence.lower, AGREEMENT)
  f[i++] = count(claim.lower, AGREEMENT)
  f[i++] = evidenceFrame
  f[i++] = evidenceFrame > 0 && (evidenceDenial > 0 || evidence.negations > 0) ? 1 : 0
  // denial scope: the claim restated inside a denied or reported clause is not asserted by the evidence; an opposite
  // word asserted outside it is ("remains open …, denying posts that it had closed")
  let framedHits = 0
  let assertedHits = 0
  for (const s of claim.content) {
    if (evidence.asserted.has(s)) assertedHits++
    else if (evidence.allStems.has(s)) framedHits++
  }
  let assertedAntonyms = 0
  for (const s of claim.asserted) {
    const opposite = ANTONYMS.get(s)
    if (!opposite || evidence.asserted.has(s)) continue
    for (const o of opposite) if (evidence.asserted.has(o) && !claim.allStems.has(o)) assertedAntonyms++
  }
  const evidenceStasis = count(evidence.lower, STASIS)
  let assertedNegated = 0
  if (evidence.negations > 0) {
    for (let k = 0; k < evidence.stems.length; k++) {
      if (evidence.negated[k] && !evidence.framed[k] && claim.content.has(evidence.stems[k]!) && !claim.negations) assertedNegated++
    }
  }
  const claimContent = Math.max(1, claim.content.size)
  f[i++] = framedHits / claimContent
  f[i++] = assertedHits / claimContent
  f[i++] = assertedAntonyms
  f[i++] = assertedAntonyms > 0 && evidenceStasis > 0 ? 1 : 0
  f[i++] = framedHits > 0 && evidenceDenial > 0 ? framedHits / claimContent : 0
  f[i++] = assertedNegated
  // proposition alignment: the same proposition, not only the same topic ("the council voted …" vs "the council's
  // construction costs …" share a name and nothing of what is claimed)
  let nonName = 0
  let nonNameShared = 0
  for (const s of claim.content) {
    if (claim.nameStems.has(s)) continue
    nonName++
    if (evidence.allStems.has(s)) nonNameShared++
  }
  let longest = 0
  let first = -1
  let last = -1
  let matched = 0
  {
    let run = 0
    for (let k = 0; k < evidence.stems.length; k++) {
      const s = evidence.stems[k]!
      if (claim.content.has(s)) {
        matched++
        if (first < 0) first = k
        last = k
        const prev = k > 0 ? evidence.stems[k - 1]! : ''
        run = run > 0 && (claim.allStems.has(prev)) ? run + 1 : 1
        if (run > longest) longest = run
      } else if (!claim.allStems.has(s)) run = 0
    }
  }
  const nonNameCovered = nonName ? nonNameShared / nonName : 0
  f[i++] = nonNameCovered
  f[i++] = nonNameShared
  f[i++] = shared > 0 && nonNameShared === 0 ? 1 : 0
  f[i++] = longest / claimContent
  f[i++] = matched > 1 ? (last - first + 1) / matched : 0
  f[i++] = nonName - nonNameShared
  // key content: a figure or year of the same proposition that differs refutes ("employs 62,000" vs "about 26,000
  // people"); support needs the claim's figures, names and most of its other words asserted, not only its topic.
  const asserted = assertedQuantities(evidence)
  const assertedMatched = claim.numbers.filter((a) => asserted.some((q) => near(a, q.value))).length
  let unitConflicts = 0
  claim.numbers.forEach((a, k) => {
    const unit = claim.numberUnits[k]
    const same = unit ? asserted.filter((q) => q.unit === unit) : []
    if (same.length && !same.some((q) => near(a, q.value))) unitConflicts++
  })
  const quantityConflict = claim.numbers.length > 0 && asserted.length > 0 && assertedMatched === 0
  f[i++] = quantityConflict ? nonNameCovered : 0
  f[i++] = unitConflicts
  f[i++] = claim.years.length > yearsMatched && evidence.years.length > 0 ? nonNameCovered : 0
  f[i++] = assertedMatched === claim.numbers.length && yearsMatched === claim.years.length && namesMatched === claim.names.size ? nonNameCovered : 0
  f[i++] = claim.numbers.length > assertedMatched && numbersMatched > assertedMatched ? 1 : 0
  return f
}

// Per prepared text, not per pair: one evidence sentence meets every claim.
const assertedCache = new WeakMap<PreparedText, { value: number; unit: string }[]>()

/** The evidence's quantities outside negated or denied clauses, with what they count. */
function assertedQuantities(t: PreparedText): { value: number; unit: string }[] {
  let out = assertedCache.get(t)
  if (!out) {
    const list: { value: number; unit: string }[] = []
    t.numbers.forEach((value, k) => {
      if (!t.numberDenied[k]) list.push({ value, unit: t.numberUnits[k]! })
    })
    assertedCache.set(t, (out = list))
  }
  return out
}

/** Shared content words inside a negation's scope on exactly one side. */
function scopeMismatch(claim: PreparedText, evidence: PreparedText): number {
  const claimScoped = scopedStems(claim)
  const evidenceScoped = scopedStems(evidence)
  let n = 0
  for (const s of claim.content) {
    if (!evidence.allStems.has(s)) continue
    if (claimScoped.has(s) !== evidenceScoped.has(s)) n++
  }
  return n
}

function scopedStems(t: PreparedText): Set<string> {
  const out = new Set<string>()
  if (t.negations === 0) return out
  for (let i = 0; i < t.stems.length; i++) if (t.negated[i]) out.add(t.stems[i]!)
  return out
}
