// Abstention (issue 16, item 3): no score where the models do not apply, the reason in the report, and only the
// analyzers that apply run. Texts written for these tests.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createEngine } from './engine.js'
import { validateReport } from '../report/validate.js'
import { isAssessed, type Report } from '../report/types.js'
import { renderText } from '../render/render-text.js'
import { renderHtml } from '../render/render-html.js'
import { createSummary, formatSummary } from '../batch/summary.js'
import { assessDocument } from './assessment.js'
import { annotate } from '../nlp/annotate.js'
import { documentFromText } from '../document/create.js'

const engine = createEngine()

const GERMAN = [
  'Stadt schließt das Hallenbad über den Winter',
  '',
  'Die Stadtverwaltung hat am Dienstag beschlossen, das Hallenbad von November bis Ostern zu schließen. Als Grund nannte sie die hohen Energiekosten und die anstehende Sanierung des Beckens.',
  '„Wir hätten uns einen anderen Weg gewünscht“, sagte der Bürgermeister. Vereine und Schulen sollen in dieser Zeit das Bad der Nachbargemeinde nutzen können.',
].join('\n')

const PORTUGUESE = [
  'Festa das vindimas regressa com recorde de visitantes',
  '',
  'A festa das vindimas recebeu este fim de semana cerca de doze mil visitantes, segundo a organização, o número mais alto desde que o evento foi criado.',
  'Durante três dias, produtores da região venderam vinho, queijo e pão caseiro na praça central. No sábado à noite, um grupo de música tradicional atuou perante uma plateia cheia.',
].join('\n')

const ENGLISH = [
  'Council delays vote on bridge repairs',
  '',
  'The city council postponed its vote on the Harbor Bridge repair contract on Tuesday after two members asked for more time to read the engineering report.',
  'Council member Dana Ortiz said the report raised questions about the cost of replacing the deck. "We owe residents a careful look," she said.',
  'The bridge has carried reduced traffic since a 2022 inspection found corrosion in two support beams. A vote is now expected next month.',
].join('\n')

function assertNotAssessed(report: Report, code: string): void {
  assert.deepEqual(validateReport(report), [])
  assert.equal(isAssessed(report), false)
  assert.equal(report.risk.assessed, false)
  assert.equal(report.risk.score, null)
  assert.equal(report.risk.label, 'not-assessed')
  assert.deepEqual(report.risk.reasons, [])
  assert.equal(report.assessment?.status, 'not-assessed')
  assert.ok(report.assessment!.reasons.some((r) => r.code === code && r.message.length > 0), JSON.stringify(report.assessment!.reasons))
  assert.ok(report.assessment!.skipped.some((s) => s.analyzer === 'credibility'), 'the risk model did not run')
  assert.equal(report.timings.analyzers?.credibility, undefined)
}

test('German: language detected, not assessed with the reason, only the language-neutral analyzers run', async () => {
  const report = await engine.analyze({ text: GERMAN })
  assert.equal(report.document.language, 'de')
  assertNotAssessed(report, 'language')
  assert.match(report.assessment!.reasons[0]!.message, /German/)
  const skipped = new Map(report.assessment!.skipped.map((s) => [s.analyzer, s.reason]))
  for (const id of ['style', 'hedging', 'opinion', 'checkworthiness', 'credibility']) assert.ok(skipped.has(id), `${id} skipped`)
  assert.match(skipped.get('style')!, /made for en; the document is in de/)
  assert.match(skipped.get('factchecks')!, /made for en/)
  for (const id of ['coreference', 'quotes', 'attribution', 'sources']) assert.ok(!skipped.has(id), `${id} runs`)
  // No misspelling flood: the English spelling check did not run; the „…“ quote was still found.
  assert.equal(report.signals.filter((s) => s.id === 'misspelling').length, 0)
  assert.ok(report.quotes.some((q) => q.text.includes('Wir hätten')))
  assert.deepEqual(report.claims, [])
})

test('Portuguese: not assessed, reason language', async () => {
  const report = await engine.analyze({ text: PORTUGUESE })
  assert.equal(report.document.language, 'pt')
  assertNotAssessed(report, 'language')
  assert.match(report.assessment!.reasons[0]!.message, /Portuguese/)
})

test('markup only: "<p> </p>" through the HTML path is refused (no report, nothing to store); pasted as text, not assessed', async () => {
  await assert.rejects(engine.analyze({ html: '<p> </p>' }), (error: { code?: string }) => error.code === 'E_NO_ARTICLE')
  assertNotAssessed(await engine.analyze({ text: '<p> </p>' }), 'too-little-prose')
})

test('the text "123" and a single sentence are not assessed; the sentence is still a claim to check', async () => {
  assertNotAssessed(await engine.analyze({ text: '123' }), 'too-little-prose')
  const one = await engine.analyze({ text: 'The council will meet again on Thursday evening at the town hall.' })
  assertNotAssessed(one, 'too-little-prose')
  assert.match(one.assessment!.reasons[0]!.message, /1 sentence of prose/)
  const skipped = one.assessment!.skipped.map((s) => s.analyzer)
  assert.deepEqual(skipped, ['credibility'], 'English but too short: everything except the risk model runs')
  assert.equal(one.claims.length, 1)
})

test('a page that is not prose (a timetable) is not assessed', () => {
  const rows = Array.from({ length: 8 }, (_, i) => `Stop ${i + 1} Station Road    06:${10 + i}  07:${20 + i}  08:${30 + i}  09:${40 + i}`)
  const text = ['Route 9 weekday timetable', '', ...rows, '', 'Buses run every hour on Saturdays from the main station. There is no service on Sundays or public holidays at all.'].join('\n')
  const assessment = assessDocument(annotate(documentFromText(text)))
  assert.equal(assessment.status, 'not-assessed')
  assert.deepEqual(assessment.reasons.map((r) => r.code), ['not-prose'])
})

test('an ordinary English article is assessed as before: a score, a label, nothing skipped', async () => {
  const report = await engine.analyze({ text: ENGLISH })
  assert.deepEqual(validateReport(report), [])
  assert.equal(report.document.language, 'en')
  assert.equal(isAssessed(report), true)
  assert.equal(report.assessment?.status, 'assessed')
  assert.deepEqual(report.assessment?.reasons, [])
  assert.deepEqual(report.assessment?.skipped, [])
  assert.equal(typeof report.risk.score, 'number')
  assert.ok(['low', 'medium', 'high'].includes(report.risk.label))
  assert.equal(report.risk.assessed, undefined)
})

test('the contract: old v1 reports still validate; "not assessed" with a score does not', async () => {
  const report = await engine.analyze({ text: ENGLISH })
  const old = structuredClone(report) as Partial<Report>
  delete old.assessment
  assert.deepEqual(validateReport(old), [])
  assert.equal(isAssessed(old as Report), true)
  const german = await engine.analyze({ text: GERMAN })
  assert.notDeepEqual(validateReport({ ...german, risk: { ...german.risk, score: 0.5 } }), [])
  assert.notDeepEqual(validateReport({ ...german, risk: { score: 0.9, label: 'high', reasons: [] } }), [], 'status not-assessed needs risk.assessed false')
})

test('text, HTML and the batch summary say "not assessed" and never show a score for it', async () => {
  const german = await engine.analyze({ text: GERMAN })
  const text = renderText(german)
  assert.match(text, /Risk: NOT ASSESSED \(no score\)/)
  assert.match(text, /written in German/)
  assert.match(text, /not run: .*credibility/)
  const html = renderHtml(german)
  assert.match(html, /Risk: not assessed/)
  assert.match(html, /written in German/)
  const english = await engine.analyze({ text: ENGLISH })
  const tally = createSummary()
  tally.addReport('de', german)
  tally.addReport('en', english)
  const summary = tally.finish()
  assert.equal(summary.analyzed, 2)
  assert.equal(summary.notAssessed, 1)
  assert.deepEqual(summary.notAssessedByReason, { language: 1 })
  assert.equal(summary.byLabel.low + summary.byLabel.medium + summary.byLabel.high, 1)
  assert.equal(summary.histogram.reduce((a, b) => a + b, 0), 1)
  assert.deepEqual(summary.topFlagged.map((f) => f.id), ['en'])
  assert.match(formatSummary(summary), /not assessed 1 \(language 1\)/)
})
