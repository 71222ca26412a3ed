// CPU time per page of HTML extraction, ours against a baseline checkout of the same code, in one run.
// Usage: tsx training/extraction/speed.ts --data /work/shared/data/extraction-trafilatura --baseline /path/to/checkout
//        [--every 3]   (every 3rd page by file name; 1 = all 949)
// Pages alternate between the two extractors (one page ours, then the same page the baseline's, then swapped), so
// a loaded machine slows both alike; CPU time (process.cpuUsage) rather than wall time for the same reason.
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { pathToFileURL } from 'node:url'
import { numberOption, stringOption } from '../../bench/args.js'
import { extractArticle } from '../../src/ingest/html-extract.js'
import { decodeInput } from '../../src/ingest/index.js'
import { sniffHtmlCharset } from '../../src/ingest/sniff.js'

type Extract = (html: string) => unknown
const DATA = stringOption('data', '../shared/data/extraction-trafilatura')
const BASELINE = stringOption('baseline', '')
const EVERY = numberOption('every', 3)
if (!BASELINE) throw new Error('--baseline <checkout> is required (a git worktree of the commit to compare with)')
const base = (await import(pathToFileURL(resolve(BASELINE, 'src/ingest/html-extract.ts')).href)) as { extractArticle: Extract }

const files = readdirSync(join(DATA, 'html')).sort().filter((_, i) => i % EVERY === 0)
const pages = files.map((f) => {
  const bytes = gunzipSync(readFileSync(join(DATA, 'html', f)))
  return decodeInput(bytes, { maxBytes: 5 * 1024 * 1024 }, { charset: sniffHtmlCharset(bytes) }).text
})
const runs: Array<[string, Extract]> = [['ours', extractArticle], ['baseline', base.extractArticle]]
const cpu: Record<string, number> = { ours: 0, baseline: 0 }
const time = (run: Extract, html: string): number => {
  const c0 = process.cpuUsage()
  try {
    run(html)
  } catch {
    // A page without an article costs its time all the same.
  }
  const c = process.cpuUsage(c0)
  return (c.user + c.system) / 1000
}
for (const html of pages.slice(0, 5)) for (const [, run] of runs) time(run, html)
pages.forEach((html, i) => {
  const order = i % 2 === 0 ? runs : [...runs].reverse()
  for (const [name, run] of order) cpu[name]! += time(run, html)
})
const per = (name: string): number => cpu[name]! / pages.length
console.log(`${pages.length} pages: ours ${per('ours').toFixed(1)} ms CPU/page, baseline ${per('baseline').toFixed(1)} ms CPU/page, ratio ${(per('ours') / per('baseline')).toFixed(3)}`)
