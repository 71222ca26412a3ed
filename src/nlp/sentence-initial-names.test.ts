// Capitalized words at a sentence start: names the gazetteers do not know, ordinary words that are not names, and
// given names from many regions. Texts written for these tests.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { documentFromText } from '../document/create.js'
import { assertAnnotatedDocumentValid } from '../document/test-support/validate.js'
import type { Entity } from '../document/types.js'
import { annotate } from './annotate.js'
import { isCommonWord, isOnlyCommonWord } from './common-words.js'
import { FIRST_NAMES } from './gazetteer.js'

function entitiesOf(text: string): Entity[] {
  const doc = annotate(documentFromText(text))
  assertAnnotatedDocumentValid(doc)
  return doc.entities
}

function typeOf(entities: Entity[], name: string): string | undefined {
  return entities.find((e) => e.name === name)?.type
}

describe('sentence-initial names', () => {
  it('an unknown first name opening the article still starts a person name', () => {
    const entities = entitiesOf('Zorawar Bhattacharjee has repaired shoes in the arcade since 1998. He plans to retire.')
    assert.equal(typeOf(entities, 'Zorawar Bhattacharjee'), 'person')
    assert.ok(!entities.some((e) => e.name === 'Bhattacharjee'), 'the surname is not an entity of its own')
  })

  it('a company named by an invented word and a common noun is one organization', () => {
    const entities = entitiesOf('Quillmark Freight cut 40 jobs on Friday. The union was not told in advance.')
    assert.equal(typeOf(entities, 'Quillmark Freight'), 'organization')
    assert.ok(!entities.some((e) => e.name === 'Freight'))
  })

  it('its short name later joins the organization, even before a speech verb', () => {
    const entities = entitiesOf('Quillmark Freight cut 40 jobs on Friday. Quillmark said demand had fallen.')
    const firm = entities.find((e) => e.name === 'Quillmark Freight')
    assert.equal(firm?.type, 'organization')
    assert.deepEqual(firm?.mentions.map((m) => m.text), ['Quillmark Freight', 'Quillmark'])
  })

  it('an ordinary word before an organization cue opens its name', () => {
    const entities = entitiesOf('Greenhill Capital bought the site. Harbor Ventures sold it.')
    assert.equal(typeOf(entities, 'Greenhill Capital'), 'organization')
    assert.equal(typeOf(entities, 'Harbor Ventures'), 'organization')
  })

  it('ordinary words before a name are not part of it', () => {
    const entities = entitiesOf(
      'Earlier Ortega said the vote was fair. Senior Pentagon officials disagreed. Top Democrats were silent. '
      + 'Critics of Ortega marched. Residents near Lake Vella were moved.',
    )
    const names = entities.map((e) => e.name)
    for (const bad of ['Earlier Ortega', 'Senior Pentagon', 'Top Democrats', 'Critics', 'Residents']) {
      assert.ok(!names.includes(bad), `${bad} in ${names.join(', ')}`)
    }
    assert.ok(names.includes('Ortega'))
  })

  it('a contraction does not start a name', () => {
    const entities = entitiesOf('I’m Spartacus was the slogan on the banner.')
    assert.ok(!entities.some((e) => e.name.startsWith('I’m')))
  })

  it('a word the article also writes in lower case is ordinary', () => {
    const entities = entitiesOf('Vaxtrack Portal is the name of the new vaxtrack service. It opened on Monday.')
    assert.ok(!entities.some((e) => e.name.startsWith('Vaxtrack')), entities.map((e) => e.name).join(', '))
  })
})

describe('typing a name by its last word', () => {
  it('a name ending in a word that is only a common noun is no person', () => {
    const entities = entitiesOf('The contract went to Tarnwell Air and to Ostrova Energy.')
    assert.equal(typeOf(entities, 'Tarnwell Air'), 'organization')
    assert.equal(typeOf(entities, 'Ostrova Energy'), 'organization')
  })

  it('a surname that is also a common word keeps a person a person', () => {
    const entities = entitiesOf('The prize went to Odalys Baker and Tremaine Rice, and to Usama bin Laden’s biographer.')
    assert.equal(typeOf(entities, 'Odalys Baker'), 'person')
    assert.equal(typeOf(entities, 'Tremaine Rice'), 'person')
    assert.equal(typeOf(entities, 'Usama bin Laden'), 'person')
  })
})

describe('given names from many regions', () => {
  // A lone given name at a sentence start is a name only when the list knows it.
  const names = ['Nadia', 'Ravi', 'Priya', 'Kwame', 'Chidi', 'Ngozi', 'Aiko', 'Haruto', 'Thabo', 'Yasmin', 'Mehmet',
    'Oksana', 'Joaquim', 'Siobhan', 'Tendai', 'Zeynep', 'Lakshmi', 'Dawit']
  for (const name of names) {
    it(`${name} said …`, () => {
      const entities = entitiesOf(`${name} said the queue had been long. ${name} waited for an hour.`)
      assert.equal(typeOf(entities, name), 'person')
    })
  }

  it('the list is broad and holds no plain English words', () => {
    for (const word of ['rent', 'energy', 'chase', 'paris', 'summer']) assert.ok(!FIRST_NAMES.has(word), word)
    assert.ok(FIRST_NAMES.size > 1000)
  })
})

describe('common words', () => {
  it('knows ordinary words and the inflections the dictionary allows', () => {
    for (const word of ['rent', 'analysts', 'studies', 'citing', 'earlier', 'supporters', 'however']) {
      assert.ok(isCommonWord(word), word)
    }
    for (const word of ['nadia', 'brightline', 'childs', 'horner']) assert.ok(!isCommonWord(word), word)
  })

  it('tells words that are also surnames', () => {
    assert.ok(isOnlyCommonWord('energy'))
    assert.ok(!isOnlyCommonWord('baker'))
    assert.ok(!isOnlyCommonWord('green'))
  })
})
