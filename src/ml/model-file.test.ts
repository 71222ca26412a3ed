import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { roundNumber, serializeModel, writeModelFile } from './model-file.js'
import { createModelLoader, loadModel } from '../models/loader.js'

const manifest = { id: 'demo', version: 1, createdAt: '2026-11-24T00:00:00.000Z', trainedOn: 'unit fixture', metrics: { accuracy: 0.8123456789 } }

test('roundNumber keeps integers exact and rounds the rest to significant digits', () => {
  assert.equal(roundNumber(1048576), 1048576)
  assert.equal(roundNumber(0.123456789), 0.123457)
  assert.equal(roundNumber(-1.23456789e-7, 3), -1.23e-7)
  assert.throws(() => roundNumber(Number.NaN), { code: 'E_MODEL_INVALID' })
})

test('serializeModel: manifest first, other keys sorted, number arrays on one line, same bytes every time', () => {
  const text = serializeModel({ weights: Float32Array.from([0.5, 0.25]), bias: 0.3333333333, ...manifest, nested: { z: 1, a: [1, 2] } })
  assert.equal(
    text,
    [
      '{',
      '  "id": "demo",',
      '  "version": 1,',
      '  "createdAt": "2026-11-24T00:00:00.000Z",',
      '  "trainedOn": "unit fixture",',
      '  "metrics": {',
      '    "accuracy": 0.812346',
      '  },',
      '  "bias": 0.333333,',
      '  "nested": {',
      '    "a": [1,2],',
      '    "z": 1',
      '  },',
      '  "weights": [0.5,0.25]',
      '}',
      '',
    ].join('\n'),
  )
  assert.deepEqual(JSON.parse(text).weights, [0.5, 0.25])
})

test('write then read round-trips; the folder holds no temp file afterwards', () => {
  const dir = mkdtempSync(join(tmpdir(), 'factsift-ml-'))
  try {
    const path = join(dir, 'demo.json')
    writeModelFile(path, { ...manifest, weights: [1, 2] })
    const model = loadModel(createModelLoader(dir), {
      id: 'demo',
      train: 'a test',
      validate: (file) => file as typeof manifest & { weights: number[] },
    })
    assert.deepEqual(model.weights, [1, 2])
    assert.deepEqual(readdirSync(dir), ['demo.json'])
    assert.equal(readFileSync(path, 'utf8').endsWith('\n'), true)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('writeModelFile refuses a model without a valid manifest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'factsift-ml-'))
  try {
    assert.throws(() => writeModelFile(join(dir, 'm.json'), { ...manifest, version: 0 }), { code: 'E_MODEL_INVALID' })
    assert.deepEqual(readdirSync(dir), [])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
