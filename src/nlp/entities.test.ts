import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { documentFromText } from '../document/create.js'
import { assertAnnotatedDocumentValid } from '../document/test-support/validate.js'
import type { EntityType } from '../document/types.js'
import { annotate } from './annotate.js'

interface Case {
  text: string
  /** [canonical name, type, mention texts (optional)] */
  entities: Array<[string, EntityType, string[]?]>
  /** Names that must not come out as entities (of any type). */
  absent?: string[]
}

const cases: Record<string, Case> = {
  'title before a name, title stripped': {
    text: 'Yesterday Senator Maria Lopez met Gov. Hartley in Ohio.',
    entities: [['Yesterday', 'date'], ['Maria Lopez', 'person'], ['Hartley', 'person'], ['Ohio', 'place']],
    absent: ['Senator', 'Senator Maria Lopez', 'Gov.'],
  },
  'a surname two people share goes to the one named last before it': {
    text: 'Hillary Clinton spoke in Ohio. Clinton said costs rose. Bill Clinton answered later. Clinton said they fell. Then Hillary Clinton left, and Clinton waved.',
    entities: [
      ['Hillary Clinton', 'person', ['Hillary Clinton', 'Clinton', 'Hillary Clinton', 'Clinton']],
      ['Ohio', 'place'],
      ['Bill Clinton', 'person', ['Bill Clinton', 'Clinton']],
    ],
  },
  'surname and possessive join the full name': {
    text: 'Jeff Sessions spoke first. Later, Sessions’ aides said Sessions would stay.',
    entities: [['Jeff Sessions', 'person', ['Jeff Sessions', 'Sessions', 'Sessions']]],
  },
  'first name alone joins a unique full name': {
    text: 'Hillary Clinton lost in 2016. Critics still attack crooked Hillary’s record.',
    entities: [['Hillary Clinton', 'person', ['Hillary Clinton', 'Hillary']], ['2016', 'date']],
  },
  'a family': {
    text: 'Bill Clinton spoke. The deal between the Clintons and the bank collapsed.',
    entities: [['Bill Clinton', 'person'], ['Clinton family', 'person', ['Clintons']]],
  },
  'organization cues and acronyms': {
    text: 'The Department of Justice, the FBI and Northwind Energy Inc. met the Green Party at Harbor University.',
    entities: [
      ['Department of Justice', 'organization'], ['FBI', 'organization'], ['Northwind Energy Inc.', 'organization'],
      ['Green Party', 'organization'], ['Harbor University', 'organization'],
    ],
  },
  'acronym joins its expansion': {
    text: 'The Democratic National Committee (DNC) denied it. The DNC said so twice.',
    entities: [['Democratic National Committee', 'organization', ['Democratic National Committee', 'DNC', 'DNC']]],
  },
  'places and demonyms': {
    text: 'Officials in Kyiv said Russian troops left Ukraine for Russia, the United States said.',
    entities: [['Kyiv', 'place'], ['Russian', 'other'], ['Ukraine', 'place'], ['Russia', 'place'], ['United States', 'place']],
  },
  'titles split a chain of capitalized words': {
    text: 'Then Russian President Vladimir Putin called Senate Majority Leader Mitch McConnell.',
    entities: [['Russian', 'other'], ['Vladimir Putin', 'person'], ['Senate', 'organization'], ['Mitch McConnell', 'person']],
    absent: ['Russian President Vladimir Putin', 'Majority Leader'],
  },
  'a role after an organization is cut off': {
    text: 'A White House Communication Director spoke to the Justice Department.',
    entities: [['White House', 'organization'], ['Justice Department', 'organization']],
    absent: ['Communication Director', 'A White House Communication Director'],
  },
  'sentence-initial common words are not names': {
    text: 'However, nobody came. More rain fell. Analysts note the risk. Visit the page. Mark my words.',
    entities: [],
  },
  'a sentence-initial name seen elsewhere is kept': {
    text: 'Okafor resigned on Friday. The council thanked Okafor.',
    entities: [['Okafor', 'other', ['Okafor', 'Okafor']], ['Friday', 'date']],
  },
  'speech verb types an unknown name as a person': {
    text: 'Later, Brennan said the plan had failed.',
    entities: [['Brennan', 'person']],
  },
  'headline case only keeps known names': {
    text: 'Trump Slams Sessions Over Russia Probe\n\nOnce again, President Trump criticized Jeff Sessions.',
    entities: [['Trump', 'person'], ['Jeff Sessions', 'person'], ['Russia', 'place']],
    absent: ['Slams', 'Probe', 'Trump Slams Sessions Over Russia Probe', 'Over'],
  },
  'dates': {
    text: 'On Tuesday, March 3, 2020, the mayor spoke. Two days ago and last week he was silent, as in 2019 and the 1990s.',
    entities: [['Tuesday, March 3, 2020', 'date'], ['Two days ago', 'date'], ['last week', 'date'], ['2019', 'date'], ['1990s', 'date']],
    absent: ['On Tuesday'],
  },
  'abbreviated months, with and without the period': {
    text: 'On Nov. 15, 2019, the council voted. The Sept. 3 hearing and the Jan 6 report followed; Mar 2 was quiet.',
    entities: [['Nov. 15, 2019', 'date'], ['Sept. 3', 'date'], ['Jan 6', 'date'], ['Mar 2', 'date']],
    absent: ['On Nov. 15, 2019'],
  },
  'May as a month and as a name': {
    text: 'Theresa May resigned in May.',
    entities: [['Theresa May', 'person'], ['May', 'date']],
  },
  'hyphenated and particle names': {
    text: 'Officials said Jean-Luc Martin met Ursula von der Leyen.',
    entities: [['Jean-Luc Martin', 'person'], ['Ursula von der Leyen', 'person']],
  },
  'outlet from a "Source:" line': {
    text: 'The mayor quit. Source: Yellow Hammer News',
    entities: [['Yellow Hammer News', 'organization']],
  },
}

describe('entities', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => {
      const doc = annotate(documentFromText(c.text))
      assertAnnotatedDocumentValid(doc)
      const got = doc.entities.map((e) => `${e.name} (${e.type})`)
      for (const [entityName, type, mentions] of c.entities) {
        const e = doc.entities.find((x) => x.name === entityName)
        assert.ok(e, `missing ${entityName}; got ${got.join(', ')}`)
        assert.equal(e.type, type, `type of ${entityName}`)
        if (mentions) assert.deepEqual(e.mentions.map((m) => m.text), mentions, `mentions of ${entityName}`)
      }
      for (const junk of c.absent ?? []) assert.ok(!doc.entities.some((e) => e.name === junk), `unexpected ${junk}`)
      if (c.entities.length === 0) assert.deepEqual(got, [])
    })
  }
})
