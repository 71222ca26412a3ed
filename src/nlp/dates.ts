// Date mentions found by rules over tokens: "Tuesday", "March 3, 2019", "last week", "two days ago", "in 2019".

import type { Token } from '../document/types.js'
import { DATE_UNITS, DEICTIC_DATES, MONTHS, RELATIVE_MODIFIERS, WEEKDAYS, YEAR_PREPOSITIONS } from './gazetteer.js'

const NUMBER_WORDS = new Set([
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'few', 'several', 'many', 'some', 'couple',
])
const ORDINALS = new Set(['first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th'])
const DURATION_UNITS = new Set(['years', 'months', 'weeks', 'days', 'decades', 'centuries'])
const NEEDS_DEICTIC = new Set(['early', 'late', 'earlier', 'later'])
const DAY_NUMBER = /^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/
const YEAR = /^(?:1[89]\d\d|20\d\d)$/
const DECADE = /^(?:(?:1[89]|20)\d0|['’]\d0)['’]?s$/
const NUMERIC_DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/(?:\d{2}|\d{4}))$/

// Month abbreviations written without their period ("Nov 15, 2019"): a date only right before a day number.
const UNDOTTED_MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'])

const STARTERS = new Set([
  ...MONTHS.keys(), ...UNDOTTED_MONTHS, ...WEEKDAYS, ...DEICTIC_DATES, ...RELATIVE_MODIFIERS, ...NUMBER_WORDS, ...ORDINALS,
].filter((w) => w !== 'many' && w !== 'some'))

/** A date mention as a token range [tokenStart, tokenEnd). */
export interface DateRange {
  tokenStart: number
  tokenEnd: number
}

/**
 * Find date mentions in the tokens [from, to) of one sentence. Leading prepositions ("On Tuesday") are not part
 * of the mention. `isCapitalized(i)` tells whether token i starts with an upper-case letter in the text.
 */
export function findDates(tokens: Token[], from: number, to: number, isCapitalized: (i: number) => boolean): DateRange[] {
  const found: DateRange[] = []
  let i = from
  while (i < to) {
    const t = tokens[i]
    // Almost no token can start a date: one set lookup rules most out.
    if (t.kind !== 'number' && t.kind !== 'other' && !STARTERS.has(t.lower)) {
      i++
      continue
    }
    const end = matchDate(tokens, i, to, isCapitalized)
    if (end > i) {
      found.push({ tokenStart: i, tokenEnd: end })
      i = end
    } else i++
  }
  return found
}

function matchDate(tokens: Token[], i: number, to: number, isCap: (i: number) => boolean): number {
  const t = tokens[i]
  const w = t.lower
  if (t.kind === 'number' && NUMERIC_DATE.test(w)) return i + 1
  if (DEICTIC_DATES.has(w)) return i + 1
  if (DECADE.test(w)) return i + 1
  if (WEEKDAYS.has(w) && isCap(i)) return extendAfterWeekday(tokens, i + 1, to, isCap)
  if (MONTHS.has(w) && isCap(i)) {
    const end = matchMonthDayYear(tokens, i, to)
    // A bare "May"/"March" is only a date after a preposition ("in May"); "Theresa May" and "March on" are not.
    if (end > i + 1 || (w !== 'may' && w !== 'march') || (i > 0 && YEAR_PREPOSITIONS.has(tokens[i - 1].lower))) return end
    return i
  }
  if (UNDOTTED_MONTHS.has(w) && isCap(i) && i + 1 < to && tokens[i + 1].kind === 'number' && DAY_NUMBER.test(tokens[i + 1].lower)) {
    return matchMonthDayYear(tokens, i, to)
  }
  if (t.kind === 'number' && DAY_NUMBER.test(w) && i + 1 < to) {
    // "3 March 2019", "3rd of March"
    let j = i + 1
    if (tokens[j].lower === 'of' && j + 1 < to) j++
    if (MONTHS.has(tokens[j].lower) && isCap(j)) return matchYear(tokens, j + 1, to)
  }
  if (t.kind === 'number' && YEAR.test(w) && i > 0 && YEAR_PREPOSITIONS.has(tokens[i - 1].lower)) return i + 1
  if (RELATIVE_MODIFIERS.has(w)) return matchRelative(tokens, i, to, isCap)
  if ((NUMBER_WORDS.has(w) || t.kind === 'number') && w !== 'many' && w !== 'some') {
    const ago = matchAgo(tokens, i, to)
    return ago > i ? ago : matchDuration(tokens, i, to)
  }
  if (ORDINALS.has(w) && i + 1 < to && tokens[i + 1].lower === 'quarter') return i + 2
  return i
}

// "for nine years", "six months": a count of calendar units (not "34-year-old", not "two hours").
function matchDuration(tokens: Token[], i: number, to: number): number {
  const w = tokens[i].lower
  if (w === 'a' || w === 'an' || w === 'few' || w === 'several' || w === 'couple' || i + 1 >= to) return i
  const unit = tokens[i + 1].lower
  if (!DURATION_UNITS.has(unit)) return i
  if (i + 2 < to && (tokens[i + 2].lower === 'old' || tokens[i + 2].lower === '-')) return i
  return i + 2
}

function matchMonthDayYear(tokens: Token[], i: number, to: number): number {
  let j = i + 1
  if (j < to && tokens[j].kind === 'number' && DAY_NUMBER.test(tokens[j].lower)) {
    j++
    if (j + 1 < to && tokens[j].lower === ',' && YEAR.test(tokens[j + 1].lower)) return j + 2
    return j
  }
  return matchYear(tokens, j, to)
}

function matchYear(tokens: Token[], j: number, to: number): number {
  if (j < to && YEAR.test(tokens[j].lower)) return j + 1
  if (j + 1 < to && tokens[j].lower === ',' && YEAR.test(tokens[j + 1].lower)) return j + 2
  return j
}

function extendAfterWeekday(tokens: Token[], j: number, to: number, isCap: (i: number) => boolean): number {
  // "Tuesday, March 3" / "Tuesday March 3, 2019"
  const k = j < to && tokens[j].lower === ',' ? j + 1 : j
  if (k < to && MONTHS.has(tokens[k].lower) && isCap(k)) {
    const end = matchMonthDayYear(tokens, k, to)
    if (end > k + 1) return end
  }
  // "Tuesday night", "Friday morning"
  if (j < to && DATE_UNITS.has(tokens[j].lower) && !tokens[j].lower.endsWith('s')) return j + 1
  return j
}

function matchRelative(tokens: Token[], i: number, to: number, isCap: (i: number) => boolean): number {
  let j = i + 1
  // "earlier this month", "late last year"; a bare "early"/"late" needs a month or weekday ("late March", "late
  // Wednesday"), not "early days".
  const deictic = j < to && (tokens[j].lower === 'this' || tokens[j].lower === 'last' || tokens[j].lower === 'next')
  if (deictic) j++
  else if (NEEDS_DEICTIC.has(tokens[i].lower)) {
    if (j < to && (MONTHS.has(tokens[j].lower) || WEEKDAYS.has(tokens[j].lower)) && isCap(j)) {
      return WEEKDAYS.has(tokens[j].lower) ? extendAfterWeekday(tokens, j + 1, to, isCap) : j + 1
    }
    return i
  }
  // "the past two weeks", "the last couple of days"
  if (j < to && (NUMBER_WORDS.has(tokens[j].lower) || tokens[j].kind === 'number')) {
    if (tokens[j].lower === 'couple' && j + 1 < to && tokens[j + 1].lower === 'of') j++
    j++
  }
  if (j >= to) return i
  const w = tokens[j].lower
  if (DATE_UNITS.has(w)) return j + 1
  if ((WEEKDAYS.has(w) || MONTHS.has(w)) && isCap(j)) return j + 1
  return i
}

function matchAgo(tokens: Token[], i: number, to: number): number {
  // "two days ago", "a few weeks ago", "3 years ago"
  let j = i + 1
  if (j < to && (tokens[j].lower === 'few' || tokens[j].lower === 'couple')) j++
  if (j < to && tokens[j].lower === 'of') j++
  if (j + 1 < to && DATE_UNITS.has(tokens[j].lower) && tokens[j + 1].lower === 'ago') return j + 2
  return i
}
