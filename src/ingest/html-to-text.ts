// Turn extracted article markup into plain text: one paragraph per block element, blank lines between paragraphs.

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
])
// RT and RP are ruby annotations (the reading printed above Japanese kanji): 子<rt>こ</rt>ども reads 子ども.
const SKIP = new Set([
  'AUDIO', 'BUTTON', 'CANVAS', 'EMBED', 'IFRAME', 'IMG', 'INPUT', 'NOSCRIPT', 'OBJECT', 'PICTURE', 'RP', 'RT', 'SCRIPT',
  'SELECT', 'STYLE', 'SVG', 'TEMPLATE', 'TEXTAREA', 'VIDEO',
])
const CELL = new Set(['TD', 'TH'])

/** Text of a block that is link text, per paragraph: lets callers spot link lists (related stories, tags). */
export interface TextBlock {
  text: string
  linkChars: number
  /** The block element whose text this is (the innermost block open when it ended). */
  owner: Element | null
}

/** Walk `root` and return its text blocks in order; whitespace collapsed, <br> kept as a line break. */
export function htmlToBlocks(root: Node): TextBlock[] {
  const blocks: TextBlock[] = []
  let buf = ''
  let linkChars = 0
  let owner: Element | null = root.nodeType === 1 ? (root as Element) : null
  const flush = (): void => {
    const text = buf
      .replace(/[ \t\r\f\u00A0]*\n[ \t\r\f\u00A0]*/g, '\n')
      .replace(/\n{2,}/g, '\n\n')
      .trim()
    if (text) blocks.push({ text, linkChars: Math.min(linkChars, text.length), owner })
    buf = ''
    linkChars = 0
  }
  const walk = (node: Node, inLink: boolean, pre: boolean): void => {
    if (node.nodeType === 3) {
      const raw = node.nodeValue ?? ''
      const t = pre ? raw : raw.replace(/[ \t\n\r\f]+/g, ' ')
      if (!pre && buf.endsWith(' ') && t.startsWith(' ')) buf += t.slice(1)
      else buf += t
      if (inLink) linkChars += t.trim().length
      return
    }
    if (node.nodeType !== 1) return
    const el = node as Element
    const tag = el.tagName.toUpperCase()
    if (SKIP.has(tag)) return
    if (tag === 'BR') {
      // <br><br> is a paragraph break: its own block, so that pruning judges each paragraph (a sign-off line
      // under a post written with line breaks) and link shares are counted per paragraph.
      if (endsWithLineBreak(buf)) flush()
      else buf += '\n'
      return
    }
    const block = BLOCK.has(tag)
    const outer = owner
    if (block) {
      flush()
      owner = el
    }
    if (CELL.has(tag) && buf && !buf.endsWith(' ')) buf += ' '
    const link = inLink || tag === 'A'
    for (const child of Array.from(el.childNodes)) walk(child, link, pre || tag === 'PRE')
    if (block) {
      flush()
      owner = outer
    }
  }
  walk(root, false, false)
  flush()
  return blocks
}

// True when `buf` ends in a line break and spaces: scanned from the end, since a post of many <br>s is one long buffer.
function endsWithLineBreak(buf: string): boolean {
  let i = buf.length - 1
  while (i >= 0 && (buf[i] === ' ' || buf[i] === '\t' || buf[i] === '\u00A0')) i--
  return i >= 0 && buf[i] === '\n'
}
