import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { BIN, runCli } from './cli-helpers.js'

const dir = mkdtempSync(join(tmpdir(), 'factsift-batch-cli-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const ITEMS = 120
const input = join(dir, 'in.jsonl')
writeFileSync(
  input,
  Array.from({ length: ITEMS }, (_, i) =>
    JSON.stringify({ id: `doc-${i}`, title: `Story ${i}`, text: `Officials said on Monday that item ${i} was approved. Reports emerged that it cost ${i} million dollars. `.repeat(20) }),
  ).join('\n'),
)

function ids(path: string): string[] {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id)
}

/** Lines whole so far, read while the batch writes (or after a kill -9, which may leave the last one torn). */
function finishedLines(path: string): number {
  if (!existsSync(path)) return 0
  const text = readFileSync(path, 'utf8')
  return text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter(Boolean).length
}

test('kill -9 mid-batch, then --resume: every item exactly once', async () => {
  const out = join(dir, 'out.jsonl')
  // Two threads: both append to the output themselves.
  const child = spawn(process.execPath, [BIN, 'batch', input, '--out', out, '--threads', '2', '--quiet'], { stdio: 'ignore' })
  const deadline = Date.now() + 60_000
  while (finishedLines(out) < 10 && Date.now() < deadline) await sleep(50)
  child.kill('SIGKILL')
  await new Promise((resolve) => child.once('exit', resolve))
  const before = finishedLines(out)
  assert.ok(before >= 10 && before < ITEMS, `killed after ${before} items`)

  const resumed = await runCli(['batch', input, '--out', out, '--resume', '--quiet'])
  assert.equal(resumed.code, 0, resumed.stderr)
  const all = ids(out)
  assert.equal(all.length, ITEMS, 'no item lost, none duplicated')
  assert.equal(new Set(all).size, ITEMS)
})

test('output that cannot be written stops the batch with E_OUTPUT_FAILED; --resume then completes it', async () => {
  const out = join(dir, 'out-full.jsonl')
  // A 200 KB file-size limit stands in for a full disk: a write past it fails with EFBIG (Node ignores SIGXFSZ).
  const limited = spawn('bash', ['-c', 'ulimit -f 200 && exec "$0" "$@"', process.execPath, BIN, 'batch', input, '--out', out, '--threads', '2', '--quiet'])
  let stderr = ''
  limited.stderr.on('data', (chunk) => (stderr += chunk))
  const code = await new Promise((resolve) => limited.once('exit', resolve))
  assert.equal(code, 1)
  assert.match(stderr, /^factsift: E_OUTPUT_FAILED cannot write .*out-full\.jsonl: .*\n$/)
  assert.equal(stderr.trim().split('\n').length, 1, stderr)

  const resumed = await runCli(['batch', input, '--out', out, '--resume', '--quiet'])
  assert.equal(resumed.code, 0, resumed.stderr)
  const all = ids(out)
  assert.equal(all.length, ITEMS, 'no item lost, none duplicated')
  assert.equal(new Set(all).size, ITEMS)
})

test('summary on stderr and a summary page', async () => {
  const out = join(dir, 'out2.jsonl')
  const page = join(dir, 'summary.html')
  const run = await runCli(['batch', input, '--out', out, '--summary-html', page])
  assert.equal(run.code, 0, run.stderr)
  assert.match(run.stderr, new RegExp(`analyzed ${ITEMS}, errors 0`))
  assert.match(run.stderr, /items\/s/)
  assert.match(readFileSync(page, 'utf8'), /Most flagged articles/)
})

test('missing input is one error line with exit 2', async () => {
  const run = await runCli(['batch', join(dir, 'nope.jsonl'), '--out', join(dir, 'x.jsonl')])
  assert.equal(run.code, 2)
  assert.match(run.stderr, /^factsift: E_INPUT_NOT_FOUND /)
})

test('exit 1 when some items failed, the summary saying how many; --allow-errors exits 0', async () => {
  const mixed = join(dir, 'mixed.jsonl')
  writeFileSync(mixed, [
    JSON.stringify({ id: 'ok', text: 'Officials said on Monday that the bridge will reopen next week, the mayor told reporters.' }),
    JSON.stringify({ id: 'no-text', title: 'nothing to analyze' }),
    JSON.stringify({ id: 'ok', text: 'The same id with different text.' }),
  ].join('\n'))
  const failed = await runCli(['batch', mixed, '--out', join(dir, 'mixed-out.jsonl'), '--quiet'])
  assert.equal(failed.code, 1, failed.stderr)
  assert.match(failed.stderr, /^2 of 3 items failed$/m)
  assert.match(failed.stderr, /E_BAD_DATA_ROW 1, E_DUPLICATE_ID 1/)
  assert.match(failed.stderr, /factsift: 2 of 3 items failed; exit 1 \(--allow-errors exits 0\)/)
  const allowed = await runCli(['batch', mixed, '--out', join(dir, 'mixed-out2.jsonl'), '--quiet', '--allow-errors'])
  assert.equal(allowed.code, 0, allowed.stderr)
  assert.match(allowed.stderr, /^2 of 3 items failed$/m)
  const allBad = join(dir, 'all-bad.jsonl')
  writeFileSync(allBad, '{"id": "a"}\n{"id": "b"}\n')
  assert.equal((await runCli(['batch', allBad, '--out', join(dir, 'all-bad-out.jsonl'), '--quiet'])).code, 1, 'every row failed: not a success')
})

test('batch on a plain text file is a coded error (not read as JSON lines); JSON lines in a .txt file are read', async () => {
  const article = join(dir, 'article.txt')
  writeFileSync(article, 'The council voted on Monday to reopen the bridge, the mayor said.\nMore words follow here.\n')
  const run = await runCli(['batch', article, '--out', join(dir, 'txt-out.jsonl')])
  assert.equal(run.code, 2)
  assert.match(run.stderr, /^factsift: E_UNSUPPORTED_TYPE cannot tell the format of .*article\.txt.*factsift analyze/)
  assert.equal(run.stderr.trim().split('\n').length, 1)
  assert.equal(existsSync(join(dir, 'txt-out.jsonl')), false)
  const rows = join(dir, 'rows.txt')
  writeFileSync(rows, '{"id": "r1", "text": "Officials said on Monday that the bridge will reopen next week."}\n')
  const read = await runCli(['batch', rows, '--out', join(dir, 'rows-out.jsonl'), '--quiet'])
  assert.equal(read.code, 0, read.stderr)
  assert.match(read.stderr, /all 1 items succeeded/)
})
