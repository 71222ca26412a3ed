// Every failure leaves the server as `{error: {code, message}}` with the HTTP status from the one table in src/errors.ts.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ERROR_CODES, FactsiftError, type ErrorCode } from '../errors.js'

/** The error body every endpoint returns, documented in the OpenAPI as `Error`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string }
}

// Fastify's own errors (parsing, validation, limits) and the plugins' ones, by status, to our stable codes.
const BY_FASTIFY_CODE: Record<string, ErrorCode> = {
  FST_ERR_VALIDATION: 'E_INPUT_INVALID',
  FST_ERR_CTP_INVALID_JSON_BODY: 'E_INPUT_INVALID',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'E_INPUT_INVALID',
  FST_ERR_CTP_BODY_TOO_LARGE: 'E_INPUT_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'E_INPUT_INVALID',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'E_UNSUPPORTED_TYPE',
  FST_ERR_NOT_FOUND: 'E_NOT_FOUND',
  FST_ERR_BAD_URL: 'E_INPUT_INVALID',
  FST_ERR_MAX_PARAM_LENGTH: 'E_NOT_FOUND',
}

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'E_INPUT_INVALID',
  401: 'E_UNAUTHORIZED',
  // @fastify/static answers 403 for a path outside its root or a hidden file: to a client that is "no such page".
  403: 'E_NOT_FOUND',
  404: 'E_NOT_FOUND',
  405: 'E_NOT_FOUND',
  406: 'E_UNSUPPORTED_TYPE',
  413: 'E_INPUT_TOO_LARGE',
  415: 'E_UNSUPPORTED_TYPE',
  429: 'E_RATE_LIMITED',
  503: 'E_SERVICE_UNAVAILABLE',
}

/** The FactsiftError a thrown value stands for: ours as is, framework errors by code or status, the rest E_INTERNAL. */
export function toHttpError(error: unknown): FactsiftError {
  if (error instanceof FactsiftError) return error
  const fastifyError = error as Partial<FastifyError> | null
  const mapped =
    (fastifyError?.code && BY_FASTIFY_CODE[fastifyError.code]) ||
    (typeof fastifyError?.statusCode === 'number' ? BY_STATUS[fastifyError.statusCode] : undefined)
  if (mapped) return new FactsiftError(mapped, publicMessage(mapped, fastifyError))
  // Any other status a framework or plugin error carries in 4xx is still the client's mistake, never a 500.
  const status = fastifyError?.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) return new FactsiftError('E_INPUT_INVALID', oneLine(fastifyError?.message ?? 'bad request'))
  return new FactsiftError('E_INTERNAL', ERROR_CODES.E_INTERNAL.summary)
}

function publicMessage(code: ErrorCode, error: Partial<FastifyError> | null): string {
  if (code === 'E_INPUT_INVALID' && error?.code === 'FST_ERR_VALIDATION' && error.message) return oneLine(error.message)
  if (code === 'E_INPUT_INVALID' && error?.code?.startsWith('FST_ERR_CTP')) return 'the request body is not valid JSON'
  if (error?.code === 'FST_ERR_BAD_URL') return 'the URL is malformed (broken percent-encoding)'
  if (code === 'E_NOT_FOUND') return 'not found'
  if (code === 'E_RATE_LIMITED') return `too many requests: ${error?.message ?? 'slow down'}`
  return ERROR_CODES[code].summary
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim().slice(0, 500)
}

/** Sends one error in the common shape; internal errors are logged with their stack but never leak it. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  let failure = toHttpError(error)
  if ((error as Partial<FastifyError> | null)?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const accepted = acceptedTypes(request)
    const sent = request.headers['content-type'] ?? 'none'
    failure = new FactsiftError('E_UNSUPPORTED_TYPE', `content type ${oneLine(sent).slice(0, 100)} is not accepted here; send ${accepted.join(', ')}`)
    reply.header('accept-post', accepted.join(', '))
  }
  const status = failure.httpStatus
  // A client's mistake is logged without a stack (it is not our bug); only 5xx carry the error object.
  if (status >= 500 && failure.code !== 'E_SERVER_BUSY') request.log.error({ err: error }, `request failed: ${failure.code}`)
  else if (status >= 500) request.log.warn(`request refused: ${failure.code} ${failure.message}`)
  const retryAfter = failure.details?.retryAfter
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter))
  if (failure.code === 'E_UNAUTHORIZED') reply.header('www-authenticate', 'Bearer realm="factsift"')
  // Internal messages can carry paths and library details: they go to the log, the client gets the summary.
  const message = failure.code === 'E_INTERNAL' ? ERROR_CODES.E_INTERNAL.summary : oneLine(failure.message)
  const body: ErrorBody = { error: { code: failure.code, message } }
  return reply.code(status).type('application/json; charset=utf-8').send(body)
}

/** Installs the error and not-found handlers on the root instance. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error))
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new FactsiftError('E_NOT_FOUND', `no route for ${request.method} ${request.url.split('?')[0]}`)),
  )
}

/** The body types the route accepts (route config `accepts`, set where a route reads more than JSON), JSON by default. */
function acceptedTypes(request: FastifyRequest): string[] {
  const config = request.routeOptions?.config as { accepts?: string[] } | undefined
  return config?.accepts ?? ['application/json']
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (bytes not allowed in a path, broken headers, headers
 * too large, a slow client): the same coded body, written to the socket, which is then closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: import('node:stream').Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const [status, text, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'E_INPUT_INVALID', 'the request was not received in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'E_INPUT_INVALID', 'the request headers are too large']
        : [400, 'Bad Request', 'E_INPUT_INVALID', 'the request is not valid HTTP (bytes not allowed in the path or a header)']
  const body = JSON.stringify({ error: { code, message } })
  // An answer to HEAD has no body (the client would read it as the start of a next response).
  const raw = (error as { rawPacket?: Buffer }).rawPacket
  const head = raw !== undefined && raw.subarray(0, 5).toString('latin1') === 'HEAD '
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${text}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Connection: close\r\n\r\n${head ? '' : body}`,
    )
  }
  socket.destroy(error)
}
