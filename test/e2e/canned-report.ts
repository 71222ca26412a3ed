// A hand-written report over a short text we wrote: claims with fact-check matches and coverage, quotes, signals,
// and hostile strings (markup, javascript: URLs) in every field the page shows. Offsets come from indexOf.
import type { Report } from '../../src/report/types.js'

const TEXT = [
  'Water rates to double, officials warn',
  '',
  'Water rates in Lakeside will double next year, according to sources close to the utility board.',
  'Board chair Maria Chen said: "We have no plan to raise rates by that much."',
  'The utility lost 40 percent of its treated water to leaks in 2024, a state audit found.',
  'Critics <script>window.__xss=1</script> called the audit "deeply flawed" and <img src=x onerror="window.__xss=2">.',
].join('\n')

function span(fragment: string, from = 0): { start: number; end: number; text: string } {
  const start = TEXT.indexOf(fragment, from)
  if (start < 0) throw new Error(`fixture text lacks ${fragment}`)
  return { start, end: start + fragment.length, text: fragment }
}

const rates = span('Water rates in Lakeside will double next year, according to sources close to the utility board.')
const leaks = span('The utility lost 40 percent of its treated water to leaks in 2024, a state audit found.')
const quote1 = span('"We have no plan to raise rates by that much."')
const quote2 = span('"deeply flawed"')
const chen = span('Maria Chen')
const vague = span('according to sources close to the utility board')

export const CANNED_REPORT: Report = {
  schemaVersion: 1,
  id: 'canned0000000000001',
  generator: { name: 'factsift', version: 'test' },
  document: {
    title: 'Water rates to double, officials warn <img src=x onerror="window.__xss=3">',
    url: 'javascript:window.__xss=4',
    outlet: 'Lakeside <b>Ledger</b>',
    publishedAt: '2026-11-20',
    language: 'en',
    wordCount: 70,
    text: TEXT,
  },
  risk: {
    score: 0.71,
    label: 'high',
    reasons: [
      { signal: 'vague-attribution', weight: 0.3, message: '1 statement relies on unnamed sources' },
      { signal: 'factcheck-false', weight: 0.25, message: 'A claim matches a fact-check rated False' },
    ],
  },
  claims: [
    {
      id: 'c1',
      text: rates.text,
      start: rates.start,
      end: rates.end,
      checkworthiness: 0.93,
      attribution: { type: 'vague', source: 'sources close to the utility board' },
      matches: [
        { claim: 'Lakeside water bills will double in 2027', rating: 'False', ratingNormalized: 'false', url: 'https://factcheck.example/lakeside-water', factChecker: 'Example Checks', score: 0.88 },
        { claim: 'Hostile <script>window.__xss=5</script> match', rating: 'Mixed', ratingNormalized: 'mixed', url: 'javascript:window.__xss=6', factChecker: 'Evil <i>Checker</i>', score: 0.41 },
      ],
      evidence: [
        { title: 'Utility board denies rate-doubling report', url: 'https://news.example/denial', outlet: 'Valley Times', stance: 'disagree', score: 0.77 },
      ],
      evidenceSummary: { corroboratedBy: 0, contradictedBy: 1, discussedBy: 0 },
    },
    {
      id: 'c2',
      text: leaks.text,
      start: leaks.start,
      end: leaks.end,
      checkworthiness: 0.64,
      attribution: { type: 'named', source: 'a state audit' },
      matches: [],
      evidence: [],
    },
  ],
  quotes: [
    { text: quote1.text, start: quote1.start, end: quote1.end, speaker: 'Maria Chen', speakerStart: chen.start, speakerEnd: chen.end, verb: 'said' },
    { text: quote2.text, start: quote2.start, end: quote2.end, speaker: 'Critics <b>anonymous</b>', speakerStart: null, speakerEnd: null, verb: 'called' },
  ],
  sources: [{ name: 'a state audit', kind: 'document', mentions: 1 }],
  entities: [{ name: 'Maria Chen', type: 'person', mentions: [{ start: chen.start, end: chen.end, text: chen.text }] }],
  signals: [{ id: 'vague-attribution', start: vague.start, end: vague.end, message: 'Unnamed source', severity: 'warn' }],
  errors: [],
  warnings: [{ code: 'W_DATE_INVALID', message: 'publishedAt "31/31/2019" is not a date; ignored' }],
  timings: { totalMs: 1 },
}
