import { test } from 'node:test'
import assert from 'node:assert/strict'
import { CsvReader, CsvStructureError, parseCsv, parseCsvText, readCsvStream } from './csv.js'

function readInChunks(text: string, size: number, delimiter = ','): { line: number; fields: string[] }[] {
  const reader = new CsvReader(delimiter)
  const rows = []
  for (let i = 0; i < text.length; i += size) rows.push(...reader.push(text.slice(i, i + size)))
  rows.push(...reader.end())
  return rows
}

test('quoted fields keep delimiters, doubled quotes and newlines; rows report the line they start on', () => {
  const text = 'id,body\n1,"one, two"\n2,"she said ""hi""\nand left"\n3,plain\n'
  assert.deepEqual(parseCsvText(text), [
    { line: 1, fields: ['id', 'body'] },
    { line: 2, fields: ['1', 'one, two'] },
    { line: 3, fields: ['2', 'she said "hi"\nand left'] },
    { line: 5, fields: ['3', 'plain'] },
  ])
})

test('the same rows at every chunk size: CRLF, lone CR, a BOM, blank and whitespace-only lines, empty fields, no final newline', () => {
  const text = '\uFEFFa,b,c\r\n\r\n"x, y","he said ""hi""",3\r\n   \n"multi\nline",,end\rmac,line\r\n\nlast,row,"q"'
  const expected = [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 3, fields: ['x, y', 'he said "hi"', '3'] },
    { line: 5, fields: ['multi\nline', '', 'end'] },
    { line: 7, fields: ['mac', 'line'] },
    { line: 9, fields: ['last', 'row', 'q'] },
  ]
  for (const size of [1, 2, 3, 5, 7, 1000]) assert.deepEqual(readInChunks(text, size), expected, `chunk size ${size}`)
})

test('tab-separated values; a quote inside an unquoted field is text, not quoting', () => {
  assert.deepEqual(parseCsvText('a\tb\n"x\ty"\tz\n1\tHe said "no" twice\n', { delimiter: '\t' }), [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['x\ty', 'z'] },
    { line: 3, fields: ['1', 'He said "no" twice'] },
  ])
})

test('a quote that never closes: the reader throws with the row line; parseCsv ends with one error record', async () => {
  const text = 'a,b\n1,"never closed\n2,x\n'
  assert.throws(() => readInChunks(text, 4), (e: unknown) => e instanceof CsvStructureError && e.line === 2)
  const records = []
  for await (const record of parseCsv([text])) records.push(record)
  assert.deepEqual(records, [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, error: 'a quoted field never closes (the row starting on line 2)' },
  ])
  assert.deepEqual(parseCsvText(text), records)
})

test('byte chunks split inside a multi-byte character decode correctly', async () => {
  const bytes = Buffer.from('name,city\nJoaquín,Zürich\n', 'utf8')
  const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1))
  const rows = []
  for await (const batch of readCsvStream(chunks)) rows.push(...batch)
  assert.deepEqual(rows, [
    { line: 1, fields: ['name', 'city'] },
    { line: 2, fields: ['Joaquín', 'Zürich'] },
  ])
})

test('the delimiter must be one character', () => {
  assert.throws(() => new CsvReader('::'), RangeError)
})
