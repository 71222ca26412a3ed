// POST /v1/corpus: add reference articles for lateral reading, the same records `factsift corpus add` reads from JSON.
import type { FastifyInstance } from 'fastify'
import { FactsiftError } from '../../errors.js'
import { addArticles } from '../../corpus/add-articles.js'
import { articleFromRecord, BadArticle } from '../../corpus/article-record.js'
import type { CorpusItem } from '../../corpus/read-inputs.js'
import type { RouteContext } from '../route-context.js'
import { errorResponses } from '../schemas.js'
import { requireStore } from './reports.js'

type CorpusBody = Record<string, unknown>[] | { articles: Record<string, unknown>[] }

export function corpusRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Body: CorpusBody; Querystring: { outlet?: string } }>(
    '/v1/corpus',
    {
      schema: {
        tags: ['corpus'],
        summary: 'Add reference articles (upsert by URL, else by content)',
        description:
          'An array of articles or `{"articles": [...]}`. Each needs a title or body; accepted field names include ' +
          'title/headline, body/text/content, url/link, outlet/source/publisher, publishedAt/date. Bad items are skipped and listed.',
        security: [{ bearer: [] }, { apiKey: [] }, {}],
        querystring: {
          type: 'object',
          properties: { outlet: { type: 'string', maxLength: 200, description: 'Outlet for items that name none.' } },
        },
        body: {
          oneOf: [
            { type: 'array', items: { type: 'object' }, maxItems: 10_000 },
            {
              type: 'object',
              required: ['articles'],
              properties: { articles: { type: 'array', items: { type: 'object' }, maxItems: 10_000 } },
            },
          ],
        },
        response: {
          200: {
            type: 'object',
            properties: {
              read: { type: 'integer' },
              inserted: { type: 'integer' },
              updated: { type: 'integer' },
              unchanged: { type: 'integer' },
              skipped: { type: 'integer' },
              problems: {
                type: 'array',
                items: { type: 'object', properties: { where: { type: 'string' }, message: { type: 'string' } } },
              },
            },
          },
          ...errorResponses(400, 401, 403, 413, 415, 422, 429, 503),
        },
      },
    },
    async (request) => {
      const store = requireStore(ctx)
      const records = Array.isArray(request.body) ? request.body : request.body.articles
      const outlet = request.query.outlet
      async function* items(): AsyncGenerator<CorpusItem> {
        for (let k = 0; k < records.length; k++) {
          const where = `item ${k + 1}`
          try {
            yield { article: articleFromRecord(records[k]!, outlet ? { outlet } : {}), where }
          } catch (error) {
            if (error instanceof BadArticle || error instanceof FactsiftError) yield { problem: error.message, where }
            else throw error
          }
        }
      }
      const summary = await addArticles(store.corpus, items())
      if (summary.read === 0 && summary.skipped > 0) {
        throw new FactsiftError('E_BAD_DATA_ROW', `no article could be added: ${summary.problems[0]?.where}: ${summary.problems[0]?.message}`)
      }
      return summary
    },
  )
}
