import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as factsift from './index.js'

test('the public API is exactly this list of runtime exports', () => {
  assert.deepEqual(Object.keys(factsift).sort(), [
    'ERROR_CODES',
    'FactsiftError',
    'REPORT_FORMATS',
    'VERSION',
    'analyze',
    'createEngine',
    'createServices',
    'declareSignal',
    'defaultAnalyzers',
    'defineAnalyzer',
    'isFactsiftError',
    'openAnalysisServices',
    'renderHtml',
    'renderReport',
    'renderText',
    'signalOf',
    'validateReport',
    'withSourcingTables',
  ])
})
