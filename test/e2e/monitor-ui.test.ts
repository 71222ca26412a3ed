// The watching pages in headless Chromium: Today with its filters, a cluster page with its articles and timeline, the
// alerts page and feed management; hostile feed and article text stays inert.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, BrowserContext } from 'playwright-core'
import { startTestServer, type TestServer } from '../../src/server/test-support/test-server.js'
import { articleClaim, testPolicy } from '../../src/store/test-support/claims-contract.js'
import { buildWebUi, chromiumSkip, launchChromium } from './browser.js'

const skip = chromiumSkip()
const KEY = 'monitor-ui-key-0123456789'
const RUMOUR = 'The new 5G towers killed the birds at Lake Arden last week.'
const HOSTILE = 'Mayor <img src=x onerror="window.__xss=1"> says the <script>window.__xss=2</script> budget doubled.'

describe('monitor pages in Chromium', { skip }, () => {
  let server: TestServer
  let browser: Browser
  let context: BrowserContext
  let web: { dir: string; remove(): void }
  let clusterId = ''

  before(async () => {
    web = await buildWebUi()
    server = await startTestServer({ webRoot: web.dir, apiKeys: [KEY], warmUp: false })
    const now = Date.now()
    const fc = { url: 'https://factcheck.example/5g', rating: 'False', ratingNormalized: 'false', factChecker: 'Example Fact Check Desk', claim: '5G towers killed birds' }
    const outlets = ['Millbrook Courier', 'Valley Ledger', 'Northside Daily']
    for (const [i, outlet] of outlets.entries()) {
      const result = await server.store.claims.addReportClaims(`r${i}`, [articleClaim(RUMOUR, { outlet, verdict: 'rated-false', factchecks: [fc], seenAt: now - (3 - i) * 60_000, publishedAt: `2026-12-0${i + 1}T10:00:00Z`, articleUrl: `https://news.example/${i}` })], testPolicy, { webhooks: [], now })
      clusterId = result.claims[0]!.clusterId
    }
    await server.store.claims.addReportClaims('rx', [articleClaim(HOSTILE, { outlet: 'Evil <b onmouseover=alert(1)>Outlet</b>', articleUrl: 'javascript:alert(3)', articleTitle: '<svg onload=alert(4)>', seenAt: now })], testPolicy, { webhooks: [], now })
    await server.store.claims.addReportClaims('old', [articleClaim('The library reopened after a two-year renovation.', { outlet: 'Valley Ledger', seenAt: now - 3 * 86_400_000 })], testPolicy, { webhooks: [], now })
    browser = await launchChromium()
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    // With keys configured every /v1 read needs one too: these pages start with the key entered for the tab.
    await context.addInitScript((key) => sessionStorage.setItem('factsift.apiKey', key), KEY)
  })
  after(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
    web?.remove()
  })

  test('Today lists clusters, filters by time, outlet and known false; a cluster page shows articles and a timeline', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}/#/today`)
    await page.locator('[data-testid=cluster]').first().waitFor()
    assert.equal(await page.locator('[data-testid=cluster]').count(), 2, 'the 3-day-old cluster is outside 24 h')
    const first = page.locator('[data-testid=cluster]').first()
    assert.match(await first.innerText(), /Rated false/)
    assert.match(await first.innerText(), /3 articles, 3 outlets/)
    await page.locator('#today-since').selectOption('')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=cluster]').length === 3)
    await page.locator('#today-known-false').check()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=cluster]').length === 1)
    await page.locator('#today-known-false').uncheck()
    await page.locator('#today-outlet').selectOption('Valley Ledger')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=cluster]').length === 2)
    await page.locator('#today-outlet').selectOption('')
    await page.getByRole('link', { name: RUMOUR }).click()
    await page.locator('#cluster-heading').waitFor()
    assert.equal(await page.locator('#cluster-heading').innerText(), RUMOUR)
    assert.equal(await page.locator('.cluster-articles tbody tr').count(), 3)
    assert.match(await page.locator('.cluster-articles').innerText(), /Millbrook Courier[\s\S]*Valley Ledger[\s\S]*Northside Daily/)
    assert.match(await page.locator('.cluster-articles').innerText(), /Example Fact Check Desk: False/)
    assert.deepEqual(await page.locator('.timeline li').allInnerTexts(), ['2026-12-01T10:00:00Z Millbrook Courier', '2026-12-02T10:00:00Z Valley Ledger', '2026-12-03T10:00:00Z Northside Daily'])
    assert.equal(new URL(page.url()).hash, `#/claims/${clusterId}`)
    await page.close()
  })

  test('hostile feed and article text stays inert on Today and the cluster page', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}/#/today`)
    const hostile = page.getByRole('link', { name: /Mayor <img/ })
    await hostile.waitFor()
    assert.match(await page.locator('.cluster-list').innerText(), /Evil <b onmouseover=alert\(1\)>Outlet<\/b>/)
    await hostile.click()
    await page.locator('#cluster-heading').waitFor()
    assert.equal(await page.locator('#cluster-heading').innerText(), HOSTILE)
    const found = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      images: document.querySelectorAll('main img, main svg, main iframe').length,
      jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      marker: (window as unknown as { __xss?: unknown }).__xss ?? null,
    }))
    assert.deepEqual(found, { scripts: 0, images: 0, jsLinks: 0, handlers: 0, marker: null })
    await page.close()
  })

  test('alerts page lists alerts; feeds page asks for the API key, then adds and removes a feed', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await fresh.newPage()
    await page.goto(`${server.url}/#/feeds`)
    // Without a key the server answers 401 (reads need one too when keys are configured) and the key form opens.
    await page.locator('#api-key').waitFor()
    await page.locator('#api-key').fill(KEY)
    await page.getByRole('button', { name: 'Save' }).click()
    await page.locator('#feed-url').fill('https://news.example/feed.xml')
    await page.locator('#feed-name').fill('Example News')
    await page.getByRole('button', { name: 'Add feed' }).click()
    await page.locator('[data-testid=feed]').first().waitFor()
    assert.match(await page.locator('.feeds-table').innerText(), /Example News/)
    await page.getByRole('button', { name: 'Remove Example News' }).click()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=feed]').length === 0)

    await page.goto(`${server.url}/#/alerts`)
    await page.locator('[data-testid=alert]').first().waitFor()
    assert.ok((await page.locator('[data-testid=alert]').count()) >= 3)
    assert.match(await page.locator('.alert-list').innerText(), /known-false-repeat/)
    await fresh.close()
  })
})
