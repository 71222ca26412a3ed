import { test } from 'node:test'
import assert from 'node:assert/strict'
import { annotate } from '../../src/nlp/annotate.js'
import { parseTranscript } from './clef-data.js'
import { annotateTranscript, transcriptDocument } from './transcript-document.js'

const transcript = parseTranscript(
  'demo',
  [
    '1\tHOST\tGood evening and welcome.\t0',
    '2\tHOST\tOur first question goes to the senator\t0',
    '3\tSMITH\tWe created 200,000 jobs in 2015.\t1',
    '4\tSMITH\tThat is a record.\t1',
    '5\tSYSTEM\t(APPLAUSE)\t0',
  ].join('\n'),
)

test('one paragraph per speaker turn, each line one exact span', () => {
  const { document, spans } = transcriptDocument(transcript)
  assert.deepEqual(spans.map((s) => s.paragraph), [0, 0, 1, 1, 2])
  spans.forEach((span, i) => assert.equal(document.text.slice(span.start, span.end), transcript.lines[i].text))
  assert.match(document.text, /welcome\. Our first/)
  assert.match(document.text, /senator\n\nWe created/)
})

test('annotated units cover exactly the tokens inside each line', () => {
  const t = annotateTranscript(transcript, annotate)
  assert.equal(t.units.length, 5)
  assert.deepEqual(t.labels, [0, 0, 1, 1, 0])
  for (const unit of t.units) {
    assert.ok(unit.tokenEnd > unit.tokenStart, `unit ${unit.index} has tokens`)
    for (let k = unit.tokenStart; k < unit.tokenEnd; k++) {
      const token = t.doc.tokens[k]
      assert.ok(token.start >= unit.start && token.end <= unit.end, `token ${k} lies inside unit ${unit.index}`)
    }
  }
  assert.equal(t.units[2].tokenStart, t.units[1].tokenEnd)
})

test('an empty transcript sentence still gets a non-empty unit', () => {
  const t = annotateTranscript(parseTranscript('x', '1\tA\t \t0\n2\tA\tHello there.\t0'), annotate)
  assert.equal(t.doc.text.slice(t.units[0].start, t.units[0].end), '-')
})
