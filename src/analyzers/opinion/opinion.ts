// Opinion and evaluation: sentences whose wording judges rather than reports, so later stages do not treat them as
// checkable claims. A weighted cue count per sentence, outside quotations.
import { defineAnalyzer } from '../types.js'
import type { AnnotatedDocument } from '../../document/types.js'
import type { OpinionCue, OpinionOutput } from './types.js'
import { quoteRegions } from '../shared/quote-marks.js'
import { tokenAtOrAfter, tokenEndingBy } from '../shared/doc-index.js'
import { subjectBefore, verbAt } from '../shared/speech.js'
import { createTokenPhraseMatcher, type TokenPhraseMatcher } from '../shared/token-phrases.js'
import cues from './opinion-cues.json' with { type: 'json' }

interface Compiled {
  phrases: TokenPhraseMatcher
  evaluative: TokenPhraseMatcher
  intensifiers: Set<string>
  frames: TokenPhraseMatcher
}

let compiled: Compiled | undefined

function lists(): Compiled {
  compiled ??= {
    phrases: createTokenPhraseMatcher(Object.keys(cues.phrases)),
    evaluative: createTokenPhraseMatcher(cues.evaluative),
    intensifiers: new Set(cues.intensifiers),
    frames: createTokenPhraseMatcher(cues.frames),
  }
  return compiled
}

const WEIGHTS = cues.phrases as Record<string, number>

/** Scores every sentence; those at or above the threshold are opinions. */
export function findOpinions(doc: AnnotatedDocument): OpinionOutput {
  const { phrases, evaluative, intensifiers, frames } = lists()
  const { tokens } = doc
  const quoted = new Uint8Array(tokens.length)
  for (const r of quoteRegions(doc)) {
    if (r.depth > 0) continue
    const first = tokenAtOrAfter(tokens, r.open)
    const last = r.close >= 0 ? tokenEndingBy(tokens, r.close + 1) : tokenEndingBy(tokens, r.end)
    if (last >= first) quoted.fill(1, first, last + 1)
  }
  const scores = new Array<number>(doc.sentences.length).fill(0)
  const found: (OpinionCue & { sentence: number })[] = []
  const opinions: number[] = []
  for (const s of doc.sentences) {
    let score = 0
    const add = (first: number, last: number, weight: number) => {
      score += weight
      found.push({ start: tokens[first]!.start, end: tokens[last]!.end, text: doc.text.slice(tokens[first]!.start, tokens[last]!.end), weight, sentence: s.index })
    }
    const reported = reportedClauseStart(doc, s.tokenStart, s.tokenEnd, quoted)
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (quoted[i]) continue
      // "Kobayashi warned that the figure was wrong": the judgement is the speaker's, not the writer's.
      if (i >= reported) break
      const t = tokens[i]!
      const phrase = phrases.matchAt(tokens, i, s.tokenEnd)
      if (phrase) {
        add(phrase.first, phrase.last, WEIGHTS[phrase.phrase] ?? 0.5)
        i = phrase.last
        continue
      }
      const word = evaluative.matchAt(tokens, i, s.tokenEnd)
      if (word) {
        let weight = 0.6
        const prev = tokens[i - 1]
        if (prev && !quoted[i - 1] && intensifiers.has(prev.lower)) weight += cues.intensifierBonus
        else if (framedBefore(frames, tokens, i, s.tokenStart)) weight += cues.intensifierBonus
        add(word.first, word.last, weight)
        i = word.last
        continue
      }
      if (t.lower === '!') add(i, i, cues.exclamation)
      else if (t.lower === '?' && i === s.tokenEnd - 1) add(i, i, cues.question)
    }
    scores[s.index] = Math.round(score * 100) / 100
    if (score >= cues.threshold) opinions.push(s.index)
  }
  return { sentences: opinions, scores, threshold: cues.threshold, cues: found }
}

// The first token of a clause reported by a named or pronoun subject (not "I", "we" or an impersonal "it") ("Smith said that …", "she warned that …"), or
// the sentence end. Only "that" clauses: "Smith said" after a judgement ("…is a disgrace, Smith said") is left alone.
function reportedClauseStart(doc: AnnotatedDocument, from: number, to: number, quoted: Uint8Array): number {
  const { tokens } = doc
  for (let i = from + 1; i < to - 1; i++) {
    if (quoted[i] || tokens[i + 1]!.lower !== 'that') continue
    const verb = verbAt(doc, i, to)
    if (!verb || !verb.classes.has('speech') || verb.last !== i) continue
    // "It has been said that …": an impersonal passive names nobody, so the judgement stays the writer's.
    if (PASSIVE_BEFORE.has(tokens[verb.first - 1]!.lower)) continue
    const subject = subjectBefore(doc, verb.first, from)
    if (!subject || SELF.has(tokens[subject.headLast]!.lower)) continue
    return verb.last + 2
  }
  return to
}
const SELF = new Set(['i', 'we', 'you', 'it'])
const PASSIVE_BEFORE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being'])

// "it's quite disheartening", "was weak": a copula or "it's" within two words before the evaluative word.
function framedBefore(frames: TokenPhraseMatcher, tokens: AnnotatedDocument['tokens'], i: number, floor: number): boolean {
  for (let k = i - 1; k >= floor && k >= i - 3; k--) {
    const hit = frames.matchAt(tokens, k, i)
    if (hit && hit.last >= i - 2) return true
  }
  return false
}


export default defineAnalyzer<OpinionOutput>({
  id: 'opinion',
  // English only: the evaluation lexicon and first-person cues are English.
  meta: { version: 1, description: 'Opinion and evaluation sentences (not checkable claims)', appliesTo: { languages: ['en'] } },
  analyze: (doc) => findOpinions(doc),
  contribute(out, report) {
    const opinions = new Set(out.sentences)
    for (const claim of report.claims) if (claim.sentence !== undefined && opinions.has(claim.sentence)) claim.opinion = true
  },
})
