// Test helper: a real server on a random 127.0.0.1 port over the real engine and a throwaway SQLite store.
import http from 'node:http'
import { createEngine } from '../../engine/engine.js'
import type { Engine } from '../../engine/engine.js'
import type { Limits } from '../../ingest/limits.js'
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js'
import type { Store } from '../../store/types.js'
import { startServer, type RunningServer } from '../start-server.js'
import type { ServerOptions } from '../options.js'

export interface TestServer extends RunningServer {
  engine: Engine
  store: Store
  /** fetch() against the server, JSON body in and out. */
  request(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<TestResponse>
}

export interface TestResponse {
  status: number
  headers: Headers
  text: string
  json: any
}

/** Starts a server for one test file; call `close()` in `after`. */
export async function startTestServer(
  options: Partial<Omit<ServerOptions, 'engine'>> & { limits?: Partial<Limits>; engine?: Engine; db?: string } = {},
): Promise<TestServer> {
  // `db`: a SQLite file, for servers with analysis threads (each thread opens the same file); else in memory.
  const { limits, engine: given, db, ...rest } = options
  const store = openSqliteStore(db ?? ':memory:')
  const engine = given ?? createEngine({ services: { store, ...(limits ? { limits: limits as Limits } : {}) } })
  const server = await startServer({ engine, store, port: 0, host: '127.0.0.1', webRoot: null, ...rest })
  return {
    ...server,
    engine,
    store,
    async request(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers }
      let body: string | undefined
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
        headers['content-type'] ??= 'application/json'
      }
      const response = await fetch(`${server.url}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body })
      const text = await response.text()
      let json: unknown = null
      try {
        json = JSON.parse(text)
      } catch {
        // not JSON (HTML export, docs page)
      }
      return { status: response.status, headers: response.headers, text, json }
    },
    async close() {
      await server.close()
      await store.close()
    },
  }
}

/** A request sent as is: fetch() would resolve `/../` before sending it. */
export function rawRequest(url: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const { hostname, port } = new URL(url)
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const request = http.request({ host: hostname, port, path, method: init.method ?? 'GET', headers: init.headers }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }))
    })
    request.on('error', reject)
    request.end(init.body)
  })
}

/** A logger option that keeps every log line (parsed) for assertions: no error entries, no stacks. */
export function captureLogs(level = 'info'): { logger: { level: string; stream: { write(line: string): void } }; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  return { logger: { level, stream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } }, lines }
}

/** A short article of our own with a quote, a vague attribution and a misspelling. */
export const SAMPLE_ARTICLE = [
  'Council delays vote on river bridge',
  '',
  'The city council postponed its vote on the river bridge contract on Monday, the third delay since March.',
  'Mayor Ana Lopez said the city needed "more time to review the findings" before spending $12 million.',
  'Some residents say the bridge has been closed to trucks for months, and the repairs are an embarassment.',
  '"We will not reopen the bridge until it is safe," Lopez told reporters.',
].join('\n')
