// A streaming splitter for big JSON files: yields the elements of the record arrays one by one, never the whole file.
//
// Written here rather than taken from a package: it only has to find element boundaries (strings, brackets) and
// hand each element to JSON.parse, which keeps it small and fast. Record arrays are the top-level array, or the
// `claims` / `dataFeedElement` / `@graph` / `itemListElement` array of a top-level object; the other members of a
// top-level object are gathered into one "rest" object (a single ClaimReview file is all rest).

/** One element of a record array, or one parse failure, with the 1-based line where it starts. */
export type JsonItem = { line: number; value: unknown; error?: undefined } | { line: number; value?: undefined; error: string }

/** Keys of a top-level object whose array values hold the records. */
export const RECORD_ARRAY_KEYS: ReadonlySet<string> = new Set(['claims', 'dataFeedElement', '@graph', 'itemListElement'])

/** Thrown when brackets do not balance: the file cannot be read further. */
export class JsonStructureError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message)
  }
}

const MAX_ELEMENT_CHARS = 64 * 1024 * 1024

interface Capture {
  pieces: string[]
  from: number
  line: number
  size: number
}

/** Splits a JSON text arriving in chunks; yields the items completed by each chunk (a batch, possibly empty). */
export async function* splitJsonStream(chunks: AsyncIterable<string>): AsyncGenerator<JsonItem[]> {
  const splitter = new JsonSplitter()
  for await (const chunk of chunks) yield splitter.push(chunk)
  yield splitter.end()
}

/** The state machine behind splitJsonStream; usable synchronously for tests. */
export class JsonSplitter {
  private line = 1
  private depth = 0
  private inString = false
  private escaped = false
  /** Depth of the array whose elements are being split (1 for a top-level array, 2 for `claims` etc.), or 0. */
  private splitDepth = 0
  private topKind: '' | '[' | '{' = ''
  /** At depth 1 of a top-level object: reading a key, expecting its value, or inside the value. */
  private memberState: 'key' | 'colon' | 'value' | 'after' = 'key'
  private keyPieces: string[] | null = null
  private currentKey = ''
  private element: Capture | null = null
  private member: Capture | null = null
  private rest: string[] = []
  private restLine = 1
  private started = false
  private out: JsonItem[] = []

  push(chunk: string): JsonItem[] {
    this.out = []
    if (!this.started && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1)
    this.scan(chunk)
    for (const capture of [this.element, this.member]) {
      if (capture) {
        capture.pieces.push(chunk.slice(capture.from))
        capture.size += chunk.length - capture.from
        capture.from = 0
        if (capture.size > MAX_ELEMENT_CHARS) throw new JsonStructureError('an element is larger than 64 MB', capture.line)
      }
    }
    if (this.keyPieces && this.keyStart >= 0) {
      this.keyPieces.push(chunk.slice(this.keyStart))
      this.keyStart = 0
    }
    return this.out
  }

  end(): JsonItem[] {
    this.out = []
    if (this.inString || this.depth !== 0) throw new JsonStructureError('the JSON text ends inside a value', this.line)
    if (!this.started) throw new JsonStructureError('the file holds no JSON value', this.line)
    if (this.rest.length > 0) this.emit(`{${this.rest.join(',')}}`, this.restLine)
    return this.out
  }

  private keyStart = -1

  private emit(text: string, line: number): void {
    try {
      this.out.push({ line, value: JSON.parse(text) })
    } catch (error) {
      this.out.push({ line, error: `invalid JSON: ${(error as Error).message}` })
    }
  }

  private finishElement(s: string, end: number): void {
    const capture = this.element!
    capture.pieces.push(s.slice(capture.from, end))
    this.element = null
    const text = capture.pieces.join('').trim()
    if (text) this.emit(text, capture.line)
  }

  private finishMember(s: string, end: number): void {
    const capture = this.member!
    capture.pieces.push(s.slice(capture.from, end))
    this.member = null
    if (this.rest.length === 0) this.restLine = capture.line
    this.rest.push(`${JSON.stringify(this.currentKey)}:${capture.pieces.join('').trim()}`)
  }

  private scan(s: string): void {
    const n = s.length
    for (let i = 0; i < n; i++) {
      if (this.inString) {
        // Fast path: jump to the next quote or backslash.
        if (this.escaped) {
          this.escaped = false
          continue
        }
        let j = i
        for (; j < n; j++) {
          const c = s.charCodeAt(j)
          if (c === 0x22 || c === 0x5c) break
        }
        if (j === n) return
        i = j
        if (s.charCodeAt(i) === 0x5c) {
          this.escaped = true
          continue
        }
        this.inString = false
        if (this.keyPieces) {
          this.keyPieces.push(s.slice(this.keyStart, i))
          this.currentKey = JSON.parse(`"${this.keyPieces.join('')}"`) as string
          this.keyPieces = null
          this.keyStart = -1
          this.memberState = 'colon'
        }
        continue
      }
      const c = s.charCodeAt(i)
      if (c === 0x0a) {
        this.line++
        continue
      }
      if (c === 0x20 || c === 0x09 || c === 0x0d) continue
      if (!this.started) {
        this.started = true
        if (c === 0x5b) {
          this.topKind = '['
          this.depth = 1
          this.splitDepth = 1
          continue
        }
        if (c === 0x7b) {
          this.topKind = '{'
          this.depth = 1
          this.memberState = 'key'
          continue
        }
        throw new JsonStructureError('the file does not start with a JSON array or object', this.line)
      }
      if (this.depth === 0) throw new JsonStructureError('text after the end of the JSON value', this.line)
      // Start of an element of the split array.
      if (this.splitDepth > 0 && this.depth === this.splitDepth && !this.element && c !== 0x5d && c !== 0x2c) {
        this.element = { pieces: [], from: i, line: this.line, size: 0 }
      }
      // Members of a top-level object: keys, and values we keep whole.
      if (this.topKind === '{' && this.depth === 1) {
        if (this.memberState === 'key') {
          if (c === 0x22) {
            this.inString = true
            this.keyPieces = []
            this.keyStart = i + 1
            continue
          }
          if (c === 0x7d) {
            this.depth = 0
            continue
          }
          if (c === 0x2c) continue
          throw new JsonStructureError('expected a key in the top-level object', this.line)
        }
        if (this.memberState === 'colon') {
          if (c !== 0x3a) throw new JsonStructureError('expected ":" after a key', this.line)
          this.memberState = 'value'
          continue
        }
        if (this.memberState === 'value') {
          this.memberState = 'after'
          if (c === 0x5b && RECORD_ARRAY_KEYS.has(this.currentKey)) {
            this.depth = 2
            this.splitDepth = 2
            continue
          }
          this.member = { pieces: [], from: i, line: this.line, size: 0 }
        } else if (this.memberState === 'after' && !this.member && (c === 0x2c || c === 0x7d)) {
          // The split array has closed; this comma or brace ends the member.
          this.memberState = 'key'
          if (c === 0x7d) this.depth = 0
          continue
        }
        if (this.member && (c === 0x2c || c === 0x7d)) {
          this.finishMember(s, i)
          this.memberState = 'key'
          if (c === 0x7d) this.depth = 0
          continue
        }
      }
      switch (c) {
        case 0x22:
          this.inString = true
          break
        case 0x5b:
        case 0x7b:
          this.depth++
          break
        case 0x5d:
        case 0x7d:
          if (this.splitDepth > 0 && this.depth === this.splitDepth) {
            if (c !== 0x5d) throw new JsonStructureError('"}" closes an array', this.line)
            if (this.element) this.finishElement(s, i)
            this.splitDepth = 0
          }
          this.depth--
          if (this.depth < 0) throw new JsonStructureError('unbalanced closing bracket', this.line)
          break
        case 0x2c:
          if (this.splitDepth > 0 && this.depth === this.splitDepth && this.element) this.finishElement(s, i)
          break
        default:
          break
      }
    }
  }
}
