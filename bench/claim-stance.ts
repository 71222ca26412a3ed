// Claim–sentence pairs per second on one core: the claim-stance model against the word-overlap + negation baseline,
// measured in the same run on CPU time. Usage: npm run bench:claim-stance [-- --pairs 20000 --json]
import { createModelLoader } from '../src/models/loader.js'
import { createClaimStanceClassifier, loadClaimStanceModel } from '../src/analyzers/lateral-reading/claim-stance/model.js'
import { hasFlag, numberOption } from './args.js'

const PAIRS = numberOption('pairs', 20000)
const model = loadClaimStanceModel(createModelLoader())
if (!model) throw new Error('models/claim-stance.json is missing: run npm run train:claim-stance first')
const classifier = createClaimStanceClassifier(model)

// Generated news-style sentences: 50 claims, each against sentences that share some of its words.
const SUBJECTS = ['The bridge', 'The council', 'The hospital', 'City engineers', 'The airport', 'The company', 'Police']
const VERBS = ['has been closed to trucks', 'will cost twice as much', 'has not approved the contract', 'handled 14 million passengers in 2022', 'denied the reports', 'remains open', 'cut 3,000 jobs']
const TAILS = ['for months', 'officials said on Tuesday', 'according to the department', 'rejecting claims circulating online', 'since March', 'a spokesperson said']
const sentence = (i: number) => `${SUBJECTS[i % 7]} ${VERBS[(i * 3) % 7]} ${TAILS[(i * 5) % 6]}.`
const claims = Array.from({ length: 50 }, (_, i) => sentence(i * 11 + 1))
const sentences = Array.from({ length: 400 }, (_, i) => sentence(i))

const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
function run(score: (claim: string, evidence: string) => unknown): number {
  const t0 = cpuMs()
  for (let i = 0; i < PAIRS; i++) score(claims[i % claims.length]!, sentences[(i * 7) % sentences.length]!)
  return Math.round((PAIRS * 1000) / (cpuMs() - t0))
}
// Warm the JIT on both paths first; then alternate, best of three, so drift on the shared machine cancels.
run((c, e) => classifier.classify(c, e))
run((c, e) => classifier.baseline(c, e))
const model_: number[] = []
const baseline: number[] = []
const prepared: number[] = []
const preparedClaims = claims.map((c) => classifier.prepare(c))
for (let round = 0; round < 3; round++) {
  model_.push(run((c, e) => classifier.classify(c, e)))
  baseline.push(run((c, e) => classifier.baseline(c, e)))
  // A claim prepared once and compared with many sentences, as pickEvidence does.
  let i = 0
  prepared.push(run((_, e) => classifier.classify(preparedClaims[i++ % preparedClaims.length]!, e)))
}
const result = { pairs: PAIRS, node: process.version, modelPairsPerCpuSecond: Math.max(...model_), modelPreparedClaimPairsPerCpuSecond: Math.max(...prepared), baselinePairsPerCpuSecond: Math.max(...baseline) }
if (hasFlag('json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
else {
  process.stdout.write(`claim-stance, ${PAIRS} pairs per round, best of 3 (CPU time, one core, ${process.version}):\n`)
  process.stdout.write(`  model (both texts prepared per pair): ${result.modelPairsPerCpuSecond} pairs/s\n`)
  process.stdout.write(`  model (claim prepared once):          ${result.modelPreparedClaimPairsPerCpuSecond} pairs/s\n`)
  process.stdout.write(`  baseline (overlap + negation):        ${result.baselinePairsPerCpuSecond} pairs/s\n`)
}
