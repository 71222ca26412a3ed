import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { ERROR_CODES, FactsiftError, toFactsiftError } from './errors.js'

const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8')

test('docs/errors.md lists every error code with its exit code and HTTP status', () => {
  for (const [code, { exit, http }] of Object.entries(ERROR_CODES)) {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\` |`))
    assert.ok(row, `${code} is missing from docs/errors.md`)
    const cells = row.split('|').map((cell) => cell.trim())
    assert.equal(cells[2], String(exit), `${code}: exit code differs from src/errors.ts`)
    assert.equal(cells[3], String(http), `${code}: HTTP status differs from src/errors.ts`)
  }
})

test('docs/errors.md lists no code that src/errors.ts lacks', () => {
  for (const [, code] of doc.matchAll(/^\| `(E_[A-Z_]+)` \|/gm)) assert.ok(code! in ERROR_CODES, `${code} is documented but not defined`)
})

test('bad input exits 2, internal errors exit 1', () => {
  assert.equal(new FactsiftError('E_INPUT_EMPTY', 'x').exitCode, 2)
  assert.equal(new FactsiftError('E_INPUT_TOO_LARGE', 'x').httpStatus, 413)
  const internal = toFactsiftError(new TypeError('boom'))
  assert.equal(internal.code, 'E_INTERNAL')
  assert.equal(internal.exitCode, 1)
})
