// Validates a report against the v1 JSON Schema and the offset invariant (every span slices to its text).
import AjvModule from 'ajv'
import type { ValidateFunction } from 'ajv'
import schema from './report.schema.json' with { type: 'json' }
import type { Report } from './types.js'

// ajv ships CommonJS; under NodeNext its default export arrives wrapped.
const Ajv = AjvModule as unknown as typeof AjvModule.default
let compiled: ValidateFunction | undefined

/** Problems found in a report: schema violations and broken spans. Empty when the report is valid. */
export function validateReport(report: unknown): string[] {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema)
  if (!compiled(report)) {
    return (compiled.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
  }
  return spanProblems(report as Report)
}

/** The report's spans that break `text.slice(start, end) === span text`, are reversed or run past the text. */
export function spanProblems(report: Report): string[] {
  const text = report.document.text
  const problems: string[] = []
  const check = (where: string, start: number, end: number, expected?: string, allowEmpty = false) => {
    if (start > end || end > text.length || (!allowEmpty && start === end)) {
      problems.push(`${where}: bad span [${start}, ${end}) for text of length ${text.length}`)
    } else if (expected !== undefined && text.slice(start, end) !== expected) {
      problems.push(`${where}: text.slice(${start}, ${end}) is ${JSON.stringify(text.slice(start, end))}, not ${JSON.stringify(expected)}`)
    }
  }
  report.claims.forEach((c, i) => check(`claims[${i}]`, c.start, c.end, c.text))
  report.quotes.forEach((q, i) => {
    check(`quotes[${i}]`, q.start, q.end, q.text)
    if (q.speakerStart !== null && q.speakerEnd !== null) check(`quotes[${i}].speaker`, q.speakerStart, q.speakerEnd)
  })
  report.entities.forEach((e, i) => e.mentions.forEach((m, j) => check(`entities[${i}].mentions[${j}]`, m.start, m.end, m.text)))
  report.signals.forEach((s, i) => check(`signals[${i}]`, s.start, s.end, undefined, s.scope === 'title'))
  return problems
}
