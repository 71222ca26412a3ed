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
  /** Where the review will be published, if known; `#claim-<id>` is added per claim. */
  reviewUrl?: string
  /** The stored report's page (absolute URL, "…#/report/<id>"), the review's url when no reviewUrl is given. */
  reportUrl?: string
}

/**
 * Who made the claim, as schema.org sees it: a named person or organization (its kind from report.sources, else from
 * the entities). An unnamed or vague source ("residents", "critics", "some people") is not an author: none is given.
 */
export function claimAuthor(report: Report, claim: Report['claims'][number]): Record<string, string> | undefined {
  const name = claim.attribution.source
  if (!name || claim.attribution.type !== 'named') return undefined
  const lower = name.toLowerCase()
  const source = report.sources.find((s) => s.name.toLowerCase() === lower)
  const entity = report.entities.find((e) => e.name.toLowerCase() === lower)
  const kind = source?.kind ?? (entity?.type === 'person' || entity?.type === 'organization' ? entity.type : undefined)
  if (kind === 'unnamed' || kind === undefined) return undefined
  const type = kind === 'person' ? 'Person' : kind === 'document' ? 'CreativeWork' : 'Organization'
  return { '@type': type, name }
}

/**
 * The review's url, one per claim: the published review with `#claim-<id>`, else the stored report's page route with
 * `/claim/<id>` ("…#/report/r1/claim/c2", which opens the report).
 */
function reviewUrlOf(options: ReviewOptions, claimId: string): string | undefined {
  const id = encodeURIComponent(claimId)
  const published = options.reviewUrl?.trim()
  if (published) return `${published.replace(/#.*$/, '')}#claim-${id}`
  return options.reportUrl ? `${options.reportUrl}/claim/${id}` : undefined
}

/** One ClaimReview object per rated claim, as a JSON-LD array. */
export function buildClaimReviews(report: Report, options: ReviewOptions): Record<string, unknown>[] {
  const doc = report.document
  const appearance = doc.url ? [{ '@type': 'CreativeWork', url: doc.url, ...(doc.title ? { headline: doc.title } : {}) }] : undefined
  return report.claims
    .filter((claim) => options.verdicts[claim.id] !== undefined)
    .map((claim) => {
      const verdict = VERDICTS.find((v) => v.label === options.verdicts[claim.id])!
      const author = claimAuthor(report, claim)
      const url = reviewUrlOf(options, claim.id)
      return {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: claim.text,
        datePublished: options.date,
        ...(url ? { url } : {}),
        author: { '@type': 'Organization', name: options.reviewer || 'Anonymous reviewer' },
        itemReviewed: {
          '@type': 'Claim',
          ...(author ? { author } : {}),
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
