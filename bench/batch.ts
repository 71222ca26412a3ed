// bench:batch — `factsift batch` on generated ~800-word articles: items/s with 1 and 2 worker threads (scaling ratio),
// peak RSS of the batch process (VmHWM, threads included), and the same input through the queue (BullMQ + PostgreSQL)
// with 2 `factsift worker` processes, as a ratio to the 2-thread run.
// Usage: npm run bench:batch -- [--items 10000] [--words 800] [--threads 1,2] [--rounds 2] [--files 1000] [--no-queue] [--no-ceiling] [--trace] [--built] [--json]
// Each round runs every thread count once, alternating the order between rounds; the figures pool all rounds.
// --files N also writes the first N articles as N .txt files in a directory and, each round, runs `batch` on it with the
// default thread count: a small batch pays the threads' start (models, JIT warm-up) over fewer items; its rate is printed
// as a share of the largest thread count's rate on the JSONL input (target ≥ 80%), both over the batch and start to exit.
// The ceiling (bench/parallel-ceiling.ts) is this machine's own 1 → 2 thread ratio for the bare analysis with the JIT
// warmed up, measured in the same run.
// Every run is a child process started like the CLI (from the sources through tsx, so no build is needed; --built runs
// bin/factsift.js instead). --trace prints each run's phases (src/batch/phase-trace.ts).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, createWriteStream, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { generateArticle } from './generate-article.js'
import { hasFlag, numberOption, stringOption } from './args.js'
import { measureCeiling } from './parallel-ceiling.js'

const SELF = fileURLToPath(import.meta.url)
const BUILT = hasFlag('built')
/** USER_HZ: /proc reports CPU time in these ticks (100 on Linux). */
const CLOCK_TICKS = 100

if (process.env.FACTSIFT_BENCH_ROLE === 'cli') await runCli()
else await runBench()

/** Child role: the `batch` and `worker` commands exactly as bin/factsift registers them. */
async function runCli(): Promise<void> {
  const [{ Command }, { default: registerBatch }, { default: registerWorker }] = await Promise.all([
    import('commander'),
    import('../src/cli/commands/batch.js'),
    import('../src/cli/commands/worker.js'),
  ])
  const program = new Command('factsift')
  registerBatch(program)
  registerWorker(program)
  await program.parseAsync(process.argv)
}

interface Sampled {
  child: ChildProcess
  /** Peak resident set (VmHWM) seen so far, in MiB. */
  peakMiB: () => number
  /** CPU seconds used so far (user + system): the main thread, and all threads together. */
  cpu: () => { mainS: number; totalS: number; otherThreadsS: number[] }
  /** CPU seconds the whole machine spent (all processes, kernel included) from start to exit. */
  machineS: () => number
  exited: Promise<number | null>
  stderr: () => string
  /** Epoch milliseconds at spawn and at exit (for the phase trace). */
  spawnedAt: number
  exitedAt: () => number
}

/** Busy ticks of all CPUs since boot: the first line of /proc/stat minus idle and iowait. */
function machineBusyTicks(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number)
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0)
  return total - fields[3]! - fields[4]!
}

/** Starts the CLI with `args`, sampling /proc/<pid>/status for VmHWM (the kernel's high-water mark, all threads). */
function startCli(args: string[], env: Record<string, string> = {}): Sampled {
  // --built: the compiled CLI as users run it (bin/factsift.js, needs `npm run build`). tsx's loader (a hooks thread
  // per analysis thread, its transforms) costs a small batch more than a large one: 1,000 files took 18.3 ms of CPU an
  // item through tsx and 14.2 built, 10,000 items 9.1 and 8.5 (--trace: a thread's start to ready 0.9–1.0 s of CPU
  // through tsx, 0.65 built), so the ratio of the two rates reads lower through tsx than users see.
  const command = BUILT ? [fileURLToPath(new URL('../bin/factsift.js', import.meta.url)), ...args] : ['--import', 'tsx', SELF, ...args]
  const child = spawn(process.execPath, command, {
    // `--import tsx` resolves from the working directory: the repository's.
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env, FACTSIFT_BENCH_ROLE: 'cli', NO_COLOR: '1' },
  })
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  let peak = 0
  // Per-thread CPU from /proc/<pid>/task/<tid>/stat; the main thread's tid is the pid. Kept per tid, since threads
  // (and finally the process) vanish between samples.
  const ticks = new Map<string, number>()
  const sample = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
      if (match) peak = Math.max(peak, Number(match[1]) / 1024)
      for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
        const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8')
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        ticks.set(tid, Number(fields[11]) + Number(fields[12]))
      }
    } catch {
      // exited between samples
    }
  }
  const machineAtStart = machineBusyTicks()
  let machineAtExit = machineAtStart
  const spawnedAt = performance.timeOrigin + performance.now()
  let exitedAt = 0
  const timer = setInterval(sample, 200)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    clearInterval(timer)
    exitedAt = performance.timeOrigin + performance.now()
    machineAtExit = machineBusyTicks()
    resolve(code)
  }))
  const cpu = () => {
    let total = 0
    for (const n of ticks.values()) total += n
    // Node names no thread: the analysis threads are told apart as the busiest ones after the main thread.
    const otherThreadsS = [...ticks].filter(([tid]) => tid !== String(child.pid)).map(([, n]) => n / CLOCK_TICKS).sort((a, b) => b - a)
    return { mainS: round((ticks.get(String(child.pid)) ?? 0) / CLOCK_TICKS), totalS: round(total / CLOCK_TICKS), otherThreadsS }
  }
  return { child, peakMiB: () => Math.round(peak), cpu, machineS: () => round((machineAtExit - machineAtStart) / CLOCK_TICKS), exited, stderr: () => stderr, spawnedAt, exitedAt: () => exitedAt }
}

/**
 * The phases of a traced run (FACTSIFT_BATCH_TRACE, src/batch/phase-trace.ts) in seconds from the spawn, with the
 * thread's CPU seconds so far: one line for the main thread and one per analysis thread (thread ids as Node numbers
 * them), then the exit.
 */
function phaseLines(run: Sampled): string[] {
  const byThread = new Map<string, string[]>()
  for (const match of run.stderr().matchAll(/^factsift-trace (\d+) (\S+) ([\d.]+) (\S+)$/gm)) {
    const [, thread, label, at, cpu] = match
    const seconds = ((Number(at) - run.spawnedAt) / 1000).toFixed(2)
    byThread.set(thread!, [...(byThread.get(thread!) ?? []), `${label} ${seconds} (CPU ${cpu})`])
  }
  const lines = [...byThread].map(([thread, marks]) => `    ${thread === '0' ? 'main' : `thread ${thread}`}: ${marks.join(', ')}`)
  lines.push(`    exit ${((run.exitedAt() - run.spawnedAt) / 1000).toFixed(2)} s after the spawn`)
  return lines
}

interface RunFigures {
  /** Items/s over the batch itself (from its summary: pool started, up to the last record). */
  itemsPerSecond: number
  wallItemsPerSecond: number
  elapsedS: number
  /** Seconds from starting the process to its exit. */
  wallS: number
  peakRssMiB: number
  /** CPU milliseconds per item: all threads of the process, and its main thread alone (reading, dispatch, writing). */
  cpuMsPerItem: number
  mainThreadCpuMsPerItem: number
  /** CPU seconds of all threads over wall seconds: how many cores the run kept busy on average. */
  coresBusy: number
  /** Share of the run the analysis threads spent on the CPU (1 = never waiting), and the cores the rest of the process used. */
  analysisThreadsBusy: number
  mainThreadCores: number
  /** V8's helper threads (JIT compiler, concurrent GC) and libuv's: the CPU a 1-thread run gets from the idle core. */
  helperThreadsCores: number
  /** The same over the whole machine (/proc/stat): adds the kernel's work for us (writeback, page cache) and anything else running. */
  machineCoresBusy: number
  analyzed: number
  errors: number
}

function summaryOf(path: string): { itemsPerSecond: number; elapsedMs: number; analyzed: number; errors: number } {
  return JSON.parse(readFileSync(path, 'utf8'))
}

async function runBench(): Promise<void> {
  const items = numberOption('items', 10000)
  const words = numberOption('words', 800)
  const threadCounts = stringOption('threads', '1,2').split(',').map(Number)
  const json = hasFlag('json')
  const withQueue = !hasFlag('no-queue')
  const rounds = Math.max(1, numberOption('rounds', 2))
  const files = numberOption('files', 0)
  const dir = mkdtempSync(join(tmpdir(), 'factsift-bench-batch-'))
  const log = (line: string) => process.stderr.write(`${line}\n`)

  try {
    const input = join(dir, 'articles.jsonl')
    const writer = createWriteStream(input)
    for (let i = 0; i < items; i++) {
      const text = generateArticle(i + 1, words)
      if (!writer.write(`${JSON.stringify({ id: `a${i}`, text })}\n`)) await new Promise<void>((resolve) => writer.once('drain', () => resolve()))
    }
    await new Promise<void>((resolve, reject) => writer.end((error?: Error | null) => (error ? reject(error) : resolve())))
    const filesDir = join(dir, 'files')
    if (files > 0) {
      mkdirSync(filesDir)
      for (let i = 0; i < files; i++) writeFileSync(join(filesDir, `a${String(i).padStart(6, '0')}.txt`), generateArticle(i + 1, words))
    }
    log(`bench:batch: ${items} articles of ~${words} words in ${input}; ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)}`)

    // No default store: neither run matches fact-checks or a corpus, so both do the same work.
    const noStore = { FACTSIFT_DB: join(dir, 'none', 'none.db') }
    // --trace: each run prints when its threads loaded, got ready, started their 1st, 100th, … item, and exited.
    const trace: Record<string, string> = hasFlag('trace') ? { FACTSIFT_BATCH_TRACE: '1' } : {}
    /** The directory of `files` articles with the CLI's default thread count, as a user would run it. */
    const runFiles = async (round: number): Promise<RunFigures> => {
      const out = join(dir, 'out-files.jsonl')
      const summary = join(dir, 'summary-files.json')
      const started = performance.now()
      const run = startCli(['batch', filesDir, '--out', out, '--quiet', '--summary-json', summary], { ...noStore, ...trace })
      const code = await run.exited
      const wallS = (performance.now() - started) / 1000
      if (code !== 0) throw new Error(`batch on ${files} files exited ${code}: ${run.stderr()}`)
      const r = figures(summaryOf(summary), wallS, run, files, availableParallelism())
      log(`  round ${round + 1}, ${files} files, default threads: ${r.itemsPerSecond} items/s (${r.wallItemsPerSecond} wall), CPU ${r.cpuMsPerItem} ms/item (main thread ${r.mainThreadCpuMsPerItem}), peak RSS ${r.peakRssMiB} MiB`)
      if (trace.FACTSIFT_BATCH_TRACE) for (const line of phaseLines(run)) log(line)
      rmSync(out, { force: true })
      rmSync(summary, { force: true })
      return r
    }
    // This VM's speed drifts by tens of percent over minutes, and a ratio of two runs made one after the other takes the
    // drift in whole. Rounds alternate the order (1, 2 | 2, 1 | …), so a steady drift cancels out of the pooled figures.
    const runs: Record<number, RunFigures[]> = Object.fromEntries(threadCounts.map((t) => [t, []]))
    const fileRuns: RunFigures[] = []
    for (let round = 0; round < rounds; round++) {
      if (files > 0 && round % 2 === 1) fileRuns.push(await runFiles(round))
      for (const threads of round % 2 === 0 ? threadCounts : [...threadCounts].reverse()) {
        const out = join(dir, `out-${threads}.jsonl`)
        const summary = join(dir, `summary-${threads}.json`)
        const started = performance.now()
        const run = startCli(['batch', input, '--out', out, '--threads', String(threads), '--quiet', '--summary-json', summary], { ...noStore, ...trace })
        const code = await run.exited
        const wallS = (performance.now() - started) / 1000
        if (code !== 0) throw new Error(`batch --threads ${threads} exited ${code}: ${run.stderr()}`)
        const r = figures(summaryOf(summary), wallS, run, items, threads)
        runs[threads]!.push(r)
        log(`  round ${round + 1}, ${threads} thread${threads > 1 ? 's' : ''}: ${r.itemsPerSecond} items/s (${r.wallItemsPerSecond} wall), CPU ${r.cpuMsPerItem} ms/item (main thread ${r.mainThreadCpuMsPerItem}), peak RSS ${r.peakRssMiB} MiB`)
        if (trace.FACTSIFT_BATCH_TRACE) for (const line of phaseLines(run)) log(line)
        rmSync(out, { force: true })
        rmSync(summary, { force: true })
      }
      if (files > 0 && round % 2 === 0) fileRuns.push(await runFiles(round))
    }
    const local: Record<number, RunFigures> = Object.fromEntries(threadCounts.map((t) => [t, pooled(runs[t]!)]))
    const roundRatios = runs[1] && runs[2] ? runs[2].map((two, i) => round(two.itemsPerSecond / runs[1]![i]!.itemsPerSecond)) : []

    const ceiling = hasFlag('no-ceiling') ? null : await measureCeiling(numberOption('ceiling-items', 2000), words)
    if (ceiling) log(`  ceiling, bare analysis threads after warm-up: ${ceiling.oneThread} → ${ceiling.twoThreads} items/s (×${ceiling.ratio})`)

    let queue: (RunFigures & { workerPeakRssMiB: number[]; workerCpuMsPerItem: number; workerMainThreadCpuMsPerItem: number; ratioToThreads: number | null }) | { skipped: string } | null = null
    if (withQueue) queue = await benchQueue(input, dir, items, local[2] ?? null, log)

    const one = local[1]
    const two = local[2]
    const largest = local[Math.max(...threadCounts)]!
    const filesFigures = fileRuns.length > 0 ? pooled(fileRuns) : null
    const result = {
      items,
      words,
      cores: availableParallelism(),
      loadAverageAtStart: Number(loadavg()[0]!.toFixed(2)),
      rounds,
      threads: local,
      scaling2vs1: one && two ? round(two.itemsPerSecond / one.itemsPerSecond) : null,
      scalingByRound: roundRatios,
      scalingTarget: 1.7,
      ceiling,
      peakRssMiB: Math.max(...Object.values(local).map((r) => r.peakRssMiB)),
      peakRssTargetMiB: 1024,
      queue,
      files: filesFigures && {
        count: files,
        ...filesFigures,
        ratioToItems: round(filesFigures.itemsPerSecond / largest.itemsPerSecond),
        wallRatioToItems: round(filesFigures.wallItemsPerSecond / largest.wallItemsPerSecond),
        target: 0.8,
      },
    }
    if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    else printTable(result)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function benchQueue(
  input: string,
  dir: string,
  items: number,
  twoThreads: RunFigures | null,
  log: (line: string) => void,
): Promise<(RunFigures & { workerPeakRssMiB: number[]; workerCpuMsPerItem: number; workerMainThreadCpuMsPerItem: number; ratioToThreads: number | null }) | { skipped: string }> {
  const { serviceSkip, TEST_POSTGRES_URL, TEST_REDIS_URL } = await import('../src/test-support/services.js')
  const skip = (await serviceSkip('postgres').catch((e: Error) => e.message)) || (await serviceSkip('redis').catch((e: Error) => e.message))
  if (skip) {
    log(`  queue: ${skip}`)
    return { skipped: skip }
  }
  const run = randomBytes(4).toString('hex')
  const schema = `factsift_bench_${run}`
  const prefix = `factsift-bench-${run}`
  const db = new URL(TEST_POSTGRES_URL)
  db.searchParams.set('schema', schema)
  const queue = new URL(TEST_REDIS_URL)
  queue.searchParams.set('queue', 'bench')
  queue.searchParams.set('prefix', prefix)
  const workers: Sampled[] = []
  try {
    const { openPostgresStore } = await import('../src/store/postgres/postgres-store.js')
    await (await openPostgresStore(db.toString())).close()
    for (let i = 0; i < 2; i++) workers.push(startCli(['worker', '--queue', queue.toString(), '--db', db.toString()]))
    const deadline = Date.now() + 120_000
    while (!workers.every((w) => /processing queue/.test(w.stderr()))) {
      if (Date.now() > deadline || workers.some((w) => w.child.exitCode !== null)) throw new Error(`workers did not start: ${workers.map((w) => w.stderr()).join('\n')}`)
      await sleep(100)
    }
    const summary = join(dir, 'summary-queue.json')
    const started = performance.now()
    const batch = startCli(['batch', input, '--out', join(dir, 'out-queue.jsonl'), '--queue', queue.toString(), '--db', db.toString(), '--wait', '--quiet', '--summary-json', summary])
    const code = await batch.exited
    const wallS = (performance.now() - started) / 1000
    if (code !== 0) throw new Error(`batch --queue exited ${code}: ${batch.stderr()}`)
    const result = figures(summaryOf(summary), wallS, batch, items)
    const workerCpuMsPerItem = round(workers.reduce((sum, w) => sum + w.cpu().totalS, 0) * 1000 / items)
    const workerMainThreadCpuMsPerItem = round(workers.reduce((sum, w) => sum + w.cpu().mainS, 0) * 1000 / items)
    const workerPeaks = workers.map((w) => w.peakMiB())
    log(`  queue, 2 worker processes: ${result.itemsPerSecond} items/s (${result.wallItemsPerSecond} wall), peak RSS batch ${result.peakRssMiB} MiB, workers ${workerPeaks.join(' and ')} MiB`)
    return { ...result, workerPeakRssMiB: workerPeaks, workerCpuMsPerItem, workerMainThreadCpuMsPerItem, ratioToThreads: twoThreads ? round(result.itemsPerSecond / twoThreads.itemsPerSecond) : null }
  } finally {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGTERM')
    await Promise.all(workers.map((w) => w.exited))
    await cleanUpQueue(TEST_REDIS_URL, prefix).catch((e: Error) => log(`  queue clean-up failed: ${e.message}`))
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
    await client.connect()
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end())
  }
}

async function cleanUpQueue(redisUrl: string, prefix: string): Promise<void> {
  const [{ Queue }, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')])
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
  try {
    const queue = new Queue('bench', { connection, prefix })
    await queue.obliterate({ force: true })
    await queue.close()
    const keys = await connection.keys(`${prefix}:*`)
    if (keys.length > 0) await connection.del(...keys)
  } finally {
    connection.disconnect()
  }
}

function figures(s: { itemsPerSecond: number; elapsedMs: number; analyzed: number; errors: number }, wallS: number, run: Sampled, items: number, threads = 0): RunFigures {
  const cpu = run.cpu()
  const analysisS = cpu.otherThreadsS.slice(0, threads).reduce((a, b) => a + b, 0)
  return {
    itemsPerSecond: s.itemsPerSecond,
    wallItemsPerSecond: round(items / wallS),
    elapsedS: round(s.elapsedMs / 1000),
    wallS: round(wallS),
    peakRssMiB: run.peakMiB(),
    cpuMsPerItem: round((cpu.totalS * 1000) / items),
    mainThreadCpuMsPerItem: round((cpu.mainS * 1000) / items),
    coresBusy: round(cpu.totalS / wallS),
    analysisThreadsBusy: threads > 0 ? round(analysisS / (threads * wallS)) : 0,
    mainThreadCores: round(cpu.mainS / wallS),
    helperThreadsCores: round((cpu.totalS - cpu.mainS - analysisS) / wallS),
    machineCoresBusy: round(run.machineS() / wallS),
    analyzed: s.analyzed,
    errors: s.errors,
  }
}

function printTable(result: Record<string, unknown> & { threads: Record<number, RunFigures> }): void {
  const lines = [`bench:batch — ${result.items} articles × ~${result.words} words, ${result.cores} cores, load average ${result.loadAverageAtStart}`]
  const rounds = result.rounds as number
  for (const [threads, r] of Object.entries(result.threads)) {
    lines.push(`  ${threads} thread(s)${rounds > 1 ? `, ${rounds} runs pooled` : ''}: ${r.itemsPerSecond} items/s in the batch (${r.wallItemsPerSecond} wall, start-up included), CPU ${r.cpuMsPerItem} ms/item (main thread ${r.mainThreadCpuMsPerItem}), peak RSS ${r.peakRssMiB} MiB`)
  }
  const byRound = result.scalingByRound as number[]
  lines.push(`  scaling 2 vs 1 thread: ${result.scaling2vs1}× (target ≥ ${result.scalingTarget}×)${byRound.length > 1 ? `; round by round ${byRound.map((r) => `${r}×`).join(', ')}` : ''}`)
  const one = result.threads[1]
  const two = result.threads[2]
  if (one && two) {
    // Where a shortfall comes from: idle cores (the pool's fault) or dearer items (cores sharing caches and memory).
    lines.push(`    cores busy: ${one.coresBusy} with 1 thread (GC helpers and the main thread use the other core), ${two.coresBusy} with 2 (whole machine, kernel included: ${one.machineCoresBusy} and ${two.machineCoresBusy}); CPU per item ${one.cpuMsPerItem} → ${two.cpuMsPerItem} ms (×${round(two.cpuMsPerItem / one.cpuMsPerItem)})`)
    lines.push(`    analysis threads on the CPU ${Math.round(one.analysisThreadsBusy * 100)}% of the run with 1 thread, ${Math.round(two.analysisThreadsBusy * 100)}% with 2; beside them the main thread used ${one.mainThreadCores} / ${two.mainThreadCores} cores and V8's helper threads (JIT compiler, concurrent GC) ${one.helperThreadsCores} / ${two.helperThreadsCores}`)
  }
  const ceiling = result.ceiling as { oneThread: number; twoThreads: number; ratio: number } | null
  if (ceiling && result.scaling2vs1) {
    lines.push(`    this machine's ceiling: the bare analysis in 1 and 2 threads, JIT warmed up before timing, no input, output or messages, runs ${ceiling.oneThread} → ${ceiling.twoThreads} items/s, ×${ceiling.ratio}; the batch reaches ${Math.round((Number(result.scaling2vs1) / ceiling.ratio) * 100)}% of it`)
  }
  const files = result.files as (RunFigures & { count: number; ratioToItems: number; wallRatioToItems: number; target: number }) | null
  if (files) {
    const largest = Math.max(...Object.keys(result.threads).map(Number))
    lines.push(`  ${files.count} files, default threads: ${files.itemsPerSecond} items/s in the batch (${files.wallItemsPerSecond} wall), CPU ${files.cpuMsPerItem} ms/item; ` +
      `${Math.round(files.ratioToItems * 100)}% of the ${result.items}-item rate with ${largest} thread(s) (${Math.round(files.wallRatioToItems * 100)}% start to exit; target ≥ ${Math.round(files.target * 100)}%)`)
    // CPU per item does not move with the machine's load as wall rates do: the start's share of a small batch, measured.
    lines.push(`    CPU per item: ${files.cpuMsPerItem} ms for the files against ${result.threads[largest]!.cpuMsPerItem} ms for the ${result.items} items (×${round(files.cpuMsPerItem / result.threads[largest]!.cpuMsPerItem)}: thread start, models and JIT warm-up spread over fewer items)`)
  }
  lines.push(`  peak RSS: ${result.peakRssMiB} MiB (target ≤ ${result.peakRssTargetMiB} MiB)`)
  const queue = result.queue as Record<string, unknown> | null
  if (queue && 'skipped' in queue) lines.push(`  queue: ${queue.skipped}`)
  else if (queue) {
    lines.push(`  queue, 2 worker processes: ${queue.itemsPerSecond} items/s (${queue.wallItemsPerSecond} wall), ${queue.ratioToThreads}× the 2-thread rate`)
    lines.push(`    CPU ms/item: workers ${queue.workerCpuMsPerItem} (main threads ${queue.workerMainThreadCpuMsPerItem}), batch process ${queue.cpuMsPerItem}; peak RSS: batch ${queue.peakRssMiB} MiB, workers ${(queue.workerPeakRssMiB as number[]).join(' and ')} MiB`)
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}

/** Several runs of one setting as one: items/s over their summed time, the peak of their peaks, means of the rest. */
function pooled(runs: RunFigures[]): RunFigures {
  const mean = (pick: (r: RunFigures) => number) => round(runs.reduce((sum, r) => sum + pick(r), 0) / runs.length)
  const items = runs.reduce((sum, r) => sum + r.analyzed + r.errors, 0)
  return {
    itemsPerSecond: round(items / runs.reduce((sum, r) => sum + r.elapsedS, 0)),
    wallItemsPerSecond: round(items / runs.reduce((sum, r) => sum + r.wallS, 0)),
    elapsedS: mean((r) => r.elapsedS),
    wallS: mean((r) => r.wallS),
    peakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB)),
    cpuMsPerItem: mean((r) => r.cpuMsPerItem),
    mainThreadCpuMsPerItem: mean((r) => r.mainThreadCpuMsPerItem),
    coresBusy: mean((r) => r.coresBusy),
    analysisThreadsBusy: mean((r) => r.analysisThreadsBusy),
    mainThreadCores: mean((r) => r.mainThreadCores),
    helperThreadsCores: mean((r) => r.helperThreadsCores),
    machineCoresBusy: mean((r) => r.machineCoresBusy),
    analyzed: runs.reduce((sum, r) => sum + r.analyzed, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
