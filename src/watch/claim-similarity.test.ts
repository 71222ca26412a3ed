import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chooseCluster, claimView, EMPTY_TERM_STATS, extraFeatures, idfFeatures, statsTermsOf } from './claim-similarity.js'

const A = claimView('The mayor of Arden said the harbor bridge will close in March.')
const B = claimView('Arden mayor: harbor bridge to close.')
const C = claimView('The mayor of Millbrook opened a new library.')

test('idfFeatures: without statistics the overlap is the plain share of words; rare shared words weigh more with them', () => {
  const [jaccard, coverMin, coverMax, rarest] = idfFeatures(A, B, EMPTY_TERM_STATS)
  const shared = [...A.analyzed.stems].filter((t) => B.analyzed.stems.has(t)).length
  const union = new Set([...A.analyzed.stems, ...B.analyzed.stems]).size
  assert.ok(Math.abs(jaccard! - shared / union) < 1e-9, 'equal weights: weighted Jaccard is Jaccard')
  assert.ok(coverMin! <= coverMax! && coverMax! <= 1)
  assert.ok(rarest! > 0.99, 'every word unseen: the rarest shared word has the top IDF')
  // "mayor" in every cluster, "arden" in one: sharing only "mayor" (A vs C) scores below sharing "arden" too (A vs B).
  const stats = { total: 5000, df: new Map([['mayor', 4000], ['arden', 1], ['harbor', 3], ['bridg', 20]]) }
  const ab = idfFeatures(A, B, stats)
  const ac = idfFeatures(A, C, stats)
  assert.ok(ab[0]! > ac[0]! && ab[3]! > ac[3]!, 'rare shared words raise the weighted overlap and the rarest-shared feature')
  assert.ok(ac[3]! < 0.2, 'a word in most clusters is near-worthless')
})

test('statsTermsOf: the stems of the claim and of each candidate\'s members (or representative), once each', () => {
  const terms = statsTermsOf('Arden mayor: harbor bridge to close.', [{ representative: 'The mayor of Millbrook opened a new library.' }, { representative: 'x', members: ['Harbor bridge closes.'] }])
  assert.equal(new Set(terms).size, terms.length)
  for (const t of ['arden', 'mayor', 'millbrook', 'library', 'harbor']) assert.ok(terms.includes(t), t)
  assert.ok(!terms.includes('x'), 'members replace the representative')
})

test('extraFeatures: both claims saying something the other lacks, and two different names, are visible', () => {
  const missingA = claimView('Nine-year-old Cecilia Zhang is missing from her Toronto home.')
  const missingB = claimView('Eight-year-old Victoria Stafford is missing from her Woodstock home.')
  const restated = claimView('Cecilia Zhang, nine, missing from her home in Toronto.')
  const [unsharedMin, entityUnsharedMin, disjoint] = extraFeatures(missingA, missingB, EMPTY_TERM_STATS)
  assert.equal(disjoint, 1, 'both name someone, no name shared')
  assert.ok(entityUnsharedMin! > 0 && unsharedMin! >= entityUnsharedMin!)
  const same = extraFeatures(missingA, restated, EMPTY_TERM_STATS)
  assert.equal(same[2], 0)
  assert.ok(same[0]! < unsharedMin! && same[1]! < entityUnsharedMin!)
})

test('chooseCluster: member scores aggregate as max, mean of the best two, or min (complete link)', () => {
  const scores: Record<string, number> = { a: 0.9, b: 0.5, c: 0.1 }
  const similarity = { threshold: 0.4, similarity: (_x: string, m: string) => scores[m]! }
  const candidates = [{ id: 'k', representative: 'a', members: ['a', 'b', 'c'] }]
  assert.equal(chooseCluster('new', candidates, 0.4, similarity, 'max')?.similarity, 0.9)
  assert.equal(chooseCluster('new', candidates, 0.4, similarity, 'top2')?.similarity, 0.7)
  assert.equal(chooseCluster('new', candidates, 0.4, similarity, 'min'), null, 'one far member keeps the claim out')
})
