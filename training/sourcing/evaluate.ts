// Measures the sourcing analyzers on a gold folder: quote spans, speakers, per-sentence attribution, cited sources, opinion.
import type { AttributionType } from '../../src/report/types.js'
import type { Document } from '../../src/document/types.js'
import { annotate } from '../../src/nlp/annotate.js'
import { confusionMatrix, macroF1, perClassScores } from '../ml/classification-metrics.js'
import { foldName, loadGoldDirectory, type PreparedPassage } from './gold.js'
import { createSourcingEngine, runSourcing, type SourcingOptions } from './run-sourcing.js'

const CLASSES: AttributionType[] = ['named', 'vague', 'quote', 'none']

export interface PRF {
  precision: number
  recall: number
  f1: number
}

export interface SourcingEvaluation {
  data: string
  passages: number
  sentences: number
  quotes: PRF & { gold: number; predicted: number; matched: number; overlapping: PRF }
  speakers: { matchedQuotes: number; correct: number; accuracy: number; endToEnd: number }
  attribution: {
    macroF1: number
    accuracy: number
    perClass: Record<AttributionType, PRF & { support: number }>
    confusion: Record<AttributionType, Record<AttributionType, number>>
    namedSourceAccuracy: number
  }
  sources: PRF & { gold: number; predicted: number; matched: number }
  opinion: PRF & { support: number }
  coverage: Record<string, number>
  errors?: PassageError[]
}

export interface PassageError {
  passage: string
  kind: 'quote-missed' | 'quote-extra' | 'speaker' | 'attribution' | 'source-missed' | 'source-extra' | 'opinion'
  gold?: string
  predicted?: string
  text?: string
}

/** Evaluates the gold passages in `dir`; with `details`, lists every error. */
export async function evaluateSourcingDirectory(dir: string, options: SourcingOptions & { details?: boolean } = {}): Promise<SourcingEvaluation> {
  return evaluatePassages(loadGoldDirectory(dir), dir, options)
}

/** Evaluates prepared passages (each is annotated and run through the five sourcing analyzers). */
export async function evaluatePassages(passages: PreparedPassage[], data: string, options: SourcingOptions & { details?: boolean } = {}): Promise<SourcingEvaluation> {
  const engine = createSourcingEngine(options)
  const errors: PassageError[] = []
  const q = { gold: 0, predicted: 0, matched: 0, overlapGold: 0, overlapPredicted: 0 }
  const sp = { matched: 0, correct: 0 }
  const truth: number[] = []
  const predicted: number[] = []
  const named = { total: 0, correct: 0 }
  const src = { gold: 0, predicted: 0, matched: 0 }
  const op = { tp: 0, fp: 0, fn: 0 }
  const coverage: Record<string, number> = {}
  for (const passage of passages) {
    for (const tag of passage.gold.covers ?? []) coverage[tag] = (coverage[tag] ?? 0) + 1
    const doc = annotate(toDocument(passage.text))
    const { outputs: out } = await runSourcing(engine, doc)
    const id = passage.gold.id

    // Quotes: exact spans; speakers on the quotes found exactly.
    const found = out.quotes.quotes
    q.gold += passage.quotes.length
    q.predicted += found.length
    for (const g of passage.quotes) {
      const hit = found.find((f) => f.start === g.start && f.end === g.end)
      if (found.some((f) => f.start < g.end && g.start < f.end)) q.overlapGold++
      if (!hit) {
        errors.push({ passage: id, kind: 'quote-missed', gold: g.text })
        continue
      }
      q.matched++
      sp.matched++
      if (sameName(hit.speaker, g.speaker)) sp.correct++
      else errors.push({ passage: id, kind: 'speaker', gold: g.speaker ?? 'null', predicted: hit.speaker ?? 'null', text: g.text })
    }
    for (const f of found) {
      if (passage.quotes.some((g) => f.start < g.end && g.start < f.end)) q.overlapPredicted++
      if (!passage.quotes.some((g) => g.start === f.start && g.end === f.end)) errors.push({ passage: id, kind: 'quote-extra', predicted: f.text })
    }

    // Attribution: each gold sentence takes the label of the predicted sentence overlapping it most.
    const opinions = new Set(out.opinion.sentences)
    for (const g of passage.sentences) {
      let best = -1
      let bestOverlap = 0
      for (const s of out.attribution.sentences) {
        const overlap = Math.min(s.end, g.end) - Math.max(s.start, g.start)
        if (overlap > bestOverlap) {
          best = s.sentence
          bestOverlap = overlap
        }
      }
      const p = best >= 0 ? out.attribution.sentences[best]! : null
      const label = p?.type ?? 'none'
      truth.push(CLASSES.indexOf(g.attribution))
      predicted.push(CLASSES.indexOf(label))
      if (label !== g.attribution) errors.push({ passage: id, kind: 'attribution', gold: g.attribution, predicted: label, text: g.text })
      if ((g.attribution === 'named' || g.attribution === 'quote') && g.source) {
        named.total++
        if (label === g.attribution && sameName(p?.source ?? null, g.source)) named.correct++
        else if (label === g.attribution) errors.push({ passage: id, kind: 'attribution', gold: `${g.attribution}:${g.source}`, predicted: `${label}:${p?.source}`, text: g.text })
      }
      const isOpinion = best >= 0 && opinions.has(best)
      if (isOpinion && g.opinion) op.tp++
      else if (isOpinion) {
        op.fp++
        errors.push({ passage: id, kind: 'opinion', gold: 'fact', predicted: 'opinion', text: g.text })
      } else if (g.opinion) {
        op.fn++
        errors.push({ passage: id, kind: 'opinion', gold: 'opinion', predicted: 'fact', text: g.text })
      }
    }

    // Cited sources: named kinds, matched by folded name and kind.
    const goldSources = passage.gold.sources.filter((s) => s.kind !== 'unnamed').map((s) => `${s.kind}|${foldName(s.name)}`)
    const predSources = [...new Set(out.sources.sources.filter((s) => s.kind !== 'unnamed').map((s) => `${s.kind}|${foldName(s.name)}`))]
    src.gold += goldSources.length
    src.predicted += predSources.length
    for (const g of goldSources) {
      if (predSources.includes(g)) src.matched++
      else errors.push({ passage: id, kind: 'source-missed', gold: g })
    }
    for (const p of predSources) if (!goldSources.includes(p)) errors.push({ passage: id, kind: 'source-extra', predicted: p })
  }
  const perClass = perClassScores(truth, predicted, CLASSES.length)
  const matrix = confusionMatrix(truth, predicted, CLASSES.length)
  const result: SourcingEvaluation = {
    data,
    passages: passages.length,
    sentences: truth.length,
    quotes: { ...prf(q.matched, q.predicted, q.gold), gold: q.gold, predicted: q.predicted, matched: q.matched, overlapping: prfFrom(q.overlapPredicted / (q.predicted || 1), q.overlapGold / (q.gold || 1)) },
    speakers: { matchedQuotes: sp.matched, correct: sp.correct, accuracy: round(sp.matched ? sp.correct / sp.matched : 0), endToEnd: round(q.gold ? sp.correct / q.gold : 0) },
    attribution: {
      macroF1: round(macroF1(truth, predicted, CLASSES.length)),
      accuracy: round(truth.length ? truth.filter((t, i) => t === predicted[i]).length / truth.length : 0),
      perClass: Object.fromEntries(CLASSES.map((c, i) => [c, { precision: round(perClass[i]!.precision), recall: round(perClass[i]!.recall), f1: round(perClass[i]!.f1), support: perClass[i]!.support }])) as SourcingEvaluation['attribution']['perClass'],
      confusion: Object.fromEntries(CLASSES.map((c, i) => [c, Object.fromEntries(CLASSES.map((d, j) => [d, matrix[i]![j]!]))])) as SourcingEvaluation['attribution']['confusion'],
      namedSourceAccuracy: round(named.total ? named.correct / named.total : 0),
    },
    sources: { ...prf(src.matched, src.predicted, src.gold), gold: src.gold, predicted: src.predicted, matched: src.matched },
    opinion: { ...prf(op.tp, op.tp + op.fp, op.tp + op.fn), support: op.tp + op.fn },
    coverage: Object.fromEntries(Object.entries(coverage).sort(([a], [b]) => a.localeCompare(b))),
  }
  if (options.details) result.errors = errors
  return result
}

function toDocument(text: string): Document {
  return { text, meta: { title: null, url: null, outlet: null, publishedAt: null, byline: null, language: 'en' }, warnings: [] }
}

function sameName(predicted: string | null, gold: string | null): boolean {
  if (predicted === null || gold === null) return predicted === gold
  return foldName(predicted) === foldName(gold)
}

function prf(tp: number, predicted: number, gold: number): PRF {
  return prfFrom(predicted ? tp / predicted : 0, gold ? tp / gold : 0)
}

function prfFrom(precision: number, recall: number): PRF {
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision: round(precision), recall: round(recall), f1: round(f1) }
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000
}
