import { defineRule } from '../rule';
import { judgeSuppression } from './suppressions';

/**
 * Judges every suppression of the check (on constructs and in policy files). The engine applies only
 * the suppressions this rule reports nothing against, and never suppresses its findings.
 */
export const TFS_003 = defineRule({
  id: 'TFS-003',
  title: 'Suppressions are valid: known rule, a reason, an expiry not past',
  severity: 'error',
  rationale:
    'A suppression is an accepted risk. Without a reason nobody can judge it; without an expiry it outlives the people who accepted it; an unknown rule id hides a typo.',
  anchors: { regulation: ['cdk-nag suppression model'] },
  resourceTypes: [],
  judgesSuppressions: true,
  fix: 'Name an existing rule id, write a reason of at least 10 characters, and set expires to a future date (YYYY-MM-DD).',
  *check({ suppressions, rules, today, settings }) {
    for (const suppression of suppressions) {
      const { spec } = suppression.declared;
      const ruleId = typeof spec.ruleId === 'string' ? spec.ruleId : undefined;
      const problems = judgeSuppression(suppression.declared, rules, today, settings?.maxSuppressionMonths);
      for (const problem of problems)
        yield {
          suppression,
          message: `${ruleId ? `${ruleId} s` : 'S'}uppression at ${suppression.declaredAt}: ${problem.replace(/^Suppression /, '')}`,
        };
    }
  },
});
