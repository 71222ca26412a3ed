// The one streaming CSV/TSV reader (RFC 4180 quoting) behind every delimited input: batch items, corpus articles,
// fact-check imports and the FNC-1 / CLEF data files. A state machine over chunks: each character is looked at once,
// whatever the chunk boundaries, so a 1 GB file with long quoted fields streams in linear time.

/** One row with the 1-based line where it starts (a quoted field can make a row span several lines). */
export interface CsvRow {
  line: number
  fields: string[]
}

/** A row, or the reason the rest of the input could not be read. */
export type CsvRecord = (CsvRow & { error?: undefined }) | { line: number; fields?: undefined; error: string }

export interface CsvOptions {
  /** Field separator, one character: ',' (default) or '\t'. */
  delimiter?: string
}

/** A quoted field longer than this is almost always an unbalanced quote swallowing the file. */
const MAX_FIELD_CHARS = 16 * 1024 * 1024

/** The input's structure is broken (a quote never closes); `line` is where the row holding it starts. */
export class CsvStructureError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message)
  }
}

/** Feed chunks with `push`, finish with `end`; each returns the rows it completed. Blank lines yield no row. */
export class CsvReader {
  private line = 1
  private rowLine = 1
  private fields: string[] = []
  private field = ''
  private quoted = false
  /** Inside quotes, a quote was just seen: either the closing quote or the first of a doubled pair. */
  private quotePending = false
  private fieldStarted = false
  /** The previous chunk ended a row on '\r': a '\n' opening this one belongs to that line break. */
  private skipLineFeed = false
  private started = false
  private readonly delimiter: number

  constructor(delimiter = ',') {
    if (delimiter.length !== 1) throw new RangeError('the delimiter must be one character')
    this.delimiter = delimiter.charCodeAt(0)
  }

  push(chunk: string): CsvRow[] {
    if (!this.started && chunk.length > 0) {
      this.started = true
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1)
    }
    const rows: CsvRow[] = []
    const n = chunk.length
    const d = this.delimiter
    let i = 0
    if (this.skipLineFeed && n > 0) {
      this.skipLineFeed = false
      if (chunk.charCodeAt(0) === 0x0a) i = 1
    }
    while (i < n) {
      if (this.quoted) {
        if (this.quotePending) {
          this.quotePending = false
          if (chunk.charCodeAt(i) === 0x22) {
            this.field += '"'
            i++
            continue
          }
          this.quoted = false
          continue
        }
        // Copy up to the next quote in one slice.
        const q = chunk.indexOf('"', i)
        const stop = q === -1 ? n : q
        const piece = chunk.slice(i, stop)
        this.field += piece
        for (let k = piece.indexOf('\n'); k !== -1; k = piece.indexOf('\n', k + 1)) this.line++
        if (this.field.length > MAX_FIELD_CHARS) throw new CsvStructureError('a quoted field never closes', this.rowLine)
        if (q === -1) break
        this.quotePending = true
        i = q + 1
        continue
      }
      // Unquoted: take the run up to the next delimiter, line break, or a quote opening the field.
      let j = i
      while (j < n) {
        const c = chunk.charCodeAt(j)
        if (c === d || c === 0x0a || c === 0x0d || (c === 0x22 && !this.fieldStarted && j === i)) break
        j++
      }
      if (j > i) {
        this.field += chunk.slice(i, j)
        this.fieldStarted = true
        i = j
        if (i >= n) break
      }
      const c = chunk.charCodeAt(i)
      if (c === 0x22 && !this.fieldStarted) {
        this.quoted = true
        this.fieldStarted = true
        i++
      } else if (c === d) {
        this.fields.push(this.field)
        this.field = ''
        this.fieldStarted = false
        i++
      } else if (c === 0x0a || c === 0x0d) {
        this.endRow(rows)
        i++
        // \r\n is one line break; a lone \r (old Mac files) is one too.
        if (c === 0x0d) {
          if (i < n) {
            if (chunk.charCodeAt(i) === 0x0a) i++
          } else {
            this.skipLineFeed = true
          }
        }
      } else {
        // A quote inside an unquoted field is text (tweets are full of them).
        this.field += '"'
        this.fieldStarted = true
        i++
      }
    }
    return rows
  }

  /** Completes the last row; throws CsvStructureError when a quoted field is still open. */
  end(): CsvRow[] {
    if (this.quoted && !this.quotePending) throw new CsvStructureError('a quoted field never closes', this.rowLine)
    const rows: CsvRow[] = []
    if (this.fieldStarted || this.fields.length > 0) this.endRow(rows)
    this.quoted = false
    this.quotePending = false
    return rows
  }

  private endRow(rows: CsvRow[]): void {
    this.fields.push(this.field)
    const fields = this.fields
    // A line holding nothing but spaces is blank, not a one-field row.
    if (!(fields.length === 1 && fields[0]!.trim() === '')) rows.push({ line: this.rowLine, fields })
    this.fields = []
    this.field = ''
    this.fieldStarted = false
    this.line++
    this.rowLine = this.line
  }
}

/** The rows completed by each chunk of text (decoded Buffers are read as UTF-8); throws CsvStructureError. */
export async function* readCsvStream(chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>, delimiter = ','): AsyncGenerator<CsvRow[]> {
  const reader = new CsvReader(delimiter)
  // A Buffer chunk may end inside a multi-byte character: decode across boundaries.
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of chunks) yield reader.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }))
  const tail = decoder.decode()
  yield [...(tail ? reader.push(tail) : []), ...reader.end()]
}

/** One record at a time; broken structure becomes a final error record instead of an exception. */
export async function* parseCsv(chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>, options: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  try {
    for await (const rows of readCsvStream(chunks, options.delimiter)) yield* rows
  } catch (error) {
    if (!(error instanceof CsvStructureError)) throw error
    yield { line: error.line, error: `${error.message} (the row starting on line ${error.line})` }
  }
}

/** A whole CSV string at once (small files, tests); broken structure becomes a final error record. */
export function parseCsvText(text: string, options: CsvOptions = {}): CsvRecord[] {
  const reader = new CsvReader(options.delimiter)
  const records: CsvRecord[] = []
  try {
    records.push(...reader.push(text))
    records.push(...reader.end())
  } catch (error) {
    if (!(error instanceof CsvStructureError)) throw error
    records.push({ line: error.line, error: `${error.message} (the row starting on line ${error.line})` })
  }
  return records
}
