import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Command } from 'commander'
import register from './sourcing.js'

test('eval sourcing: prints the figures as JSON', async () => {
  const program = new Command().exitOverride()
  const evalCommand = program.command('eval')
  register(evalCommand)
  const chunks: string[] = []
  const write = process.stdout.write
  // Only this command's text goes to `chunks`; the test runner's own (binary) reports pass through.
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    typeof chunk === 'string' && chunk.startsWith('{') ? (chunks.push(chunk), true) : (write as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest)) as typeof process.stdout.write
  try {
    await program.parseAsync(['node', 'factsift', 'eval', 'sourcing', '--data', new URL('../../../test/fixtures/sourcing/dev', import.meta.url).pathname])
  } finally {
    process.stdout.write = write
  }
  const result = JSON.parse(chunks.join(''))
  assert.ok(result.passages > 0)
  for (const key of ['quotes', 'speakers', 'attribution', 'sources', 'opinion']) assert.ok(key in result, key)
  assert.equal(result.errors, undefined)
})
