// Strips what a pasted tweet carries besides its claim: links, pic.twitter.com, the "— Name (@handle) date" signature.

/** A tweet reduced to its claim text, with the signature parts kept apart (the author often names the claimant). */
export interface CleanTweet {
  text: string
  author: string | null
  handle: string | null
  date: string | null
  /** The tweet carried a picture or video link (viral-image claims are often fact-checked as photos). */
  media: boolean
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December'
// "— Ilhan Omar (@IlhanMN) January 6, 2020" at the end; a plain hyphen is used by some copies.
const SIGNATURE = new RegExp(`\\s*[—–-]\\s*([^—–()]{0,80}?)\\s*\\(@(\\w{1,30})\\)\\s*((?:${MONTHS})\\s+\\d{1,2},\\s+\\d{4})?\\s*$`, 'u')
const PIC = /(?:https?:\/\/)?pic\.twitter\.com\/\w+/giu
const URL = /(?:https?:\/\/|www\.)[^\s"“”<>]+/giu
const MEDIA = /pic\.twitter\.com\/|youtu\.?be|\/video\//iu
const HANDLE = /(^|[^\w])@(\w{1,30})/gu
const HASHTAG = /#(\w+)/gu

/** Splits "FreeIran2020" or "realDonaldTrump" into words; tags glued to the next word stay one token otherwise. */
export function splitCamelCase(word: string): string {
  return word
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .trim()
}

export interface TweetCleanupOptions {
  /** 'split' keeps a handle as words ("@BetoORourke" → "Beto O Rourke"), 'drop' removes it. Default 'split'. */
  handles?: 'split' | 'drop'
}

/** Removes links, picture links, the signature and hashtag/handle markup; collapses whitespace. */
export function cleanTweet(raw: string, options: TweetCleanupOptions = {}): CleanTweet {
  let text = raw.replace(/\s+/g, ' ').trim()
  // Quoted copies (a CSV artefact) wrap the whole tweet in quotes.
  if (/^".*"$/su.test(text)) text = text.slice(1, -1).trim()
  let author: string | null = null
  let handle: string | null = null
  let date: string | null = null
  const signature = SIGNATURE.exec(text)
  if (signature) {
    author = signature[1]!.replace(/[®™]/g, '').trim() || null
    handle = signature[2]!
    date = signature[3] ?? null
    text = text.slice(0, signature.index)
  }
  const media = MEDIA.test(text)
  text = text
    .replace(PIC, ' ')
    .replace(URL, ' ')
    .replace(HANDLE, (_, before: string, name: string) => (options.handles === 'drop' ? `${before} ` : `${before}${splitCamelCase(name)}`))
    .replace(HASHTAG, (_, tag: string) => ` ${splitCamelCase(tag)}`)
    .replace(/^\s*(RT|BREAKING|JUST IN)\s*:\s*/iu, '')
    .replace(/[*_]{1,2}(\S[^*_]*?)[*_]{1,2}/gu, '$1')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
  return { text, author, handle, date, media }
}
