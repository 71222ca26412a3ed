// A page's JSON-LD `articleBody` as text blocks: the fallback when its markup yields too little article text.
import { parseHTML } from 'linkedom'
import { decodeEntities } from './html-entities.js'
import { htmlToBlocks, type TextBlock } from './html-to-text.js'

/** Paragraphs of an `articleBody`: markup inside it is read as HTML, else each line is a paragraph. */
export function articleBodyBlocks(body: string): TextBlock[] {
  if (/<(p|br|div|h[1-6]|li)[\s>/]/i.test(body)) {
    const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`) as unknown as { document: Document }
    return htmlToBlocks(document.body)
  }
  return decodeEntities(body)
    .split(/\s*\n\s*/)
    .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
    .filter((text) => text !== '')
    .map((text) => ({ text, linkChars: 0, owner: null }))
}
