import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BUILTIN_SIGNALS, signalCatalog } from './signals.js'
import { defaultAnalyzers } from './registry.js'
import { HEDGE } from './hedging/signals.js'
import { VAGUE_ATTRIBUTION } from './attribution/signals.js'

test('the catalog the renderers read holds exactly the signals the registered analyzers declare, in registry order', () => {
  const declared = defaultAnalyzers().flatMap((analyzer) => analyzer.meta.signals ?? [])
  assert.deepEqual(BUILTIN_SIGNALS.map((d) => d.id), declared.map((d) => d.id))
  for (const [i, declaration] of declared.entries()) assert.equal(BUILTIN_SIGNALS[i], declaration, `${declaration.id} is the same declaration object`)
  assert.equal(signalCatalog().get('hedge'), HEDGE)
  assert.equal(signalCatalog().get('vague-attribution'), VAGUE_ATTRIBUTION)
})
