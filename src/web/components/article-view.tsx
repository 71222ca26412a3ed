// The article with its findings marked; every piece of article text becomes a text node (Preact escapes it), never HTML.
import type { JSX } from 'preact'
import { useMemo } from 'preact/hooks'
import type { Quote, Report } from '../../report/types.js'
import { markedSegments, shade, type Layer, type Mark, type MarkedSegment } from '../highlights.js'

interface Props {
  report: Report
  visible: ReadonlySet<Layer>
  activeQuote: number | null
  onActiveQuote(index: number | null): void
  selectedClaim: number | null
  onSelectClaim(index: number): void
}

export function ArticleView({ report, visible, activeQuote, onActiveQuote, selectedClaim, onSelectClaim }: Props) {
  const segments = useMemo(() => markedSegments(report, visible), [report, visible])
  const text = report.document.text
  // The first segment of each quote carries its focus stop and speaker note; the first of each claim is a scroll target.
  const firstOf = useMemo(() => firstSegments(segments), [segments])

  const quoteAt = (target: EventTarget | null): number | null => {
    const element = target instanceof Element ? target.closest<HTMLElement>('[data-quote]') : null
    return element ? Number(element.dataset.quote) : null
  }
  const onClick = (event: JSX.TargetedMouseEvent<HTMLDivElement>) => {
    const element = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-claim]') : null
    if (element) onSelectClaim(Number(element.dataset.claim))
  }

  return (
    <div
      class="article-text"
      lang={report.document.language || 'en'}
      onMouseOver={(event) => {
        const index = quoteAt(event.target)
        if (index !== activeQuote) onActiveQuote(index)
      }}
      onMouseLeave={() => onActiveQuote(null)}
      onFocusIn={(event) => onActiveQuote(quoteAt(event.target))}
      onFocusOut={() => onActiveQuote(null)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onActiveQuote(null)
      }}
      onClick={onClick}
    >
      {segments.map((segment, position) => {
        const piece = text.slice(segment.start, segment.end)
        if (segment.highlights.length === 0) return piece
        return (
          <SegmentView
            key={segment.start}
            segment={segment}
            piece={piece}
            report={report}
            quoteAnchor={firstOf.quotes.get(position)}
            claimAnchor={firstOf.claims.get(position)}
            signalAnchors={firstOf.signals.get(position)}
            activeQuote={activeQuote}
            selectedClaim={selectedClaim}
          />
        )
      })}
    </div>
  )
}

interface SegmentProps {
  segment: MarkedSegment
  piece: string
  report: Report
  quoteAnchor: number | undefined
  claimAnchor: number | undefined
  signalAnchors: number[] | undefined
  activeQuote: number | null
  selectedClaim: number | null
}

function SegmentView({ segment, piece, report, quoteAnchor, claimAnchor, signalAnchors, activeQuote, selectedClaim }: SegmentProps) {
  const classes: string[] = ['mark']
  let quote: number | undefined
  let claim: number | undefined
  const notes: string[] = []
  const anchorTarget = claimAnchor !== undefined || signalAnchors !== undefined
  for (const mark of segment.highlights) {
    if (mark.layer === 'claim') {
      claim = mark.index
      classes.push('m-claim', shade(mark.level ?? 0))
      if (mark.index === selectedClaim) classes.push('selected')
    } else if (mark.layer === 'quote') {
      quote = mark.index
      classes.push('m-quote')
      if (mark.index === activeQuote) classes.push('active')
    } else {
      classes.push(`m-${mark.layer}`)
      notes.push(mark.note)
    }
  }
  const anchorQuote = quoteAnchor !== undefined ? report.quotes[quoteAnchor] : undefined
  return (
    <span
      class={classes.join(' ')}
      data-claim={claim}
      data-quote={quote}
      data-claim-anchor={claimAnchor}
      data-signal-anchor={signalAnchors?.join(' ')}
      title={notes.length > 0 ? notes.join(' · ') : undefined}
      tabIndex={anchorQuote ? 0 : anchorTarget ? -1 : undefined}
      aria-describedby={anchorQuote ? `qtip-${quoteAnchor}` : undefined}
    >
      {anchorQuote && <SpeakerNote id={`qtip-${quoteAnchor}`} quote={anchorQuote} text={report.document.text} open={activeQuote === quoteAnchor} />}
      {piece}
    </span>
  )
}

function SpeakerNote({ id, quote, text, open }: { id: string; quote: Quote; text: string; open: boolean }) {
  const asWritten = quote.speakerStart !== null && quote.speakerEnd !== null ? text.slice(quote.speakerStart, quote.speakerEnd) : null
  return (
    <span class={open ? 'speaker-note open' : 'speaker-note'} role="tooltip" id={id}>
      <span class="speaker-label">Speaker: </span>
      <strong class="speaker-name">{quote.speaker ?? 'unknown'}</strong>
      {asWritten && asWritten !== quote.speaker && <span class="speaker-as-written"> (as “{asWritten}”)</span>}
      {quote.verb && <span class="speaker-verb"> · {quote.verb}</span>}
      {quote.medium && !(quote.verb ?? '').includes(quote.medium) && <span class="speaker-verb"> · via {quote.medium}</span>}
    </span>
  )
}

interface Anchors {
  quotes: Map<number, number>
  claims: Map<number, number>
  /** Segment position → indexes into report.signals starting there. */
  signals: Map<number, number[]>
}

function firstSegments(segments: MarkedSegment[]): Anchors {
  const quotes = new Map<number, number>()
  const claims = new Map<number, number>()
  const signals = new Map<number, number[]>()
  const seenQuotes = new Set<number>()
  const seenClaims = new Set<number>()
  const seenSignals = new Set<number>()
  segments.forEach((segment, position) => {
    for (const mark of segment.highlights as Mark[]) {
      if (mark.layer === 'quote' && !seenQuotes.has(mark.index)) {
        seenQuotes.add(mark.index)
        quotes.set(position, mark.index)
      } else if (mark.layer === 'claim' && !seenClaims.has(mark.index)) {
        seenClaims.add(mark.index)
        claims.set(position, mark.index)
      } else if (mark.layer !== 'claim' && mark.layer !== 'quote' && !seenSignals.has(mark.index)) {
        seenSignals.add(mark.index)
        signals.set(position, [...(signals.get(position) ?? []), mark.index])
      }
    }
  })
  return { quotes, claims, signals }
}
