// The sourcing word lists (speech verbs, titles, source nouns) compiled once, on first use, into lookup sets and maps.
import speechVerbs from './speech-verbs.json' with { type: 'json' }
import titles from './titles.json' with { type: 'json' }
import sourceNouns from './source-nouns.json' with { type: 'json' }
import { phraseWords } from './token-phrases.js'

export type VerbClass = 'speech' | 'stance' | 'naming' | 'cognition' | 'finding' | 'quoteOnly'

export interface VerbInfo {
  lemma: string
  classes: ReadonlySet<VerbClass>
  ambiguous: boolean
}

/** Multi-word verb forms ("pointed out", "made it clear") as token sequences, with their lemma. */
export interface VerbPhrase {
  words: string[]
  lemma: string
  cls: VerbClass
  classes: ReadonlySet<VerbClass>
}

export interface SourcingLexicon {
  /** Single-token verb forms (lower case) → lemma and classes. */
  verbs: Map<string, VerbInfo>
  /** Multi-word verb forms by their first word. */
  verbPhrases: Map<string, VerbPhrase[]>
  /** Medium words (lower case, possibly multi-word) → medium name. */
  media: Map<string, string>
  /** Titles as token sequences, longest first per first word. */
  titleIndex: Map<string, string[][]>
  /** Folded title → canonical title key ("a.g." → "attorney general"). */
  titleCanon: Map<string, string>
  honorifics: Set<string>
  femaleWords: Set<string>
  maleWords: Set<string>
  vaguePlural: Set<string>
  vagueSingular: Set<string>
  vagueDeterminers: Set<string>
  spokespeople: Set<string>
  organizationHeads: Set<string>
  documentHeads: Set<string>
  outletWords: Set<string>
  personRoleHeads: Set<string>
}

let compiled: SourcingLexicon | undefined

/** The compiled lexicon (built on first call, then shared). */
export function lexicon(): SourcingLexicon {
  compiled ??= compile()
  return compiled
}

function compile(): SourcingLexicon {
  const verbs = new Map<string, VerbInfo>()
  const verbPhrases = new Map<string, VerbPhrase[]>()
  const ambiguous = new Set(speechVerbs.ambiguous)
  const classes: VerbClass[] = ['speech', 'stance', 'naming', 'cognition', 'finding', 'quoteOnly']
  for (const cls of classes) {
    for (const [lemma, forms] of Object.entries(speechVerbs[cls] as Record<string, string[]>)) {
      for (const form of forms) {
        const words = phraseWords(form)
        if (words.length > 1) {
          if (cls === 'speech' || cls === 'quoteOnly' || cls === 'stance') {
            const list = verbPhrases.get(words[0]!) ?? []
            list.push({ words, lemma, cls, classes: new Set([cls]) })
            verbPhrases.set(words[0]!, list)
          }
          continue
        }
        const info = verbs.get(form)
        if (info) (info.classes as Set<VerbClass>).add(cls)
        else verbs.set(form, { lemma, classes: new Set([cls]), ambiguous: ambiguous.has(form) })
      }
    }
  }
  const media = new Map<string, string>()
  for (const [medium, words] of Object.entries(speechVerbs.media as Record<string, string[]>)) {
    for (const word of words) media.set(word, medium)
  }
  const titleCanon = new Map<string, string>(Object.entries(titles.abbreviations as Record<string, string>))
  const titleIndex = new Map<string, string[][]>()
  const allTitles = new Set<string>([...titles.titles, ...Object.keys(titles.abbreviations)])
  for (const title of allTitles) addTitle(titleIndex, title)
  return {
    verbs,
    verbPhrases,
    media,
    titleIndex,
    titleCanon,
    honorifics: new Set(titles.honorifics),
    femaleWords: new Set(titles.female),
    maleWords: new Set(titles.male),
    vaguePlural: new Set(sourceNouns.vaguePlural),
    vagueSingular: new Set(sourceNouns.vagueSingular),
    vagueDeterminers: new Set(sourceNouns.vagueDeterminers),
    spokespeople: new Set(sourceNouns.spokespeople),
    organizationHeads: new Set(sourceNouns.organizationHeads),
    documentHeads: new Set(sourceNouns.documentHeads),
    outletWords: new Set(sourceNouns.outletWords),
    personRoleHeads: new Set(sourceNouns.personRoleHeads),
  }
}

/** Adds a title (lower case, possibly multi-word) to a first-word index, keeping longer titles first. */
export function addTitle(index: Map<string, string[][]>, title: string): void {
  const words = phraseWords(title.toLowerCase())
  if (words.length === 0) return
  const list = index.get(words[0]!) ?? []
  if (list.some((w) => w.join(' ') === words.join(' '))) return
  list.push(words)
  list.sort((a, b) => b.length - a.length)
  index.set(words[0]!, list)
}

/** The canonical key of a title as written: lower case, abbreviations expanded ("A.G." → "attorney general"). */
export function canonicalTitle(written: string): string {
  const key = written.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').trim()
  return lexicon().titleCanon.get(key) ?? key
}
