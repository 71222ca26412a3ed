// Word-level evidence the hand features cannot carry: which claim words and which evidence words go with each stance
// (CLIMATE-FEVER's refuted claims share a vocabulary: "cooling", "natural cycle", "no evidence"). A hashed softmax
// whose three log-probabilities feed the trees as one more feature group.
import { hashFeatures, type SparseVector } from '../../../ml/hashing.js'
import { predictSoftmax, type SoftmaxModel } from '../../../ml/softmax.js'
import type { PreparedText } from './text.js'

/** Hash buckets of the word model: small enough to keep the model file far under 1 MB. */
export const LEXICAL_DIMS = 4096
export const LEXICAL_FEATURES = ['lexicalSupports', 'lexicalRefutes', 'lexicalNei'] as const

/** Claim words and evidence words as separate hashed features ("c:cool", "e:warm"). */
export function lexicalVector(claim: PreparedText, evidence: PreparedText): SparseVector {
  const names: string[] = []
  for (const s of claim.content) names.push(`c:${s}`)
  for (const s of evidence.content) names.push(`e:${s}`)
  return hashFeatures(names, { dims: LEXICAL_DIMS })
}

/** Log-probabilities of the word model for one pair. */
export function lexicalMargins(model: SoftmaxModel, claim: PreparedText, evidence: PreparedText): number[] {
  return predictSoftmax(model, lexicalVector(claim, evidence)).map((p) => Math.log(Math.max(p, 1e-9)))
}
