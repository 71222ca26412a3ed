import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { evaluateReportGold, formatReportEvaluation } from './evaluate.js'

// A two-part gold folder of three tiny articles: the evaluation runs end to end (store, import, engine, checks)
// and its bookkeeping holds whatever the analyzers answer today.
test('eval report: one result per part, the held-out part labelled untuned, failures listed with --details', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'factsift-report-gold-test-'))
  try {
    const article =
      'Harbor Bridge closed to trucks, posts claim. Source: Test Courier\n\nSome residents say the Harbor Bridge has been closed to trucks for months. ' +
      'The city council will vote on the repair contract on Monday. Mayor Elena Ruiz said the city needed more time.\n'
    for (const part of ['tune', 'heldout']) {
      mkdirSync(join(dir, part, 'articles'), { recursive: true })
      mkdirSync(join(dir, part, 'reference-articles'))
      writeFileSync(
        join(dir, part, 'claimreviews.json'),
        JSON.stringify([
          {
            '@context': 'https://schema.org',
            '@type': 'ClaimReview',
            url: 'https://fc.example/trucks',
            claimReviewed: 'The Harbor Bridge has been closed to trucks for months.',
            datePublished: '2026-11-12',
            author: { '@type': 'Organization', name: 'Example Desk' },
            reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' },
          },
        ]),
      )
      writeFileSync(join(dir, part, 'reference-articles', 'gazette.txt'), 'Harbor Bridge has not been closed to trucks. Source: Test Gazette\n\nThe Harbor Bridge has not been closed to trucks, the department said on Wednesday.\n')
      writeFileSync(join(dir, part, 'articles', 'bridge.txt'), article)
      writeFileSync(
        join(dir, part, 'articles', 'bridge.json'),
        JSON.stringify({
          assessed: true,
          matchedFactCheck: [{ claim: 'closed to trucks', rating: 'Mostly false', url: 'https://fc.example/trucks' }],
          contradictedClaim: [{ claim: 'closed to trucks', outlet: 'Test Gazette' }],
          notClaims: ['said the city needed more time'],
        }),
      )
    }
    writeFileSync(join(dir, 'heldout', 'articles', 'number.txt'), '123\n')
    writeFileSync(join(dir, 'heldout', 'articles', 'number.json'), JSON.stringify({ assessed: false, categories: ['trivial'] }))

    const result = await evaluateReportGold(dir, { details: true })
    assert.deepEqual(result.parts.map((p) => [p.part, p.tuned, p.articles, p.factChecks, p.referenceArticles]), [
      ['tune', true, 1, 1, 1],
      ['heldout', false, 2, 1, 1],
    ])
    const [tune, heldout] = result.parts
    assert.equal(tune!.overall.total, 4)
    assert.equal(heldout!.overall.total, 5)
    assert.deepEqual(heldout!.categories, { trivial: 1 })
    for (const part of result.parts) {
      assert.equal(part.failures!.length, part.overall.total - part.overall.passed)
      assert.equal(part.judgments.assessed.total, part.articles)
      assert.equal(part.judgments.riskBand.total, 0)
      assert.equal(part.judgments.riskBand.rate, null)
    }
    const text = formatReportEvaluation(result)
    assert.match(text, /part tune: TUNING part/)
    assert.match(text, /part heldout: UNTUNED part/)
    assert.match(text, /overall \(untuned\)/)

    writeFileSync(join(dir, 'tune', 'articles', 'bridge.json'), JSON.stringify({ assessed: true, firstClaim: 'no such words' }))
    await assert.rejects(() => evaluateReportGold(dir), /bridge: "no such words" is not in the article/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
