// Quotes with their speakers, and the sources the article cites: compact lists for the side panel.
import type { OutletRatingResult, Report } from '../../report/types.js'
import { ratingBadge } from '../../render/wording.js'
import { LAYERS, reportMarks, type Layer } from '../highlights.js'

export function QuoteList({ report, onShowQuote }: { report: Report; onShowQuote(index: number): void }) {
  if (report.quotes.length === 0) return null
  return (
    <section class="card" aria-labelledby="quotes-heading">
      <h2 id="quotes-heading">Quotes ({report.quotes.length})</h2>
      <ul class="quote-list">
        {report.quotes.map((quote, index) => (
          <li key={index}>
            <button type="button" class="link-button quote-speaker" onClick={() => onShowQuote(index)}>
              {quote.speaker ?? 'Unknown speaker'}
            </button>
            {quote.verb && <span class="muted"> {quote.verb}</span>}
            <span class="quote-text">{clip(quote.text, 160)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** An outlet's rating with the list and citation it comes from; "unrated" said outright. */
export function RatingBadge({ rating }: { rating: OutletRatingResult }) {
  const b = ratingBadge(rating)
  const title = b.provenance ? `${'domain' in rating ? `${rating.domain}: ` : ''}rated by ${b.provenance}` : 'No ratings list rates this outlet'
  return (
    <span class={`rating band-${b.band}`} title={title} data-testid="rating-badge">
      {b.text}
      {b.provenance && <span class="rating-from"> · {b.provenance}</span>}
    </span>
  )
}

export function SourceList({ report }: { report: Report }) {
  const publisher = report.document.publisher
  if (report.sources.length === 0 && !publisher) return null
  return (
    <section class="card" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources cited</h2>
      {publisher && (
        <p class="publisher" data-testid="publisher">
          Published by <strong>{publisher.name ?? publisher.domain}</strong>
          {publisher.domain && publisher.domain !== publisher.name && <span class="muted"> ({publisher.domain})</span>} <RatingBadge rating={publisher.rating} />
        </p>
      )}
      <ul class="source-list">
        {report.sources.map((source, index) => (
          <li key={index}>
            <span>{source.name}</span> <span class={`kind kind-${source.kind}`}>{source.kind}</span>
            {source.mentions > 1 && <span class="muted"> ×{source.mentions}</span>}
            {source.rating && <> <RatingBadge rating={source.rating} /></>}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Input warnings (report.warnings: an unreadable date, a truncated text…), shown near the top of the panel. */
export function Warnings({ report }: { report: Report }) {
  const warnings = report.warnings ?? []
  if (warnings.length === 0) return null
  return (
    <section class="card notice warnings" aria-labelledby="warnings-heading" data-testid="warnings">
      <h2 id="warnings-heading">Warnings ({warnings.length})</h2>
      <ul>
        {warnings.map((warning, index) => (
          <li key={index}>
            <code>{warning.code}</code> {warning.message}
          </li>
        ))}
      </ul>
    </section>
  )
}

export function AnalyzerErrors({ report }: { report: Report }) {
  if (report.errors.length === 0) return null
  return (
    <section class="card notice" aria-labelledby="errors-heading">
      <h2 id="errors-heading">Incomplete analysis</h2>
      <ul>
        {report.errors.map((error, index) => (
          <li key={index}>
            {error.analyzer}: {error.message}
          </li>
        ))}
      </ul>
    </section>
  )
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** Sourcing and style signals grouped by kind, each with a button that takes the reader to it in the text. */
export function SignalList({ report, onShowSignal }: { report: Report; onShowSignal(index: number): void }) {
  const marks = reportMarks(report).filter((mark) => mark.layer !== 'claim' && mark.layer !== 'quote')
  const titleSignals = report.signals.filter((signal) => signal.scope === 'title')
  if (marks.length === 0 && titleSignals.length === 0) return null
  const groups = LAYERS.map((layer) => ({ layer, items: marks.filter((mark) => mark.layer === layer.id) })).filter((g) => g.items.length > 0)
  return (
    <section class="card" aria-labelledby="signals-heading">
      <h2 id="signals-heading">Sourcing and style</h2>
      {titleSignals.length > 0 && (
        <ul class="signal-list">
          {titleSignals.map((signal, index) => (
            <li key={`t${index}`}>
              <span class="signal-where">Title:</span> {signal.message}
            </li>
          ))}
        </ul>
      )}
      {groups.map(({ layer, items }) => (
        <details key={layer.id} class="signal-group" open={layer.id === 'vague' || items.length <= 3}>
          <summary>
            <span class={`swatch m-${layer.id as Layer}`} aria-hidden="true" /> {layer.label} ({items.length})
          </summary>
          <ul class="signal-list">
            {items.map((mark) => (
              <li key={mark.index}>
                <button type="button" class="link-button" onClick={() => onShowSignal(mark.index)}>
                  “{clip(report.document.text.slice(mark.start, mark.end), 60)}”
                </button>{' '}
                <span class="muted">{mark.note}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  )
}
