import { test } from 'node:test'
import assert from 'node:assert/strict'
import { declarationProblems, declareSignal, formatSignalMessage, signalOf, templateParams, toSignal } from './signals.js'

test('a template fills {name} placeholders, joins lists with ", " and drops an optional section whose value is empty', () => {
  const template = 'Possible misspelling: {word}[ (did you mean {suggestions}?)]'
  assert.equal(formatSignalMessage(template, { word: 'goverment', suggestions: ['government', 'governments'] }), 'Possible misspelling: goverment (did you mean government, governments?)')
  assert.equal(formatSignalMessage(template, { word: 'goverment', suggestions: [] }), 'Possible misspelling: goverment')
  assert.equal(formatSignalMessage(template, { word: 'goverment' }), 'Possible misspelling: goverment')
  assert.equal(formatSignalMessage('{n} of {n}', { n: 3 }), '3 of 3')
  assert.equal(formatSignalMessage('Exclamation mark', {}), 'Exclamation mark')
  assert.throws(() => formatSignalMessage('Hedge: {phrase}', {}), /no value for \{phrase\}/)
  assert.throws(() => formatSignalMessage('Hedge: {phrase}', { phrase: '' }), /no value/)
  assert.deepEqual(templateParams(template), ['word', 'suggestions'])
})

test('declarations are checked: id shape, severity, label and a template that parses', () => {
  assert.deepEqual(declarationProblems({ id: 'all-caps', severity: 'info', label: 'Capitals', message: 'Word in capitals: {word}' }), [])
  assert.equal(declarationProblems({ id: 'All Caps', severity: 'info', label: 'x', message: 'x' }).length, 1)
  assert.equal(declarationProblems({ id: 'x', severity: 'loud' as never, label: 'x', message: 'x' }).length, 1)
  assert.equal(declarationProblems({ id: 'x', severity: 'info', label: ' ', message: 'x' }).length, 1)
  for (const message of ['{word', 'word}', '[a [b]]', 'a]', '[{word}', '{two words}']) {
    assert.equal(declarationProblems({ id: 'x', severity: 'info', label: 'x', message }).length, 1, message)
  }
})

test('signalOf emits data only; toSignal fills the message and the default severity, in the report field order', () => {
  const SENSATIONAL = declareSignal({ id: 'sensational', severity: 'info', label: 'Sensational wording', message: 'Sensational wording in the {where}: {phrase}' })
  const draft = signalOf(SENSATIONAL, { start: 0, end: 0 }, { where: 'headline', phrase: 'shocking' }, { severity: 'warn', scope: 'title' })
  assert.deepEqual(draft, { id: 'sensational', start: 0, end: 0, severity: 'warn', params: { where: 'headline', phrase: 'shocking' }, scope: 'title' })
  const signal = toSignal(draft, SENSATIONAL)
  assert.equal(JSON.stringify(signal), '{"id":"sensational","start":0,"end":0,"message":"Sensational wording in the headline: shocking","severity":"warn","scope":"title"}')
  assert.equal(toSignal(signalOf(SENSATIONAL, { start: 1, end: 2 }, { where: 'text', phrase: 'wow' }), SENSATIONAL).severity, 'info')
  // @ts-expect-error the template's parameters are checked by the compiler
  signalOf(SENSATIONAL, { start: 1, end: 2 }, { phrase: 'wow' })
})
