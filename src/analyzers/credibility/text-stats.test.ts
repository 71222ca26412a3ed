import { test } from 'node:test'
import assert from 'node:assert/strict'
import { countSyllables, movingTypeTokenRatio, textStats } from './text-stats.js'

const TEXT_A = 'The mayor said: "We will rebuild the bridge." Work starts Monday.\n\nCritics doubt it!'

test('textStats counts words, sentences, paragraphs and quoted words', () => {
  const s = textStats(TEXT_A)
  assert.deepEqual(s.words, ['the', 'mayor', 'said', 'we', 'will', 'rebuild', 'the', 'bridge', 'work', 'starts', 'monday', 'critics', 'doubt', 'it'])
  assert.equal(s.sentences, 3)
  assert.equal(s.paragraphs, 2)
  assert.equal(s.quotedWords, 5)
  assert.equal(s.letters, s.words.join('').length)
  s.words.forEach((w, k) => assert.equal(TEXT_A.slice(s.starts[k], s.starts[k] + w.length).toLowerCase(), w))
})

test('a text without final punctuation still counts its last sentence; empty text counts nothing', () => {
  assert.equal(textStats('One sentence. And a trailing one').sentences, 2)
  const empty = textStats('  ')
  assert.deepEqual([empty.words, [...empty.starts], empty.sentences, empty.paragraphs, empty.quotedWords], [[], [], 0, 0, 0])
})

test('curly apostrophes fold to straight ones', () => {
  assert.deepEqual(textStats('It’s Trump’s day').words, ["it's", "trump's", 'day'])
  assert.deepEqual(textStats("Señor Müller's café, 'quoted'").words, ['señor', "müller's", 'café', 'quoted'])
})

test('syllable heuristic on common words', () => {
  for (const [word, n] of [['the', 1], ['reading', 2], ['president', 3], ['investigation', 5], ['make', 1], ['happy', 2]] as const) {
    assert.equal(countSyllables(word), n, word)
  }
})

test('moving type-token ratio: all distinct → 1; one word repeated → 1/window', () => {
  assert.equal(movingTypeTokenRatio(['a', 'b', 'c']), 1)
  assert.equal(movingTypeTokenRatio(new Array(80).fill('x'), 50), 1 / 50)
  assert.equal(movingTypeTokenRatio([]), 0)
})

test('number, exclamation and question runs are counted once each', () => {
  const s = textStats('Prices rose 2,500 dollars (3.5%) in 2019!!! Why? Really?! Version 1.2.3, then 4.')
  assert.equal(s.numbers, 5) // 2,500 · 3.5 · 2019 · 1.2.3 · 4
  assert.equal(s.exclamations, 2)
  assert.equal(s.questions, 2)
})

test('textStats gives each word an id into its distinct words, with their frequencies; MATTR over ids equals MATTR over words', async () => {
  const { movingTypeTokenRatioOfIds } = await import('./text-stats.js')
  const stats = textStats('The vote was delayed. The council said the vote would come later, the council said.')
  assert.deepEqual(stats.distinct.slice(0, 4), ['the', 'vote', 'was', 'delayed'])
  assert.deepEqual(Array.from(stats.ids).map((id) => stats.distinct[id]), stats.words)
  assert.equal(stats.frequency[stats.distinct.indexOf('the')], 4)
  assert.equal(Array.from(stats.frequency).reduce((a, b) => a + b, 0), stats.words.length)
  for (const window of [3, 5, 50]) {
    assert.equal(movingTypeTokenRatioOfIds(stats.ids, stats.distinct.length, window), movingTypeTokenRatio(stats.words, window))
  }
})

test('interned words read the same in every call, also where lower-casing changes the length (İ)', () => {
  const text = 'İstanbul’s mayor met Istanbul officials. The mayor’s aide, İSTANBUL’S envoy, said it’s fine.'
  for (let round = 0; round < 3; round++) {
    const s = textStats(round === 1 ? text.replace(/İ/g, 'I') : text)
    const source = round === 1 ? text.replace(/İ/g, 'I') : text
    s.words.forEach((w, k) => {
      const end = k + 1 < s.words.length ? source.indexOf(' ', s.starts[k]) : source.length
      const written = source.slice(s.starts[k], end === -1 ? source.length : end).replace(/[^\p{L}'’]+$/u, '')
      assert.equal(w, written.toLowerCase().replace(/’/g, "'"))
    })
    assert.deepEqual(Array.from(s.ids).map((id) => s.distinct[id]), s.words)
    assert.deepEqual(s.entries.map((e) => e.word), s.distinct)
    assert.equal(s.syllables, s.words.reduce((n, w) => n + countSyllables(w), 0))
  }
})
