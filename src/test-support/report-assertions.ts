// Assertions shared by tests that produce reports: schema-valid, every span slicing to its text.
import assert from 'node:assert/strict'
import { validateReport } from '../report/validate.js'

/** Fails the test with every schema and span problem of the report. */
export function assertValidReport(report: unknown): void {
  const problems = validateReport(report)
  assert.deepEqual(problems, [], `report is invalid:\n  ${problems.join('\n  ')}`)
}
