import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, isOneLineError } from './cli-helpers.js'
import { assertValidReport } from '../../src/test-support/report-assertions.js'
import type { Report } from '../../src/report/types.js'

const EXAMPLE = new URL('../../examples/harbor-bridge.txt', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'factsift-cli-'))
let server: Server
let base = ''

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/article') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('The council met on Monday. Reports emerged that the vote was delayed.')
    } else if (req.url === '/loop') {
      res.writeHead(302, { location: '/loop' })
      res.end()
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 5000).unref()
    } else if (req.url === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' })
      res.end('%PDF-1.4')
    } else {
      res.writeHead(404)
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})

after(() => {
  server.closeAllConnections()
  server.close()
  rmSync(dir, { recursive: true, force: true })
})

test('--version and --help', async () => {
  const version = await runCli(['--version'])
  assert.equal(version.code, 0)
  assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+$/)
  const help = await runCli(['analyze', '--help'])
  assert.equal(help.code, 0)
  assert.match(help.stdout, /--format <format>/)
})

test('analyze a text file to JSON: a valid report with the example’s findings', async () => {
  const run = await runCli(['analyze', EXAMPLE, '--format', 'json'])
  assert.equal(run.code, 0, run.stderr)
  const report = JSON.parse(run.stdout) as Report
  assertValidReport(report)
  assert.ok(report.document.text.includes('Harbor Bridge repair contract'))
  assert.equal(report.document.title, 'City Council delays vote on Harbor Bridge repairs')
  // The header's "Source: Riverton Gazette" names the outlet.
  assert.equal(report.document.outlet, 'Riverton Gazette')
  // The example's one typo ("an embarassment for a city…") is inside a council member's quoted tweet: his, not the
  // outlet's, so it is not flagged.
  const misspelled = report.signals.filter((s) => s.id === 'misspelling').map((s) => report.document.text.slice(s.start, s.end))
  assert.deepEqual(misspelled, [])
  assert.ok(report.signals.some((s) => s.id === 'hedge'))
})

test('the README try-out: bundled fact-checks and reference articles show up as matches and coverage by outlet', async () => {
  const db = join(dir, 'example.db')
  const examples = new URL('../../examples/', import.meta.url).pathname
  const imported = await runCli(['factchecks', 'import', join(examples, 'claimreviews.json'), '--db', db])
  assert.equal(imported.code, 0, imported.stderr)
  const added = await runCli(['corpus', 'add', join(examples, 'reference-articles'), '--db', db])
  assert.equal(added.code, 0, added.stderr)
  const run = await runCli(['analyze', EXAMPLE, '--db', db, '--format', 'json'])
  assert.equal(run.code, 0, run.stderr)
  const report = JSON.parse(run.stdout) as Report
  assertValidReport(report)
  // Evidence first (issue 16): the compound sentence gives a "closed to trucks" claim of its own, matched to its
  // fact-check; a known-false repeat ranks first; the first risk reason names the fact-check; the Riverton Gazette
  // article contradicts the claim with its deciding sentence.
  const trucks = report.claims.find((c) => c.text === 'the bridge has been closed to trucks for months')!
  assert.ok(trucks, 'an atomic "closed to trucks" claim')
  assert.deepEqual(trucks.attribution, { type: 'vague', source: 'residents' })
  assert.equal(trucks.frame?.text, 'Some residents say')
  assert.deepEqual(trucks.matches.map((m) => [m.rating, m.url]), [['Mostly false', 'https://factcheck.example.org/2026/harbor-bridge-trucks-banned']])
  assert.equal(report.claims[0]!.verdict, 'rated-false')
  assert.match(report.risk.reasons[0]!.message, /^Repeats a claim rated (Mostly false|False) by Example Fact Check Desk/)
  assert.ok(report.risk.reasons[0]!.url?.startsWith('https://factcheck.example.org/'))
  const gazette = trucks.evidence.find((e) => e.outlet === 'Riverton Gazette')!
  assert.equal(gazette.stance, 'disagree')
  assert.match(gazette.deciding!.text, /remains open to trucks/)
  const costs = report.claims.find((c) => c.text.startsWith('construction costs in the region rose'))!
  assert.equal(costs.verdict, 'rated-true')
  assert.deepEqual(costs.matches.map((m) => [m.rating, m.url]), [['True', 'https://factcheck.example.org/2026/regional-construction-costs']])
  const outlets = new Set(report.claims.flatMap((c) => c.evidence.map((e) => e.outlet)))
  for (const outlet of ['Valley Ledger', 'Riverton Public Radio', 'Coastal Times']) assert.ok(outlets.has(outlet), `coverage by ${outlet}`)
})

test('analyze stdin, text format by default off a terminal is JSON; --format text is readable', async () => {
  const json = await runCli(['analyze', '-'], { stdin: 'The mayor reportedly resigned on Friday.' })
  assert.equal(json.code, 0, json.stderr)
  assertValidReport(JSON.parse(json.stdout))
  const text = await runCli(['analyze', '-', '--format', 'text'], { stdin: 'The mayor reportedly resigned on Friday.' })
  assert.match(text.stdout, /Risk: /)
})

test('--out writes the file atomically, format from the extension', async () => {
  const out = join(dir, 'report.html')
  const run = await runCli(['analyze', EXAMPLE, '--out', out])
  assert.equal(run.code, 0, run.stderr)
  assert.equal(run.stdout, '')
  assert.match(readFileSync(out, 'utf8'), /^<!doctype html>/)
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [])
})

const badInputs: { name: string; args: () => string[]; stdin?: string | Buffer; code: string }[] = [
  { name: 'empty file', args: () => [file('empty.txt', '')], code: 'E_INPUT_EMPTY' },
  { name: 'whitespace only', args: () => [file('blank.txt', '  \n\t \n')], code: 'E_INPUT_EMPTY' },
  { name: 'binary (NUL bytes)', args: () => [file('bin.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0]))], code: 'E_INPUT_BINARY' },
  { name: 'over --max-bytes', args: () => [file('big.txt', 'word '.repeat(100)), '--max-bytes', '64'], code: 'E_INPUT_TOO_LARGE' },
  { name: 'missing file', args: () => [join(dir, 'nope.txt')], code: 'E_INPUT_NOT_FOUND' },
  { name: 'malformed JSON', args: () => [file('bad.json', '{"text": ')], code: 'E_INPUT_INVALID' },
  { name: 'HTML with no article', args: () => [file('empty.html', '<html><head><title>x</title></head><body><nav>Home</nav></body></html>')], code: 'E_NO_ARTICLE' },
  { name: 'loopback URL refused', args: () => [`${base}/article`], code: 'E_FETCH_BLOCKED' },
  { name: 'non-http URL', args: () => ['ftp://example.com/a.txt'], code: 'E_FETCH_BLOCKED' },
  { name: 'unreachable URL', args: () => ['http://127.0.0.1:9/x', '--allow-private-network'], code: 'E_FETCH_FAILED' },
  { name: 'redirect loop', args: () => [`${base}/loop`, '--allow-private-network'], code: 'E_FETCH_REDIRECTS' },
  { name: 'timeout', args: () => [`${base}/slow`, '--allow-private-network', '--timeout', '300'], code: 'E_FETCH_TIMEOUT' },
  { name: 'unsupported content type', args: () => [`${base}/pdf`, '--allow-private-network'], code: 'E_UNSUPPORTED_TYPE' },
  { name: 'unknown format', args: () => [EXAMPLE, '--format', 'pdf'], code: 'E_BAD_ARGUMENT' },
]

for (const bad of badInputs) {
  test(`bad input: ${bad.name} → one line with ${bad.code}, exit 2, no output file`, async () => {
    const out = join(dir, `out-${bad.code}.json`)
    const run = await runCli(['analyze', ...bad.args(), '--out', out], bad.stdin ? { stdin: bad.stdin } : {})
    assert.equal(run.code, 2, `stdout: ${run.stdout}\nstderr: ${run.stderr}`)
    assert.ok(isOneLineError(run.stderr, bad.code), `stderr was: ${run.stderr}`)
    assert.equal(existsSync(out), false)
  })
}

test('allowed loopback URL is fetched when the user opts in', async () => {
  const run = await runCli(['analyze', `${base}/article`, '--allow-private-network', '--format', 'json'])
  assert.equal(run.code, 0, run.stderr)
  const report = JSON.parse(run.stdout) as Report
  assert.equal(report.document.url, `${base}/article`)
})

test('a stray invalid UTF-8 byte is replaced with a warning; a legacy Latin-1 file is read as windows-1252', async () => {
  const utf8 = Buffer.concat([Buffer.from('The café “Rosa” opened on Monday '), Buffer.from([0xff]), Buffer.from(' in the old town square, officials said.')])
  const replaced = await runCli(['analyze', file('mostly-utf8.txt', utf8), '--format', 'json'])
  assert.equal(replaced.code, 0, replaced.stderr)
  const report = JSON.parse(replaced.stdout) as Report
  assert.ok(report.warnings?.some((w) => w.code === 'W_ENCODING_REPLACED'))
  assert.ok(report.document.text.includes('\uFFFD'))

  const latin1 = Buffer.concat([Buffer.from('The caf'), Buffer.from([0xe9]), Buffer.from(' opened on Monday in the old town square.')])
  const legacy = await runCli(['analyze', file('latin1.txt', latin1), '--format', 'json'])
  assert.equal(legacy.code, 0, legacy.stderr)
  const legacyReport = JSON.parse(legacy.stdout) as Report
  assert.ok(legacyReport.document.text.startsWith('The café opened'))
  assert.ok(legacyReport.warnings?.some((w) => w.code === 'W_ENCODING_FALLBACK'))
})

test('mostly invalid UTF-8 is refused with E_INPUT_ENCODING', async () => {
  const bytes = Buffer.concat([Buffer.from('“ok” '), Buffer.alloc(200, 0xff), Buffer.from(' text that follows the broken bytes.')])
  const run = await runCli(['analyze', file('broken.txt', bytes)])
  assert.equal(run.code, 2)
  assert.ok(isOneLineError(run.stderr, 'E_INPUT_ENCODING'), run.stderr)
})

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
