// Publication dates from meta tags, JSON-LD and <time> in one ISO 8601 shape.

const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i
const MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i
const ZONE = /(\b(GMT|UTC|UT|[ECMP][SD]T)\b|[+-]\d{2}:?\d{2}\s*$)/
const TIME = /\d{1,2}:\d{2}/

/**
 * Normalize a date string to ISO 8601, or null when it cannot be read unambiguously:
 * - with a time and a zone → UTC instant, '2024-03-05T09:30:00Z';
 * - with a time and no zone → local date-time as written, '2024-03-05T10:30:00';
 * - a date alone → '2024-03-05'.
 * Accepts ISO forms (also '20240305', '+0100' offsets), Unix seconds/milliseconds and English dates with a month name
 * ('March 5, 2024 2:30 PM EST', 'Tue, 05 Mar 2024 14:30:00 GMT'). Numeric dates like 05.03.2024 are ambiguous: null.
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (!raw) return null
  const s = raw.trim().replace(/\s+/g, ' ')
  const iso = ISO.exec(s)
  if (iso) return fromIso(iso)
  if (/^\d{10}(\d{3})?$/.test(s)) return instant(new Date(s.length === 10 ? Number(s) * 1000 : Number(s)))
  if (!MONTH.test(s)) return null
  const cleaned = s.replace(/^(published|posted|updated|on)\s*:?\s*/i, '').replace(/\bat\b/gi, ' ')
  if (ZONE.test(cleaned) && TIME.test(cleaned)) return instant(new Date(Date.parse(cleaned)))
  const asUtc = new Date(Date.parse(`${cleaned} UTC`))
  if (!valid(asUtc)) return null
  const date = asUtc.toISOString().slice(0, 10)
  return TIME.test(cleaned) ? `${date}T${asUtc.toISOString().slice(11, 19)}` : date
}

function fromIso(m: RegExpExecArray): string | null {
  const [, y, mo, d, h, mi, sec, zone] = m
  const date = `${y}-${mo}-${d}`
  // Round-trip through Date to reject 2024-02-31 and the like.
  const probe = new Date(`${date}T00:00:00Z`)
  if (!valid(probe) || probe.toISOString().slice(0, 10) !== date) return null
  if (h === undefined) return date
  const time = `${h}:${mi}:${sec ?? '00'}`
  if (!zone) return Number(h) < 24 && Number(mi) < 60 ? `${date}T${time}` : null
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')
  return instant(new Date(`${date}T${time}${offset}`))
}

function instant(d: Date): string | null {
  return valid(d) ? d.toISOString().replace(/\.000Z$/, 'Z') : null
}

function valid(d: Date): boolean {
  const t = d.getTime()
  if (Number.isNaN(t)) return false
  const year = d.getUTCFullYear()
  return year >= 1800 && year <= 2200
}
