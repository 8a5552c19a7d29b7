/**
 * What the engine returns: the findings and what was checked. The analysis step (`policies/analysis/`)
 * derives what reports show from it, once; reporters (`policies/reporters/`) only format the two.
 */
import type { CreationSite, InputKind, Workspace } from '../model/types';
import type { RuleMeta, Severity } from '../rules/rule';

export interface AppliedSuppression {
  readonly reason: string;
  /** ISO date `YYYY-MM-DD`. */
  readonly expires: string;
  /** Construct path or policy file (with entry index) that declared it. */
  readonly declaredAt: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly title: string;
  /** Terraform address, or a model-level address such as `terraform.backend`. */
  readonly address: string;
  readonly stack?: string;
  readonly constructPath?: string;
  /** The input file the finding is in. */
  readonly file: string;
  readonly line?: number;
  /** The source code that created the resource (cdktf: TypeScript file and line), when known. */
  readonly creation?: CreationSite;
  readonly message: string;
  readonly fix: string;
  readonly suppressed: boolean;
  readonly suppression?: AppliedSuppression;
}

export interface InputSummary {
  readonly file: string;
  readonly kind: InputKind;
  readonly stack?: string;
  readonly resources: number;
}

export interface CheckSummary {
  readonly resources: number;
  readonly errors: number;
  readonly warnings: number;
  readonly suppressed: number;
}

/** The engine's verdict, without the models it judged: all a reporter may see of the result. */
export interface Verdict {
  readonly summary: CheckSummary;
  /** Sorted: unsuppressed first; then errors before warnings, rule id, stack, address. */
  readonly findings: readonly Finding[];
  readonly inputs: readonly InputSummary[];
  /** Metadata of every rule that ran. */
  readonly rules: readonly RuleMeta[];
  /** The day suppressions were judged against (`YYYY-MM-DD`). */
  readonly checkedOn: string;
}

export interface CheckResult extends Verdict {
  /** The checked models (the estate), for the analysis step; reporters never read them. */
  readonly workspace: Workspace;
}

/** Exit code contract of the CLI: 0 no unsuppressed error findings, 1 error findings. */
export function hasBlockingFindings(result: Verdict): boolean {
  return result.summary.errors > 0;
}
