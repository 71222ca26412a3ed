// Code-generated news-style pairs: the reporting frames, denials, changed figures and same-topic-other-fact sentences of
// news text, which CLIMATE-FEVER (Wikipedia science) and SICK (image captions) barely contain. Built from the event
// table below, never from the news-pair fixtures; every event yields supports, refutes and nei pairs about the same
// subject, so overlap alone cannot tell them apart: what the evidence asserts about the claim's predicate has to.
import type { LabelledPair } from './datasets.js'
import { createRng, randomInt, type Rng } from '../../src/ml/rng.js'

/** Draws per event in the shipped model (chosen on the older news pairs, CLIMATE-FEVER dev and the validation tenth). */
export const NEWS_TEMPLATES_PER_EVENT = 25

const SUPPORTS = 0
const REFUTES = 1
const NEI = 2

/** One fact pattern; `{n}` is a quantity slot and `{y}` a year slot, filled with the same or a different value. */
interface Event {
  kinds: readonly Kind[]
  claim: string
  /** Other wordings of the same fact (supports). */
  same: readonly string[]
  /** The fact's opposite, asserted (refutes). */
  opposite: readonly string[]
  /** Other facts about the same subject and object: topic overlap only (nei). */
  other: readonly string[]
}
type Kind = 'body' | 'site' | 'person' | 'firm'

const SUBJECTS: Record<Kind, readonly string[]> = {
  body: ['the city council', 'the county board', 'the school board', 'the state legislature', 'the planning commission', 'the town council', 'the regional authority', 'the health ministry'],
  site: ['the hospital', 'the library', 'the bridge', 'the airport', 'the water plant', 'the stadium', 'the museum', 'the port', 'the ferry terminal', 'the rail station'],
  person: ['the mayor', 'the governor', 'the minister', 'the police chief', 'the senator', 'the superintendent', 'the party leader', 'the chief executive'],
  firm: ['the company', 'the airline', 'the carmaker', 'the utility', 'the retailer', 'the steel plant', 'the bank', 'the chipmaker'],
}
const OBJECTS = ['housing plan', 'parking fees', 'budget', 'bike lane', 'school merger', 'tax increase', 'road contract', 'stadium deal', 'water rate rise', 'transit levy']
const UNITS = ['visitors', 'passengers', 'patients', 'vehicles a day', 'containers', 'complaints', 'calls', 'deliveries']

const EVENTS: readonly Event[] = [
  { kinds: ['body'], claim: '{S} approved the {o}', same: ['{S} voted to approve the {o}', '{S} backed the {o} in a {n}-2 vote', 'the {o} was approved by {s}'], opposite: ['{S} rejected the {o}', '{S} voted down the {o}', '{S} has not approved the {o} and postponed its vote'], other: ['the {o} is expected to cost ${n} million, engineers said', '{S} will hold a public hearing on the {o} next month', 'residents packed a meeting about the {o} on Tuesday', 'the {o} was first proposed in {y}'] },
  { kinds: ['body', 'person'], claim: '{S} banned {i}', same: ['{S} voted to ban {i}', '{i} are now prohibited under a rule passed by {s}'], opposite: ['{i} are still allowed, {s} said', '{S} has not banned {i}', '{S} decided against a ban on {i}'], other: ['{S} is studying the safety of {i}', 'the number of {i} has grown since {y}', '{S} asked residents for views on {i}'] },
  { kinds: ['body', 'firm', 'site'], claim: '{S} cancelled the {e}', same: ['the {e} was called off by {s}', '{S} scrapped the {e}'], opposite: ['the {e} will go ahead as planned', '{S} said the {e} has not been cancelled', 'the {e} is going ahead next week'], other: ['tickets for the {e} went on sale in {y}', 'the {e} drew {n} visitors last year', '{S} hired a new organizer for the {e}'] },
  { kinds: ['firm', 'site'], claim: '{S} laid off {n} workers', same: ['{S} cut {n} jobs', 'about {n} workers at {s} lost their jobs', '{S} confirmed it eliminated {n} positions'], opposite: ['{S} laid off {m} workers', '{S} has not laid off any workers', '{S} is hiring and has cut no jobs', 'about {m} workers lost their jobs', 'the cuts affected {m} workers, not {n}'], other: ['{S} employs about {m} people', '{S} opened a new office in {y}', '{S} reported higher sales this quarter'] },
  { kinds: ['site'], claim: '{S} has closed', same: ['{S} shut its doors', '{S} closed last month', '{S} is now closed to the public'], opposite: ['{S} remains open', '{S} is still operating normally', '{S} has not closed', '{S} reopened on Monday'], other: ['{S} hired a new director', 'parking near {s} will cost more from {y}', '{S} celebrated its anniversary last week'] },
  { kinds: ['site'], claim: '{S} was damaged in the storm', same: ['the storm damaged {s}', '{S} suffered damage during the storm', 'the storm tore part of the roof off {s}'], opposite: ['{S} was undamaged by the storm', '{S} came through the storm unharmed', 'the storm caused no damage at {s}'], other: ['the storm knocked out power across the region', '{S} was renovated in {y}', 'forecasters warned of another storm near {s}'] },
  { kinds: ['person'], claim: '{S} resigned', same: ['{S} stepped down', '{S} announced a resignation on Monday', '{S} quit after the audit'], opposite: ['{S} remains in office', '{S} has no plans to resign', '{S} has not resigned'], other: ['{S} gave a speech on the budget', '{S} took office in {y}', '{S} visited flooded areas on Sunday'] },
  { kinds: ['person'], claim: '{S} was arrested', same: ['police arrested {s}', '{S} was taken into custody on Friday'], opposite: ['{S} has not been arrested', 'no arrest has been made', '{S} was never detained'], other: ['{S} spoke to reporters outside the court', '{S} was elected in {y}', '{S} faces a vote next month'] },
  { kinds: ['person'], claim: '{S} voted against the {o}', same: ['{S} opposed the {o} in the vote', '{S} cast a vote against the {o}'], opposite: ['{S} voted for the {o}', '{S} supported the {o}', '{S} backed the {o}'], other: ['{S} spoke about the {o} at a town hall', 'the {o} would cost ${n} million', '{S} was absent from an earlier debate on the {o}'] },
  { kinds: ['person', 'body'], claim: '{S} signed the {o} into law', same: ['{S} signed the {o}', 'the {o} became law after {s} signed it'], opposite: ['{S} vetoed the {o}', '{S} refused to sign the {o}', '{S} has not signed the {o}'], other: ['the {o} was debated for {n} hours', '{S} met business leaders to discuss the {o}', 'the {o} was introduced in {y}'] },
  { kinds: ['firm'], claim: '{S} reported a loss of ${n} million', same: ['{S} lost ${n} million', '{S} posted a ${n} million loss, its filing shows'], opposite: ['{S} reported a profit of ${n} million', '{S} reported a loss of ${m} million', '{S} made money this year'], other: ['{S} named a new chief financial officer', '{S} moved its headquarters in {y}', 'shares in {s} traded flat'] },
  { kinds: ['site', 'firm'], claim: '{S} handled {n} {u} last year', same: ['{n} {u} passed through {s} last year', '{S} recorded about {n} {u} last year', 'staff counted roughly {n} {u} over the year'], opposite: ['{S} handled {m} {u} last year', '{S} recorded fewer than {m} {u} last year', 'staff counted roughly {m} {u} over the year', 'the total was {m} {u}, well short of {n}'], other: ['{S} plans to expand by {y}', '{S} raised its prices last year', 'a new manager took over at {s} last year'] },
  { kinds: ['site', 'firm', 'body'], claim: '{S} opened in {y}', same: ['{S} first opened in {y}', '{S} has operated since {y}', 'the doors opened to the public in {y}'], opposite: ['{S} opened in {z}', '{S} did not open until {z}', 'the doors opened to the public in {z} after years of delays'], other: ['{S} was expanded in {z}', '{S} has {n} staff', '{S} is run by the county'] },
  { kinds: ['body', 'firm'], claim: '{S} raised fees by {n} percent', same: ['fees rose {n} percent after a decision by {s}', '{S} increased its fees by {n} percent'], opposite: ['{S} kept fees unchanged', '{S} froze fees for another year', '{S} raised fees by {m} percent', '{S} cut its fees'], other: ['{S} collects about ${m} million in fees a year', '{S} reviewed its fees in {y}', 'some residents complained about fees at a meeting of {s}'] },
  { kinds: ['site', 'body'], claim: 'crime near {s} doubled', same: ['crime near {s} has doubled, police data show', 'reported crimes near {s} rose twofold'], opposite: ['crime near {s} fell {n} percent', 'crime near {s} stayed flat', 'crime near {s} has not risen'], other: ['police opened a new station near {s}', 'a crime survey near {s} is planned for {y}', 'lighting near {s} was upgraded'] },
  { kinds: ['body', 'firm', 'site'], claim: '{S} reached a deal with {p}', same: ['{p} and {s} agreed a new contract', 'a deal between {s} and {p} was reached', '{p} accepted an offer from {s}, ending the dispute'], opposite: ['talks between {s} and {p} collapsed without a deal', '{S} has not reached a deal with {p}', '{p} rejected the latest offer from {s}'], other: ['{p} held a rally outside {s}', '{S} and {p} first negotiated in {y}', '{p} elected a new leader'] },
  { kinds: ['firm', 'site', 'body'], claim: '{S} hired {n} new staff', same: ['{S} added {n} employees', '{n} people joined {s} this year'], opposite: ['{S} hired {m} new staff', '{S} froze hiring and added no staff', 'no new staff were hired at {s}'], other: ['{S} trains its staff in {c}', 'staff at {s} earn about ${m} a year', '{S} was founded in {y}'] },
  { kinds: ['body', 'firm'], claim: '{S} sold the {a}', same: ['the {a} was sold by {s}', '{S} completed the sale of the {a}'], opposite: ['{S} still owns the {a}', '{S} decided to keep the {a}', 'the {a} has not been sold'], other: ['the {a} was valued at ${n} million', '{S} repaired the {a} in {y}', 'the {a} needs a new roof, inspectors said'] },
  { kinds: ['person'], claim: '{S} won the election', same: ['voters re-elected {s}', '{S} was declared the winner of the election', '{S} won the vote with {n} percent'], opposite: ['{S} lost the election', '{S} conceded defeat', '{S} finished second in the election'], other: ['turnout in the election was {n} percent', '{S} campaigned in {c} on Sunday', '{S} first ran for office in {y}'] },
  { kinds: ['firm', 'body'], claim: '{S} moved its headquarters to {c}', same: ['{S} relocated its head office to {c}', 'the headquarters of {s} is now in {c}'], opposite: ['{S} moved its headquarters to {d}', '{S} is keeping its headquarters in {d}', '{S} has no plans to leave {d}'], other: ['{S} opened a sales office in {c}', '{S} employs {n} people in {d}', 'the mayor of {c} praised {s}'] },
  { kinds: ['site'], claim: 'the water at {s} is safe to drink', same: ['tests found the water at {s} safe to drink', 'the water at {s} meets every safety standard'], opposite: ['the water at {s} is unsafe to drink', 'the water at {s} failed safety tests', 'tests found lead in the water at {s}'], other: ['the water at {s} comes from a reservoir', 'the water at {s} will cost more next year', 'the pipes at {s} were laid in {y}'] },
  { kinds: ['person'], claim: '{S} met {N}', same: ['{S} held talks with {N}', '{N} and {s} met on Tuesday'], opposite: ['{S} has never met {N}', '{S} did not meet {N}', 'a meeting between {s} and {N} was cancelled'], other: ['{N} criticized {s} in a speech', '{N} visited {c} last week', '{S} and {N} both attended school in {c}'] },
]
const PARTIES = ['the union', 'the nurses', 'the teachers', 'the drivers', 'the tenants', 'the pilots']
const CITIES = ['Denver', 'Austin', 'Chicago', 'Boston', 'Leeds', 'Lyon', 'Porto', 'Tulsa']
const PEOPLE = ['Maria Lopez', 'John Okafor', 'Anna Berg', 'David Chen', 'Sara Malik', 'Tom Reyes']
const ASSETS = ['old library building', 'water utility', 'golf course', 'harbor land', 'city hall annex', 'bus depot']
const ITEMS = ['e-scooters', 'food trucks', 'short-term rentals', 'leaf blowers', 'fireworks', 'plastic bags', 'street parking', 'drones']
const EVENT_NAMES = ['summer festival', 'marathon', 'concert series', 'trade fair', 'parade', 'book fair']
// Extra detail a supporting report adds: support must survive words the claim does not have.
const DETAILS = [', the first time since 2015', ', ending weeks of uncertainty', ' after a long review', ', to the surprise of some residents', ' despite objections']
const SOURCES = ['officials', 'a spokesperson', 'the agency', 'the department', 'state records', 'the ministry', 'police', 'the company', 'a statement', 'the report']
const TAILS = ['', '', ' on Monday', ' last week', ' in March', ' this year', ' after months of debate']

let rng: Rng = createRng(1)
const pick = <T>(a: readonly T[]): T => a[randomInt(rng, a.length)]!
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Frames that state the evidence (supports or refutes alike: "officials said" is no cue by itself). */
const ASSERT = [
  (x: string) => `${upperFirst(x)}, ${pick(SOURCES)} said.`,
  (x: string) => `According to ${pick(SOURCES)}, ${x}.`,
  (x: string) => `${upperFirst(pick(SOURCES))} said ${x}.`,
  (x: string) => `${upperFirst(x)}.`,
  (x: string) => `Records show ${x}.`,
]
/** Frames that restate the claim only to deny it, with the opposite asserted. */
const DENY = [
  (c: string, o: string) => `${upperFirst(pick(SOURCES))} denied that ${c}.`,
  (c: string, o: string) => `${upperFirst(o)}, ${pick(SOURCES)} said, rejecting claims that ${c}.`,
  (c: string, o: string) => `Contrary to posts shared online, ${o}.`,
  (c: string, o: string) => `${upperFirst(pick(SOURCES))} dismissed reports that ${c}, saying ${o}.`,
  (c: string) => `There is no evidence that ${c}, ${pick(SOURCES)} said.`,
]
/** The claim only reported or left open: not enough information. */
const REPORT = [
  (c: string) => `Posts shared online claim that ${c}.`,
  (c: string) => `It is unclear whether ${c}.`,
  (c: string) => `${upperFirst(pick(SOURCES))} declined to comment on reports that ${c}.`,
  (c: string) => `Some residents say ${c}; officials declined to comment.`,
]

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w)\}/g, (_, k: string) => slots[k] ?? '')
}

function quantity(): [string, string] {
  const n = pick([3, 7, 12, 40, 85, 120, 300, 450, 1200, 2500, 18000, 62000])
  const other = pick([n * 2, n * 3, Math.round(n / 3) || 1, n + 17, Math.round(n * 0.4) || 2])
  return [n.toLocaleString('en-US'), (other === n ? n + 1 : other).toLocaleString('en-US')]
}

/** True for a pair made here (its group names the event). */
export function isNewsTemplate(pair: LabelledPair): boolean {
  return pair.group.startsWith('news:')
}

/** Pairs from every event × a sample of subjects; deterministic for a seed. `perEvent` subjects per event. */
export function newsTemplatePairs(seed = 1, perEvent = NEWS_TEMPLATES_PER_EVENT): LabelledPair[] {
  rng = createRng(seed)
  const out: LabelledPair[] = []
  EVENTS.forEach((event, e) => {
    for (let k = 0; k < perEvent; k++) {
      const subject = pick(SUBJECTS[pick(event.kinds)])
      const [n, m] = quantity()
      const y = String(1990 + randomInt(rng, 34))
      const z = String(Number(y) + pick([-6, -3, -1, 2, 4, 9]))
      // {S} and {s} are both lower case: frames capitalize the first letter of the sentence they build.
      const [c, d] = [pick(CITIES), pick(CITIES)]
      const slots = { S: subject, s: subject, o: pick(OBJECTS), i: pick(ITEMS), e: pick(EVENT_NAMES), u: pick(UNITS), n, m, y, z, p: pick(PARTIES), a: pick(ASSETS), N: pick(PEOPLE), c, d: d === c ? 'Phoenix' : d }
      const group = `news:${e}:${k}`
      const claim = fill(event.claim, slots)
      // One time phrase for the claim and the evidence that states the same fact (none where the claim has a year).
      const tail = event.claim.includes('{y}') ? '' : pick(TAILS)
      const claimText = `${upperFirst(claim)}${tail}.`
      // The claim side sometimes carries a reporting frame too ("The mayor said …"), as claims in articles do.
      const claimSide = rng() < 0.2 ? `${upperFirst(pick(SOURCES))} said ${claim}.` : claimText
      const add = (evidence: string, label: number) => out.push({ claim: claimSide, evidence, label, group })
      add(pick(ASSERT)(fill(pick(event.same), slots) + (rng() < 0.5 ? tail : '') + (rng() < 0.4 ? pick(DETAILS) : '')), SUPPORTS)
      if (rng() < 0.5) add(pick(ASSERT)(claim), SUPPORTS)
      add(pick(ASSERT)(fill(pick(event.opposite), slots) + (rng() < 0.5 ? tail : '')), REFUTES)
      add(pick(DENY)(claim, fill(pick(event.opposite), slots)), REFUTES)
      add(pick(ASSERT)(fill(pick(event.other), slots) + (rng() < 0.5 ? tail : '')), NEI)
      if (rng() < 0.5) add(pick(ASSERT)(fill(pick(event.other), slots)), NEI)
      if (rng() < 0.35) add(pick(REPORT)(claim), NEI)
    }
  })
  return out
}
