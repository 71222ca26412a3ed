// A directory item's file read on the producer's machine: queue workers elsewhere cannot open the producer's paths.
import { readFile, stat } from 'node:fs/promises'
import type { ArticleInput } from '../ingest/types.js'
import type { Limits } from '../ingest/limits.js'
import { decodeInput } from '../ingest/decode.js'
import { checkSize } from '../ingest/size-limit.js'
import { kindFromExtension, sniffHtmlCharset, sniffKind } from '../ingest/sniff.js'
import { FactsiftError } from '../errors.js'

/**
 * The file as an article input, decoded the way `ingestLocation` decodes files (size limit, charset, binary check, kind
 * from the extension else sniffed), so that a queued directory item gives the same report as a local one.
 */
export async function fileToInput(path: string, limits: Pick<Limits, 'maxBytes'>): Promise<ArticleInput> {
  let bytes: Buffer
  try {
    const info = await stat(path)
    checkSize(info.size, limits.maxBytes, path)
    bytes = await readFile(path)
  } catch (error) {
    if (error instanceof FactsiftError) throw error
    throw new FactsiftError('E_INPUT_NOT_FOUND', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  const extensionKind = kindFromExtension(path)
  const charset = extensionKind === 'html' || extensionKind === null ? sniffHtmlCharset(bytes) : null
  const decoded = decodeInput(bytes, limits, { charset })
  const kind = extensionKind ?? sniffKind(decoded.text)
  return kind === 'html' ? { html: decoded.text } : { text: decoded.text }
}
