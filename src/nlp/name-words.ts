// Small word sets the name recognizer uses (beside the gazetteers in data/).

import { DEMONYMS, ROLES, TITLES } from './gazetteer.js'

export const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'del', 'della', 'di', 'du', 'bin', 'al', 'el', 'ibn', 'la', 'le'])
export const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', ':', '—', '–', '-', '…', ';'])
export const NEVER_NAMES = new Set(['i', 'oh', 'ok', 'okay', 'yes', 'no', 'mr', 'mrs', 'ms', 'dr', 'the', 'a', 'an'])
export const AFFILIATIONS = new Set([
  'democrat', 'democratic', 'republican', 'conservative', 'liberal', 'labour', 'independent', 'socialist', 'libertarian',
  ...DEMONYMS,
])
export const CAMEL_CASE = /^\p{Lu}\p{Ll}+\p{Lu}/u
export const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'throughout', 'around'])
export const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower'])
// Upper-case words that are not organizations (units, abbreviations, shouting).
export const NOT_ACRONYMS = new Set([
  'ok', 'tv', 'am', 'pm', 'id', 'ceo', 'cfo', 'coo', 'phd', 'it', 'et', 'pt', 'est', 'gmt', 'utc', 'diy', 'faq', 'lol', 'omg',
  'wtf', 'btw', 'fyi', 'asap', 'rip', 'aka', 'vs', 'ps', 'nb', 'ai', 'pr', 'hr', 'gdp', 'cpi', 'dna', 'rna', 'hiv', 'usb',
  'pdf', 'url', 'gps', 'suv', 'atm', 'a.g.', 'a.m.', 'p.m.', 'i.e.', 'e.g.', 'mph', 'kg', 'km', 'ad', 'bc', 'tbd', 'vip',
])
export const SPEECH_VERBS = new Set([
  'say', 'tell', 'tweet', 'write', 'add', 'claim', 'argue', 'insist', 'note', 'ask', 'state', 'announce', 'explain',
  'deny', 'admit', 'warn', 'reply', 'respond', 'testify', 'acknowledge', 'allege', 'suggest', 'declare', 'post',
])
export const JOINERS = new Set(['of', 'for', 'the', '&', '-'])
export const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'but'])
export const TITLE_STARTS = new Set([...TITLES, ...ROLES].map((t) => t.split(' ')[0]))
export const TERMINAL = new Set(['.', '!', '?', '…', '”', '"', ')'])
export const ACRONYM = /^(?:[A-Z]{2,5}|(?:[A-Z]\.){2,4})$/

// Word classes (wink's UPOS) that never start a name: "Earlier Smith said", "Under Obama".
export const CLOSED_CLASS_POS = new Set(['ADV', 'ADP', 'SCONJ', 'CCONJ', 'DET', 'PRON', 'AUX', 'PART', 'INTJ', 'NUM', 'PUNCT', 'SYM'])
// Word classes (wink's UPOS) of an ordinary word that can open an organization's name ("Greenfield Capital").
export const OPEN_CLASS_POS = new Set(['PROPN', 'NOUN'])
// Ordinary words that rank or place a following name rather than belong to it ("Top Democrats", "Senior Pentagon
// officials", "Local Police", "Former House Speaker Nancy Pelosi").
export const RANK_WORDS = new Set([
  'top', 'senior', 'junior', 'former', 'local', 'acting', 'interim', 'retired', 'late', 'current', 'then', 'chief',
  'deputy', 'veteran', 'fellow', 'rival', 'incoming', 'outgoing', 'new', 'old', 'young', 'leading', 'prominent', 'key',
  'many', 'most', 'more', 'some', 'several', 'few', 'other', 'both', 'all', 'each', 'every', 'various', 'frustrated',
  'angry', 'furious', 'worried', 'concerned', 'ordinary', 'moderate', 'progressive', 'hardline', 'disgruntled',
])
// "I'm", "We've", "Don't" (apostrophes folded): a contraction is no name's first word.
export const CONTRACTION = /'(?:m|re|ve|ll|d|s|t)$/
