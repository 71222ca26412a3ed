// Proper-name candidates (person / organization / place / other) found by rules over wink's tokens.

import type { Sentence, Token } from '../document/types.js'
import {
  DEMONYMS, FIRST_NAMES, FIRST_WORDS_OF_NAMES, MAX_TITLE_WORDS, MONTHS, OF_HEADS, ORG_CUES, ORGANIZATIONS, PLACE_CUES, PLACES, ROLES, TITLES,
  WEEKDAYS,
} from './gazetteer.js'
import {
  AFFILIATIONS, CLOSED_CLASS_POS, CONTRACTION, JOINERS, NEVER_NAMES, OPEN_CLASS_POS, PARTICLES, PLACE_PREPOSITIONS, RANK_WORDS, SPEECH_VERBS, TITLE_STARTS,
} from './name-words.js'
import { typeOfName, type NameEvidence, type NameType } from './name-type.js'
import { markCase } from './case-marks.js'
import { ALL_CAPS } from './tokens.js'
import { isCommonWord } from './common-words.js'

export type { NameType } from './name-type.js'

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
  /** Typed person by the speech verb after it alone ("Brightline said"): an organization's short name may still own it. */
  bySpeechOnly: boolean
  sentence: number
}

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
  private readonly seenInside: Set<string>
  private readonly seenCount: Map<string, number>
  /** First words of names found by startsRun, known from then on ("Brightline Energy said… Brightline added…"). */
  private readonly runStarts = new Set<string>()
  private readonly out: NameCandidate[] = []
  /** Words written in lower case somewhere in the article (built when first asked for). */
  private lowerWords: Set<string> | undefined

  constructor(input: NameScanInput) {
    this.text = input.text
    this.tokens = input.tokens
    this.sentences = input.sentences
    this.claimed = input.claimed
    this.flags = input.flags
    const marks = markCase(input.tokens, input.flags, input.sentences)
    this.cap = marks.cap
    this.initial = marks.initial
    this.titleCase = marks.headline
    this.seenInside = marks.seenInside
    this.seenCount = marks.seenCount
  }

  run(): NameCandidate[] {
    for (const sentence of this.sentences) this.scanSentence(sentence)
    return this.out
  }

  // A capitalized word at a sentence start (or in a headline) is a name only with outside evidence.
  private known(i: number): boolean {
    const w = this.tokens[i].lower
    return this.seenInside.has(w) || this.runStarts.has(w) || FIRST_NAMES.has(w) || TITLES.has(w) || PLACES.has(w) || ORGANIZATIONS.has(w) || DEMONYMS.has(w)
  }

  // A capitalized word at a sentence start that no gazetteer or mid-sentence capital vouches for, followed directly by
  // a capitalized word: a name's first word when it is no ordinary word (not in the dictionary, never written in lower
  // case in this article: "Nadia Rahman", "Brightline Energy"), or an ordinary noun-like word whose run ends as an
  // organization ("Greenfield Capital Partners"). Function words, "Top", "Former" and plain words before a name
  // ("After Smith left", "Critics of Smith", "Senior Pentagon officials") are not.
  private startsRun(i: number, end: number): boolean {
    const { tokens } = this
    if (!this.cap[i] || this.claimed[i] || i + 1 >= end) return false
    const w = tokens[i].lower
    if (NEVER_NAMES.has(w) || w.length < 2 || (this.flags[i] & ALL_CAPS) !== 0 || CONTRACTION.test(w)) return false
    if (!this.nameToken(i + 1, false) || this.initial[i + 1]) return false
    if (CLOSED_CLASS_POS.has(tokens[i].pos)) return false
    if (!isCommonWord(w) && !this.writtenLower(w)) return true
    if (!OPEN_CLASS_POS.has(tokens[i].pos) || RANK_WORDS.has(w)) return false
    const j = this.extend(i, end, false)
    for (let k = i + 1; k < j; k++) if (this.titleAt(k, j) > 0) return false
    return ORG_CUES.has(tokens[j - 1].lower) || PLACE_CUES.has(tokens[j - 1].lower)
  }

  // Asked only about words the dictionary does not know (about one article in four asks at all), so the words are
  // indexed on the first question: a scan per question grew with the square of the article's length.
  private writtenLower(w: string): boolean {
    if (this.lowerWords === undefined) {
      const { tokens } = this
      this.lowerWords = new Set()
      for (let k = 0; k < tokens.length; k++) if (!this.cap[k] && tokens[k].kind === 'word') this.lowerWords.add(tokens[k].lower)
    }
    return this.lowerWords.has(w)
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
        // "in The Lancet": a capitalized "The" inside a sentence is part of a title (a publication, a band, a firm).
        if (this.cap[i] && !strict && this.tokens[i].lower === 'the' && i + 1 < end && this.nameToken(i + 1, false)) {
          const j = this.extend(i + 1, end, headline)
          this.splitAndType(i + 1, j, sentence.index, true)
          i = j
          continue
        }
        // "Nadia Rahman has run…", "Brightline Energy said…": an unknown sentence-initial word that starts a run of
        // capitalized words.
        if (strict && !headline && this.startsRun(i, end)) {
          this.runStarts.add(this.tokens[i].lower)
          const j = this.extend(i, end, false)
          this.splitAndType(i, j, sentence.index)
          i = j
          continue
        }
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
      // "Securities and Exchange Commission", "King's College London", "National Women's Soccer League": an "and" or
      // a possessive inside a name when what follows is an organization (but not "the FBI and Northwind Inc.").
      if ((t.lower === 'and' || (t.lower === "'s" && t.start === tokens[j - 1].end)) && this.nameToken(next, headline)) {
        let k = next
        while (k < end && this.nameToken(k, headline)) k++
        if (this.hasOrgCue(next, k) && (t.lower === "'s" || this.joinsWithAnd(i, j))) {
          j = k
          continue
        }
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
  private splitAndType(a: number, b: number, sentence: number, afterThe = false): void {
    const { tokens } = this
    const whole = this.key(a, b)
    if (PLACES.has(whole) || ORGANIZATIONS.has(whole) || DEMONYMS.has(whole)) {
      this.emit(a, b, sentence, false, afterThe)
      return
    }
    let segStart = a
    let hint = a > 0 && TITLES.has(tokens[a - 1].lower)
    // "Democrat Ruben Gallego", "Brazilian Fernando Haddad": a party or nationality word before a person's name.
    if (b - a >= 3 && AFFILIATIONS.has(tokens[a].lower) && !this.hasOrgCue(a + 1, b) && this.titleAt(a + 1, b) === 0) {
      this.emit(a, a + 1, sentence, false)
      segStart = a + 1
      hint = true
    }
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
    if (segStart < b) this.emit(segStart, b, sentence, hint, afterThe && segStart === a)
  }

  // The word before "and" must be one plain word that names nothing by itself: "Securities", "Food", not "FBI" or
  // "Trump" (seen capitalized elsewhere in the article).
  private joinsWithAnd(i: number, j: number): boolean {
    if (j - i !== 1) return false
    const w = this.tokens[i].lower
    if (FIRST_NAMES.has(w) || PLACES.has(w) || ORGANIZATIONS.has(w) || DEMONYMS.has(w) || ORG_CUES.has(w)) return false
    if (this.flags[i] & ALL_CAPS) return false
    // Counted over every capitalized occurrence, sentence starts included ("Trump spoke.").
    return (this.seenCount.get(w) ?? 0) <= 1
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

  private emit(a: number, b: number, sentence: number, titleBefore: boolean, afterThe = false): void {
    const { tokens } = this
    if (b - a > 1 && tokens[a].lower === 'the') a++
    while (b > a && !this.cap[b - 1]) b--
    if (b <= a) return
    const single = b - a === 1
    const w = tokens[a].lower
    // A lone cue word ("a Campaign Director", "the Party") is not an organization's name, unless a capitalized "The"
    // inside the sentence makes it a title ("told The Guardian").
    if (single && ORG_CUES.has(w) && !ORGANIZATIONS.has(w) && !afterThe) return
    if (single && (TITLES.has(w) || ROLES.has(w) || NEVER_NAMES.has(w) || WEEKDAYS.has(w) || (MONTHS.has(w) && w !== 'may'))) return
    const key = this.key(a, b)
    const speechAfter = b < tokens.length && tokens[b].sentence === sentence && SPEECH_VERBS.has(tokens[b].lemma) && b - a <= 3
    const evidence: NameEvidence = {
      key,
      first: w,
      last: tokens[b - 1].lower,
      words: b - a,
      surface: this.text.slice(tokens[a].start, tokens[b - 1].end),
      inHeadline: this.titleCase[sentence] === 1,
      hasOrgCue: this.hasOrgCue(a, b),
      titleBefore,
      speechAfter,
      afterThe,
      placePrepositionBefore: a > 0 && PLACE_PREPOSITIONS.has(tokens[a - 1].lower) && tokens[b]?.lower !== "'s",
      placePrefix: () => this.placePrefix(a, b),
    }
    const type = typeOfName(evidence)
    if (type === undefined) return
    const bySpeechOnly = type === 'person' && speechAfter && !titleBefore && typeOfName({ ...evidence, speechAfter: false }) === null
    // A lone first name at a sentence start ("Mark my words") is not a name.
    if (single && type === null && (this.initial[a] || this.titleCase[sentence]) && !this.seenInside.has(w)) {
      return
    }
    this.out.push({
      tokenStart: a,
      tokenEnd: b,
      start: tokens[a].start,
      end: tokens[b - 1].end,
      key,
      type,
      personHint: titleBefore || speechAfter,
      bySpeechOnly,
      sentence,
    })
  }

  // "Seattle Reign", "North Carolina Courage", "Texas Instruments": a known place followed by more name words.
  private placePrefix(a: number, b: number): boolean {
    for (let k = a + 1; k < b && k <= a + 3; k++) if (PLACES.has(this.key(a, k))) return true
    return false
  }
}
