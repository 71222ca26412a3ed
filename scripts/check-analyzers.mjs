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
for (const [, id] of registry.matchAll(/from '\.\/([^/]+)\/\1\.js'/g)) {
  if (!folders.includes(id)) problems.push(`registry.ts imports ./${id}/ but the folder does not exist`)
}
if (problems.length > 0) {
  console.error(`check-analyzers: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(`check-analyzers: ${folders.length} analyzers, each with code, test and README, all registered`)
