// robots.txt (RFC 9309): fetch once per origin, cache, and answer "may this URL be fetched?".
import { FactsiftError } from '../errors.js'
import type { HostGate } from './host-gate.js'
import { httpGet, ROBOTS_AGENT, type HttpGetOptions } from './http-get.js'

interface Rule {
  allow: boolean
  pattern: string
  regex: RegExp
}

export interface RobotsRules {
  rules: Rule[]
  /** Crawl-delay in ms (not in RFC 9309, widely used), or null. */
  crawlDelayMs: number | null
}

const ALLOW_ALL: RobotsRules = { rules: [], crawlDelayMs: null }
const DISALLOW_ALL: RobotsRules = { rules: [rule(false, '/')], crawlDelayMs: null }

/** Rules of the group for `agent` (its product token, case-insensitive), else of the '*' group, else none. */
export function parseRobots(text: string, agent = ROBOTS_AGENT): RobotsRules {
  type Group = { agents: string[]; lines: [string, string][] }
  const groups: Group[] = []
  let current: Group | null = null
  let lastWasAgent = false
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim()
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line)
    if (!match) continue
    const key = match[1]!.toLowerCase()
    const value = match[2]!.trim()
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) groups.push((current = { agents: [], lines: [] }))
      current.agents.push(value.toLowerCase())
      lastWasAgent = true
    } else {
      lastWasAgent = false
      current?.lines.push([key, value])
    }
  }
  const token = agent.toLowerCase()
  let chosen = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)))
  if (chosen.length === 0) chosen = groups.filter((g) => g.agents.includes('*'))
  const rules: Rule[] = []
  let crawlDelayMs: number | null = null
  for (const group of chosen) {
    for (const [key, value] of group.lines) {
      if ((key === 'allow' || key === 'disallow') && value !== '') rules.push(rule(key === 'allow', value))
      if (key === 'crawl-delay' && /^\d+(\.\d+)?$/.test(value)) crawlDelayMs = Math.min(60_000, Number(value) * 1000)
    }
  }
  return { rules, crawlDelayMs }
}

/** Longest matching pattern wins; on a tie, Allow; no match, allowed. `pathAndQuery` starts with '/'. */
export function isAllowed(robots: RobotsRules, pathAndQuery: string): boolean {
  let best: Rule | null = null
  for (const r of robots.rules) {
    if (!r.regex.test(pathAndQuery)) continue
    if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) best = r
  }
  return best?.allow ?? true
}

function rule(allow: boolean, pattern: string): Rule {
  const anchored = pattern.endsWith('$')
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => encodePath(part).replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return { allow, pattern, regex: new RegExp(`^${body}${anchored ? '$' : ''}`) }
}

/** Patterns and paths compared in the same percent-encoded form. */
function encodePath(part: string): string {
  try {
    return encodeURI(decodeURI(part))
  } catch {
    return part
  }
}

export interface RobotsCacheOptions {
  gate: HostGate
  http: Omit<HttpGetOptions, 'headers' | 'maxBytes' | 'tooLargeCode'>
  /** How long a fetched robots.txt is trusted (default 24 h; an unreachable one 1 h). */
  ttlMs?: number
  now?: () => number
}

/**
 * robots.txt per origin, fetched through the host gate and cached: 2xx → its rules; 4xx → everything allowed;
 * 5xx (and 429) → everything disallowed for an hour (RFC 9309 §2.3.1.4). A network failure is thrown, not cached.
 */
export class RobotsCache {
  private readonly cache = new Map<string, { rules: RobotsRules; until: number }>()
  private readonly inflight = new Map<string, Promise<RobotsRules>>()
  private readonly now: () => number

  constructor(private readonly options: RobotsCacheOptions) {
    this.now = options.now ?? Date.now
  }

  /** Throws E_FEED_ROBOTS when robots.txt disallows `url` (http(s) only; other schemes pass). */
  async check(url: string): Promise<void> {
    const parsed = new URL(url)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return
    const rules = await this.rulesFor(parsed)
    if (!isAllowed(rules, `${parsed.pathname}${parsed.search}`)) {
      throw new FactsiftError('E_FEED_ROBOTS', `robots.txt of ${parsed.host} disallows ${parsed.pathname}`, { url })
    }
  }

  private async rulesFor(url: URL): Promise<RobotsRules> {
    const origin = url.origin
    const cached = this.cache.get(origin)
    if (cached && cached.until > this.now()) return cached.rules
    let pending = this.inflight.get(origin)
    if (!pending) {
      pending = this.fetchRules(url).finally(() => this.inflight.delete(origin))
      this.inflight.set(origin, pending)
    }
    return pending
  }

  private async fetchRules(url: URL): Promise<RobotsRules> {
    const ttl = this.options.ttlMs ?? 24 * 3600_000
    let rules: RobotsRules
    let until = this.now() + ttl
    try {
      const res = await this.options.gate.run(url.host, () =>
        httpGet(`${url.origin}/robots.txt`, { ...this.options.http, maxBytes: 512 * 1024, headers: { accept: 'text/plain' } }),
      )
      rules = parseRobots(res.body.toString('utf8'))
    } catch (error) {
      const status = error instanceof FactsiftError ? Number(error.details?.['status']) : NaN
      if (error instanceof FactsiftError && error.code === 'E_FEED_THROTTLED') [rules, until] = [DISALLOW_ALL, this.now() + Math.min(ttl, 3600_000)]
      else if (status >= 400 && status < 500) rules = ALLOW_ALL
      else if (status >= 500) [rules, until] = [DISALLOW_ALL, this.now() + Math.min(ttl, 3600_000)]
      else if (error instanceof FactsiftError && error.code === 'E_INPUT_TOO_LARGE') rules = ALLOW_ALL // RFC 9309: parse the first 500 KiB; we keep none
      else throw error
    }
    if (rules.crawlDelayMs !== null) this.options.gate.setCrawlDelay(url.host, rules.crawlDelayMs)
    this.cache.set(url.origin, { rules, until })
    return rules
  }
}
