// The shared wink-nlp instances (created once, lazily) and the bare tokenization pass used as the speed baseline.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Model, WinkMethods } from 'wink-nlp'

// Nothing of wink is loaded until the first instance is made: a command that never tokenizes (--version, claims)
// pays nothing, and `import … from 'wink-eng-lite-web-model'` would parse its 3 MB core model at import time.
const require = createRequire(import.meta.url)
type WinkNLP = (model: Model, pipe?: string[]) => WinkMethods

let annotating: { nlp: WinkMethods; words: unknown[] | undefined; wordsAtStart: number } | undefined
let bare: WinkMethods | undefined
let full: WinkMethods | undefined
let winkNLP: WinkNLP | undefined
let model: Model | undefined

// What wink's automaton emptyModelJSON() gives: a machine with one state and no transitions.
const EMPTY_MACHINE = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}])

/** A wink instance over a fresh core model, and that core's word list, which the instance grows as it reads. */
function makeWink(pipe?: string[]): { nlp: WinkMethods; words: unknown[] | undefined } {
  winkNLP ??= require('wink-nlp') as WinkNLP
  model ??= loadEnglishModel()
  const base = model
  let core: CoreModel | undefined
  // Every instance calls core() once and keeps the object: its lexeme list is the instance's vocabulary.
  const watched = Object.assign(Object.create(null) as Model, base, { core: () => (core = (base.core as unknown as () => CoreModel)()) })
  // wink sets up every step's automata whatever the pipe; the NER and sentiment models (575 KB of JSON, parsed twice)
  // are only read by their steps, so an instance without those steps gets empty machines instead.
  if (pipe && !pipe.includes('ner')) Object.assign(watched, { ner: () => ({ machines: [], transformers: [] }) })
  if (pipe && !pipe.includes('sentiment')) Object.assign(watched, { sa: () => ({ machines: [EMPTY_MACHINE], setter: () => undefined }) })
  const nlp = pipe ? winkNLP(watched, pipe) : winkNLP(watched)
  return { nlp, words: core?.features.lexeme?.list }
}

/**
 * wink adds every word it has not seen to its instance's vocabulary and never drops one: ~245 bytes a new word
 * (bench/wink-vocabulary.ts), so a server or watcher reading the news for weeks would grow without bound (numbers,
 * names and links keep coming). The annotating instance is replaced by a fresh one, between two texts, once its
 * vocabulary has this many new entries (a capitalized word and its lower case are two; ~25 MB); a replacement costs
 * ~0.25 s. Tokens and tags do not depend on what an instance has read before (a new word's features come from its own
 * letters; wink.test.ts compares the two).
 */
export const RENEW_AFTER_NEW_WORDS = 200_000

/**
 * The wink instance annotate uses: tokens and POS only. Wink's sentence boundaries, NER, negation and sentiment are
 * left out of the pipe: each costs about as much again as tokenizing, and annotate finds sentences, dates and names
 * with its own rules (the POS tags are the same with or without wink's sentence pass).
 */
export function getWink(renewAfterNewWords = RENEW_AFTER_NEW_WORDS): WinkMethods {
  if (annotating?.words && annotating.words.length - annotating.wordsAtStart > renewAfterNewWords) annotating = undefined
  if (!annotating) {
    const made = makeWink(['pos'])
    annotating = { ...made, wordsAtStart: made.words?.length ?? 0 }
  }
  return annotating.nlp
}

/** A wink instance with an empty pipe: tokenization only. */
export function getBareWink(): WinkMethods {
  bare ??= makeWink([]).nlp
  return bare
}

/** The bare tokenization pass (wink with an empty pipe), returning the token count: the speed baseline of the benches. */
export function bareTokenize(text: string): number {
  return getBareWink().readDoc(text).tokens().length()
}

/**
 * wink's default pipe (sbd, negation, sentiment, pos, ner, cer) over `text`, returning the token count: the
 * "wink-nlp tokenizes ~600k tokens/s" figure. Benches print it beside bareTokenize so both ratios are visible.
 */
export function winkDefaultPass(text: string): number {
  full ??= makeWink().nlp
  return full.readDoc(text).tokens().length()
}

// ── The English model, read faster than the package reads it ─────────────────────────────────────────────────────
// wink-eng-lite-web-model 1.8.1 (dist/read-core-model.js) requires its core JSON at import, deep-copies it through
// JSON.stringify + JSON.parse on every core() call and decodes the 1.9 MB base64 lexicon with atob and a byte loop:
// ~360 ms of a ~870 ms `factsift analyze`. Here the file is parsed once per instance (each wink instance grows its own
// vocabulary, so each needs its own copy, as with the package) and decoded with Buffer; the rest is the package's own
// steps, in its order, so the model object is the same (wink.test.ts compares it with the package's, field by field).
// Another version of the package gets the package's own loader.
const FAST_MODEL_VERSION = '1.8.1'

/** The model object of wink-eng-lite-web-model/dist/model.js, with the fast core loader when the version matches. */
export function loadEnglishModel(): Model {
  const entry = require.resolve('wink-eng-lite-web-model')
  const dir = dirname(entry)
  const version = (JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8')) as { version?: string }).version
  if (version !== FAST_MODEL_VERSION) return require(entry) as Model
  const part = (name: string): unknown => require(join(dir, name))
  const coreFile = join(dir, 'languages', 'cur', 'models', 'eng-core-web-model.json')
  const m = Object.create(null) as Record<string, unknown>
  m.core = () => loadCoreModel(readFileSync(coreFile, 'utf8'))
  m.sbd = part('load-sbd-model.js')
  m.pos = part('load-pos-model.js')
  // The NER and sentiment loaders read their JSON when required (575 KB): required on first call instead, since the
  // annotating instance never calls them (see makeWink).
  m.ner = () => (part('load-ner-model.js') as () => unknown)()
  m.negation = part('load-negation-model.js')
  m.sa = () => (part('load-sa-model.js') as () => unknown)()
  m.metaCER = part('load-cer-meta-model.js')
  m.featureFn = part('feature.js')
  const addons = Object.create(null) as Record<string, unknown>
  addons.stem = part('porter-stemmer.js')
  addons.lemmatize = part('lemmatize.js')
  addons.readabilityStats = part('readability-stats.js')
  addons.wordVectors = undefined
  m.addons = addons
  return m as unknown as Model
}

// The core model's fields this loader touches (see read-core-model.js and load-core-model.js of the package).
interface Feature {
  list: unknown[]
  hash?: Record<string, number>
  intrinsicSize?: number
  index?: number
  maxIndex?: number
}
interface CoreModel {
  packing: { layout: Record<string, number[]>; efList?: string[] }
  features: Record<string, Feature>
  pos: { hash: Record<string, number> }
  lexicon: unknown
  xpansions: unknown
}

/** read-core-model.js then load-core-model.js of the package, over the core JSON text `text`. */
export function loadCoreModel(text: string): CoreModel {
  const model = JSON.parse(text) as CoreModel
  const { packing, features, pos } = model
  model.lexicon = uint32FromBase64(model.lexicon as string)
  model.xpansions = uint32FromBase64(model.xpansions as string)
  for (const f in packing.layout) {
    if (packing.layout[f]![3] === 0) features[f]!.hash = hashOf(features[f]!.list as string[])
  }
  features.lexeme!.hash = hashOf(features.lexeme!.list as string[])
  const clusters = features.posClusters!.list
  for (let k = 0; k < clusters.length; k += 1) {
    clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0))
  }
  // load-core-model.js
  packing.efList = []
  for (const f in packing.layout) {
    const layout = packing.layout[f]!
    if (layout[3] === 0) {
      const feature = features[f]!
      feature.intrinsicSize = feature.list.length
      feature.index = feature.list.length
      feature.maxIndex = layout[1]! >>> layout[2]!
    }
    if (layout[4] === 1) packing.efList.push(f)
  }
  features.lexeme!.intrinsicSize = features.lexeme!.list.length
  features.lexeme!.index = features.lexeme!.list.length
  return model
}

function hashOf(list: string[]): Record<string, number> {
  const hash = Object.create(null) as Record<string, number>
  for (let k = 0; k < list.length; k += 1) hash[list[k]!] = k
  return hash
}

// What the package's bufferFromBase64 + new Uint32Array(buffer) give, decoded natively into a buffer of its own.
function uint32FromBase64(data: string): Uint32Array {
  const bytes = new Uint8Array(Buffer.byteLength(data, 'base64'))
  Buffer.from(bytes.buffer).write(data, 'base64')
  return new Uint32Array(bytes.buffer)
}
