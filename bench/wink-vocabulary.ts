// bench:wink-vocabulary — what wink's ever-growing vocabulary costs: heap bytes per new word read (the basis of
// RENEW_AFTER_NEW_WORDS in src/nlp/wink.ts), and that the annotating instance stays bounded when renewed.
// Usage: npm run bench:wink-vocabulary -- [--words 500000]
import { getWink, RENEW_AFTER_NEW_WORDS } from '../src/nlp/wink.js'
import { numberOption } from './args.js'

const WORDS = numberOption('words', 500_000)
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc --import tsx bench/wink-vocabulary.ts')

const heapAfterGc = () => (gc(), process.memoryUsage().heapUsed)
/** Reads WORDS made-up words (mixed case: wink keeps the word and its lower case) in texts of 10,000. */
function readNewWords(renewAfter: number): number {
  getWink(renewAfter).readDoc('Warm up.')
  const before = heapAfterGc()
  for (let n = 0; n < WORDS;) {
    const words: string[] = []
    for (let i = 0; i < 10_000; i++) words.push(`Kx${(n++).toString(36)}v`)
    getWink(renewAfter).readDoc(`${words.join(' ')}.`)
  }
  return heapAfterGc() - before
}

const kept = readNewWords(Number.POSITIVE_INFINITY)
console.log(`wink vocabulary: ${WORDS} new words grow the heap by ${(kept / 1e6).toFixed(1)} MB = ${(kept / WORDS).toFixed(0)} bytes a word when never renewed`)
const renewed = readNewWords(RENEW_AFTER_NEW_WORDS)
console.log(`  renewed after ${RENEW_AFTER_NEW_WORDS} new words (the default): heap +${(renewed / 1e6).toFixed(1)} MB after the same words`)
