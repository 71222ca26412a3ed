import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { spellingImplementations } from './spelling.js'

// The precomputed word list (written by `npm run build`) must answer exactly as nspell does.
test('the precomputed spelling word list gives nspell’s verdicts', (t) => {
  const { wordList, nspell } = spellingImplementations()
  if (!wordList) {
    t.skip('no current dist/analyzers/style/spelling-words.txt (run `npm run build`)')
    return
  }
  const words = new Set<string>([
    '', ' ', 'the', 'The', 'THE', 'tHe', 'colour', 'color', 'Nadia', 'nadia', 'NADIA', 'NASA', 'nasa', 'Nasa',
    "don't", 'don’t', 'DON’T', "o'clock", '1st', '2nd', '21st', '22nd', '11th', '112th', '1th', '2th', '3th', '13th',
    '4TH', 'x4th', 'abc21st', '0', '7', 'a', 'A', 'I', 'i', 'teh', 'recieve', 'harbour', 'Sydney', 'sydney', 'iPhone',
    'constructor', '__proto__', 'hasOwnProperty', 'zzz', 'Zürich', 'café', 'naïve', ' spaced ', 'e-mail', 'USA', 'Usa',
  ])
  for (const file of ['examples/harbor-bridge.txt', 'src/analyzers/style/README.md']) {
    for (const word of readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8').split(/[^\p{L}\p{N}'’]+/u)) {
      words.add(word)
      words.add(word.toLowerCase())
      words.add(word.toUpperCase())
      for (let i = 0; i < word.length; i++) words.add(word.slice(0, i) + word.slice(i + 1)) // deletions: mostly misses
    }
  }
  const differ = [...words].filter((word) => wordList(word) !== nspell(word))
  assert.deepEqual(differ, [])
})
