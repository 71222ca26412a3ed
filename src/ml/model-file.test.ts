import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readModelFile, roundNumber, serializeModel, writeModelFile } from './model-file.js'

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
    let checked = false
    const model = readModelFile<typeof manifest & { weights: number[] }>(path, 'demo', (m) => {
      checked = Array.isArray(m.weights)
    })
    assert.ok(checked)
    assert.deepEqual(model.weights, [1, 2])
    assert.deepEqual(readdirSync(dir), ['demo.json'])
    assert.equal(readFileSync(path, 'utf8').endsWith('\n'), true)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('readModelFile rejects a missing file, bad JSON, a wrong id and an incomplete manifest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'factsift-ml-'))
  try {
    const path = join(dir, 'm.json')
    assert.throws(() => readModelFile(path, 'demo'), { code: 'E_MODEL_INVALID' })
    writeFileSync(path, '{nope')
    assert.throws(() => readModelFile(path, 'demo'), { code: 'E_MODEL_INVALID' })
    writeFileSync(path, JSON.stringify({ ...manifest, id: 'other' }))
    assert.throws(() => readModelFile(path, 'demo'), /expected "demo"/)
    const { metrics: _dropped, ...noMetrics } = manifest
    writeFileSync(path, JSON.stringify(noMetrics))
    assert.throws(() => readModelFile(path, 'demo'), /metrics must be an object/)
    assert.throws(() => writeModelFile(path, { ...manifest, version: 0 }), { code: 'E_MODEL_INVALID' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
