#!/usr/bin/env node
// Precomputes the spelling dictionary (run by `npm run build`): expands dictionary-en through nspell once, as
// src/analyzers/style/spelling.ts used to do at the first spelling check of every process (~200 ms CPU and a lot of
// garbage), and writes every word nspell knows, sorted, with what nspell's correct() needs besides (input conversion,
// compound rules, words allowed only inside compounds) to dist/analyzers/style/spelling-words.txt.
// Line 1 is a JSON header; the rest is '\n' + the words joined by '\n' + '\n', with an index of the range each two-letter
// prefix occupies, so a lookup searches a few kilobytes and nothing is built at load. spelling.ts reads it when the
// header names the installed dictionary-en and nspell versions, else falls back to nspell (same verdicts, slower).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const root = new URL('..', import.meta.url)
const require = createRequire(new URL('package.json', root))
const out = new URL('dist/analyzers/style/spelling-words.txt', root)

const packageDir = (name) => dirname(require.resolve(name))
const versionOf = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
const dictionaryDir = packageDir('dictionary-en')
const nspellDir = join(packageDir('nspell'), '..') // nspell's main is lib/index.js
const nspell = require('nspell')
const spell = nspell(readFileSync(join(dictionaryDir, 'index.aff')), readFileSync(join(dictionaryDir, 'index.dic')))

// spelling.ts reproduces nspell's correct() (lib/util/form.js, exact.js) for what this dictionary uses; refuse a
// dictionary that needs more (case-keeping or forbidden words, another conversion shape).
const { flags, data } = spell
const flagged = (name) => typeof flags[name] === 'string' && Object.values(data).some((codes) => codes.includes(flags[name]))
for (const name of ['FORBIDDENWORD', 'KEEPCASE']) {
  if (flagged(name)) throw new Error(`build-spelling-words: the dictionary uses ${name}; spelling.ts does not handle it`)
}
if (spell.conversion.in.some(([pattern, replacement]) => !(pattern instanceof RegExp) || typeof replacement !== 'string')) {
  throw new Error('build-spelling-words: unexpected ICONV table')
}

const onlyInCompound = []
const words = []
for (const word of Object.keys(data)) {
  if (/[\n\r]/.test(word)) throw new Error(`build-spelling-words: a word with a line break: ${JSON.stringify(word)}`)
  if (typeof flags.ONLYINCOMPOUND === 'string' && data[word].includes(flags.ONLYINCOMPOUND)) onlyInCompound.push(word)
  else words.push(word)
}
words.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) // by UTF-16 code units, as the prefix ranges assume

// body = '\n' w1 '\n' w2 ... wn '\n'; a prefix's range starts at the '\n' before its first word and ends after the '\n'
// following its last, so `range.indexOf('\n' + word + '\n')` finds exactly the words of that prefix.
let body = '\n'
const prefixes = {}
for (const word of words) {
  const prefix = word.slice(0, 2)
  const start = body.length - 1
  body += `${word}\n`
  const range = prefixes[prefix]
  if (range) range[1] = body.length
  else prefixes[prefix] = [start, body.length]
}

const header = {
  source: `dictionary-en@${versionOf(dictionaryDir)} nspell@${versionOf(nspellDir)}`,
  conversion: spell.conversion.in.map(([pattern, replacement]) => [pattern.source, pattern.flags, replacement]),
  compoundMin: flags.COMPOUNDMIN,
  compoundRules: spell.compoundRules.map((rule) => [rule.source, rule.flags]),
  onlyInCompound,
  words: words.length,
  prefixes,
}
mkdirSync(new URL('.', out), { recursive: true })
writeFileSync(out, `${JSON.stringify(header)}\n${body}`)
