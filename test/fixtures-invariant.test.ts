// The offset invariant on every fixture and example we ship: the full pipeline's report is schema-valid and every
// span slices to its text.
import { test } from 'node:test'
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { createEngine } from '../src/engine/engine.js'
import { assertValidReport } from '../src/test-support/report-assertions.js'
import { isFactsiftError } from '../src/errors.js'

const root = new URL('..', import.meta.url).pathname
const files = [join(root, 'examples'), join(root, 'test', 'fixtures')].flatMap((dir) => walk(dir)).filter((f) => /\.(txt|html?)$/i.test(f))
const engine = createEngine()

for (const path of files) {
  test(`offsets hold for ${relative(root, path)}`, async () => {
    // Fixtures of bad input (no article, wrong encoding) are refused with an input error: no report, nothing to check.
    const report = await engine.analyzeLocation(path).catch((error: unknown) => {
      if (isFactsiftError(error) && error.exitCode === 2) return null
      throw error
    })
    if (report) assertValidReport(report)
  })
}

function walk(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
  } catch {
    return []
  }
}
