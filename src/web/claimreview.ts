// ClaimReview JSON-LD (schema.org) for the claims a reviewer has rated on the page; importable by `factsift factchecks import`.
import type { Report } from '../report/types.js'

/** The verdicts a reviewer can give, on schema.org's 1 (worst) … 5 (best) scale. */
export const VERDICTS = [
  { label: 'False', value: 1 },
  { label: 'Mostly false', value: 2 },
  { label: 'Mixed', value: 3 },
  { label: 'Mostly true', value: 4 },
  { label: 'True', value: 5 },
] as const

export type Verdict = (typeof VERDICTS)[number]['label']

export interface ReviewOptions {
  /** Claim id → verdict; unrated claims are left out. */
  verdicts: Record<string, Verdict>
  /** Who reviewed (an organization or a person). */
  reviewer: string
  /** The review's date, YYYY-MM-DD. */
  date: string
  /** Where the review will be published, if known. */
  reviewUrl?: string
}

/** One ClaimReview object per rated claim, as a JSON-LD array. */
export function buildClaimReviews(report: Report, options: ReviewOptions): Record<string, unknown>[] {
  const doc = report.document
  const appearance = doc.url ? [{ '@type': 'CreativeWork', url: doc.url, ...(doc.title ? { headline: doc.title } : {}) }] : undefined
  return report.claims
    .filter((claim) => options.verdicts[claim.id] !== undefined)
    .map((claim) => {
      const verdict = VERDICTS.find((v) => v.label === options.verdicts[claim.id])!
      const claimant = claim.attribution.source
      return {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: claim.text,
        datePublished: options.date,
        ...(options.reviewUrl ? { url: options.reviewUrl } : {}),
        author: { '@type': 'Organization', name: options.reviewer || 'Anonymous reviewer' },
        itemReviewed: {
          '@type': 'Claim',
          ...(claimant ? { author: { '@type': claimant.includes(' ') ? 'Person' : 'Organization', name: claimant } } : {}),
          ...(appearance ? { appearance } : {}),
          ...(doc.publishedAt ? { datePublished: doc.publishedAt } : {}),
        },
        reviewRating: {
          '@type': 'Rating',
          ratingValue: verdict.value,
          bestRating: 5,
          worstRating: 1,
          alternateName: verdict.label,
        },
      }
    })
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
