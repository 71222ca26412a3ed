#!/usr/bin/env node
// Fails when an analyzer folder lacks its code, test or README, or when the registry and the folders disagree.
import { readdirSync, existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const dir = new URL('../src/analyzers/', import.meta.url).pathname
const registry = readFileSync(join(dir, 'registry.ts'), 'utf8')
const problems = []
// shared/ holds helpers several analyzers use; it is not an analyzer.
const folders = readdirSync(dir).filter((name) => name !== 'shared' && statSync(join(dir, name)).isDirectory())
for (const id of folders) {
  for (const file of [`${id}.ts`, `${id}.test.ts`, 'README.md']) {
    if (!existsSync(join(dir, id, file))) problems.push(`src/analyzers/${id}/ lacks ${file}`)
  }
  if (!registry.includes(`'./${id}/${id}.js'`)) problems.push(`src/analyzers/${id}/ is not listed in src/analyzers/registry.ts`)
}
// Declared signals: an analyzer's signals.ts is listed in the catalog the renderers read, imports nothing but the
// declaration helpers (the web UI bundles it), and every id it declares is listed in the analyzer's README.
const catalog = readFileSync(join(dir, 'signals.ts'), 'utf8')
let declared = 0
for (const id of folders) {
  const readme = existsSync(join(dir, id, 'README.md')) ? readFileSync(join(dir, id, 'README.md'), 'utf8') : ''
  if (!readme.includes('## Declared signals')) problems.push(`src/analyzers/${id}/README.md lacks a "## Declared signals" section`)
  const file = join(dir, id, 'signals.ts')
  if (!existsSync(file)) continue
  const text = readFileSync(file, 'utf8')
  if (!catalog.includes(`'./${id}/signals.js'`)) problems.push(`src/analyzers/${id}/signals.ts is not listed in src/analyzers/signals.ts`)
  for (const [, spec] of text.matchAll(/\bfrom\s*'([^']+)'/g)) {
    if (spec !== '../../report/signals.js') problems.push(`src/analyzers/${id}/signals.ts imports ${spec}: it may import only ../../report/signals.js`)
  }
  for (const [, signal] of text.matchAll(/\bid:\s*'([^']+)'/g)) {
    declared++
    if (!readme.includes(`\`${signal}\``)) problems.push(`src/analyzers/${id}/README.md does not list its declared signal \`${signal}\``)
  }
}
for (const [, id] of registry.matchAll(/from '\.\/([^/]+)\/\1\.js'/g)) {
  if (!folders.includes(id)) problems.push(`registry.ts imports ./${id}/ but the folder does not exist`)
}
if (problems.length > 0) {
  console.error(`check-analyzers: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(`check-analyzers: ${folders.length} analyzers, each with code, test and README, all registered; ${declared} declared signals, each listed in its README and the catalog`)
