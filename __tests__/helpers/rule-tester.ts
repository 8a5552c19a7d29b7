/**
 * An ESLint-RuleTester-like table runner for policy rules. Each case gives a synthesized-JSON document
 * and/or a plan-JSON document; the runner builds the models directly (no cdktf synth) and asserts the
 * exact `[ruleId, address]` pairs the rule reports — nothing more, nothing less.
 */
import { checkModels } from '../../policies/engine/engine';
import { ALL_RULES } from '../../policies/rules';
import type { PolicySettings, Rule, RuleContext } from '../../policies/rules/rule';
import { ruleContext } from '../../policies/engine/context';
import { buildWorkspace } from '../../policies/model/build';
import { Resolver } from '../../policies/model/resolve';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHclDirectory } from '../../policies/model/load-hcl';
import { loadPlan } from '../../policies/model/load-plan';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import type { DeclaredSuppression, SuppressionSpec, TfModel } from '../../policies/model/types';

export type Expected = readonly (readonly [ruleId: string, address: string])[];

export interface RuleCase {
  readonly name: string;
  /** A Terraform JSON document (`cdk.tf.json` shape). Build one with `tf(...)`. */
  readonly synth?: Record<string, unknown>;
  /** A `terraform show -json` document. Build one with `plan(...)`. */
  readonly plan?: Record<string, unknown>;
  /** Plain Terraform: the text of a `main.tf`, loaded through the HCL loader. */
  readonly hcl?: string;
  /** Extra models checked alongside (other stacks a reference may point into); findings on them are not reported. */
  readonly others?: readonly TfModel[];
  /** Home tenant and approved ranges for the check; default none (rules that need them fail closed). */
  readonly settings?: PolicySettings;
  /** The suppressions of a policy file (`norway-policy.yaml`), as plans and plain Terraform carry them. */
  readonly suppressions?: readonly SuppressionSpec[];
  /** Findings for every form given; default none. */
  readonly errors?: Expected;
  /** Findings for the plan form when they differ from `errors`. */
  readonly planErrors?: Expected;
  /** Findings for the HCL form when they differ from `errors`. */
  readonly hclErrors?: Expected;
  /** Every finding's message must match. */
  readonly message?: RegExp;
  /** The exact messages of the findings on the first input form given (synth, plan, then HCL), in any order. */
  readonly messages?: readonly string[];
}

export interface RuleTable {
  readonly valid: readonly RuleCase[];
  readonly invalid: readonly RuleCase[];
}

/** The findings of one rule on one model, as sorted `[ruleId, address]` pairs. */
export function findingsOf(
  rule: Rule,
  model: TfModel,
  others: readonly TfModel[] = [],
  settings?: PolicySettings,
  suppressions: readonly SuppressionSpec[] = [],
): { pairs: [string, string][]; messages: string[] } {
  const report = checkModels([model, ...others], {
    suppressions: suppressions.map((spec, index): DeclaredSuppression => ({
      spec,
      origin: { kind: 'file', where: 'norway-policy.yaml', index },
    })),
    // A suppression may name only a rule of the check: the rule that judges them runs with the catalogue.
    rules: rule.judgesSuppressions ? ALL_RULES.map((r) => (r.id === rule.id ? rule : r)) : [rule],
    reportOn: [model],
    today: '2026-01-01',
    settings,
  });
  const findings = report.findings.filter((f) => f.ruleId === rule.id);
  return {
    pairs: findings
      .map((f) => [f.ruleId, f.address] as [string, string])
      .sort((a, b) => a.join(' ').localeCompare(b.join(' '))),
    messages: findings.map((f) => f.message),
  };
}

const sortPairs = (pairs: Expected): [string, string][] =>
  pairs
    .map(([id, address]) => [id, address] as [string, string])
    .sort((a, b) => a.join(' ').localeCompare(b.join(' ')));

function runCase(rule: Rule, testCase: RuleCase, invalid: boolean): void {
  const forms: [string, () => TfModel, Expected][] = [];
  if (testCase.synth)
    forms.push([
      'synth',
      () => loadTerraformJson(testCase.synth, { file: 'cdk.tf.json' }),
      testCase.errors ?? [],
    ]);
  if (testCase.plan)
    forms.push([
      'plan',
      () => loadPlan(testCase.plan, { file: 'plan.json' }),
      testCase.planErrors ?? testCase.errors ?? [],
    ]);
  if (testCase.hcl !== undefined)
    forms.push(['hcl', () => loadHcl(testCase.hcl ?? ''), testCase.hclErrors ?? testCase.errors ?? []]);
  if (forms.length === 0) throw new Error(`case "${testCase.name}" has no input form`);
  forms.forEach(([form, load, expected], i) => {
    it(`${testCase.name} [${form}]`, () => {
      const { pairs, messages } = findingsOf(
        rule,
        load(),
        testCase.others,
        testCase.settings,
        testCase.suppressions,
      );
      expect(pairs).toEqual(sortPairs(expected));
      if (invalid && expected.length > 0 && testCase.message)
        for (const m of messages) expect(m).toMatch(testCase.message);
      if (i === 0 && testCase.messages) expect([...messages].sort()).toEqual([...testCase.messages].sort());
    });
  });
}

/** Plain Terraform from one `main.tf`, through the real HCL loader. */
function loadHcl(text: string): TfModel {
  const dir = mkdtempSync(join(tmpdir(), 'rule-tester-'));
  try {
    writeFileSync(join(dir, 'main.tf'), text);
    return loadHclDirectory(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `describe('<ID>: <title>')` with a `valid` and an `invalid` group, one test per case and input form. */
export function ruleTester(rule: Rule, table: RuleTable): void {
  describe(`${rule.id}: ${rule.title}`, () => {
    describe('valid', () => {
      for (const c of table.valid) {
        if (c.errors?.length || c.planErrors?.length)
          throw new Error(`valid case "${c.name}" expects findings`);
        runCase(rule, c, false);
      }
    });
    describe('invalid', () => {
      for (const c of table.invalid) runCase(rule, c, true);
    });
  });
}

/** The context a rule gets for `model`, with `others` in the estate: for unit tests of rule helpers. */
export function contextOf(model: TfModel, others: readonly TfModel[] = []): RuleContext {
  const workspace = buildWorkspace([model, ...others]);
  return ruleContext(model, workspace, new Resolver(workspace), model.resources);
}

// ---------------------------------------------------------------------------------------------------
// Document builders

type Body = Record<string, unknown>;

/**
 * A Terraform JSON document from `{ 'azurerm_x.name': body }` entries (`data.azurerm_x.name` for data
 * sources) plus optional top-level sections (`variable`, `locals`, `terraform`, …) in `extra`.
 */
export function tf(
  resources: Record<string, Body>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const resource: Record<string, Record<string, Body>> = {};
  const data: Record<string, Record<string, Body>> = {};
  for (const [key, body] of Object.entries(resources)) {
    const isData = key.startsWith('data.');
    const [type, name] = (isData ? key.slice(5) : key).split('.');
    const section = isData ? data : resource;
    section[type] = { ...(section[type] ?? {}), [name]: body };
  }
  return {
    ...(Object.keys(resource).length ? { resource } : {}),
    ...(Object.keys(data).length ? { data } : {}),
    ...extra,
  };
}

export interface PlanResource {
  /** `azurerm_x.name`, optionally prefixed with a module path `module.a.azurerm_x.name`. */
  readonly at: string;
  readonly index?: string | number;
  readonly values?: Body;
  /** Planned actions; default `['create']`. */
  readonly actions?: readonly string[];
  readonly before?: Body | null;
  /** `after_unknown` of the change. */
  readonly unknown?: Body;
  /** Attribute path (dotted; nested blocks by name) → references, as `configuration` would record them. */
  readonly references?: Record<string, readonly string[]>;
  /** Only in `resource_changes` (a deleted resource is absent from `planned_values`). */
  readonly deleted?: boolean;
  readonly mode?: 'managed' | 'data';
}

interface ModuleNode {
  resources: Body[];
  children: Map<string, ModuleNode>;
  configResources: Body[];
}

const newNode = (): ModuleNode => ({ resources: [], children: new Map(), configResources: [] });

function splitAt(at: string): { modules: string[]; type: string; name: string; data: boolean } {
  const parts = at.split('.');
  const modules: string[] = [];
  while (parts[0] === 'module') {
    modules.push(parts[1]);
    parts.splice(0, 2);
  }
  const data = parts[0] === 'data';
  if (data) parts.shift();
  return { modules, type: parts[0], name: parts[1], data };
}

function indexSuffix(index: string | number | undefined): string {
  if (index === undefined) return '';
  return typeof index === 'number' ? `[${index}]` : `["${index}"]`;
}

/** `{ 'a.b': [...] }` → `{ a: [{ b: { references: [...] } }] }` as plan `expressions` are nested. */
function expressionsOf(references: Record<string, readonly string[]>): Body {
  const root: Body = {};
  for (const [path, refs] of Object.entries(references)) {
    const parts = path.split('.');
    let node = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = { references: [...refs] };
      else {
        const existing = node[part] as Body[] | undefined;
        if (!existing) node[part] = [{}];
        node = (node[part] as Body[])[0];
      }
    });
  }
  return root;
}

/** A `terraform show -json` document with `planned_values`, `resource_changes` and `configuration`. */
export function plan(
  resources: readonly PlanResource[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const planned = newNode();
  const config = newNode();
  const changes: Body[] = [];
  const seenConfig = new Set<string>();
  for (const r of resources) {
    const { modules, type, name, data } = splitAt(r.at);
    const modulePath = modules.map((m) => `module.${m}`).join('.');
    const local = `${data ? 'data.' : ''}${type}.${name}`;
    const address = `${modulePath ? `${modulePath}.` : ''}${local}${indexSuffix(r.index)}`;
    const mode = r.mode ?? (data ? 'data' : 'managed');
    const values = r.values ?? {};
    const providerName = 'registry.terraform.io/hashicorp/' + type.split('_')[0];
    let node = planned;
    let cNode = config;
    for (const m of modules) {
      if (!node.children.has(m)) node.children.set(m, newNode());
      node = node.children.get(m)!;
      if (!cNode.children.has(m)) cNode.children.set(m, newNode());
      cNode = cNode.children.get(m)!;
    }
    if (!r.deleted) {
      node.resources.push({
        address,
        mode,
        type,
        name,
        ...(r.index !== undefined ? { index: r.index } : {}),
        provider_name: providerName,
        values,
      });
    }
    const actions = r.actions ?? ['create'];
    changes.push({
      address,
      ...(modulePath ? { module_address: modulePath } : {}),
      mode,
      type,
      name,
      ...(r.index !== undefined ? { index: r.index } : {}),
      provider_name: providerName,
      change: {
        actions,
        before: r.before ?? (actions.includes('create') && !actions.includes('delete') ? null : values),
        after: r.deleted ? null : values,
        after_unknown: r.unknown ?? {},
      },
    });
    const configKey = `${modulePath}|${local}`;
    if (!seenConfig.has(configKey)) {
      seenConfig.add(configKey);
      cNode.configResources.push({
        address: local,
        mode,
        type,
        name,
        expressions: expressionsOf(r.references ?? {}),
      });
    }
  }
  const plannedModule = (node: ModuleNode, path: string): Body => ({
    ...(path ? { address: path } : {}),
    resources: node.resources,
    ...(node.children.size
      ? {
          child_modules: [...node.children].map(([m, child]) =>
            plannedModule(child, `${path ? `${path}.` : ''}module.${m}`),
          ),
        }
      : {}),
  });
  const configModule = (node: ModuleNode): Body => ({
    resources: node.configResources,
    ...(node.children.size
      ? {
          module_calls: Object.fromEntries(
            [...node.children].map(([m, child]) => [
              m,
              { source: `./${m}`, expressions: {}, module: configModule(child) },
            ]),
          ),
        }
      : {}),
  });
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: plannedModule(planned, '') },
    resource_changes: changes,
    configuration: { root_module: configModule(config) },
    ...extra,
  };
}

/** Common fragments. */
export const RG = { name: 'rg-app', location: 'norwayeast' };

/**
 * A plan's `prior_state` holding one data source read during planning (`data.azurerm_x.name`): such a
 * data source has no change entry of its own.
 */
export function priorStateWithData(address: string, values: Body): Record<string, unknown> {
  const [, type, name] = address.split('.');
  return {
    format_version: '1.0',
    values: {
      root_module: {
        resources: [
          {
            address,
            mode: 'data',
            type,
            name,
            provider_name: 'registry.terraform.io/hashicorp/azurerm',
            values,
          },
        ],
      },
    },
  };
}
