/**
 * The default platform as the policy engine sees it, for the rule mutation table: every stack's
 * cdk.tf.json loaded as one workspace (so cross-stack references resolve), and a plan of one stack
 * derived from its synthesized JSON for the rules that only read plans.
 */
import { checkModels } from '../../policies/engine/engine';
import { ALL_RULES } from '../../policies/rules';
import type { Finding } from '../../policies/engine/result';
import type { PolicySettings } from '../../policies/rules/rule';
import { policySettings } from '../../stacks/platform-app';
import { loadPlan } from '../../policies/model/load-plan';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import type { TfModel } from '../../policies/model/types';
import { isRecord } from '../../policies/model/values';
import { synthDefaultPlatform, type TerraformJson } from './synth-default';
import { TODAY } from './today';

export type { TerraformJson };

/** One finding as the table compares them: rule, stack and address. */
export interface FindingKey {
  readonly ruleId: string;
  readonly stack: string;
  readonly address: string;
}

export const keyOf = (f: Pick<Finding, 'ruleId' | 'stack' | 'address'>): string =>
  `${f.ruleId} ${f.stack ?? ''} ${f.address}`;

export interface PlatformWorkspace {
  readonly stackIds: readonly string[];
  /** A deep copy of a stack's synthesized JSON, free to mutate. */
  document(stack: string): TerraformJson;
  /** Unsuppressed findings over every stack, with `stack` replaced by the given document. */
  findings(stack: string, document: TerraformJson): Finding[];
  /** Unsuppressed findings of the plan derived from a stack (see `planOf`). */
  planFindings(stack: string, plan: TerraformJson): Finding[];
}

const fileOf = (stack: string) => `cdktf.out/stacks/${stack}/cdk.tf.json`;

function active(models: readonly TfModel[], settings: PolicySettings): Finding[] {
  return checkModels(models, { rules: ALL_RULES, today: TODAY, settings }).findings.filter(
    (f) => !f.suppressed,
  );
}

/** Synthesize the default platform once and keep its stacks as pristine JSON and loaded models. */
export function platformWorkspace(): PlatformWorkspace {
  const platform = synthDefaultPlatform();
  // The settings the platform's own guard judges with: its home tenant, ranges and bootstrap stack.
  const settings = policySettings(platform.config);
  const stackIds = Object.keys(platform.manifest.stacks);
  const pristine = new Map(stackIds.map((id) => [id, platform.stack(id)]));
  const models = new Map(
    stackIds.map((id) => [
      id,
      loadTerraformJson(structuredClone(pristine.get(id)), { file: fileOf(id), stack: id }),
    ]),
  );
  const document = (stack: string): TerraformJson => {
    const json = pristine.get(stack);
    if (!json) throw new Error(`no stack ${stack} in the default platform (stacks: ${stackIds.join(', ')})`);
    return structuredClone(json);
  };
  return {
    stackIds,
    document,
    findings(stack, json) {
      const replaced = loadTerraformJson(json, { file: fileOf(stack), stack });
      return active(
        stackIds.map((id) => (id === stack ? replaced : models.get(id)!)),
        settings,
      );
    },
    planFindings(stack, plan) {
      return active([loadPlan(plan, { file: `plans/${stack}.json`, stack })], settings);
    },
  };
}

/** Keys of `after` that are not in `before`, sorted. */
export function newFindings(before: readonly Finding[], after: readonly Finding[]): FindingKey[] {
  const seen = new Set(before.map(keyOf));
  const fresh = new Map<string, FindingKey>();
  for (const f of after) {
    const key = keyOf(f);
    if (!seen.has(key)) fresh.set(key, { ruleId: f.ruleId, stack: f.stack ?? '', address: f.address });
  }
  return [...fresh.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

const META = new Set([
  '//',
  'count',
  'for_each',
  'lifecycle',
  'provider',
  'depends_on',
  'provisioner',
  'connection',
]);

/**
 * A `terraform show -json` plan in which every resource of the stack already exists and nothing changes
 * (all `no-op`): values are the synthesized literals; an attribute written as a `${…}` expression is
 * left to `after_unknown`, with the references it names in `configuration`, as Terraform reports a value
 * it cannot know before apply. Mutations then change actions, before and after.
 */
export function planOf(stackJson: TerraformJson): TerraformJson {
  const resources: TerraformJson[] = [];
  const changes: TerraformJson[] = [];
  const configuration: TerraformJson[] = [];
  for (const [section, mode] of [
    ['resource', 'managed'],
    ['data', 'data'],
  ] as const) {
    for (const [type, instances] of Object.entries(
      (stackJson[section] ?? {}) as Record<string, Record<string, TerraformJson>>,
    )) {
      for (const [name, body] of Object.entries(instances)) {
        const address = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
        const attributes = Object.fromEntries(Object.entries(body).filter(([key]) => !META.has(key)));
        const { values, unknown, expressions } = splitValues(attributes);
        const provider_name = type.startsWith('terraform_')
          ? 'terraform.io/builtin/terraform'
          : `registry.terraform.io/hashicorp/${type.split('_')[0]}`;
        resources.push({ address, mode, type, name, provider_name, values, sensitive_values: {} });
        changes.push({
          address,
          mode,
          type,
          name,
          provider_name,
          change: {
            actions: [mode === 'data' ? 'read' : 'no-op'],
            before: values,
            after: values,
            after_unknown: unknown,
          },
        });
        configuration.push({ address, mode, type, name, expressions });
      }
    }
  }
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: { resources } },
    resource_changes: changes,
    configuration: { root_module: { resources: configuration } },
  };
}

/** Literal values; `true` in `unknown` where an expression stands; the references behind each expression. */
function splitValues(value: unknown): { values: unknown; unknown: unknown; expressions: unknown } {
  if (typeof value === 'string' && value.includes('${')) {
    const references = [...value.matchAll(/\$\{([^}]*)\}/g)].flatMap((m) => referencesIn(m[1]));
    return { values: null, unknown: true, expressions: { references } };
  }
  if (Array.isArray(value)) {
    const parts = value.map(splitValues);
    return {
      values: parts.map((p) => p.values),
      unknown: parts.map((p) => p.unknown),
      expressions: parts.map((p) => p.expressions),
    };
  }
  if (isRecord(value)) {
    const values: TerraformJson = {};
    const unknown: TerraformJson = {};
    const expressions: TerraformJson = {};
    for (const [key, child] of Object.entries(value)) {
      const part = splitValues(child);
      values[key] = part.values;
      if (part.unknown !== false) unknown[key] = part.unknown;
      expressions[key] = part.expressions;
    }
    return { values, unknown, expressions };
  }
  return { values: value, unknown: false, expressions: { constant_value: value } };
}

/** `azurerm_x.y.id` → [`azurerm_x.y.id`, `azurerm_x.y`], as Terraform lists references in a plan. */
function referencesIn(expression: string): string[] {
  const match = /^((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)((?:\.[A-Za-z0-9_-]+|\[\d+\])*)/.exec(
    expression.trim(),
  );
  if (!match) return [];
  const attribute = match[2].match(/^\.[A-Za-z0-9_-]+/)?.[0] ?? '';
  return attribute ? [`${match[1]}${attribute}`, match[1]] : [match[1]];
}
