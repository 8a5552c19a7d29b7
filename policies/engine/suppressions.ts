/**
 * Suppressions: data with a reason and an expiry, declared on a construct in code or in a policy file
 * for plans. Invalid ones suppress nothing and are reported as TFS-003 findings.
 */
import type { DeclaredSuppression } from '../model/types';

export const MIN_REASON_LENGTH = 10;
/** The furthest ahead a suppression may expire: an accepted risk is reviewed at least once a year. */
export const MAX_SUPPRESSION_MONTHS = 12;
/** Rules whose findings cannot be suppressed: a suppression must not hide a broken suppression. */
export const UNSUPPRESSIBLE = new Set(['TFS-003']);

export interface ValidSuppression {
  readonly ruleId: string;
  readonly reason: string;
  readonly expires: string;
  readonly declaredAt: string;
  /** Exact address (construct suppressions) or glob (policy files). */
  readonly matches: (address: string) => boolean;
  /** For construct suppressions: the stack/file the resource is in, so two stacks do not share one. */
  readonly origin?: string;
}

export interface SuppressionProblem {
  readonly declaredAt: string;
  /** The resource address the suppression is attached to, or the policy file entry. */
  readonly address: string;
  readonly ruleId?: string;
  readonly message: string;
}

export function describeOrigin(s: DeclaredSuppression): string {
  return s.origin.kind === 'construct'
    ? `construct ${s.origin.where}`
    : `${s.origin.where} suppressions[${s.origin.index}]`;
}

/** Validate one declared suppression against the known rule ids and today's date (`YYYY-MM-DD`). */
export function validateSuppression(
  declared: DeclaredSuppression,
  knownRuleIds: ReadonlySet<string>,
  today: string,
  origin?: string,
  maxMonths: number = MAX_SUPPRESSION_MONTHS,
): { valid?: ValidSuppression; problems: SuppressionProblem[] } {
  // Configurable lower, never higher (and never unlimited).
  const months =
    Number.isInteger(maxMonths) && maxMonths > 0
      ? Math.min(maxMonths, MAX_SUPPRESSION_MONTHS)
      : MAX_SUPPRESSION_MONTHS;
  const { spec } = declared;
  const declaredAt = describeOrigin(declared);
  const ruleId = typeof spec.ruleId === 'string' ? spec.ruleId : undefined;
  const address = declared.address ?? (typeof spec.address === 'string' ? spec.address : `${declaredAt}`);
  const problems: string[] = [];
  if (!ruleId) problems.push('has no ruleId');
  else if (!knownRuleIds.has(ruleId))
    problems.push(`names unknown rule ${ruleId} (known: ${[...knownRuleIds].sort().join(', ')})`);
  else if (UNSUPPRESSIBLE.has(ruleId))
    problems.push(`tries to suppress ${ruleId}, which cannot be suppressed`);
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
  if (problems.length > 0) {
    return { problems: problems.map((p) => ({ declaredAt, address, ruleId, message: `Suppression ${p}.` })) };
  }
  const pattern = declared.address !== undefined ? undefined : globToRegExp(String(spec.address));
  return {
    problems: [],
    valid: {
      ruleId: ruleId!,
      reason,
      expires: expires!,
      declaredAt,
      origin,
      matches: pattern ? (a) => pattern.test(a) : (a) => a === declared.address,
    },
  };
}

/** A glob with nothing but wildcards and separators (`*`, `*.*`, `**`): it would hide the rule everywhere. */
function matchesEverything(glob: string): boolean {
  return glob.replace(/[*?.[\]\s]/g, '') === '';
}

/** `YYYY-MM-DD` plus whole months (the day clamped to the month's end: 2026-08-31 + 6 → 2027-02-28). */
export function monthsAfter(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * The day suppressions are judged against. A day in the past is honoured only under test
 * (NODE_ENV=test, as jest sets it): outside tests it cannot revive an expired suppression.
 */
export function effectiveToday(requested: string | undefined, now: Date = new Date()): string {
  const today = now.toISOString().slice(0, 10);
  if (requested === undefined) return today;
  return requested < today && process.env.NODE_ENV !== 'test' ? today : requested;
}

/** A strict calendar date `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** `*` matches any run of characters (dots and brackets included), `?` one character. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}
