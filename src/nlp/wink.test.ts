import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import winkNLP, { type Model } from 'wink-nlp'
import { getWink, loadEnglishModel } from './wink.js'

const require = createRequire(import.meta.url)
const packageModel = require('wink-eng-lite-web-model') as Model & Record<string, unknown>

test('loadEnglishModel: the same core model as the package builds (typed arrays, hashes, sets, sizes)', () => {
  const fast = loadEnglishModel() as Model & Record<string, unknown>
  const core = (m: Record<string, unknown>) => (m.core as () => unknown)()
  assert.deepStrictEqual(core(fast), core(packageModel))
  // Every other part is the package's own module.
  for (const key of ['sbd', 'pos', 'negation', 'metaCER', 'featureFn']) assert.equal(fast[key], packageModel[key], key)
  // Loaded on first call: the same loaders' results.
  for (const key of ['ner', 'sa']) assert.deepStrictEqual((fast[key] as () => unknown)(), (packageModel[key] as () => unknown)(), key)
  assert.deepStrictEqual(Object.keys(fast.addons), Object.keys(packageModel.addons))
  for (const [key, value] of Object.entries(fast.addons)) assert.equal(value, (packageModel.addons as unknown as Record<string, unknown>)[key], key)
})

test('loadEnglishModel: each core() call is a fresh copy (wink instances grow their own vocabulary)', () => {
  const core = loadEnglishModel().core as unknown as () => { features: { lexeme: { list: string[] } } }
  const a = core()
  const b = core()
  assert.notEqual(a, b)
  a.features.lexeme.list.push('zzz-added')
  assert.notEqual(b.features.lexeme.list.at(-1), 'zzz-added')
})

test('getWink: tokens, POS, types and lemmas as with the package model', () => {
  const text = 'Officials said on Monday that the Harbor Bridge, built in 1931, would close for 3 weeks. Dr. Nadia Rahman’s team wasn’t told: costs rose 12% to $4.5bn! See https://example.com/report.'
  const reference = winkNLP(packageModel, ['pos'])
  const read = (nlp: typeof reference) => {
    const tokens = nlp.readDoc(text).tokens()
    const its = nlp.its
    return {
      values: tokens.out(its.value),
      pos: tokens.out(its.pos),
      types: tokens.out(its.type),
      lemmas: tokens.out(its.lemma as unknown as typeof its.value),
    }
  }
  assert.deepStrictEqual(read(getWink()), read(reference))
})

test('getWink: renewed once it has learnt enough new words, and the fresh instance reads the same tokens and tags', () => {
  const text = 'Ms. Qorvanti-Blesk told the Zentravo council that 14,532 visitors came, not 1,200; https://zentravo.example/x says so.'
  const read = (nlp: ReturnType<typeof getWink>) => {
    const tokens = nlp.readDoc(text).tokens()
    return { values: tokens.out(nlp.its.value), pos: tokens.out(nlp.its.pos), lemmas: tokens.out(nlp.its.lemma as unknown as typeof nlp.its.value) }
  }
  const first = getWink()
  const before = read(first)
  // A large threshold keeps the instance; a text of new words then passes a small one.
  assert.equal(getWink(1_000_000), first)
  first.readDoc(Array.from({ length: 20 }, (_, i) => `Vrelkin${i}qa`).join(' '))
  const renewed = getWink(10)
  assert.notEqual(renewed, first)
  assert.equal(getWink(10), renewed, 'a fresh instance is kept until it too has learnt enough')
  assert.deepStrictEqual(read(renewed), before)
})
