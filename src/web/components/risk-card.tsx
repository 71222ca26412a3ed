// The risk score, its label and the plain-words reasons behind it.
import type { Risk } from '../../report/types.js'
import { percent } from '../highlights.js'
import { REASON_WEIGHT_LEGEND, reasonWeightText } from '../../render/wording.js'

export function RiskCard({ risk }: { risk: Risk }) {
  // Cautions (weight 0, e.g. a text too short to judge) first, then the findings, strongest push first.
  const reasons = [...risk.reasons].sort((a, b) => Number(b.weight === 0) - Number(a.weight === 0) || b.weight - a.weight)
  return (
    <section class="card risk" aria-labelledby="risk-heading">
      <h2 id="risk-heading">Risk</h2>
      <div class={`risk-score risk-${risk.label}`} data-testid="risk-score">
        <span class="risk-number">{percent(risk.score)}</span>
        <span class="risk-label">{risk.label}</span>
      </div>
      <div
        class="risk-bar"
        role="meter"
        aria-label="Risk score"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(risk.score * 100)}
      >
        <div class={`risk-fill risk-${risk.label}`} ref={(el) => {
            if (el) el.style.width = percent(risk.score)
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
