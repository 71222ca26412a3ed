// Short news passages we wrote, with gold check-worthy sentences, for measuring how the debate model transfers to news.
import { readFileSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Document, Sentence, Span } from '../../src/document/types.js'
import { FactsiftError } from '../../src/errors.js'
import { precisionAtK, rankByScore } from '../ml/ranking-metrics.js'

/** One passage: its text (paragraphs separated by a blank line) and the spans of its gold check-worthy sentences. */
export interface NewsPassage {
  id: string
  text: string
  gold: Span[]
}

/**
 * Parses the fixture format: one sentence per line, `* ` marks a gold sentence, a blank line ends a paragraph,
 * `#` starts a comment line.
 */
export function parseNewsPassage(id: string, content: string): NewsPassage {
  const paragraphs: string[][] = [[]]
  const goldFlags: boolean[][] = [[]]
  for (const line of content.split(/\r?\n/)) {
    if (line.startsWith('#')) continue
    if (line.trim() === '') {
      if (paragraphs[paragraphs.length - 1].length) {
        paragraphs.push([])
        goldFlags.push([])
      }
      continue
    }
    const gold = line.startsWith('* ')
    paragraphs[paragraphs.length - 1].push((gold ? line.slice(2) : line).trim())
    goldFlags[goldFlags.length - 1].push(gold)
  }
  let text = ''
  const spans: Span[] = []
  paragraphs.forEach((sentences, p) => {
    if (sentences.length === 0) return
    if (text) text += '\n\n'
    sentences.forEach((sentence, s) => {
      if (s > 0) text += ' '
      if (goldFlags[p][s]) spans.push({ start: text.length, end: text.length + sentence.length })
      text += sentence
    })
  })
  if (spans.length === 0) throw new FactsiftError('E_BAD_DATA_ROW', `${id}: no gold sentence (lines starting with "* ")`)
  return { id, text, gold: spans }
}

/** Reads every `.txt` passage in `dir`, sorted by name. */
export function readNewsPassages(dir: string): NewsPassage[] {
  let files: string[]
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
  } catch {
    throw new FactsiftError('E_INPUT_NOT_FOUND', `cannot read news passages in ${dir}`)
  }
  return files.map((f) => parseNewsPassage(basename(f, '.txt'), readFileSync(join(dir, f), 'utf8')))
}

/** The passage as a Document ready for `annotate`. */
export function passageDocument(passage: NewsPassage): Document {
  return {
    text: passage.text,
    meta: { title: null, url: null, outlet: null, publishedAt: null, byline: null, language: 'en' },
    warnings: [],
  }
}

/** Gold label of each annotated sentence: 1 when it overlaps a gold span by more than half of its own length. */
export function sentenceLabels(sentences: readonly Sentence[], gold: readonly Span[]): (0 | 1)[] {
  return sentences.map((s) => {
    const overlap = gold.reduce((sum, g) => sum + Math.max(0, Math.min(s.end, g.end) - Math.max(s.start, g.start)), 0)
    return overlap * 2 > s.end - s.start ? 1 : 0
  })
}

/** Mean precision@k over passages, each ranked by its sentence scores. */
export function meanPrecisionAtK(passages: readonly { scores: ArrayLike<number>; labels: ArrayLike<number> }[], k: number): number {
  if (passages.length === 0) return 0
  let sum = 0
  for (const p of passages) sum += precisionAtK(rankByScore(p.scores).map((i) => p.labels[i]), k)
  return sum / passages.length
}
