#!/usr/bin/env node
// Entry point of the `factsift` command: the compiled CLI lives in dist/ (built by `npm install` through `prepare`).
// dist/bundle/cli.js is the same CLI bundled into a few files (scripts/build-cli-bundle.mjs): a cold start loads ~50
// files instead of ~200. It runs only when its record of tsc's build-info files still matches them, i.e. no tsc run
// rewrote dist/ after it was bundled; otherwise, and when there is no bundle, dist/cli/main.js runs.
import { readFileSync, statSync } from 'node:fs'

const dist = new URL('../dist/', import.meta.url)

function bundleIsCurrent() {
  let stamp
  try {
    stamp = JSON.parse(readFileSync(new URL('bundle/built-from.json', dist), 'utf8'))
  } catch {
    return false // no bundle
  }
  for (const name of ['.tsbuildinfo', '.tsbuildinfo.build']) {
    let mtimeMs
    try {
      mtimeMs = statSync(new URL(name, dist)).mtimeMs
    } catch {
      continue // a published package has no build-info files
    }
    if (stamp[name] !== mtimeMs) return false
  }
  return true
}

import(bundleIsCurrent() ? '../dist/bundle/cli.js' : '../dist/cli/main.js')
  .then((cli) => cli.main(process.argv))
  .catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && /dist\/(cli\/main|bundle\/cli)\.js/.test(String(error.message))) {
      process.stderr.write('factsift: E_INTERNAL the package is not built; run `npm install` (or `npm run build`) first\n')
    } else {
      process.stderr.write(`factsift: E_INTERNAL ${error && error.message ? error.message : error}\n`)
    }
    process.exitCode = 1
  })
