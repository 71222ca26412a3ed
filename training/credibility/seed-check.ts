// Prints the risk block for one article with the shipped model and the full registry:
//   npx tsx training/credibility/seed-check.ts [file]   (default: the project's seed article)
import { readFileSync } from 'node:fs'
import { createEngine } from '../../src/engine/engine.js'

const file = process.argv[2] ?? '../shared/seed/000_d209f077df58b1d4.txt'
const report = await createEngine().analyze({ text: readFileSync(file, 'utf8') })
process.stdout.write(`${JSON.stringify({ risk: report.risk, errors: report.errors }, null, 2)}\n`)
