// bench:shared-surname — annotate's cost on a long text where two people share a surname ("Hillary Clinton", "Bill
// Clinton", then "Clinton"): each bare surname is given to whichever of them was named last before it. That lookup
// scanned every mention of both per bare surname (quadratic in the text); it is now a binary search per person.
// Usage: npm run bench:shared-surname -- [--repeats 4000,16000]   Prints CPU ms and ms per 100 KB at each size.
import { documentFromText } from '../src/document/create.js'
import { annotate } from '../src/nlp/annotate.js'
import { stringOption } from './args.js'

const REPEATS = stringOption('repeats', '4000,16000').split(',').map(Number)
const unit = 'Hillary Clinton spoke on Monday. Bill Clinton answered her. Clinton said the costs rose.\n\n'
annotate(documentFromText(unit)) // models loaded and code warmed before timing
for (const n of REPEATS) {
  const text = unit.repeat(n)
  const before = process.cpuUsage()
  annotate(documentFromText(text))
  const used = process.cpuUsage(before)
  const ms = (used.user + used.system) / 1e3
  console.log(`${n} repeats (${(text.length / 1e3).toFixed(0)} KB): ${ms.toFixed(0)} ms CPU, ${((ms * 1e5) / text.length).toFixed(1)} ms per 100 KB`)
}
