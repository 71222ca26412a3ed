// Trains the word vectors of the sentence-vector block on the project's own text data (no pretrained vectors):
// FNC-1 bodies and headlines, the CLEF 2020 verified claims and tweets, the Pérez-Rosas articles. The CLEF 2019 transcripts
// are left out on purpose, so the transcript CV and dev figures never see a held-out transcript's text, not even unlabelled.
import { readFileSync, existsSync } from 'node:fs'
import { FactsiftError } from '../../src/errors.js'
import { documentFromText } from '../../src/document/create.js'
import { parseCsvText } from '../../src/util/csv.js'
import { trainPpmiSvd, DEFAULT_PPMI_SVD, type PpmiSvdOptions } from '../ml/ppmi-svd.js'
import { quantizeWordVectors, wordForm, type WordVectorsJSON } from '../../src/ml/word-vectors.js'
import type { Annotate } from './dataset.js'

/** The raw texts, in a fixed order: FNC-1 bodies, FNC-1 headlines (once each), verified claims, tweets, credibility articles. */
export function embeddingTexts(dir: string): string[] {
  const need = (p: string) => {
    if (!existsSync(`${dir}/${p}`)) throw new FactsiftError('E_INPUT_NOT_FOUND', `--embeddings-from: ${dir}/${p} is missing`)
    return `${dir}/${p}`
  }
  const texts: string[] = []
  const csv = (f: string, column: string) => {
    const rows = parseCsvText(readFileSync(need(f), 'utf8'))
    const header = rows[0]?.fields?.map((h) => h.trim().toLowerCase()) ?? []
    const c = header.indexOf(column)
    if (c < 0) throw new FactsiftError('E_BAD_DATA_ROW', `${f}: no ${column} column`)
    return rows.slice(1).map((r) => {
      if (!r.fields) throw new FactsiftError('E_BAD_DATA_ROW', `${f}:${r.line}: ${r.error}`)
      return r.fields[c] ?? ''
    })
  }
  texts.push(...csv('stance-fnc1/train_bodies.csv', 'articlebody'))
  texts.push([...new Set(csv('stance-fnc1/train_stances.csv', 'headline'))].join('\n'))
  const tsv = (f: string) => readFileSync(need(f), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'))
  for (const r of tsv('claim-retrieval-clef2020/verified_claims.tsv')) texts.push(r.slice(1).join('\n'))
  for (const s of ['train', 'dev']) for (const r of tsv(`claim-retrieval-clef2020/${s}.queries.tsv`)) texts.push(r.slice(1).join(' '))
  for (const f of ['celebrity.jsonl', 'fakenewsamt.jsonl']) {
    for (const line of readFileSync(need(`credibility-perezrosas/${f}`), 'utf8').split('\n').filter(Boolean)) {
      const j = JSON.parse(line) as { title: string; text: string }
      texts.push(`${j.title}\n\n${j.text}`)
    }
  }
  return texts
}

/** Tokenizes with the production annotate() (so training and scoring see the same forms); short texts are batched 50 to a document. */
export function tokenizeTexts(texts: readonly string[], annotate: Annotate): string[][] {
  const docs: string[][] = []
  const batch: string[] = []
  const add = (text: string) => {
    const forms: string[] = []
    for (const t of annotate(documentFromText(text)).tokens) if (t.kind === 'word' || t.kind === 'number') forms.push(wordForm(t.lower))
    docs.push(forms)
  }
  const flush = () => {
    if (batch.length) add(batch.join('\n\n'))
    batch.length = 0
  }
  for (const t of texts) {
    if (t.length < 2000) {
      batch.push(t)
      if (batch.length >= 50) flush()
    } else {
      flush()
      add(t)
    }
  }
  flush()
  return docs
}

/** Trains and quantizes the vectors; deterministic for the same data. */
export function trainWordVectors(dir: string, annotate: Annotate, options: Partial<PpmiSvdOptions> = {}, log: (line: string) => void = () => {}): WordVectorsJSON {
  const started = performance.now()
  const docs = tokenizeTexts(embeddingTexts(dir), annotate)
  const tokens = docs.reduce((a, d) => a + d.length, 0)
  const o = { ...DEFAULT_PPMI_SVD, ...options }
  const r = trainPpmiSvd(docs, o)
  log(`word vectors: PPMI + randomized SVD, ${r.words.length} words × ${r.dims} from ${tokens} tokens (window ${o.window}) in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  return quantizeWordVectors(r.words, r.vectors, r.dims, r.df, r.docs)
}
