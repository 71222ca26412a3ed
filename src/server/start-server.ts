// Builds the server and listens: what `factsift serve` and the benchmark call. Tests use port 0 for a free port.
import type { FastifyInstance } from 'fastify'
import { buildServer } from './build-server.js'
import type { ServerOptions } from './options.js'

export interface ListenOptions {
  port?: number
  host?: string
}

export interface RunningServer {
  app: FastifyInstance
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string
  close(): Promise<void>
}

/** Builds, warms up and listens on host:port (default 127.0.0.1:8080; port 0 picks a free one). */
export async function startServer(options: ServerOptions & ListenOptions): Promise<RunningServer> {
  const app = await buildServer(options)
  const host = options.host ?? '127.0.0.1'
  await app.listen({ port: options.port ?? 8080, host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const shownHost = host.includes(':') ? `[${host}]` : host
  return { app, url: `http://${shownHost}:${port}`, close: () => app.close() }
}
