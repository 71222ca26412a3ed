// The stylesheet of the standalone HTML report, kept apart from the markup. Signal marks take their rules from the
// highlight table (report-highlights.ts), so a newly declared signal in an existing layer is styled without a change here.
import { signalMarkCss } from './report-highlights.js'

export const HTML_REPORT_CSS = `
:root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d232a; background: #f7f7f5; }
body { margin: 0; }
.top { padding: 1rem 2rem; background: #fff; border-bottom: 1px solid #ddd; }
.top h1 { margin: 0 0 .3rem; font-size: 1.4rem; }
.meta { margin: 0; color: #555; font-size: .9rem; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); gap: 1.5rem; padding: 1.5rem 2rem; }
@media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } }
.article { background: #fff; padding: 1.5rem; border-radius: 6px; line-height: 1.65; white-space: pre-wrap; font-size: 1.02rem; }
.panel section { background: #fff; padding: .8rem 1rem; border-radius: 6px; margin-bottom: 1rem; }
.panel h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
.mark { position: relative; background: transparent; color: inherit; border-radius: 2px; }
.mark:focus { outline: 2px solid #1a56db; }
.mark .note { display: none; position: absolute; left: 0; top: 100%; z-index: 2; width: max-content; max-width: 24rem;
  background: #1d232a; color: #fff; padding: .3rem .5rem; border-radius: 4px; font-size: .8rem; white-space: normal; }
.mark:hover > .note, .mark:focus > .note { display: block; }
.mark.claim { background: rgba(255, 196, 0, calc(0.12 + var(--level, 0.3) * 0.5)); }
.mark.quote { border-bottom: 2px solid #2563eb; }
${signalMarkCss()}
.legend .mark { padding: 0 .2rem; }
.risk h2 .score { font-weight: normal; color: #555; }
.risk-high { border-left: 6px solid #dc2626; }
.risk-medium { border-left: 6px solid #f59e0b; }
.risk-low { border-left: 6px solid #16a34a; }
.risk-not-assessed { border-left: 6px solid #6b7280; }
.reasons .weight { display: inline-block; min-width: 3rem; color: #555; font-variant-numeric: tabular-nums; }
.claims li { margin-bottom: .6rem; }
.claims p { margin: 0; }
.cw { display: inline-block; min-width: 2.8rem; font-weight: 600; }
.attribution { font-size: .85rem; color: #555; }
.attribution-vague { color: #c2410c; }
.kind, .generator { color: #666; font-size: .85rem; }
.weights-note, .legend-weights { color: #555; font-size: .8rem; }
.warnings { border-left: 6px solid #f59e0b; padding-left: .6rem; }
.warnings code { font-weight: 600; }
.rating { display: inline-block; border-radius: 3px; padding: 0 .3em; font-size: .8rem; border: 1px solid #bbb; }
.rating.band-low { background: #fde2e1; border-color: #d9534f; }
.rating.band-mixed { background: #fff3cd; border-color: #c9a227; }
.rating.band-high { background: #dff0d8; border-color: #3c763d; }
.rating.band-unrated { background: #f2f2f2; color: #555; }
.rating-from { color: #555; font-size: .75rem; }
.stance-disagree strong { color: #dc2626; }
.stance-agree strong { color: #16a34a; }
`
