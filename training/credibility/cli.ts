// Runs the factsift CLI from source (no build): npx tsx training/credibility/cli.ts eval credibility --data … (the same
// module as `factsift eval credibility`); the model card's figures were produced this way.
import { main } from '../../src/cli/main.js'

await main(process.argv)
