import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FactsiftError } from '../errors.js'
import { createModelLoader, loadModel, type ModelDefinition } from './loader.js'

const manifest = { id: 'demo', version: 1, createdAt: '2026-11-24T00:00:00.000Z', trainedOn: 'unit fixture', metrics: {} }

function withDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'factsift-models-'))
  try {
    body(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

test('loadModel: read once, manifest checked, model validated once per file and cached', () => {
  withDir((dir) => {
    writeFileSync(join(dir, 'demo.json'), JSON.stringify({ ...manifest, weights: [1, 2] }))
    let validations = 0
    const demo: ModelDefinition<{ weights: number[] }> = {
      id: 'demo',
      train: 'npm run train:demo',
      validate(file) {
        validations++
        return { weights: (file as unknown as { weights: number[] }).weights }
      },
    }
    const models = createModelLoader(dir)
    const first = loadModel(models, demo)
    assert.deepEqual(first.weights, [1, 2])
    assert.equal(loadModel(models, demo), first, 'the same validated model comes back')
    assert.equal(validations, 1)
  })
})

test('loadModel: a missing file, bad JSON, a bad manifest and a failed validation are all E_MODEL_INVALID', () => {
  withDir((dir) => {
    const demo: ModelDefinition<unknown> = {
      id: 'demo',
      train: 'npm run train:demo',
      validate(file) {
        if (!('weights' in file)) throw new FactsiftError('E_MODEL_INVALID', 'model demo: weights missing')
        return file
      },
    }
    assert.throws(() => loadModel(createModelLoader(dir), demo), { code: 'E_MODEL_INVALID', message: /demo\.json is missing; train it with npm run train:demo/ })
    writeFileSync(join(dir, 'demo.json'), '{nope')
    assert.throws(() => loadModel(createModelLoader(dir), demo), { code: 'E_MODEL_INVALID', message: /not valid JSON/ })
    writeFileSync(join(dir, 'demo.json'), JSON.stringify({ ...manifest, id: 'other', weights: [] }))
    assert.throws(() => loadModel(createModelLoader(dir), demo), /expected "demo"/)
    const { metrics: _dropped, ...noMetrics } = manifest
    writeFileSync(join(dir, 'demo.json'), JSON.stringify({ ...noMetrics, weights: [] }))
    assert.throws(() => loadModel(createModelLoader(dir), demo), /metrics must be an object/)
    writeFileSync(join(dir, 'demo.json'), JSON.stringify(manifest))
    assert.throws(() => loadModel(createModelLoader(dir), demo), /weights missing/)
  })
})
