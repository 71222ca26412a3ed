// Security headers on every response: a strict CSP (no inline scripts anywhere), no sniffing, no framing, no referrer.
import type { FastifyInstance } from 'fastify'

/** For the web UI and the API: scripts and styles only from our own origin, no inline script, no plugins. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** For Swagger UI, which sets inline styles: still no inline script. */
export const DOCS_CSP = APP_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

/** For exported standalone report pages: no script at all, inline styles only, and sandboxed into an opaque origin. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"

const COMMON_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
}

/** Adds the headers on send; a route may set its own Content-Security-Policy first (docs, exports) and it is kept. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) reply.header(name, value)
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', request.url.startsWith('/docs') ? DOCS_CSP : APP_CSP)
    }
    return payload
  })
}
