/**
 * Suppressions: data with a reason and an expiry, declared on a construct in code or in a policy file
 * for plans. The rule that judges suppressions (TFS-003) reports the invalid ones; the engine applies
 * only the others.
 */
import type { DeclaredSuppression } from '../model/types';

export interface ValidSuppression {
  readonly ruleId: string;
  readonly reason: string;
  readonly expires: string;
  readonly declaredAt: string;
  /** Exact address (construct suppressions) or glob (policy files). */
  readonly matches: (address: string) => boolean;
  /**
   * For construct suppressions: the files they apply to (the stack's code, and its plan), so two stacks
   * do not share one. Undefined for policy-file suppressions, which apply to every input.
   */
  readonly origins?: ReadonlySet<string>;
}

export function describeOrigin(s: DeclaredSuppression): string {
  return s.origin.kind === 'construct'
    ? `construct ${s.origin.where}`
    : `${s.origin.where} suppressions[${s.origin.index}]`;
}

/**
 * A suppression the judging rule found nothing against, ready to apply; undefined when it lacks what
 * applying needs (a rule id, an expiry, an address): such a suppression hides nothing (fail closed).
 */
export function toValidSuppression(
  declared: DeclaredSuppression,
  origins?: ReadonlySet<string>,
): ValidSuppression | undefined {
  const { spec } = declared;
  if (typeof spec.ruleId !== 'string' || typeof spec.expires !== 'string') return undefined;
  // A construct suppression without an address applies to nothing; it never becomes a glob.
  if (declared.origin.kind === 'construct' && declared.address === undefined) return undefined;
  if (declared.address === undefined && typeof spec.address !== 'string') return undefined;
  const pattern = declared.address !== undefined ? undefined : globToRegExp(String(spec.address));
  return {
    ruleId: spec.ruleId,
    reason: typeof spec.reason === 'string' ? spec.reason.trim() : '',
    expires: spec.expires,
    declaredAt: describeOrigin(declared),
    origins,
    matches: pattern ? (a) => pattern.test(a) : (a) => a === declared.address,
  };
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

/** `*` matches any run of characters (dots and brackets included), `?` one character. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}
