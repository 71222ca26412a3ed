// Dense, interpretable cues per sentence-shaped unit: numbers, actors, comparison, tense, modality, hedging, position.
import type { AnnotatedDocument, Sentence, Token } from '../../document/types.js'
import lexicons from './lexicons.json' with { type: 'json' }
import { createRequire } from 'node:module'

/** Names of the dense cue values, in vector order (the model file stores this list to detect drift). */
export const CUE_NAMES = [
  'len.log', 'len.1-3', 'len.4-6', 'len.7-10', 'len.11-15', 'len.16-25', 'len.26-40', 'len.41+',
  'num.any', 'num.count', 'num.percent', 'num.money', 'num.year', 'num.quantityWord',
  'ent.any', 'ent.person', 'ent.organization', 'ent.place', 'ent.date', 'ent.other', 'pos.propn',
  'cmp.word', 'cmp.than', 'cmp.superlative', 'cmp.comparative',
  'tense.past', 'tense.future', 'tense.present', 'modal', 'negation',
  'hedge', 'subjective', 'afinn.count', 'afinn.abs', 'afinn.pos', 'afinn.neg',
  'person.first', 'person.second', 'attribution', 'causal', 'time', 'pleasantry',
  'question', 'exclamation', 'quoteMark', 'noVerb', 'startsWithConjunction',
  'ratio.propn', 'ratio.noun', 'ratio.verb', 'ratio.adj', 'ratio.adv', 'ratio.pron',
  'pos.first', 'pos.rel.0', 'pos.rel.1', 'pos.rel.2', 'pos.rel.3', 'pos.rel.4',
  'par.first', 'par.firstUnit', 'par.lastUnit', 'par.single',
] as const

export type CueName = (typeof CUE_NAMES)[number]
export const CUE_COUNT = CUE_NAMES.length
const CUE_INDEX = new Map<string, number>(CUE_NAMES.map((name, i) => [name, i]))

// One map lookup per token gives every lexicon it belongs to (bit flags) and its AFINN polarity.
const FLAG = {
  hedge: 1 << 0, subjective: 1 << 1, attribution: 1 << 2, firstPerson: 1 << 3, secondPerson: 1 << 4, pleasantry: 1 << 5,
  quantity: 1 << 6, comparative: 1 << 7, causal: 1 << 8, modal: 1 << 9, future: 1 << 10, pastAux: 1 << 11,
  negation: 1 << 12, time: 1 << 13, questionStart: 1 << 14, irregularPast: 1 << 15, conjunction: 1 << 16,
} as const
// What the spelling of a word says (digits, a year, a suffix, one of a few cue words), as more bits of the same flags.
const SHAPE = {
  digit: 1 << 17, year: 1 << 18, edSuffix: 1 << 19, estSuffix: 1 << 20, erSuffix: 1 << 21, percentWord: 1 << 22,
  moneyWord: 1 << 23, than: 1 << 24, superlativeWord: 1 << 25,
} as const

interface WordInfo {
  flags: number
  /** AFINN polarity, or null when the word is not in AFINN. */
  polarity: number | null
}

// Irregular past forms seen in political and news prose; regular ones are caught by the -ed suffix.
const IRREGULAR_PAST = [
  'said', 'told', 'made', 'took', 'gave', 'went', 'came', 'got', 'knew', 'saw', 'thought', 'found', 'left', 'lost', 'paid',
  'sent', 'spent', 'won', 'wrote', 'built', 'brought', 'bought', 'became', 'began', 'fell', 'grew', 'rose', 'ran', 'held',
  'kept', 'met', 'led', 'put', 'set', 'stood', 'sold', 'struck', 'fought', 'caught', 'taught', 'voted', 'cut', 'hit',
]
const CONJUNCTIONS = ['and', 'but', 'so', 'or', 'because', 'well']

const WORDS = new Map<string, WordInfo>()
function entry(word: string): WordInfo {
  let info = WORDS.get(word)
  if (!info) WORDS.set(word, (info = { flags: 0, polarity: null }))
  return info
}
for (const [name, words] of Object.entries(lexicons) as [keyof typeof lexicons, string[]][]) {
  for (const word of words) entry(word).flags |= FLAG[name]
}
for (const word of IRREGULAR_PAST) entry(word).flags |= FLAG.irregularPast
for (const word of CONJUNCTIONS) entry(word).flags |= FLAG.conjunction
// Loaded through require: tsx's ESM JSON transform breaks on AFINN keys that are reserved words ("protected").
const afinn = createRequire(import.meta.url)('sentiment/languages/en/labels.json') as Record<string, number>
for (const [word, polarity] of Object.entries(afinn)) entry(word).polarity = polarity

const YEAR = /^(1[89]|20)\d\d$/
const DIGIT = /\d/

function shapeFlags(w: string): number {
  let flags = 0
  if (DIGIT.test(w)) flags |= SHAPE.digit
  if (YEAR.test(w)) flags |= SHAPE.year
  if (w.length > 4 && w.endsWith('ed')) flags |= SHAPE.edSuffix
  if (w.length > 4 && w.endsWith('est')) flags |= SHAPE.estSuffix
  if (w.length > 3 && w.endsWith('er')) flags |= SHAPE.erSuffix
  if (w === 'percent' || w === 'per' || w === 'percentage') flags |= SHAPE.percentWord
  if (w === 'dollars' || w === 'dollar') flags |= SHAPE.moneyWord
  if (w === 'than') flags |= SHAPE.than
  if (w === 'most' || w === 'least' || w === 'best' || w === 'worst') flags |= SHAPE.superlativeWord
  return flags
}

/**
 * What the scorer needs of one word, kept per word seen: its lexicon flags, AFINN polarity and shape bits here; its
 * feature hash and word-table row filled in by features.ts on first use. A token then costs one map lookup.
 */
export interface WordRecord extends WordInfo {
  /** The word's n-gram hash (features.ts), -1 until computed. */
  hash: number
  /** Its row in `rowTable` (-1: none), valid only for that table. */
  row: number
  rowTable: object | null
}

// Bounded like the other per-word caches, so a long-running server stays bounded.
const SEEN = new Map<string, WordRecord>()
const MAX_SEEN = 100_000

/** The record of a lower-cased word (created on first sight). */
export function wordRecord(w: string): WordRecord {
  let info = SEEN.get(w)
  if (info === undefined) {
    const listed = WORDS.get(w)
    info = { flags: (listed?.flags ?? 0) | shapeFlags(w), polarity: listed?.polarity ?? null, hash: -1, row: -1, rowTable: null }
    if (SEEN.size >= MAX_SEEN) SEEN.clear()
    SEEN.set(w, info)
  }
  return info
}

const recordsOfTokens = new WeakMap<readonly Token[], WordRecord[]>()

/**
 * `wordRecord(token.lower)` of every token of a document, looked up once per document (the cues, the n-gram hashes and
 * the word-table term all read it, and a document is scored twice when a sentence splits into clauses).
 */
export function tokenRecords(doc: Pick<AnnotatedDocument, 'tokens'>): WordRecord[] {
  let records = recordsOfTokens.get(doc.tokens)
  if (!records) {
    records = doc.tokens.map((t) => wordRecord(t.lower))
    recordsOfTokens.set(doc.tokens, records)
  }
  return records
}

/** Drops a document's cached token records (rankClaims, when done: the cache would otherwise live as long as the document). */
export function forgetTokenRecords(doc: Pick<AnnotatedDocument, 'tokens'>): void {
  recordsOfTokens.delete(doc.tokens)
}

const QUOTE_CHARS = /["“”«»]/

function idx(name: CueName): number {
  return CUE_INDEX.get(name)!
}
const I = Object.fromEntries(CUE_NAMES.map((n) => [n, idx(n)])) as Record<CueName, number>

function lengthBin(n: number): number {
  if (n <= 3) return I['len.1-3']
  if (n <= 6) return I['len.4-6']
  if (n <= 10) return I['len.7-10']
  if (n <= 15) return I['len.11-15']
  if (n <= 25) return I['len.16-25']
  if (n <= 40) return I['len.26-40']
  return I['len.41+']
}

/** Entity mentions per unit by type (units sorted by start, mentions assigned by their start offset). */
function entityCounts(doc: AnnotatedDocument, units: readonly Sentence[]): Float32Array {
  // Unit u's five counts are counts[5u … 5u + 4]: one buffer, not a typed array per unit.
  const counts = new Float32Array(5 * units.length)
  const types = ['person', 'organization', 'place', 'date', 'other']
  const mentions: { start: number; type: number }[] = []
  for (const entity of doc.entities) {
    const type = types.indexOf(entity.type)
    for (const m of entity.mentions) mentions.push({ start: m.start, type: type < 0 ? 4 : type })
  }
  mentions.sort((a, b) => a.start - b.start)
  let u = 0
  for (const m of mentions) {
    while (u < units.length && units[u].end <= m.start) u++
    if (u >= units.length) break
    if (m.start >= units[u].start) counts[5 * u + m.type]++
  }
  return counts
}

function isPast(t: Token, flags: number): boolean {
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return false
  return (flags & (FLAG.pastAux | FLAG.irregularPast | SHAPE.edSuffix)) !== 0
}

const UNCOMPUTED = new Float32Array(0)

/**
 * The dense cue vector of every unit (each value roughly in [0, 1]). With `needed`, only the units it marks get one
 * (the others an empty array); positions and paragraph sizes still come from the whole list, so a computed vector is
 * the same as without `needed`.
 */
export function unitCues(doc: AnnotatedDocument, units: readonly Sentence[], needed?: readonly boolean[]): Float32Array[] {
  const entities = entityCounts(doc, units)
  // Units per paragraph, indexed by paragraph index (a dense array rather than a map: this runs for every unit).
  const paragraphSize: number[] = []
  for (const u of units) paragraphSize[u.paragraph] = (paragraphSize[u.paragraph] ?? 0) + 1
  const firstParagraph = units.length ? units[0].paragraph : 0
  // One buffer for every computed vector, each unit a view of it: a typed array over 64 bytes lives off the V8 heap,
  // and one such allocation per unit cost more than filling it.
  let computed = 0
  for (let k = 0; k < units.length; k++) if (!needed || needed[k]) computed++
  const records = tokenRecords(doc)
  const buffer = new Float32Array(computed * CUE_COUNT)
  let filled = 0
  const out: Float32Array[] = []
  for (let k = 0; k < units.length; k++) {
    if (needed && !needed[k]) {
      out.push(UNCOMPUTED)
      continue
    }
    const unit = units[k]
    const c = buffer.subarray(filled, filled + CUE_COUNT)
    filled += CUE_COUNT
    let words = 0
    let numbers = 0
    let propn = 0
    let noun = 0
    let verb = 0
    let adj = 0
    let adv = 0
    let pron = 0
    let firstWord: string | null = null
    let firstFlags = 0
    let lastToken: Token | null = null
    for (let t = unit.tokenStart; t < unit.tokenEnd; t++) {
      const tok = doc.tokens[t]
      const w = tok.lower
      lastToken = tok
      if (tok.kind === 'punctuation' || tok.kind === 'symbol') {
        if (w === '$' || w === '€' || w === '£') c[I['num.money']] = 1
        else if (w === '%') c[I['num.percent']] = 1
        else if (w === '!') c[I.exclamation] = 1
        continue
      }
      const info = records[t]!
      const flags = info.flags
      words++
      if (firstWord === null) {
        firstWord = w
        firstFlags = flags
      }
      if (tok.kind === 'number' || flags & SHAPE.digit) {
        numbers++
        if (flags & SHAPE.year) c[I['num.year']] = 1
      }
      switch (tok.pos) {
        case 'PROPN': propn++; break
        case 'NOUN': noun++; break
        case 'VERB': verb++; break
        case 'AUX': verb++; break
        case 'ADJ': adj++; break
        case 'ADV': adv++; break
        case 'PRON': pron++; break
      }
      if (flags & SHAPE.percentWord) c[I['num.percent']] = 1
      if (flags & SHAPE.moneyWord) c[I['num.money']] = 1
      if (flags & FLAG.quantity) c[I['num.quantityWord']]++
      if (flags & FLAG.comparative) c[I['cmp.word']]++
      if (flags & SHAPE.than) c[I['cmp.than']] = 1
      if (tok.pos === 'ADJ' || tok.pos === 'ADV') {
        if (flags & SHAPE.estSuffix) c[I['cmp.superlative']] = 1
        else if (flags & SHAPE.erSuffix) c[I['cmp.comparative']] = 1
      }
      if (flags & SHAPE.superlativeWord) c[I['cmp.superlative']] = 1
      if (isPast(tok, flags)) c[I['tense.past']] = 1
      else if (tok.pos === 'VERB' || tok.pos === 'AUX') c[I['tense.present']] = 1
      if (flags & FLAG.future) c[I['tense.future']] = 1
      if (flags & FLAG.modal && (tok.pos === 'AUX' || tok.pos === 'VERB')) c[I.modal]++
      if (flags & FLAG.negation) c[I.negation] = 1
      if (flags & FLAG.hedge) c[I.hedge]++
      if (flags & FLAG.subjective) c[I.subjective]++
      const polarity = info.polarity
      if (polarity !== null) {
        c[I['afinn.count']]++
        c[I['afinn.abs']] += Math.abs(polarity)
        if (polarity > 0) c[I['afinn.pos']] = 1
        else c[I['afinn.neg']] = 1
      }
      if (flags & FLAG.firstPerson) c[I['person.first']]++
      if (flags & FLAG.secondPerson) c[I['person.second']]++
      if (flags & FLAG.attribution) c[I.attribution] = 1
      if (flags & FLAG.causal) c[I.causal] = 1
      if (flags & FLAG.time) c[I.time] = 1
      if (flags & FLAG.pleasantry) c[I.pleasantry] = 1
    }
    const n = Math.max(words, 1)
    c[I['len.log']] = Math.min(1, Math.log1p(words) / Math.log(61))
    c[lengthBin(words)] = 1
    c[I['num.any']] = numbers > 0 ? 1 : 0
    c[I['num.count']] = Math.min(numbers, 3) / 3
    c[I['num.quantityWord']] = Math.min(c[I['num.quantityWord']], 2) / 2
    const e = 5 * k
    c[I['ent.person']] = Math.min(entities[e]!, 2) / 2
    c[I['ent.organization']] = Math.min(entities[e + 1]!, 2) / 2
    c[I['ent.place']] = Math.min(entities[e + 2]!, 2) / 2
    c[I['ent.date']] = Math.min(entities[e + 3]!, 2) / 2
    c[I['ent.other']] = Math.min(entities[e + 4]!, 2) / 2
    c[I['ent.any']] = entities[e]! + entities[e + 1]! + entities[e + 2]! + entities[e + 3]! + entities[e + 4]! > 0 ? 1 : 0
    c[I['pos.propn']] = Math.min(propn, 3) / 3
    c[I['cmp.word']] = Math.min(c[I['cmp.word']], 2) / 2
    c[I.modal] = Math.min(c[I.modal], 2) / 2
    c[I.hedge] = Math.min(c[I.hedge], 2) / 2
    c[I.subjective] = Math.min(c[I.subjective], 3) / 3
    c[I['afinn.count']] = Math.min(c[I['afinn.count']], 3) / 3
    c[I['afinn.abs']] = Math.min(c[I['afinn.abs']], 9) / 9
    c[I['person.first']] = Math.min(c[I['person.first']], 3) / 3
    c[I['person.second']] = Math.min(c[I['person.second']], 3) / 3
    const text = doc.text.slice(unit.start, unit.end)
    const trimmed = text.trimEnd()
    if (trimmed.endsWith('?') || (lastToken?.lower === '?')) c[I.question] = 1
    else if (firstFlags & FLAG.questionStart && !/[.!]$/.test(trimmed)) c[I.question] = 0.5
    if (QUOTE_CHARS.test(text)) c[I.quoteMark] = 1
    if (verb === 0) c[I.noVerb] = 1
    if (firstFlags & FLAG.conjunction) c[I.startsWithConjunction] = 1
    c[I['ratio.propn']] = propn / n
    c[I['ratio.noun']] = noun / n
    c[I['ratio.verb']] = verb / n
    c[I['ratio.adj']] = adj / n
    c[I['ratio.adv']] = adv / n
    c[I['ratio.pron']] = pron / n
    const rel = units.length > 1 ? k / (units.length - 1) : 0
    c[k === 0 ? I['pos.first'] : I['pos.rel.0'] + Math.min(4, Math.floor(rel * 5))] = 1
    const size = paragraphSize[unit.paragraph] ?? 1
    const prev = units[k - 1]
    const next = units[k + 1]
    if (unit.paragraph === firstParagraph) c[I['par.first']] = 1
    if (!prev || prev.paragraph !== unit.paragraph) c[I['par.firstUnit']] = 1
    if (!next || next.paragraph !== unit.paragraph) c[I['par.lastUnit']] = 1
    if (size === 1) c[I['par.single']] = 1
    out.push(c)
  }
  return out
}

/** True for a subjective-lexicon or AFINN word ("disheartening", "great"): an evaluation when used as a predicate. */
export function isEvaluativeWord(lower: string): boolean {
  const info = WORDS.get(lower)
  return info !== undefined && ((info.flags & FLAG.subjective) !== 0 || info.polarity !== null)
}

/** Reads one cue by name from a unit's cue vector. */
export function cue(values: Float32Array, name: CueName): number {
  return values[I[name]]
}
