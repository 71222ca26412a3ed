#!/usr/bin/env node
// Entry point of the `factsift` command: the compiled CLI lives in dist/ (built by `npm install` through `prepare`).
import('../dist/cli/main.js')
  .then((cli) => cli.main(process.argv))
  .catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
      process.stderr.write('factsift: E_INTERNAL the package is not built; run `npm install` (or `npm run build`) first\n')
    } else {
      process.stderr.write(`factsift: E_INTERNAL ${error && error.message ? error.message : error}\n`)
    }
    process.exitCode = 1
  })
