// The web UI in headless Chromium: paste the example article, see marks and risk, open a quote's speaker by keyboard and
// hover, download JSON, HTML and ClaimReview; hostile article text stays inert in the page and in the exported HTML.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createEngine } from '../../src/engine/engine.js'
import type { Report } from '../../src/report/types.js'
import { startTestServer, type TestServer } from '../../src/server/test-support/test-server.js'
import { artifactPath, buildWebUi, chromiumSkip, launchChromium, watchPage } from './browser.js'
import { CANNED_REPORT } from './canned-report.js'
import { REASON_WEIGHT_LEGEND, reasonWeightText } from '../../src/render/wording.js'

const skip = chromiumSkip()
const EXAMPLE = readFileSync(fileURLToPath(new URL('../../examples/harbor-bridge.txt', import.meta.url)), 'utf8')

// Written for this test.
const GERMAN_TEXT = [
  'Stadt schließt das Hallenbad über den Winter',
  '',
  'Die Stadtverwaltung hat am Dienstag beschlossen, das Hallenbad von November bis Ostern zu schließen. Als Grund nannte sie die hohen Energiekosten und die anstehende Sanierung des Beckens.',
  'Vereine und Schulen sollen in dieser Zeit das Bad der Nachbargemeinde nutzen können. Der Bürgermeister sagte, man suche noch nach einer besseren Lösung für die Schwimmkurse der Kinder.',
].join('\n')

const XSS_TEXT = [
  'Mayor says <script>window.__xss = 1; alert(1)</script> budget is balanced',
  '',
  'The mayor said <img src=x onerror="window.__xss = 2; alert(2)"> the budget was balanced on Monday.',
  'Read more <a href="javascript:window.__xss=3;alert(3)">here</a> and <svg onload="alert(4)"></svg> there.',
  '"It is fine <iframe src=javascript:alert(5)></iframe>," he said.',
].join('\n')

const XSS_HTML = `<!doctype html><html><head><title>Harbor <script>alert(6)</script> news</title>
<script>window.__xss = 7; alert(7)</script></head><body><article><h1>Budget <img src=x onerror="alert(8)"> vote</h1>
<p>The council said &lt;script&gt;alert(9)&lt;/script&gt; the budget vote was delayed again on Tuesday evening.</p>
<p>Residents were told to <a href="javascript:alert(10)">read the minutes</a> before the next meeting in December.</p>
<p><img src=x onerror="window.__xss = 11">Officials said the plan would be published next week for comment.</p>
</article></body></html>`

describe('web UI in Chromium', { skip }, () => {
  let server: TestServer
  let canned: TestServer
  let browser: Browser
  let context: BrowserContext
  let web: { dir: string; remove(): void }

  before(async () => {
    web = await buildWebUi()
    server = await startTestServer({ webRoot: web.dir })
    const real = createEngine()
    const engine = { ...real, analyze: async () => structuredClone(CANNED_REPORT) }
    canned = await startTestServer({ webRoot: web.dir, engine, warmUp: false })
    browser = await launchChromium()
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } })
    mkdirSync(dirname(artifactPath('x')), { recursive: true })
  })
  after(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
    await canned?.close()
    web?.remove()
  })

  async function analyzeText(page: Page, base: string, text: string): Promise<Report> {
    await page.goto(`${base}/`)
    await page.locator('#article-text').fill(text)
    const response = page.waitForResponse((r) => r.url().endsWith('/v1/analyze'))
    await page.getByRole('button', { name: 'Analyze', exact: true }).click()
    const report = (await (await response).json()) as Report
    await page.getByTestId('risk-score').waitFor()
    return report
  }

  test('the example article: marks, risk panel, a quote speaker on keyboard focus and hover, JSON download', async () => {
    const page = await context.newPage()
    const watch = await watchPage(page)
    await page.goto(`${server.url}/`)
    await page.getByRole('button', { name: 'Use the example article' }).click()
    assert.equal(await page.locator('#article-text').inputValue(), EXAMPLE)
    const response = page.waitForResponse((r) => r.url().endsWith('/v1/analyze'))
    await page.getByRole('button', { name: 'Analyze', exact: true }).click()
    const report = (await (await response).json()) as Report
    await page.getByTestId('risk-score').waitFor()

    // Risk panel: score, label, reasons as the report gives them.
    const risk = await page.getByTestId('risk-score').innerText()
    assert.match(risk, new RegExp(`${Math.round(report.risk.score! * 100)}%`))
    assert.match(risk.toLowerCase(), new RegExp(report.risk.label))
    for (const reason of report.risk.reasons) assert.ok(await page.getByText(reason.message, { exact: true }).isVisible(), reason.message)
    // Weights in the one unit the text and HTML reports use (log-odds, "+0.38"), explained by a legend.
    const weights = await page.locator('.reason-weight').allInnerTexts()
    assert.deepEqual([...weights].sort(), report.risk.reasons.map((r) => reasonWeightText(r.weight)).sort())
    assert.equal(await page.getByTestId('weight-legend').innerText(), REASON_WEIGHT_LEGEND)

    // Marks over the article text: one mark per quote and claim; the quoted tweet's typo ("embarassment") is not the
    // outlet's and gets no misspelling mark.
    assert.equal(await page.locator('.article-text .m-misspelling').count(), 0)
    assert.equal(await page.locator('.article-text').innerText().then((t) => t.includes('Harbor Bridge repair contract')), true)
    assert.equal(await page.locator('[data-claim-anchor]').count(), report.claims.length)

    await page.screenshot({ path: artifactPath('web-ui-example.png') })

    // A quote's speaker: reachable with the keyboard (focus) and with the mouse (hover).
    assert.ok(report.quotes.length > 0, 'the example article has quotes')
    const anchor = page.locator('[aria-describedby="qtip-0"]')
    await anchor.focus()
    const note = page.locator('#qtip-0')
    await note.waitFor({ state: 'visible' })
    assert.match(await note.innerText(), new RegExp(escapeRegExp(report.quotes[0]!.speaker ?? 'unknown')))
    await page.screenshot({ path: artifactPath('web-ui-example-quote.png') })
    await anchor.blur()
    await note.waitFor({ state: 'hidden' })
    const last = report.quotes.length - 1
    await page.locator(`[aria-describedby="qtip-${last}"]`).hover()
    await page.locator(`#qtip-${last}`).waitFor({ state: 'visible' })

    // Download JSON: the same report.
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Report JSON' }).click()
    const file = await (await download).path()
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), report)

    assert.deepEqual(watch.dialogs, [])
    assert.deepEqual(watch.pageErrors, [])
    assert.deepEqual(watch.cspViolations, [])
    await page.close()
  })

  test('claims with fact-check matches and coverage; keyboard Tab reaches quotes; verdicts export as ClaimReview', async () => {
    const page = await context.newPage()
    const watch = await watchPage(page)
    await analyzeText(page, canned.url, 'any text: the canned engine answers with a fixed report')

    const cards = page.getByTestId('claim-card')
    assert.equal(await cards.count(), 2)
    assert.match(await cards.first().innerText(), /93% check-worthy/)
    assert.match(await cards.first().innerText(), /Vague source: sources close to the utility board/)
    const match = cards.first().getByRole('link', { name: 'Lakeside water bills will double in 2027' })
    assert.equal(await match.getAttribute('href'), 'https://factcheck.example/lakeside-water')
    assert.equal(await match.getAttribute('rel'), 'noopener noreferrer nofollow')
    assert.match(await cards.first().innerText(), /disagree Utility board denies rate-doubling report — Valley Times/i)

    // Keyboard only: Tab from the top of the page reaches the first quote, whose speaker note opens.
    await page.locator('body').focus()
    let reached = false
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby') === 'qtip-0')
    }
    assert.ok(reached, 'Tab reaches the first quote')
    assert.match(await page.locator('#qtip-0').innerText(), /Maria Chen/)
    await page.keyboard.press('Escape')
    await page.locator('#qtip-0').waitFor({ state: 'hidden' })

    // "Show in article" selects the claim's text.
    await cards.nth(1).getByRole('button', { name: 'Show in article' }).click()
    await page.locator('.m-claim.selected').first().waitFor()
    assert.match(await page.locator('.m-claim.selected').first().innerText(), /The utility lost 40 percent/)

    // A verdict on claim 1 → ClaimReview JSON-LD with that claim only.
    const claimReview = page.getByRole('button', { name: /ClaimReview/ })
    assert.equal(await claimReview.isDisabled(), true)
    await cards.first().getByLabel('Your verdict').selectOption('False')
    await page.getByLabel('Reviewed by').fill('Lakeside Checks')
    const download = page.waitForEvent('download')
    await claimReview.click()
    const reviews = JSON.parse(readFileSync(await (await download).path(), 'utf8'))
    assert.equal(reviews.length, 1)
    assert.equal(reviews[0]['@type'], 'ClaimReview')
    assert.equal(reviews[0].claimReviewed, CANNED_REPORT.claims[0]!.text)
    assert.equal(reviews[0].reviewRating.alternateName, 'False')
    assert.equal(reviews[0].reviewRating.ratingValue, 1)
    assert.equal(reviews[0].author.name, 'Lakeside Checks')
    // "sources close to the utility board" is an unnamed source, not an author of the claim.
    assert.equal(reviews[0].itemReviewed.author, undefined)
    assert.equal(reviews[0].itemReviewed['@type'], 'Claim')

    // Input warnings are shown.
    assert.match(await page.getByTestId('warnings').innerText(), /W_DATE_INVALID/)

    await page.screenshot({ path: artifactPath('web-ui-claims.png') })
    await assertInert(page)
    assert.deepEqual(watch.dialogs, [])
    assert.deepEqual(watch.pageErrors, [])
    await page.close()
  })

  test('hostile text in the report stays inert in the page and in the exported standalone HTML', async () => {
    const page = await context.newPage()
    const watch = await watchPage(page)
    await analyzeText(page, canned.url, 'hostile fields')
    assert.match(await page.locator('#article-title').innerText(), /<img src=x onerror=/)
    assert.match(await page.locator('.article-text').innerText(), /<script>window.__xss=1<\/script>/)
    assert.match(await page.getByText('Hostile <script>window.__xss=5</script> match').innerText(), /Hostile/)
    await page.locator('[aria-describedby="qtip-1"]').hover()
    assert.match(await page.locator('#qtip-1').innerText(), /Critics <b>anonymous<\/b>/)
    await assertInert(page)

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Standalone HTML' }).click()
    const exported = await (await download).path()
    const html = readFileSync(exported, 'utf8')
    assert.doesNotMatch(html, /<script|<img|<iframe|<svg|href="javascript:/i)
    const view = await context.newPage()
    const viewWatch = await watchPage(view)
    await view.goto(pathToFileURL(exported).href)
    await view.waitForLoadState('load')
    assert.match(await view.locator('body').innerText(), /window.__xss=1/)
    await assertInert(view)
    assert.deepEqual(viewWatch.dialogs, [])
    assert.equal(await viewWatch.xssMarker(), undefined)
    await view.close()

    assert.deepEqual(watch.dialogs, [])
    assert.equal(await watch.xssMarker(), undefined)
    await page.close()
  })

  test('an XSS article pasted as text or dropped as an HTML file is analyzed by the real engine and stays inert', async () => {
    const page = await context.newPage()
    const watch = await watchPage(page)
    const report = await analyzeText(page, server.url, XSS_TEXT)
    assert.match(report.document.text, /<script>/)
    assert.match(await page.locator('.article-text').innerText(), /<img src=x onerror=/)
    await assertInert(page)

    await page.getByRole('button', { name: 'New analysis' }).click()
    await page.getByRole('tab', { name: 'HTML file' }).click()
    await page.locator('#article-file').setInputFiles({ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(XSS_HTML) })
    await page.getByText('hostile.html').waitFor()
    const response = page.waitForResponse((r) => r.url().endsWith('/v1/analyze'))
    await page.getByRole('button', { name: 'Analyze', exact: true }).click()
    const fromHtml = (await (await response).json()) as Report
    assert.match(fromHtml.document.text, /budget vote was delayed/)
    await page.getByTestId('risk-score').waitFor()
    await assertInert(page)

    const exported = await fetch(`${server.url}/v1/reports/${fromHtml.id}?format=html`).then((r) => r.text())
    const view = await context.newPage()
    const viewWatch = await watchPage(view)
    await view.setContent(exported)
    await assertInert(view)
    assert.deepEqual(viewWatch.dialogs, [])

    assert.deepEqual(watch.dialogs, [])
    assert.deepEqual(watch.pageErrors, [])
    assert.equal(await watch.xssMarker(), undefined)
    await page.close()
    await view.close()
  })

  test('a German article: the risk card says "Not assessed" with the reason, and history lists it without a score', async () => {
    const page = await context.newPage()
    const report = await analyzeText(page, server.url, GERMAN_TEXT)
    assert.equal(report.risk.assessed, false)
    assert.equal(report.risk.score, null)
    const risk = await page.getByTestId('risk-score').innerText()
    assert.match(risk, /not assessed/i)
    assert.doesNotMatch(risk, /%/)
    const reasons = await page.getByTestId('not-assessed-reasons').innerText()
    assert.match(reasons, /German/)
    assert.equal(await page.locator('.risk-bar').count(), 0, 'no score bar')
    await page.screenshot({ path: artifactPath('web-ui-not-assessed.png') })
    await page.goto(`${server.url}/#/history`)
    await page.getByLabel('Search titles and text').fill('Hallenbad')
    await page.waitForFunction(() => document.querySelectorAll('.history-table tbody tr').length === 1)
    const chip = await page.locator('.history-table tbody tr .risk-chip').innerText()
    assert.match(chip, /not assessed/i)
    assert.doesNotMatch(chip, /%/)
    await page.close()
  })

  test('history lists stored reports newest first, searches, and opens one', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}/#/history`)
    await page.locator('.history-table tbody tr').first().waitFor()
    const rows = await page.locator('.history-table tbody tr').count()
    assert.ok(rows >= 2, `${rows} rows`)
    await page.getByLabel('Search titles and text').fill('Harbor Bridge')
    await page.waitForFunction(() => document.querySelectorAll('.history-table tbody tr').length === 1)
    await page.getByRole('link', { name: 'City Council delays vote on Harbor Bridge repairs' }).click()
    await page.getByTestId('risk-score').waitFor()
    assert.match(await page.locator('#article-title').innerText(), /Harbor Bridge/)
    await page.close()
  })

  test('the publisher and each cited outlet show a rating badge with its list and citation; unrated is said', async () => {
    const page = await context.newPage()
    const watch = await watchPage(page)
    const text = [
      'The council will close the harbor bridge for repairs next month, officials told The Washington Post on Monday.',
      '',
      'The repairs will cost four million dollars, according to the Valley Ledger, and take two weeks. Source: Infowars',
    ].join('\n')
    const report = await analyzeText(page, server.url, text)
    assert.equal(report.document.publisher?.domain, 'infowars.com')
    const publisher = await page.getByTestId('publisher').innerText()
    assert.match(publisher, /Published by Infowars/)
    assert.match(publisher, /0\.05 of 1, low · lin2023: Lin et al\. 2023/)
    const badges = await page.locator('.source-list [data-testid="rating-badge"]').allInnerTexts()
    assert.ok(badges.some((b) => /0\.82 of 1, high · lin2023: Lin et al\. 2023/.test(b)), badges.join(' | '))
    const rated = report.sources.filter((s) => s.rating)
    assert.equal(badges.length, rated.length)
    if (rated.some((s) => s.rating && 'unrated' in s.rating)) assert.ok(badges.includes('unrated'), badges.join(' | '))
    assert.equal(await page.locator('.rating.band-low').first().getAttribute('title'), 'infowars.com: rated by lin2023: Lin et al. 2023')
    assert.deepEqual([watch.pageErrors, watch.cspViolations], [[], []])
    await page.close()
  })
})

/** No element the article could have injected: scripts beyond the bundle, images, frames, javascript: links, handlers. */
async function assertInert(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const scripts = [...document.querySelectorAll('script')].filter((s) => !s.src || !new URL(s.src).pathname.startsWith('/assets/'))
    const handlers = [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')))
    return {
      scripts: scripts.length,
      images: document.querySelectorAll('img, svg image, iframe, object, embed').length,
      svg: document.querySelectorAll('body svg').length,
      jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      handlers: handlers.length,
      marker: (window as unknown as { __xss?: unknown }).__xss ?? null,
    }
  })
  assert.deepEqual(found, { scripts: 0, images: 0, svg: 0, jsLinks: 0, handlers: 0, marker: null })
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
