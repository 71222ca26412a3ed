// Deterministic reference-corpus articles for benchmarks: Zipf-distributed vocabulary and per-article topic words, so
// full-text statistics (common words everywhere, rare words in few articles) look like a news archive's.
import { createRng, randomInt, type Rng } from '../src/ml/rng.js'
import type { CorpusArticle } from '../src/store/corpus-repository.js'

const FUNCTION_WORDS = ('the of and to a in that is was he for it with as his on be at by had are but from or have an they which ' +
  'one you were her all she there would their we him been has when who will more no if out so said what up its about into than ' +
  'them can only other new some could time these two may then do first any my now such like our over man me even most made after ' +
  'also did many before must through back years where much your way well down should because each just those people how too').split(' ')
const SYLLABLES = ['ka', 'ri', 'mo', 'ten', 'sa', 'lu', 'ver', 'do', 'pe', 'nor', 'mi', 'ga', 'tor', 'el', 'an', 'bri', 'co', 'des', 'fa', 'hu']
const OUTLETS = ['Associated Press', 'Reuters', 'Daily Ledger', 'Morning Post', 'Capital Times', 'Metro Wire', 'Harbor Herald', 'Valley News',
  'Coastal Gazette', 'Evening Standard Example', 'Northern Echo Example', 'Plains Tribune']
const VOCABULARY = 50_000

/** Pseudo-words: syllable strings, distinct, deterministic. */
const words: string[] = Array.from({ length: VOCABULARY }, (_, i) => {
  let n = i + 1
  let word = ''
  while (n > 0) {
    word += SYLLABLES[n % SYLLABLES.length]
    n = Math.floor(n / SYLLABLES.length)
  }
  return word
})

/** Cumulative Zipf(1.0) weights over the vocabulary. */
const cumulative = (() => {
  const c = new Float64Array(VOCABULARY)
  let sum = 0
  for (let i = 0; i < VOCABULARY; i++) c[i] = sum += 1 / (i + 1)
  for (let i = 0; i < VOCABULARY; i++) c[i] /= sum
  return c
})()

function zipfWord(rng: Rng): string {
  const u = rng()
  let lo = 0
  let hi = VOCABULARY - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cumulative[mid]! < u) lo = mid + 1
    else hi = mid
  }
  return words[lo]!
}

function sentenceOf(rng: Rng, topic: string[], length: number): string {
  const out: string[] = []
  for (let i = 0; i < length; i++) {
    const r = rng()
    out.push(r < 0.45 ? FUNCTION_WORDS[randomInt(rng, FUNCTION_WORDS.length)]! : r < 0.6 ? topic[randomInt(rng, topic.length)]! : zipfWord(rng))
  }
  out[0] = out[0]!.charAt(0).toUpperCase() + out[0]!.slice(1)
  if (rng() < 0.3) out.splice(1 + randomInt(rng, out.length - 1), 0, String(1 + randomInt(rng, 999)))
  return `${out.join(' ')}.`
}

/** Article `index` of a generated corpus: a title, ~`bodyWords` words in short paragraphs, an outlet and a date. */
export function generateCorpusArticle(index: number, bodyWords = 200): CorpusArticle {
  const rng = createRng(0x5eed + index * 7919)
  const topic = Array.from({ length: 8 }, () => words[200 + randomInt(rng, VOCABULARY - 200)]!)
  const paragraphs: string[] = []
  let count = 0
  while (count < bodyWords) {
    const sentences: string[] = []
    for (let s = 0; s < 2 + randomInt(rng, 3) && count < bodyWords; s++) {
      const length = 8 + randomInt(rng, 18)
      sentences.push(sentenceOf(rng, topic, length))
      count += length
    }
    paragraphs.push(sentences.join(' '))
  }
  const day = 1 + (index % 28)
  const month = 1 + (Math.floor(index / 28) % 12)
  return {
    key: `https://news.example/${index}`,
    title: sentenceOf(rng, topic, 8).slice(0, -1),
    body: paragraphs.join('\n\n'),
    url: `https://news.example/${index}`,
    outlet: OUTLETS[index % OUTLETS.length]!,
    publishedAt: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  }
}

/** A claim-like query about article `index`: one of its sentences, lightly reworded with other words. */
export function generateClaim(index: number, seed: number, bodyWords = 200): string {
  const article = generateCorpusArticle(index, bodyWords)
  const rng = createRng(seed)
  const sentences = article.body.split(/(?<=\.)\s+/)
  const words = sentences[randomInt(rng, sentences.length)]!.replace(/\.$/, '').split(' ')
  for (let i = 0; i < words.length; i++) if (rng() < 0.2) words[i] = zipfWord(rng)
  return words.join(' ')
}
