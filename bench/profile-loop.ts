// Profiling loop: analyzes generated ~500-word articles repeatedly. Usage:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-loop.ts [--articles 200] [--words 500] [--rounds 3]
import { createEngine } from '../src/engine/engine.js'
import { generateArticle } from './generate-article.js'
import { numberOption } from './args.js'

const articles = Array.from({ length: numberOption('articles', 200) }, (_, i) => generateArticle(i + 1, numberOption('words', 500)))
const engine = createEngine()
for (let round = 0; round < numberOption('rounds', 3); round++) {
  for (const text of articles) await engine.analyze({ text })
}
