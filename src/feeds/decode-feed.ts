// Feed bytes → string: BOM, then the transport's charset, then the XML declaration's encoding, else strict UTF-8.
import { FactsiftError } from '../errors.js'

/**
 * Decodes a feed strictly: a byte that is not valid in the chosen encoding refuses the whole feed (E_FEED_ENCODING),
 * where article ingest would replace it: a feed that lies about its encoding would give every item broken titles.
 * Order (RFC 7303): a byte order mark, the HTTP charset, the `<?xml encoding="…"?>` declaration, UTF-8.
 */
export function decodeFeed(bytes: Buffer, httpCharset: string | null = null): string {
  let encoding = 'utf-8'
  let body: Uint8Array = bytes
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3)
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, body] = ['utf-16le', bytes.subarray(2)]
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, body] = ['utf-16be', bytes.subarray(2)]
  else encoding = httpCharset?.trim().toLowerCase() || declaredEncoding(bytes) || 'utf-8'
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(encoding, { fatal: true })
  } catch {
    throw new FactsiftError('E_FEED_ENCODING', `the feed declares an unknown encoding "${encoding}"`, { encoding })
  }
  let text: string
  try {
    text = decoder.decode(body)
  } catch {
    throw new FactsiftError('E_FEED_ENCODING', `the feed is not valid ${decoder.encoding.toUpperCase()} (declare its encoding, or serve UTF-8)`, {
      encoding: decoder.encoding,
    })
  }
  if (text.includes('\u0000')) throw new FactsiftError('E_FEED_NOT_FEED', 'the feed holds NUL characters: a binary file, not a feed')
  return text
}

/** The encoding named by an `<?xml … encoding="…"?>` declaration at the very start, read as ASCII. */
function declaredEncoding(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 256).toString('latin1')
  const match = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)
  return match ? match[1]!.toLowerCase() : null
}
