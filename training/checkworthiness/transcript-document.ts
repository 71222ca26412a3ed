// Turns a CLEF transcript into an ordinary annotated Document, so debate lines get features exactly as article sentences do.
import type { AnnotatedDocument, Document, Sentence } from '../../src/document/types.js'
import { normalizeText } from '../../src/document/normalize.js'
import type { Transcript } from './clef-data.js'

/** A transcript as a document: `units[i]` is the span of transcript line i (a sentence-shaped unit), `labels[i]` its gold label. */
export interface AnnotatedTranscript {
  name: string
  doc: AnnotatedDocument
  units: Sentence[]
  labels: (0 | 1)[]
}

/** Builds the document text: one paragraph per speaker turn, the turn's lines joined by spaces like article prose. */
export function transcriptDocument(transcript: Transcript): { document: Document; spans: { start: number; end: number; paragraph: number }[] } {
  let text = ''
  let paragraph = -1
  let speaker: string | null = null
  const spans: { start: number; end: number; paragraph: number }[] = []
  for (const line of transcript.lines) {
    // Empty lines still need a unit (they are ranked by the scorer); a dash keeps the span non-empty.
    const sentence = normalizeText(line.text).replace(/\n+/g, ' ') || '-'
    if (line.speaker !== speaker || paragraph < 0) {
      if (paragraph >= 0) text += '\n\n'
      paragraph++
      speaker = line.speaker
    } else {
      text += ' '
    }
    spans.push({ start: text.length, end: text.length + sentence.length, paragraph })
    text += sentence
  }
  const document: Document = {
    text,
    meta: { title: null, url: null, outlet: null, publishedAt: null, byline: null, language: 'en' },
    warnings: [],
  }
  return { document, spans }
}

/** Annotates a transcript with the production `annotate` and maps each line to the tokens inside its span. */
export function annotateTranscript(transcript: Transcript, annotate: (doc: Document) => AnnotatedDocument): AnnotatedTranscript {
  const { document, spans } = transcriptDocument(transcript)
  const doc = annotate(document)
  const units: Sentence[] = []
  let t = 0
  const tokens = doc.tokens
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]
    while (t < tokens.length && tokens[t].end <= span.start) t++
    const tokenStart = t
    while (t < tokens.length && tokens[t].start < span.end) t++
    units.push({ index: i, start: span.start, end: span.end, paragraph: span.paragraph, tokenStart, tokenEnd: t })
  }
  return { name: transcript.name, doc, units, labels: transcript.lines.map((l) => l.label) }
}
