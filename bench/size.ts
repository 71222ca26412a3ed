// bench:size — cost against article size: one article of each size (MB of generated news text) analyzed in a fresh
// child process; prints CPU seconds, MB/s of CPU time, the per-MB cost relative to the smallest size, and peak RSS
// (minus the RSS after warm-up on a short article) relative to the text size.
// Usage: npm run bench:size -- [--sizes 1,4,16] [--json]      Targets (issue 21): per-MB cost within 1.2× of the
// smallest size, ≥ 1 MB/s, peak memory ≤ 10× the text size.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { hasFlag, stringOption } from './args.js'

const child = process.env.FACTSIFT_BENCH_SIZE_CHILD
if (child) {
  const { createEngine } = await import('../src/engine/engine.js')
  const { generateArticle } = await import('./generate-article.js')
  const { DEFAULT_LIMITS } = await import('../src/ingest/limits.js')
  const mb = Number(child)
  const engine = createEngine({ services: { limits: { ...DEFAULT_LIMITS, maxBytes: 200 * 1024 * 1024 } } })
  await engine.analyze({ text: generateArticle(7, 800) })
  // ~6.3 bytes per generated word: build one long article from generated paragraphs, cut to size at a paragraph.
  const parts: string[] = []
  let bytes = 0
  for (let seed = 1; bytes < mb * 1024 * 1024; seed++) {
    const piece = generateArticle(seed, 2000)
    parts.push(piece)
    bytes += Buffer.byteLength(piece) + 2
  }
  const text = parts.join('\n\n')
  global.gc?.()
  const baseRss = process.memoryUsage().rss
  let peak = baseRss
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss) }, 20)
  const cpu0 = process.cpuUsage()
  const wall0 = performance.now()
  const report = await engine.analyze({ text })
  const wallMs = performance.now() - wall0
  const cpu = process.cpuUsage(cpu0)
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  console.log(JSON.stringify({
    mb: Buffer.byteLength(text) / (1024 * 1024),
    cpuS: (cpu.user + cpu.system) / 1e6,
    wallS: wallMs / 1000,
    peakRssOverBaseMb: (peak - baseRss) / (1024 * 1024),
    annotateS: (report.timings.annotateMs ?? 0) / 1000,
    analyzersS: Object.fromEntries(Object.entries(report.timings.analyzers ?? {}).map(([id, ms]) => [id, Math.round(ms) / 1000])),
  }))
} else {
  const sizes = stringOption('sizes', '1,4,16').split(',').map(Number)
  const self = fileURLToPath(import.meta.url)
  const rows: Record<string, unknown>[] = []
  for (const mb of sizes) {
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self], {
      env: { ...process.env, FACTSIFT_BENCH_SIZE_CHILD: String(mb) }, encoding: 'utf8', maxBuffer: 1 << 26,
    })
    if (run.status !== 0) throw new Error(`size ${mb} MB failed: ${run.stderr}`)
    rows.push(JSON.parse(run.stdout.trim().split('\n').pop()!))
  }
  const first = rows[0] as { mb: number; cpuS: number }
  const out = rows.map((r) => {
    const row = r as { mb: number; cpuS: number; wallS: number; peakRssOverBaseMb: number }
    return {
      ...row,
      mbPerCpuS: round(row.mb / row.cpuS),
      perMbCostVsSmallest: round((row.cpuS / row.mb) / (first.cpuS / first.mb)),
      peakMemoryOverText: round(row.peakRssOverBaseMb / row.mb),
    }
  })
  if (hasFlag('json')) console.log(JSON.stringify(out, null, 2))
  else {
    console.log('bench:size — one generated article per size, fresh process each; CPU time (user+system)')
    for (const r of out) {
      console.log(`  ${r.mb.toFixed(2).padStart(6)} MB: ${r.cpuS.toFixed(2)} s CPU (${r.wallS.toFixed(2)} s wall), ${r.mbPerCpuS} MB/s, per-MB cost ${r.perMbCostVsSmallest}× the smallest, peak RSS +${r.peakRssOverBaseMb.toFixed(0)} MB = ${r.peakMemoryOverText}× text`)
    }
    console.log('  targets: per-MB cost ≤ 1.2× the smallest, ≥ 1 MB/s, peak memory ≤ 10× text size')
    for (const r of out) console.log(`  ${r.mb.toFixed(0)} MB analyzers (s, wall): ${JSON.stringify((r as { analyzersS?: unknown }).analyzersS)}`)
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
