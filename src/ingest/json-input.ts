// A JSON article file: one object {title, text, url, outlet, publishedAt} or {html, …}.
import { FactsiftError } from '../errors.js'
import type { ArticleInput } from './types.js'

const FIELDS = ['text', 'html', 'url', 'title', 'outlet', 'publishedAt'] as const

/** Parse a JSON article; E_INPUT_INVALID for malformed JSON, a non-object, non-string fields, or no text/html/url. */
export function parseJsonArticle(json: string): ArticleInput {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    throw new FactsiftError('E_INPUT_INVALID', `invalid JSON: ${(error as Error).message.split('\n')[0]}`)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FactsiftError(
      'E_INPUT_INVALID',
      `expected one JSON object {title, text, url, outlet, publishedAt}, got ${Array.isArray(value) ? 'an array' : typeof value}`,
    )
  }
  return toArticleInput(value as Record<string, unknown>)
}

/** Check the fields of an object meant as an ArticleInput (null counts as absent; unknown keys are ignored). */
export function toArticleInput(obj: Record<string, unknown>): ArticleInput {
  const input: ArticleInput = {}
  for (const key of FIELDS) {
    const v = obj[key]
    if (v === undefined || v === null) continue
    if (typeof v !== 'string') {
      throw new FactsiftError('E_INPUT_INVALID', `field "${key}" must be a string, got ${Array.isArray(v) ? 'an array' : typeof v}`)
    }
    input[key] = v
  }
  if (input.text === undefined && input.html === undefined && input.url === undefined) {
    throw new FactsiftError('E_INPUT_INVALID', 'the article needs a "text", "html" or "url" field')
  }
  return input
}
