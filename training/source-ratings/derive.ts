// Derives data/source-ratings.json from Lin et al.'s domain_pc1.csv: npm run derive:source-ratings [-- <csv> [--date YYYY-MM-DD]]
// The one table derived from ../shared/data that the package ships: domain → score (2 decimals) with source, citation,
// licence, date and band thresholds in its header. Same input and date → the same file byte for byte.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseCsvText } from '../../src/util/csv.js'
import { writeFileAtomic } from '../../src/util/atomic-write.js'
import { DEFAULT_BANDS } from '../../src/source-ratings/bands.js'
import { ratingsTableFromJSON, type RatingsTableFile } from '../../src/source-ratings/default-table.js'
import { ratingKey } from '../../src/source-ratings/ratings-list.js'

const args = process.argv.slice(2)
const dateAt = args.indexOf('--date')
const date = dateAt >= 0 ? args.splice(dateAt, 2)[1] : new Date().toISOString().slice(0, 10)
const input = args[0] ?? '../shared/data/source-ratings/domain_pc1.csv'
const output = fileURLToPath(new URL('../../data/source-ratings.json', import.meta.url))

const bytes = readFileSync(input)
const records = parseCsvText(bytes.toString('utf8'))
const header = records[0]?.fields?.map((f) => f.trim().toLowerCase())
if (!header || header[0] !== 'domain' || header[1] !== 'pc1') throw new Error(`${input}: expected the header "domain,pc1"`)

const ratings = new Map<string, number>()
/** Keys whose row was written exactly as the key: they win over a variant host (m.yahoo.com 0.56 vs yahoo.com 0.69). */
const exact = new Set<string>()
const skipped: string[] = []
const replaced: string[] = []
for (const record of records.slice(1)) {
  if (record.error !== undefined) throw new Error(`${input}:${record.line}: ${record.error}`)
  const [domain = '', pc1 = ''] = record.fields
  const key = ratingKey(domain)
  const score = Number(pc1)
  if (!key || pc1.trim() === '' || !(score >= 0 && score <= 1)) {
    skipped.push(`${record.line}: ${domain},${pc1}`)
    continue
  }
  const isExact = domain.trim().toLowerCase() === key
  if (ratings.has(key) && (exact.has(key) || !isExact)) {
    skipped.push(`${record.line}: ${domain} (${pc1}): a variant host of ${key}, which is rated already`)
    continue
  }
  if (ratings.has(key)) replaced.push(`${record.line}: ${domain} (${pc1}) replaces the variant host rated before it`)
  if (isExact) exact.add(key)
  // Two decimals: the aggregate of six expert sets is not more precise than that (the sets' own scales have 3–9
  // steps), and 0.01 keeps the file small while ranking ties stay rare (101 levels over 11,520 domains).
  ratings.set(key, Math.round(score * 100) / 100)
}

const sorted = [...ratings.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
const file: RatingsTableFile = {
  id: 'source-ratings',
  version: 1,
  list: 'lin2023',
  source: 'domain_pc1.csv from the authors\' repository github.com/hauselin/domain-quality-ratings: pc1, the first principal component of six expert rating sets (NewsGuard, Media Bias/Fact Check, Ad Fontes Media, professional fact-checkers, Lasser et al., Iffy index), imputed where a set lacks a domain',
  citation: 'Lin, H., Lasser, J., Lewandowsky, S., Cole, R., Gully, A., Rand, D. G., & Pennycook, G. (2023). High level of correspondence across different news domain quality rating sets. PNAS Nexus, 2(9), pgad286. https://doi.org/10.1093/pnasnexus/pgad286',
  shortCitation: 'Lin et al. 2023',
  licence: 'No licence file in the authors\' repository; published with an open-access paper. Shipped as reference data with this citation (cite it wherever the ratings show).',
  derivedAt: date,
  derivedBy: `training/source-ratings/derive.ts from ${input.split('/').slice(-2).join('/')} (sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}…, ${records.length - 1} rows)`,
  scale: 'score = pc1 as published (already 0 = lowest quality … 1 = highest, min–max scaled by the authors), rounded to 2 decimals. Keys: lower-case ASCII host without www./m./amp. prefixes; "domain/section" keys rate one section of a site.',
  bands: {
    ...DEFAULT_BANDS,
    note: 'low < 0.40 ≤ mixed < 0.70 ≤ high: the quartiles of the 11,520 scores (25th percentile 0.379, 75th 0.694), rounded. Low holds fabricators and hyper-partisan sites (infowars.com 0.05, breitbart.com 0.30), high the wires and papers of record (reuters.com 1.00, washingtonpost.com 0.82).',
  },
  count: sorted.length,
  ratings: Object.fromEntries(sorted),
}
ratingsTableFromJSON(file, 'derived table') // the runtime's own check, before anything is written
// One rating per line: diffs between derivations stay readable.
const { ratings: _r, ...head } = file
const headJson = JSON.stringify(head, null, 2).slice(0, -2)
const body = sorted.map(([key, score]) => `    ${JSON.stringify(key)}: ${score}`).join(',\n')
writeFileAtomic(output, `${headJson},\n  "ratings": {\n${body}\n  }\n}\n`)
process.stdout.write(`wrote ${output}: ${sorted.length} ratings from ${records.length - 1} rows; skipped ${skipped.length}\n`)
for (const line of skipped) process.stdout.write(`  skipped ${line}\n`)
for (const line of replaced) process.stdout.write(`  kept ${line}\n`)
