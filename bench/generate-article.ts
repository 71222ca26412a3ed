// Deterministic generator of ~N-word English news-style articles for benchmarks (not linguistically faithful).

import { createRng, randomInt, type Rng } from '../src/ml/rng.js'

const FIRST = ['Maria', 'James', 'Linda', 'Robert', 'Aisha', 'Daniel', 'Elena', 'Thomas', 'Priya', 'Michael', 'Sofia', 'David']
const LAST = ['Okafor', 'Hartley', 'Moreno', 'Lindqvist', 'Patel', 'Brennan', 'Kowalski', 'Nguyen', 'Alvarez', 'Whitfield']
const TITLES = ['Senator', 'Governor', 'Mayor', 'Dr.', 'President', 'Secretary']
const ORGS = [
  'the Department of Justice', 'the World Health Organization', 'Northwind Energy Inc.', 'the FBI', 'the European Commission',
  'the Green Party', 'Harbor City University', 'the National Weather Service', 'the Federal Reserve', 'NATO',
]
const PLACES = ['Ohio', 'Brazil', 'Chicago', 'Nairobi', 'Germany', 'Texas', 'Lisbon', 'Canada', 'Manila', 'Arizona']
const OUTLETS = ['Daily Ledger', 'News Week', 'The Morning Post', 'Capital Times', 'Metro Wire']
const DATES = ['on Tuesday', 'last week', 'on March 3', 'in 2019', 'earlier this month', 'on Friday', 'in January', 'two days ago']
const VERBS = ['said', 'told reporters', 'wrote', 'argued', 'claimed', 'announced', 'tweeted', 'insisted']
const TOPICS = [
  'the new budget', 'rising fuel prices', 'the vaccine rollout', 'a controversial tax plan', 'election security',
  'the trade agreement', 'water shortages', 'the investigation', 'unemployment figures', 'the housing market',
]
const CLAIMS = [
  'unemployment fell by {n} percent', 'the program cost ${n} million', '{n} people were affected', 'crime rose {n} percent',
  'the state lost {n} thousand jobs', 'prices doubled in {n} months', 'the agency spent ${n} billion',
]
const FILLERS = [
  'Critics were quick to respond.', 'The statement drew immediate reactions online.',
  'It is not clear how the figures were calculated.', 'Officials did not respond to a request for comment.',
  'Many people say the situation is getting worse.', 'Supporters, however, praised the decision.',
  'Reportedly, the talks collapsed after midnight.', 'The debate is expected to continue for weeks.',
]

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[randomInt(rng, list.length)]
}

function person(rng: Rng): string {
  return `${pick(rng, FIRST)} ${pick(rng, LAST)}`
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function sentence(rng: Rng): string {
  const n = 2 + randomInt(rng, 97)
  const claim = pick(rng, CLAIMS).replace('{n}', String(n))
  switch (randomInt(rng, 7)) {
    case 0:
      return `${pick(rng, TITLES)} ${person(rng)} ${pick(rng, VERBS)} ${pick(rng, DATES)} that ${claim}.`
    case 1:
      return `“We will not accept ${pick(rng, TOPICS)},” ${person(rng)} ${pick(rng, VERBS)} in ${pick(rng, PLACES)}.`
    case 2:
      return `${capitalize(pick(rng, ORGS))} said ${pick(rng, DATES)} that ${claim}, according to a report.`
    case 3:
      return `Residents of ${pick(rng, PLACES)} have long complained about ${pick(rng, TOPICS)} and the response of ${pick(rng, ORGS)}.`
    case 4:
      return `According to ${person(rng)}, a spokesperson for ${pick(rng, ORGS)}, ${claim} since ${2000 + randomInt(rng, 24)}.`
    case 5:
      return `${capitalize(pick(rng, DATES))}, officials in ${pick(rng, PLACES)} met to discuss ${pick(rng, TOPICS)}.`
    default:
      return pick(rng, FILLERS)
  }
}

/** A deterministic news-style article of about `words` words (title line, paragraphs, occasional "Source:" lines). */
export function generateArticle(seed: number, words = 800): string {
  const rng = createRng(seed)
  const title = `${person(rng)} ${pick(rng, VERBS)} ${pick(rng, TOPICS)} in ${pick(rng, PLACES)}. Source: ${pick(rng, OUTLETS)}`
  const paragraphs: string[] = [title]
  let count = title.split(' ').length
  while (count < words) {
    const sentences: string[] = []
    const n = 2 + randomInt(rng, 3)
    for (let i = 0; i < n && count < words; i++) {
      const s = sentence(rng)
      sentences.push(s)
      count += s.split(' ').length
    }
    paragraphs.push(sentences.join(' '))
    if (randomInt(rng, 8) === 0) paragraphs.push(`Source: ${pick(rng, OUTLETS)}`)
  }
  return paragraphs.join('\n\n')
}
