/**
 * Where a rule is documented. Reporters (SARIF `helpUri`, Markdown links) and RULES.md share these
 * functions, so a link always lands on the rule's own section.
 */

/** The file the rule catalogue is generated into, relative to the repository root. */
export const RULES_DOC = 'RULES.md';

/** The stable anchor of a rule's section in RULES.md: `RES-001` → `res-001`. */
export function ruleAnchor(id: string): string {
  return id.toLowerCase();
}

/** A relative link to the rule's section: `RES-001` → `RULES.md#res-001`. */
export function ruleHelpUri(id: string): string {
  return `${RULES_DOC}#${ruleAnchor(id)}`;
}
