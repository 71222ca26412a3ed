import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createPhraseMatcher } from './phrase-matcher.js'
import { readFileSync } from 'node:fs'

// The two lexicons the analyzers match (read as data: util sits below the analyzers).
const hedging = JSON.parse(readFileSync('src/analyzers/hedging/hedges.json', 'utf8')) as { hedges: string[] }
const sensational = JSON.parse(readFileSync('src/analyzers/style/sensational.json', 'utf8')) as { phrases: string[] }

/** The matcher's contract spelled out with one global regex search (what it did before it skipped positions). */
function plainFind(phrases: readonly string[], text: string, from = 0, to = text.length): { start: number; end: number }[] {
  const alternatives = [...new Set(phrases)].sort((a, b) => b.length - a.length)
    .map((p) => p.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join('\\s+'))
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
  const out: { start: number; end: number }[] = []
  pattern.lastIndex = from
  for (let m = pattern.exec(text); m !== null && m.index < to; m = pattern.exec(text)) {
    if (m.index + m[0].length > to) break
    out.push({ start: m.index, end: m.index + m[0].length })
  }
  return out
}

test('phrase matcher: whole words, case-insensitive, either apostrophe, the phrase as listed', () => {
  const matcher = createPhraseMatcher(["it's unclear", 'Shocking', 'may'])
  assert.deepEqual(matcher.find('SHOCKING: It’s  unclear, dismay, may-be'), [
    { start: 0, end: 8, phrase: 'Shocking' },
    { start: 10, end: 23, phrase: "it's unclear" },
    { start: 33, end: 36, phrase: 'may' },
  ])
  // Under /iu the long s matches "s": a phrase may start at a non-ASCII character.
  assert.deepEqual(matcher.find('ſhocking and \u212Aelvin', 0).map(({ start, end }) => [start, end]), [[0, 8]])
})

test('phrase matcher: same matches as one global regex search on random text (hedging and sensational lexicons)', () => {
  const lists = [hedging.hedges, sensational.phrases, ['$5 off', 'may']]
  const words = [...hedging.hedges.slice(0, 40), ...sensational.phrases.slice(0, 40), 'the', 'a', 'x1', '2024', 'It’s', 'CLEAR',
    'é', 'ſo', '\u212A', '😀', '“', '”', '-', '.', '\n\n', 'mayor', 'unbelievably', 'Sources', 'may',
    // Runs that share a phrase's first word or its start: the first-word filter must still try them.
    'must-reader', 'ripsaw', "it'sy", 'it', 'shock', 'shockingé', 'mayé', 'may\u212A', 'shoc\u212Aing', 'secret\u017F']
  let seed = 11
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  for (let n = 0; n < 300; n++) {
    let text = ''
    const length = 5 + Math.floor(next() * 60)
    for (let i = 0; i < length; i++) {
      const word = words[Math.floor(next() * words.length)]!
      text += (next() < 0.2 ? word.toUpperCase() : word) + [' ', '  ', '', ', ', '\n'][Math.floor(next() * 5)]
    }
    for (const phrases of lists) {
      const from = Math.floor(next() * 10)
      const to = text.length - Math.floor(next() * 10)
      const found = createPhraseMatcher(phrases).find(text, from, Math.max(from, to)).map(({ start, end }) => ({ start, end }))
      assert.deepEqual(found, plainFind(phrases, text, from, Math.max(from, to)), text)
    }
  }
})
