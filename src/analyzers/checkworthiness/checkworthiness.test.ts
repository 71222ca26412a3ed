import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import checkworthiness from './checkworthiness.js'
import { annotatedText, runAnalyzer } from '../../test-support/analyzer-tester.js'
import { assertSpansValid } from '../../document/spans.js'
import { createServices } from '../../engine/services.js'
import { createModelLoader } from '../../models/loader.js'
import { annotate } from '../../nlp/annotate.js'
import { passageDocument, readNewsPassages } from '../../../training/checkworthiness/news-passages.js'
import type { ReportDraft } from '../types.js'
import { isFactsiftError } from '../../errors.js'

// Table: the first sentence listed must outrank the second (shipped model, no sourcing analyzers).
const cases = [
  {
    text: 'The senator said the program cost $4 billion in 2019. It is quite disheartening to see. What a day it was!',
    higher: 'The senator said the program cost $4 billion in 2019.',
    lower: 'It is quite disheartening to see.',
  },
  {
    text: 'Police arrested 14 people after the protest on Friday, officials said. Will anyone be held responsible for this mess?',
    higher: 'Police arrested 14 people after the protest on Friday, officials said.',
    lower: 'Will anyone be held responsible for this mess?',
  },
  {
    text: 'Thank you all so much for being here tonight, it is wonderful to see you. Exports to China fell 12 percent last year.',
    higher: 'Exports to China fell 12 percent last year.',
    lower: 'Thank you all so much for being here tonight, it is wonderful to see you.',
  },
]

for (const item of cases) {
  test(`checkworthiness ranks "${item.higher.slice(0, 40)}…" above "${item.lower.slice(0, 30)}…"`, async () => {
    const doc = annotatedText(item.text)
    const { claims } = await runAnalyzer(checkworthiness, doc)
    assertSpansValid(doc.text, claims, 'claims')
    const texts = claims.map((c) => c.text)
    assert.ok(texts.includes(item.higher) && texts.includes(item.lower), `both sentences are claims: ${JSON.stringify(texts)}`)
    assert.ok(texts.indexOf(item.higher) < texts.indexOf(item.lower))
  })
}

test('every claim over the news fixtures has a valid span, a score in [0, 1], and the list is sorted', async () => {
  const dir = fileURLToPath(new URL('../../../test/fixtures/checkworthiness/news/', import.meta.url))
  for (const passage of readNewsPassages(dir)) {
    const doc = annotate(passageDocument(passage))
    const { claims } = await runAnalyzer(checkworthiness, doc)
    assertSpansValid(doc.text, claims, `${passage.id} claims`)
    claims.forEach((c, i) => {
      assert.equal(doc.text.slice(c.start, c.end), c.text)
      assert.equal(c.id, `c${i + 1}`)
      assert.ok(c.checkworthiness >= 0 && c.checkworthiness <= 1)
      if (i > 0) assert.ok(claims[i - 1].checkworthiness >= c.checkworthiness)
      assert.equal(typeof c.sentence, 'number')
    })
  }
})

test('contribute puts the claims into the report', async () => {
  const doc = annotatedText('The city hired 60 officers in 2022. Crime fell 12 percent.')
  const out = await runAnalyzer(checkworthiness, doc)
  const draft = { claims: [] } as unknown as ReportDraft
  checkworthiness.contribute!(out, draft, doc)
  assert.equal(draft.claims, out.claims)
  assert.equal(draft.claims.length, 2)
})

test('a missing model file fails the analyzer with E_MODEL_INVALID (the engine records it in report.errors)', () => {
  const empty = mkdtempSync(join(tmpdir(), 'factsift-cw-'))
  try {
    const services = createServices({ models: createModelLoader(empty) })
    const ctx = { services, get: () => undefined as never, find: () => undefined }
    assert.throws(
      () => checkworthiness.analyze(annotatedText('Taxes rose 3 percent.'), ctx),
      (e: unknown) => isFactsiftError(e) && e.code === 'E_MODEL_INVALID',
    )
  } finally {
    rmSync(empty, { recursive: true })
  }
})
