// Which language a text is written in: trigram profiles (franc-min, 82 languages), with a bias towards English because
// every model here was trained on English and a misread English article loses its whole analysis.
import { trigramScores } from './trigram-scores.js'

/** ISO 639-1 codes for the ISO 639-3 codes franc returns (the languages news most often comes in). */
const ISO_639_1: Record<string, string> = {
  eng: 'en', deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', ind: 'id', zlm: 'ms', pol: 'pl',
  ron: 'ro', tur: 'tr', rus: 'ru', ukr: 'uk', swe: 'sv', ces: 'cs', hun: 'hu', ell: 'el', arb: 'ar', cmn: 'zh',
  jpn: 'ja', kor: 'ko', hin: 'hi', ben: 'bn', vie: 'vi', tgl: 'tl', swh: 'sw', hau: 'ha', yor: 'yo', pes: 'fa',
  urd: 'ur', tha: 'th', azj: 'az', uzn: 'uz', hrv: 'hr', srp: 'sr', bos: 'bs', slk: 'sk', bul: 'bg', nob: 'no',
  dan: 'da', fin: 'fi', cat: 'ca', kin: 'rw', som: 'so', amh: 'am', mar: 'mr', tel: 'te', tam: 'ta', guj: 'gu',
  kan: 'kn', mal: 'ml', pan: 'pa', zul: 'zu', xho: 'xh', ibo: 'ig', ceb: 'ceb', jav: 'jv', sun: 'su', mya: 'my',
}

export interface LanguageGuess {
  /** ISO 639-1 code where there is one ('en', 'de'), else ISO 639-3; 'und' when the text is too short to tell. */
  language: string
  /** True when the guess rests on enough text (MIN_LETTERS) to act on. */
  reliable: boolean
}

/** Below this many letters trigram statistics are noise: the guess is 'und' and unreliable. */
export const MIN_LETTERS = 60
/**
 * English wins unless another language scores clearly above it: franc's scores are relative (best = 1). On 2,855
 * English news texts English was best on all but 2 FNC-1 bodies and scored ≥ 0.95 on all but one. Foreign text scores
 * English high too (franc's scores are compressed: 0.92 for a 150-word German article, 0.91 for a Portuguese one), so
 * the margin is 0.97, not 0.9: on trafilatura's real pages in other languages 0.7% read as English at 0.97 against
 * 1.3% at 0.9, with English news at 100% either way (training/language/measure.ts prints these figures).
 */
export const ENGLISH_MARGIN = 0.97
/** Only the first characters are read: language does not change mid-article, and cost stays flat for huge inputs. */
const SAMPLE_CHARS = 4000

/** Guesses the language of `text` (only its first 4,000 characters are read). */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text
  if (!hasLetters(sample, MIN_LETTERS)) return { language: 'und', reliable: false }
  const scores = trigramScores(sample, 10)
  const [best] = scores
  if (!best || best[0] === 'und') return { language: 'und', reliable: false }
  const english = scores.find(([code]) => code === 'eng')?.[1] ?? 0
  const code = english >= ENGLISH_MARGIN ? 'eng' : best[0]
  return { language: ISO_639_1[code] ?? code, reliable: true }
}

const LETTER = /\p{L}/gu

/** True when `text` holds at least `needed` letters (stops counting there). */
function hasLetters(text: string, needed: number): boolean {
  LETTER.lastIndex = 0
  let found = 0
  while (found < needed && LETTER.exec(text) !== null) found++
  LETTER.lastIndex = 0
  return found >= needed
}
