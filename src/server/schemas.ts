// Route schemas: they validate requests and are the single source of /openapi.json.
import reportSchemaFile from '../report/report.schema.json' with { type: 'json' }
import { ERROR_CODES } from '../errors.js'
import { REPORT_LIST_MAX_LIMIT } from '../store/report-repository.js'

/** The report JSON Schema (the same file the validator uses) with local `#/definitions` refs inlined for OpenAPI. */
export function reportSchemaForDocs(): Record<string, unknown> {
  const { $schema: _schema, $id: _id, definitions = {}, ...rest } = reportSchemaFile as Record<string, unknown> & {
    definitions?: Record<string, unknown>
  }
  const inline = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(inline)
    if (node === null || typeof node !== 'object') return node
    const ref = (node as { $ref?: unknown }).$ref
    if (typeof ref === 'string' && ref.startsWith('#/definitions/')) return inline(definitions[ref.slice('#/definitions/'.length)])
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(value)]))
  }
  return { $id: 'Report', ...(inline(rest) as Record<string, unknown>) }
}

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_CODES), description: 'Stable error code (see docs/errors.md).' },
        message: { type: 'string', description: 'One line for humans; may change between versions.' },
      },
    },
  },
} as const

export const reportSummarySchema = {
  $id: 'ReportSummary',
  type: 'object',
  required: ['id', 'title', 'url', 'outlet', 'riskScore', 'riskLabel', 'createdAt'],
  properties: {
    id: { type: 'string' },
    title: { type: ['string', 'null'] },
    url: { type: ['string', 'null'] },
    outlet: { type: ['string', 'null'] },
    // Null and 'not-assessed' for a report the models do not apply to (docs/report-contract.md).
    riskScore: { type: ['number', 'null'], minimum: 0, maximum: 1 },
    riskLabel: { type: 'string', enum: ['low', 'medium', 'high', 'not-assessed'] },
    createdAt: { type: 'string', format: 'date-time' },
    wordCount: { type: 'integer' },
    claimCount: { type: 'integer' },
  },
} as const

const shortText = { type: 'string', maxLength: 2000 } as const

export const articleInputSchema = {
  $id: 'ArticleInput',
  type: 'object',
  description: 'Give `text` or `html` (then `url` is only metadata), or only `url` to have the server fetch the page.',
  additionalProperties: false,
  properties: {
    text: { type: 'string', description: 'Plain article text.' },
    html: { type: 'string', description: 'An HTML page; the main content is extracted.' },
    url: { type: 'string', maxLength: 2048, description: 'The article URL: fetched when neither text nor html is given.' },
    title: shortText,
    outlet: shortText,
    publishedAt: { type: 'string', maxLength: 64 },
  },
  anyOf: [{ required: ['text'] }, { required: ['html'] }, { required: ['url'] }],
} as const

export const importSummarySchema = {
  $id: 'ImportSummary',
  type: 'object',
  properties: {
    format: { type: 'string' },
    read: { type: 'integer', description: 'Fact-checks read (valid or not).' },
    inserted: { type: 'integer' },
    updated: { type: 'integer' },
    unchanged: { type: 'integer' },
    skipped: { type: 'integer' },
    problems: {
      type: 'array',
      items: { type: 'object', properties: { line: { type: 'integer' }, message: { type: 'string' } } },
    },
    problemsNotListed: { type: 'integer' },
    aborted: { type: ['string', 'null'], description: 'Why reading stopped early (broken structure), else null.' },
    durationMs: { type: 'number' },
  },
} as const

/** Shared schemas, registered once so routes refer to them by `$ref: 'Name#'` and OpenAPI lists them as components. */
export function sharedSchemas(): Record<string, unknown>[] {
  return [errorSchema, reportSummarySchema, articleInputSchema, importSummarySchema, reportSchemaForDocs()]
}

/** Error responses a route documents, by status. */
export function errorResponses(...statuses: number[]): Record<number, unknown> {
  return Object.fromEntries(statuses.map((status) => [status, { description: statusText(status), $ref: 'Error#' }]))
}

function statusText(status: number): string {
  const codes = Object.entries(ERROR_CODES)
    .filter(([, entry]) => entry.http === status)
    .map(([code]) => code)
  return codes.length > 0 ? codes.join(', ') : 'Error'
}

export const listQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 500, description: 'Words to find in titles and text.' },
    limit: { type: 'integer', minimum: 1, maximum: REPORT_LIST_MAX_LIMIT, default: 20 },
    cursor: { type: 'string', maxLength: 64, description: 'The `nextCursor` of the previous page.' },
  },
} as const
