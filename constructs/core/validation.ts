/**
 * Constructor validation that collects every problem and throws once, and the warning annotation that
 * makes a relaxed default visible.
 */
import { Annotations, Token } from 'cdktf';
import type { IConstruct } from 'constructs';
import { NORWAY_REGIONS, REGION_CAPABILITIES } from './region';
import type { Relaxed } from './interfaces';

export const MIN_JUSTIFICATION_LENGTH = 10;

/** Thrown by a construct whose props cannot produce a compliant resource. */
export class ConstructValidationError extends Error {
  constructor(
    readonly constructPath: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${constructPath}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`}`,
    );
    this.name = 'ConstructValidationError';
  }
}

/** Collects problems; `throwIfAny` throws one error naming the construct path and every problem. */
export class Problems {
  private readonly list: string[] = [];

  constructor(private readonly scope: IConstruct) {}

  add(problem: string): void {
    this.list.push(problem);
  }

  get count(): number {
    return this.list.length;
  }

  /** The region is a `NorwayRegion` at compile time; JavaScript callers and casts are checked here. */
  region(region: unknown): void {
    if (typeof region === 'string' && (NORWAY_REGIONS as readonly string[]).includes(region)) return;
    this.add(
      `region ${JSON.stringify(region)} is not a Norway region; use NORWAY_EAST ('norwayeast') or NORWAY_WEST ('norwaywest') ` +
        `(${NORWAY_REGIONS.map((r) => REGION_CAPABILITIES[r].displayName).join(', ')})`,
    );
  }

  /**
   * The one check for a relaxation (`{ relaxed: true, justification }`) given as `prop`: it must say
   * `relaxed: true` and carry a written reason. Every construct reports it in the same words:
   * `<prop>: { relaxed: true } needs a justification of at least 10 characters (given …)`.
   */
  relaxed(prop: string, relaxed: Relaxed): void {
    const given = (relaxed as Partial<Relaxed> | undefined) ?? {};
    const text = typeof given.justification === 'string' ? given.justification.trim() : '';
    if (given.relaxed !== true || text.length < MIN_JUSTIFICATION_LENGTH) {
      this.add(
        `${prop}: { relaxed: true } needs a justification of at least ${MIN_JUSTIFICATION_LENGTH} characters ` +
          (given.relaxed === true
            ? `(given ${JSON.stringify(given.justification)})`
            : `(given ${JSON.stringify(given)}, which does not say relaxed: true)`),
      );
    }
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new ConstructValidationError(this.scope.node.path, this.list);
  }
}

/**
 * Record a relaxed secure default as one warning annotation on the construct:
 * `[relaxed default] <path>: <what>. Justification: <reason>`.
 */
export function warnRelaxed(scope: IConstruct, what: string, relaxed: Relaxed): void {
  Annotations.of(scope).addWarning(
    `[relaxed default] ${scope.node.path}: ${what}. Justification: ${relaxed.justification.trim()}`,
  );
}

/** True when `value` is a literal string (not a token to be resolved by Terraform). */
export function isLiteral(value: string | undefined): value is string {
  return value !== undefined && !Token.isUnresolved(value);
}
