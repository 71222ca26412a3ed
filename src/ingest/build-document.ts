// The last ingest step: normalize the text once and merge extracted metadata with what the caller stated.
import type { Document, IngestWarning } from '../document/types.js'
import { normalizeText } from '../document/normalize.js'
import { FactsiftError } from '../errors.js'
import { normalizeDate } from './dates.js'
import { detectLanguage } from '../nlp/language.js'
import type { ArticleInput, ExtractedMeta } from './types.js'

/**
 * Build the Document: `normalizeText` over the text (E_INPUT_EMPTY when nothing is left), explicit title, url, outlet
 * and publishedAt from `stated` over extracted ones. `language` is detected from the text (`detectLanguage`: an ISO 639-1
 * code, or 'und' when there is too little text to tell). An explicit publishedAt that is not a readable date is dropped
 * with warning W_DATE_INVALID (the extracted date, if any, is kept).
 */
export function buildDocument(
  rawText: string,
  extracted: ExtractedMeta,
  stated: Pick<ArticleInput, 'title' | 'url' | 'outlet' | 'publishedAt'>,
  warnings: IngestWarning[] = [],
): Document {
  const text = normalizeText(rawText)
  if (!text) throw new FactsiftError('E_INPUT_EMPTY', 'input contains no text')
  let publishedAt = extracted.publishedAt
  if (stated.publishedAt !== undefined && stated.publishedAt.trim() !== '') {
    const date = normalizeDate(stated.publishedAt)
    if (date) publishedAt = date
    else warnings.push({ code: 'W_DATE_INVALID', message: `publishedAt "${oneLine(stated.publishedAt)}" is not a date; ignored` })
  }
  return {
    text,
    meta: {
      title: field(stated.title) ?? field(extracted.title),
      url: field(stated.url) ?? field(extracted.url),
      outlet: field(stated.outlet) ?? field(extracted.outlet),
      publishedAt,
      byline: field(extracted.byline),
      language: detectLanguage(text).language,
    },
    warnings,
  }
}

/** A metadata value as one normalized line, null when blank. */
function field(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  return oneLine(normalizeText(value)) || null
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 500)
}
