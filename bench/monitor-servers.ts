// bench:monitor's local feed server and webhook receiver, in a child process of the bench (argv: items per feed) so
// the times they record are not held up by the watcher's event loop. Over IPC: 'ports' → {port, hookPort};
// 'times' → {fetched: [[page URL, ms]], received: [[article URL, ms]]} (first fetch of each page, each alert's receipt).
import { createServer } from 'node:http'
import { topicClaim } from './monitor-text.js'

const PER_FEED = Number(process.argv[2] ?? 25)
const rumour = 'The new 5G towers killed the birds at Lake Arden, residents say.'
const fetched = new Map<string, number>()
const received: [string, number][] = []

const hook = createServer((req, res) => {
  let body = ''
  req.on('data', (c) => (body += c))
  req.on('end', () => {
    received.push([JSON.parse(body).article?.url ?? '', Date.now()])
    res.writeHead(200).end()
  })
})
const pages = createServer((req, res) => {
  const m = /^\/feed(\d+)\.rss$/.exec(req.url ?? '') ?? null
  const a = /^\/a\/(\d+)\/(\d+)\.html$/.exec(req.url ?? '') ?? null
  if (req.url === '/robots.txt') return void res.writeHead(404).end()
  if (m) {
    const f = Number(m[1])
    const items = Array.from({ length: PER_FEED }, (_, i) => `<item><title>Story ${f}-${i}</title><link>http://127.0.0.1:${port()}/a/${f}/${i}.html</link><guid>${f}-${i}</guid></item>`).join('')
    return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet ${f}</title>${items}</channel></rss>`)
  }
  if (a) {
    const [f, i] = [Number(a[1]), Number(a[2])]
    const url = `http://127.0.0.1:${port()}${req.url}`
    if (!fetched.has(url)) fetched.set(url, Date.now())
    const topic = f * PER_FEED + i
    const lead = i % 3 === 0 ? rumour : topicClaim(topic, i)
    const body = `${lead} ${topicClaim(topic + 100_000, i)} According to the city, ${topic % 50} residents attended the meeting on Monday.`
    return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html><head><title>Story ${f}-${i}</title></head><body><article><h1>Story ${f}-${i}</h1><p>${body}</p></article></body></html>`)
  }
  res.writeHead(404).end()
})
const port = () => (pages.address() as { port: number }).port
await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r))
await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r))
process.on('message', (message) => {
  if (message === 'ports') process.send!({ port: port(), hookPort: (hook.address() as { port: number }).port })
  if (message === 'times') process.send!({ fetched: [...fetched], received })
})
process.on('disconnect', () => process.exit(0))
