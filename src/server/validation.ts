// Request parsing and validation: JSON bodies without coercion, field-naming messages, one parser with clear errors.
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify'
import AjvModule from 'ajv'
import addFormatsModule from 'ajv-formats'
import { FactsiftError } from '../errors.js'
import { sharedSchemas } from './schemas.js'

// ajv and ajv-formats ship CommonJS; under NodeNext their default exports arrive wrapped.
const Ajv = AjvModule as unknown as typeof AjvModule.default
type AjvInstance = InstanceType<typeof Ajv>
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: AjvInstance) => AjvInstance

/** The body types /v1 routes read as JSON; anything else is 415 (the fact-check import route lists its own). */
export const JSON_CONTENT_TYPES = ['application/json']

/**
 * Two validators. Bodies are checked as sent: `{"text": 123}` is an error naming `text`, not the string "123"
 * (Fastify's default coerces types everywhere), and an unknown field is an error naming it (the default drops it).
 * Query strings, path parameters and headers arrive as text, so there types are coerced and unknown keys dropped.
 */
export function installValidation(app: FastifyInstance): void {
  const common = { strict: false, allErrors: false, useDefaults: true } as const
  const bodies = addFormats(new Ajv({ ...common, coerceTypes: false, removeAdditional: false }))
  const params = addFormats(new Ajv({ ...common, coerceTypes: 'array', removeAdditional: true }))
  for (const schema of sharedSchemas()) {
    bodies.addSchema(schema)
    params.addSchema(schema)
  }
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodies : params).compile(schema))

  // One JSON parser: a syntax error says where; a `__proto__` or `constructor.prototype` key is refused by name.
  app.removeContentTypeParser(['application/json', 'text/plain'])
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string
    if (text.trim() === '') {
      done(new FactsiftError('E_INPUT_INVALID', 'the request body is empty; send a JSON object'), undefined)
      return
    }
    try {
      done(null, parseJson(text))
    } catch (error) {
      done(error instanceof FactsiftError ? error : new FactsiftError('E_INPUT_INVALID', `the request body is not valid JSON: ${(error as Error).message}`), undefined)
    }
  })
}

/** JSON.parse, refusing keys that would change an object's prototype if the value were ever merged into another. */
export function parseJson(text: string): unknown {
  if (!text.includes('__proto__') && !text.includes('prototype')) return JSON.parse(text)
  return JSON.parse(text, function (key, value: unknown) {
    if (key === '__proto__') throw new FactsiftError('E_INPUT_INVALID', 'the JSON body has a "__proto__" key, which is not accepted')
    if (key === 'constructor' && value !== null && typeof value === 'object' && Object.hasOwn(value, 'prototype')) {
      throw new FactsiftError('E_INPUT_INVALID', 'the JSON body has a "constructor.prototype" key, which is not accepted')
    }
    return value
  })
}

/** One line naming the field: `body.text must be string`, `body.foo is not a known field`, `querystring.limit must be <= 100`. */
export function formatValidationErrors(errors: FastifySchemaValidationError[], dataVar: string): FactsiftError {
  const first = errors[0]
  if (!first) return new FactsiftError('E_INPUT_INVALID', `${dataVar} is invalid`)
  const path = `${dataVar}${first.instancePath.replace(/\/([^/]+)/g, (_m, part: string) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))}`
  const params = first.params as Record<string, unknown>
  let message: string
  switch (first.keyword) {
    case 'additionalProperties':
      message = `${path}.${String(params.additionalProperty)} is not a known ${dataVar === 'body' ? 'field' : 'parameter'}`
      break
    case 'required':
      message = `${path}.${String(params.missingProperty)} is required`
      break
    case 'type':
      message = `${path} must be ${String(params.type).replace(/,/g, ' or ')}`
      break
    case 'enum':
      message = `${path} must be one of: ${(params.allowedValues as unknown[]).join(', ')}`
      break
    default:
      message = `${path} ${first.message ?? 'is invalid'}`
  }
  return new FactsiftError('E_INPUT_INVALID', message)
}
