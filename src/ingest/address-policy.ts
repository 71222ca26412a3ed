// Which IP addresses a fetch may connect to: everything public; never private, loopback, link-local and the like.
import { isIP } from 'node:net'

/** Why an address is refused, or 'public' when it may be fetched. */
export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'shared' // 100.64.0.0/10, carrier-grade NAT
  | 'multicast'
  | 'reserved'
  | 'documentation'
  | 'invalid'

interface Range {
  bytes: number[]
  prefix: number
  kind: AddressClass
}

// Sources: RFC 6890 special-purpose registries (IPv4 and IPv6).
const V4: Range[] = [
  v4('0.0.0.0', 8, 'unspecified'),
  v4('10.0.0.0', 8, 'private'),
  v4('100.64.0.0', 10, 'shared'),
  v4('127.0.0.0', 8, 'loopback'),
  v4('169.254.0.0', 16, 'link-local'),
  v4('172.16.0.0', 12, 'private'),
  v4('192.0.0.0', 24, 'reserved'),
  v4('192.0.2.0', 24, 'documentation'),
  v4('192.88.99.0', 24, 'reserved'),
  v4('192.168.0.0', 16, 'private'),
  v4('198.18.0.0', 15, 'reserved'),
  v4('198.51.100.0', 24, 'documentation'),
  v4('203.0.113.0', 24, 'documentation'),
  v4('224.0.0.0', 4, 'multicast'),
  v4('240.0.0.0', 4, 'reserved'), // includes 255.255.255.255 broadcast
]

const V6: Range[] = [
  v6('::', 128, 'unspecified'),
  v6('::1', 128, 'loopback'),
  v6('100::', 64, 'reserved'), // discard-only
  v6('2001:db8::', 32, 'documentation'),
  v6('fc00::', 7, 'unique-local'),
  v6('fe80::', 10, 'link-local'),
  v6('fec0::', 10, 'private'), // deprecated site-local
  v6('ff00::', 8, 'multicast'),
]

/** Classify an IPv4 or IPv6 address (IPv6 may carry a zone, '%eth0'). IPv6 forms that embed an IPv4 address
 * (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that address. */
export function classifyAddress(address: string): AddressClass {
  const plain = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = isIP(plain)
  if (family === 4) return match(parseV4(plain), V4)
  if (family !== 6) return 'invalid'
  const bytes = parseV6(plain)
  const embedded = embeddedV4(bytes)
  if (embedded) return match(embedded, V4)
  return match(bytes, V6)
}

/** True when a fetch must not connect to `address` (anything but a public unicast address). */
export function isBlockedAddress(address: string): boolean {
  return classifyAddress(address) !== 'public'
}

function embeddedV4(b: number[]): number[] | null {
  const zero = (from: number, to: number): boolean => b.slice(from, to).every((x) => x === 0)
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (deprecated compatible; '::' and '::1' themselves are in the V6 table).
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return b.slice(12)
  if (zero(0, 12) && !(zero(12, 15) && b[15] <= 1)) return b.slice(12)
  // 64:ff9b::/96 NAT64 and 64:ff9b:1::/48 local-use NAT64.
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b) return b.slice(12)
  // 2002:AABB:CCDD::/48 6to4.
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6)
  return null
}

function match(bytes: number[], ranges: Range[]): AddressClass {
  for (const r of ranges) if (inPrefix(bytes, r.bytes, r.prefix)) return r.kind
  return 'public'
}

function inPrefix(a: number[], base: number[], prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit += 8) {
    const i = bit / 8
    const bits = Math.min(8, prefix - bit)
    const mask = (0xff << (8 - bits)) & 0xff
    if ((a[i] & mask) !== (base[i] & mask)) return false
  }
  return true
}

function parseV4(s: string): number[] {
  return s.split('.').map(Number)
}

/** 16 bytes of an IPv6 address already validated by net.isIP (handles '::' and a trailing dotted quad). */
function parseV6(s: string): number[] {
  // A trailing dotted quad is the last two groups written in decimal.
  const body = s.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_m, a: string, b: string, c: string, d: string) =>
    `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`,
  )
  const [head, rest] = body.includes('::') ? body.split('::') : [body, null]
  const h = head ? head.split(':') : []
  const t = rest ? rest.split(':') : []
  const fill = rest === null ? [] : new Array<string>(8 - h.length - t.length).fill('0')
  const out: number[] = []
  for (const g of [...h, ...fill, ...t]) {
    const n = parseInt(g, 16)
    out.push(n >> 8, n & 0xff)
  }
  return out
}

function v4(addr: string, prefix: number, kind: AddressClass): Range {
  return { bytes: parseV4(addr), prefix, kind }
}

function v6(addr: string, prefix: number, kind: AddressClass): Range {
  return { bytes: parseV6(addr), prefix, kind }
}
