import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { allFactChecks, memoryFactCheckRepository } from '../store/test-support/factcheck-repo.js'
import { toFactCheckRecord } from './record.js'
import { exportFactChecks, exportFactChecksToFile, EXPORT_FORMATS } from './export.js'
import { importFactChecks } from './import/import-file.js'

const SAMPLE = [
  toFactCheckRecord({
    claim: 'A "record" heat wave, with 50 °C, hit the coast, said the radio.',
    claimant: 'Morning radio',
    rating: 'Mostly False',
    factChecker: 'Example Checks',
    url: 'https://checks.example.org/heat',
    reviewedAt: '2024-06-01',
    language: 'en',
    title: 'Heat wave, checked',
  }),
  toFactCheckRecord({ claim: 'A line\nbreak and a trailing space ', rating: '', ratingNormalized: 'true', externalId: '17' }),
  toFactCheckRecord({ claim: 'Pumpkins float in the harbour every October.', rating: 'Satire', reviewedAt: '2023-10-31T12:00:00Z' }),
]

for (const format of EXPORT_FORMATS) {
  test(`export ${format} → import gives back the same records`, async () => {
    const source = memoryFactCheckRepository()
    await source.upsertMany(SAMPLE)
    const dir = mkdtempSync(join(tmpdir(), 'factsift-export-'))
    try {
      const path = join(dir, `out.${format === 'claimreview' ? 'json' : format}`)
      assert.equal(await exportFactChecksToFile(source, format, path), SAMPLE.length)
      assert.deepEqual(readdirSync(dir), [`out.${format === 'claimreview' ? 'json' : format}`], 'no temp file left behind')
      const target = memoryFactCheckRepository()
      const summary = await importFactChecks(target, path)
      assert.deepEqual([summary.inserted, summary.skipped], [SAMPLE.length, 0])
      assert.deepEqual(await allFactChecks(target), await allFactChecks(source))
      const again = await importFactChecks(target, path)
      assert.equal(again.unchanged, SAMPLE.length)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
}

test('ClaimReview export is valid JSON-LD with a 1–5 rating value', async () => {
  const repo = memoryFactCheckRepository()
  await repo.upsertMany(SAMPLE)
  let text = ''
  await exportFactChecks(repo, 'claimreview', (chunk) => (text += chunk))
  const nodes = JSON.parse(text) as Record<string, any>[]
  assert.equal(nodes.length, 3)
  const heat = nodes.find((n) => n.url === 'https://checks.example.org/heat')!
  assert.equal(heat['@type'], 'ClaimReview')
  assert.deepEqual(heat.reviewRating, { '@type': 'Rating', alternateName: 'Mostly False', ratingValue: 2, bestRating: 5, worstRating: 1 })
  assert.equal(heat.itemReviewed.author.name, 'Morning radio')
})

test('an empty store exports an empty array, an empty JSONL and a header-only CSV', async () => {
  const repo = memoryFactCheckRepository()
  const out: Record<string, string> = {}
  for (const format of EXPORT_FORMATS) {
    out[format] = ''
    await exportFactChecks(repo, format, (chunk) => (out[format] += chunk))
  }
  assert.deepEqual(JSON.parse(out.claimreview!), [])
  assert.equal(out.jsonl, '')
  assert.equal(out.csv!.split('\n').filter(Boolean).length, 1)
})
