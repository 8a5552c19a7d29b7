/**
 * First-deploy plans and applied states of a synthesized estate, in the shapes `terraform show -json`
 * writes them, without Azure: stacks are "applied" one after another in dependency order, so a later
 * stack's remote state reads the earlier stacks' real outputs.
 *
 * - a plan creates every managed resource; `after` holds what Terraform knows while planning (literals,
 *   values read from remote state and data sources, attributes of other new resources that the
 *   configuration sets); everything else is absent from `after` and `true` in `after_unknown`; blocks are
 *   arrays; `configuration` records the references behind every expression;
 * - data sources read while planning (remote state, client config) are in `prior_state`;
 * - a state holds every value, computed ones included: ids in the ARM id format
 *   (`/subscriptions/…/resourceGroups/<rg>/providers/<namespace>/<type>/<name>`), Key Vault keys as
 *   vault URLs.
 */
import { armTypeOf } from '../../policies/model/arm-types';
import { isRecord } from '../../policies/model/values';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON is built and read by path
type Json = Record<string, any>;

export const SUBSCRIPTION = '00000000-0000-4000-8000-0000000000aa';
export const TENANT = '00000000-0000-4000-8000-0000000000bb';
const TERRAFORM_VERSION = '1.11.4';
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
/** Attributes holding maps (not blocks): plans keep them as objects. */
const MAP_ATTRIBUTES = new Set(['tags', 'app_settings', 'metadata', 'parameters', 'outputs', 'config']);

/** Marks a value Terraform cannot know while planning. */
const UNKNOWN = Symbol('unknown');
type Value = unknown;

export interface EstateInput {
  /** Stack ids with their dependencies, as cdktf's manifest lists them. */
  readonly manifest: { readonly stacks: Record<string, { readonly dependencies: readonly string[] }> };
  stack(id: string): Json;
}

export interface Estate {
  /** Stacks in the order they are applied. */
  readonly order: readonly string[];
  /** `terraform show -json plan.bin` of the stack's first deploy, the stacks before it applied. */
  plan(id: string): Json;
  /** `terraform show -json` of the stack's state once applied. */
  state(id: string): Json;
}

export function simulateEstate(input: EstateInput): Estate {
  const order = dependencyOrder(input.manifest.stacks);
  const applied = new Map<string, AppliedStack>();
  for (const id of order) applied.set(id, new StackRun(id, input.stack(id), applied).run());
  return {
    order,
    plan: (id) => structuredClone(need(applied, id).plan),
    state: (id) => structuredClone(need(applied, id).state),
  };
}

interface AppliedStack {
  readonly outputs: Map<string, Value>;
  readonly plan: Json;
  readonly state: Json;
}

function need<V>(map: ReadonlyMap<string, V>, id: string): V {
  const value = map.get(id);
  if (value === undefined) throw new Error(`no stack ${id} in the estate`);
  return value;
}

function dependencyOrder(stacks: EstateInput['manifest']['stacks']): string[] {
  const order: string[] = [];
  const visit = (id: string, path: string[]) => {
    if (order.includes(id)) return;
    if (path.includes(id)) throw new Error(`stack dependency cycle: ${[...path, id].join(' → ')}`);
    for (const dependency of stacks[id]?.dependencies ?? []) visit(dependency, [...path, id]);
    order.push(id);
  };
  for (const id of Object.keys(stacks).sort()) visit(id, []);
  return order;
}

class StackRun {
  private readonly plannedMemo = new Map<string, Value>();
  private readonly appliedMemo = new Map<string, Value>();
  private readonly variables: Json = {};

  constructor(
    private readonly id: string,
    private readonly json: Json,
    private readonly estate: ReadonlyMap<string, AppliedStack>,
  ) {}

  run(): AppliedStack {
    const planned: Json[] = [];
    const changes: Json[] = [];
    const configuration: Json[] = [];
    const stateResources: Json[] = [];
    const priorData: Json[] = [];
    for (const { address, mode, type, name, body } of this.blocks()) {
      const provider_name = providerOf(type);
      const attributes = attributesOf(body);
      configuration.push({
        address,
        mode,
        type,
        name,
        provider_config_key: type.split('_')[0],
        expressions: expressionsOf(attributes),
      });
      const appliedValues = this.appliedResource(address);
      const state = {
        address,
        mode,
        type,
        name,
        provider_name,
        schema_version: 0,
        values: appliedValues,
        sensitive_values: {},
      };
      stateResources.push(state);
      if (mode === 'data') {
        priorData.push(state);
        continue;
      }
      const plannedValues = this.plannedResource(address) as Json;
      const { after, unknown } = splitUnknown(plannedValues);
      const afterUnknown = { ...(unknown as Json), id: true };
      planned.push({
        address,
        mode,
        type,
        name,
        provider_name,
        schema_version: 0,
        values: after,
        sensitive_values: {},
      });
      changes.push({
        address,
        mode,
        type,
        name,
        provider_name,
        change: {
          actions: ['create'],
          before: null,
          after,
          after_unknown: afterUnknown,
          before_sensitive: false,
          after_sensitive: {},
        },
      });
    }
    const outputs = new Map<string, Value>();
    const plannedOutputs: Json = {};
    const stateOutputs: Json = {};
    const configOutputs: Json = {};
    for (const [name, output] of Object.entries((this.json.output ?? {}) as Json)) {
      const sensitive = output.sensitive === true;
      outputs.set(name, this.evaluate(output.value, 'applied'));
      stateOutputs[name] = { sensitive, value: outputs.get(name), type: 'string' };
      const atPlan = this.evaluate(output.value, 'planned');
      const part = splitUnknown(atPlan);
      plannedOutputs[name] = part.unknown === false ? { sensitive, value: part.after } : { sensitive };
      configOutputs[name] = { sensitive, expression: expressionsOf({ value: output.value }).value };
    }
    const plan = {
      format_version: '1.2',
      terraform_version: TERRAFORM_VERSION,
      variables: this.variables,
      planned_values: { outputs: plannedOutputs, root_module: { resources: planned } },
      resource_changes: changes,
      prior_state: {
        format_version: '1.0',
        terraform_version: TERRAFORM_VERSION,
        values: { root_module: { resources: priorData } },
      },
      configuration: {
        provider_config: {
          azurerm: { name: 'azurerm', full_name: 'registry.terraform.io/hashicorp/azurerm' },
        },
        root_module: { outputs: configOutputs, resources: configuration },
      },
      timestamp: '2026-12-01T00:00:00Z',
      applyable: true,
      complete: true,
      errored: false,
    };
    const state = {
      format_version: '1.0',
      terraform_version: TERRAFORM_VERSION,
      values: { outputs: stateOutputs, root_module: { resources: stateResources } },
    };
    return { outputs, plan, state };
  }

  private *blocks(): Generator<{
    address: string;
    mode: 'managed' | 'data';
    type: string;
    name: string;
    body: Json;
  }> {
    for (const [section, mode] of [
      ['data', 'data'],
      ['resource', 'managed'],
    ] as const) {
      for (const [type, instances] of Object.entries((this.json[section] ?? {}) as Json)) {
        for (const [name, body] of Object.entries(instances as Json)) {
          yield {
            address: `${mode === 'data' ? 'data.' : ''}${type}.${name}`,
            mode,
            type,
            name,
            body: body as Json,
          };
        }
      }
    }
  }

  private body(address: string): { type: string; name: string; mode: 'managed' | 'data'; body: Json } {
    const isData = address.startsWith('data.');
    const [type, name] = (isData ? address.slice(5) : address).split('.');
    const body = this.json[isData ? 'data' : 'resource']?.[type]?.[name];
    if (!isRecord(body)) throw new Error(`${this.id}: ${address} is not in the stack`);
    return { type, name, mode: isData ? 'data' : 'managed', body };
  }

  /** What Terraform knows of a new resource while planning. */
  private plannedResource(address: string): Value {
    if (!this.plannedMemo.has(address)) {
      const { mode, body } = this.body(address);
      // Data sources are read while planning: all known.
      this.plannedMemo.set(
        address,
        mode === 'data'
          ? this.appliedResource(address)
          : this.evaluate(asPlanShape(attributesOf(body)), 'planned'),
      );
    }
    return this.plannedMemo.get(address);
  }

  /** Every value once applied, computed attributes filled in. */
  private appliedResource(address: string): Json {
    if (!this.appliedMemo.has(address)) {
      const { type, name, mode, body } = this.body(address);
      const values = this.evaluate(asPlanShape(attributesOf(body)), 'applied') as Json;
      this.appliedMemo.set(address, { ...values, ...computed(type, name, mode, values, this.estate) });
    }
    return this.appliedMemo.get(address) as Json;
  }

  private evaluate(value: Value, phase: 'planned' | 'applied'): Value {
    if (typeof value === 'string') return this.interpolate(value, phase);
    if (Array.isArray(value)) {
      const items = value.map((v) => this.evaluate(v, phase));
      return items;
    }
    if (isRecord(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.evaluate(v, phase)]));
    return value;
  }

  private interpolate(text: string, phase: 'planned' | 'applied'): Value {
    const whole = /^\$\{([^{}]+)\}$/.exec(text);
    if (whole) return this.reference(whole[1].trim(), phase);
    if (!text.includes('${')) return text;
    let unknown = false;
    const joined = text.replace(/\$\{([^{}]+)\}/g, (_, ref: string) => {
      const v = this.reference(ref.trim(), phase);
      if (v === UNKNOWN) unknown = true;
      return String(v);
    });
    return unknown ? UNKNOWN : joined;
  }

  private reference(expression: string, phase: 'planned' | 'applied'): Value {
    if (expression === 'terraform.workspace') return 'default';
    const steps = stepsOf(expression);
    if (!steps) throw new Error(`${this.id}: the simulator cannot evaluate \${${expression}}`);
    // A variable is given at plan time (TF_VAR_…): its default, or a stand-in value.
    if (steps[0] === 'var') {
      const name = String(steps[1]);
      const declared = (this.json.variable ?? {})[name] as Json | undefined;
      const value = declared && 'default' in declared ? declared.default : `simulated-${name}`;
      this.variables[name] = { value };
      return readPath(value, steps.slice(2));
    }
    if (steps[0] === 'data' && steps[1] === 'terraform_remote_state' && steps[3] === 'outputs') {
      const producer = String(steps[2]).replace(/^cross-stack-reference-input-/, '');
      const outputs = need(this.estate, producer).outputs;
      if (!outputs.has(String(steps[4])))
        throw new Error(`${this.id}: stack ${producer} has no output ${String(steps[4])}`);
      return readPath(outputs.get(String(steps[4])), steps.slice(5));
    }
    const isData = steps[0] === 'data';
    const address = isData
      ? `data.${String(steps[1])}.${String(steps[2])}`
      : `${String(steps[0])}.${String(steps[1])}`;
    const rest = steps.slice(isData ? 3 : 2);
    const values = phase === 'planned' ? this.plannedResource(address) : this.appliedResource(address);
    const found = readPath(values, rest);
    // An attribute the configuration does not set is computed by the provider: unknown until apply.
    return found === undefined || found === null ? (phase === 'planned' ? UNKNOWN : found) : found;
  }
}

function attributesOf(body: Json): Json {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !META.has(key)));
}

/** Nested blocks as arrays, as plans write them; maps stay objects. */
function asPlanShape(value: Json): Json {
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    if (isRecord(child) && !MAP_ATTRIBUTES.has(key)) out[key] = [asPlanShape(child)];
    else if (Array.isArray(child) && child.every(isRecord) && !MAP_ATTRIBUTES.has(key))
      out[key] = child.map((c) => asPlanShape(c as Json));
    else out[key] = child;
  }
  return out;
}

/** `after` without unknowns, and the `after_unknown` mirror. */
function splitUnknown(value: Value): { after: Value; unknown: Value } {
  if (value === UNKNOWN) return { after: undefined, unknown: true };
  if (Array.isArray(value)) {
    const parts = value.map(splitUnknown);
    return { after: parts.map((p) => p.after ?? null), unknown: parts.map((p) => p.unknown) };
  }
  if (isRecord(value)) {
    const after: Json = {};
    const unknown: Json = {};
    for (const [key, child] of Object.entries(value)) {
      const part = splitUnknown(child);
      if (part.after !== undefined) after[key] = part.after;
      if (part.unknown !== false && !(isRecord(part.unknown) && Object.keys(part.unknown).length === 0))
        unknown[key] = part.unknown;
    }
    return { after, unknown };
  }
  return { after: value, unknown: false };
}

/** Terraform's `expressions`: a constant, or the references behind an expression (with their prefixes). */
function expressionsOf(attributes: Json): Json {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [key, expressionOf(key, value)]),
  );
}

function expressionOf(key: string, value: Value): Value {
  const text = JSON.stringify(value) ?? '';
  if (
    !text.includes('${') ||
    (typeof value !== 'string' && MAP_ATTRIBUTES.has(key) && !text.includes('${'))
  ) {
    if (!isRecord(value) || MAP_ATTRIBUTES.has(key))
      return Array.isArray(value) && value.every(isRecord)
        ? value.map((v) => expressionsOf(v as Json))
        : { constant_value: value };
  }
  if (
    typeof value === 'string' ||
    MAP_ATTRIBUTES.has(key) ||
    (Array.isArray(value) && !value.every(isRecord))
  ) {
    const references = [...text.matchAll(/\$\{([^{}]+)\}/g)].flatMap((m) => referencesOf(m[1].trim()));
    return { references: [...new Set(references)] };
  }
  // Blocks: one expressions object per block.
  return (Array.isArray(value) ? value : [value]).map((block) => expressionsOf(block as Json));
}

/** `a.b.c[0].d` → [`a.b.c[0].d`, `a.b.c[0]`, `a.b.c`, `a.b`] as Terraform lists them (down to the resource). */
function referencesOf(expression: string): string[] {
  if (expression === 'terraform.workspace') return ['terraform.workspace'];
  const steps = stepsOf(expression);
  if (!steps) return [];
  const base = steps[0] === 'data' ? 3 : 2;
  const out: string[] = [];
  for (let n = steps.length; n >= base; n--) out.push(spell(steps.slice(0, n)));
  return out;
}

function stepsOf(expression: string): (string | number)[] | undefined {
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[\d+\])*$/.test(expression)) return undefined;
  return [...expression.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) =>
    m[1] !== undefined ? m[1] : Number(m[2]),
  );
}

function spell(steps: readonly (string | number)[]): string {
  return steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function readPath(value: Value, path: readonly (string | number)[]): Value {
  let current = value;
  for (const step of path) {
    if (current === UNKNOWN) return UNKNOWN;
    if (Array.isArray(current)) current = typeof step === 'number' ? current[step] : current[0]?.[step];
    else if (isRecord(current))
      current = typeof step === 'number' && step === 0 ? current : current[String(step)];
    else return undefined;
  }
  return current;
}

function providerOf(type: string): string {
  return type.startsWith('terraform_')
    ? 'terraform.io/builtin/terraform'
    : `registry.terraform.io/hashicorp/${type.split('_')[0]}`;
}

/** A stable fake uuid from a string, for principal ids and role assignment names. */
function uuidOf(text: string): string {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}${hex.slice(0, 4)}`;
}

/** What the provider fills in on apply: ids and the few computed attributes the stacks read. */
function computed(
  type: string,
  name: string,
  mode: 'managed' | 'data',
  values: Json,
  estate: ReadonlyMap<string, AppliedStack>,
): Json {
  if (type === 'azurerm_client_config')
    return {
      tenant_id: TENANT,
      subscription_id: SUBSCRIPTION,
      client_id: uuidOf('client'),
      object_id: uuidOf('deployer'),
      id: 'client-config',
    };
  if (type === 'terraform_remote_state') {
    const producer = name.replace(/^cross-stack-reference-input-/, '');
    return { id: `remote-state-${name}`, outputs: Object.fromEntries(need(estate, producer).outputs) };
  }
  const out: Json = {};
  const group = typeof values.resource_group_name === 'string' ? values.resource_group_name : undefined;
  const fact = armTypeOf(type);
  if (type === 'azurerm_key_vault_key') {
    const vault = String(values.key_vault_id).split('/').pop();
    out.versionless_id = `https://${vault}.vault.azure.net/keys/${values.name}`;
    out.id = `${out.versionless_id}/0123456789abcdef0123456789abcdef`;
    out.resource_id = `${String(values.key_vault_id)}/keys/${values.name}`;
    out.resource_versionless_id = out.resource_id;
  } else if (fact) {
    const names = fact.nameAttributes.map((a) => String(values[a]));
    const [namespace, ...types] = fact.armType.split('/');
    const path = types.map((t, i) => `${t}/${names[i]}`).join('/');
    out.id =
      type === 'azurerm_resource_group'
        ? `/subscriptions/${SUBSCRIPTION}/resourceGroups/${values.name}`
        : `/subscriptions/${SUBSCRIPTION}/resourceGroups/${group}/providers/${namespace}/${path}`;
  } else if (typeof values.subnet_id === 'string' && type.startsWith('azurerm_subnet_')) {
    out.id = values.subnet_id;
  } else {
    out.id = `/subscriptions/${SUBSCRIPTION}/providers/Simulated.Terraform/${type}/${uuidOf(`${type}.${name}`)}`;
  }
  if (mode === 'managed' && Array.isArray(values.identity)) {
    out.identity = values.identity.map((block: Json) => ({
      ...block,
      principal_id: uuidOf(`${type}.${name}.principal`),
      tenant_id: TENANT,
    }));
  }
  if (type === 'azurerm_user_assigned_identity') {
    out.principal_id = uuidOf(`${type}.${name}.principal`);
    out.client_id = uuidOf(`${type}.${name}.client`);
    out.tenant_id = TENANT;
  }
  return out;
}
