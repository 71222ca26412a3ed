// Batch progress on stderr: a live line on a terminal (done/total, items/s, ETA, errors), plain periodic lines otherwise.
export interface ProgressState {
  done: number
  errors: number
  skipped: number
  total: number | null
}

export interface ProgressReporter {
  update(state: ProgressState): void
  finish(state: ProgressState): void
}

export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr, options: { quiet?: boolean } = {}): ProgressReporter {
  const started = Date.now()
  const interactive = stream.isTTY === true
  const interval = interactive ? 100 : 5000
  let last = 0
  const render = (state: ProgressState) => {
    const seconds = (Date.now() - started) / 1000
    const rate = state.done / Math.max(seconds, 0.001)
    const total = state.total !== null ? `/${state.total}` : ''
    const left = state.total !== null ? state.total - state.done - state.skipped : null
    const eta = left !== null && rate > 0 ? ` ETA ${formatDuration(left / rate)}` : ''
    const percent = state.total ? ` ${Math.floor(((state.done + state.skipped) / state.total) * 100)}%` : ''
    const skipped = state.skipped ? ` skipped ${state.skipped}` : ''
    return `batch ${state.done}${total}${percent} · ${rate.toFixed(1)} items/s${eta} · errors ${state.errors}${skipped}`
  }
  return {
    update(state) {
      if (options.quiet) return
      const now = Date.now()
      if (now - last < interval) return
      last = now
      if (interactive) stream.write(`\r\u001b[2K${render(state)}`)
      else stream.write(`${render(state)}\n`)
    },
    finish(state) {
      if (options.quiet) return
      stream.write(interactive ? `\r\u001b[2K${render(state)}\n` : `${render(state)}\n`)
    },
  }
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?'
  const s = Math.round(seconds)
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`
}
