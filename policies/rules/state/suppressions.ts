/**
 * What makes a suppression valid: a known rule, a reason, an expiry not past and not too far ahead, and
 * an address that names something (in a policy file) or a construct with resources below it (in code).
 * TFS-003 judges every suppression with this; the engine applies only those it found nothing against.
 */
import { isIsoDate, monthsAfter } from '../../model/dates';
import type { DeclaredSuppression } from '../../model/types';
import type { RuleMeta } from '../rule';

export const MIN_REASON_LENGTH = 10;
/** The furthest ahead a suppression may expire: an accepted risk is reviewed at least once a year. */
export const MAX_SUPPRESSION_MONTHS = 12;

/**
 * The problems of one declared suppression, each a sentence (`Suppression has no ruleId.`); none when
 * it is valid. `rules` are the rules of the check: a suppression may name only these, and never one that
 * judges suppressions (a suppression must not hide a broken suppression).
 */
export function judgeSuppression(
  declared: DeclaredSuppression,
  rules: readonly Pick<RuleMeta, 'id' | 'judgesSuppressions'>[],
  today: string,
  maxMonths: number = MAX_SUPPRESSION_MONTHS,
): string[] {
  // Configurable lower, never higher (and never unlimited).
  const months =
    Number.isInteger(maxMonths) && maxMonths > 0
      ? Math.min(maxMonths, MAX_SUPPRESSION_MONTHS)
      : MAX_SUPPRESSION_MONTHS;
  const { spec } = declared;
  const ruleId = typeof spec.ruleId === 'string' ? spec.ruleId : undefined;
  const named = rules.find((r) => r.id === ruleId);
  const problems: string[] = [];
  if (declared.origin.kind === 'construct' && declared.address === undefined)
    problems.push(
      `applies to nothing: construct ${declared.origin.where} has no Terraform resource or data source at or below it; attach it to the construct that holds the resources`,
    );
  if (!ruleId) problems.push('has no ruleId');
  else if (!named)
    problems.push(
      `names unknown rule ${ruleId} (known: ${rules
        .map((r) => r.id)
        .sort()
        .join(', ')})`,
    );
  else if (named.judgesSuppressions) problems.push(`tries to suppress ${ruleId}, which cannot be suppressed`);
  const reason = typeof spec.reason === 'string' ? spec.reason.trim() : '';
  if (reason.length < MIN_REASON_LENGTH) {
    problems.push(`has a reason of ${reason.length} characters; write why, in at least ${MIN_REASON_LENGTH}`);
  }
  const expires = typeof spec.expires === 'string' ? spec.expires : undefined;
  if (expires === undefined) problems.push('has no expiry; add expires: YYYY-MM-DD');
  else if (!isIsoDate(expires))
    problems.push(`has expiry ${JSON.stringify(expires)}, which is not a date (YYYY-MM-DD)`);
  else if (expires < today)
    problems.push(`expired on ${expires}; fix the finding or renew the suppression with a new reason`);
  else if (expires > monthsAfter(today, months))
    problems.push(
      `expires on ${expires}, more than ${months} months ahead (at most ${monthsAfter(today, months)}); review the risk and renew it then`,
    );
  if (declared.origin.kind === 'file' && typeof spec.address !== 'string')
    problems.push('has no address (a Terraform address or glob)');
  else if (declared.origin.kind === 'file' && matchesEverything(String(spec.address)))
    problems.push(
      `has address ${JSON.stringify(spec.address)}, which is only a wildcard; name the resource (a glob may cover its instances or module)`,
    );
  return problems.map((p) => `Suppression ${p}.`);
}

/** A glob with nothing but wildcards and separators (`*`, `*.*`, `**`): it would hide the rule everywhere. */
function matchesEverything(glob: string): boolean {
  return glob.replace(/[*?.[\]\s]/g, '') === '';
}
