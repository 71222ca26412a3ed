// The public face of src/source-ratings: what the report, store, CLI and REST wiring may import.
export { bandOf, DEFAULT_BANDS, LABEL_SCORES, parseLabel, type BandThresholds, type RatingBand, type RatingLabel } from './bands.js'
export { defaultTablePath, loadRatingsTable, ratingsTableFromJSON, type RatingsTable, type RatingsTableFile } from './default-table.js'
export { domainCandidates, normalizeHost, registrableDomain, stripVariantPrefixes } from './domain.js'
export { ratingKey, type ListEntry, type RatingsList } from './ratings-list.js'
export { createRatingsRegistry, isRated, type RatingLookup, type RatingsRegistry, type RegistryOptions, type SourceRating, type Unrated } from './registry.js'
export { parseRatingsList, parseRatingsListStrict, type ParsedList, type ParseListOptions, type RowProblem, type RowProblemReason } from './user-list.js'
export { parseAddress, unwrapUrl } from './unwrap.js'
