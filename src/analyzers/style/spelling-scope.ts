// What the misspelling check leaves alone: words it cannot fairly charge to the outlet (quoted speech, embedded tweets,
// names, accented and foreign words, censored or broken-up tokens) and words a general dictionary lacks but that are
// not misspellings (specialist vocabulary, compounds of known words, stretched or clipped informal spellings).
import type { Span } from '../../document/types.js'
import { isKnownWord, suggestionsFor } from './spelling.js'
import { isBritishSpelling } from './british-spelling.js'
import vocabulary from './vocabulary.json' with { type: 'json' }

const SPECIALIST: ReadonlySet<string> = new Set(Object.values(vocabulary.sections).flat())

/** Words from `vocabulary.json`: medicine, science, law, current news usage, common chat abbreviations. */
export function isSpecialistWord(word: string): boolean {
  return SPECIALIST.has(word.toLowerCase())
}

// Function words that, glued to another word, mark a missing space ("hisloyal", "eventhough", "hasbeen"): a typo.
const GLUE = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'if', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'to',
  'with', 'his', 'her', 'hers', 'its', 'their', 'our', 'your', 'my', 'he', 'she', 'it', 'we', 'they', 'you', 'is',
  'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'not', 'no', 'so', 'than',
  'that', 'this', 'these', 'those', 'then', 'there', 'though', 'even', 'also', 'very', 'much', 'more', 'most', 'can',
  'will', 'would', 'could', 'should', 'may', 'might', 'must', 'become', 'between', 'what', 'which', 'who', 'when',
  'where', 'why', 'how', 'all', 'any', 'some', 'each', 'every', 'lot', 'just', 'only', 'about', 'after', 'before',
])
const MAX_COMPOUND = 12

/**
 * A closed compound of two dictionary words ("lockdown", "fanbase", "hitmaker", "courtside"), each of 3+ letters and
 * neither a function word: newer compounds reach the news years before the dictionary. Two words run together by a
 * missing space ("hisloyal", "expressedextreme") are still flagged (a function word, or too long), and so is a word
 * one edit away from a dictionary word ("writting" = writ + ting, but writing; "publically", "supercede"): a typo.
 */
export function isCompoundOfKnownWords(word: string): boolean {
  const lower = word.toLowerCase()
  if (lower.length > MAX_COMPOUND || !/^[a-z]+$/.test(lower) || nearKnownWord(lower)) return false
  for (let cut = 3; cut <= lower.length - 3; cut++) {
    const head = lower.slice(0, cut)
    const tail = lower.slice(cut)
    if (GLUE.has(head) || GLUE.has(tail)) continue
    if (known(head) && known(tail)) return true
  }
  return false
}

// WHO International Nonproprietary Name stems: generic drug names are built from them (doxycycline, alteplase,
// remdesivir, lisinopril, losartan, metoprolol, atorvastatin, adalimumab, imatinib, omeprazole, ciprofloxacin…).
const DRUG_STEM = /(?:cycline|teplase|vir|pril|sartan|olol|vastatin|mab|tinib|prazole|floxacin|mycin|cillin|conazole|azepam|zolam|oxetine|triptan|dronate|lukast|gliptin|glitazone|profen|setron|parin|dipine|semide|thiazide|caine|barbital|afil|lutamide|platin|rubicin|tide|glutide|gliflozin)$/
// Combining forms of science and medicine ("hydro" + "geologist", "neuro" + "imaging") and common word-forming
// prefixes ("counter" + "terrorism", "re" + "institute"): the rest must be a dictionary word of 4+ letters.
const PREFIXES = [
  'hydro', 'geo', 'bio', 'micro', 'nano', 'neuro', 'electro', 'thermo', 'photo', 'radio', 'astro', 'cyto', 'immuno',
  'cardio', 'gastro', 'paleo', 'palaeo', 'exo', 'endo', 'eco', 'agro', 'petro', 'cryo', 'spectro', 'tele', 'hyper',
  'hypo', 'poly', 'mono', 'proto', 'pseudo', 'anti', 'counter', 'cyber', 'multi', 'non', 'over', 'post', 'pre', 'pro',
  're', 'semi', 'sub', 'super', 'trans', 'ultra', 'un', 'under', 'inter', 'intra', 'mega', 'mis', 'co', 'de',
]

/** A generic drug name (INN stem) or a known word with a scientific combining form or common prefix in front. */
export function isDerivedTerm(word: string): boolean {
  const lower = word.toLowerCase()
  if (lower.length >= 7 && DRUG_STEM.test(lower)) return true
  for (const prefix of PREFIXES) {
    if (!lower.startsWith(prefix) || nearKnownWord(lower)) continue
    const rest = lower.slice(prefix.length).replace(/^-/, '')
    // Short prefixes need a longer rest: "untill" (un + till) and "deside" (de + side) are typos.
    if (rest.length >= (prefix.length <= 3 ? 5 : 4) && (known(rest) || SPECIALIST.has(rest))) return true
  }
  return false
}

/**
 * "pre-game", "co-host", "anti-vax": a hyphenated word whose parts are known words or word-forming prefixes; and a
 * proper noun written in lower case ("tuesday", "obama"): a capitalization slip, not a misspelling.
 */
export function isKnownForm(word: string): boolean {
  const lower = word.toLowerCase()
  if (lower.includes('-')) {
    const parts = lower.split('-').filter(Boolean)
    return parts.length > 1 && parts.every((part) => known(part) || SPECIALIST.has(part) || PREFIXES.includes(part) || isDerivedTerm(part))
  }
  return isKnownWord(lower[0]!.toUpperCase() + lower.slice(1))
}

/** One edit (insert, delete, replace, swap) from a dictionary word: the mark of a typo. */
export const nearKnownWord = (w: string) => suggestionsFor(w, 1).length > 0

const known = (w: string) => isKnownWord(w) || isBritishSpelling(w)

/** "soooo", "errrrr", "goshhh": a letter stretched for emphasis (3+ times) over a known word. */
export function isStretchedWord(word: string): boolean {
  const lower = word.toLowerCase()
  if (!/(\p{L})\1\1/u.test(lower)) return false
  return known(lower.replace(/(\p{L})\1{2,}/gu, '$1')) || known(lower.replace(/(\p{L})\1{2,}/gu, '$1$1'))
}

/** "gettin", "nothin", "sittin": the dropped g of speech, written on purpose. */
export function isDroppedG(word: string): boolean {
  const lower = word.toLowerCase()
  return lower.length > 4 && lower.endsWith('in') && known(`${lower}g`)
}

/** Letters outside ASCII (café, fiancée, pastéis, née): accented words are loanwords or names, not typos. */
export function hasAccent(word: string): boolean {
  return /[^\u0000-\u007f’]/.test(word)
}

/**
 * A token cut out of something larger than a word: a censored swear word ("f***ing" → "ing"), a handle, hashtag,
 * address or file name ("www.", "@user", "a_b"), or a word glued to digits. Looks at the characters just around it.
 */
export function isFragment(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' '
  const after = text[end] ?? ' '
  if (joinsWord(before) || joinsWord(after)) return true
  // "www.example", "example.com": a dot with a letter right after it.
  if ((after === '.' && /\p{L}/u.test(text[end + 1] ?? '')) || (before === '.' && /\p{L}/u.test(text[start - 2] ?? ''))) return true
  return false
}

const JOINS_WORD = /[\p{L}\p{N}*@#_/\\=&%+~^|<>]/u
// The same test for ASCII characters as a table (nearly every neighbour of a word is ASCII: a space or punctuation).
const ASCII_JOINS_WORD = Array.from({ length: 128 }, (_, code) => JOINS_WORD.test(String.fromCharCode(code)))

/** A character that, beside a token, makes it part of something larger (a letter, digit or one of * @ # _ / …). */
function joinsWord(ch: string): boolean {
  const code = ch.charCodeAt(0)
  return code < 128 ? ASCII_JOINS_WORD[code]! : JOINS_WORD.test(ch)
}

const TWEET_SIGNATURE = /(?:\(@\w{1,15}\)|pic\.twitter\.com\/|twitter\.com\/\w+\/status\/|\bt\.co\/)/i

/**
 * Embedded tweets and social posts, as extracted from news pages: a paragraph that carries a tweet's signature
 * ("— Name (@handle) November 15, 2019", "pic.twitter.com/…", a status link). Their words are the poster's, not
 * the outlet's.
 */
export function embeddedPostRanges(text: string): Span[] {
  const ranges: Span[] = []
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    if (TWEET_SIGNATURE.test(text.slice(start, end))) ranges.push({ start, end })
    start = end + 1
  }
  return ranges
}

/**
 * Beside accented loanwords ("pastéis de nata", "a galão"), an unknown word is taken as a loanword too ("bica",
 * "bifana") unless it looks like a typo of an English word: 6+ letters and one edit from a dictionary word.
 */
export function isLoanwordBesideAccents(word: string): boolean {
  return !(word.length >= 6 && nearKnownWord(word.toLowerCase()))
}

/** Share of a sentence's checkable words the dictionary rejects above which it is taken as another language. */
export const FOREIGN_SHARE = 0.3
/** …and the least number of rejected words for that (a short sentence with one typo is still English). */
export const FOREIGN_MIN = 3
