import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cleanTweet, splitCamelCase } from './tweet-cleanup.js'

const CASES: { raw: string; text: string; author?: string | null; handle?: string | null; date?: string | null }[] = [
  {
    raw: 'Our town pool is closing for good pic.twitter.com/AbC123xyz — Pat Example (@patexample) March 3, 2021',
    text: 'Our town pool is closing for good',
    author: 'Pat Example',
    handle: 'patexample',
    date: 'March 3, 2021',
  },
  {
    raw: 'Read this https://t.co/xYz987 now #SaveThePark',
    text: 'Read this now Save The Park',
    author: null,
  },
  {
    raw: 'The bridge was closed today.#BridgeNewspic.twitter.com/Q1w2E3r4 — City Desk® (@citydesk) May 9, 2022',
    text: 'The bridge was closed today. Bridge News',
    author: 'City Desk',
  },
  {
    raw: 'Thanks @RiverValleyNews for the *amazing* coverage — Sam (@sam_writes) June 1, 2020',
    text: 'Thanks River Valley News for the amazing coverage',
    handle: 'sam_writes',
  },
  {
    raw: '"She said ""no comment"" and left. — A Reporter (@areporter) July 4, 2019"',
    text: 'She said ""no comment"" and left.',
    author: 'A Reporter',
  },
  { raw: 'RT: Storm warning for the coast &amp; the bay', text: 'Storm warning for the coast & the bay' },
  { raw: 'No signature here, just a claim about 40% of voters.', text: 'No signature here, just a claim about 40% of voters.', author: null },
]

for (const c of CASES) {
  test(`cleanTweet: ${c.raw.slice(0, 40)}`, () => {
    const out = cleanTweet(c.raw)
    assert.equal(out.text, c.text)
    if (c.author !== undefined) assert.equal(out.author, c.author)
    if (c.handle !== undefined) assert.equal(out.handle, c.handle)
    if (c.date !== undefined) assert.equal(out.date, c.date)
  })
}

test('handles can be dropped instead of split', () => {
  assert.equal(cleanTweet('Ask @MayorOffice about it', { handles: 'drop' }).text, 'Ask about it')
})

test('splitCamelCase', () => {
  assert.equal(splitCamelCase('FreeIran2020'), 'Free Iran 2020')
  assert.equal(splitCamelCase('realDonaldTrump'), 'real Donald Trump')
  assert.equal(splitCamelCase('NASAMoonShot'), 'NASA Moon Shot')
  assert.equal(splitCamelCase('snake_case_tag'), 'snake case tag')
})
