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
const CREDIT = /^\(?((fotos?|bilder?|titelbild|beitragsbild|photos?|photo credits?|picture|image|imagen|crédits? photos?|credits?|copyright)\s*(:|\(|©)|©)/iu
const MAX_CREDIT_WORDS = 12
// A rights notice: "© 2022, Example.com. This article is …", "Copyright © 2019 …", "(c) 2021 …" — at any length up
// to a call to action's, since the sentences after the year are the site's terms, not the story.
const RIGHTS_NOTICE = /^(copyright\s*)?(©|\(c\))\s*(\d{4}|copyright)\b|^copyright\s+\d{4}\b/iu
/** A block of at least this many words is a paragraph of the story. */
const MIN_PARAGRAPH_WORDS = 15
const MAX_TRAILING_LINE_WORDS = 8
const SENTENCE_END = /[.!?…"”»)]$/u
const CALL_TO_ACTION = new RegExp(BOILERPLATE_PHRASES.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'iu')
/** Calls to action are short; a longer paragraph that happens to contain one of the phrases is the story's. */
const MAX_CALL_TO_ACTION_WORDS = 40
// A short line ending in a colon announces what follows ("Related articles:"), like a heading.
const LABEL = /^[^.!?]{1,80}:$/

/** Blocks of the article without link lists, headings and labels over nothing, "Read also" teasers and credits. */
export function pruneBlocks(blocks: TextBlock[]): TextBlock[] {
  const kept = blocks.filter((b) => !isLinkList(b) && !isReadAlso(b) && !isCredit(b) && !isCallToAction(b))
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
    if (words(b.text) >= MIN_PARAGRAPH_WORDS) lastParagraph = i
  })
  return lastParagraph === -1 ? out : out.filter((b, i) => i <= lastParagraph || !isTrailingLine(b))
}

function words(text: string): number {
  return text.split(/\s+/).length
}

function isTrailingLine(b: TextBlock): boolean {
  return words(b.text) < MAX_TRAILING_LINE_WORDS && b.owner?.tagName !== 'LI' && !SENTENCE_END.test(b.text)
}

function isLinkList(b: TextBlock): boolean {
  return b.linkChars / b.text.length > MAX_LINK_SHARE
}

function isReadAlso(b: TextBlock): boolean {
  return (b.linkChars > 0 && READ_ALSO.test(b.text)) || TEASER_BOX_TITLE.test(b.text)
}

function isCallToAction(b: TextBlock): boolean {
  return words(b.text) <= MAX_CALL_TO_ACTION_WORDS && CALL_TO_ACTION.test(b.text)
}

function isCredit(b: TextBlock): boolean {
  const n = words(b.text)
  return (CREDIT.test(b.text) && n <= MAX_CREDIT_WORDS) || (RIGHTS_NOTICE.test(b.text) && n <= MAX_CALL_TO_ACTION_WORDS)
}

function isHeadingLike(b: TextBlock): boolean {
  const owner = b.owner?.tagName.toUpperCase() ?? ''
  return HEADING.test(owner) || LABEL.test(b.text)
}
