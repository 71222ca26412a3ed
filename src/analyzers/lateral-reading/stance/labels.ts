// The four FNC-1 stance labels in one fixed order, shared by features, models, scorer and reports.
import type { Stance } from '../../../report/types.js'

/** Class index order of every stance model: agree 0, disagree 1, discuss 2, unrelated 3. */
export const STANCES: readonly Stance[] = ['agree', 'disagree', 'discuss', 'unrelated']

/** The class index of a stance label, or −1 when the text is not one. */
export function stanceIndex(label: string): number {
  return STANCES.indexOf(label.trim().toLowerCase() as Stance)
}
