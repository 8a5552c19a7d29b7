import { defineRule } from '../../engine/rule';

/**
 * The engine validates every suppression (from constructs and policy files) before applying it and
 * reports problems under this rule's id; the check itself has nothing more to read from the model.
 */
export const TFS_003 = defineRule({
  id: 'TFS-003',
  title: 'Suppressions are valid: known rule, a reason, an expiry not past',
  severity: 'error',
  rationale:
    'A suppression is an accepted risk. Without a reason nobody can judge it; without an expiry it outlives the people who accepted it; an unknown rule id hides a typo.',
  anchors: { regulation: ['cdk-nag suppression model'] },
  resourceTypes: [],
  fix: 'Name an existing rule id, write a reason of at least 10 characters, and set expires to a future date (YYYY-MM-DD).',
  check: () => [],
});
