// One ranked claim: check-worthiness, who it is attributed to, fact-check matches, related coverage, a reviewer verdict.
import type { Claim } from '../../report/types.js'
import { safeHref } from '../../render/escape-html.js'
import { percent, shade } from '../highlights.js'
import { VERDICTS, type Verdict } from '../claimreview.js'

interface Props {
  claim: Claim
  rank: number
  index: number
  selected: boolean
  verdict: Verdict | undefined
  onVerdict(verdict: Verdict | undefined): void
  onShow(index: number): void
}

const ATTRIBUTION: Record<string, string> = {
  named: 'Named source',
  vague: 'Vague source',
  quote: 'Quoted',
  none: 'No source given',
}

export function ClaimCard({ claim, rank, index, selected, verdict, onVerdict, onShow }: Props) {
  const selectId = `verdict-${claim.id}`
  return (
    <li class={selected ? 'claim-card selected' : 'claim-card'} id={`claim-card-${index}`} data-testid="claim-card">
      <div class="claim-head">
        <span class="claim-rank">#{rank}</span>
        <span class={`cw-chip ${shade(claim.checkworthiness)}`} title="Check-worthiness">
          {percent(claim.checkworthiness)} check-worthy
        </span>
        <span class={`attr-chip attr-${claim.attribution.type}`}>
          {ATTRIBUTION[claim.attribution.type] ?? claim.attribution.type}
          {claim.attribution.source ? `: ${claim.attribution.source}` : ''}
        </span>
        {claim.opinion && <span class="attr-chip">Opinion</span>}
      </div>
      <p class="claim-text">{claim.text}</p>
      <div class="claim-actions">
        <button type="button" class="link-button" onClick={() => onShow(index)}>
          Show in article
        </button>
        <label for={selectId} class="verdict-label">
          Your verdict
        </label>
        <select
          id={selectId}
          value={verdict ?? ''}
          onChange={(event) => onVerdict((event.currentTarget.value || undefined) as Verdict | undefined)}
        >
          <option value="">not rated</option>
          {VERDICTS.map((v) => (
            <option key={v.label} value={v.label}>
              {v.label}
            </option>
          ))}
        </select>
      </div>
      {claim.matches.length > 0 && (
        <div class="matches">
          <h4>Fact-checks of similar claims</h4>
          <ul>
            {claim.matches.map((match, i) => (
              <li key={i}>
                <span class={`rating rating-${match.ratingNormalized ?? 'unrated'}`}>{match.rating}</span>{' '}
                <ExternalLink url={match.url} text={match.claim} />
                <span class="muted">
                  {' '}
                  — {match.factChecker} · match {percent(match.score)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {claim.evidence.length > 0 && (
        <div class="evidence">
          <h4>Related coverage</h4>
          {claim.evidenceSummary && (
            <p class="muted">
              {claim.evidenceSummary.corroboratedBy} outlet(s) agree, {claim.evidenceSummary.contradictedBy} disagree,{' '}
              {claim.evidenceSummary.discussedBy} discuss
            </p>
          )}
          <ul>
            {claim.evidence.map((item, i) => (
              <li key={i}>
                <span class={`stance stance-${item.stance}`}>{item.stance}</span> <ExternalLink url={item.url} text={item.title} />
                <span class="muted"> — {item.outlet}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  )
}

/** A link only for http(s) URLs; other schemes (javascript:, data:) show as plain text. */
export function ExternalLink({ url, text }: { url: string | null | undefined; text: string }) {
  const href = safeHref(url)
  if (!href) return <span>{text}</span>
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {text}
    </a>
  )
}
