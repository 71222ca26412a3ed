// Splits the text into segments where the set of covering highlights is constant, so overlapping spans render cleanly.
export interface Highlight {
  start: number
  end: number
  /** CSS class of the mark, e.g. 'claim', 'quote', 'signal-misspelling'. */
  kind: string
  /** Plain-text note shown on hover and focus. */
  note: string
  /** Optional strength in [0, 1] (claims: check-worthiness). */
  level?: number
}

export interface Segment {
  start: number
  end: number
  highlights: Highlight[]
}

/** Segments covering [0, length) in order; each lists the highlights covering it (empty for plain text). */
export function segmentText(length: number, highlights: readonly Highlight[]): Segment[] {
  const valid = highlights.filter((h) => h.start < h.end && h.start >= 0 && h.end <= length)
  const cuts = new Set<number>([0, length])
  for (const h of valid) {
    cuts.add(h.start)
    cuts.add(h.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const byStart = [...valid].sort((a, b) => a.start - b.start)
  const active: Highlight[] = []
  const segments: Segment[] = []
  let next = 0
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    while (next < byStart.length && byStart[next]!.start <= start) active.push(byStart[next++]!)
    for (let k = active.length - 1; k >= 0; k--) if (active[k]!.end <= start) active.splice(k, 1)
    segments.push({ start, end, highlights: [...active] })
  }
  return segments
}
