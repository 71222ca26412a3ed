// Hostile XML is refused before any parser sees it: a DOCTYPE (entity expansion, external entities) or an HTML page.
import { FactsiftError } from '../errors.js'

/**
 * Reads the prolog (XML declaration, processing instructions, comments, white space) up to the root element and
 * returns the root's name. A DOCTYPE anywhere outside CDATA sections and comments is refused with E_FEED_DTD — feeds
 * never need one, and refusing it outright closes "billion laughs" entity expansion and external entities (file://,
 * http://) without relying on parser options; an HTML document (`<!DOCTYPE html>` or an `<html>` root) is
 * E_FEED_NOT_FEED, as is text that holds no element.
 */
export function checkXmlProlog(text: string): string {
  let i = 0
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2)
      if (end < 0) break
      i = end + 2
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4)
      if (end < 0) break
      i = end + 3
    } else if (/^<!doctype\b/i.test(text.slice(i, i + 9))) {
      const name = /^<!doctype\s+([^\s>[]+)/i.exec(text.slice(i, i + 200))?.[1] ?? ''
      if (name.toLowerCase() === 'html') throw notFeed('an HTML page (<!DOCTYPE html>), not a feed')
      throw dtd()
    } else if (text[i] === '<' && /[A-Za-z_]/.test(text[i + 1] ?? '')) {
      const root = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 200))![1]!
      if (root.toLowerCase() === 'html') throw notFeed('an HTML page (<html> root), not a feed')
      if (hasDeclarationOutsideCdata(text, i)) throw dtd()
      return root
    } else break
  }
  throw notFeed('neither XML with a root element nor JSON: not a feed')
}

/** `<!DOCTYPE` or `<!ENTITY` after the root's start, outside CDATA sections and comments (malformed, and refused). */
function hasDeclarationOutsideCdata(text: string, from: number): boolean {
  if (!/<!(doctype|entity)\b/i.test(text.slice(from))) return false
  const stripped = text.slice(from).replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!--[\s\S]*?-->/g, '')
  return /<!(doctype|entity)\b/i.test(stripped)
}

function dtd(): FactsiftError {
  return new FactsiftError('E_FEED_DTD', 'the feed declares a DOCTYPE; DTDs, entity declarations and external entities are refused')
}

function notFeed(message: string): FactsiftError {
  return new FactsiftError('E_FEED_NOT_FEED', message)
}
