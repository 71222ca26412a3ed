// Command-line entry of stance training: npm run train:stance -- --data <stance-fnc1> [--out models/stance.json] [--no-mlp] [--json]
import { parseArgs } from 'node:util'
import { trainStance } from './pipeline.js'

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string', default: 'models/stance.json' },
    'no-mlp': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
})
if (!values.data) {
  process.stderr.write('usage: npm run train:stance -- --data <folder with train_bodies.csv, split_train_stances.csv, split_dev_stances.csv>\n')
  process.exit(2)
}
await trainStance({ data: values.data, out: values.out, noMlp: values['no-mlp'], json: values.json })
