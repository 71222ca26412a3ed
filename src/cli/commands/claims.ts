// `factsift claims [show <id>]` and `factsift alerts`: claim clusters across watched articles, and the alerts they raised.
import type { Command } from 'commander'
import { runAction } from '../run-action.js'
import { checkTextOrJson, parsePositiveInt, withStore } from '../parse-options.js'
import { FactsiftError } from '../../errors.js'
import type { ArticleClaimRecord, ClusterRecord } from '../../store/claim-repository.js'

interface StoreFlags {
  db?: string
}

export default function register(program: Command): void {
  program
    .command('claims')
    .description('Claim clusters across watched articles, ranked by check-worthiness × spread × known-false; `claims show <id>`: one cluster')
    .argument('[show]', '"show" to show one cluster')
    .argument('[id]', 'cluster id (cl-…) for show')
    .option('--since <interval>', 'clusters seen within this interval: 90m, 24h, 7d')
    .option('--known-false', 'only clusters repeating a claim rated false')
    .option('--outlet <name>', 'only clusters this outlet told')
    .option('--limit <n>', 'at most this many clusters', parsePositiveInt, 50)
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--db <location>', 'store (SQLite file or postgres:// URL; default ~/.factsift/factsift.db)')
    .addHelpText('after', '\n`factsift claims show <id>`: every article of one cluster with its sentence, outlet, speaker, time and fact-check.')
    .action(runAction(claimsCommand))
  program
    .command('alerts')
    .description('Alerts raised by claim clusters (known-false repeats, contradicted claims spreading, fast growth), newest first')
    .option('--limit <n>', 'at most this many alerts', parsePositiveInt, 50)
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--db <location>', 'store (SQLite file or postgres:// URL)')
    .action(runAction(alertsCommand))
}

const iso = (ms: number) => new Date(ms).toISOString()

export function clusterJson(c: ClusterRecord) {
  return { ...c, firstSeenAt: iso(c.firstSeenAt), lastSeenAt: iso(c.lastSeenAt) }
}

export function claimJson(c: ArticleClaimRecord) {
  return { ...c, seenAt: iso(c.seenAt) }
}

async function claimsCommand(action: string | undefined, id: string | undefined, flags: StoreFlags & { since?: string; knownFalse?: boolean; outlet?: string; limit: number; format: string }): Promise<void> {
  if (action === undefined) return listCommand(flags)
  if (action !== 'show' || !id) throw new FactsiftError('E_BAD_ARGUMENT', 'usage: factsift claims [show <id>]')
  return showCommand(id, flags)
}

async function listCommand(flags: StoreFlags & { since?: string; knownFalse?: boolean; outlet?: string; limit: number; format: string }): Promise<void> {
  checkTextOrJson(flags.format)
  const { parseInterval } = await import('../../feeds/index.js')
  const since = flags.since ? Date.now() - parseInterval(flags.since) : undefined
  await withStore(flags.db, async (store) => {
    const clusters = await store.claims.listClusters({ ...(since !== undefined ? { since } : {}), knownFalse: flags.knownFalse ?? false, ...(flags.outlet ? { outlet: flags.outlet } : {}), limit: flags.limit })
    if (flags.format === 'json') return void process.stdout.write(`${JSON.stringify(clusters.map(clusterJson), null, 2)}\n`)
    if (clusters.length === 0) return void process.stdout.write('no claim clusters; `factsift watch` fills them from the feeds\n')
    for (const c of clusters) {
      const flagsText = [c.knownFalse ? 'RATED FALSE' : null, c.contradicted ? 'contradicted' : null].filter(Boolean).join(', ')
      process.stdout.write(
        `${c.id}  score ${c.score.toFixed(2)}  ${c.articleCount} article${c.articleCount === 1 ? '' : 's'}, ${c.outletCount} outlet${c.outletCount === 1 ? '' : 's'}${flagsText ? `  [${flagsText}]` : ''}\n` +
          `    "${c.representative}"\n` +
          `    ${c.outlets.join(', ') || '(no outlet)'}; first ${iso(c.firstSeenAt)}, last ${iso(c.lastSeenAt)}\n` +
          (c.factchecks[0] ? `    fact-check: ${c.factchecks[0].factChecker}: ${c.factchecks[0].rating} ${c.factchecks[0].url}\n` : ''),
      )
    }
  })
}

async function showCommand(id: string, flags: StoreFlags & { format: string }): Promise<void> {
  checkTextOrJson(flags.format)
  await withStore(flags.db, async (store) => {
    const found = await store.claims.getCluster(id)
    if (!found) throw new FactsiftError('E_NOT_FOUND', `no claim cluster ${id}`)
    if (flags.format === 'json') return void process.stdout.write(`${JSON.stringify({ cluster: clusterJson(found.cluster), claims: found.claims.map(claimJson) }, null, 2)}\n`)
    const c = found.cluster
    const mix = c.stance
    process.stdout.write(
      `${c.id}: "${c.representative}"\n` +
        `  ${c.articleCount} articles, ${c.outletCount} outlets (${c.outlets.join(', ')}); first seen ${iso(c.firstSeenAt)}, last ${iso(c.lastSeenAt)}\n` +
        `  ${c.knownFalse ? 'rated false' : c.contradicted ? 'contradicted by reference coverage' : 'no verdict'}; coverage stance: ${mix.agree} agree, ${mix.disagree} disagree, ${mix.discuss} discuss\n` +
        c.factchecks.map((f) => `  fact-check: ${f.factChecker}: ${f.rating} — ${f.claim} ${f.url}\n`).join('') +
        '\n',
    )
    for (const a of found.claims) {
      process.stdout.write(
        `  ${iso(a.seenAt)}  ${a.outlet ?? '(no outlet)'}${a.speaker ? ` — ${a.speaker}` : ''}${a.verdict ? `  [${a.verdict}]` : ''}\n` +
          `    "${a.text}"\n` +
          `    ${a.articleTitle ?? ''} ${a.articleUrl ?? ''} (report ${a.reportId}, similarity ${a.similarity.toFixed(2)})\n`,
      )
    }
  })
}

async function alertsCommand(flags: StoreFlags & { limit: number; format: string }): Promise<void> {
  checkTextOrJson(flags.format)
  await withStore(flags.db, async (store) => {
    const alerts = await store.claims.listAlerts({ limit: flags.limit })
    if (flags.format === 'json') return void process.stdout.write(`${JSON.stringify(alerts.map((a) => ({ ...a, createdAt: iso(a.createdAt) })), null, 2)}\n`)
    if (alerts.length === 0) return void process.stdout.write('no alerts\n')
    for (const a of alerts) {
      const delivered = a.deliveries.length === 0 ? 'no webhook' : a.deliveries.map((d) => `${d.webhook}: ${d.deliveredAt ? 'delivered' : `pending (${d.attempts} attempts${d.lastError ? `, ${d.lastError}` : ''})`}`).join('; ')
      process.stdout.write(`${iso(a.createdAt)}  ${a.kind}  ${a.id}  cluster ${a.clusterId}\n    ${a.message}\n    ${delivered}\n`)
    }
  })
}
