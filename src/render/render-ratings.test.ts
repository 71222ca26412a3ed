// Rating badges in the text and HTML reports: score, band, the list and citation each comes from; unrated said outright.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderHtml } from './render-html.js'
import { renderText } from './render-text.js'
import { ratingBadge, ratingBadgeText } from './wording.js'
import type { Report } from '../report/types.js'

const text = 'The bridge will close, officials told The Washington Post. Source: Valley <Ledger>'
const report: Report = {
  schemaVersion: 1,
  document: {
    title: 'Bridge', url: 'https://www.infowars.com/a', outlet: null, publishedAt: null, language: 'en', wordCount: 12, text,
    publisher: { name: 'Infowars', domain: 'infowars.com', via: 'url', rating: { score: 0.05, band: 'low', list: 'lin2023', citation: 'Lin et al. 2023', domain: 'infowars.com' } },
  },
  risk: { score: 0.66, label: 'medium', reasons: [{ signal: 'publisher-rating', weight: 0.66, message: 'Published by infowars.com, rated 0.05 of 1 (Lin et al. 2023)' }] },
  claims: [],
  quotes: [],
  sources: [
    { name: 'The Washington Post', kind: 'outlet', mentions: 1, domain: 'washingtonpost.com', rating: { score: 0.82, band: 'high', list: 'lin2023', citation: 'Lin et al. 2023', domain: 'washingtonpost.com' } },
    { name: 'Valley <Ledger>', kind: 'outlet', mentions: 1, domain: null, rating: { unrated: true } },
    { name: 'Satire Daily', kind: 'outlet', mentions: 1, domain: 'satire.example', rating: { score: 0.2, band: 'low', list: 'newsroom', citation: 'user list "newsroom"', domain: 'satire.example', label: 'satire' } },
    { name: 'Ana Ruiz', kind: 'person', mentions: 1 },
  ],
  entities: [],
  signals: [],
  errors: [],
  timings: { totalMs: 1 },
}

test('badge wording: score, band, label; provenance is list + citation, or the user list citation that names it', () => {
  assert.deepEqual(ratingBadge(report.sources[0]!.rating!), { text: '0.82 of 1, high', provenance: 'lin2023: Lin et al. 2023', band: 'high' })
  assert.deepEqual(ratingBadge({ unrated: true }), { text: 'unrated', provenance: null, band: 'unrated' })
  assert.equal(ratingBadgeText(report.sources[2]!.rating!), '0.2 of 1, low (satire) [user list "newsroom"]')
})

test('text report: a publisher line and a badge on each rated or unrated outlet, none on people', () => {
  const out = renderText(report)
  assert.match(out, /^Publisher: Infowars \(infowars\.com\) — 0\.05 of 1, low \[lin2023: Lin et al\. 2023\]$/m)
  assert.match(out, /The Washington Post \(outlet; 0\.82 of 1, high \[lin2023: Lin et al\. 2023\]\)/)
  assert.match(out, /Valley <Ledger> \(outlet; unrated\)/)
  assert.match(out, /Ana Ruiz \(person\)(;|$)/m)
})

test('HTML report: badges with band classes and provenance, escaped; the publisher in the header', () => {
  const html = renderHtml(report)
  assert.match(html, /published by Infowars \(infowars\.com\) <span class="rating band-low" title="infowars\.com: rated by lin2023: Lin et al\. 2023">0\.05 of 1, low <span class="rating-from">lin2023: Lin et al\. 2023<\/span><\/span>/)
  assert.match(html, /<span class="rating band-high"[^>]*>0\.82 of 1, high/)
  assert.match(html, /Valley &lt;Ledger&gt; <span class="kind">outlet, 1×<\/span> <span class="rating band-unrated">unrated<\/span>/)
  assert.match(html, /title="satire\.example: rated by user list &quot;newsroom&quot;"/)
  assert.ok(!html.includes('<Ledger>'))
  assert.match(html, /\.rating\.band-low \{/)
})
