// Checks that annotate's slab reading (src/nlp/annotate.ts, tokenize) gives the same tokens as reading a text whole:
// every token's start, end, kind, POS tag, lower and lemma, and the case flags. Texts: each dataset under
// ../shared/data (news bodies, articles, fact-check claims, debate lines) joined into one long text, plus generated
// articles; each read whole and in slabs of 2 KB (many boundaries), of 8 KB (the default) and of 64 KB.
// Each reading runs in a fresh process: wink's tokenizer depends on what the process read before (a word it once kept
// whole, "Trump's" before a full stop, is added to its vocabulary and from then on is never split), so two readings
// in one process differ even without slabs.
// Usage: npx tsx bench/slab-check.ts [DATA_DIR]       Exit status 1 on any difference.
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsvText } from '../src/util/csv.js'
import { normalizeText } from '../src/document/normalize.js'
import { tokenize } from '../src/nlp/annotate.js'
import { generateArticle } from './generate-article.js'

const data = process.argv[2] ?? '../shared/data'
const jsonlTexts = (path: string, field: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => String(JSON.parse(l)[field] ?? ''))
const csvColumn = (path: string, column: string, delimiter = ',') => {
  const rows = parseCsvText(readFileSync(path, 'utf8'), { delimiter }) as { fields?: string[] }[]
  const at = rows[0]!.fields!.findIndex((f) => f.trim().toLowerCase() === column)
  return rows.slice(1).map((r) => r.fields?.[at] ?? '')
}
const sources: [string, () => string[]][] = [
  ['fnc1 bodies', () => csvColumn(join(data, 'stance-fnc1/train_bodies.csv'), 'articlebody')],
  ['fakenewsnet', () => jsonlTexts(join(data, 'credibility-fakenewsnet/fakenewsnet-politifact.jsonl'), 'text')],
  ['perezrosas celebrity', () => jsonlTexts(join(data, 'credibility-perezrosas/celebrity.jsonl'), 'text')],
  ['perezrosas fakenewsamt', () => jsonlTexts(join(data, 'credibility-perezrosas/fakenewsamt.jsonl'), 'text')],
  ['clef2020 verified claims', () => csvColumn(join(data, 'claim-retrieval-clef2020/verified_claims.tsv'), 'vclaim', '\t')],
  ['clef2019 debates', () => {
    const dir = join(data, 'checkworthiness-clef2019/train')
    return existsSync(dir) ? readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8').split('\n').map((l) => l.split('\t')[2] ?? '').join('\n')) : []
  }],
  ['generated', () => Array.from({ length: 300 }, (_, i) => generateArticle(i + 1, 2000))],
]

const BLOCK = 1000
const child = process.env.FACTSIFT_SLAB_CHECK
if (child) {
  // One reading: hashes of the tokens in blocks of BLOCK, and the token count, as JSON.
  const [name, slab] = JSON.parse(child) as [string, number | null]
  const text = normalizeText(sources.find(([n]) => n === name)![1]().join('\n\n'))
  const { tokens, flags } = tokenize(text, slab ?? Infinity)
  const blocks: string[] = []
  for (let b = 0; b < tokens.length; b += BLOCK) {
    const hash = createHash('sha1')
    for (let i = b; i < Math.min(tokens.length, b + BLOCK); i++) {
      const t = tokens[i]!
      hash.update(`${t.start} ${t.end} ${t.kind} ${t.pos} ${t.lower} ${t.lemma} ${flags[i]}\n`)
    }
    blocks.push(hash.digest('hex').slice(0, 12))
  }
  console.log(JSON.stringify({ count: tokens.length, chars: text.length, blocks }))
} else {
  const self = fileURLToPath(import.meta.url)
  const read = (name: string, slab: number | null) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', self, data], {
      env: { ...process.env, FACTSIFT_SLAB_CHECK: JSON.stringify([name, slab]) }, encoding: 'utf8', maxBuffer: 1 << 28,
    })
    if (run.status !== 0) throw new Error(`${name}: ${run.stderr.split('\n').slice(0, 3).join(' ')}`)
    return JSON.parse(run.stdout.trim().split('\n').pop()!) as { count: number; chars: number; blocks: string[] }
  }
  let failures = 0
  let checked = 0
  for (const [name] of sources) {
    let whole
    try {
      whole = read(name, null)
    } catch (error) {
      console.log(`${name}: skipped (${(error as Error).message})`)
      continue
    }
    for (const slab of [2048, 8 * 1024, 64 * 1024]) {
      const sliced = read(name, slab)
      const diff = whole.blocks.findIndex((h, i) => sliced.blocks[i] !== h)
      checked += whole.count
      if (diff >= 0 || whole.count !== sliced.count) {
        failures++
        console.log(`${name}, slabs of ${slab}: differ (tokens ${whole.count} vs ${sliced.count}; first differing block of ${BLOCK} tokens: ${diff})`)
      } else console.log(`${name}, slabs of ${slab}: ${whole.count} tokens identical (${(whole.chars / 2 ** 20).toFixed(2)} M chars)`)
    }
  }
  console.log(failures === 0 ? `slab-check: identical (${checked} token comparisons)` : `slab-check: ${failures} differences`)
  process.exitCode = failures === 0 ? 0 : 1
}
