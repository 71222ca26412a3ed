// Streaming RFC 4180 CSV parsing with quoted multi-line fields, reporting the line each record starts on.

/** One parsed record: its fields, or the reason it could not be parsed, and the 1-based line it starts on. */
export type CsvRecord = { line: number; fields: string[]; error?: undefined } | { line: number; fields?: undefined; error: string }

export interface CsvOptions {
  /** Field separator: ',' (default) or '\t'. */
  delimiter?: string
}

/**
 * Parses CSV from text chunks (a file stream decoded as UTF-8) without holding the whole file: fields may be quoted,
 * contain the delimiter, doubled quotes and newlines. A quote that is never closed yields one error record at the end.
 */
export async function* parseCsv(chunks: AsyncIterable<string | Buffer>, options: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(options.delimiter ?? ',')
  for await (const chunk of chunks) {
    yield* parser.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'))
  }
  yield* parser.end()
}

/** Parses a whole CSV string at once (tests, small files). */
export function parseCsvText(text: string, options: CsvOptions = {}): CsvRecord[] {
  const parser = new CsvParser(options.delimiter ?? ',')
  return [...parser.push(text), ...parser.end()]
}

class CsvParser {
  private buffer = ''
  private line = 1
  private first = true

  constructor(private readonly delimiter: string) {}

  /** Parses every complete record in the buffer; an incomplete trailing record waits for more text. */
  *push(text: string): Generator<CsvRecord> {
    if (this.first && text.length > 0) {
      this.first = false
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    this.buffer += text
    let position = 0
    for (;;) {
      const parsed = this.parseRecord(position, false)
      if (parsed === null) break
      position = parsed.next
      if (!isBlank(parsed.fields)) yield { line: parsed.line, fields: parsed.fields }
    }
    this.buffer = this.buffer.slice(position)
  }

  *end(): Generator<CsvRecord> {
    if (this.buffer.length === 0) return
    const parsed = this.parseRecord(0, true)
    this.buffer = ''
    if (parsed === null) return
    if (parsed.error) yield { line: parsed.line, error: parsed.error }
    else if (!isBlank(parsed.fields)) yield { line: parsed.line, fields: parsed.fields }
  }

  /** Parses one record starting at `start`; null when more input is needed (or, at the end, nothing remains). */
  private parseRecord(start: number, final: boolean): { fields: string[]; next: number; line: number; error?: string } | null {
    const text = this.buffer
    const delimiter = this.delimiter
    const fields: string[] = []
    const line = this.line
    let newlines = 0
    let i = start
    if (i >= text.length) return null
    for (;;) {
      if (text.charCodeAt(i) === 34 /* " */) {
        let value = ''
        let j = i + 1
        for (;;) {
          const quote = text.indexOf('"', j)
          if (quote === -1) {
            if (!final) return null
            return { fields, next: text.length, line, error: `unterminated quoted field starting on line ${line + newlines}` }
          }
          if (quote + 1 >= text.length && !final) return null
          value += text.slice(j, quote)
          if (text.charCodeAt(quote + 1) === 34) {
            value += '"'
            j = quote + 2
            continue
          }
          j = quote + 1
          break
        }
        newlines += countNewlines(value)
        // Text between the closing quote and the next separator is kept, as lenient parsers do.
        const end = nextSeparator(text, j, delimiter)
        if (end === -1 && !final) return null
        const stop = end === -1 ? text.length : end
        value += text.slice(j, stop)
        fields.push(value)
        i = stop
      } else {
        const end = nextSeparator(text, i, delimiter)
        if (end === -1 && !final) return null
        const stop = end === -1 ? text.length : end
        fields.push(text.slice(i, stop))
        i = stop
      }
      if (i >= text.length) {
        this.line = line + newlines
        return { fields, next: i, line }
      }
      if (text[i] === delimiter) {
        i += 1
        if (i >= text.length) {
          if (!final) return null
          fields.push('')
          this.line = line + newlines
          return { fields, next: i, line }
        }
        continue
      }
      // a line break ends the record: \n, \r\n or a lone \r
      if (text.charCodeAt(i) === 13) {
        if (i + 1 >= text.length && !final) return null
        i += text.charCodeAt(i + 1) === 10 ? 2 : 1
      } else {
        i += 1
      }
      this.line = line + newlines + 1
      return { fields, next: i, line }
    }
  }
}

function nextSeparator(text: string, from: number, delimiter: string): number {
  for (let k = from; k < text.length; k++) {
    const c = text[k]
    if (c === delimiter || c === '\n' || c === '\r') return k
  }
  return -1
}

function countNewlines(value: string): number {
  let n = 0
  for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) n++
  if (n === 0 && value.includes('\r')) for (let k = value.indexOf('\r'); k !== -1; k = value.indexOf('\r', k + 1)) n++
  return n
}

function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0]!.trim() === ''
}
