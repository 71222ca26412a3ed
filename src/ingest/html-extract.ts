// Main-content extraction from an HTML page: chrome removal, Readability over linkedom, blocks → paragraphs, metadata.
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { FactsiftError } from '../errors.js'
import { normalizeDate } from './dates.js'
import { readPageMeta, cleanByline } from './html-meta.js'
import { htmlToBlocks, type TextBlock } from './html-to-text.js'
import { removeChrome } from './page-chrome.js'
import { cleanTitle, siteNameFromTitle } from './title.js'
import { dropMetaLines } from './meta-lines.js'
import { recoverDroppedBlocks, recoverLead, recoverTail } from './recover-blocks.js'
import { articleBodyBlocks } from './article-body.js'
import { pruneBlocks } from './prune-blocks.js'
import type { ExtractedArticle } from './types.js'

/** Fewer words of non-link text than this after extraction means the page has no article (E_NO_ARTICLE). */
export const MIN_ARTICLE_WORDS = 5
/** A JSON-LD articleBody shorter than this is a summary, never used as the text. */
const MIN_STATED_BODY_WORDS = 50
/** The articleBody replaces extracted text that has fewer than this share of its words. */
const STATED_BODY_SHARE = 0.4

/**
 * Extract the article of an HTML page: its paragraphs as plain text separated by blank lines (the headline first,
 * as a reader sees it), and its title, byline, outlet, publication date and canonical URL. `baseUrl` is the page's
 * address when known (resolves a relative canonical link). Throws E_NO_ARTICLE when no article text is found.
 */
export function extractArticle(html: string, baseUrl: string | null = null): ExtractedArticle {
  const full = asFullDocument(html)
  const document = parse(full)
  // Metadata first: Readability and chrome removal both mutate the tree.
  const page = readPageMeta(document, baseUrl)
  removeChrome(document)
  // Readability mutates the tree it reads, and recovery needs the chrome-free page as it was: a deep copy costs
  // about half of a second parse and spares a second chrome removal.
  const clean = document.cloneNode(true) as Document
  const h1 = document.querySelector('h1')?.textContent ?? null
  const parsed = new Readability<Node>(document, { serializer: (node) => node }).parse()
  const readabilityTitle = parsed?.title ?? null

  // An <h1> that the <title> contains is the headline without the site name; Readability's own <title> clean-up
  // cuts at ': ' too and turns "Rail strike: which lines run on Friday? — Eastbrook Post" into the wrong half.
  // (An <h1> that is only the site's logo text is the short part of the <title>, not the headline.)
  const h1Text = cleanTitle(h1)
  const docTitle = page.documentTitle
  const h1InTitle = h1Text && docTitle?.includes(h1Text) && h1Text.length >= 0.4 * docTitle.length ? h1Text : null
  let title = cleanTitle(page.title ?? h1InTitle ?? readabilityTitle ?? page.documentTitle ?? h1)
  const outlet = page.outlet ?? cleanTitle(parsed?.siteName) ?? siteNameFromTitle(page.documentTitle, title)
  if (title && outlet) title = cleanTitle(stripOutletSuffix(title, outlet))
  const byline = page.byline ?? cleanByline(parsed?.byline)
  const publishedAt = page.publishedAt ?? normalizeDate(parsed?.publishedTime)

  // Readability mutated `document`; recovery reads the untouched chrome-free copy.
  const kept = parsed?.content ? htmlToBlocks(parsed.content) : []
  const bodyBlocks = clean.body ? htmlToBlocks(clean.body) : []
  const found = kept.length ? recoverTail(recoverLead(recoverDroppedBlocks(kept, clean, bodyBlocks), bodyBlocks), bodyBlocks) : bodyBlocks
  let blocks = dropMetaLines(pruneBlocks(found), { title, byline })

  // The page's own JSON-LD articleBody wins when the markup gave far less (a body rendered by script, a teaser
  // shown in place of the text); it must be long enough to be an article, not a summary.
  const stated = page.articleBody ? dropMetaLines(articleBodyBlocks(page.articleBody), { title, byline }) : []
  const statedWords = articleWords(stated)
  if (statedWords >= MIN_STATED_BODY_WORDS && articleWords(blocks) < STATED_BODY_SHARE * statedWords) blocks = stated
  // Last resort: chrome removal can take the article with it (a slideshow whose text sits in captions);
  // read the page again with only the structural chrome removed.
  if (articleWords(blocks) < MIN_ARTICLE_WORDS) blocks = lightExtraction(full, { title, byline })
  if (articleWords(blocks) < MIN_ARTICLE_WORDS) {
    throw new FactsiftError('E_NO_ARTICLE', 'no article text found in the HTML (only navigation, links or nothing)')
  }
  const paragraphs = blocks.map((b) => b.text)
  if (title && !sameText(paragraphs[0], title)) paragraphs.unshift(title)
  return { text: paragraphs.join('\n\n'), meta: { title, byline, outlet, publishedAt, url: page.url } }
}

function lightExtraction(full: string, known: { title: string | null; byline: string | null }): TextBlock[] {
  const document = parse(full)
  removeChrome(document, { byClass: false })
  const parsed = new Readability<Node>(document, { serializer: (node) => node }).parse()
  const found = parsed?.content ? htmlToBlocks(parsed.content) : document.body ? htmlToBlocks(document.body) : []
  return dropMetaLines(pruneBlocks(found, { captions: false }), known)
}

function parse(html: string): Document {
  const document = (parseHTML(html) as unknown as { document: Document }).document
  if (html.includes('text/template')) inlineTemplates(document)
  return document
}

// Blogger ships each post's body as markup inside <script type="text/template"> and renders it with JavaScript;
// every extractor drops scripts, so the post would be lost. Such a script inside the post's body becomes a <div>
// (only there: templates elsewhere are widgets, such as a cookie box rendered on demand).
const TEMPLATE_IN_BODY = ['[itemprop="articleBody"]', '.post-body', '.post-content', '.entry-content']
  .map((container) => `${container} script[type="text/template"]`)
  .join(', ')

function inlineTemplates(document: Document): void {
  for (const script of Array.from(document.querySelectorAll(TEMPLATE_IN_BODY))) {
    const markup = script.textContent ?? ''
    if (!/<(p|div|br)[\s>/]/i.test(markup)) continue
    const div = document.createElement('div')
    div.innerHTML = markup
    script.replaceWith(div)
  }
}

// linkedom only builds <html>/<body> when the markup has them; a fragment ('<p>…</p>') would have no body.
// Anything before <!doctype>/<html> (a PHP warning, a stray <style>) makes linkedom put the whole page outside
// document.body, so it is cut: browsers show it above the page, never inside the article.
function asFullDocument(html: string): string {
  const start = html.search(/<!doctype\s+html|<html[\s>]/i)
  if (start > 0) html = html.slice(start)
  if (/<body[\s>]/i.test(html)) return html
  const head = /<head[\s>][\s\S]*?<\/head>/i.exec(html)?.[0] ?? ''
  const rest = html.replace(/<!doctype[^>]*>/i, '').replace(/<\/?html[^>]*>/gi, '').replace(head, '')
  return `<!doctype html><html>${head || '<head></head>'}<body>${rest}</body></html>`
}

// Chinese and Japanese put no spaces between words: there, about two characters make a word.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
const CJK_CHARS_PER_WORD = 2

function articleWords(blocks: TextBlock[]): number {
  let words = 0
  for (const b of blocks) {
    if (b.linkChars / b.text.length > 0.5) continue
    const cjk = b.text.match(CJK)?.length ?? 0
    words += cjk / CJK_CHARS_PER_WORD + b.text.replace(CJK, ' ').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length
  }
  return words
}

function stripOutletSuffix(title: string, outlet: string): string {
  const esc = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return title.replace(new RegExp(`\\s+[|\\-–—:·»]\\s+${esc}$`, 'i'), '').replace(new RegExp(`^${esc}\\s+[|\\-–—:·»]\\s+`, 'i'), '')
}

function sameText(a: string | undefined, b: string): boolean {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase()
  return a !== undefined && norm(a) === norm(b)
}
