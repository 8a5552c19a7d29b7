/** The rule API: metadata next to a pure check over the model (cdk-nag / ESLint shape). */
import type { Resolver } from '../model/resolve';
import type { InputKind, TfModel, TfResource, Workspace } from '../model/types';

export type Severity = 'error' | 'warning';

export interface RuleAnchors {
  /** Microsoft cloud security benchmark controls, e.g. `NS-2`. */
  readonly mcsb?: readonly string[];
  /** Nearest Checkov checks, e.g. `CKV_AZURE_35`. */
  readonly checkov?: readonly string[];
  /** Norwegian or EU regulation, or another named source. */
  readonly regulation?: readonly string[];
}

export interface RuleMeta {
  /** Stable id, never reused: `RES-001`. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Why the rule exists, in a sentence or two. */
  readonly rationale: string;
  readonly anchors: RuleAnchors;
  /** The resource types the rule reads, or `'all'`. The engine hands the rule only these. */
  readonly resourceTypes: readonly string[] | 'all';
  /**
   * The inputs the rule applies to; default: all. A plan, for example, never describes a backend.
   * Rules for plans only judge the change and see resources the plan deletes; all others see the
   * configuration as it will be after apply.
   */
  readonly inputs?: readonly InputKind[];
  /** How to fix a finding, in one or two sentences. */
  readonly fix: string;
}

/** What a rule reports: the resource (or a model-level address such as `terraform.backend`) and why. */
export interface Violation {
  readonly resource?: TfResource;
  /** Used when there is no resource, e.g. `terraform.backend`. */
  readonly address?: string;
  readonly message: string;
}

/**
 * What the organisation decides and the code cannot know: the home tenant and the approved public
 * ranges. A rule that needs a setting that is missing reports a finding (fail closed).
 */
export interface PolicySettings {
  /** The Entra ID tenant every tenant id and authority in the estate must be. */
  readonly homeTenantId?: string;
  /** The organisation's own public IPv4 ranges (CIDR or bare address): the only public sources admitted. */
  readonly approvedRanges?: readonly string[];
  /** Object ids known to be home-tenant identities (admin groups, break-glass, pipelines). */
  readonly homePrincipals?: readonly string[];
  /** The one stack that may keep local state (it creates the state account). @default - at most one marked stack */
  readonly bootstrapStack?: string;
  /** Suppressions may expire at most this many months ahead (12 at most). @default 12 */
  readonly maxSuppressionMonths?: number;
}

export interface RuleContext {
  /** The organisation's settings (policy file, CLI options, or the stacks' configuration). */
  readonly settings?: PolicySettings;
  readonly model: TfModel;
  readonly workspace: Workspace;
  readonly resolver: Resolver;
  /** Managed resources and data sources of the rule's `resourceTypes`, in input order. */
  readonly resources: readonly TfResource[];
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): Iterable<Violation>;
}

/** Identity helper that keeps rule files typed and uniform. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
