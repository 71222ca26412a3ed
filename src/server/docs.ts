// OpenAPI generated from the route schemas (/openapi.json) and Swagger UI served from the package itself (/docs).
import type { FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { VERSION } from '../version.js'

/** Registers the generator before any route so every route schema lands in the document. */
export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Factsift API',
        version: VERSION,
        description:
          'Offline misinformation triage for news articles. Errors are `{"error": {"code", "message"}}`; ' +
          'when the server has API keys, POST endpoints need `Authorization: Bearer <key>` or `X-API-Key`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
      tags: [
        { name: 'analysis', description: 'Analyze articles and read stored reports' },
        { name: 'factchecks', description: 'Published fact-checks to match claims against' },
        { name: 'corpus', description: 'Reference articles for lateral reading' },
        { name: 'sources', description: 'Source reliability ratings: your lists over the shipped table (Lin et al. 2023)' },
        { name: 'monitor', description: 'Watched feeds, claim clusters across articles, alerts' },
        { name: 'operations', description: 'Liveness and readiness' },
      ],
    },
    // Shared schemas become components named by their $id rather than def-0, def-1.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true, docExpansion: 'list', tryItOutEnabled: false },
    validatorUrl: false,
  })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}
