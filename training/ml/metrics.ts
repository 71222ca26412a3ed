// One import for every evaluation metric: ranking, classification and probability quality.
export * from './ranking-metrics.js'
export * from './classification-metrics.js'
export * from './probability-metrics.js'
