// The three claim–evidence stances in one fixed order, shared by features, model, evaluation and reports.

/** Does an evidence sentence support the claim, refute it, or not give enough information (nei)? */
export type ClaimStance = 'supports' | 'refutes' | 'nei'

/** Class index order of the model: supports 0, refutes 1, nei 2. */
export const CLAIM_STANCES: readonly ClaimStance[] = ['supports', 'refutes', 'nei']

// The names the datasets use for the same three classes (CLIMATE-FEVER, FEVER, SICK, NLI).
const ALIASES: Record<string, ClaimStance> = {
  supports: 'supports', support: 'supports', entailment: 'supports',
  refutes: 'refutes', refute: 'refutes', contradiction: 'refutes',
  nei: 'nei', not_enough_info: 'nei', 'not enough info': 'nei', neutral: 'nei', neither: 'nei',
}

/** Class index of a label in any of the datasets' spellings, or −1. */
export function claimStanceIndex(label: string): number {
  const stance = ALIASES[label.trim().toLowerCase()]
  return stance ? CLAIM_STANCES.indexOf(stance) : -1
}
