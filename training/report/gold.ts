// Reads a report gold folder: its parts (tune/, heldout/, or the folder itself), each with its fact-checks, its
// reference articles and its judged articles. Layout: test/fixtures/report-gold/README.md.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { FactsiftError } from '../../src/errors.js'
import { parseJudgments, type ArticleJudgments } from './judgments.js'

export interface GoldArticle {
  /** Name of the judgments file without .json. */
  name: string
  /** Path of the article file. */
  path: string
  judgments: ArticleJudgments
}

export interface GoldPart {
  name: string
  dir: string
  /** False for a part nobody tunes on (its folder name starts with "heldout"). */
  tuned: boolean
  claimReviews: string | null
  referenceArticles: string | null
  articles: GoldArticle[]
}

const ARTICLE_EXTENSIONS = ['.txt', '.html', '.htm']

/** The parts of `dir`: each subfolder that has an articles/ folder (tune/ first, heldout/ after), else `dir` itself. */
export function loadGoldParts(dir: string): GoldPart[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new FactsiftError('E_INPUT_NOT_FOUND', `${dir} is not a folder`)
  if (isPart(dir)) return [loadPart(dir, basename(dir))]
  const parts = readdirSync(dir)
    .filter((name) => isPart(join(dir, name)))
    .sort((a, b) => Number(isHeldout(a)) - Number(isHeldout(b)) || a.localeCompare(b))
    .map((name) => loadPart(join(dir, name), name))
  if (parts.length === 0) throw new FactsiftError('E_INPUT_INVALID', `${dir} has no articles/ folder and no part folder (tune/, heldout/) with one`)
  return parts
}

function isPart(dir: string): boolean {
  const articles = join(dir, 'articles')
  return existsSync(articles) && statSync(articles).isDirectory()
}

function isHeldout(name: string): boolean {
  return /^heldout/i.test(name)
}

function loadPart(dir: string, name: string): GoldPart {
  const articlesDir = join(dir, 'articles')
  const files = readdirSync(articlesDir).sort()
  const articles: GoldArticle[] = []
  for (const file of files.filter((f) => f.endsWith('.json'))) {
    const where = join(articlesDir, file)
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(where, 'utf8'))
    } catch (error) {
      throw new FactsiftError('E_INPUT_INVALID', `${where}: not valid JSON (${(error as Error).message})`)
    }
    let judgments: ArticleJudgments
    try {
      judgments = parseJudgments(parsed, where)
    } catch (error) {
      throw new FactsiftError('E_INPUT_INVALID', (error as Error).message)
    }
    const stem = file.slice(0, -'.json'.length)
    const articleFile = judgments.article ?? files.find((f) => f.slice(0, -extname(f).length) === stem && ARTICLE_EXTENSIONS.includes(extname(f).toLowerCase()))
    if (!articleFile || !existsSync(join(articlesDir, articleFile))) {
      throw new FactsiftError('E_INPUT_INVALID', `${where}: no article file ${judgments.article ?? `${stem}.txt or ${stem}.html`} beside it`)
    }
    articles.push({ name: stem, path: join(articlesDir, articleFile), judgments })
  }
  const unjudged = files.filter((f) => ARTICLE_EXTENSIONS.includes(extname(f).toLowerCase()) && !articles.some((a) => basename(a.path) === f))
  if (unjudged.length > 0) throw new FactsiftError('E_INPUT_INVALID', `${articlesDir}: articles without a judgments file: ${unjudged.join(', ')}`)
  const claimReviews = join(dir, 'claimreviews.json')
  const referenceArticles = join(dir, 'reference-articles')
  lintPart(articles, existsSync(claimReviews) ? claimReviews : null, existsSync(referenceArticles) ? referenceArticles : null)
  return {
    name,
    dir,
    tuned: !isHeldout(name),
    claimReviews: existsSync(claimReviews) ? claimReviews : null,
    referenceArticles: existsSync(referenceArticles) ? referenceArticles : null,
    articles,
  }
}

/**
 * Catches typos in the judgments before they pass for model failures: every substring a judgment names must be in
 * its article, every fact-check URL in the part's claimreviews.json, every outlet in one of its reference articles.
 */
function lintPart(articles: GoldArticle[], claimReviews: string | null, referenceArticles: string | null): void {
  const urls = new Set<string>()
  if (claimReviews) {
    const text = readFileSync(claimReviews, 'utf8')
    for (const m of text.matchAll(/"url"\s*:\s*"([^"]+)"/g)) urls.add(m[1]!)
  }
  const references = referenceArticles ? filesUnder(referenceArticles).map((f) => squash(readFileSync(f, 'utf8'))).join('\n') : ''
  const problems: string[] = []
  for (const a of articles) {
    const j = a.judgments
    const text = squash(plainText(readFileSync(a.path, 'utf8'), a.path))
    const substrings = [
      ...(j.firstClaim === undefined ? [] : Array.isArray(j.firstClaim) ? j.firstClaim : [j.firstClaim]),
      ...(j.atomicClaims ?? []),
      ...(j.notClaims ?? []),
      ...(j.matchedFactCheck ?? []).map((m) => m.claim),
      ...(j.contradictedClaim ?? []).map((c) => c.claim),
      ...(j.noMisspellingsIn ?? []),
    ]
    for (const s of substrings) if (!text.includes(squash(s))) problems.push(`${a.name}: "${s}" is not in the article`)
    for (const m of j.matchedFactCheck ?? []) if (m.url && !urls.has(m.url)) problems.push(`${a.name}: ${m.url} is not in claimreviews.json`)
    for (const c of j.contradictedClaim ?? []) if (!references.includes(squash(c.outlet))) problems.push(`${a.name}: no reference article from ${c.outlet}`)
  }
  if (problems.length > 0) throw new FactsiftError('E_INPUT_INVALID', `gold judgments do not fit their data: ${problems.join('; ')}`)
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

function plainText(text: string, path: string): string {
  if (!/\.html?$/i.test(path)) return text
  return text
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&rsquo;/g, "'")
}

function squash(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[‘’ʼ`]/g, "'").replace(/[“”„]/g, '"').replace(/\s+/g, ' ')
}
