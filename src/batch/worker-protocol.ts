// Messages between the batch pool and its worker threads.
import type { Limits } from '../context.js'
import type { Report } from '../report/types.js'

export interface WorkerSetup {
  db?: string
  limits: Partial<Limits>
}

export interface WorkerResult {
  seq: number
  id: string
  where: string
  report?: Report
  error?: { code: string; message: string }
}
