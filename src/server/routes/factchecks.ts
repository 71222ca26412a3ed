// POST /v1/factchecks (import ClaimReview JSON-LD, JSON lines, CSV/TSV, HTML with JSON-LD) and GET /v1/factchecks/search.
import type { FastifyContextConfig, FastifyInstance } from 'fastify'
import { FactsiftError } from '../../errors.js'
import { importFactCheckSource, IMPORT_FORMATS, type ImportFormat } from '../../factchecks/import/import-file.js'
import type { RouteContext } from '../route-context.js'
import { errorResponses } from '../schemas.js'
import { requireStore } from './reports.js'

/** Body types read as raw text and handed to the importer, which detects the format from the first bytes. */
export const IMPORT_CONTENT_TYPES = [
  'application/json',
  'application/ld+json',
  'application/x-ndjson',
  'application/jsonl',
  'text/csv',
  'text/tab-separated-values',
  'text/html',
  'text/plain',
]

interface ImportQuery {
  format: ImportFormat | 'auto'
  factChecker?: string
  language?: string
}

interface SearchQuery {
  q: string
  limit: number
  mode: 'search' | 'match'
}

export function factCheckRoutes(app: FastifyInstance, ctx: RouteContext): void {
  void app.register(async (scope) => {
    // The importer wants the text as sent, not parsed JSON: it streams and reports bad rows by line.
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(IMPORT_CONTENT_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body))

    scope.post<{ Body: string; Querystring: ImportQuery }>(
      '/v1/factchecks',
      {
        config: { accepts: IMPORT_CONTENT_TYPES } as FastifyContextConfig,
        schema: {
          tags: ['factchecks'],
          summary: 'Import published fact-checks (same formats as `factsift factchecks import`)',
          description:
            'Send the file as the body: ClaimReview JSON-LD (one object, an array, @graph, DataFeed), JSON lines, CSV or TSV ' +
            'with a header row, or an HTML page with ClaimReview JSON-LD. Records are upserted by review URL; bad rows are ' +
            'skipped and listed with their line numbers.',
          security: [{ bearer: [] }, { apiKey: [] }, {}],
          consumes: IMPORT_CONTENT_TYPES,
          querystring: {
            type: 'object',
            properties: {
              format: { type: 'string', enum: ['auto', ...IMPORT_FORMATS], default: 'auto' },
              factChecker: { type: 'string', maxLength: 200, description: 'For rows that name no fact-checker.' },
              language: { type: 'string', maxLength: 16 },
            },
          },
          body: { type: 'string', description: 'The file content.' },
          response: {
            200: { $ref: 'ImportSummary#' },
            ...errorResponses(400, 401, 403, 413, 415, 422, 429, 503),
          },
        },
      },
      async (request) => {
        const store = requireStore(ctx)
        const { format, factChecker, language } = request.query
        const body = request.body
        const summary = await importFactCheckSource(
          store.factchecks,
          { name: 'request body', chunks: (async function* () { yield body })() },
          {
            format,
            defaults: { ...(factChecker ? { factChecker } : {}), ...(language ? { language } : {}) },
          },
        )
        if (summary.aborted && summary.inserted + summary.updated + summary.unchanged === 0) {
          throw new FactsiftError('E_BAD_DATA_ROW', summary.aborted)
        }
        const { file: _file, ...rest } = summary
        return rest
      },
    )
  })

  app.get<{ Querystring: SearchQuery }>(
    '/v1/factchecks/search',
    {
      schema: {
        tags: ['factchecks'],
        summary: 'Search imported fact-checks',
        description:
          '`mode=search` (default): full-text (BM25) over the claims, best first. `mode=match`: the calibrated claim matcher ' +
          'that analysis uses, so only confident matches come back, with a score in [0, 1].',
        querystring: {
          type: 'object',
          required: ['q'],
          properties: {
            q: { type: 'string', minLength: 1, maxLength: 2000 },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
            mode: { type: 'string', enum: ['search', 'match'], default: 'search' },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              mode: { type: 'string' },
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    claim: { type: 'string' },
                    claimant: { type: ['string', 'null'] },
                    rating: { type: 'string' },
                    ratingNormalized: { type: 'string' },
                    factChecker: { type: ['string', 'null'] },
                    url: { type: ['string', 'null'] },
                    reviewedAt: { type: ['string', 'null'] },
                    score: { type: 'number', description: 'bm25 (search, higher is better) or calibrated probability (match)' },
                  },
                },
              },
            },
          },
          ...errorResponses(400, 401, 403, 429, 503),
        },
      },
    },
    async (request) => {
      const { q, limit, mode } = request.query
      if (mode === 'match') {
        const matcher = ctx.engine.services.factchecks
        const items = matcher ? await matcher.match(q, limit) : []
        return { mode, items }
      }
      const hits = await requireStore(ctx).factchecks.search(q, limit)
      return {
        mode,
        items: hits.map(({ record, bm25 }) => ({
          claim: record.claim,
          claimant: record.claimant,
          rating: record.rating,
          ratingNormalized: record.ratingNormalized,
          factChecker: record.factChecker,
          url: record.url,
          reviewedAt: record.reviewedAt,
          score: bm25,
        })),
      }
    },
  )
}
