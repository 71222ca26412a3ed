// Small helpers over async text chunks: look at the beginning without losing it, and split into numbered lines.

/** Reads chunks until at least `bytes` characters (or the end) are seen; `chunks` replays everything. */
export async function peekChunks(source: AsyncIterable<string>, bytes = 64 * 1024): Promise<{ head: string; chunks: AsyncIterable<string> }> {
  const iterator = source[Symbol.asyncIterator]()
  const seen: string[] = []
  let size = 0
  let done = false
  while (size < bytes) {
    const next = await iterator.next()
    if (next.done) {
      done = true
      break
    }
    seen.push(next.value)
    size += next.value.length
  }
  async function* replay(): AsyncGenerator<string> {
    yield* seen
    if (done) return
    for (;;) {
      const next = await iterator.next()
      if (next.done) return
      yield next.value
    }
  }
  return { head: seen.join('').slice(0, bytes), chunks: replay() }
}

/** Numbered lines (1-based) from chunks, batched per chunk; a trailing '\r' is dropped. */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }[]> {
  let carry = ''
  let line = 0
  for await (const chunk of chunks) {
    const text = carry + chunk
    const out: { line: number; text: string }[] = []
    let from = 0
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      line++
      out.push({ line, text: text.slice(from, text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl) })
      from = nl + 1
    }
    carry = text.slice(from)
    yield out
  }
  if (carry) yield [{ line: line + 1, text: carry.replace(/\r$/, '') }]
}
