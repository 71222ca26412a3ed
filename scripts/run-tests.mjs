#!/usr/bin/env node
// Runs every test file (src/**/*.test.ts, training/**/*.test.ts, test/**/*.test.ts) with node's test runner through tsx.
// Node 20 does not expand globs itself, so the files are listed here. Extra arguments select files by substring.
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'

const root = new URL('..', import.meta.url).pathname
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))

function collect(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) collect(path, out)
    else if (name.endsWith('.test.ts')) out.push(relative(root, path))
  }
  return out
}

const files = ['src', 'training', 'test']
  .flatMap((dir) => {
    try {
      return collect(join(root, dir))
    } catch {
      return []
    }
  })
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort()

if (files.length === 0) {
  console.error('run-tests: no test files matched')
  process.exit(1)
}

// Spec output for people; a TAP copy to a file, whose totals become the closing 'N passed, N failed' line.
const tapDir = mkdtempSync(join(tmpdir(), 'factsift-tests-'))
const tapFile = join(tapDir, 'results.tap')
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } },
)
const tap = (() => {
  try {
    return readFileSync(tapFile, 'utf8')
  } catch {
    return ''
  }
})()
rmSync(tapDir, { recursive: true, force: true })
const total = (name) => Number((tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0)
const passed = total('pass')
const failed = total('fail') + total('cancelled')
console.log(`\n${passed} passed, ${failed} failed, ${total('skipped')} skipped`)
process.exit(result.status ?? 1)
