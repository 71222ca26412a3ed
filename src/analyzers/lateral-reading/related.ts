// Lateral reading for one claim: BM25 candidates from the corpus, our stance model on each, one item per independent source.
import type { Store } from '../../store/types.js'
import type { CorpusArticle, CorpusSearchOptions } from '../../store/corpus-repository.js'
import type { ModelLoader } from '../../models/loader.js'
import type { CorpusSearcher } from '../../services/search.js'
import type { Evidence, Stance } from '../../report/types.js'
import { STANCES } from './stance/labels.js'
import { createStanceClassifier, loadStanceModel, type StanceClassifier, type StancePrediction } from './stance/model.js'
import { sourceGroups, storyFingerprint } from './independence.js'

export interface RelatedOptions {
  /** BM25 candidates classified per claim (default 30). */
  candidates?: number
  /** Bodies kept profiled between claims and articles (default 2,000). */
  cacheSize?: number
  /** Restrict candidates (outlets, dates) for every claim. */
  filter?: Omit<CorpusSearchOptions, 'limit'>
  /** A classifier to use instead of the shipped model (tests). */
  classifier?: StanceClassifier
}

/** A related article with everything the stance model said about it. */
export interface RelatedArticle {
  article: CorpusArticle
  bm25: number
  prediction: StancePrediction
  /** 1 − P(unrelated): how sure the model is that the article is about the claim. */
  relatedness: number
}

const UNRELATED = STANCES.indexOf('unrelated')

/** Classifies the BM25 candidates of a claim, most related first; unrelated ones are dropped. */
export async function relatedArticles(store: Store, classifier: StanceClassifier, claim: string, options: RelatedOptions = {}): Promise<RelatedArticle[]> {
  const candidates = await store.corpus.search(claim, { ...options.filter, limit: options.candidates ?? 30 })
  if (candidates.length === 0) return []
  const headline = classifier.featurizer.headline(claim)
  const related: RelatedArticle[] = []
  for (const { article, bm25 } of candidates) {
    const prediction = classifier.classify(headline, classifier.featurizer.body(article.key, article.body))
    if (prediction.stance === 'unrelated') continue
    related.push({ article, bm25, prediction, relatedness: 1 - prediction.probabilities[UNRELATED]! })
  }
  return related.sort((a, b) => b.relatedness - a.relatedness || b.bm25 - a.bm25)
}

/**
 * The searcher analyzers use (services.corpus): related coverage of a claim as report evidence, at most one item per
 * independent source and stance (an outlet's second article, or another outlet's copy of the same wire story, is dropped).
 */
export function createCorpusSearcher(store: Store, models: ModelLoader, options: RelatedOptions = {}): CorpusSearcher {
  let classifier = options.classifier ?? null
  const stanceClassifier = (): StanceClassifier => (classifier ??= createStanceClassifier(loadStanceModel(models), options.cacheSize))
  return {
    async related(claimText, limit = 5) {
      const related = await relatedArticles(store, stanceClassifier(), claimText, options)
      return independentEvidence(related).slice(0, limit)
    },
  }
}

/** One evidence item per (independent source, stance), most related first. */
export function independentEvidence(related: readonly RelatedArticle[]): Evidence[] {
  const groups = sourceGroups(related.map((r) => ({ outlet: r.article.outlet, fingerprint: storyFingerprint(r.article.body) })))
  const seen = new Set<string>()
  const evidence: Evidence[] = []
  related.forEach((r, i) => {
    const stance: Stance = r.prediction.stance
    const key = `${groups[i]}:${stance}`
    if (seen.has(key)) return
    seen.add(key)
    evidence.push({
      title: r.article.title,
      url: r.article.url ?? '',
      outlet: r.article.outlet ?? '',
      stance,
      score: round(r.prediction.score),
      publishedAt: r.article.publishedAt,
    })
  })
  return evidence
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
