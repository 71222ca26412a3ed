// Synthetic pairs made from training sentences only, for the contradictions news text has and the corpora lack:
// changed numbers and years, reporting frames, denials, antonyms, "remains unchanged". The first model trained
// without them called most news contradictions nei (it had never seen a refuting number or denial frame).
import LEXICON from '../../src/analyzers/lateral-reading/claim-stance/lexicon.json' with { type: 'json' }
import type { LabelledPair } from './datasets.js'
import { createRng, randomInt, type Rng } from '../../src/ml/rng.js'

const SUPPORTS = 0
const REFUTES = 1
const NEI = 2
// The claim only reported, neither confirmed nor denied: not enough information ("Reports claim the dam could be
// demolished, according to unnamed sources"). Without these, high overlap plus a claim frame read as a stance.
const REPORTED = [
  (s: string) => `Reports claim that ${lowerFirst(s)}, according to unnamed sources.`,
  (s: string) => `Posts shared online claim that ${lowerFirst(s)}.`,
  (s: string) => `Some residents say ${lowerFirst(s)}, but officials have not commented.`,
  (s: string) => `It is unclear whether ${lowerFirst(s)}.`,
]

const SAID = ['officials said', 'the agency said', 'a spokesperson said', 'according to the report', 'records show', 'the ministry confirmed']
const DENY = [
  (s: string) => `Officials denied reports that ${lowerFirst(s)}`,
  (s: string) => `The agency rejected claims that ${lowerFirst(s)}`,
  (s: string) => `A spokesperson dismissed posts claiming that ${lowerFirst(s)}`,
  (s: string) => `There is no evidence that ${lowerFirst(s)}, experts said`,
  (s: string) => `Claims that ${lowerFirst(s)} are false, the ministry said`,
]
const CONFIRM = [
  (s: string) => `${stripStop(s)}, ${pick(SAID)}.`,
  (s: string) => `Officials confirmed that ${lowerFirst(s)}`,
  (s: string) => `According to the report, ${lowerFirst(s)}`,
]
const AUX = /\b(is|are|was|were|has|have|had|will|can|would|could|should|does|did)\b(?! not)/i
const NUMBER = /\b\d[\d,]*(\.\d+)?\b/

let rng: Rng = createRng(1)
const pick = <T>(a: readonly T[]): T => a[randomInt(rng, a.length)]!
const frame = () => (rng() < 0.5 ? `, ${pick(SAID)}.` : '.')
const lowerFirst = (s: string) => stripStop(s.charAt(0).toLowerCase() + s.slice(1))
const stripStop = (s: string) => s.trim().replace(/[.!]+$/, '')

const ANTONYM = new Map<string, string>()
for (const [a, b] of LEXICON.antonyms as [string, string][]) {
  if (!ANTONYM.has(a)) ANTONYM.set(a, b)
  if (!ANTONYM.has(b)) ANTONYM.set(b, a)
}
const CHANGE = new Set(LEXICON.change)

/** A different number of the same kind: another year for a year, a scaled or digit-swapped figure otherwise. */
function otherNumber(text: string): string {
  const n = Number(text.replace(/,/g, ''))
  if (Number.isInteger(n) && n >= 1800 && n <= 2100 && !text.includes(',')) return String(n + pick([-10, -5, -2, -1, 1, 3, 10]))
  const digits = text.replace(/,/g, '')
  const swapped = digits.length >= 2 ? digits[1]! + digits[0]! + digits.slice(2) : ''
  const value = swapped && swapped !== digits && swapped[0] !== '0' ? Number(swapped) : Math.round(n * pick([0.4, 2.5, 3, 0.1, 10]) * 100) / 100
  return value.toLocaleString('en-US')
}

/** One synthetic pair per applicable perturbation of `sentence` (the claim), or none. */
function perturb(sentence: string, group: string): LabelledPair[] {
  const out: LabelledPair[] = []
  const s = stripStop(sentence)
  const add = (evidence: string, label: number, swap = false) =>
    out.push({ claim: swap ? evidence : sentence, evidence: swap ? sentence : evidence, label, group })
  const number = NUMBER.exec(s)
  if (number) add(`${s.slice(0, number.index)}${otherNumber(number[0])}${s.slice(number.index + number[0].length)}${frame()}`, REFUTES, rng() < 0.3)
  const aux = AUX.exec(s)
  if (aux && rng() < 0.5) add(`${s.slice(0, aux.index + aux[0].length)} not${s.slice(aux.index + aux[0].length)}${frame()}`, REFUTES, rng() < 0.3)
  const words = s.split(' ')
  const a = words.findIndex((w) => ANTONYM.has(w.toLowerCase()))
  if (a >= 0) add(`${[...words.slice(0, a), ANTONYM.get(words[a]!.toLowerCase())!, ...words.slice(a + 1)].join(' ')}${frame()}`, REFUTES, rng() < 0.3)
  const c = words.findIndex((w) => CHANGE.has(w.toLowerCase()))
  if (c >= 0) add(`${words.slice(0, c).join(' ')} ${pick(['remained unchanged', 'stayed the same', 'remains steady'])}${frame()}`, REFUTES)
  if (rng() < 0.35) add(`${pick(DENY)(s)}.`, REFUTES)
  // Every refuting perturbation above ends in a reporting frame half the time; the same frames must also support,
  // or the trees learn "officials said" as a refutation cue.
  add(pick(CONFIRM)(s), SUPPORTS)
  if (rng() < 0.25) add(pick(REPORTED)(s), NEI)
  return out
}

/** Synthetic pairs from the given training sentences, deterministic for a seed. */
export function syntheticPairs(sentences: readonly { text: string; group: string }[], seed = 1): LabelledPair[] {
  rng = createRng(seed)
  return sentences.flatMap((s) => perturb(s.text, s.group))
}
