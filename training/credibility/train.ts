// Trains the shipped credibility model on both Pérez-Rosas corpora: npx tsx training/credibility/train.ts [dataDir]
// Same as `factsift train credibility --data <dir>/fakenewsamt.jsonl <dir>/celebrity.jsonl --variant skeleton` (analyzers: the
// registry), with a fixed manifest date so that retraining reproduces the file byte for byte.
import { join } from 'node:path'
import { Command } from 'commander'
import registerTrain from '../cli/train/credibility.js'

const dataDir = process.argv[2] ?? '../shared/data/credibility-perezrosas'
const program = new Command('factsift')
registerTrain(program.command('train'))
await program.parseAsync([
  process.argv[0]!, 'factsift', 'train', 'credibility',
  '--data', join(dataDir, 'fakenewsamt.jsonl'), join(dataDir, 'celebrity.jsonl'),
  '--variant', 'skeleton',
  '--created-at', '2026-11-25T00:00:00Z',
])
