// Structural check of an AnnotatedDocument: every span valid, layers ordered, nested and consistent. Used by tests.

import { assertSpansValid } from '../spans.js'
import type { AnnotatedDocument, Span } from '../types.js'

/**
 * Throw with a clear message unless: every paragraph, sentence, token, entity mention and "Source:" line is a valid
 * span of `doc.text`; paragraphs, sentences and tokens are ordered and non-overlapping; each sentence lies inside its
 * paragraph and owns exactly the tokens `tokens.slice(tokenStart, tokenEnd)`; entity ids are e1, e2, … in order.
 */
export function assertAnnotatedDocumentValid(doc: AnnotatedDocument): void {
  const { text, paragraphs, sentences, tokens, entities, sourceLines } = doc
  assertSpansValid(text, paragraphs, 'paragraphs')
  assertSpansValid(text, sentences, 'sentences')
  assertSpansValid(text, tokens, 'tokens')
  assertSpansValid(text, sourceLines, 'sourceLines')
  assertSpansValid(
    text,
    sourceLines.map((l) => ({ start: l.nameStart, end: l.nameEnd, text: l.name })),
    'sourceLines.name',
  )
  assertOrdered(paragraphs, 'paragraphs')
  assertOrdered(sentences, 'sentences')
  assertOrdered(tokens, 'tokens')
  paragraphs.forEach((p, i) => check(p.index === i, `paragraphs[${i}].index is ${p.index}`))
  let expectedToken = 0
  sentences.forEach((s, i) => {
    const where = `sentences[${i}]`
    check(s.index === i, `${where}.index is ${s.index}`)
    const p = paragraphs[s.paragraph]
    check(p !== undefined && p.start <= s.start && s.end <= p.end, `${where} is not inside paragraph ${s.paragraph}`)
    check(s.tokenStart === expectedToken && s.tokenEnd > s.tokenStart, `${where} token range [${s.tokenStart}, ${s.tokenEnd}) leaves a gap`)
    expectedToken = s.tokenEnd
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = tokens[k]
      check(t.sentence === i && s.start <= t.start && t.end <= s.end, `tokens[${k}] is not inside ${where}`)
    }
  })
  check(expectedToken === tokens.length, `sentences cover ${expectedToken} of ${tokens.length} tokens`)
  entities.forEach((e, i) => {
    const where = `entities[${i}] (${e.name})`
    check(e.id === `e${i + 1}`, `${where}.id is ${e.id}`)
    check(e.mentions.length > 0 && e.name.length > 0, `${where} has no mentions or no name`)
    assertSpansValid(text, e.mentions, `${where}.mentions`)
    for (const m of e.mentions) {
      const s = sentences[m.sentence]
      check(s !== undefined && s.start <= m.start && m.end <= s.end, `${where} mention ${m.start} is not inside sentence ${m.sentence}`)
    }
    if (i > 0) check(entities[i - 1].mentions[0].start < e.mentions[0].start, `${where} is out of first-mention order`)
  })
  const mentions = entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start)
  assertOrdered(mentions, 'entity mentions')
}

function assertOrdered(spans: readonly Span[], label: string): void {
  for (let i = 1; i < spans.length; i++) {
    check(spans[i - 1].end <= spans[i].start, `${label}[${i}] overlaps or precedes ${label}[${i - 1}]`)
  }
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message)
}
