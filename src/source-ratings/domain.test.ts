import { test } from 'node:test'
import assert from 'node:assert/strict'
import { domainCandidates, normalizeHost, registrableDomain, stripVariantPrefixes } from './domain.js'

test('normalizeHost lower-cases, drops the trailing dot, converts IDN to punycode and refuses non-domains', () => {
  const cases: [string, string | null][] = [
    ['WWW.Example.COM.', 'www.example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['例え.jp', 'xn--r8jz45g.jp'],
    ['localhost', null],
    ['82.221.129.208', null],
    ['-bad.com', null],
    ['under_score.com', null],
    ['example.123', null],
    ['', null],
  ]
  for (const [input, expected] of cases) assert.equal(normalizeHost(input), expected, input)
})

test('registrableDomain keeps multi-part suffixes and hosting platforms one label deeper', () => {
  const cases: [string, string][] = [
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['a.b.example.com', 'example.com'],
    ['example.com', 'example.com'],
    ['www.smh.com.au', 'smh.com.au'],
    ['someone.blogspot.com', 'someone.blogspot.com'],
    ['deep.someone.blogspot.com', 'someone.blogspot.com'],
    ['someone.blogspot.it', 'someone.blogspot.it'],
    ['someone.blogspot.co.uk', 'someone.blogspot.co.uk'],
    ['x.sites.google.com', 'x.sites.google.com'],
    ['news.google.com', 'google.com'],
  ]
  for (const [host, expected] of cases) assert.equal(registrableDomain(host), expected, host)
})

test('stripVariantPrefixes drops www./m./amp./mobile. but never below the registrable domain', () => {
  assert.equal(stripVariantPrefixes('www.cnn.com'), 'cnn.com')
  assert.equal(stripVariantPrefixes('amp.theguardian.com'), 'theguardian.com')
  assert.equal(stripVariantPrefixes('m.www.example.com'), 'example.com')
  assert.equal(stripVariantPrefixes('mobile.nytimes.com'), 'nytimes.com')
  assert.equal(stripVariantPrefixes('www.co.uk'), 'www.co.uk') // www.co.uk is itself registrable
  assert.equal(stripVariantPrefixes('m.com'), 'm.com')
  assert.equal(stripVariantPrefixes('m.someone.blogspot.com'), 'someone.blogspot.com')
})

test('domainCandidates walks from the host to its registrable domain', () => {
  assert.deepEqual(domainCandidates('au.news.yahoo.com'), ['au.news.yahoo.com', 'news.yahoo.com', 'yahoo.com'])
  assert.deepEqual(domainCandidates('www.bbc.co.uk'), ['bbc.co.uk'])
  assert.deepEqual(domainCandidates('x.blogspot.com'), ['x.blogspot.com'])
})
