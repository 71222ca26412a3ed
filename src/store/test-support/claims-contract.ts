// The claim repository's share of the store contract: registered by storeContract for both backends.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Store } from '../types.js'
import type { ClusterPolicy, ClusterTermStats, NewArticleClaim } from '../claim-repository.js'
import type { ContractOptions } from './store-contract.js'
import { claimTerms } from '../claim-clustering.js'

const T0 = 1_700_000_000_000
const HOUR = 3_600_000

/** Joins a candidate sharing at least half the terms; a known-false claim raises one alert per article. */
export const testPolicy: ClusterPolicy = {
  choose(text, candidates) {
    const mine = new Set(claimTerms(text))
    for (const c of candidates) {
      const theirs = new Set(claimTerms(c.representative))
      const shared = [...mine].filter((t) => theirs.has(t)).length
      const similarity = shared / (mine.size + theirs.size - shared)
      if (similarity >= 0.5) return { id: c.id, similarity }
    }
    return null
  },
  alerts(change) {
    if (!change.after.knownFalse || !change.newArticle) return []
    return [{ kind: 'known-false-repeat', idempotencyKey: `known-false:${change.after.id}:${change.claim.reportId}`, message: `repeats: ${change.after.representative}` }]
  },
}

export function articleClaim(text: string, overrides: Partial<NewArticleClaim> = {}): NewArticleClaim {
  return {
    claimIndex: 0,
    text,
    sentence: 0,
    start: 0,
    end: text.length,
    articleUrl: 'https://news.example/a',
    articleTitle: 'A story',
    outlet: 'Outlet A',
    speaker: null,
    publishedAt: '2023-11-14T10:00:00Z',
    seenAt: T0,
    checkworthiness: 0.8,
    verdict: null,
    factchecks: [],
    stance: { agree: 0, disagree: 0, discuss: 0 },
    ...overrides,
  }
}

const RUMOUR = 'The new 5G towers killed the birds at Lake Arden last week.'
const FACTCHECK = { url: 'https://factcheck.example/5g-birds', rating: 'False', ratingNormalized: 'false', factChecker: 'Example Checks', claim: '5G towers killed birds at Lake Arden' }

export function claimsContract(name: string, options: ContractOptions): void {
  const it = (title: string, body: (store: Store) => Promise<void>) =>
    test(`${name}: claims: ${title}`, { skip: options.skip ?? false }, async () => {
      const store = await options.open()
      try {
        await body(store)
      } finally {
        await store.close()
      }
    })

  it('clusters near-duplicates across articles, idempotent by report id, with outlets, counts and fact-checks', async ({ claims }) => {
    const webhooks = ['http://127.0.0.1:9/hook']
    const first = await claims.addReportClaims(
      'r1',
      [articleClaim(RUMOUR, { verdict: 'rated-false', factchecks: [FACTCHECK], speaker: 'a resident' }), articleClaim('The council approved a budget of 12 million for the harbor.', { claimIndex: 1, checkworthiness: 0.7 })],
      testPolicy,
      { webhooks, now: T0 },
    )
    assert.equal(first.added, true)
    assert.equal(first.claims.length, 2)
    assert.notEqual(first.claims[0]!.clusterId, first.claims[1]!.clusterId)
    assert.equal(first.alerts.length, 1)
    assert.equal(first.alerts[0]!.kind, 'known-false-repeat')
    assert.equal(await claims.hasReport('r1'), true)

    const again = await claims.addReportClaims('r1', [articleClaim(RUMOUR)], testPolicy, { webhooks, now: T0 + 1 })
    assert.deepEqual(again, { added: false, claims: [], alerts: [] })

    const second = await claims.addReportClaims('r2', [articleClaim('5G towers killed the birds at Lake Arden, residents say.', { outlet: 'Outlet B', seenAt: T0 + HOUR, articleUrl: 'https://b.example/x' })], testPolicy, { webhooks, now: T0 + HOUR })
    assert.equal(second.claims[0]!.clusterId, first.claims[0]!.clusterId, 'a near-duplicate joins the cluster')
    assert.ok(second.claims[0]!.similarity >= 0.5 && second.claims[0]!.similarity < 1)
    assert.equal(second.alerts.length, 1, 'a new article repeating a known-false claim alerts')
    // Same outlet, same cluster, another article.
    await claims.addReportClaims('r3', [articleClaim(RUMOUR, { outlet: 'Outlet B', seenAt: T0 + 2 * HOUR })], testPolicy, { webhooks: [], now: T0 + 2 * HOUR })

    const list = await claims.listClusters({})
    assert.equal(list.length, 2)
    const [top, other] = list
    assert.equal(top!.id, first.claims[0]!.clusterId, 'the known-false cluster spread by two outlets ranks first')
    assert.equal(top!.representative, RUMOUR)
    assert.equal(top!.articleCount, 3)
    assert.equal(top!.outletCount, 2)
    assert.equal(top!.claimCount, 3)
    assert.deepEqual(top!.outlets, ['Outlet A', 'Outlet B'])
    assert.equal(top!.knownFalse, true)
    assert.equal(top!.firstSeenAt, T0)
    assert.equal(top!.lastSeenAt, T0 + 2 * HOUR)
    assert.deepEqual(top!.factchecks, [FACTCHECK])
    assert.ok(top!.score > other!.score)
    assert.equal(other!.knownFalse, false)

    assert.deepEqual((await claims.listClusters({ knownFalse: true })).map((c) => c.id), [top!.id])
    assert.deepEqual((await claims.listClusters({ outlet: 'Outlet B' })).map((c) => c.id), [top!.id])
    assert.deepEqual((await claims.listClusters({ since: T0 + HOUR })).map((c) => c.id), [top!.id])
    assert.equal((await claims.listClusters({ limit: 1 })).length, 1)

    const shown = await claims.getCluster(top!.id)
    assert.ok(shown)
    assert.deepEqual(shown.claims.map((c) => [c.reportId, c.outlet, c.seenAt]), [['r1', 'Outlet A', T0], ['r2', 'Outlet B', T0 + HOUR], ['r3', 'Outlet B', T0 + 2 * HOUR]])
    assert.equal(shown.claims[0]!.speaker, 'a resident')
    assert.equal(shown.claims[0]!.verdict, 'rated-false')
    assert.equal(shown.claims[1]!.articleUrl, 'https://b.example/x')
    assert.equal(await claims.getCluster('cl-nope'), null)

    const counts = await claims.counts()
    assert.deepEqual(counts, { claims: 4, clusters: 2, alerts: 3, undelivered: 2 })
  })

  it('lists cluster members (distinct texts, oldest first, at most n each) and hands them to the policy', async ({ claims }) => {
    const NEAR = '5G towers killed the birds at Lake Arden, residents say.'
    const a = await claims.addReportClaims('m1', [articleClaim(RUMOUR), articleClaim('The council approved a budget of 12 million for the harbor.', { claimIndex: 1 })], testPolicy, { webhooks: [], now: T0 })
    await claims.addReportClaims('m2', [articleClaim(NEAR, { seenAt: T0 + HOUR })], testPolicy, { webhooks: [], now: T0 + HOUR })
    await claims.addReportClaims('m3', [articleClaim(RUMOUR, { seenAt: T0 + 2 * HOUR })], testPolicy, { webhooks: [], now: T0 + 2 * HOUR })
    const [rumour, budget] = [a.claims[0]!.clusterId, a.claims[1]!.clusterId]
    const all = await claims.clusterMembers([rumour, budget, 'cl-nope'], 5)
    assert.deepEqual(all.get(rumour), [RUMOUR, NEAR], 'distinct texts, oldest first')
    assert.deepEqual(all.get(budget), ['The council approved a budget of 12 million for the harbor.'])
    assert.equal(all.has('cl-nope'), false)
    assert.deepEqual((await claims.clusterMembers([rumour], 1)).get(rumour), [RUMOUR])
    assert.deepEqual(await claims.clusterMembers([], 5), new Map())

    let seen: readonly (readonly string[] | undefined)[] = []
    const spy: ClusterPolicy = { ...testPolicy, members: 3, choose: (text, candidates) => ((seen = candidates.map((c) => c.members)), testPolicy.choose(text, candidates)) }
    await claims.addReportClaims('m4', [articleClaim('Birds at Lake Arden were killed by 5G towers, a post says.', { seenAt: T0 + 3 * HOUR })], spy, { webhooks: [], now: T0 + 3 * HOUR })
    assert.ok(seen.some((m) => m?.join('|') === [RUMOUR, NEAR].join('|')), 'candidates carry their member texts when the policy asks')
    let plain: readonly (readonly string[] | undefined)[] = []
    await claims.addReportClaims('m5', [articleClaim(NEAR, { seenAt: T0 + 4 * HOUR })], { ...testPolicy, choose: (text, candidates) => ((plain = candidates.map((c) => c.members)), testPolicy.choose(text, candidates)) }, { webhooks: [], now: T0 + 4 * HOUR })
    assert.ok(plain.length > 0 && plain.every((m) => m === undefined), 'no member lookup by default')
  })

  it('with indexMembers, a cluster is found through the terms of its first members, not only its representative', async ({ claims }) => {
    const seen: string[][] = []
    const joinFirst = (index: boolean): ClusterPolicy => ({
      ...testPolicy,
      members: 2,
      indexMembers: index,
      choose: (_text, candidates) => (seen.push(candidates.map((c) => c.id)), candidates[0] ? { id: candidates[0].id, similarity: 0.9 } : null),
    })
    const first = await claims.addReportClaims('x1', [articleClaim(RUMOUR)], joinFirst(true), { webhooks: [], now: T0 })
    const cluster = first.claims[0]!.clusterId
    await claims.addReportClaims('x2', [articleClaim('Dead birds at Lake Arden near the Millbrook quarry mast.', { seenAt: T0 + 1 })], joinFirst(true), { webhooks: [], now: T0 + 1 })
    const x3 = await claims.addReportClaims('x3', [articleClaim('Millbrook quarry mast photos.', { seenAt: T0 + 2 })], joinFirst(false), { webhooks: [], now: T0 + 2 })
    assert.deepEqual(seen.at(-1), [cluster], 'found through a member\'s words')
    assert.equal(x3.claims[0]!.clusterId, cluster)
    // The third claim joined too, but past `members` claims a cluster's index does not grow: its own words find nothing.
    const x4 = await claims.addReportClaims('x4', [articleClaim('Photos.', { seenAt: T0 + 3 })], joinFirst(true), { webhooks: [], now: T0 + 3 })
    assert.notEqual(x4.claims[0]!.clusterId, cluster)
  })

  it('hands the policy the store\'s cluster count and the DF of the terms it asks for, only when it asks', async ({ claims }) => {
    await claims.addReportClaims('d1', [articleClaim(RUMOUR)], testPolicy, { webhooks: [], now: T0 })
    await claims.addReportClaims('d2', [articleClaim('The council approved a harbor budget.', { seenAt: T0 + 1 })], testPolicy, { webhooks: [], now: T0 + 1 })
    const got: (ClusterTermStats | undefined)[] = []
    const asking: ClusterPolicy = { ...testPolicy, statsTerms: () => ['harbor', 'arden', 'harbor', 'zzunseen'], choose: (text, candidates, stats) => (got.push(stats), testPolicy.choose(text, candidates)) }
    await claims.addReportClaims('d3', [articleClaim('Harbor birds at Lake Arden.', { seenAt: T0 + 2 })], asking, { webhooks: [], now: T0 + 2 })
    assert.equal(got.length, 1)
    assert.equal(got[0]!.total, 2)
    assert.equal(got[0]!.df.get('harbor'), 1)
    assert.equal(got[0]!.df.get('arden'), 1)
    assert.equal(got[0]!.df.get('zzunseen') ?? 0, 0)
    await claims.addReportClaims('d4', [articleClaim('Harbor birds at Lake Arden again.', { seenAt: T0 + 3 })], { ...testPolicy, choose: (text, candidates, stats) => (got.push(stats), testPolicy.choose(text, candidates)) }, { webhooks: [], now: T0 + 3 })
    assert.equal(got.length, 2)
    assert.equal(got[1], undefined, 'no lookup by default')
  })

  it('alerts: one per idempotency key; outbox claimed once, retried when failed, never sent again once delivered', async ({ claims }) => {
    const hook = 'http://127.0.0.1:9/hook'
    await claims.addReportClaims('r1', [articleClaim(RUMOUR, { verdict: 'rated-false' })], testPolicy, { webhooks: [hook], now: T0 })
    await claims.addReportClaims('r2', [articleClaim(RUMOUR, { outlet: 'B' })], testPolicy, { webhooks: [hook], now: T0 + 10 })
    const alerts = await claims.listAlerts({})
    assert.equal(alerts.length, 2)
    assert.ok(alerts[0]!.createdAt >= alerts[1]!.createdAt, 'newest first')
    assert.equal(alerts[0]!.payload.cluster.articleCount, 2)
    assert.equal(alerts[0]!.payload.article?.outlet, 'B')
    assert.deepEqual(alerts[0]!.deliveries, [{ webhook: hook, attempts: 0, deliveredAt: null, lastError: null }])

    const batch = await claims.claimOutbox('w1', T0 + 100, 60_000, 10)
    assert.equal(batch.length, 2)
    assert.deepEqual(await claims.claimOutbox('w2', T0 + 200, 60_000, 10), [], 'leased entries are not claimed twice')
    await claims.completeDelivery(batch[0]!.alert.id, hook, T0 + 300)
    await claims.failDelivery(batch[1]!.alert.id, hook, 'HTTP 500', T0 + 10_000)
    assert.deepEqual(await claims.claimOutbox('w2', T0 + 400, 60_000, 10), [], 'the failed one waits for its retry time')
    const retry = await claims.claimOutbox('w2', T0 + 10_000, 60_000, 10)
    assert.deepEqual(retry.map((e) => [e.alert.id, e.attempts]), [[batch[1]!.alert.id, 2]])
    await claims.completeDelivery(retry[0]!.alert.id, hook, T0 + 10_001)
    assert.deepEqual(await claims.claimOutbox('w3', T0 + 10 * 60_000_000, 60_000, 10), [], 'delivered alerts are never sent again')
    assert.equal((await claims.counts()).undelivered, 0)
    const delivered = await claims.listAlerts({ limit: 1 })
    assert.equal(delivered[0]!.deliveries[0]!.deliveredAt !== null, true)
  })

  it('concurrent reports with the same claim make one cluster', async ({ claims }) => {
    const ids = Array.from({ length: 8 }, (_, i) => `c${i}`)
    await Promise.all(ids.map((id, i) => claims.addReportClaims(id, [articleClaim(RUMOUR, { outlet: `Outlet ${i % 3}` })], testPolicy, { webhooks: [], now: T0 + i })))
    const list = await claims.listClusters({})
    assert.equal(list.length, 1)
    assert.equal(list[0]!.articleCount, 8)
    assert.equal(list[0]!.outletCount, 3)
  })
}
