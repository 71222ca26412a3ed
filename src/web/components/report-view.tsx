// A report on screen: the marked article on the left, risk, downloads, ranked claims, quotes and sources on the right.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Report } from '../../report/types.js'
import { safeHref } from '../../render/escape-html.js'
import { LAYERS, layerCounts, layerOfSignal as reportLayerOf, type Layer } from '../highlights.js'
import type { Verdict } from '../claimreview.js'
import { ArticleView } from './article-view.js'
import { RiskCard } from './risk-card.js'
import { ClaimCard } from './claim-card.js'
import { Downloads } from './downloads.js'
import { Legend } from './legend.js'
import { AnalyzerErrors, QuoteList, SignalList, SourceList, Warnings } from './findings-lists.js'

const REVIEWER_STORAGE = 'factsift.reviewer'
const FIRST_CLAIMS = 10

export function ReportView({ report, stored }: { report: Report; stored: boolean }) {
  const [visible, setVisible] = useState<ReadonlySet<Layer>>(() => new Set(LAYERS.map((layer) => layer.id)))
  const [activeQuote, setActiveQuote] = useState<number | null>(null)
  const [selectedClaim, setSelectedClaim] = useState<number | null>(null)
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>({})
  const [reviewer, setReviewer] = useState(() => readStorage(REVIEWER_STORAGE))
  const [allClaims, setAllClaims] = useState(false)
  const articleRef = useRef<HTMLElement>(null)
  const counts = useMemo(() => layerCounts(report), [report])

  useEffect(() => {
    document.title = `${report.document.title ?? 'Untitled article'} — Factsift`
    return () => {
      document.title = 'Factsift — what to check in a news article'
    }
  }, [report])

  useEffect(() => {
    setVerdicts({})
    setSelectedClaim(null)
    setActiveQuote(null)
  }, [report])

  const toggle = (layer: Layer) => {
    const next = new Set(visible)
    if (next.has(layer)) next.delete(layer)
    else next.add(layer)
    setVisible(next)
  }
  const showClaimInArticle = (index: number) => {
    setSelectedClaim(index)
    if (!visible.has('claim')) toggle('claim')
    requestAnimationFrame(() => {
      const anchor = articleRef.current?.querySelector<HTMLElement>(`[data-claim-anchor="${index}"]`)
      anchor?.scrollIntoView({ block: 'center', behavior: 'smooth' })
      anchor?.focus({ preventScroll: true })
    })
  }
  const selectClaimFromArticle = (index: number) => {
    setSelectedClaim(index)
    if (index >= FIRST_CLAIMS) setAllClaims(true)
    requestAnimationFrame(() => document.getElementById(`claim-card-${index}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }))
  }
  const showQuote = (index: number) => {
    const anchor = articleRef.current?.querySelector<HTMLElement>(`[aria-describedby="qtip-${index}"]`)
    anchor?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    anchor?.focus({ preventScroll: true })
  }
  const showSignal = (index: number) => {
    const signal = report.signals[index]
    const layer = signal ? reportLayerOf(signal.id) : undefined
    if (layer && !visible.has(layer)) toggle(layer)
    requestAnimationFrame(() => {
      const anchor = articleRef.current?.querySelector<HTMLElement>(`[data-signal-anchor~="${index}"]`)
      anchor?.scrollIntoView({ block: 'center', behavior: 'smooth' })
      anchor?.focus({ preventScroll: true })
    })
  }
  const doc = report.document
  const claims = allClaims ? report.claims : report.claims.slice(0, FIRST_CLAIMS)
  const link = safeHref(doc.url)

  return (
    <div class="report-layout">
      <article class="article card" ref={articleRef} aria-labelledby="article-title">
        <header class="article-head">
          <h1 id="article-title">{doc.title ?? 'Untitled article'}</h1>
          <p class="muted">
            {[doc.outlet, doc.byline ? `by ${doc.byline}` : null, doc.publishedAt, `${doc.wordCount} words`].filter(Boolean).join(' · ')}
            {link && (
              <>
                {' · '}
                <a href={link} target="_blank" rel="noopener noreferrer nofollow">
                  original
                </a>
              </>
            )}
          </p>
        </header>
        <Legend visible={visible} counts={counts} onToggle={toggle} />
        <p class="hint muted small">Hover or focus (Tab) a quote to see its speaker; click a claim to find it in the list.</p>
        <ArticleView
          report={report}
          visible={visible}
          activeQuote={activeQuote}
          onActiveQuote={setActiveQuote}
          selectedClaim={selectedClaim}
          onSelectClaim={selectClaimFromArticle}
        />
      </article>
      <aside class="panel" aria-label="Findings">
        <RiskCard risk={report.risk} assessment={report.assessment} />
        <Warnings report={report} />
        <Downloads
          report={report}
          stored={stored}
          verdicts={verdicts}
          reviewer={reviewer}
          onReviewer={(name) => {
            setReviewer(name)
            writeStorage(REVIEWER_STORAGE, name)
          }}
        />
        <section class="card" aria-labelledby="claims-heading">
          <h2 id="claims-heading">Claims to check ({report.claims.length})</h2>
          {report.claims.length === 0 && <p class="muted">No check-worthy claims found.</p>}
          <ol class="claim-list">
            {claims.map((claim, index) => (
              <ClaimCard
                key={claim.id}
                claim={claim}
                rank={index + 1}
                index={index}
                selected={selectedClaim === index}
                verdict={verdicts[claim.id]}
                onVerdict={(verdict) => {
                  const next = { ...verdicts }
                  if (verdict) next[claim.id] = verdict
                  else delete next[claim.id]
                  setVerdicts(next)
                }}
                onShow={showClaimInArticle}
              />
            ))}
          </ol>
          {!allClaims && report.claims.length > FIRST_CLAIMS && (
            <button type="button" class="link-button" onClick={() => setAllClaims(true)}>
              Show all {report.claims.length} claims
            </button>
          )}
        </section>
        <QuoteList report={report} onShowQuote={showQuote} />
        <SignalList report={report} onShowSignal={showSignal} />
        <SourceList report={report} />
        <AnalyzerErrors report={report} />
      </aside>
    </div>
  )
}

function readStorage(key: string): string {
  try {
    return localStorage.getItem(key) ?? ''
  } catch {
    return ''
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // storage disabled: the value lasts until reload
  }
}
