import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderHtml } from './render-html.js'
import { renderText, wrap } from './render-text.js'
import { REASON_WEIGHT_LEGEND, reasonWeightText } from './wording.js'
import { segmentText } from './highlight.js'
import { escapeHtml, safeHref } from './escape-html.js'
import type { Report } from '../report/types.js'
import { declareSignal } from '../report/signals.js'
import { BUILTIN_SIGNALS } from '../analyzers/signals.js'
import { LAYERS, layerOfSignal, legendSamples, reportHighlights, reportMarks, signalMarkCss } from './report-highlights.js'
import { HTML_REPORT_CSS } from './render-html-style.js'

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

test('one highlight table: HTML marks and the web layers both come from the declarations', () => {
  const marks = reportMarks(report)
  assert.deepEqual(marks.map((m) => [m.kind, m.layer]), [['claim', 'claim'], ['quote', 'quote'], ['signal-vague-attribution', 'vague']])
  assert.deepEqual(reportHighlights(report).map((h) => h.kind), ['claim', 'quote', 'signal-vague-attribution'])
  assert.equal(layerOfSignal('hedge'), 'hedge')
  assert.equal(layerOfSignal('title-all-caps'), undefined, 'declared without a layer: listed, not marked')
  assert.ok(HTML_REPORT_CSS.includes('.mark.signal-sensational, .mark.signal-all-caps, .mark.signal-exclamation { text-decoration: underline dashed #be123c; }'))
  for (const declaration of BUILTIN_SIGNALS) {
    if (declaration.layer) assert.ok(LAYERS.some((layer) => layer.id === declaration.layer), `${declaration.id}: layer ${declaration.layer} is in the table`)
  }
})

test('a newly declared signal in an existing layer is marked, styled and in the legend with no change to the renderers', () => {
  const SHOUT = declareSignal({ id: 'shout', severity: 'info', label: 'Shout', layer: 'style', message: 'Shouting: {word}' })
  const declarations = [...BUILTIN_SIGNALS, SHOUT]
  const shouting: Report = { ...report, signals: [{ id: 'shout', start: 0, end: 8, message: 'Shouting: <script>', severity: 'info' }] }
  assert.deepEqual(reportMarks(shouting, declarations).filter((m) => m.kind === 'signal-shout').map((m) => [m.layer, m.note]), [['style', 'Shouting: <script>']])
  assert.deepEqual(reportMarks(shouting).filter((m) => m.kind === 'signal-shout'), [], 'undeclared ids are not marked')
  assert.match(signalMarkCss(declarations), /\.mark\.signal-exclamation, \.mark\.signal-shout \{ text-decoration: underline dashed/)
  assert.deepEqual(legendSamples(declarations).map((s) => s.text), ['claim', 'quote', 'vague source', 'misspelling', 'hedge', 'sensational style'])
})

test('the text summary names signals by their declared label', () => {
  const out = renderText({ ...report, signals: [...report.signals, { id: 'mystery', start: 0, end: 1, message: 'm', severity: 'info' }] })
  assert.match(out, /Signals: 1 vague attribution \(Reports emerged\); 1 mystery \(<\)/)
})

test('reason weights read the same in text and HTML (log-odds, two decimals) and a legend explains them', () => {
  const weighted: Report = {
    ...report,
    risk: { ...report.risk, reasons: [{ signal: 'short-text', weight: 0, message: 'too short' }, { signal: 'hedge', weight: 0.38, message: 'hedges' }, { signal: 'attributions', weight: -0.6, message: 'said' }] },
  }
  const txt = renderText(weighted)
  const html = renderHtml(weighted)
  for (const shown of ['+0.38', '-0.60', 'note']) {
    assert.ok(txt.includes(shown), `text shows ${shown}`)
    assert.ok(html.includes(`<span class="weight">${shown}</span>`), `HTML shows ${shown}`)
  }
  assert.equal(reasonWeightText(0.384), '+0.38')
  assert.equal(reasonWeightText(-0.6), '-0.60')
  assert.equal(reasonWeightText(0), 'note')
  assert.ok(txt.replace(/\s+/g, ' ').includes(REASON_WEIGHT_LEGEND), 'text legend under the reasons')
  assert.ok(html.includes(escapeHtml(REASON_WEIGHT_LEGEND)), 'HTML legend')
  assert.match(REASON_WEIGHT_LEGEND, /log-odds/)
})

test('warnings are shown in text and HTML', () => {
  const warned: Report = { ...report, warnings: [{ code: 'W_DATE_INVALID', message: 'publication date "31/31/2019" could not be read' }] }
  const txt = renderText(warned)
  assert.match(txt, /Warnings \(1\)\n {2}! W_DATE_INVALID: publication date "31\/31\/2019" could not be read/)
  const html = renderHtml(warned)
  assert.match(html, /<section class="warnings" role="note"><h2>Warnings \(1\)<\/h2><ul><li><code>W_DATE_INVALID<\/code> publication date &quot;31\/31\/2019&quot; could not be read<\/li>/)
  assert.ok(!renderText(report).includes('Warnings'), 'no section without warnings')
  assert.ok(!renderHtml(report).includes('class="warnings"'))
})

test('text output shows every claim in full, wrapped to the width, up to --max-claims', () => {
  const long = 'The council voted on Tuesday to close the harbor bridge to trucks for eighteen months while engineers replace two cracked bearings under the eastern span, officials said.'
  const claims = Array.from({ length: 25 }, (_, i) => ({ ...report.claims[0]!, id: `c${i}`, text: i === 0 ? long : `Claim number ${i}.`, matches: [], evidence: [] }))
  const many: Report = { ...report, claims }
  const txt = renderText(many, { width: 60 })
  const lines = txt.split('\n')
  assert.ok(lines.every((line) => line.length <= 60), `no line over 60 columns:\n${lines.filter((l) => l.length > 60).join('\n')}`)
  const claimBlock = lines.slice(lines.findIndex((l) => l.startsWith('  1.')), lines.findIndex((l) => l.startsWith('  2.')))
  assert.equal(claimBlock.map((l) => l.replace(/^ {2}1\. {2}80% \[vague: reports\] /, '').trim()).join(' '), long, 'the first claim in full')
  assert.match(txt, /Claims to check \(top 20 of 25\)/)
  assert.match(txt, /… 5 more \(--max-claims 25 shows them all\)/)
  assert.ok(!txt.includes('…') || !txt.includes('bearings…'), 'never cut')
  const all = renderText(many, { maxClaims: 25, width: 200 })
  assert.match(all, /Claims to check \(25\)/)
  assert.match(all, / 25\. .*Claim number 24\./)
  assert.deepEqual(wrap('a bb ccc dddd', 6), ['a bb', 'ccc', 'dddd'])
  assert.deepEqual(wrap('averyveryverylongword x', 5), ['averyveryverylongword', 'x'])
})

test('the HTML report has a legend: a sample of every highlight and what the weights mean', () => {
  const html = renderHtml(report)
  assert.match(html, /<h2 id="legend-heading">Legend<\/h2>/)
  for (const sample of legendSamples()) assert.ok(html.includes(`<span class="mark ${sample.kind}">${sample.text}</span>`), `legend sample ${sample.text}`)
})
