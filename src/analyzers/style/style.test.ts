import style from './style.js'
import { runAnalyzerTests } from '../../test-support/analyzer-tester.js'

runAnalyzerTests(style, {
  valid: [
    { text: 'The council approved the budget on Monday after a long debate.' },
    { text: 'Senator Marisol Okonkwo met officials from the DNC and NATO in Brussels.', ids: ['misspelling', 'all-caps'] },
    { text: 'Kowalczyk said the plan was sound.', ids: ['misspelling'] },
    { text: 'He called it “an absolute disaster” in a statement.', ids: ['sensational'] },
    { text: 'The e-mails were released on Tuesday.', ids: ['misspelling'] },
    { text: 'Rumours spread that the centre had cancelled the programme.', ids: ['misspelling'] },
  ],
  invalid: [
    { text: 'Sessions was a supporter during the presidencial race.', ids: ['misspelling'], findings: [{ id: 'misspelling', quote: 'presidencial' }] },
    { text: 'The mayor said it was an embarassment.', ids: ['misspelling'], findings: [{ id: 'misspelling', quote: 'embarassment' }] },
    { text: 'This is TOTALLY unacceptable, the group said.', ids: ['all-caps'], findings: [{ id: 'all-caps', quote: 'TOTALLY' }] },
    { text: 'They lied to us! Wake up!!', ids: ['exclamation'], findings: [{ id: 'exclamation', quote: '!' }, { id: 'exclamation', quote: '!' }] },
    {
      text: 'Shocking report exposes council. The council met on Monday.',
      title: 'Shocking report exposes council.',
      ids: ['sensational'],
      findings: [
        { id: 'sensational', quote: 'Shocking' },
        { id: 'sensational', quote: 'exposes' },
      ],
    },
    {
      text: 'The council met on Monday.',
      title: 'YOU WON\'T BELIEVE WHAT THE COUNCIL DID',
      ids: ['sensational', 'title-all-caps'],
      findings: [
        { id: 'sensational', quote: '' },
        { id: 'title-all-caps', quote: '' },
      ],
    },
  ],
})
