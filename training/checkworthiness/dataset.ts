// Loads the CLEF transcripts once, annotates them with the production pipeline and caches their feature vectors.
import type { AnnotatedDocument, Document } from '../../src/document/types.js'
import type { SparseVector } from '../../src/ml/sparse-vector.js'
import { readTranscripts, type Transcript } from './clef-data.js'
import { annotateTranscript, type AnnotatedTranscript } from './transcript-document.js'
import { prepareFeatures, vectorsFromState, type FeatureOptions, type FeatureState } from '../../src/analyzers/checkworthiness/features.js'
import { wordVectorsFromJSON, type WordVectors, type WordVectorsJSON } from '../../src/ml/word-vectors.js'

/** One transcript ready for learning: annotated document, units, labels, cues, and vectors per feature setting. */
export interface PreparedTranscript extends AnnotatedTranscript {
  split: string
  texts: string[]
  state: FeatureState
  vectors: Map<string, SparseVector[]>
  /** The stored word vectors the sentence vectors in `state` come from (a model using them ships this). */
  wordVectors?: WordVectorsJSON
}

export type Annotate = (doc: Document) => AnnotatedDocument

/** Reads `<dir>/<split>/*.tsv` for each split and annotates every transcript (with sentence vectors when word vectors are given). */
export function loadSplits(dir: string, splits: readonly string[], annotate: Annotate, wordVectors?: WordVectorsJSON): PreparedTranscript[] {
  const decoded = wordVectors ? wordVectorsFromJSON(wordVectors) : undefined
  return splits.flatMap((split) => readTranscripts(`${dir}/${split}`).map((t) => prepareTranscript(t, split, annotate, wordVectors, decoded)))
}

export function prepareTranscript(transcript: Transcript, split: string, annotate: Annotate, wordVectors?: WordVectorsJSON, decoded?: WordVectors): PreparedTranscript {
  const annotated = annotateTranscript(transcript, annotate)
  const wv = decoded ?? (wordVectors ? wordVectorsFromJSON(wordVectors) : undefined)
  return {
    ...annotated,
    split,
    texts: transcript.lines.map((l) => l.text),
    state: prepareFeatures(annotated.doc, annotated.units, wv),
    vectors: new Map(),
    ...(wordVectors ? { wordVectors } : {}),
  }
}

/** Sparse feature vectors of every unit under `options` (cached on the transcript). */
export function vectorsOf(t: PreparedTranscript, options: FeatureOptions): SparseVector[] {
  const key = JSON.stringify(options)
  let vectors = t.vectors.get(key)
  if (!vectors) {
    vectors = vectorsFromState(t.state, options)
    t.vectors.set(key, vectors)
  }
  return vectors
}
