// The source-ratings repository's share of the store contract: registered by storeContract for both backends.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Store } from '../types.js'
import type { ListEntry, RatingsList } from '../../source-ratings/index.js'
import type { ContractOptions } from './store-contract.js'

const list = (name: string, ratings: Record<string, ListEntry>, citation = `user list "${name}"`): RatingsList => ({ name, citation, entries: new Map(Object.entries(ratings)) })
const plain = (l: RatingsList | null) => l && { name: l.name, citation: l.citation, entries: Object.fromEntries(l.entries) }

export function sourceRatingsContract(name: string, options: ContractOptions): void {
  const it = (title: string, body: (store: Store) => Promise<void>) =>
    test(`${name}: source ratings: ${title}`, { skip: options.skip ?? false }, async () => {
      const store = await options.open()
      try {
        await body(store)
      } finally {
        await store.close()
      }
    })

  it('save, get (keys sorted, labels kept), list with counts and ranks, export round trip', async ({ sourceRatings }) => {
    assert.deepEqual(await sourceRatings.lists(), [])
    assert.equal(await sourceRatings.getList('newsroom'), null)
    const saved = await sourceRatings.saveList(list('newsroom', { 'infowars.com': { score: 0.2, label: 'unreliable' }, 'apnews.com': { score: 0.97 }, 'yahoo.com/news': { score: 0.6 } }, 'Newsroom 2024'))
    assert.deepEqual([saved.name, saved.citation, saved.count, saved.rank], ['newsroom', 'Newsroom 2024', 3, 1])
    assert.ok(!Number.isNaN(Date.parse(saved.createdAt)))
    const got = await sourceRatings.getList('newsroom')
    assert.deepEqual([...got!.entries.keys()], ['apnews.com', 'infowars.com', 'yahoo.com/news'])
    assert.deepEqual(plain(got), {
      name: 'newsroom',
      citation: 'Newsroom 2024',
      entries: { 'apnews.com': { score: 0.97 }, 'infowars.com': { score: 0.2, label: 'unreliable' }, 'yahoo.com/news': { score: 0.6 } },
    })
  })

  it('precedence: first created ranks first; replacing a list keeps its rank and replaces all its ratings', async ({ sourceRatings }) => {
    await sourceRatings.saveList(list('first', { 'a.com': { score: 0.1 }, 'b.com': { score: 0.2 } }))
    await sourceRatings.saveList(list('second', { 'a.com': { score: 0.9 } }))
    await sourceRatings.saveList(list('first', { 'c.com': { score: 0.3 } }, 'renamed citation'))
    const lists = await sourceRatings.lists()
    assert.deepEqual(lists.map((l) => [l.name, l.rank, l.count, l.citation]), [['first', 1, 1, 'renamed citation'], ['second', 2, 1, 'user list "second"']])
    const all = await sourceRatings.loadAll()
    assert.deepEqual(all.map(plain), [
      { name: 'first', citation: 'renamed citation', entries: { 'c.com': { score: 0.3 } } },
      { name: 'second', citation: 'user list "second"', entries: { 'a.com': { score: 0.9 } } },
    ])
  })

  it('remove a list, remove one rating; the revision moves with every write and only then', async ({ sourceRatings }) => {
    const r0 = await sourceRatings.revision()
    await sourceRatings.saveList(list('x', { 'a.com': { score: 0.1 }, 'b.com': { score: 0.5 } }))
    const r1 = await sourceRatings.revision()
    assert.ok(r1 > r0)
    assert.equal(await sourceRatings.removeRating('x', 'nope.com'), false)
    assert.equal(await sourceRatings.revision(), r1, 'a write that changes nothing keeps the revision')
    assert.equal(await sourceRatings.removeRating('x', 'a.com'), true)
    const r2 = await sourceRatings.revision()
    assert.ok(r2 > r1)
    assert.deepEqual(plain(await sourceRatings.getList('x'))!.entries, { 'b.com': { score: 0.5 } })
    assert.equal(await sourceRatings.removeList('x'), true)
    assert.ok((await sourceRatings.revision()) > r2)
    assert.equal(await sourceRatings.removeList('x'), false)
    assert.equal(await sourceRatings.getList('x'), null)
    assert.deepEqual(await sourceRatings.loadAll(), [])
    // A list created after a removal ranks after the survivors, never before them.
    await sourceRatings.saveList(list('y', { 'a.com': { score: 0.1 } }))
    await sourceRatings.saveList(list('z', { 'a.com': { score: 0.2 } }))
    await sourceRatings.removeList('y')
    await sourceRatings.saveList(list('w', { 'a.com': { score: 0.3 } }))
    assert.deepEqual((await sourceRatings.lists()).map((l) => [l.name, l.rank]), [['z', 1], ['w', 2]])
  })

  it('a large list saves whole (more rows than one INSERT carries)', async ({ sourceRatings }) => {
    const ratings: Record<string, ListEntry> = {}
    for (let i = 0; i < 2500; i++) ratings[`site${String(i).padStart(4, '0')}.example`] = { score: (i % 101) / 100 }
    const saved = await sourceRatings.saveList(list('big', ratings))
    assert.equal(saved.count, 2500)
    const got = await sourceRatings.getList('big')
    assert.deepEqual(got!.entries.get('site0102.example'), { score: 0.01 })
  })
}
