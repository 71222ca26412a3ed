import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseCsv, parseCsvText } from './csv-records.js'

test('quoted fields keep commas, doubled quotes and newlines; records report their first line', () => {
  const text = 'id,body\n1,"one, two"\n2,"she said ""hi""\nand left"\n3,plain\n'
  assert.deepEqual(parseCsvText(text), [
    { line: 1, fields: ['id', 'body'] },
    { line: 2, fields: ['1', 'one, two'] },
    { line: 3, fields: ['2', 'she said "hi"\nand left'] },
    { line: 5, fields: ['3', 'plain'] },
  ])
})

test('CRLF line ends, a BOM, blank lines, empty trailing fields and no final newline', () => {
  const text = '\uFEFFa,b,c\r\n\r\nx,,\r\n"y",z,"w"'
  assert.deepEqual(parseCsvText(text), [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 3, fields: ['x', '', ''] },
    { line: 4, fields: ['y', 'z', 'w'] },
  ])
})

test('tab-separated values', () => {
  assert.deepEqual(parseCsvText('a\tb\n"x\ty"\tz\n', { delimiter: '\t' }), [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['x\ty', 'z'] },
  ])
})

test('an unterminated quote becomes one error record at the end', () => {
  const records = parseCsvText('a,b\n1,"never closed\n2,x\n')
  assert.equal(records.length, 2)
  assert.deepEqual(records[1], { line: 2, error: 'unterminated quoted field starting on line 2' })
})

test('streaming gives the same records whatever the chunk boundaries', async () => {
  const text = 'h1,h2\n"a ""quoted""\r\nvalue",b\r\nc,"d,e"\n"last"\n'
  const whole = parseCsvText(text)
  for (const size of [1, 2, 3, 5, 7]) {
    const chunks = async function* () {
      for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size)
    }
    const streamed = []
    for await (const record of parseCsv(chunks())) streamed.push(record)
    assert.deepEqual(streamed, whole, `chunk size ${size}`)
  }
})
