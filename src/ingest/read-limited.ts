// Read a whole stream into memory, but stop as soon as it passes the size limit.
import { FactsiftError } from '../errors.js'
import { tooLarge } from './size-limit.js'

/**
 * Collect `stream` into one Buffer; rejects with E_INPUT_TOO_LARGE the moment more than `maxBytes` arrive
 * (the rest is never read), and with E_INPUT_NOT_FOUND when the stream itself fails (unreadable file, closed pipe).
 */
export function readLimited(stream: NodeJS.ReadableStream, maxBytes: number, what = 'input'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (error: Error | null): void => {
      if (settled) return
      settled = true
      stream.removeListener('data', onData)
      stream.removeListener('end', onEnd)
      stream.removeListener('error', onError)
      if (error) reject(error)
      else resolve(Buffer.concat(chunks, size))
    }
    const onData = (chunk: Buffer | string): void => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      size += buf.length
      if (size > maxBytes) {
        finish(tooLarge(maxBytes, what))
        stopReading(stream)
        return
      }
      chunks.push(buf)
    }
    const onEnd = (): void => finish(null)
    const onError = (error: Error): void =>
      finish(error instanceof FactsiftError ? error : new FactsiftError('E_INPUT_NOT_FOUND', `cannot read ${what}: ${error.message}`))
    stream.on('data', onData)
    stream.once('end', onEnd)
    stream.once('error', onError)
  })
}

// Destroying frees a file descriptor or socket; a stream without destroy (old-style) is just paused.
function stopReading(stream: NodeJS.ReadableStream): void {
  const destroyable = stream as NodeJS.ReadableStream & { destroy?: () => void }
  if (typeof destroyable.destroy === 'function') destroyable.destroy()
  else stream.pause()
  // A late 'error' after destroy must not become an unhandled rejection.
  stream.on('error', () => {})
}
