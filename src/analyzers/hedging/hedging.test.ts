import hedging from './hedging.js'
import { runAnalyzerTests } from '../../test-support/analyzer-tester.js'
import { HEDGE } from './signals.js'

runAnalyzerTests(hedging, {
  valid: [
    { text: 'The council approved the budget on Monday, the clerk confirmed.' },
    { text: 'The report says 40 percent of bridges need repairs.' },
  ],
  invalid: [
    { text: 'It seems like they are on a collision course.', findings: [{ id: HEDGE.id, quote: 'It seems like' }] },
    { text: 'The minister reportedly met the donors twice.', findings: [{ id: HEDGE.id, quote: 'reportedly' }] },
    { text: 'It has been said that the deal is off.', findings: [{ id: HEDGE.id, quote: 'It has been said' }] },
    { text: 'Many people are saying the vote was rigged.', findings: [{ id: HEDGE.id, quote: 'Many people are saying' }] },
    { text: 'It’s not clear whether he will resign.', findings: [{ id: HEDGE.id, quote: 'It’s not clear' }] },
    {
      text: 'The mayor allegedly took bribes. Experts believe the case is weak.',
      findings: [
        { id: HEDGE.id, quote: 'allegedly' },
        { id: HEDGE.id, quote: 'Experts believe' },
      ],
    },
  ],
})
