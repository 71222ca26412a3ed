import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { francAll } from 'franc-min'
import { data } from 'franc-min/data.js'
import { trigramScores } from './trigram-scores.js'

function same(text: string): void {
  assert.deepEqual(trigramScores(text, 10), francAll(text, { minLength: 10 }), text.slice(0, 80))
}

test('trigram scores: identical to francAll on text built from every language profile', () => {
  for (const profiles of Object.values(data)) {
    for (const model of Object.values(profiles)) {
      const trigrams = model.split('|')
      // Profile trigrams joined into pseudo-text, at several lengths (counts above and below the ranks).
      for (const n of [4, 40, 300]) same(trigrams.slice(0, n).join('').repeat(n === 4 ? 20 : 2))
    }
  }
})

test('trigram scores: identical to francAll on the repository\'s articles and edge cases', () => {
  const dirs = ['examples', 'examples/reference-articles', 'test/fixtures/report-gold/tune/articles', 'test/fixtures/report-gold/heldout/articles']
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(dir, file), 'utf8')
      same(text)
      same(text.slice(0, 200))
      same(text.slice(500, 4500))
    }
  }
  for (const text of ['', 'short', '1234567890 12345', '!!!!!!!!!!!!!!!!', 'Привет, как дела? Всё хорошо, спасибо.', 'これは日本語の文章です。テストです。', 'Ünïcödé İstanbul ÇAĞ ß straße']) same(text)
})

test('trigram scores: identical to francAll on random mixed-script text (script counting split at ASCII)', async () => {
  const { TOP_SCRIPT_SPLIT } = await import('./trigram-scores.js')
  assert.equal(TOP_SCRIPT_SPLIT, true, 'franc-min expressions changed shape: topScript falls back to the slow count')
  const pool = [...'abcdefghijklmnopqrstuvwxyzABCZ .,;!?0123456789\n’“”éàüñçßøåœ', ...'абвгдежзийклмнопрстуфхцчшщыэюя', ...'αβγδεζηθικλμ', ...'אבגדהוזחטי',
    ...'ابتثجحخدذرزسشص', ...'अआइईउऊऋएऐओऔकखगघ', ...'你好世界中文字', ...'ひらがなカタカナ', ...'한국어문장', ...'กขฃคฅฆง', '𠀀', '𠀁', '😀', '\uD800', '\uDC00']
  let seed = 7
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  for (let n = 0; n < 400; n++) {
    const weights = pool.map(() => (next() < 0.3 ? 1 : 0))
    const chosen = pool.filter((_, i) => weights[i])
    const picks = chosen.length > 0 ? chosen : pool
    let text = ''
    const length = 10 + Math.floor(next() * 300)
    for (let i = 0; i < length; i++) text += picks[Math.floor(next() * picks.length)]
    same(text)
  }
})

test('trigram scores: identical to francAll where lower case is not per character (the regular-expression path)', () => {
  // Per-character cleaning covers ASCII and characters that are their own lower case; these take the other path.
  const texts = [
    'ΟΔΟΣ.ΒΑΣΗ ΚΑΙ ΑΣ.Β ΤΟ ΛΕΞΙΚΟ, ΕΛΛΑΔΑ ΣΗΜΕΡΑ', 'İstanbul’da İSTANBUL ve İzmir haberleri bugün',
    'ÉCOLE école Émile Zola à Paris, été 2019', '𐐀𐐁𐐂 Deseret 𐐨𐐩 alphabet text here', 'Kelvin \u212a and \u212b Ångström units',
    'naïve café — “quoted” text’s\u00a0spaces\u2003here\u3000and\ufeffthere 2019!!', '  \t\n  ', '!!!abc!!!   ',
  ]
  for (const text of texts) same(text)
})
