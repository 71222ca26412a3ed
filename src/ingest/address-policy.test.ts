import { test } from 'node:test'
import assert from 'node:assert/strict'
import { classifyAddress, isBlockedAddress } from './address-policy.js'
import { pinnedLookup, resolveHost } from './resolve-host.js'
import { FactsiftError } from '../errors.js'

const TABLE: Array<[string, string]> = [
  // IPv4
  ['8.8.8.8', 'public'],
  ['93.184.216.34', 'public'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['100.64.0.1', 'shared'],
  ['100.127.255.254', 'shared'],
  ['100.128.0.1', 'public'],
  ['127.0.0.1', 'loopback'],
  ['127.255.0.9', 'loopback'],
  ['169.254.169.254', 'link-local'],
  ['172.15.255.255', 'public'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['172.32.0.1', 'public'],
  ['192.0.0.8', 'reserved'],
  ['192.0.2.1', 'documentation'],
  ['192.168.1.1', 'private'],
  ['198.18.0.1', 'reserved'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.9', 'documentation'],
  ['224.0.0.251', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'reserved'],
  // IPv6
  ['2606:4700:4700::1111', 'public'],
  ['2001:4860:4860::8888', 'public'],
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf::1', 'link-local'],
  ['fc00::1', 'unique-local'],
  ['fd12:3456:789a::1', 'unique-local'],
  ['fec0::1', 'private'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['100::1', 'reserved'],
  // IPv4 embedded in IPv6: judged by the IPv4 address
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.1.2.3', 'private'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:100.64.0.1', 'shared'],
  ['::ffff:8.8.8.8', 'public'],
  ['[::ffff:192.168.0.1]', 'private'],
  ['::127.0.0.1', 'loopback'],
  ['64:ff9b::10.0.0.1', 'private'],
  ['64:ff9b::8.8.8.8', 'public'],
  ['2002:7f00:1::1', 'loopback'],
  ['2002:c0a8:101::1', 'private'],
  // not addresses
  ['localhost', 'invalid'],
  ['1.2.3', 'invalid'],
  ['', 'invalid'],
]

test('address classification table (IPv4, IPv6, IPv4-mapped and embedded forms)', () => {
  for (const [address, expected] of TABLE) assert.equal(classifyAddress(address), expected, address)
  for (const [address, expected] of TABLE) assert.equal(isBlockedAddress(address), expected !== 'public', address)
})

test('resolveHost refuses loopback literals and names unless private networks are allowed', async () => {
  for (const host of ['127.0.0.1', '[::1]', '::ffff:127.0.0.1', 'localhost']) {
    await assert.rejects(resolveHost(host, false), (e: unknown) => e instanceof FactsiftError && e.code === 'E_FETCH_BLOCKED')
  }
  assert.deepEqual(await resolveHost('127.0.0.1', true), [{ address: '127.0.0.1', family: 4 }])
  assert.deepEqual(await resolveHost('[::1]', true), [{ address: '::1', family: 6 }])
})

const failsWith = (code: string) => (e: unknown) => e instanceof FactsiftError && e.code === code

test('resolveHost: unknown host → E_FETCH_FAILED; one private answer among public ones → E_FETCH_BLOCKED', async () => {
  const notFound = async (): Promise<never> => {
    throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })
  }
  await assert.rejects(resolveHost('news.example', false, notFound), failsWith('E_FETCH_FAILED'))
  await assert.rejects(resolveHost('news.example', false, async () => []), failsWith('E_FETCH_FAILED'))
  const mixed = async () => [
    { address: '93.184.216.34', family: 4 as const },
    { address: '10.0.0.7', family: 4 as const },
  ]
  await assert.rejects(resolveHost('news.example', false, mixed), failsWith('E_FETCH_BLOCKED'))
  assert.deepEqual(await resolveHost('news.example', true, mixed), await mixed())
  const mapped = async () => [{ address: '::ffff:169.254.169.254', family: 6 as const }]
  await assert.rejects(resolveHost('metadata.example', false, mapped), failsWith('E_FETCH_BLOCKED'))
})

test('pinnedLookup answers every lookup style with the checked address only', () => {
  const pinned = [
    { address: '93.184.216.34', family: 4 as const },
    { address: '2606:2800:220:1::1', family: 6 as const },
  ]
  const lookup = pinnedLookup(pinned) as unknown as (
    host: string,
    options: { all?: boolean },
    cb: (...args: unknown[]) => void,
  ) => void
  lookup('evil.example', {}, (...args) => assert.deepEqual(args, [null, '93.184.216.34', 4]))
  lookup('evil.example', { all: true }, (...args) => assert.deepEqual(args, [null, pinned]))
})
