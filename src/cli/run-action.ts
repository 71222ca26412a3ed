// Wraps every CLI action: one clear line on stderr with a stable code and the right exit code, never a stack trace.
import { toFactsiftError } from '../errors.js'

/** Runs an async command action; maps failures to `factsift: E_CODE message` and exit code 2 (input) or 1 (internal). */
export function runAction<Args extends unknown[]>(action: (...args: Args) => Promise<void>): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await action(...args)
    } catch (error) {
      const failure = toFactsiftError(error)
      process.stderr.write(`factsift: ${failure.code} ${oneLine(failure.message)}\n`)
      if (failure.code === 'E_INTERNAL' && process.env.FACTSIFT_DEBUG && error instanceof Error) {
        process.stderr.write(`${error.stack}\n`)
      }
      process.exitCode = failure.exitCode
    }
  }
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim()
}
