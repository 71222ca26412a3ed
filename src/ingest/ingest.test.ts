import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ingest } from './ingest.js'
import { outletFromText, readSourceLine, titleFromText } from './text-title.js'
import { DEFAULT_LIMITS } from './limits.js'
import { FactsiftError } from '../errors.js'

const failsWith = (code: string) => (e: unknown) => {
  assert.ok(e instanceof FactsiftError, String(e))
  assert.equal(e.code, code, e.message)
  return true
}

test('plain text: a "Title. Source: X" first line gives the title and the outlet, and stays in the text', async () => {
  const text = 'Mayor resigns after audit. Source: City Desk\n\nThe mayor of Lindford resigned on Friday.\n'
  const doc = await ingest({ text }, DEFAULT_LIMITS)
  assert.equal(doc.meta.title, 'Mayor resigns after audit')
  assert.equal(doc.text, 'Mayor resigns after audit. Source: City Desk\n\nThe mayor of Lindford resigned on Friday.')
  assert.deepEqual(
    [doc.meta.url, doc.meta.outlet, doc.meta.publishedAt, doc.meta.byline, doc.meta.language],
    [null, 'City Desk', null, null, 'en'],
  )
  assert.deepEqual(doc.warnings, [])
})

test('plain text is normalized once (line endings, zero-width, spaces, NFC) and otherwise kept', async () => {
  const doc = await ingest({ text: '\uFEFFHeadline here\r\n\r\n\r\nCafe\u0301 opens\u200B  today.\u00A0 Really.' }, DEFAULT_LIMITS)
  assert.equal(doc.text, 'Headline here\n\nCafé opens today. Really.')
  assert.equal(doc.meta.title, 'Headline here')
})

test('explicit metadata wins; url is metadata when text is given; dates become ISO 8601', async () => {
  const doc = await ingest(
    {
      text: 'Guessed headline\n\nBody text.',
      title: '  Stated  title ',
      url: 'https://news.example/a',
      outlet: 'News Example',
      publishedAt: 'March 5, 2026 2:30 PM EST',
    },
    DEFAULT_LIMITS,
  )
  assert.deepEqual(
    [doc.meta.title, doc.meta.url, doc.meta.outlet, doc.meta.publishedAt],
    ['Stated title', 'https://news.example/a', 'News Example', '2026-03-05T19:30:00Z'],
  )
})

test('an unreadable stated date is dropped with a warning, not an error', async () => {
  const doc = await ingest({ text: 'Body text here.', publishedAt: 'last Tuesday' }, DEFAULT_LIMITS)
  assert.equal(doc.meta.publishedAt, null)
  assert.deepEqual(doc.warnings.map((w) => w.code), ['W_DATE_INVALID'])
})

test('bad article inputs', async () => {
  await assert.rejects(ingest({ text: '' }, DEFAULT_LIMITS), failsWith('E_INPUT_EMPTY'))
  await assert.rejects(ingest({ text: ' \n\u200B\t ' }, DEFAULT_LIMITS), failsWith('E_INPUT_EMPTY'))
  await assert.rejects(ingest({}, DEFAULT_LIMITS), failsWith('E_INPUT_INVALID'))
  await assert.rejects(ingest({ title: 'Only a title' }, DEFAULT_LIMITS), failsWith('E_INPUT_INVALID'))
  await assert.rejects(ingest({ text: 42 } as never, DEFAULT_LIMITS), failsWith('E_INPUT_INVALID'))
  await assert.rejects(ingest(null as never, DEFAULT_LIMITS), failsWith('E_INPUT_INVALID'))
  const small = { ...DEFAULT_LIMITS, maxBytes: 10 }
  await assert.rejects(ingest({ text: 'ééééééé' }, small), failsWith('E_INPUT_TOO_LARGE')) // 14 bytes, 7 chars
  await assert.rejects(ingest({ html: '<p>0123456789</p>' }, small), failsWith('E_INPUT_TOO_LARGE'))
  await assert.rejects(ingest({ html: '<nav><a href="/">Home</a></nav>' }, DEFAULT_LIMITS), failsWith('E_NO_ARTICLE'))
})

test('text wins over html when both are given', async () => {
  const doc = await ingest({ text: 'The text version.', html: '<p>The HTML version of the story.</p>' }, DEFAULT_LIMITS)
  assert.equal(doc.text, 'The text version.')
})

test('titleFromText: which first lines are headlines', () => {
  const cases: Array<[string, string | null]> = [
    ['Trump’s criticism continues to happen. Source: News Week\n\nBody.', 'Trump’s criticism continues to happen'],
    ['Is this the end of cash? Source: Money Desk\n\nBody.', 'Is this the end of cash?'],
    ['Source: News Week\n\nBody.', null],
    ['# Markdown headline\n\nBody.', 'Markdown headline'],
    ['Council votes to close library\n\nThe council voted on Monday.', 'Council votes to close library'],
    ['Shock result stuns pundits!\n\nBody.', 'Shock result stuns pundits!'],
    ['The council voted on Monday to close the library.\n\nMore text.', null],
    ['A headline-looking line\nthat continues on the next line.\n\nBody.', null],
    ['By Jane Doe\n\nBody.', null],
    ['only lowercase start here\n\nBody.', null],
    ['Single line without anything after', null],
    ['Headline with no body\n\n', null],
    [`${'Very long words '.repeat(12)}\n\nBody.`, null],
  ]
  for (const [text, want] of cases) assert.equal(titleFromText(text), want, text)
})

test('readSourceLine: a headline ending in a source, a bare source line, and lines that name none', () => {
  assert.deepEqual(readSourceLine('Bridge vote delayed. Source: Riverton Gazette'), { title: 'Bridge vote delayed', source: 'Riverton Gazette' })
  assert.deepEqual(readSourceLine('Source: News Week '), { title: null, source: 'News Week' })
  assert.equal(readSourceLine('Open source: a movement'), null)
  assert.equal(readSourceLine('Bridge vote delayed'), null)
})

test('outletFromText: the header\'s "Source: X" names the outlet; a source line further down does not', () => {
  assert.equal(outletFromText('Bridge vote delayed. Source: Riverton Gazette\n\nThe council met.'), 'Riverton Gazette')
  assert.equal(outletFromText('Source: News Week\n\nThe council met.'), 'News Week')
  assert.equal(outletFromText('Bridge vote delayed\n\nSource: Coastal Times\n\nThe council met.'), 'Coastal Times')
  assert.equal(outletFromText('Bridge vote delayed\n\nThe council met on Monday.\n\nSource: Reuters'), null)
  assert.equal(outletFromText('Open source: a movement\n\nText.'), null)
  assert.equal(outletFromText('Headline. Source: the residents of the eastern districts who wrote to the council\n\nText.'), null)
})

test('a plain text with "Headline. Source: X" gets X as its outlet unless one is given', async () => {
  const text = 'Hollis Creek mayor apologises. Source: Hollis Creek Herald\n\nThe mayor apologised on Wednesday.'
  const doc = await ingest({ text }, DEFAULT_LIMITS)
  assert.equal(doc.meta.outlet, 'Hollis Creek Herald')
  assert.equal(doc.meta.title, 'Hollis Creek mayor apologises')
  const stated = await ingest({ text, outlet: 'Given Outlet' }, DEFAULT_LIMITS)
  assert.equal(stated.meta.outlet, 'Given Outlet')
  const none = await ingest({ text: 'The mayor apologised on Wednesday.\n\nShe said so.' }, DEFAULT_LIMITS)
  assert.equal(none.meta.outlet, null)
})
