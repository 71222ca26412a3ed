// Runs the sourcing analyzers on a text of a test and finds sentences in their output by how they open.
import assert from 'node:assert/strict'
import { annotatedText } from './analyzer-tester.js'
import { runSourcing } from '../sourcing/run-sourcing.js'

export type SourcingRun = { doc: ReturnType<typeof annotatedText>; out: ReturnType<typeof runSourcing> }

/** Annotates `text` and runs quotes, coreference, attribution, sources and opinion on it. */
export function sourcing(text: string): SourcingRun {
  const doc = annotatedText(text)
  return { doc, out: runSourcing(doc) }
}

/** The attribution of the sentence that opens with `opening`; fails the test when there is none. */
export function attributionOf(doc: SourcingRun['doc'], out: SourcingRun['out'], opening: string) {
  const s = out.attribution.sentences.find((x) => doc.text.slice(x.start, x.end).startsWith(opening))
  assert.ok(s, `no sentence opening with ${opening}`)
  return s
}
