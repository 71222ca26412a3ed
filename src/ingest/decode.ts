// Bytes → string: size limit, binary detection, BOMs, declared charsets, and the policy for invalid UTF-8.
import type { IngestWarning } from '../document/types.js'
import type { Limits } from './limits.js'
import { FactsiftError } from '../errors.js'
import { checkSize } from './size-limit.js'
import { scanUtf8 } from './utf8-scan.js'
import { decodeWindows1252 } from './windows-1252.js'
import type { DecodedText } from './types.js'

/** Above this share of replaced characters a text is refused (E_INPUT_ENCODING) rather than decoded with U+FFFD. */
export const MAX_REPLACED_SHARE = 0.01
/** A few replaced characters are always tolerated, so one stray byte in a short text does not refuse it. */
const MIN_REPLACED_REFUSED = 4
/** Share of C0 control bytes (other than tab, newlines, form feed, escape) that marks a file as binary. */
const MAX_CONTROL_SHARE = 0.05
const SNIFF_BYTES = 64 * 1024
/** Share of NUL bytes above which the input is binary (one in a thousand). */
const MAX_NUL_SHARE = 0.001

export interface DecodeOptions {
  /** Charset declared by the transport or the document (HTTP header, <meta charset>); a BOM still wins. */
  charset?: string | null
}

/**
 * Decode input bytes to text. Order: size limit (E_INPUT_TOO_LARGE), empty (E_INPUT_EMPTY), BOM (UTF-8, UTF-16 LE/BE),
 * binary (more than 0.1% NUL bytes or many control bytes: E_INPUT_BINARY), then the declared charset or UTF-8.
 * Invalid UTF-8 without a declared charset: when the bytes contain no valid multi-byte sequence at all they are a legacy
 * single-byte text and are decoded as windows-1252 (warning W_ENCODING_FALLBACK); otherwise bad sequences become U+FFFD
 * (warning W_ENCODING_REPLACED), and more than 1% replaced characters refuses the input (E_INPUT_ENCODING).
 */
export function decodeInput(bytes: Buffer, limits: Pick<Limits, 'maxBytes'>, options: DecodeOptions = {}): DecodedText {
  checkSize(bytes.length, limits.maxBytes)
  if (bytes.length === 0) throw new FactsiftError('E_INPUT_EMPTY', 'input is empty')

  const bom = detectBom(bytes)
  const declared = bom ? null : resolveCharset(options.charset)
  const warnings: IngestWarning[] = []
  if (options.charset && !bom && !declared) {
    warnings.push({ code: 'W_ENCODING_UNKNOWN', message: `unknown charset "${options.charset}", decoded as UTF-8` })
  }
  const encoding = bom?.encoding ?? declared ?? 'utf-8'
  const body = bom ? bytes.subarray(bom.length) : bytes

  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const text = new TextDecoder(encoding).decode(body)
    if (text.includes('\u0000')) throw binary()
    return finish({ text, encoding, warnings }, countReplacement(text))
  }
  if (looksBinary(body)) throw binary()

  if (encoding !== 'utf-8') return finish({ text: decodeAs(encoding, body), encoding, warnings }, 0)
  const scan = scanUtf8(body)
  if (scan.invalid === 0) return finish({ text: new TextDecoder('utf-8').decode(body), encoding, warnings }, 0)
  if (scan.multiByte === 0 && !declared) {
    warnings.push({
      code: 'W_ENCODING_FALLBACK',
      message: 'input is not UTF-8 and declares no charset; decoded as windows-1252',
    })
    return finish({ text: decodeWindows1252(body), encoding: 'windows-1252', warnings }, 0)
  }
  const text = new TextDecoder('utf-8').decode(body)
  return finish({ text, encoding, warnings }, scan.invalid)
}

function decodeAs(encoding: string, bytes: Uint8Array): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes)
}

function finish(decoded: DecodedText, replaced: number): DecodedText {
  if (replaced > 0) {
    const share = replaced / Math.max(1, decoded.text.length)
    if (replaced >= MIN_REPLACED_REFUSED && share > MAX_REPLACED_SHARE) {
      throw new FactsiftError(
        'E_INPUT_ENCODING',
        `input is not valid ${decoded.encoding.toUpperCase()}: ${replaced} bad byte sequences (${(share * 100).toFixed(1)}% of the text)`,
        { replaced },
      )
    }
    decoded.warnings.push({
      code: 'W_ENCODING_REPLACED',
      message: `${replaced} invalid ${decoded.encoding.toUpperCase()} sequence(s) replaced with U+FFFD`,
    })
  }
  if (!/[^\s\u200B-\u200D\u2060\uFEFF]/.test(decoded.text)) {
    throw new FactsiftError('E_INPUT_EMPTY', 'input contains only whitespace')
  }
  return decoded
}

function detectBom(bytes: Buffer): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    // FF FE 00 00 is the UTF-32 LE BOM; TextDecoder has no UTF-32, and Factsift does not take it.
    if (bytes.length >= 4 && bytes[2] === 0 && bytes[3] === 0) {
      throw new FactsiftError('E_INPUT_ENCODING', 'UTF-32 input is not supported; convert it to UTF-8')
    }
    return { encoding: 'utf-16le', length: 2 }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/** A charset label as a WHATWG encoding name, or null when the label is empty or unknown. */
export function resolveCharset(label: string | null | undefined): string | null {
  if (!label) return null
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding
  } catch {
    return null
  }
}

function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES)
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]
    // Tab, LF, VT, FF, CR and ESC (ANSI colour codes in terminal logs) are text.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) {
      control++
    }
  }
  // A few stray NULs in a long page (a CMS that wrote padding into the markup) do not make it binary; UTF-16
  // without a BOM (every other byte NUL) and real binaries do.
  let nul = 0
  for (let i = bytes.indexOf(0); i !== -1; i = bytes.indexOf(0, i + 1)) nul++
  return nul / bytes.length > MAX_NUL_SHARE || control / n > MAX_CONTROL_SHARE
}

function countReplacement(text: string): number {
  let n = 0
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++
  return n
}

function binary(): FactsiftError {
  return new FactsiftError('E_INPUT_BINARY', 'input looks like a binary file (NUL or control bytes), not text or HTML')
}
