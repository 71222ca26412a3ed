// An API failure in plain words, with its stable code for bug reports.
import type { ApiError } from '../api.js'

const ADVICE: Record<string, string> = {
  E_UNAUTHORIZED: 'This server requires an API key. Enter it under “API key” at the top of the page.',
  E_FORBIDDEN: 'Your API key does not allow this (it lacks the scope named below). Ask for a key with that scope.',
  E_SERVER_BUSY: 'The server is busy with other analyses. Try again in a few seconds.',
  E_ANALYSIS_TIMEOUT: 'The analysis took longer than the server allows. Try a shorter text.',
  E_RATE_LIMITED: 'Too many requests from this address. Wait a minute and try again.',
  E_INPUT_TOO_LARGE: 'The article is larger than the server accepts.',
  E_FETCH_BLOCKED: 'The server will not fetch that address. Save the page and use “HTML file” instead.',
  E_NO_ARTICLE: 'No article text could be found in that page. Try pasting the text instead.',
  E_NETWORK: 'Check that the server is running.',
}

export function ErrorNotice({ error }: { error: ApiError }) {
  return (
    <div class="card error-notice" role="alert">
      <p>
        <strong>Could not finish:</strong> {error.message}
      </p>
      {ADVICE[error.code] && <p>{ADVICE[error.code]}</p>}
      <p class="muted small">Code {error.code}</p>
    </div>
  )
}
