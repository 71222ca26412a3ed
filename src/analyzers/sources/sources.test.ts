import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { annotatedText, runAnalyzer } from '../../test-support/analyzer-tester.js'
import type { Analyzer, ReportDraft } from '../types.js'
import coreference from '../coreference/coreference.js'
import quotes from '../quotes/quotes.js'
import attribution from '../attribution/attribution.js'
import sources, { createSourcesAnalyzer } from './sources.js'
import type { SourcesOutput } from './types.js'
import { FactsiftError } from '../../errors.js'

const before = [coreference, quotes, attribution] as Analyzer[]

/** Expected sources as "kind:name×mentions", most cited first. */
const cases: { name: string; text: string; sources: string[] }[] = [
  {
    name: 'Source: lines are outlets, normalized, counted once with the sentence they credit',
    text: 'The mine will close. Source: News Week\n\nPrices rose. Source: WaPo\n\nMore later. Source: Washington Post',
    sources: ['outlet:The Washington Post×2', 'outlet:Newsweek×1'],
  },
  {
    name: 'people, organizations, documents and unnamed sources',
    text: 'Mayor Ana Ruiz said taxes would fall. “We are ready,” Ruiz said. The World Health Organization said cases fell. According to court documents, he paid. Analysts note that rents rose.',
    sources: ['person:Ana Ruiz×2', 'organization:World Health Organization×1', 'document:court documents×1', 'unnamed:analysts×1'],
  },
  {
    name: 'outlets a statement was given to, and links',
    text: 'Economist Priya Nair told the BBC that inflation would fall. Details are at https://www.nytimes.com/2024/01/01/economy.html and https://data.example.org/report today.',
    sources: ['outlet:BBC×1', 'outlet:The New York Times×1', 'person:Priya Nair×1', 'document:data.example.org×1'],
  },
  { name: 'an outlet merely mentioned is not cited', text: 'The senator attacked CNN on Monday.', sources: [] },
]

function rows(out: SourcesOutput): string[] {
  return out.sources.map((s) => `${s.kind}:${s.name}×${s.mentions}`)
}

for (const c of cases) {
  test(`sources: ${c.name}`, async () => {
    const doc = annotatedText(c.text)
    const out = await runAnalyzer(sources, doc, before)
    for (const s of out.sources) for (const span of s.spans) assert.ok(span.start >= 0 && span.end > span.start && span.end <= doc.text.length)
    assert.deepEqual(rows(out), c.sources)
  })
}

test('sources: contribute writes name, kind and mentions', async () => {
  const doc = annotatedText('Prices rose. Source: NYT')
  const out = await runAnalyzer(sources, doc, before)
  const draft = { sources: [] } as unknown as ReportDraft
  sources.contribute!(out, draft, doc)
  assert.deepEqual(draft.sources, [{ name: 'The New York Times', kind: 'outlet', mentions: 1 }])
})

test('sources: user outlet aliases from a table and from a file', async () => {
  const doc = annotatedText('Prices rose. Source: Valley Ledger')
  const fromTable = createSourcesAnalyzer({ outletAliases: { 'The Valley Daily Ledger': { aliases: ['Valley Ledger'], domains: ['valleyledger.example'] } } })
  assert.deepEqual(rows(await runAnalyzer(fromTable, doc, before)), ['outlet:The Valley Daily Ledger×1'])
  const dir = mkdtempSync(join(tmpdir(), 'factsift-outlets-'))
  try {
    const file = join(dir, 'outlets.json')
    writeFileSync(file, JSON.stringify({ 'Valley Ledger Media': { aliases: ['Valley Ledger'] } }))
    assert.deepEqual(rows(await runAnalyzer(createSourcesAnalyzer({ outletAliases: file }), doc, before)), ['outlet:Valley Ledger Media×1'])
    writeFileSync(join(dir, 'bad.json'), '{ "Broken": [1, 2] }')
    const bad = createSourcesAnalyzer({ outletAliases: join(dir, 'bad.json') })
    await assert.rejects(async () => runAnalyzer(bad, doc, before), (e: unknown) => e instanceof FactsiftError && e.code === 'E_CONFIG')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('sources: withSourcingTables configures coreference, attribution and sources together', async () => {
  const { withSourcingTables } = await import('../sourcing-tables.js')
  const list = withSourcingTables([...before, sources as Analyzer], { outletAliases: { 'Harbor Gazette': { aliases: ['HG'] } } })
  assert.deepEqual(list.map((a) => a.id), ['coreference', 'quotes', 'attribution', 'sources'])
  const doc = annotatedText('Rents rose, according to HG. Source: HG')
  const out = (await runAnalyzer(list[3]!, doc, list.slice(0, 3))) as SourcesOutput
  assert.deepEqual(rows(out), ['outlet:Harbor Gazette×2'])
})
