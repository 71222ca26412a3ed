// The home page: the input form, then the report of what was analyzed.
import { useRef, useState } from 'preact/hooks'
import { ApiError, analyzeArticle, type ArticleInput } from '../api.js'
import type { Report } from '../../report/types.js'
import { InputForm } from '../components/input-form.js'
import { ReportView } from '../components/report-view.js'
import { ErrorNotice } from '../components/error-notice.js'

export interface Analyzed {
  report: Report
  stored: boolean
}

interface Props {
  result: Analyzed | null
  onResult(result: Analyzed | null): void
  onUnauthorized(): void
}

export function AnalyzePage({ result, onResult, onUnauthorized }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const pending = useRef<AbortController | null>(null)

  const submit = async (input: ArticleInput) => {
    pending.current?.abort()
    const controller = new AbortController()
    pending.current = controller
    setBusy(true)
    setError(null)
    try {
      onResult(await analyzeArticle(input, controller.signal))
      requestAnimationFrame(() => document.getElementById('article-title')?.focus())
    } catch (caught) {
      if (controller.signal.aborted) return
      const failure = caught instanceof ApiError ? caught : new ApiError(0, 'E_INTERNAL', String(caught))
      setError(failure)
      if (failure.status === 401) onUnauthorized()
    } finally {
      if (pending.current === controller) setBusy(false)
    }
  }

  // The form stays mounted (hidden) under a result, so "New analysis" returns to what was typed.
  return (
    <>
      <div hidden={result !== null}>
        <InputForm busy={busy} onSubmit={submit} />
        {error && <ErrorNotice error={error} />}
      </div>
      {result && (
        <>
          <div class="toolbar">
            <button type="button" onClick={() => onResult(null)}>
              ← New analysis
            </button>
            {!result.stored && <span class="muted small">Not saved to history (the server keeps no store).</span>}
          </div>
          <ReportView report={result.report} stored={result.stored} />
        </>
      )}
    </>
  )
}
