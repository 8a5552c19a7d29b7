/**
 * The rule API: metadata next to a pure check over the model (cdk-nag / ESLint shape). It lives beside
 * the rules; the engine implements `RuleContext` (engine/context.ts) and imports only these types.
 */
import type { Resolved, Target } from '../model/resolve';
import type { DeclaredSuppression, InputKind, TfModel, TfResource, Workspace } from '../model/types';
import type { PathSegment } from '../model/values';

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
  /**
   * The rule judges the check's suppressions (`context.suppressions`) instead of resources: it runs once
   * per check, over an empty model. The engine applies only the suppressions such a rule judged and
   * reported nothing against; with no such rule in the set, it applies none (fail closed).
   */
  readonly judgesSuppressions?: boolean;
}

/**
 * What a rule reports: the resource (or a model-level address such as `terraform.backend`, or a
 * suppression) and why. The engine shows the address; the message states only the problem and never
 * begins with the address.
 */
export interface Violation {
  readonly resource?: TfResource;
  /** Used when there is no resource, e.g. `terraform.backend`. */
  readonly address?: string;
  /** The suppression the finding is about: reported where it is declared, and never applied. */
  readonly suppression?: CheckedSuppression;
  readonly message: string;
}

/** A suppression as the engine collected it, for the rule that judges suppressions. */
export interface CheckedSuppression {
  readonly declared: DeclaredSuppression;
  /** `construct <path>` or `<policy file> suppressions[<index>]`. */
  readonly declaredAt: string;
  /** The resource it is attached to, the policy-file entry's address, or else `declaredAt`. */
  readonly address: string;
  /** The stack it applies in (construct suppressions). */
  readonly stack?: string;
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

export type AttributePath = string | readonly PathSegment[];

/**
 * What a rule sees. Values are read through the bound helpers, backed by one resolver over the estate,
 * so a rule never needs to know whether it reads synthesized JSON, a plan, plain Terraform or a state.
 */
export interface RuleContext {
  /** The organisation's settings (policy file, CLI options, or the stacks' configuration). */
  readonly settings?: PolicySettings;
  readonly model: TfModel;
  readonly workspace: Workspace;
  /** Managed resources and data sources of the rule's `resourceTypes`, in input order. */
  readonly resources: readonly TfResource[];
  /** The value at `path`, with references followed through the estate; unknown says why. */
  read(resource: TfResource, path: AttributePath): Resolved;
  /** The resource an id (or name) attribute points at, in the estate; outside it is `external`. */
  target(resource: TfResource, path: AttributePath): Target;
  /** Where the resource lives: its location, or its parent's for a child without one. */
  locationOf(resource: TfResource): Resolved;
  /** Whether the configuration sets the attribute at all (a literal, a reference, or unknown until apply). */
  isWritten(resource: TfResource, path: AttributePath): boolean;
  /** Whether the attribute is a literal in the configuration, not a reference or expression. */
  isLiteral(resource: TfResource, path: AttributePath): boolean;
  /** Whether the blocks at `path` are generated by a `dynamic` block. */
  isDynamicBlock(resource: TfResource, path: AttributePath): boolean;
  /**
   * Whether the configuration itself sets the value (a literal or an expression), as opposed to a value
   * the provider computes: a plan's unknown without references was left to the provider.
   */
  isConfigured(resource: TfResource, path: AttributePath): boolean;
  /** The managed resources of the estate of `type` named `name` (what an endpoint host names). */
  named(type: string, name: string): readonly TfResource[];
  /** The rules of this check (a suppression may name only these). */
  readonly rules: readonly RuleMeta[];
  /** The day suppressions are judged against (`YYYY-MM-DD`). */
  readonly today: string;
  /** Every suppression of the check, for a rule that `judgesSuppressions`; empty for all others. */
  readonly suppressions: readonly CheckedSuppression[];
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): Iterable<Violation>;
}

/** Identity helper that keeps rule files typed and uniform. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
