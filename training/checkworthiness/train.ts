// Entry point of `npm run train:checkworthiness -- --data <dir>`: trains, evaluates and writes models/checkworthiness.{json,md}.
import { parseArgs } from 'node:util'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { existsSync, statSync } from 'node:fs'
import { FactsiftError } from '../../src/errors.js'
import { writeModelFile } from '../../src/ml/model-file.js'
import { writeFileAtomic } from '../../src/util/atomic-write.js'
import { annotate } from '../../src/nlp/annotate.js'
import { summarize } from './evaluate.js'
import { CANDIDATES, SHIPPED } from './configs.js'
import { runTraining, type TrainingResult } from './pipeline.js'
import { modelCard } from './model-card.js'
import { trainWordVectors } from './word-vectors.js'
import type { WordVectorsJSON } from '../../src/ml/word-vectors.js'

export interface TrainCheckworthinessOptions {
  data: string
  out?: string
  cv?: boolean
  select?: boolean
  /** Folder of news passages; null skips the transfer figures. */
  news?: string | null
  newsPrior?: number
  /** Skip the dev evaluation (feature development only; the shipped model is always evaluated on dev once). */
  noDev?: boolean
  config?: string
  /** Folder of ../shared/data: train the word vectors there (needed when the configuration uses them). */
  embeddingsFrom?: string
  log?: (line: string) => void
}

const REPO = fileURLToPath(new URL('../../', import.meta.url))
export const DEFAULT_OUT = `${REPO}models/checkworthiness.json`
export const DEFAULT_NEWS = `${REPO}test/fixtures/checkworthiness/news`
/** Date recorded in the model file and card (the project's model-card date). */
const CREATED_AT = '2026-11-25T00:00:00.000Z'

/** Runs training; writes the model and its card unless `select` is set. Returns the result (null for `select`). */
export function trainCheckworthiness(options: TrainCheckworthinessOptions): TrainingResult | null {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`))
  if (!existsSync(`${options.data}/train`) || !statSync(`${options.data}/train`).isDirectory()) {
    throw new FactsiftError('E_INPUT_NOT_FOUND', `${options.data} has no train/ folder of CLEF TSV files`)
  }
  const newsPrior = options.newsPrior ?? 0.35
  if (!(newsPrior > 0 && newsPrior < 1)) throw new FactsiftError('E_BAD_ARGUMENT', '--news-prior must be between 0 and 1')
  const config = options.config ? CANDIDATES.find((c) => c.name === options.config) : SHIPPED
  if (!config) throw new FactsiftError('E_BAD_ARGUMENT', `unknown --config; one of: ${CANDIDATES.map((c) => c.name).join(', ')}`)
  const news = options.news === undefined ? DEFAULT_NEWS : options.news
  const printed: string[] = []
  let wordVectors: WordVectorsJSON | undefined
  const embeddingsFrom = options.embeddingsFrom ?? defaultEmbeddingsFrom(options.data)
  if ((config.features.embeddingDims ?? 0) > 0 || (options.select && embeddingsFrom)) {
    if (!embeddingsFrom) throw new FactsiftError('E_BAD_ARGUMENT', `config ${config.name} uses word vectors: pass --embeddings-from <shared data folder>`)
    wordVectors = trainWordVectors(embeddingsFrom, annotate, config.features.embeddingDims ? { dims: config.features.embeddingDims } : {}, log)
  }
  const result = runTraining(
    {
      data: options.data,
      select: options.select ?? false,
      cv: options.cv ?? false,
      evaluateDev: !options.noDev,
      news,
      newsPrior,
      config,
      wordVectors,
      log: (line) => {
        printed.push(line)
        log(line)
      },
    },
    annotate,
  )
  if (!result) {
    writeFileAtomic(`${REPO}training/checkworthiness/selection.md`, selectionRecord(printed))
    return null
  }
  const { model } = result
  model.createdAt = CREATED_AT
  model.trainedOn = 'CLEF CheckThat! 2019 Task 1, train/ (16 transcripts, 12,867 lines)'
  model.metrics = {
    trainLotoCv: { model: summarize(result.trainCv.model), withNewsRules: summarize(result.trainCv.combined), baselineLength: summarize(result.trainCv.baseline) },
    ...(result.dev
      ? { dev: { model: summarize(result.dev.model), withNewsRules: summarize(result.dev.combined), baselineLength: summarize(result.dev.baseline), brier: round(result.dev.brier), ece: round(result.dev.ece) } }
      : {}),
    ...(result.loto
      ? { lotoCvAll: { transcripts: result.loto.transcripts, model: summarize(result.loto.model), withNewsRules: summarize(result.loto.combined), baselineLength: summarize(result.loto.baseline) } }
      : {}),
    ...(result.news ? { newsPrecisionAt3: { heldOut: roundAll(result.news.heldOut.precisionAt3), all: roundAll(result.news.all.precisionAt3) } } : {}),
  }
  const out = options.out ?? DEFAULT_OUT
  writeModelFile(out, model as unknown as Parameters<typeof writeModelFile>[1], { digits: 6 })
  writeFileAtomic(out.replace(/\.json$/, '.md'), modelCard(model, result, config))
  log(`wrote ${out} (${model.logistic.indices.length} logistic weights) and its model card`)
  return result
}

/** `--data ../shared/data/checkworthiness-clef2019` implies `--embeddings-from ../shared/data` when the FNC-1 folder sits beside it. */
function defaultEmbeddingsFrom(data: string): string | undefined {
  const parent = data.replace(/\/+$/, '').replace(/\/[^/]+$/, '')
  return parent !== data && existsSync(`${parent}/stance-fnc1/train_bodies.csv`) ? parent : undefined
}

function selectionRecord(lines: string[]): string {
  return [
    '# Check-worthiness model selection',
    '',
    '4-fold CV over whole transcripts of `train/` (folds balanced by size; dev untouched), debate score alone; news P@3 on the held-out passages 11–30',
    'for the candidate trained on all of `train/`. Printed by `npm run train:checkworthiness -- --data ../shared/data/checkworthiness-clef2019 --select`.',
    '',
    '```',
    ...lines,
    '```',
    '',
  ].join('\n')
}

function round(x: number): number {
  return Number(x.toFixed(4))
}

function roundAll(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, round(v)]))
}

/** Parses command-line arguments (as `npm run train:checkworthiness -- …` passes them). */
export function optionsFromArgv(argv: string[]): TrainCheckworthinessOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      cv: { type: 'boolean', default: false },
      select: { type: 'boolean', default: false },
      news: { type: 'string' },
      'no-news': { type: 'boolean', default: false },
      'news-prior': { type: 'string' },
      'no-dev': { type: 'boolean', default: false },
      config: { type: 'string' },
      'embeddings-from': { type: 'string' },
    },
  })
  if (!values.data) throw new FactsiftError('E_BAD_ARGUMENT', '--data <dir> is required (a folder with train/ and dev/ CLEF TSV files)')
  return {
    data: values.data,
    out: values.out,
    cv: values.cv,
    select: values.select,
    news: values['no-news'] ? null : values.news,
    newsPrior: values['news-prior'] === undefined ? undefined : Number(values['news-prior']),
    noDev: values['no-dev'],
    config: values.config,
    embeddingsFrom: values['embeddings-from'],
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    trainCheckworthiness(optionsFromArgv(process.argv.slice(2)))
  } catch (error) {
    const e = error instanceof FactsiftError ? error : new FactsiftError('E_INTERNAL', String((error as Error)?.stack ?? error))
    process.stderr.write(`train:checkworthiness: ${e.code} ${e.message}\n`)
    process.exitCode = e.exitCode
  }
}
