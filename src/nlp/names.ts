// Proper-name candidates (person / organization / place / other) found by rules over wink's tokens.

import type { Sentence, Token } from '../document/types.js'
import {
  DEMONYMS, FIRST_NAMES, FIRST_WORDS_OF_NAMES, MAX_TITLE_WORDS, MONTHS, OF_HEADS, ORG_CUES, ORGANIZATIONS, PLACE_CUES, PLACES,
  ROLES,
  TITLES, WEEKDAYS,
} from './gazetteer.js'
import { ALL_CAPS, CAPITALIZED } from './tokens.js'

export type NameType = 'person' | 'organization' | 'place' | 'other'

/** One name as written, before mentions are grouped into entities. `type` null means no evidence either way. */
export interface NameCandidate {
  tokenStart: number
  tokenEnd: number
  start: number
  end: number
  /** Lower-cased text (apostrophes folded), used as grouping key. */
  key: string
  type: NameType | null
  /** A title before it ("President Trump") or a speech verb after it ("Smith said"). */
  personHint: boolean
  sentence: number
}

const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'del', 'della', 'di', 'du', 'bin', 'al', 'el', 'ibn', 'la', 'le'])
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', ':', '—', '–', '-', '…', ';'])
const NEVER_NAMES = new Set(['i', 'oh', 'ok', 'okay', 'yes', 'no', 'mr', 'mrs', 'ms', 'dr'])
// Upper-case words that are not organizations (units, abbreviations, shouting).
const NOT_ACRONYMS = new Set([
  'ok', 'tv', 'am', 'pm', 'id', 'ceo', 'cfo', 'coo', 'phd', 'it', 'et', 'pt', 'est', 'gmt', 'utc', 'diy', 'faq', 'lol', 'omg',
  'wtf', 'btw', 'fyi', 'asap', 'rip', 'aka', 'vs', 'ps', 'nb', 'ai', 'pr', 'hr', 'gdp', 'cpi', 'dna', 'rna', 'hiv', 'usb',
  'pdf', 'url', 'gps', 'suv', 'atm', 'a.g.', 'a.m.', 'p.m.', 'i.e.', 'e.g.', 'mph', 'kg', 'km', 'ad', 'bc', 'tbd', 'vip',
])
const SPEECH_VERBS = new Set([
  'say', 'tell', 'tweet', 'write', 'add', 'claim', 'argue', 'insist', 'note', 'ask', 'state', 'announce', 'explain',
  'deny', 'admit', 'warn', 'reply', 'respond', 'testify', 'acknowledge', 'allege', 'suggest', 'declare', 'post',
])
const JOINERS = new Set(['of', 'for', 'the', '&', '-'])
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'but'])
const TITLE_STARTS = new Set([...TITLES, ...ROLES].map((t) => t.split(' ')[0]))
const TERMINAL = new Set(['.', '!', '?', '…', '”', '"', ')'])
const ACRONYM = /^(?:[A-Z]{2,5}|(?:[A-Z]\.){2,4})$/

/** What the recognizers need to look at: the text, its tokens and sentences, and tokens already claimed. */
export interface NameScanInput {
  text: string
  tokens: Token[]
  /** Case flags per token (CAPITALIZED, ALL_CAPS from tokens.ts). */
  flags: Uint8Array
  sentences: Sentence[]
  /** 1 for tokens already part of a date or a "Source:" name. */
  claimed: Uint8Array
}

/** Find name candidates in every sentence, in text order. */
export function findNames(input: NameScanInput): NameCandidate[] {
  const scan = new NameScan(input)
  return scan.run()
}

class NameScan {
  private readonly text: string
  private readonly tokens: Token[]
  private readonly sentences: Sentence[]
  private readonly claimed: Uint8Array
  private readonly flags: Uint8Array
  private readonly cap: Uint8Array
  private readonly initial: Uint8Array
  private readonly titleCase: Uint8Array
  private readonly seenInside = new Set<string>()
  private readonly out: NameCandidate[] = []

  constructor(input: NameScanInput) {
    this.text = input.text
    this.tokens = input.tokens
    this.sentences = input.sentences
    this.claimed = input.claimed
    this.flags = input.flags
    this.cap = new Uint8Array(this.tokens.length)
    this.initial = new Uint8Array(this.tokens.length)
    this.titleCase = new Uint8Array(this.sentences.length)
  }

  run(): NameCandidate[] {
    this.markCase()
    for (const sentence of this.sentences) this.scanSentence(sentence)
    return this.out
  }

  // Capitalization, sentence-initial positions, title-case sentences, and words seen capitalized mid-sentence.
  private markCase(): void {
    const { text, tokens, cap, initial } = this
    for (const sentence of this.sentences) {
      let atStart = true
      let words = 0
      let capWords = 0
      let allCaps = 0
      for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
        const t = tokens[i]
        if (t.kind !== 'word') {
          if (OPENERS.has(t.lower)) atStart = true
          continue
        }
        if (this.flags[i] & CAPITALIZED) cap[i] = 1
        if (atStart) initial[i] = 1
        atStart = false
        if (!FUNCTION_WORDS.has(t.lower)) {
          words++
          if (cap[i]) capWords++
          if (this.flags[i] & ALL_CAPS) allCaps++
        }
      }
      // Headlines ("Trump Slams Sessions Over Russia Probe") have no final stop; name-dense prose does.
      const last = tokens[sentence.tokenEnd - 1].lower
      const headline =
        words >= 3 && ((capWords >= words * 0.75 && !TERMINAL.has(last)) || allCaps === words)
      if (headline) this.titleCase[sentence.index] = 1
      else {
        for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
          if (cap[i] && !initial[i]) this.seenInside.add(tokens[i].lower)
        }
      }
    }
  }

  // A capitalized word at a sentence start (or in a headline) is a name only with outside evidence.
  private known(i: number): boolean {
    const w = this.tokens[i].lower
    return this.seenInside.has(w) || FIRST_NAMES.has(w) || TITLES.has(w) || PLACES.has(w) || ORGANIZATIONS.has(w) || DEMONYMS.has(w)
  }

  // Length in tokens of a multi-word gazetteer name starting at token i ("New York", "White House"), or 0.
  private gazetteerPhraseAt(i: number, end: number): number {
    if (!FIRST_WORDS_OF_NAMES.has(this.tokens[i].lower)) return 0
    for (let len = Math.min(5, end - i); len >= 2; len--) {
      const key = this.key(i, i + len)
      if (PLACES.has(key) || ORGANIZATIONS.has(key)) return len
    }
    return 0
  }

  private nameToken(i: number, strict: boolean): boolean {
    if (!this.cap[i] || this.claimed[i]) return false
    const w = this.tokens[i].lower
    if (NEVER_NAMES.has(w)) return false
    return !strict || this.known(i)
  }

  private scanSentence(sentence: Sentence): void {
    const headline = this.titleCase[sentence.index] === 1
    const end = sentence.tokenEnd
    let i = sentence.tokenStart
    while (i < end) {
      const strict = headline || this.initial[i] === 1
      const phrase = strict && !this.claimed[i] && this.cap[i] ? this.gazetteerPhraseAt(i, end) : 0
      if (phrase > 0) {
        // "New York Times": a known name can still grow ("Times" makes it an organization).
        const j = Math.max(i + phrase, this.extend(i + phrase - 1, end, headline))
        this.splitAndType(i, j, sentence.index)
        i = j
        continue
      }
      if (!this.nameToken(i, strict)) {
        i++
        continue
      }
      const j = this.extend(i, end, headline)
      this.splitAndType(i, j, sentence.index)
      i = j
    }
  }

  // Grow a name over capitalized words, hyphens ("Jean-Luc"), particles ("van Gogh") and "of"/"for" after an
  // organization head ("Department of Justice", "Centers for Disease Control").
  private extend(i: number, end: number, headline: boolean): number {
    const { tokens } = this
    let j = i + 1
    while (j < end) {
      if (this.nameToken(j, headline)) {
        j++
        continue
      }
      const t = tokens[j]
      const next = j + 1 < end ? j + 1 : -1
      if (next < 0) break
      if (t.lower === '-' && t.start === tokens[j - 1].end && tokens[next].start === t.end && this.nameToken(next, headline)) {
        j += 2
        continue
      }
      if (t.lower === '&' && this.nameToken(next, headline)) {
        j += 2
        continue
      }
      // "Ursula von der Leyen": one or more lower-case particles between capitalized words.
      if (PARTICLES.has(t.lower) && !this.cap[j]) {
        let k = j
        while (k < end && PARTICLES.has(tokens[k].lower) && !this.cap[k]) k++
        if (k < end && this.nameToken(k, headline)) {
          j = k + 1
          continue
        }
      }
      if ((t.lower === 'of' || t.lower === 'for') && (OF_HEADS.has(tokens[j - 1].lower) || TITLES.has(tokens[j - 1].lower))) {
        const k = tokens[next].lower === 'the' && next + 1 < end ? next + 1 : next
        if (this.nameToken(k, headline)) {
          j = k + 1
          continue
        }
      }
      break
    }
    return j
  }

  // Titles and roles inside a name split it: "Russian President Vladimir Putin" → "Russian" + "Vladimir Putin" (person).
  private splitAndType(a: number, b: number, sentence: number): void {
    const { tokens } = this
    const whole = this.key(a, b)
    if (PLACES.has(whole) || ORGANIZATIONS.has(whole) || DEMONYMS.has(whole)) {
      this.emit(a, b, sentence, false)
      return
    }
    let segStart = a
    let hint = a > 0 && TITLES.has(tokens[a - 1].lower)
    let k = a
    while (k < b) {
      const len = this.titleAt(k, b)
      if (len === 0) {
        k++
        continue
      }
      // "Justice Department", "General Motors", "Department of Justice": the title word is part of a name.
      if (this.hasOrgCue(k + len, b) || (k > a && JOINERS.has(tokens[k - 1].lower))) {
        k += len
        continue
      }
      const beforeHasCue = this.hasOrgCue(segStart, k)
      // A trailing title with no organization before it belongs to the name ("Martin Luther King"), unless it is a
      // job ("Communication Director").
      if (k + len === b && k > segStart && !beforeHasCue && !(len === 1 && ROLES.has(tokens[k].lower))) break
      if (k > segStart) this.emit(segStart, beforeHasCue ? this.afterLastCue(segStart, k) : k, sentence, hint)
      segStart = k + len
      hint = true
      k = segStart
    }
    if (segStart < b) this.emit(segStart, b, sentence, hint)
  }

  private titleAt(k: number, b: number): number {
    const { tokens } = this
    if (!TITLE_STARTS.has(tokens[k].lower)) return 0
    let phrase = ''
    let best = 0
    for (let len = 1; len <= MAX_TITLE_WORDS && k + len <= b; len++) {
      phrase = len === 1 ? tokens[k].lower : `${phrase} ${tokens[k + len - 1].lower}`
      if (TITLES.has(phrase) || (len === 1 && ROLES.has(phrase))) best = len
    }
    return best
  }

  private hasOrgCue(a: number, b: number): boolean {
    for (let i = a; i < b; i++) if (ORG_CUES.has(this.tokens[i].lower)) return true
    return false
  }

  private afterLastCue(a: number, b: number): number {
    for (let i = b - 1; i >= a; i--) if (ORG_CUES.has(this.tokens[i].lower)) return i + 1
    return b
  }

  private key(a: number, b: number): string {
    let s = this.text.slice(this.tokens[a].start, this.tokens[b - 1].end).toLowerCase()
    if (s.startsWith('the ')) s = s.slice(4)
    return s.includes('\u2019') ? s.replace(/\u2019/g, "'") : s
  }

  private emit(a: number, b: number, sentence: number, titleBefore: boolean): void {
    const { tokens } = this
    if (b - a > 1 && tokens[a].lower === 'the') a++
    while (b > a && !this.cap[b - 1]) b--
    if (b <= a) return
    const single = b - a === 1
    const w = tokens[a].lower
    // A lone cue word ("a Campaign Director", "the Party") is not an organization's name.
    if (single && ORG_CUES.has(w) && !ORGANIZATIONS.has(w)) return
    if (single && (TITLES.has(w) || ROLES.has(w) || NEVER_NAMES.has(w) || WEEKDAYS.has(w) || (MONTHS.has(w) && w !== 'may'))) return
    const key = this.key(a, b)
    const surface = this.text.slice(tokens[a].start, tokens[b - 1].end)
    let type: NameType | null = null
    const speechAfter = b < tokens.length && tokens[b].sentence === sentence && SPEECH_VERBS.has(tokens[b].lemma) && b - a <= 3
    if (PLACES.has(key)) type = 'place'
    else if (ORGANIZATIONS.has(key)) type = 'organization'
    else if (DEMONYMS.has(key)) type = 'other'
    else if (single && ACRONYM.test(surface)) {
      if (NOT_ACRONYMS.has(key) || this.titleCase[sentence] === 1) return
      type = 'organization'
    } else if (this.hasOrgCue(a, b) && !(titleBefore && b - a <= 3 && FIRST_NAMES.has(w))) type = 'organization'
    else if (!single && !titleBefore && PLACE_CUES.has(tokens[b - 1].lower)) type = 'place'
    else if (titleBefore) type = 'person'
    else if (!single && FIRST_NAMES.has(w)) type = 'person'
    else if (speechAfter) type = 'person'
    else if (!single && b - a <= 4) type = 'person'
    // A lone first name at a sentence start ("Mark my words") is not a name.
    if (single && type === null && (this.initial[a] || this.titleCase[sentence]) && !this.seenInside.has(w)) return
    this.out.push({
      tokenStart: a,
      tokenEnd: b,
      start: tokens[a].start,
      end: tokens[b - 1].end,
      key,
      type,
      personHint: titleBefore || speechAfter,
      sentence,
    })
  }
}
