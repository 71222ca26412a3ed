// Three ways in: paste text, give a URL for the server to fetch, or drop (or pick) an HTML or text file.
import { useState } from 'preact/hooks'
import type { ArticleInput } from '../api.js'
import exampleArticle from '../../../examples/harbor-bridge.txt?raw'

type Mode = 'text' | 'url' | 'file'

const MODES: { id: Mode; label: string }[] = [
  { id: 'text', label: 'Paste text' },
  { id: 'url', label: 'Article URL' },
  { id: 'file', label: 'HTML file' },
]

const MAX_FILE_BYTES = 5 * 1024 * 1024

interface Props {
  busy: boolean
  onSubmit(input: ArticleInput): void
}

export function InputForm({ busy, onSubmit }: Props) {
  const [mode, setMode] = useState<Mode>('text')
  const [text, setText] = useState('')
  const [url, setUrl] = useState('')
  const [file, setFile] = useState<{ name: string; content: string; html: boolean } | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)
  const [title, setTitle] = useState('')
  const [outlet, setOutlet] = useState('')

  const readFile = async (picked: File | undefined | null) => {
    setFileError(null)
    if (!picked) return
    if (picked.size > MAX_FILE_BYTES) {
      setFileError(`${picked.name} is larger than 5 MB.`)
      return
    }
    const content = await picked.text()
    const html = /\.html?$/i.test(picked.name) || picked.type === 'text/html' || /^\s*</.test(content)
    setFile({ name: picked.name, content, html })
  }

  const input = (): ArticleInput | null => {
    const meta = { ...(title.trim() ? { title: title.trim() } : {}), ...(outlet.trim() ? { outlet: outlet.trim() } : {}) }
    if (mode === 'text') return text.trim() ? { text, ...meta } : null
    if (mode === 'url') return url.trim() ? { url: url.trim(), ...meta } : null
    if (!file) return null
    return file.html ? { html: file.content, ...meta } : { text: file.content, ...meta }
  }
  const ready = input() !== null

  return (
    <form
      class="card input-form"
      aria-labelledby="input-heading"
      onSubmit={(event) => {
        event.preventDefault()
        const value = input()
        if (value && !busy) onSubmit(value)
      }}
    >
      <h1 id="input-heading">What should I check in this article?</h1>
      <div role="tablist" aria-label="Input" class="tabs">
        {MODES.map((m) => (
          <button
            key={m.id}
            type="button"
            role="tab"
            id={`tab-${m.id}`}
            aria-selected={mode === m.id}
            aria-controls={`panel-${m.id}`}
            tabIndex={mode === m.id ? 0 : -1}
            onClick={() => setMode(m.id)}
            onKeyDown={(event) => {
              const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
              if (!step) return
              const next = MODES[(MODES.findIndex((x) => x.id === mode) + step + MODES.length) % MODES.length]!
              setMode(next.id)
              requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus())
            }}
          >
            {m.label}
          </button>
        ))}
      </div>

      {mode === 'text' && (
        <div role="tabpanel" id="panel-text" aria-labelledby="tab-text">
          <label for="article-text" class="visually-hidden">
            Article text
          </label>
          <textarea
            id="article-text"
            name="text"
            rows={14}
            placeholder="Paste the article here: title on the first line, then the text."
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit()
            }}
            aria-describedby="article-text-hint"
          />
          <p id="article-text-hint" class="muted small">
            Ctrl+Enter analyzes.
          </p>
          <button type="button" class="link-button" onClick={() => setText(exampleArticle)}>
            Use the example article
          </button>
        </div>
      )}

      {mode === 'url' && (
        <div role="tabpanel" id="panel-url" aria-labelledby="tab-url">
          <label for="article-url">Article URL (the server fetches it)</label>
          <input
            id="article-url"
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://example.com/news/story"
            value={url}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </div>
      )}

      {mode === 'file' && (
        <div role="tabpanel" id="panel-file" aria-labelledby="tab-file">
          <div
            class={dragging ? 'drop-zone dragging' : 'drop-zone'}
            onDragOver={(event) => {
              event.preventDefault()
              setDragging(true)
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault()
              setDragging(false)
              void readFile(event.dataTransfer?.files[0])
            }}
          >
            <p>Drop a saved web page (.html) or a .txt file here, or</p>
            <label class="button" for="article-file">
              Choose a file…
            </label>
            <input
              id="article-file"
              class="visually-hidden"
              type="file"
              accept=".html,.htm,.txt,text/html,text/plain"
              onChange={(event) => void readFile(event.currentTarget.files?.[0])}
            />
            {file && (
              <p class="file-name">
                {file.name} ({file.html ? 'HTML' : 'text'}, {Math.ceil(file.content.length / 1024)} KB)
              </p>
            )}
            {fileError && (
              <p class="error" role="alert">
                {fileError}
              </p>
            )}
          </div>
        </div>
      )}

      <details class="meta-fields">
        <summary>Title and outlet (optional)</summary>
        <label>
          Title <input type="text" value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
        </label>
        <label>
          Outlet <input type="text" value={outlet} onInput={(event) => setOutlet(event.currentTarget.value)} />
        </label>
      </details>

      <div class="form-actions">
        <button type="submit" class="primary" disabled={!ready || busy} aria-busy={busy}>
          {busy ? 'Analyzing…' : 'Analyze'}
        </button>
      </div>
    </form>
  )
}
