import { test } from 'node:test'
import assert from 'node:assert/strict'
import { normalizeDate } from './dates.js'

test('publication dates normalize to ISO 8601', () => {
  const cases: Array<[string | null, string | null]> = [
    ['2026-03-05', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2026-03-05T07:42:00+01:00', '2026-03-05T06:42:00Z'],
    ['2026-03-05T07:42:00+0100', '2026-03-05T06:42:00Z'],
    ['2026-03-05T07:42:00-05', '2026-03-05T12:42:00Z'],
    ['2026-03-05T07:42:00.123Z', '2026-03-05T07:42:00Z'],
    ['2026-03-05 07:42', '2026-03-05T07:42:00'],
    ['2026-03-05T18:30', '2026-03-05T18:30:00'],
    ['1772696520', '2026-03-05T07:42:00Z'],
    ['1772696520000', '2026-03-05T07:42:00Z'],
    ['Thu, 05 Mar 2026 07:42:00 GMT', '2026-03-05T07:42:00Z'],
    ['Thu, 09 Apr 2026 16:45:00 +0200', '2026-04-09T14:45:00Z'],
    ['March 5, 2026', '2026-03-05'],
    ['5 March 2026', '2026-03-05'],
    ['March 5, 2026, 2:30 PM EST', '2026-03-05T19:30:00Z'],
    ['Published: 5 March 2026 at 10:30', '2026-03-05T10:30:00'],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['05.03.2026', null],
    ['03/05/2026', null],
    ['yesterday', null],
    ['', null],
    [null, null],
  ]
  for (const [raw, want] of cases) assert.equal(normalizeDate(raw), want, String(raw))
})
