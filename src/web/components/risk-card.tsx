// The risk score, its label and the plain-words reasons behind it; "Not assessed" with the reason when the models do
// not apply to the document (another language, too little prose, not prose).
import { isAssessed, type Assessment, type Risk } from '../../report/types.js'
import { percent } from '../highlights.js'
import { REASON_WEIGHT_LEGEND, reasonWeightText } from '../../render/wording.js'

export function RiskCard({ risk, assessment }: { risk: Risk; assessment?: Assessment }) {
  if (!isAssessed({ risk, assessment })) return <NotAssessedCard assessment={assessment} />
  const score = risk.score ?? 0
  // Cautions (weight 0, e.g. a text too short to judge) first, then the findings, strongest push first.
  const reasons = [...risk.reasons].sort((a, b) => Number(b.weight === 0) - Number(a.weight === 0) || b.weight - a.weight)
  return (
    <section class="card risk" aria-labelledby="risk-heading">
      <h2 id="risk-heading">Risk</h2>
      <div class={`risk-score risk-${risk.label}`} data-testid="risk-score">
        <span class="risk-number">{percent(score)}</span>
        <span class="risk-label">{risk.label}</span>
      </div>
      <div
        class="risk-bar"
        role="meter"
        aria-label="Risk score"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(score * 100)}
      >
        <div class={`risk-fill risk-${risk.label}`} ref={(el) => {
            if (el) el.style.width = percent(score)
          }} />
      </div>
      {reasons.length > 0 ? (
        <ul class="reasons" aria-label="Reasons">
          {reasons.map((reason) => (
            <li key={reason.signal}>
              <span class="reason-message">{reason.message}</span>
              <span class="reason-weight" title={reason.weight === 0 ? 'A caution, not a contribution' : 'Contribution to the score, in log-odds'}>
                {reasonWeightText(reason.weight)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No risk signals found.</p>
      )}
      {reasons.length > 0 && <p class="muted reason-legend" data-testid="weight-legend">{REASON_WEIGHT_LEGEND}</p>}
    </section>
  )
}

function NotAssessedCard({ assessment }: { assessment?: Assessment }) {
  const reasons = assessment?.reasons ?? []
  const skipped = assessment?.skipped ?? []
  return (
    <section class="card risk" aria-labelledby="risk-heading">
      <h2 id="risk-heading">Risk</h2>
      <div class="risk-score risk-not-assessed" data-testid="risk-score">
        <span class="risk-number">—</span>
        <span class="risk-label">Not assessed</span>
      </div>
      <p class="muted">No score: the risk model does not apply to this document.</p>
      {reasons.length > 0 && (
        <ul class="reasons" aria-label="Why not assessed" data-testid="not-assessed-reasons">
          {reasons.map((reason) => (
            <li key={reason.code}>
              <span class="reason-message">{reason.message}</span>
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <details class="skipped-analyzers">
          <summary>Analyzers not run ({skipped.length})</summary>
          <ul>
            {skipped.map((s) => (
              <li key={s.analyzer}>
                <strong>{s.analyzer}</strong>: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
