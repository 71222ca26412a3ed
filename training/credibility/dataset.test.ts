import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readCredibilityJsonl, storyOf, targetOf } from './dataset.js'

function withFile(content: string, run: (path: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'factsift-cred-'))
  try {
    const path = join(dir, 'mini.jsonl')
    writeFileSync(path, content)
    run(path)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const longTitle = 'A whole article that ended up in the title field because its file had no headline line at all, which happens in one corpus.'

test('rows parse with defaults; an article stored only in `title` becomes the text', () => {
  const lines = [
    JSON.stringify({ id: 'x/biz01.fake.txt', domain: 'biz', label: 'fake', title: 'Headline', text: 'Body one.' }),
    '',
    JSON.stringify({ label: 'REAL', text: 'Body two.' }),
    JSON.stringify({ label: 'satire', title: longTitle, text: '' }),
  ]
  withFile(lines.join('\n'), (path) => {
    const rows = readCredibilityJsonl(path)
    assert.equal(rows.length, 3)
    assert.deepEqual(rows[0], { id: 'x/biz01.fake.txt', text: 'Body one.', title: 'Headline', label: 'fake', domain: 'biz', dataset: 'mini', group: 'x/biz01' })
    assert.equal(rows[1].label, 'real')
    assert.equal(rows[1].id, 'mini:3')
    assert.equal(rows[2].text, longTitle)
    assert.equal(rows[2].title, null)
  })
})

test('bad rows name file and line', () => {
  withFile('{"label":"fake","text":"ok"}\n{"label":"maybe","text":"x"}', (path) => {
    assert.throws(() => readCredibilityJsonl(path), (e: { code: string; message: string }) => e.code === 'E_BAD_DATA_ROW' && e.message.endsWith(':2: label must be fake, real or satire'))
  })
  withFile('{"label":"fake","text":"","title":"short"}', (path) => assert.throws(() => readCredibilityJsonl(path), { code: 'E_BAD_DATA_ROW' }))
  withFile('not json', (path) => assert.throws(() => readCredibilityJsonl(path), { code: 'E_BAD_DATA_ROW' }))
  assert.throws(() => readCredibilityJsonl('/nonexistent/file.jsonl'), { code: 'E_INPUT_NOT_FOUND' })
})

test('stories pair a fake with the article it imitates', () => {
  assert.equal(storyOf('fakenewsamt/biz01.fake.txt'), 'fakenewsamt/biz01')
  assert.equal(storyOf('fakenewsamt/biz01.legit.txt'), 'fakenewsamt/biz01')
  assert.equal(storyOf('celebrity/001fake.txt'), 'celebrity/001')
  assert.equal(storyOf('celebrity/001legit.txt'), 'celebrity/001')
  assert.equal(storyOf('other-42'), 'other-42')
})

test('satire is unreliable unless the policy says otherwise', () => {
  assert.equal(targetOf('fake'), 1)
  assert.equal(targetOf('real'), 0)
  assert.equal(targetOf('satire'), 1)
  assert.equal(targetOf('satire', 'reliable'), 0)
})
