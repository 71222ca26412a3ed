// Language identification measured: on English news (every text of the credibility corpora and the FNC-1 bodies) the
// share read as English, at several English margins; on trafilatura's 949 real pages the agreement with the page's own
// <html lang> on the main text (the evaluation's `with` segments). Run:
//   npx tsx training/language/measure.ts --data ../shared/data
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { francAll } from 'franc-min'
import { detectLanguage, ENGLISH_MARGIN, MIN_LETTERS } from '../../src/nlp/language.js'
import { parseCsvText } from '../../src/util/csv.js'

const dataArg = process.argv.indexOf('--data')
const data = dataArg > 0 ? process.argv[dataArg + 1]! : '../shared/data'

function englishTexts(): { name: string; texts: string[] }[] {
  const sets: { name: string; texts: string[] }[] = []
  for (const file of ['credibility-perezrosas/fakenewsamt.jsonl', 'credibility-perezrosas/celebrity.jsonl', 'credibility-fakenewsnet/fakenewsnet-politifact.jsonl']) {
    const path = join(data, file)
    if (!existsSync(path)) continue
    const texts = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text)
    sets.push({ name: file, texts })
  }
  const bodies = join(data, 'stance-fnc1/train_bodies.csv')
  if (existsSync(bodies)) sets.push({ name: 'stance-fnc1/train_bodies.csv', texts: parseCsvText(readFileSync(bodies, 'utf8')).slice(1).flatMap((row) => (row.fields ? [row.fields[1] ?? ''] : [])) })
  return sets
}

/** English's franc score relative to the best language (1 when English is best). */
function englishShare(text: string): number | null {
  const sample = text.slice(0, 4000)
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null
  return francAll(sample, { minLength: 10 }).find(([code]) => code === 'eng')?.[1] ?? 0
}

console.log(`English margin in use: ${ENGLISH_MARGIN}; minimum letters: ${MIN_LETTERS}`)
console.log('\nEnglish news read as English (texts with enough letters):')
const margins = [1, 0.97, 0.95, 0.9, 0.85, 0.8]
for (const { name, texts } of englishTexts()) {
  const shares = texts.map(englishShare).filter((s): s is number => s !== null)
  const cells = margins.map((m) => `≥${m}: ${((100 * shares.filter((s) => s >= m).length) / shares.length).toFixed(2)}%`)
  const misread = texts.filter((t) => { const g = detectLanguage(t); return g.reliable && g.language !== 'en' }).length
  console.log(`  ${name.padEnd(52)} n=${String(shares.length).padStart(5)}  ${cells.join('  ')}  detectLanguage misreads ${misread}`)
}

const evalPath = join(data, 'extraction-trafilatura/evaldata.json')
if (existsSync(evalPath)) {
  const pages = JSON.parse(readFileSync(evalPath, 'utf8')) as Record<string, { file: string; with: string[] }>
  const confusion = new Map<string, number>()
  let agree = 0
  let labelled = 0
  let und = 0
  for (const page of Object.values(pages)) {
    const path = join(data, 'extraction-trafilatura/html', page.file)
    if (!existsSync(path)) continue
    const html = gunzipSync(readFileSync(path)).toString('utf8')
    const lang = /<html[^>]*\slang=["']?([a-zA-Z]{2})/i.exec(html)?.[1]?.toLowerCase()
    const guess = detectLanguage(page.with.join('\n'))
    if (!guess.reliable) und++
    if (!lang || !guess.reliable) continue
    labelled++
    if (lang === guess.language) agree++
    else confusion.set(`${lang}→${guess.language}`, (confusion.get(`${lang}→${guess.language}`) ?? 0) + 1)
  }
  console.log(`\ntrafilatura pages: ${labelled} with <html lang> and enough main text; agreement ${((100 * agree) / labelled).toFixed(1)}%; ${und} too short to tell`)
  console.log(`  disagreements: ${[...confusion].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v}`).join(', ')}`)
}
