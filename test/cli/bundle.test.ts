// The bundled CLI (dist/bundle/, scripts/build-cli-bundle.mjs) writes the same reports as the unbundled dist/cli/main.js.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serviceSkip, TEST_POSTGRES_URL } from '../../src/test-support/services.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const bundled = existsSync(`${root}dist/bundle/cli.js`)

// Runs one entry's main() on `args` in a fresh process.
function spawnEntry(entry: string, args: string[]) {
  const script = `import(${JSON.stringify(`${root}${entry}`)}).then((cli) => cli.main(process.argv))`
  return spawnSync(process.execPath, ['--input-type=module', '-e', script, 'factsift', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FACTSIFT_DB: '/nonexistent-factsift-test/none.db' },
  })
}

// Its stdout, after a clean exit.
function run(entry: string, args: string[]): string {
  const result = spawnEntry(entry, args)
  assert.equal(result.status, 0, result.stderr)
  return result.stdout
}

// The report without its timings (they differ run to run).
function report(entry: string, args: string[]): unknown {
  const parsed = JSON.parse(run(entry, [...args, '--format', 'json'])) as { timings?: unknown }
  delete parsed.timings
  return parsed
}

test('the bundled CLI reports exactly what dist/cli/main.js reports, without and with a store', { skip: !bundled && 'dist/bundle is not built (npm run build)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'factsift-bundle-'))
  try {
    const db = join(dir, 'store.db')
    // The store holds fact-checks and reference articles: fact-check matching and lateral reading load their models.
    run('dist/cli/main.js', ['factchecks', 'import', 'examples/claimreviews.json', '--db', db])
    run('dist/cli/main.js', ['corpus', 'add', 'examples/reference-articles', '--db', db])
    for (const args of [['analyze', 'examples/harbor-bridge.txt'], ['analyze', 'examples/harbor-bridge.txt', '--db', db]]) {
      assert.deepEqual(report('dist/bundle/cli.js', args), report('dist/cli/main.js', args), args.join(' '))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

// open-store imports the PostgreSQL store through a variable specifier, which a bundle would resolve against its own
// folder: the build script inlines it (and refuses any other computed import). The shared test database may change
// under other tests, so this checks the bundled CLI opens it and writes a report, not the report itself.
test('the bundled CLI opens a PostgreSQL store', { skip: (!bundled && 'dist/bundle is not built (npm run build)') || (await serviceSkip('postgres')) }, () => {
  const report = JSON.parse(run('dist/bundle/cli.js', ['analyze', 'examples/harbor-bridge.txt', '--db', TEST_POSTGRES_URL, '--format', 'json'])) as { schemaVersion?: number }
  assert.equal(report.schemaVersion, 1)
})
