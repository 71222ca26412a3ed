// Serves the built web UI (vite → dist/web) at `/`; without a build, `/` explains how to make one.
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** dist/web of this package, both from src/server (tsx) and from dist/server (built). */
export function defaultWebRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web')
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Factsift</title></head>
<body><h1>Factsift</h1><p>The web UI is not built. Run <code>npm run build:web</code> (part of <code>npm run build</code>)
and restart the server. The API is available under <a href="/docs">/docs</a>.</p></body></html>`

/** Static files with long caching for hashed assets; index.html is always revalidated. */
export async function registerWebUi(app: FastifyInstance, webRoot: string | null | undefined): Promise<void> {
  if (webRoot === null) return
  const root = webRoot ?? defaultWebRoot()
  if (!existsSync(join(root, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT))
    return
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    decorateReply: false,
    schemaHide: true,
    setHeaders(reply, path) {
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
}
