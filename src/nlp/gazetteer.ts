// Word lists for the rule-based recognizers, loaded once from src/nlp/data/*.json into lower-cased sets.

import firstNames from './data/first-names.json' with { type: 'json' }
import titles from './data/titles.json' with { type: 'json' }
import orgCues from './data/org-cues.json' with { type: 'json' }
import places from './data/places.json' with { type: 'json' }
import demonyms from './data/demonyms.json' with { type: 'json' }
import organizations from './data/organizations.json' with { type: 'json' }
import dates from './data/dates.json' with { type: 'json' }
import { foldApostrophes } from './tokens.js'

const lowerSet = (words: readonly string[]) => new Set(words.map((w) => foldApostrophes(w.toLowerCase())))

/** Lower-cased lookup sets; multi-word entries are joined with single spaces. */
export const FIRST_NAMES = lowerSet(firstNames)
export const TITLES = lowerSet(titles.titles)
export const ROLES = lowerSet(titles.roles)
export const ORG_CUES = lowerSet(orgCues.cues)
export const OF_HEADS = lowerSet(orgCues.ofHeads)
export const OTHER_CUES = lowerSet(orgCues.otherCues)
export const OTHER_HEADS = lowerSet(orgCues.otherHeads)
export const PLACES = lowerSet(places.places)
export const PLACE_CUES = lowerSet(places.cues)
export const DEMONYMS = lowerSet(demonyms.demonyms)
export const ORGANIZATIONS = lowerSet(organizations.organizations)
export const MONTHS: ReadonlyMap<string, number> = new Map(Object.entries(dates.months))
export const WEEKDAYS = lowerSet(dates.weekdays)
export const DEICTIC_DATES = lowerSet(dates.deictic)
export const RELATIVE_MODIFIERS = lowerSet(dates.relativeModifiers)
export const DATE_UNITS = lowerSet(dates.units)
export const YEAR_PREPOSITIONS = lowerSet(dates.yearPrepositions)

/** Longest title phrase length in tokens (e.g. "deputy prime minister" = 3). */
export const MAX_TITLE_WORDS = Math.max(...[...TITLES].map((t) => t.split(' ').length))
/** First words of multi-word place and organization names ("new" for "New York"). */
export const FIRST_WORDS_OF_NAMES = new Set(
  [...PLACES, ...ORGANIZATIONS].filter((name) => name.includes(' ')).map((name) => name.split(' ')[0]),
)
