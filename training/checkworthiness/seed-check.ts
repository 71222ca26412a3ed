// Acceptance check on one article: prints the ranked claims and whether the top five avoid opinion and hedged commentary
// and the named opinion sentences rank in the bottom half.
// Usage: tsx training/checkworthiness/seed-check.ts [--with-sourcing] <article.txt>
import { pathToFileURL } from 'node:url'
import { createEngine } from '../../src/engine/engine.js'
import { defaultAnalyzers } from '../../src/analyzers/registry.js'
import checkworthiness from '../../src/analyzers/checkworthiness/checkworthiness.js'
import type { Analyzer } from '../../src/analyzers/types.js'
import type { Report } from '../../src/report/types.js'

/** Sentences of the seed article that are pure opinion (from issue 4): they must rank in the bottom half. */
export const SEED_OPINION = ['quite disheartening', 'more revelations keep coming']
/** Words that mark hedged or evaluative commentary rather than a factual statement about an actor. */
const COMMENTARY = /\b(seems?|it appears|remains unclear|not clear|no doubt|disheartening|rumou?rs|could be|inevitable|revelations keep coming)\b/i

export interface SeedVerdict {
  report: Report
  topFiveFactual: boolean
  opinionInBottomHalf: boolean
}

/** Sourcing analyzers whose output check-worthiness reads (attribution, opinion) and what they need, in run order. */
const SOURCING = ['coreference', 'quotes', 'attribution', 'opinion']

/**
 * Analyzes the article with the registered analyzers and judges the ranking. When the registry lacks
 * check-worthiness it is appended, after the sourcing analyzers when `withSourcing` is set.
 */
export async function checkSeed(location: string, withSourcing = false): Promise<SeedVerdict> {
  const analyzers: Analyzer[] = defaultAnalyzers()
  if (!analyzers.some((a) => a.id === 'checkworthiness')) {
    if (withSourcing) {
      for (const id of SOURCING) {
        if (analyzers.some((a) => a.id === id)) continue
        const module = (await import(`../../src/analyzers/${id}/${id}.js`)) as { default: Analyzer }
        analyzers.push(module.default)
      }
    }
    analyzers.push(checkworthiness as Analyzer)
  }
  const report = await createEngine({ analyzers }).analyzeLocation(location)
  const claims = report.claims
  const half = claims.length / 2
  const rankOf = (needle: string) => claims.findIndex((c) => c.text.includes(needle))
  return {
    report,
    topFiveFactual: claims.slice(0, 5).every((c) => !COMMENTARY.test(c.text) && !c.text.trim().endsWith('?') && !c.opinion),
    opinionInBottomHalf: SEED_OPINION.every((needle) => rankOf(needle) >= half),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const location = process.argv.slice(2).find((a) => !a.startsWith('--'))
  if (!location) {
    process.stderr.write('usage: tsx training/checkworthiness/seed-check.ts [--with-sourcing] <article.txt>\n')
    process.exitCode = 2
  } else {
    const verdict = await checkSeed(location, process.argv.includes('--with-sourcing'))
    const { claims } = verdict.report
    const registered = verdict.report.timings.analyzers ? Object.keys(verdict.report.timings.analyzers).join(', ') : ''
    process.stdout.write(`analyzers: ${registered}\n${claims.length} claims\n`)
    claims.forEach((c, i) => {
      const flags = [c.opinion ? 'opinion' : '', c.attribution.type !== 'none' ? `${c.attribution.type}:${c.attribution.source ?? ''}` : ''].filter(Boolean).join(' ')
      process.stdout.write(`${String(i + 1).padStart(2)}. ${c.checkworthiness.toFixed(3)}  ${c.text}${flags ? `  [${flags}]` : ''}\n`)
    })
    process.stdout.write(`top five factual statements: ${verdict.topFiveFactual ? 'yes' : 'NO'}\n`)
    process.stdout.write(`opinion sentences (${SEED_OPINION.join('; ')}) in the bottom half: ${verdict.opinionInBottomHalf ? 'yes' : 'NO'}\n`)
    if (!verdict.topFiveFactual || !verdict.opinionInBottomHalf) process.exitCode = 1
  }
}
