import hedging from './hedging.js'
import { runAnalyzerTests } from '../../test-support/analyzer-tester.js'

runAnalyzerTests(hedging, {
  valid: [
    { text: 'The council approved the budget on Monday, the clerk confirmed.' },
    { text: 'The report says 40 percent of bridges need repairs.' },
  ],
  invalid: [
    { text: 'It seems like they are on a collision course.', findings: [{ id: 'hedge', quote: 'It seems like' }] },
    { text: 'The minister reportedly met the donors twice.', findings: [{ id: 'hedge', quote: 'reportedly' }] },
    { text: 'It has been said that the deal is off.', findings: [{ id: 'hedge', quote: 'It has been said' }] },
    { text: 'Many people are saying the vote was rigged.', findings: [{ id: 'hedge', quote: 'Many people are saying' }] },
    { text: 'It’s not clear whether he will resign.', findings: [{ id: 'hedge', quote: 'It’s not clear' }] },
    {
      text: 'The mayor allegedly took bribes. Experts believe the case is weak.',
      findings: [
        { id: 'hedge', quote: 'allegedly' },
        { id: 'hedge', quote: 'Experts believe' },
      ],
    },
  ],
})
