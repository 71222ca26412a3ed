// bench:publisher — what the publisher analyzer and the source evidence cost per article: the default engine against
// the same engine without `publisher`, interleaved round by round on the same articles in one run (so machine load
// hits both alike), with and without a URL. Usage: npm run bench:publisher -- [--articles 200] [--words 800] [--rounds 5] [--json]
import { createEngine } from '../src/engine/engine.js'
import { defaultAnalyzers } from '../src/analyzers/registry.js'
import { generateArticle } from './generate-article.js'
import { hasFlag, numberOption } from './args.js'

const articleCount = numberOption('articles', 200)
const words = numberOption('words', 800)
const rounds = numberOption('rounds', 5)
const articles = Array.from({ length: articleCount }, (_, i) => generateArticle(i + 1, words))
const URLS = ['https://www.infowars.com/posts/a', 'https://www.reuters.com/world/b', 'https://news.unrated-example.net/c']

const engines = {
  with: createEngine(),
  without: createEngine({ analyzers: defaultAnalyzers().filter((a) => a.id !== 'publisher') }),
}
type Name = keyof typeof engines

async function pass(name: Name, withUrl: boolean): Promise<number> {
  const engine = engines[name]
  const start = performance.now()
  for (let i = 0; i < articles.length; i++) await engine.analyze({ text: articles[i]!, ...(withUrl ? { url: URLS[i % URLS.length] } : {}) })
  return (performance.now() - start) / articles.length
}

// Warm both: models, dictionaries, the ratings table, the JIT.
for (const name of ['with', 'without'] as Name[]) for (const text of articles.slice(0, 30)) await engines[name].analyze({ text, url: URLS[0] })

const samples: Record<string, number[]> = { 'with, no URL': [], 'without, no URL': [], 'with, URL': [], 'without, URL': [] }
for (let r = 0; r < rounds; r++) {
  // Alternate which goes first, so neither always runs on a warmer or cooler machine.
  const order: Name[] = r % 2 === 0 ? ['with', 'without'] : ['without', 'with']
  for (const withUrl of [false, true]) for (const name of order) samples[`${name}, ${withUrl ? 'URL' : 'no URL'}`]!.push(await pass(name, withUrl))
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const result = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, Math.round(median(v) * 1000) / 1000]))
const publisherShare = (() => {
  let ms = 0
  let n = 0
  return async () => {
    for (const text of articles.slice(0, 50)) {
      const report = await engines.with.analyze({ text, url: URLS[0] })
      ms += report.timings.analyzers?.publisher ?? 0
      n++
    }
    return ms / n
  }
})()
const publisherMs = await publisherShare()

if (hasFlag('json')) {
  process.stdout.write(`${JSON.stringify({ articles: articleCount, words, rounds, msPerArticleMedian: result, publisherAnalyzerMs: publisherMs }, null, 2)}\n`)
} else {
  const f = (x: number) => x.toFixed(3)
  process.stdout.write(
    [
      `${articleCount} articles × ~${words} words, ${rounds} interleaved rounds, median ms per article (one core):`,
      `  no URL:   with publisher ${f(result['with, no URL']!)}  without ${f(result['without, no URL']!)}  (${f(result['with, no URL']! - result['without, no URL']!)} ms)`,
      `  with URL: with publisher ${f(result['with, URL']!)}  without ${f(result['without, URL']!)}  (${f(result['with, URL']! - result['without, URL']!)} ms)`,
      `  the publisher analyzer's own time (report.timings): ${f(publisherMs)} ms per article`,
    ].join('\n') + '\n',
  )
}
