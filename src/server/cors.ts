// CORS, off by default: only origins listed explicitly may call the API from another site's pages.
import type { FastifyInstance } from 'fastify'

const ALLOWED_HEADERS = 'content-type, authorization, x-api-key'
const ALLOWED_METHODS = 'GET, POST, OPTIONS'

/** Answers preflights and tags responses for the listed origins; with no origins it adds nothing at all. */
export function installCors(app: FastifyInstance, origins: readonly string[]): void {
  if (origins.length === 0) return
  const allowed = new Set(origins.map((origin) => origin.replace(/\/$/, '')))
  const allowsAny = allowed.has('*')
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin
    if (!origin || !(allowsAny || allowed.has(origin))) return
    reply.header('access-control-allow-origin', allowsAny ? '*' : origin)
    reply.header('vary', 'Origin')
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      reply
        .header('access-control-allow-methods', ALLOWED_METHODS)
        .header('access-control-allow-headers', ALLOWED_HEADERS)
        .header('access-control-max-age', '600')
        .code(204)
        .send()
    }
  })
}
