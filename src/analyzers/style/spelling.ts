// Spell checking against Hunspell's English dictionary (dictionary-en, as nspell expands it), cached per word.
//
// Expanding the dictionary through nspell takes ~200 ms CPU (and as much again in garbage collection) at the first
// check of every process, which was a third of a cold `factsift analyze`. `npm run build` therefore writes the
// expanded word list once (scripts/build-spelling-words.mjs → dist/analyzers/style/spelling-words.txt) and this module
// answers from it with nspell's own rules (lib/util/form.js, exact.js): the same verdict for every word. Without that
// file (a checkout run through tsx before any build) or when it was built from other dictionary-en or nspell versions,
// it falls back to nspell itself.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** nspell's correct(): is `word` (one word, no hyphen splitting) a known spelling? */
type Correct = (word: string) => boolean

/** The precomputed list, from src/analyzers/style/ or dist/analyzers/style/ alike. */
const WORD_LIST = fileURLToPath(new URL('../../../dist/analyzers/style/spelling-words.txt', import.meta.url))

let correct: Correct | undefined
const verdicts = new Map<string, boolean>()
const MAX_CACHED_WORDS = 200_000

function load(): Correct {
  correct ??= fromWordList() ?? fromNspell()
  return correct
}

interface WordListHeader {
  source: string
  conversion: [pattern: string, flags: string, replacement: string][]
  compoundMin: number
  compoundRules: [pattern: string, flags: string][]
  onlyInCompound: string[]
  prefixes: Record<string, [start: number, end: number]>
}

const require = createRequire(import.meta.url)
const packageDir = (name: string): string => dirname(require.resolve(name))
const versionOf = (dir: string): string => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version

/** The installed dictionary-en and nspell, as the word list's header names them. */
function installedSource(): string {
  return `dictionary-en@${versionOf(packageDir('dictionary-en'))} nspell@${versionOf(join(packageDir('nspell'), '..'))}`
}

function fromWordList(): Correct | undefined {
  if (!existsSync(WORD_LIST)) return undefined
  const text = readFileSync(WORD_LIST, 'utf8')
  const newline = text.indexOf('\n')
  const header = JSON.parse(text.slice(0, newline)) as WordListHeader
  if (header.source !== installedSource()) return undefined
  const body = text.slice(newline + 1)
  const conversion = header.conversion.map(([pattern, flags, replacement]) => [new RegExp(pattern, flags), replacement] as const)
  const compoundRules = header.compoundRules.map(([pattern, flags]) => new RegExp(pattern, flags))
  const onlyInCompound = new Set(header.onlyInCompound)
  // Each two-letter prefix's words, as '\n' w1 '\n' … wn '\n' (a slice of the body, cut on first use).
  const ranges = new Map<string, string>()
  const known = (word: string): boolean => {
    const prefix = word.slice(0, 2)
    let range = ranges.get(prefix)
    if (range === undefined) {
      const at = Object.hasOwn(header.prefixes, prefix) ? header.prefixes[prefix] : undefined
      range = at ? body.slice(at[0], at[1]) : ''
      ranges.set(prefix, range)
    }
    return range !== '' && range.includes(`\n${word}\n`)
  }
  // nspell's exact(): a listed word (unless only allowed inside compounds), else a compound rule ("21st", "112th").
  const exact = (word: string): boolean => {
    if (known(word)) return true
    if (onlyInCompound.has(word)) return false
    return word.length >= header.compoundMin && compoundRules.some((rule) => rule.test(word))
  }
  // nspell's form() for a dictionary without KEEPCASE or FORBIDDENWORD words (the build script checks).
  return (value) => {
    let normal = value.trim()
    if (!normal) return false
    for (const [pattern, replacement] of conversion) normal = normal.replace(pattern, replacement)
    if (exact(normal)) return true
    if (normal.toUpperCase() === normal && exact(normal.charAt(0) + normal.slice(1).toLowerCase())) return true
    const lower = normal.toLowerCase()
    return lower !== normal && exact(lower)
  }
}

function fromNspell(): Correct {
  // nspell is CommonJS; the dictionary's files are read directly (importing dictionary-en reads them with a top-level await).
  const nspell = require('nspell') as (aff: Buffer, dic: Buffer) => { correct(word: string): boolean }
  const dir = packageDir('dictionary-en')
  const spell = nspell(readFileSync(join(dir, 'index.aff')), readFileSync(join(dir, 'index.dic')))
  return (word) => spell.correct(word)
}

/** True when the dictionary knows the word (hyphenated words: every part). */
export function isKnownWord(word: string): boolean {
  let verdict = verdicts.get(word)
  if (verdict === undefined) {
    const spell = load()
    verdict = word.split('-').every((part) => part === '' || spell(part) || spell(part.toLowerCase()))
    if (verdicts.size >= MAX_CACHED_WORDS) verdicts.clear()
    verdicts.set(word, verdict)
  }
  return verdict
}

/** The two implementations side by side (for the equivalence test); the word list is undefined when absent or stale. */
export function spellingImplementations(): { wordList: Correct | undefined; nspell: Correct } {
  return { wordList: fromWordList(), nspell: fromNspell() }
}

const suggestions = new Map<string, string[]>()
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'

/**
 * Up to `limit` dictionary words one edit away (delete, transpose, replace, insert), cached per word. Hunspell's own
 * suggest() takes ~12 ms a word, too slow for articles full of typos; this takes well under a millisecond.
 */
export function suggestionsFor(word: string, limit = 3): string[] {
  let found = suggestions.get(word)
  if (found === undefined) {
    found = editsOf(word.toLowerCase()).filter((candidate) => isKnownWord(candidate)).slice(0, limit)
    if (suggestions.size >= MAX_CACHED_WORDS) suggestions.clear()
    suggestions.set(word, found)
  }
  return found
}

function editsOf(word: string): string[] {
  const edits = new Set<string>()
  for (let i = 0; i < word.length; i++) {
    if (i + 1 < word.length) edits.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))
  }
  for (let i = 0; i <= word.length; i++) {
    for (const letter of ALPHABET) {
      if (i < word.length && letter !== word[i]) edits.add(word.slice(0, i) + letter + word.slice(i + 1))
      edits.add(word.slice(0, i) + letter + word.slice(i))
    }
  }
  for (let i = 0; i < word.length; i++) edits.add(word.slice(0, i) + word.slice(i + 1))
  edits.delete(word)
  return [...edits].filter((edit) => edit.length > 1)
}
