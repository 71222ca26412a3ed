// The published package ships the runtime only: no training, evaluation, bench, fixture or test-helper file.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

test('npm pack lists the runtime and none of training, bench, tests, fixtures or test helpers', { skip: !existsSync(`${root}dist/index.js`) && 'dist/ is not built (npm run build)' }, () => {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  const files = (JSON.parse(output) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path)
  assert.ok(files.includes('dist/index.js') && files.includes('dist/cli/main.js'), 'the runtime is in the package')
  assert.ok(files.some((f) => f.startsWith('models/') && f.endsWith('.json')), 'the models are in the package')
  const unwanted = files.filter((f) =>
    /^(training|bench|test|scripts)\//.test(f) || /(^|\/)(test-support|fixtures)\//.test(f) || /\.test\.(js|ts|d\.ts)$/.test(f) || /\.tsbuildinfo/.test(f),
  )
  assert.deepEqual(unwanted, [])
})
