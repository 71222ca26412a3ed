// Builds the Services object once: defaults for everything, overridden by what the caller passes in.
import type { Services } from '../services/types.js'
import { silentLogger } from '../services/types.js'
import { DEFAULT_LIMITS } from '../ingest/limits.js'
import { createModelLoader } from '../models/loader.js'

/** Complete services from a partial set: the default model folder, a silent logger, default limits. */
export function createServices(overrides: Partial<Services> = {}): Services {
  return {
    models: overrides.models ?? createModelLoader(),
    now: overrides.now ?? (() => performance.now()),
    logger: overrides.logger ?? silentLogger,
    limits: { ...DEFAULT_LIMITS, ...overrides.limits },
    ...(overrides.store ? { store: overrides.store } : {}),
    ...(overrides.factchecks ? { factchecks: overrides.factchecks } : {}),
    ...(overrides.corpus ? { corpus: overrides.corpus } : {}),
  }
}
