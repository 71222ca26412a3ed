// Declared findings: what a signal is called, how severe it is by default, where it is marked and its message template.
// Analyzers emit signal data (id, span, severity, the template's parameters); the pipeline fills `message` from the
// template, and renderers (text, HTML, web UI) take labels and highlight layers from the declarations.
// Pure data and string work, no imports beyond types: the web UI bundles this file.
import type { Severity, Signal } from './types.js'

/** The highlight layers the renderers draw signals in (see src/render/highlights.ts for their labels and colours). */
export type SignalLayer = 'vague' | 'misspelling' | 'hedge' | 'style'

/**
 * One kind of signal an analyzer may emit, declared in its `meta.signals`.
 *
 * `message` is a template: `{name}` is replaced by the parameter `name` (a list is joined with ", "); a section in
 * square brackets is optional and left out when any parameter inside it is missing or empty, e.g.
 * `'Possible misspelling: {word}[ (did you mean {suggestions}?)]'`. Braces and brackets are reserved.
 */
export interface SignalDeclaration<Id extends string = string, Template extends string = string> {
  /** The `report.signals[].id`; unique among the analyzers of one engine. Lower case words joined by "-". */
  id: Id
  /** Severity of an emitted signal that does not set its own. */
  severity: Severity
  /** What one such finding is called, in plain words ("Hedge", "Vague attribution"): lists and legends. */
  label: string
  /** The message template (see above), filled into `report.signals[].message`. */
  message: Template
  /** The highlight layer the text, HTML and web renderers mark it in; absent: listed, never marked in the text. */
  layer?: SignalLayer
}

/** A parameter value for a message template. */
export type SignalParam = string | number | readonly string[] | null | undefined

/** The placeholder names of a template literal type: `'Hedge: {phrase}'` → `'phrase'`. */
export type TemplateParams<T extends string> = string extends T
  ? string
  : T extends `${string}{${infer Name}}${infer Rest}` ? Name | TemplateParams<Rest> : never

/** A signal as an analyzer emits it: data only; the pipeline turns it into a report `Signal` with its message. */
export interface SignalDraft {
  id: string
  start: number
  end: number
  /** Defaults to the declaration's severity. */
  severity?: Severity
  /** Values for the placeholders of the declaration's message template. */
  params?: Readonly<Record<string, SignalParam>>
  /** 'title' when the finding is in a headline that is not part of the text (then start = end = 0). */
  scope?: 'text' | 'title'
}

/** Identity helper that keeps the id and template as literal types (for typed ids and parameters). */
export function declareSignal<const Id extends string, const Template extends string>(
  declaration: SignalDeclaration<Id, Template>,
): SignalDeclaration<Id, Template> {
  return Object.freeze(declaration)
}

/** A signal draft for `declaration`, with the template's parameters checked by the compiler. */
export function signalOf<Id extends string, Template extends string>(
  declaration: SignalDeclaration<Id, Template>,
  span: { start: number; end: number },
  params: { readonly [K in TemplateParams<Template>]: SignalParam },
  extra: { severity?: Severity; scope?: 'text' | 'title' } = {},
): SignalDraft & { id: Id } {
  // Fields set in the same order as always (id, start, end, severity, params, scope): drafts serialize as before.
  const draft: SignalDraft & { id: Id } = { id: declaration.id, start: span.start, end: span.end }
  if (extra.severity) draft.severity = extra.severity
  if (hasParams(declaration.message)) draft.params = params as Readonly<Record<string, SignalParam>>
  if (extra.scope) draft.scope = extra.scope
  return draft
}

// Whether a template has placeholders, per template: signalOf runs for every finding (misspellings, hedges, …).
const withParams = new Map<string, boolean>()

function hasParams(template: string): boolean {
  let has = withParams.get(template)
  if (has === undefined) {
    has = templateParams(template).length > 0
    withParams.set(template, has)
  }
  return has
}

/** The report signal for a draft: the message filled from the template, severity defaulted. Throws on a missing value. */
export function toSignal(draft: SignalDraft, declaration: SignalDeclaration): Signal {
  return {
    id: draft.id,
    start: draft.start,
    end: draft.end,
    message: formatSignalMessage(declaration.message, draft.params ?? {}),
    severity: draft.severity ?? declaration.severity,
    ...(draft.scope ? { scope: draft.scope } : {}),
  }
}

const SIGNAL_ID = /^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$/
const TOKEN = /\[([^[\]{}]*(?:\{\w+\}[^[\]{}]*)*)\]|\{(\w+)\}|[^[\]{}]+/gy

/** Problems with a declaration (bad id, severity or template), empty when it is sound. */
export function declarationProblems(declaration: SignalDeclaration): string[] {
  const problems: string[] = []
  if (typeof declaration.id !== 'string' || !SIGNAL_ID.test(declaration.id)) problems.push(`signal id ${JSON.stringify(declaration.id)} is not lower case words joined by "-"`)
  if (declaration.severity !== 'info' && declaration.severity !== 'warn') problems.push(`signal "${declaration.id}" has severity ${JSON.stringify(declaration.severity)}`)
  if (typeof declaration.label !== 'string' || declaration.label.trim() === '') problems.push(`signal "${declaration.id}" has no label`)
  if (typeof declaration.message !== 'string' || parseTemplate(declaration.message) === null) {
    problems.push(`signal "${declaration.id}" has a malformed message template ${JSON.stringify(declaration.message)}`)
  }
  return problems
}

/** The placeholder names of a template, in order of first use. */
export function templateParams(template: string): string[] {
  const names = new Set<string>()
  for (const part of parseTemplate(template) ?? []) {
    if (part.kind === 'param') names.add(part.name)
    else if (part.kind === 'optional') for (const inner of part.parts) if (inner.kind === 'param') names.add(inner.name)
  }
  return [...names]
}

/** Fills a template (see SignalDeclaration.message). Throws when a placeholder outside an optional section has no value. */
export function formatSignalMessage(template: string, params: Readonly<Record<string, SignalParam>>): string {
  const parts = parseTemplate(template)
  if (!parts) throw new Error(`malformed message template ${JSON.stringify(template)}`)
  let out = ''
  for (const part of parts) {
    if (part.kind === 'text') out += part.text
    else if (part.kind === 'param') {
      const value = paramText(params[part.name])
      if (value === null) throw new Error(`no value for {${part.name}} in ${JSON.stringify(template)}`)
      out += value
    } else {
      const values = part.parts.map((inner) => (inner.kind === 'text' ? inner.text : paramText(params[inner.name])))
      if (values.every((value) => value !== null)) out += values.join('')
    }
  }
  return out
}

type Part = { kind: 'text'; text: string } | { kind: 'param'; name: string }
type TemplatePart = Part | { kind: 'optional'; parts: Part[] }

const parsed = new Map<string, TemplatePart[] | null>()

function parseTemplate(template: string): TemplatePart[] | null {
  const known = parsed.get(template)
  if (known !== undefined) return known
  const parts: TemplatePart[] = []
  TOKEN.lastIndex = 0
  let at = 0
  while (at < template.length) {
    TOKEN.lastIndex = at
    const match = TOKEN.exec(template)
    if (!match) {
      parsed.set(template, null)
      return null
    }
    if (match[1] !== undefined) parts.push({ kind: 'optional', parts: parseFlat(match[1]) })
    else if (match[2] !== undefined) parts.push({ kind: 'param', name: match[2] })
    else parts.push({ kind: 'text', text: match[0] })
    at = TOKEN.lastIndex
  }
  parsed.set(template, parts)
  return parts
}

function parseFlat(section: string): Part[] {
  return section.split(/(\{\w+\})/).filter(Boolean).map((piece): Part => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1]
    return name ? { kind: 'param', name } : { kind: 'text', text: piece }
  })
}

/** A parameter as text; null when missing or empty. */
function paramText(value: SignalParam): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return value === '' ? null : value
  return value.length === 0 ? null : value.join(', ')
}
