// A streaming CSV/TSV row reader (RFC 4180 quoting: quoted fields may hold delimiters, doubled quotes and newlines).

/** One row with the 1-based line where it starts (a quoted field can make a row span several lines). */
export interface CsvRow {
  line: number
  fields: string[]
}

const MAX_FIELD_CHARS = 16 * 1024 * 1024

/** Thrown when a quoted field grows past 16 MB: almost always an unbalanced quote. */
export class CsvStructureError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message)
  }
}

/** The state machine: feed chunks with `push`, finish with `end`; each returns the rows it completed. */
export class CsvReader {
  private line = 1
  private rowLine = 1
  private fields: string[] = []
  private field = ''
  private quoted = false
  /** Inside quotes, a quote was just seen: either the closing quote or the first of a doubled pair. */
  private quotePending = false
  private fieldStarted = false
  private readonly delimiter: number
  private started = false

  constructor(delimiter = ',') {
    if (delimiter.length !== 1) throw new RangeError('the delimiter must be one character')
    this.delimiter = delimiter.charCodeAt(0)
  }

  push(chunk: string): CsvRow[] {
    if (!this.started) {
      this.started = true
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1)
    }
    const rows: CsvRow[] = []
    const n = chunk.length
    const d = this.delimiter
    let i = 0
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
      // Unquoted: take the run up to the next delimiter, quote or line break.
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
      } else if (c === 0x0d) {
        i++
      } else if (c === 0x0a) {
        this.fields.push(this.field)
        this.field = ''
        this.fieldStarted = false
        rows.push({ line: this.rowLine, fields: this.fields })
        this.fields = []
        this.line++
        this.rowLine = this.line
        i++
      } else {
        // A quote inside an unquoted field is kept as text (tweets are full of them).
        this.field += '"'
        this.fieldStarted = true
        i++
      }
    }
    return rows.filter((row) => !(row.fields.length === 1 && row.fields[0] === ''))
  }

  end(): CsvRow[] {
    if (this.quoted && !this.quotePending) throw new CsvStructureError('a quoted field never closes', this.rowLine)
    const rows: CsvRow[] = []
    if (this.fieldStarted || this.fields.length > 0) {
      this.fields.push(this.field)
      rows.push({ line: this.rowLine, fields: this.fields })
    }
    this.fields = []
    this.field = ''
    this.fieldStarted = false
    this.quoted = false
    return rows.filter((row) => !(row.fields.length === 1 && row.fields[0] === ''))
  }
}

/** Reads rows from chunks of text; yields the rows completed by each chunk. */
export async function* readCsvStream(chunks: AsyncIterable<string>, delimiter = ','): AsyncGenerator<CsvRow[]> {
  const reader = new CsvReader(delimiter)
  for await (const chunk of chunks) yield reader.push(chunk)
  yield reader.end()
}
