// Drop the boilerplate that sits inside an article's own container: link lists, headings over nothing, "Read also"
// teasers, photo credits and calls to action. Runs on the final blocks, whichever extraction path produced them.
import { BOILERPLATE_PHRASES } from './boilerplate-phrases.js'
import type { TextBlock } from './html-to-text.js'

/** A block whose text is more than this share link text is a list of links (related stories, tags, a menu). */
export const MAX_LINK_SHARE = 0.5
const HEADING = /^H[1-6]$/
// "Read also: <link>" teasers between paragraphs, in the languages of the pages we meet most.
const READ_ALSO =
  /^(read (also|more|next)|see also|also read|related|more on this|lea( también| más)?|le puede interesar|puedes ver|mira|mire|te puede interesar|lesen sie (auch|hier|mehr)|auch lesen|siehe auch|auch interessant|mehr zum thema|das könnte sie auch interessieren|weiterlesen|à lire aussi|lire aussi|leia também|veja também|zobacz (też|również))\b\s*[:»›>…-]?/iu
// The same labels alone on a line, as the title of a box of teasers ("Schon gelesen?", "You might also like").
const TEASER_BOX_TITLE =
  /^(read (also|more|next)|see also|also read|related( articles| posts| stories)?|you might also like|more from|lesen sie auch|auch lesen|siehe auch|schon gelesen|mehr zum thema|das könnte (sie|dich) auch interessieren|weiterlesen|ähnliche (beiträge|artikel|nachrichten)|empfohlene (beiträge|artikel)|à lire aussi|lire aussi|lea también|te puede interesar|temas relacionados|zobacz (też|również))\s*[:?!.»›…]*$/iu
// Picture credits on a line of their own: "Foto: dpa", "Bild: Ann Lee/Archive", "Photo credit: …".
const CREDIT = /^\(?((fotos?|bilder?|titelbild|beitragsbild|symbolbild|symbolfoto|archivbild|archivfoto|photos?|photo credits?|picture|image|imagen|crédits? photos?|credits?|copyright)\s*(:|\(|©)|©)/iu
const MAX_CREDIT_WORDS = 12
// A rights notice: "© 2022, Example.com. This article is …", "Copyright © 2019 …", "(c) 2021 …" — at any length up
// to a call to action's, since the sentences after the year are the site's terms, not the story.
const RIGHTS_NOTICE = /^(copyright\s*)?(©|\(c\))\s*(\d{4}|copyright)\b|^copyright\s+\d{4}\b/iu
// A caption names its picture's source at its end: "The ferry at the quay. (Foto: dpa)", a last line "Foto © Ann Lee".
// "Roman Prymula, photo: Government archive" names its picture's source after a comma.
const CREDIT_AT_END =
  /(\((fotos?|bilder?|photos?|image|imagen|picture|credit|symbolbild|symbolfoto|archivbild|archivfoto)\s*(:|©)[^()]{1,60}\)|((^|\n)\s*|[,;]\s*)(fotos?|bilder?|photos?|image|credit)\s*(:|©)[^\n]{1,60})$/iu
// An image viewer's button label printed before the caption ("Vergrößern The new camera …").
const ENLARGE_PREFIX = /^(vergrößern|bild vergrößern|enlarge|click to enlarge|zoom|agrandir|ampliar)\s/iu
/** A caption longer than this is prose that happens to sit next to a picture. */
const MAX_CAPTION_WORDS = 60
/** Without a credit to tell, only a short line that does not end like a sentence is taken for a caption. */
const MAX_BARE_CAPTION_WORDS = 25
// An advertisement's label at the start of a block, set off by a dash, colon or stars: "ANZEIGE - …",
// "*Werbung. Dieser Beitrag …"; "Anzeige gegen Unbekannt erstattet" (a criminal complaint) is prose and stays.
const AD_LABEL = /^[\s*(\[–-]*(anzeige|werbung|advertisement|publicidad|publicité|sponsored|gesponsert)[\s*)\]]*([-–—:.|]|$)/iu
// Labels of site widgets on a line of their own (a table of contents, comment counters, permalinks with their
// address, embed notices).
const WIDGET_LABEL =
  /^(permalink|permalien|inhaltsverzeichnis|table of contents|contents|keine kommentare|no comments( yet)?|explore further|externer inhalt|external content|lust auf mehr|neueste artikel|latest articles|quellen ausblenden|vorschau auf den nächsten artikel|(nächster|vorheriger) (artikel|beitrag)|(next|previous) (article|post|story))\s*[:?!.»›…]*(\s+https?:\/\/\S+)?$/iu
/** A block of at least this many words is a paragraph of the story. */
const MIN_PARAGRAPH_WORDS = 15
const MAX_TRAILING_LINE_WORDS = 8
const SENTENCE_END = /[.!?…"”»)]$/u
// Any run of whitespace between the words: pages write "apps&nbsp;for iOS".
const CALL_TO_ACTION = new RegExp(
  BOILERPLATE_PHRASES.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|'),
  'iu',
)
/** Calls to action are short; a longer paragraph that happens to contain one of the phrases is the story's. */
const MAX_CALL_TO_ACTION_WORDS = 40
// A short line ending in a colon announces what follows ("Related articles:"), like a heading.
const LABEL = /^[^.!?]{1,80}:$/

/**
 * Blocks of the article without link lists, headings and labels over nothing, "Read also" teasers, credits and
 * captions. `captions: false` keeps captions (a slideshow whose text is all captions, read as a last resort).
 */
export function pruneBlocks(blocks: TextBlock[], options: { captions?: boolean } = {}): TextBlock[] {
  // Each block's word count, counted once (the tests below all read it).
  const counts = new Map<TextBlock, number>()
  for (const b of blocks) counts.set(b, words(b.text))
  const n = (b: TextBlock): number => counts.get(b)!
  const total = blocks.reduce((sum, b) => sum + n(b), 0)
  const dropCaptions = options.captions ?? true
  // A short brief can be one paragraph beside its photo: the structural caption test needs other text around it.
  const isCaption = (b: TextBlock): boolean =>
    dropCaptions && (captionByText(b, n(b)) || (n(b) < MAX_CAPTION_SHARE * total && besideImageAlone(b, n(b))))
  const kept = blocks.filter((b) => !isLinkList(b) && !isReadAlso(b) && !isCredit(b, n(b)) && !isCaption(b) && !isCallToAction(b, n(b)))
  // Walk backwards: a heading (or label) survives only when a kept block that is not itself a heading follows it.
  const out: TextBlock[] = []
  let contentFollows = false
  for (let i = kept.length - 1; i >= 0; i--) {
    const b = kept[i]!
    if (isHeadingLike(b)) {
      if (!contentFollows) continue
      contentFollows = false
    } else contentFollows = true
    out.push(b)
  }
  out.reverse()
  // After the story's last real paragraph, short lines that are neither sentences nor list items are the page
  // signing off ("Share this article?" prompts, "Contact:", tag rows, a rating widget's label).
  let lastParagraph = -1
  out.forEach((b, i) => {
    if (n(b) >= MIN_PARAGRAPH_WORDS) lastParagraph = i
  })
  return lastParagraph === -1 ? out : out.filter((b, i) => i <= lastParagraph || !isTrailingLine(b, n(b)))
}

function words(text: string): number {
  return text.split(/\s+/).length
}

function isTrailingLine(b: TextBlock, wordCount: number): boolean {
  return wordCount < MAX_TRAILING_LINE_WORDS && b.owner?.tagName !== 'LI' && !SENTENCE_END.test(b.text)
}

// A paragraph that is only an address ("http://www.example.org/petition") points the reader somewhere on purpose;
// link lists are titles of other pages.
const BARE_URL = /^(https?:\/\/|www\.)\S+$/i

function isLinkList(b: TextBlock): boolean {
  return b.linkChars / b.text.length > MAX_LINK_SHARE && !BARE_URL.test(b.text)
}

function isReadAlso(b: TextBlock): boolean {
  return (b.linkChars > 0 && READ_ALSO.test(b.text)) || TEASER_BOX_TITLE.test(b.text)
}

function isCallToAction(b: TextBlock, wordCount: number): boolean {
  if (WIDGET_LABEL.test(b.text)) return true
  return wordCount <= MAX_CALL_TO_ACTION_WORDS && (CALL_TO_ACTION.test(b.text) || AD_LABEL.test(b.text))
}

/** A picture's caption by its words: it ends with the picture's credit or starts with a viewer's "enlarge" label. */
function captionByText(b: TextBlock, wordCount: number): boolean {
  return wordCount <= MAX_CAPTION_WORDS && (CREDIT_AT_END.test(b.text) || ENLARGE_PREFIX.test(b.text))
}

/** Extra characters (a credit, a counter "1/5") an image's wrapper may hold beside the caption. */
const CAPTION_SLACK = 30
const CAPTION_LEVELS = 3

/** A caption is at most this share of the article's words. */
const MAX_CAPTION_SHARE = 0.5

// Walk up from the block while the ancestors hold no other text: if one of them holds a picture, the block is
// that picture's caption. An image inside the block itself (an emoji, an icon in a paragraph) does not count.
function besideImageAlone(b: TextBlock, wordCount: number): boolean {
  let el = b.owner
  // Text-and-picture modules hold the story's own paragraphs beside their photos: those end like sentences.
  if (!el || wordCount > MAX_BARE_CAPTION_WORDS || SENTENCE_END.test(b.text)) return false
  const own = flatLength(b.text)
  for (let level = 0; el && level < CAPTION_LEVELS; level++) {
    const parent: Element | null = el.parentElement
    if (!parent || parent.tagName === 'BODY' || textLongerThan(parent, own + CAPTION_SLACK)) return false
    if (Array.from(parent.querySelectorAll('img, picture, video')).some((img) => !el!.contains(img) && !isIcon(img))) return true
    el = parent
  }
  return false
}

// Whether an element's text (whitespace aside) is longer than `limit`: stops counting once it is, so a block in a
// large container costs a few nodes, not the container's whole text.
function textLongerThan(root: Node, limit: number): boolean {
  let n = 0
  const stack: Node[] = [root]
  while (stack.length) {
    const node = stack.pop()!
    if (node.nodeType === 3) {
      n += flatLength(node.nodeValue ?? '')
      if (n > limit) return true
    } else if (node.nodeType === 1 || node.nodeType === 9 || node.nodeType === 11) {
      const kids = node.childNodes
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!)
    }
  }
  return false
}

function flatLength(text: string): number {
  return text.replace(/\s+/g, '').length
}

/** Icons, emoji and tracking pixels are images too small to be captioned. */
const MIN_PICTURE_PX = 64

function isIcon(img: Element): boolean {
  const small = ['width', 'height'].some((a) => {
    const v = Number.parseInt(img.getAttribute(a) ?? '', 10)
    return Number.isFinite(v) && v < MIN_PICTURE_PX
  })
  return small || /emoji|icon|avatar|logo/i.test(`${img.getAttribute('class') ?? ''} ${img.getAttribute('src') ?? ''}`)
}

function isCredit(b: TextBlock, wordCount: number): boolean {
  return (CREDIT.test(b.text) && wordCount <= MAX_CREDIT_WORDS) || (RIGHTS_NOTICE.test(b.text) && wordCount <= MAX_CALL_TO_ACTION_WORDS)
}

function isHeadingLike(b: TextBlock): boolean {
  const owner = b.owner?.tagName.toUpperCase() ?? ''
  return HEADING.test(owner) || LABEL.test(b.text)
}
