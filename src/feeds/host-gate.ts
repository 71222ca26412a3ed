// Politeness per host: one request at a time, a minimum interval between requests, and a pause after 429/503.

export interface HostGateOptions {
  /** Least time from the end of one request to a host to the start of the next. */
  minIntervalMs: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

interface HostState {
  tail: Promise<void>
  /** Earliest start of the next request. */
  nextAt: number
  /** Set from Retry-After (or back-off): nothing goes to the host before then. */
  blockedUntil: number
  /** robots.txt Crawl-delay, when longer than the minimum interval. */
  intervalMs: number
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Requests to one host (host:port) run one after another, spaced by the interval; different hosts run in parallel. */
export class HostGate {
  private readonly hosts = new Map<string, HostState>()
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>

  constructor(private readonly options: HostGateOptions) {
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? defaultSleep
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host)
    if (!state) {
      state = { tail: Promise.resolve(), nextAt: 0, blockedUntil: 0, intervalMs: this.options.minIntervalMs }
      this.hosts.set(host, state)
    }
    return state
  }

  /** Runs `work` when the host is free, its interval has passed and it is not paused; resolves with its result. */
  run<T>(host: string, work: () => Promise<T>): Promise<T> {
    const state = this.state(host)
    const result = state.tail.then(async () => {
      for (;;) {
        const wait = Math.max(state.nextAt, state.blockedUntil) - this.now()
        if (wait <= 0) break
        await this.sleep(wait)
      }
      try {
        return await work()
      } finally {
        state.nextAt = this.now() + state.intervalMs
      }
    })
    state.tail = result.then(() => undefined, () => undefined)
    return result
  }

  /** Nothing goes to `host` before `until` (epoch ms): a 429/503 with Retry-After pauses articles and feeds alike. */
  pause(host: string, until: number): void {
    const state = this.state(host)
    state.blockedUntil = Math.max(state.blockedUntil, until)
  }

  /** When the host is paused (epoch ms), else 0. */
  pausedUntil(host: string): number {
    return this.hosts.get(host)?.blockedUntil ?? 0
  }

  /** A robots.txt Crawl-delay: the interval becomes the longer of it and the minimum. */
  setCrawlDelay(host: string, ms: number): void {
    const state = this.state(host)
    state.intervalMs = Math.max(this.options.minIntervalMs, ms)
  }
}
