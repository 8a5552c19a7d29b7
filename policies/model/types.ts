/**
 * The one model every rule sees, whatever the input: synthesized cdk.tf.json, a `terraform show -json`
 * plan, or plain .tf files. Loaders build it; rules only read it.
 */

/** `state`: `terraform show -json` of a state, every value known and nothing changing. */
export type InputKind = 'synth' | 'plan' | 'hcl' | 'state';
export type ResourceMode = 'managed' | 'data';

/** Where a resource came from, for pointing a user at the code that made it. */
export interface SourceInfo {
  /** The file the resource was read from (cdk.tf.json, plan JSON or .tf). */
  readonly file: string;
  /** cdktf stack name, when known. */
  readonly stack?: string;
  /** cdktf construct path from the `"//"` metadata, e.g. `platform-prod/Storage/Resource`. */
  readonly constructPath?: string;
  /** Terraform module path, e.g. `module.network.module.subnet`; empty for the root module. */
  readonly module: string;
  /** 1-based line in `file`, when the loader knows it (HCL). */
  readonly line?: number;
  /** The code that created the resource: for cdktf, the TypeScript line of its top-level construct. */
  readonly creation?: CreationSite;
}

export interface CreationSite {
  /** Relative to the directory synth ran in (the project root), `/`-separated. */
  readonly file: string;
  readonly line: number;
}

/** A planned change, from a plan's `resource_changes`. */
export interface ResourceChange {
  /** e.g. `['create']`, `['delete']`, `['delete','create']`, `['no-op']`. */
  readonly actions: readonly string[];
  readonly before: unknown;
  readonly after: unknown;
  /** Mirrors `after`, with `true` where the value is only known after apply. */
  readonly afterUnknown: unknown;
  /** Mirror `before`/`after` with `true` where the plan marks a value sensitive (reports mask these). */
  readonly beforeSensitive?: unknown;
  readonly afterSensitive?: unknown;
}

/** A suppression as written by a user, before validation. */
export interface SuppressionSpec {
  readonly ruleId: unknown;
  readonly reason: unknown;
  readonly expires: unknown;
  /** Glob over Terraform addresses; only in policy files. */
  readonly address?: unknown;
}

/** Where a suppression was declared, for messages. */
export interface SuppressionOrigin {
  /** `construct` for suppressions attached in code, `file` for policy files. */
  readonly kind: 'construct' | 'file';
  /** Construct path or policy file path. */
  readonly where: string;
  /** Index of the entry in its list, for messages. */
  readonly index: number;
}

export interface DeclaredSuppression {
  readonly spec: SuppressionSpec;
  readonly origin: SuppressionOrigin;
  /**
   * For construct suppressions: the resource address it is attached to. A construct suppression without
   * one was declared on a construct with no resource or data source below it: it applies to nothing.
   */
  readonly address?: string;
}

export interface TfResource {
  /** Full Terraform address incl. module path and index: `module.a.azurerm_storage_account.sa["x"]`. */
  readonly address: string;
  /** Address without the instance key: `module.a.azurerm_storage_account.sa`. */
  readonly configAddress: string;
  readonly type: string;
  readonly name: string;
  readonly mode: ResourceMode;
  /** The provider's short name (`azurerm`, `aws`, `terraform`), taken from the full source address. */
  readonly provider: string;
  /** The provider's source address as the input states it (`registry.terraform.io/hashicorp/azurerm`), when known. */
  readonly providerSource?: string;
  /** count index or for_each key. */
  readonly index?: string | number;
  /**
   * The configured or planned attribute values. Nested blocks may be an object or an array of objects
   * in synthesized JSON; read them with the helpers in `values.ts`, which treat both as arrays.
   * In synthesized JSON and HCL, strings may hold Terraform expressions (`${...}`); resolve them with
   * `resolve.ts`. In plans, values are literal and unknown ones are listed in `change.afterUnknown`.
   */
  readonly values: Readonly<Record<string, unknown>>;
  /** Whether strings in `values` may be Terraform expressions (synth/HCL) or are literals (plan). */
  readonly valuesAreExpressions: boolean;
  /** For plans: attribute path (dotted, blocks without index) → references from `configuration`. */
  readonly references?: ReadonlyMap<string, readonly string[]>;
  readonly change?: ResourceChange;
  /** For plans: mirrors `values` with `true` where the plan marks a value sensitive (reports mask these). */
  readonly sensitive?: unknown;
  /** `lifecycle.prevent_destroy` as configured; undefined when the input does not carry it (plans). */
  readonly preventDestroy?: unknown;
  /** `lifecycle.ignore_changes` as configured (`["location"]`, `"all"`, `${location}` from HCL); undefined in plans. */
  readonly ignoreChanges?: unknown;
  /**
   * The `connection` and `provisioner` meta-arguments as written (synth/HCL), when present: not provider
   * attributes, but they can hold credentials (a connection password, a private key).
   */
  readonly provisioning?: Readonly<Record<string, unknown>>;
  /** The `for_each` meta-argument as written (synth/HCL): what `each.key` / `each.value` range over. */
  readonly forEach?: unknown;
  readonly source: SourceInfo;
}

export interface Backend {
  readonly type: string;
  readonly config: Readonly<Record<string, unknown>>;
}

export interface ProviderConfig {
  /** The provider's local name (`azurerm`). */
  readonly name: string;
  /** `alias`, when the block sets one. */
  readonly alias?: string;
  readonly config: Readonly<Record<string, unknown>>;
}

export interface VariableDecl {
  readonly name: string;
  readonly default?: unknown;
  readonly hasDefault: boolean;
  /** The plan's value for the variable, when the input is a plan. */
  readonly value?: unknown;
  readonly hasValue: boolean;
  /** Raw validation blocks (condition expressions), used to bound an otherwise unknown value. */
  readonly validations: readonly { readonly condition: unknown; readonly errorMessage?: unknown }[];
}

/** One loaded configuration: a cdktf stack, a plan, or a directory of .tf files. */
export interface TfModel {
  readonly kind: InputKind;
  /** The file or directory this model was read from. */
  readonly origin: string;
  /** cdktf stack name, when known. */
  readonly stack?: string;
  /** The source file to point reviewers at (e.g. the stack's TypeScript file), when known. */
  readonly sourceFile?: string;
  readonly resources: readonly TfResource[];
  readonly byAddress: ReadonlyMap<string, TfResource>;
  readonly byConfigAddress: ReadonlyMap<string, readonly TfResource[]>;
  readonly byType: ReadonlyMap<string, readonly TfResource[]>;
  /** undefined when the input does not describe a backend (a plan never does). */
  readonly backend?: Backend;
  /**
   * `provider` blocks of the configuration (synth/HCL; root module only), as written. Rules read them
   * for credentials written into the configuration; a plan does not carry their values.
   */
  readonly providerConfigs?: readonly ProviderConfig[];
  readonly variables: ReadonlyMap<string, VariableDecl>;
  readonly locals: ReadonlyMap<string, unknown>;
  /** Outputs by name (raw values or expressions), used to resolve cdktf cross-stack references. */
  readonly outputs: ReadonlyMap<string, unknown>;
  /** For plans: a module's outputs, `module.a` → output name → the references of its expression. */
  readonly moduleOutputs?: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** For plans: module call inputs, `module.a` → input name → references. */
  readonly moduleInputs?: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /**
   * For plain Terraform with local modules: each module's own variables, locals and call inputs (raw
   * expressions, resolved in the calling module), by module path without instance keys (`module.a.module.b`).
   */
  readonly moduleScopes?: ReadonlyMap<string, ModuleScope>;
  /** Marked in code (`NorwayStack({ bootstrap: true })`): the one stack allowed a local backend. */
  readonly bootstrap: boolean;
  readonly suppressions: readonly DeclaredSuppression[];
  /** Terraform/plan format version, when the input states one. */
  readonly formatVersion?: string;
}

export interface ModuleScope {
  readonly variables: ReadonlyMap<string, VariableDecl>;
  readonly locals: ReadonlyMap<string, unknown>;
  /** The arguments of the `module` block that calls this module. */
  readonly inputs: ReadonlyMap<string, unknown>;
  /** The module's `output` values (raw expressions, resolved inside the module). */
  readonly outputs: ReadonlyMap<string, unknown>;
}

/** All models checked together. References across cdktf stacks resolve within the workspace. */
export interface Workspace {
  readonly models: readonly TfModel[];
  readonly byStack: ReadonlyMap<string, TfModel>;
}

/** The input could not be read as promised. The CLI prints `message` and exits 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'InputError';
  }
}
