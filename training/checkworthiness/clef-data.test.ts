import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseTranscript } from './clef-data.js'
import { isFactsiftError } from '../../src/errors.js'

test('parseTranscript reads line, speaker, sentence and label; skips blank lines', () => {
  const t = parseTranscript('demo', '1\tHOST\tGood evening.\t0\n2\tSMITH\tWe created 200 jobs.\t1\n\n')
  assert.equal(t.name, 'demo')
  assert.deepEqual(t.lines, [
    { line: 1, speaker: 'HOST', text: 'Good evening.', label: 0 },
    { line: 2, speaker: 'SMITH', text: 'We created 200 jobs.', label: 1 },
  ])
})

test('a malformed row throws E_BAD_DATA_ROW naming the file and line', () => {
  for (const bad of ['1\tHOST\tno label', 'x\tHOST\tText.\t0', '1\tHOST\tText.\t2']) {
    assert.throws(
      () => parseTranscript('demo', `1\tA\tFine.\t0\n${bad}`),
      (e: unknown) => isFactsiftError(e) && e.code === 'E_BAD_DATA_ROW' && e.message.startsWith('demo:2:'),
    )
  }
})
