// Preloaded into the server by bench:soak (`node --import ./bench/loop-delay-probe.ts`): measures the main thread's
// event-loop delay with perf_hooks.monitorEventLoopDelay and sends it to the bench over the IPC channel every second,
// with the process's RSS. No product code changes for it, and analysis threads (which inherit execArgv) skip it.
import { isMainThread } from 'node:worker_threads'
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'

export interface LoopDelayFigures {
  p50Ms: number
  p99Ms: number
  maxMs: number
  meanMs: number
}

/** One message a second: the last second's figures, the figures since the bench said 'reset', and the RSS. */
export interface LoopDelaySample {
  loopDelay: { t: number; second: LoopDelayFigures; total: LoopDelayFigures; rssMb: number; mainHeapMb: number; mainExternalMb: number }
}

const ms = (ns: number) => Math.round(ns / 1e4) / 100
const figures = (h: IntervalHistogram): LoopDelayFigures => ({
  p50Ms: ms(h.percentile(50)),
  p99Ms: ms(h.percentile(99)),
  maxMs: ms(h.max),
  meanMs: ms(h.mean),
})

if (isMainThread && typeof process.send === 'function') {
  // A 10 ms sampling timer: a delay is how late it fired. Two histograms: per second, and since the load began.
  const second = monitorEventLoopDelay({ resolution: 10 })
  const total = monitorEventLoopDelay({ resolution: 10 })
  second.enable()
  total.enable()
  process.on('message', (message) => {
    if (message === 'reset') total.reset()
  })
  const timer = setInterval(() => {
    const memory = process.memoryUsage()
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)
    // The main thread's own heap and buffers (the rest of the RSS is the analysis threads, SQLite and code).
    const sample: LoopDelaySample = {
      loopDelay: { t: Date.now(), second: figures(second), total: figures(total), rssMb: mb(memory.rss), mainHeapMb: mb(memory.heapUsed), mainExternalMb: mb(memory.external) },
    }
    second.reset()
    process.send?.(sample)
  }, 1000)
  timer.unref()
  process.channel?.unref()
}
