// E2E helpers: headless Debian Chromium through playwright-core, the UI built fresh into a temp folder, a page watcher.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** The skip reason when Chromium is absent; with FACTSIFT_REQUIRE_SERVICES=1 its absence fails the suite instead. */
export function chromiumSkip(): string | false {
  if (existsSync(CHROMIUM)) return false
  const message = `${CHROMIUM} is missing; install it with \`apt-get install -y chromium\` to run the browser tests`
  if (process.env.FACTSIFT_REQUIRE_SERVICES === '1') throw new Error(`FACTSIFT_REQUIRE_SERVICES=1 but ${message}`)
  return `skipped: ${message}`
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/**
 * The built UI to serve: dist/web when it is newer than every file it is built from (as after `npm run build`),
 * else a fresh build of src/web into a temp folder, so the test always sees the current source.
 */
export async function buildWebUi(): Promise<{ dir: string; remove(): void }> {
  const built = join(ROOT, 'dist/web/index.html')
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource()) return { dir: dirname(built), remove: () => {} }
  const { build } = await import('vite')
  const dir = mkdtempSync(join(tmpdir(), 'factsift-web-'))
  await build({ configFile: join(ROOT, 'src/web/vite.config.ts'), logLevel: 'error', build: { outDir: dir, emptyOutDir: true } })
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

function newestSource(): number {
  const files = [...walk(join(ROOT, 'src/web')), ...walk(join(ROOT, 'src/report')), join(ROOT, 'examples/harbor-bridge.txt')]
  return Math.max(...files.map((file) => statSync(file).mtimeMs))
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

/** Everything a page did that an inert article must never cause: dialogs, script errors, CSP violations, the marker global. */
export interface PageWatch {
  dialogs: string[]
  pageErrors: string[]
  cspViolations: string[]
  xssMarker(): Promise<unknown>
}

export async function watchPage(page: Page): Promise<PageWatch> {
  const watch = { dialogs: [] as string[], pageErrors: [] as string[], cspViolations: [] as string[] }
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => watch.pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) watch.cspViolations.push(message.text())
  })
  return { ...watch, xssMarker: () => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss) }
}

export function artifactPath(name: string): string {
  return join(ROOT, 'test-artifacts', name)
}
