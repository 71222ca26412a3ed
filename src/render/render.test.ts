import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderHtml } from './render-html.js'
import { renderText } from './render-text.js'
import { segmentText } from './highlight.js'
import { escapeHtml, safeHref } from './escape-html.js'
import type { Report } from '../report/types.js'

const hostile = '<script>alert(1)</script> and <img src=x onerror="alert(2)"> "quoted" & more'
const text = `${hostile}\n\nReports emerged that the mayor lied.`
const claimStart = text.indexOf('Reports')

const report: Report = {
  schemaVersion: 1,
  document: { title: '<b>Bold</b> title', url: 'javascript:alert(3)', outlet: 'Outlet & Co', publishedAt: null, language: 'en', wordCount: 14, text },
  risk: { score: 0.7, label: 'high', reasons: [{ signal: 'vague-attribution', weight: 0.3, message: '1 statement relies on <unnamed> sources' }] },
  claims: [
    {
      id: 'c1', text: text.slice(claimStart), start: claimStart, end: text.length, checkworthiness: 0.8,
      attribution: { type: 'vague', source: 'reports' },
      matches: [{ claim: 'The mayor lied', rating: 'False', url: 'javascript:alert(4)', factChecker: '<i>Checker</i>', score: 0.9 }],
      evidence: [{ title: 'Mayor <script>', url: 'https://example.org/a?x="1"', outlet: 'Wire', stance: 'disagree', score: 0.6 }],
    },
  ],
  quotes: [{ text: '"quoted"', start: text.indexOf('"quoted"'), end: text.indexOf('"quoted"') + 8, speaker: '<Mayor>', speakerStart: null, speakerEnd: null, verb: 'said' }],
  sources: [{ name: 'Gazette <x>', kind: 'outlet', mentions: 1 }],
  entities: [],
  signals: [{ id: 'vague-attribution', start: claimStart, end: claimStart + 15, message: 'Vague: <reports emerged>', severity: 'warn' }],
  errors: [],
  timings: { totalMs: 1 },
}

test('HTML report escapes every piece of article text and drops non-http links', () => {
  const html = renderHtml(report)
  assert.ok(!html.includes('<script>'), 'no raw <script>')
  assert.ok(!html.includes('<img'), 'no raw <img>')
  assert.ok(!/javascript:/i.test(html), 'no javascript: URL anywhere')
  assert.ok(!html.includes('<b>Bold</b>') && !html.includes('<i>Checker</i>'))
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
  assert.ok(html.includes('href="https://example.org/a?x=%221%22"'))
  assert.ok(html.includes("Content-Security-Policy"), 'a CSP forbids scripts even if something slipped through')
})

test('HTML report highlights claims, quotes and vague attributions', () => {
  const html = renderHtml(report)
  assert.match(html, /<mark class="mark claim signal-vague-attribution"/)
  assert.match(html, /<mark class="mark quote"/)
  assert.match(html, /Quote by &lt;Mayor&gt; \(said\)/)
})

test('text report lists risk, claims, quotes and sources without color codes by default', () => {
  const out = renderText(report)
  assert.match(out, /Risk: HIGH 70%/)
  assert.match(out, /1\.\s+80% \[vague: reports\] Reports emerged/)
  assert.match(out, /— <Mayor> \(said\)/)
  assert.match(out, /Sources: Gazette <x> \(outlet\)/)
  assert.ok(!out.includes('\u001b['))
})

test('segmentText splits overlapping highlights into constant segments covering the text', () => {
  const segments = segmentText(10, [
    { start: 0, end: 6, kind: 'a', note: '' },
    { start: 4, end: 8, kind: 'b', note: '' },
  ])
  assert.deepEqual(
    segments.map((s) => [s.start, s.end, s.highlights.map((h) => h.kind).join('+')]),
    [[0, 4, 'a'], [4, 6, 'a+b'], [6, 8, 'b'], [8, 10, '']],
  )
})

test('escapeHtml and safeHref', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  assert.equal(safeHref('JaVaScRiPt:alert(1)'), null)
  assert.equal(safeHref('data:text/html,hi'), null)
  assert.equal(safeHref('https://a.example/b'), 'https://a.example/b')
})

test('reason weights print signed with two decimals; a caution (weight 0) prints as a note', async () => {
  const { reasonWeightText } = await import('./wording.js')
  assert.equal(reasonWeightText(0.58), '+0.58')
  assert.equal(reasonWeightText(-0.7), '-0.70')
  assert.equal(reasonWeightText(0), 'note')
})
