// trafilatura's segment metric: `with` segments found in the output are true positives, `without` segments found are
// false positives; both matched as substrings after collapsing whitespace (as trafilatura's tests/eval_common.py does).

/** One page of the evaluation set as evaldata.json describes it. */
export interface EvalItem {
  url: string
  file: string
  with: string[]
  without: string[]
}

/** Accumulated confusion counts over segments. */
export interface Counts {
  tp: number
  fp: number
  fn: number
  tn: number
}

/** Collapse every run of whitespace to one space and trim (Python's `re.sub(r"\s+", " ", s).strip()`). */
export function normalizeSegment(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Score one page's output; `null` (the extractor failed) misses every `with` and leaks no `without`. */
export function countPage(item: EvalItem, output: string | null): Counts {
  if (output === null) return { tp: 0, fp: 0, fn: item.with.length, tn: item.without.length }
  const text = normalizeSegment(output)
  const tp = item.with.filter((s) => text.includes(normalizeSegment(s))).length
  const fp = item.without.filter((s) => text.includes(normalizeSegment(s))).length
  return { tp, fp, fn: item.with.length - tp, tn: item.without.length - fp }
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0, tn: 0 }
}

export function addCounts(into: Counts, c: Counts): void {
  into.tp += c.tp
  into.fp += c.fp
  into.fn += c.fn
  into.tn += c.tn
}

/** Precision, recall, accuracy and F1 of accumulated counts (0 where a denominator is empty). */
export function scores(c: Counts): { precision: number; recall: number; accuracy: number; f1: number } {
  const ratio = (a: number, b: number): number => (b ? a / b : 0)
  return {
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    accuracy: ratio(c.tp + c.tn, c.tp + c.tn + c.fp + c.fn),
    f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
  }
}

/**
 * The fixed held-out part: every 5th page by sorted file name (indices 4, 9, 14, …). Tune on the rest; look at
 * the held-out figures only at the end, so the rules are not fitted to the pages they are judged on.
 */
export function heldOutFiles(files: string[]): Set<string> {
  return new Set([...files].sort().filter((_, i) => i % 5 === 4))
}
