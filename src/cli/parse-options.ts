// Parsers for CLI option values; a bad value is one clear E_BAD_ARGUMENT line.
import { FactsiftError } from '../errors.js'

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 }

/** "5MB", "512kb", "1048576" → bytes. */
export function parseByteSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value)
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined
  if (!match || unit === undefined || Number(match[1]) <= 0) {
    throw new FactsiftError('E_BAD_ARGUMENT', `invalid size "${value}"; use bytes or a unit like 512KB, 5MB`)
  }
  return Math.floor(Number(match[1]) * unit)
}

export function parsePositiveInt(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number <= 0) throw new FactsiftError('E_BAD_ARGUMENT', `expected a positive integer, got "${value}"`)
  return number
}

/** Checks a `--format` value where a command prints either text or JSON. */
export function checkTextOrJson(format: string): void {
  if (format !== 'text' && format !== 'json') throw new FactsiftError('E_BAD_ARGUMENT', `--format must be text or json, got "${format}"`)
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }

/** "90d", "12h", "30m", "45s", "500ms", "2w" → milliseconds; a unit is required (is "90" days or seconds?). */
export function parseDuration(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(value)
  const unit = match ? DURATION_UNITS[match[2]!.toLowerCase()] : undefined
  if (!match || unit === undefined || Number(match[1]) <= 0) {
    throw new FactsiftError('E_BAD_ARGUMENT', `invalid duration "${value}"; use a number and a unit: 90d, 12h, 30m, 60s, 500ms`)
  }
  return Math.round(Number(match[1]) * unit)
}

/** Run `work` on the store named by --db (the default store when absent), closing it afterwards; loaded on first use. */
export async function withStore<T>(db: string | undefined, work: (store: import('../store/types.js').Store) => Promise<T>): Promise<T> {
  const { openStore } = await import('../store/open-store.js')
  const store = await openStore(db)
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

/** commander collector for a repeatable `--webhook <url>`: only http(s) URLs, normalized. */
export function collectWebhookUrl(value: string, previous: string[]): string[] {
  let url: URL | null = null
  try {
    url = new URL(value)
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new FactsiftError('E_BAD_ARGUMENT', `--webhook needs an http(s) URL, got "${value}"`)
  return [...previous, url.toString()]
}
