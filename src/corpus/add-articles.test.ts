import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import { readCorpusInputs } from './read-inputs.js'
import { addArticles } from './add-articles.js'
import { isFactsiftError } from '../errors.js'

const JSONL = [
  '{"title":"Bridge closes for repairs","body":"The old bridge closes on Monday for six weeks of repairs.","url":"https://news.example.com/bridge?utm_source=x#top","outlet":"Example News","date":"2024-05-06"}',
  '',
  '{"headline":"Library extends hours","text":"The city library will open until 9 pm on weekdays.","source":{"name":"AP"}}',
  '{not json',
  '{"title":"No body here"}',
  '{"title":"Bad date","body":"Some text.","publishedAt":"sometime soon"}',
  '["an array"]',
].join('\n')

const CSV = 'title,body,url,outlet,published_at\n' +
  '"Council votes on budget","The council voted 7-2.\n\nA second paragraph, with a comma.",https://example.org/budget,The Daily Example,2024-05-01\n' +
  'Short row,only two\n' +
  'Ferry schedule changes,"Ferries will run every 20 minutes, officials said.",,,\n'

function fixtureDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'factsift-corpus-'))
  writeFileSync(join(dir, 'feed.jsonl'), JSONL)
  writeFileSync(join(dir, 'rows.csv'), CSV)
  mkdirSync(join(dir, 'notes'))
  writeFileSync(join(dir, 'notes', 'a.txt'), '---\noutlet: Reuters\ndate: 2024-04-30\nurl: https://www.reuters.com/x\n---\nPort strike ends\nDock workers returned to work after a two-day strike.\n')
  writeFileSync(join(dir, 'notes', 'b2.txt'), 'Ferry fares frozen. Source: Harbor Daily\n\nFerry fares will stay the same next year, the port authority said.\n')
  writeFileSync(join(dir, 'notes', 'b.md'), '# Museum reopens\n\nThe museum reopened after a year of renovation work.\n')
  writeFileSync(join(dir, 'notes', 'c.html'), '<html><head><title>Zoo welcomes twin pandas</title><meta property="og:site_name" content="Example Herald"></head><body><article><h1>Zoo welcomes twin pandas</h1><p>The city zoo announced the birth of twin panda cubs on Tuesday, keepers said.</p><p>Both cubs are healthy and will stay with their mother for several months.</p></article></body></html>')
  writeFileSync(join(dir, 'notes', 'image.png'), 'not an article')
  writeFileSync(join(dir, 'list.json'), JSON.stringify({ articles: [{ title: 'Market opens', body: 'The farmers market opens on Saturday.' }, 42] }))
  return dir
}

async function collect(inputs: string[], stdin?: NodeJS.ReadableStream) {
  const items = []
  for await (const item of readCorpusInputs(inputs, { maxBytes: 1 << 20, stdin })) items.push(item)
  return items
}

test('JSONL: accepted field names, URL normalized and used as key, outlet from aliases; bad lines named with line numbers', async () => {
  const dir = fixtureDir()
  try {
    const items = await collect([join(dir, 'feed.jsonl')])
    const articles = items.filter((i) => i.article).map((i) => i.article!)
    assert.equal(articles.length, 2)
    assert.deepEqual(articles[0], {
      key: 'https://news.example.com/bridge', title: 'Bridge closes for repairs',
      body: 'The old bridge closes on Monday for six weeks of repairs.', url: 'https://news.example.com/bridge',
      outlet: 'Example News', publishedAt: '2024-05-06',
    })
    assert.equal(articles[1]!.outlet, 'Associated Press')
    assert.match(articles[1]!.key, /^sha256:[0-9a-f]{64}$/)
    const problems = items.filter((i) => i.problem).map((i) => `${i.where.replace(dir, '')} ${i.problem}`)
    assert.equal(problems.length, 4)
    assert.match(problems[0]!, /^\/feed\.jsonl:4 not valid JSON/)
    assert.match(problems[1]!, /^\/feed\.jsonl:5 no body text/)
    assert.match(problems[2]!, /^\/feed\.jsonl:6 date "sometime soon" cannot be read/)
    assert.match(problems[3]!, /^\/feed\.jsonl:7 expected a JSON object per line/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('CSV with a multi-line quoted body; a short row is reported with the line it starts on', async () => {
  const dir = fixtureDir()
  try {
    const items = await collect([join(dir, 'rows.csv')])
    assert.equal(items[0]!.article!.body, 'The council voted 7-2.\n\nA second paragraph, with a comma.')
    assert.equal(items[0]!.article!.outlet, 'The Daily Example')
    assert.equal(items[1]!.where, `${join(dir, 'rows.csv')}:5`)
    assert.match(items[1]!.problem!, /expected 5 fields, found 2/)
    assert.equal(items[2]!.article!.title, 'Ferry schedule changes')
    assert.equal(items[2]!.article!.url, null)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('a folder is read recursively in name order, skipping unsupported files; text front matter and HTML metadata are used', async () => {
  const dir = fixtureDir()
  try {
    const items = await collect([dir])
    const where = items.map((i) => i.where.slice(dir.length + 1))
    assert.deepEqual(where.filter((w) => w.startsWith('notes')), ['notes/a.txt', 'notes/b.md', 'notes/b2.txt', 'notes/c.html'])
    const byTitle = new Map(items.filter((i) => i.article).map((i) => [i.article!.title, i.article!]))
    assert.deepEqual(byTitle.get('Port strike ends'), {
      key: 'https://www.reuters.com/x', title: 'Port strike ends', body: 'Dock workers returned to work after a two-day strike.',
      url: 'https://www.reuters.com/x', outlet: 'Reuters', publishedAt: '2024-04-30',
    })
    // 'Headline. Source: Outlet' gives the title and the outlet
    assert.equal(byTitle.get('Ferry fares frozen')!.outlet, 'Harbor Daily')
    assert.equal(byTitle.get('Museum reopens')!.body, 'The museum reopened after a year of renovation work.')
    const zoo = byTitle.get('Zoo welcomes twin pandas')!
    assert.equal(zoo.outlet, 'Example Herald')
    assert.match(zoo.body, /^The city zoo announced/)
    assert.ok(byTitle.has('Market opens'))
    assert.ok(items.some((i) => i.where.endsWith('list.json item 2') && /expected an article object/.test(i.problem!)))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('a missing input or an unsupported named file fails before anything is read', async () => {
  await assert.rejects(collect(['/no/such/file.jsonl']), (e) => isFactsiftError(e) && e.code === 'E_INPUT_NOT_FOUND')
  const dir = fixtureDir()
  try {
    await assert.rejects(collect([join(dir, 'notes', 'image.png')]), (e) => isFactsiftError(e) && e.code === 'E_UNSUPPORTED_TYPE')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('adding is idempotent: a second run changes nothing, an edited item is updated, bad items are counted and skipped', async () => {
  const dir = fixtureDir()
  const store = openSqliteStore(':memory:')
  try {
    const problems: string[] = []
    const first = await addArticles(store.corpus, readCorpusInputs([dir], { maxBytes: 1 << 20 }), { batchSize: 2, onProblem: (p) => problems.push(p.where) })
    assert.deepEqual({ ...first, problems: first.problems.length }, { read: 9, inserted: 9, updated: 0, unchanged: 0, skipped: 6, problems: 6 })
    assert.equal(problems.length, 6)
    const second = await addArticles(store.corpus, readCorpusInputs([dir], { maxBytes: 1 << 20 }))
    assert.deepEqual([second.inserted, second.updated, second.unchanged], [0, 0, 9])
    const edited = '{"title":"Bridge closes for repairs","body":"Repairs now take eight weeks.","url":"https://news.example.com/bridge"}\n'
    const third = await addArticles(store.corpus, readCorpusInputs(['-'], { maxBytes: 1 << 20, stdin: Readable.from([edited]) }))
    assert.deepEqual([third.inserted, third.updated, third.unchanged], [0, 1, 0])
    assert.equal(await store.corpus.count(), 9)
    assert.equal((await store.corpus.search('eight weeks repairs', { limit: 1 }))[0]!.article.key, 'https://news.example.com/bridge')
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
