// Who published the article and how reliable the outlets are: document.publisher from the URL, canonical link, site
// name, JSON-LD publisher, byline or "Source:" lines; a rating (or explicit unrated) on each cited outlet.
import { defineAnalyzer, type Analyzer } from '../types.js'
import { outletTable, type OutletAliasesSource } from '../../nlp/outlets.js'
import { createRatingsRegistry } from '../../source-ratings/index.js'
import { rateAddress, rateOutletName, resolvePublisher } from './resolve.js'
import type { PublisherOutput } from './types.js'

export interface PublisherOptions {
  /** Extra outlet aliases (as for the sources analyzer): names and their domains. */
  outletAliases?: OutletAliasesSource
}

/** A name a link gave the sources analyzer: a bare host such as "example.org". */
const HOST_NAME = /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/i

export function createPublisherAnalyzer(options: PublisherOptions = {}): Analyzer<PublisherOutput> {
  return defineAnalyzer<PublisherOutput>({
    id: 'publisher',
    meta: {
      version: 1,
      description: 'The publisher (URL, site name, byline, Source lines) and the reliability rating of it and each cited outlet, with the list it came from',
      // Rates what sources put into report.sources: listed so that it runs after it.
      reads: ['sources'],
    },
    async analyze(doc, ctx) {
      const registry = ctx.services.ratings ? await ctx.services.ratings.registry() : createRatingsRegistry()
      const outlets = outletTable(options.outletAliases)
      const memo = new Map<string, ReturnType<PublisherOutput['rate']>>()
      return {
        publisher: resolvePublisher(registry, outlets, { meta: doc.meta, sourceLines: doc.sourceLines }),
        rate(kind, name) {
          const key = `${kind}|${name}`
          if (!memo.has(key)) {
            memo.set(key, kind === 'outlet' ? rateOutletName(registry, outlets, name) : kind === 'document' && HOST_NAME.test(name) ? rateAddress(registry, name) : null)
          }
          return memo.get(key)!
        },
      }
    },
    contribute(out, report) {
      report.document.publisher = out.publisher
      // In place: report.sources holds the sources analyzer's fresh entries; only outlets and linked sites change.
      for (const s of report.sources) {
        if (s.kind !== 'outlet' && s.kind !== 'document') continue
        const rated = out.rate(s.kind, s.name)
        if (rated) Object.assign(s, { domain: rated.domain, rating: rated.rating })
      }
    },
  })
}

export default createPublisherAnalyzer()
