// The one size check every input path shares (strings, buffers, files, stdin, HTTP bodies).
import { FactsiftError } from '../errors.js'

/** Human-readable byte count for error messages: '512 B', '12.0 KB', '5.0 MB'. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / (1024 * 1024)).toFixed(1)} MB`
}

/** The E_INPUT_TOO_LARGE error; leave `size` out while streaming, when only "more than the limit" is known. */
export function tooLarge(maxBytes: number, what = 'input', size?: number): FactsiftError {
  const seen = size === undefined ? '' : ` (${formatBytes(size)})`
  return new FactsiftError('E_INPUT_TOO_LARGE', `${what} exceeds the size limit of ${formatBytes(maxBytes)}${seen}`, {
    maxBytes,
    ...(size === undefined ? {} : { size }),
  })
}

/** Throw E_INPUT_TOO_LARGE when `size` bytes exceed the limit. */
export function checkSize(size: number, maxBytes: number, what = 'input'): void {
  if (size > maxBytes) throw tooLarge(maxBytes, what, size)
}
