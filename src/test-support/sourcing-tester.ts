// Runs the sourcing analyzers (an engine subset) on a text of a test and finds sentences in their output by how they open.
import assert from 'node:assert/strict'
import { annotatedText } from './analyzer-tester.js'
import { createSourcingEngine, runSourcing, type SourcingOutputs } from '../../training/sourcing/run-sourcing.js'

export type SourcingRun = { doc: ReturnType<typeof annotatedText>; out: SourcingOutputs }

const engine = createSourcingEngine()

/** Annotates `text` and runs coreference, quotes, attribution, sources and opinion on it. */
export async function sourcing(text: string): Promise<SourcingRun> {
  const doc = annotatedText(text)
  return { doc, out: (await runSourcing(engine, doc)).outputs }
}

/** The attribution of the sentence that opens with `opening`; fails the test when there is none. */
export function attributionOf(doc: SourcingRun['doc'], out: SourcingRun['out'], opening: string) {
  const s = out.attribution.sentences.find((x) => doc.text.slice(x.start, x.end).startsWith(opening))
  assert.ok(s, `no sentence opening with ${opening}`)
  return s
}
