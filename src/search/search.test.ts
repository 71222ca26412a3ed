import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BM25_K1, bm25Idf, bm25TermScore, tokenCount } from './bm25.js'
import { anyLexemeQuery, buildMatchQuery, queryTerms, searchBoxMatchQuery, searchBoxTsQuery } from './fts-query.js'
import { chooseRareTerms, chooseWithinPostings, commonTermLimit } from './term-selection.js'
import { indexTerms } from './terms.js'

test('query terms: lower-cased letter-and-digit runs, stopwords and single letters out, digits kept', () => {
  assert.deepEqual(queryTerms("The WHO's 5 vaccines — vaccines don't work?"), ['5', 'vaccines', 'work'])
  assert.deepEqual(indexTerms("The NHS's vaccines don’t work, Café"), ['nhss', 'vaccin', 'dont', 'work', 'cafe'])
})

test('queries quote every term: no user text is FTS5 or tsquery syntax', () => {
  assert.equal(buildMatchQuery(['a"b', 'near']), '"a""b" OR "near"')
  assert.equal(anyLexemeQuery(["o'b", 'a\\b']), "'o''b' | 'a\\\\b'")
  assert.equal(searchBoxMatchQuery('he said "no"'), '"he" "said" "no"*')
  assert.equal(searchBoxTsQuery("it's & !not:*"), "'it' & 's' & 'not':*")
  assert.equal(searchBoxMatchQuery('  ...  '), null)
  assert.equal(searchBoxTsQuery('!!'), null)
  assert.equal(searchBoxMatchQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))?.split(' ').length, 16)
})

test('BM25 as FTS5 computes it: idf floored, frequency saturates, longer documents score lower', () => {
  assert.equal(bm25Idf(10, 9), 1e-6)
  assert.ok(Math.abs(bm25Idf(1000, 1) - Math.log(999.5 / 1.5)) < 1e-12)
  assert.equal(bm25TermScore(2, 1, 10, 10), (2 * (BM25_K1 + 1)) / (1 + BM25_K1))
  assert.ok(bm25TermScore(2, 10, 10, 10) < 2 * (BM25_K1 + 1))
  assert.ok(bm25TermScore(2, 1, 20, 10) < bm25TermScore(2, 1, 10, 10))
  assert.equal(tokenCount("Don't panic", null, 'COVID-19'), 5)
})

test('rare terms first; common ones only while fewer than two rare ones remain', () => {
  const counted = [
    { term: 'the', n: 900 },
    { term: 'flu', n: 40 },
    { term: 'zinc', n: 3 },
    { term: 'none', n: 0 },
    { term: 'cure', n: 40 },
  ]
  assert.equal(commonTermLimit(1000, 0.03), 50)
  assert.equal(commonTermLimit(10_000, 0.03), 300)
  assert.deepEqual(chooseRareTerms(counted, 50, 6).map((t) => t.term), ['zinc', 'flu', 'cure'])
  assert.deepEqual(chooseRareTerms(counted, 50, 2).map((t) => t.term), ['zinc', 'flu'])
  assert.deepEqual(chooseRareTerms(counted, 10, 6).map((t) => t.term), ['zinc', 'flu'])
  assert.deepEqual(chooseRareTerms(counted, 1, 6).map((t) => t.term), ['zinc', 'flu'])
})

test('postings budget: rarest first (ties by term), the rarest always, stop at the budget', () => {
  const counted = [
    { term: 'b', n: 5 },
    { term: 'a', n: 5 },
    { term: 'c', n: 100 },
    { term: 'd', n: 0 },
  ]
  assert.deepEqual(chooseWithinPostings(counted, 10, 32), ['a', 'b'])
  assert.deepEqual(chooseWithinPostings(counted, 200, 32), ['a', 'b', 'c'])
  assert.deepEqual(chooseWithinPostings(counted, 200, 1), ['a'])
  assert.deepEqual(chooseWithinPostings([{ term: 'x', n: 500 }], 10, 32), ['x'])
})
