// Pulls the JSON-LD blocks out of a saved fact-check page (<script type="application/ld+json">).

/** One JSON-LD block: its parsed value, or why it could not be parsed, with the line of its <script> tag. */
export type JsonLdBlock = { line: number; value: unknown; error?: undefined } | { line: number; value?: undefined; error: string }

const SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/giu

function lineAt(html: string, index: number): number {
  let line = 1
  for (let i = html.indexOf('\n'); i !== -1 && i < index; i = html.indexOf('\n', i + 1)) line++
  return line
}

/** Every JSON-LD block of `html`, in page order. */
export function extractJsonLd(html: string): JsonLdBlock[] {
  const blocks: JsonLdBlock[] = []
  for (const match of html.matchAll(SCRIPT)) {
    const line = lineAt(html, match.index)
    // CMSs wrap the JSON in CDATA or HTML comments now and then.
    const body = match[1]!
      .trim()
      .replace(/^<!--|-->$/g, '')
      .replace(/^\/\*<!\[CDATA\[\*\/|\/\*\]\]>\*\/$/g, '')
      .trim()
    if (!body) continue
    try {
      blocks.push({ line, value: JSON.parse(body) })
    } catch (error) {
      blocks.push({ line, error: `invalid JSON-LD: ${(error as Error).message}` })
    }
  }
  return blocks
}
