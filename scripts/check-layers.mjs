#!/usr/bin/env node
// Fails on an import that runs against the layer order of docs/ARCHITECTURE.md, on a cycle between sibling folders,
// and on runtime code (src/, outside tests) reaching into training/, bench/, test/ or a test-support folder.
// Imports are read from the source text (static `import … from`, `export … from` and `import('…')` with a literal).
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs'
import { join, dirname, resolve, relative, sep } from 'node:path'

const root = resolve(new URL('..', import.meta.url).pathname)
const src = join(root, 'src')

/** Lowest first. A module may import from its own layer (no cycle between folders) or any layer below. */
export const LAYERS = [
  ['util', 'errors.ts', 'version.ts'],
  ['document', 'report'],
  ['nlp', 'ingest', 'source-ratings', 'feeds'],
  ['models'],
  ['ml', 'search'],
  ['store'],
  ['services'],
  ['analyzers'],
  ['engine', 'factchecks', 'corpus'],
  ['render'],
  ['batch', 'queue', 'watch'],
  ['cli', 'server', 'web', 'index.ts'],
]
const layerOf = new Map(LAYERS.flatMap((names, rank) => names.map((name) => [name, rank])))

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path, out)
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

const isTestCode = (file) => /\.test\.tsx?$/.test(file) || file.split(sep).includes('test-support')

function importsOf(file) {
  const text = readFileSync(file, 'utf8')
  const targets = []
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) {
    const spec = match[1] ?? match[2]
    const target = resolve(dirname(file), spec)
    const candidates = [target, target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), `${target}.ts`, join(target, 'index.ts')]
    targets.push({ spec, file: candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? target })
  }
  return targets
}

const problems = []
const siblingEdges = new Map() // parent dir → Map(child → Set(child))
function addSiblingEdge(from, to) {
  const a = relative(src, from).split(sep)
  const b = relative(src, to).split(sep)
  let i = 0
  while (i < a.length - 1 && i < b.length - 1 && a[i] === b[i]) i++
  // Only folders form the graph: a file beside folders is its folder's parent, not a sibling.
  if (i >= a.length - 1 || i >= b.length - 1 || a[i] === b[i]) return
  const parent = a.slice(0, i).join('/') || '.'
  const edges = siblingEdges.get(parent) ?? new Map()
  siblingEdges.set(parent, edges)
  const set = edges.get(a[i]) ?? new Set()
  edges.set(a[i], set)
  set.add(b[i])
}

let count = 0
for (const file of walk(src)) {
  if (isTestCode(file)) continue
  const top = relative(src, file).split(sep)[0]
  const rank = layerOf.get(top)
  if (rank === undefined) {
    problems.push(`src/${top} has no layer: add it to LAYERS in scripts/check-layers.mjs and to docs/ARCHITECTURE.md`)
    continue
  }
  for (const { spec, file: target } of importsOf(file)) {
    count++
    const where = relative(root, file)
    // The web UI bundles an example article (vite's ?raw import): data, not code.
    if (target.startsWith(join(root, 'examples') + sep)) continue
    if (!target.startsWith(src + sep)) {
      problems.push(`${where}: imports ${spec}, outside src/ (runtime code reaches training, bench and tests only through cli/training-commands.ts)`)
      continue
    }
    if (isTestCode(target)) {
      problems.push(`${where}: imports test code ${spec}`)
      continue
    }
    const targetTop = relative(src, target).split(sep)[0]
    const targetRank = layerOf.get(targetTop)
    if (targetRank !== undefined && targetRank > rank) {
      problems.push(`${where}: ${top} (layer ${rank}) imports ${targetTop} (layer ${targetRank}) — ${spec}`)
    }
    addSiblingEdge(file, target)
  }
}

// analyzers/shared is below every analyzer folder: it may not import one.
for (const [parent, edges] of siblingEdges) {
  if (parent === 'analyzers' && edges.has('shared')) {
    for (const to of edges.get('shared')) problems.push(`src/analyzers/shared imports src/analyzers/${to}: shared helpers import only downward`)
  }
}

// A cycle among sibling folders (Tarjan's strongly connected components).
for (const [parent, edges] of siblingEdges) {
  let index = 0
  const indexOf = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const visit = (node) => {
    indexOf.set(node, index)
    low.set(node, index++)
    stack.push(node)
    onStack.add(node)
    for (const next of edges.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node), low.get(next)))
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), indexOf.get(next)))
    }
    if (low.get(node) === indexOf.get(node)) {
      const component = []
      let member
      do {
        member = stack.pop()
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1) problems.push(`folder cycle in src/${parent === '.' ? '' : `${parent}/`}: ${component.sort().join(' ↔ ')}`)
    }
  }
  for (const node of edges.keys()) if (!indexOf.has(node)) visit(node)
}

if (problems.length > 0) {
  console.error(`check-layers: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(`check-layers: ${count} imports follow the ${LAYERS.length} layers of docs/ARCHITECTURE.md; no folder cycle`)
