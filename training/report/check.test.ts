import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Claim, Report } from '../../src/report/types.js'
import { checkJudgments, NOT_ASSESSED_INEXPRESSIBLE, type Outcome } from './check.js'
import { parseJudgments, type ArticleJudgments } from './judgments.js'
import { rateOf } from './evaluate.js'

const TEXT =
  'Some residents say the bridge has been closed to trucks for months. The repairs will cost twice as much as planned. ' +
  'Castell did not respond to a request for comment. Okafor wrote: "an embarassment". Doctors used a cannula.'

function claim(text: string, extra: Partial<Claim> = {}): Claim {
  const start = TEXT.indexOf(text)
  return {
    id: `c${start}`,
    text,
    start,
    end: start + text.length,
    checkworthiness: 0.5,
    attribution: { type: 'none', source: null },
    matches: [],
    evidence: [],
    ...extra,
  }
}

function report(overrides: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    document: { title: null, url: null, outlet: null, publishedAt: null, language: 'en', wordCount: 40, text: TEXT },
    risk: {
      score: 0.8,
      label: 'high',
      reasons: [{ signal: 'factcheck-repeat', weight: 0.5, message: 'Repeats a claim rated False by Example Desk (2026-11-10)' }],
    },
    claims: [
      claim('The repairs will cost twice as much as planned.', {
        matches: [{ claim: 'Repairs cost double', rating: 'False', ratingNormalized: 'false', url: 'https://fc.example/a', factChecker: 'Desk', score: 0.9 }],
      }),
      claim('Some residents say the bridge has been closed to trucks for months.', {
        matches: [{ claim: 'Bridge closed to trucks', rating: 'Mostly False', ratingNormalized: 'mostly-false', url: 'https://fc.example/b', factChecker: 'Desk', score: 0.8 }],
        evidence: [
          { title: 'Not closed', url: 'https://g.example/1', outlet: 'Riverton Gazette', stance: 'disagree', score: 0.7 },
          { title: 'Costs', url: 'https://r.example/2', outlet: 'Riverton Radio', stance: 'discuss', score: 0.4 },
        ],
      }),
    ],
    quotes: [],
    sources: [],
    entities: [],
    signals: [{ id: 'misspelling', start: TEXT.indexOf('embarassment'), end: TEXT.indexOf('embarassment') + 12, message: 'Possible misspelling: embarassment', severity: 'info' }],
    errors: [],
    timings: { totalMs: 1 },
    ...overrides,
  }
}

const byType = (results: ReturnType<typeof checkJudgments>, type: string) => results.filter((r) => r.type === type)

test('a report that does what the judgments expect passes each of them', () => {
  const judgments: ArticleJudgments = {
    assessed: true,
    riskBand: ['medium', 'high'],
    firstReason: 'rated False',
    firstClaim: 'cost twice as much',
    atomicClaims: ['closed to trucks', 'cost twice'],
    notClaims: ['did not respond to a request for comment'],
    matchedFactCheck: [
      { claim: 'closed to trucks', rating: 'Mostly false' },
      { claim: 'cost twice', rating: 'false', url: 'https://fc.example/a' },
    ],
    contradictedClaim: [{ claim: 'CLOSED  to trucks', outlet: 'riverton gazette' }],
    noMisspellingsIn: ['cannula'],
  }
  const results = checkJudgments('a.txt', { report: report() }, judgments)
  assert.equal(results.length, 11)
  assert.deepEqual(results.filter((r) => !r.pass), [])
  assert.equal(rateOf(results).rate, 1)
})

test('each failure says what was expected and what the report gave', () => {
  const judgments: ArticleJudgments = {
    assessed: true,
    riskBand: 'low',
    firstReason: ['contradicted by', 'not-a-signal'],
    firstClaim: 'closed to trucks',
    matchedFactCheck: [{ claim: 'cost twice', rating: 'Mostly false' }, { claim: 'cost twice', rating: 'False', url: 'https://other.example' }, { claim: 'no such text', rating: 'False' }],
    contradictedClaim: [{ claim: 'cost twice', outlet: 'Riverton Radio' }],
    noMisspellingsIn: ['Embarassment'],
  }
  const results = checkJudgments('a.txt', { report: report() }, judgments)
  assert.equal(byType(results, 'assessed')[0]!.pass, true)
  const [band] = byType(results, 'riskBand')
  assert.equal(band!.pass, false)
  assert.equal(band!.got, 'high')
  assert.equal(byType(results, 'firstReason')[0]!.pass, false)
  assert.match(byType(results, 'firstClaim')[0]!.got, /cost twice/)
  const matches = byType(results, 'matchedFactCheck')
  assert.deepEqual(matches.map((r) => r.pass), [false, false, false])
  assert.match(matches[0]!.got, /matched False/)
  assert.equal(matches[2]!.got, 'no claim contains it')
  const [contradicted] = byType(results, 'contradictedClaim')
  assert.equal(contradicted!.pass, false)
  assert.match(contradicted!.got, /Riverton Radio \(discuss\) on "Some residents say/)
  const [spelling] = byType(results, 'noMisspellingsIn')
  assert.equal(spelling!.pass, false)
  assert.match(spelling!.got, /^flagged/)
  assert.ok(results.every((r) => r.article === 'a.txt' && r.notExpressible === undefined))
})

test('a signal id matches the first reason as well as a substring of its message; lists mean any', () => {
  const results = checkJudgments('a.txt', { report: report() }, { assessed: true, firstReason: 'FACTCHECK-REPEAT', firstClaim: ['closed to trucks', 'cost twice'] })
  assert.equal(byType(results, 'firstReason')[0]!.pass, true)
  assert.equal(byType(results, 'firstClaim')[0]!.pass, true, 'any of the listed claims may rank first')
})

test('compound claims fail atomicClaims; a non-claim among the claims fails notClaims', () => {
  const compound = claim('Some residents say the bridge has been closed to trucks for months. The repairs will cost twice as much as planned.')
  const comment = claim('Castell did not respond to a request for comment.', { checkworthiness: 0.64 })
  const results = checkJudgments('a.txt', { report: report({ claims: [compound, comment] }) }, {
    assessed: true,
    atomicClaims: ['closed to trucks', 'cost twice'],
    notClaims: ['did not respond to a request for comment', 'tweeted:'],
  })
  const atomic = byType(results, 'atomicClaims')
  assert.deepEqual(atomic.map((r) => r.pass), [false, false])
  assert.match(atomic[0]!.got, /^only together with "cost twice"/)
  const not = byType(results, 'notClaims')
  assert.deepEqual(not.map((r) => r.pass), [false, true])
  assert.match(not[0]!.got, /^claim #2 \(64%\)/)
})

test('claims flagged as non-claims by a later contract are not counted as claims', () => {
  const comment = { ...claim('Castell did not respond to a request for comment.'), checkworthy: false } as Claim
  const results = checkJudgments('a.txt', { report: report({ claims: [comment] }) }, { assessed: true, notClaims: ['did not respond'], firstClaim: 'did not respond' })
  assert.equal(byType(results, 'notClaims')[0]!.pass, true)
  assert.equal(byType(results, 'firstClaim')[0]!.pass, false)
})

test("'not assessed' fails as not expressible on today's contract, and passes once the report can say it", () => {
  const today = checkJudgments('n.txt', { report: report() }, { assessed: false })
  assert.equal(today[0]!.pass, false)
  assert.equal(today[0]!.notExpressible, NOT_ASSESSED_INEXPRESSIBLE)
  assert.equal(rateOf(today).notExpressible, 1)

  const later = report()
  ;(later.risk as unknown as Record<string, unknown>).label = 'not assessed'
  const abstained = checkJudgments('n.txt', { report: later }, { assessed: false })
  assert.deepEqual(abstained.map((r) => r.pass), [true])

  const withFlag = report()
  ;(withFlag.risk as unknown as Record<string, unknown>).assessed = true
  const wrong = checkJudgments('n.txt', { report: withFlag }, { assessed: false })
  assert.equal(wrong[0]!.pass, false)
  assert.equal(wrong[0]!.notExpressible, undefined, 'a report that could abstain and did not is a plain failure')

  const notScored = report()
  ;(notScored.risk as unknown as Record<string, unknown>).assessed = false
  const band = checkJudgments('a.txt', { report: notScored }, { assessed: true, riskBand: 'high' })
  assert.deepEqual(band.map((r) => r.pass), [false, false])
  assert.match(band[1]!.got, /^not assessed/)
})

test('a refused input counts as not assessed; judgments that need a report fail', () => {
  const refused: Outcome = { refused: { code: 'E_INPUT_EMPTY', message: 'no text' } }
  const results = checkJudgments('empty.html', refused, { assessed: false, notClaims: ['x'], firstClaim: 'y' })
  assert.deepEqual(results.map((r) => [r.type, r.pass]), [['assessed', true], ['firstClaim', false], ['notClaims', true]])
  assert.match(results[0]!.got, /refused \(E_INPUT_EMPTY/)
})

test('judgments files are validated with the file named', () => {
  assert.deepEqual(parseJudgments({ assessed: false, categories: ['trivial'] }, 'x.json'), { assessed: false, categories: ['trivial'] })
  assert.throws(() => parseJudgments({ riskBand: 'low' }, 'x.json'), /x\.json: "assessed" must be true or false/)
  assert.throws(() => parseJudgments({ assessed: false, riskBand: 'low' }, 'x.json'), /"assessed" is false/)
  assert.throws(() => parseJudgments({ assessed: true, riskBand: 'severe' }, 'x.json'), /riskBand/)
  assert.throws(() => parseJudgments({ assessed: true, atomicClaim: ['a'] }, 'x.json'), /unknown field "atomicClaim"/)
  assert.throws(() => parseJudgments({ assessed: true, matchedFactCheck: [{ claim: 'a' }] }, 'x.json'), /"rating"/)
  assert.throws(() => parseJudgments({ assessed: true, notClaims: [] }, 'x.json'), /notClaims/)
})
