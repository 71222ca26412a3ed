// Saves a string as a file through a blob URL: the browser's own download, nothing rendered into the page.
export function downloadText(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A file name from the report title: lower-case words and dashes, never empty. */
export function fileStem(title: string | null, id: string | undefined): string {
  const words = (title ?? '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60)
  return `factsift-${words || id?.slice(0, 12) || 'report'}`
}

