#!/usr/bin/env node
// Bundles the compiled CLI (run by `npm run build`, after tsc): dist/cli/main.js and everything it imports from dist/
// become a few files in dist/bundle/ (esbuild, ESM, one chunk per dynamic-import boundary), so `factsift analyze`
// loads ~10 files instead of ~190: on a cold start Node resolves, reads, compiles and links each ESM file on its own.
// Packages stay external (node_modules as installed). Each module's `import.meta.url` is rewritten to the URL of its
// own dist/ file, so files found next to a module (models/, data/, spelling-words.txt, worker entry points) are found
// as before. bin/factsift.js runs dist/bundle/cli.js when it exists and is current (see STAMP), else dist/cli/main.js.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, relative, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')
const outdir = join(dist, 'bundle')

// tsc's incremental build-info files change whenever tsc writes dist/ (`npm run build`, or `npx tsc` while working):
// bin/factsift.js compares them with this record and runs the unbundled dist/cli/main.js when they differ, so a bundle
// older than dist/ is never run. (A published package has no build-info files: its bundle is taken as current.)
const STAMP = join(outdir, 'built-from.json')
const buildInfos = ['.tsbuildinfo', '.tsbuildinfo.build']

rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: { cli: join(dist, 'cli', 'main.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  chunkNames: 'chunk-[hash]',
  plugins: [
    {
      name: 'own-import-meta-url',
      setup(b) {
        b.onLoad({ filter: /\.js$/ }, (args) => {
          if (!args.path.startsWith(dist + '/') || args.path.startsWith(outdir + '/')) return undefined
          let source = readFileSync(args.path, 'utf8')
          // `const specifier = './x.js'; await import(specifier)` (store/open-store.ts): the literal, so the module is
          // bundled too; left as it is, the specifier would resolve against the chunk's folder.
          source = source.replace(/\bimport\((\w+)\)/g, (call, name) => {
            const literal = new RegExp(`\\bconst ${name} = (['"])(\\.{1,2}/[^'"]+)\\1`).exec(source)
            return literal ? `import(${JSON.stringify(literal[2])})` : call
          })
          if (source.includes('import.meta.url')) {
            // From dist/bundle/<chunk>.js to this module's dist/ file.
            const fromBundle = relative(outdir, args.path).split('\\').join('/')
            source = source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`)
          }
          return { contents: source, loader: 'js', resolveDir: dirname(args.path) }
        })
      },
    },
  ],
})

// A dynamic import whose specifier is not a literal resolves against the chunk's folder at run time, not against the
// module's own: refuse to ship a bundle with one (add its case to the rewrite above).
for (const name of readdirSync(outdir)) {
  const dynamic = /\bimport\(\s*[^\s'"`)$]/.exec(readFileSync(join(outdir, name), 'utf8'))
  if (dynamic) {
    rmSync(outdir, { recursive: true, force: true })
    throw new Error(`build-cli-bundle: ${name} imports a computed specifier (${dynamic[0]}…); the bundle would not find it`)
  }
}

const stamp = Object.fromEntries(
  buildInfos.filter((name) => existsSync(join(dist, name))).map((name) => [name, statSync(join(dist, name)).mtimeMs]),
)
writeFileSync(STAMP, `${JSON.stringify(stamp)}\n`)
