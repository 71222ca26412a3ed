// Poll intervals: "15m", "1h", "90s", "1d" → milliseconds.
import { FactsiftError } from '../errors.js'

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** The shortest interval a feed may be polled at. */
export const MIN_INTERVAL_MS = 1000
export const DEFAULT_INTERVAL_MS = 15 * 60_000

export function parseInterval(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$/i.exec(value)
  const ms = match ? Number(match[1]) * UNIT_MS[match[2]!.toLowerCase()]! : NaN
  if (!Number.isFinite(ms) || ms < MIN_INTERVAL_MS) {
    throw new FactsiftError('E_BAD_ARGUMENT', `invalid interval "${value}"; use a number and a unit, e.g. 90s, 15m, 2h, 1d (at least 1s)`)
  }
  return Math.round(ms)
}

export function formatInterval(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) if (ms % UNIT_MS[unit]! === 0) return `${ms / UNIT_MS[unit]!}${unit}`
  return `${ms / 1000}s`
}

/**
 * The wait before the next poll after `failures` consecutive failures: the interval doubled per failure, capped at
 * 24 hours (and never below the interval); at least Retry-After when the server named one.
 */
export function backoffMs(intervalMs: number, failures: number, retryAfterMs: number | null = null): number {
  const doubled = intervalMs * 2 ** Math.min(Math.max(0, failures - 1), 20)
  const capped = Math.max(intervalMs, Math.min(doubled, 24 * 3_600_000))
  return Math.max(capped, retryAfterMs ?? 0)
}
