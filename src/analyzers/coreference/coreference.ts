// Coreference-lite: one entity per person or organization with a canonical name and every mention (name, surname,
// acronym, title, pronoun), so that "Trump", "the president" and "he" all read as Donald Trump.
import { defineAnalyzer, type Analyzer } from '../types.js'
import type { AnnotatedDocument } from '../../document/types.js'
import type { CorefEntity, CorefMention, CoreferenceOutput } from './types.js'
import { knownEntityTable, type KnownEntitiesSource } from '../shared/known-entities.js'
import { outletTable, type OutletAliasesSource } from '../../nlp/outlets.js'
import { quoteRegions } from '../shared/quote-marks.js'
import { seedClusters } from './clusters.js'
import { resolveTitles } from './titles.js'
import { resolvePronouns } from './pronouns.js'
import { resolveNominals } from './nominals.js'

export interface CoreferenceOptions {
  /** Extra known entities: a JSON file path or a table, merged over data/known-entities.json. */
  knownEntities?: KnownEntitiesSource
  /** Extra outlet aliases, used to name outlet entities ("News Week" → "Newsweek"). */
  outletAliases?: OutletAliasesSource
}

/** Resolves the entities of one annotated document. */
export function resolveCoreference(doc: AnnotatedDocument, options: CoreferenceOptions = {}): CoreferenceOutput {
  const table = knownEntityTable(options.knownEntities)
  const outlets = outletTable(options.outletAliases)
  const clusters = seedClusters(doc, table, outlets)
  resolveTitles(doc, clusters, table)
  resolveNominals(doc, clusters, quoteRegions(doc), outlets)
  resolvePronouns(doc, clusters, quoteRegions(doc))

  const live = clusters.filter((c) => c.mentions.length > 0)
  for (const c of live) c.mentions.sort((a, b) => a.start - b.start)
  live.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start)
  const entities: CorefEntity[] = []
  const mentions: CorefMention[] = []
  live.forEach((c, index) => {
    entities.push({ id: `r${index + 1}`, name: c.name, type: c.type, gender: c.gender, known: c.known !== null, titles: [...c.titles].sort() })
    let lastEnd = -1
    for (const m of c.mentions) {
      if (m.start < lastEnd) continue // the annotator and the alias scan can meet on the same words
      lastEnd = m.end
      const text = doc.text.slice(m.start, m.end)
      mentions.push({ start: m.start, end: m.end, text, entity: index, kind: refineKind(m.kind, text, c.name), sentence: m.sentence })
    }
  })
  mentions.sort((a, b) => a.start - b.start || a.end - b.end)
  return { entities, mentions }
}

// A one-word 'name' mention of a longer canonical name is its surname or first name ("Trump" of Donald Trump).
function refineKind(kind: CorefMention['kind'], text: string, name: string): CorefMention['kind'] {
  if ((kind !== 'name' && kind !== 'alias') || text.includes(' ') || !name.includes(' ')) return kind
  const words = name.split(' ')
  const bare = text.replace(/['’]s$/, '')
  if (bare === words.at(-1)) return 'surname'
  if (bare === words[0]) return 'first-name'
  if (bare.length >= 2 && bare === bare.toUpperCase() && bare !== bare.toLowerCase()) return 'acronym'
  return kind
}

/** A coreference analyzer using extra known entities or outlet aliases (see README.md). */
export function createCoreferenceAnalyzer(options: CoreferenceOptions = {}): Analyzer<CoreferenceOutput> {
  return defineAnalyzer<CoreferenceOutput>({
    id: 'coreference',
    // Language-neutral: it groups the name mentions annotate found; its pronoun and title rules are English and find
    // nothing in another language. Quotes and sources need it.
    meta: {
      version: 1,
      description: 'Entities with canonical names and all their mentions (names, titles, pronouns)',
      appliesTo: { languages: 'any' },
    },
    analyze: (doc) => resolveCoreference(doc, options),
    contribute(out, report) {
      const byEntity = out.entities.map(() => [] as { start: number; end: number; text: string }[])
      for (const m of out.mentions) byEntity[m.entity]!.push({ start: m.start, end: m.end, text: m.text })
      report.entities = out.entities.map((e, i) => ({ name: e.name, type: e.type, mentions: byEntity[i]! }))
    },
  })
}

export default createCoreferenceAnalyzer()
