// Table-driven tests for signal-producing analyzers (like eslint's RuleTester): valid texts yield no finding of the
// analyzer's signal ids; invalid texts yield exactly the listed findings, each checked against text.slice(start, end).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Analyzer, AnalyzerContext } from '../analyzers/types.js'
import type { AnnotatedDocument } from '../document/types.js'
import { toSignal, type SignalDraft } from '../report/signals.js'
import { annotate } from '../nlp/annotate.js'
import { normalizeText } from '../document/normalize.js'
import { createServices } from '../engine/services.js'

export interface TesterCase {
  text: string
  title?: string
  /** Signal ids to look at (default: every signal the analyzer returns). */
  ids?: string[]
}

export interface InvalidCase extends TesterCase {
  /** Expected findings in text order: the signal id and the exact text of its span. */
  findings: { id: string; quote: string }[]
}

/** Builds an annotated document from a short text, the way the engine does for plain text input. */
export function annotatedText(text: string, title: string | null = null): AnnotatedDocument {
  const normalized = normalizeText(text)
  return annotate({
    text: normalized,
    meta: { title, url: null, outlet: null, publishedAt: null, byline: null, language: 'en' },
    warnings: [],
  })
}

/** Runs one analyzer (and the ones it requires, given in `prerequisites`) over a document. */
export async function runAnalyzer<Out>(analyzer: Analyzer<Out>, doc: AnnotatedDocument, prerequisites: Analyzer[] = []): Promise<Out> {
  const outputs = new Map<string, unknown>()
  const services = createServices()
  const ctx = (): AnalyzerContext => ({
    services,
    get: <T,>(id: string) => outputs.get(id) as T,
    find: <T,>(id: string) => outputs.get(id) as T | undefined,
  })
  for (const prior of prerequisites) outputs.set(prior.id, await prior.analyze(doc, ctx()))
  return analyzer.analyze(doc, ctx())
}

export function runAnalyzerTests<Out extends { signals: SignalDraft[] }>(
  analyzer: Analyzer<Out>,
  cases: { valid: TesterCase[]; invalid: InvalidCase[] },
  prerequisites: Analyzer[] = [],
): void {
  for (const item of cases.valid) {
    test(`${analyzer.id} valid: ${label(item.text)}`, async () => {
      const doc = annotatedText(item.text, item.title ?? null)
      const out = await runAnalyzer(analyzer, doc, prerequisites)
      assertSpans(doc, out.signals)
      assertDeclared(analyzer, out.signals)
      assert.deepEqual(pick(out.signals, item.ids).map((s) => describe(doc, s)), [])
    })
  }
  for (const item of cases.invalid) {
    test(`${analyzer.id} invalid: ${label(item.text)}`, async () => {
      const doc = annotatedText(item.text, item.title ?? null)
      const out = await runAnalyzer(analyzer, doc, prerequisites)
      assertSpans(doc, out.signals)
      assertDeclared(analyzer, out.signals)
      const found = pick(out.signals, item.ids).map((s) => ({ id: s.id, quote: s.scope === 'title' ? '' : doc.text.slice(s.start, s.end) }))
      assert.deepEqual(found, item.findings)
    })
  }
}

/** Every signal is declared in the analyzer's meta.signals and has every value its message template needs. */
function assertDeclared(analyzer: Analyzer<unknown>, signals: SignalDraft[]): void {
  const declared = new Map((analyzer.meta.signals ?? []).map((d) => [d.id, d]))
  for (const s of signals) {
    const declaration = declared.get(s.id)
    assert.ok(declaration, `${s.id}: not declared in ${analyzer.id}'s meta.signals`)
    assert.doesNotThrow(() => toSignal(s, declaration), `${s.id}: its message template lacks a value`)
  }
}

function assertSpans(doc: AnnotatedDocument, signals: SignalDraft[]): void {
  for (const s of signals) {
    if (s.scope === 'title') {
      assert.equal(s.start, 0, `${s.id}: title-scoped finding must have an empty span`)
      assert.equal(s.end, 0, `${s.id}: title-scoped finding must have an empty span`)
      continue
    }
    assert.ok(s.start < s.end, `${s.id}: empty or reversed span [${s.start}, ${s.end})`)
    assert.ok(s.end <= doc.text.length, `${s.id}: span [${s.start}, ${s.end}) runs past the text`)
  }
}

function pick(signals: SignalDraft[], ids?: string[]): SignalDraft[] {
  return ids ? signals.filter((s) => ids.includes(s.id)) : signals
}

function describe(doc: AnnotatedDocument, s: SignalDraft): string {
  return `${s.id}: ${s.scope === 'title' ? '(title)' : doc.text.slice(s.start, s.end)}`
}

function label(text: string): string {
  return text.length > 50 ? `${text.slice(0, 47)}…` : text
}
