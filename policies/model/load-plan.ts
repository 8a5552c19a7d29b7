/**
 * Loader for `terraform show -json <planfile>` output, format versions 0.1 to 1.x.
 *
 * - `planned_values.root_module` (with nested `child_modules`) gives every resource that will exist;
 * - `resource_changes` gives actions, before/after and `after_unknown`; a resource being deleted is only there;
 * - `configuration` keeps the references behind values that are unknown until apply.
 */
import { buildModel, providerShortName } from './build';
import { describeType } from './load-terraform-json';
import { isRecord } from './values';
import { InputError, ResourceChange, TfModel, TfResource, VariableDecl } from './types';

const SUPPORTED_MAJOR = 1;

export interface PlanOptions {
  readonly file: string;
  readonly stack?: string;
}

export function isPlanDocument(document: unknown): boolean {
  return (
    isRecord(document) &&
    'format_version' in document &&
    !isStateDocument(document) &&
    ('planned_values' in document || 'resource_changes' in document || 'terraform_version' in document)
  );
}

/** `terraform show -json` of a state (no plan file): `values.root_module`, no planned values or changes. */
export function isStateDocument(document: unknown): boolean {
  return (
    isRecord(document) &&
    'format_version' in document &&
    'values' in document &&
    !('planned_values' in document) &&
    !('resource_changes' in document)
  );
}

/**
 * A state as `terraform show -json` writes it: every resource exists and every value is known. Read like
 * a plan's `prior_state`, with nothing changing.
 */
export function loadState(document: Record<string, unknown>, options: PlanOptions): TfModel {
  const { file } = options;
  const formatVersion = readFormatVersion(file, document, 'state');
  if (!isRecord(document.values))
    throw new InputError(
      file,
      `values must be an object, got ${describeType(document.values)}; produce the file with \`terraform show -json\``,
    );
  const config = readConfiguration(file, undefined);
  const resources = new Map<string, MutableResource>();
  if (document.values.root_module !== undefined)
    walkModule(file, document.values.root_module, 'values.root_module', resources, config, options, 0);
  return buildModel(
    {
      kind: 'state',
      origin: file,
      stack: options.stack,
      resources: [...resources.values()],
      backend: undefined,
      variables: new Map(),
      locals: new Map(),
      outputs: readOutputValues(file, document.values.outputs, 'values.outputs'),
      bootstrap: false,
      suppressions: [],
      formatVersion,
    },
    resources,
  );
}

/** Output values a plan or state knows (`{ name: { value, sensitive } }`); unknown ones are left out. */
function readOutputValues(file: string, outputs: unknown, where: string): Map<string, unknown> {
  const result = new Map<string, unknown>();
  if (outputs === undefined || outputs === null) return result;
  if (!isRecord(outputs))
    throw new InputError(file, `${where} must be an object, got ${describeType(outputs)}`);
  for (const [name, output] of Object.entries(outputs)) {
    if (isRecord(output) && 'value' in output && output.value !== null) result.set(name, output.value);
  }
  return result;
}

function readFormatVersion(file: string, document: Record<string, unknown>, what: 'plan' | 'state'): string {
  const formatVersion = document.format_version;
  if (typeof formatVersion !== 'string' || !/^\d+\.\d+$/.test(formatVersion)) {
    throw new InputError(
      file,
      `format_version must be a string like "1.2", got ${JSON.stringify(formatVersion)}`,
    );
  }
  const major = Number(formatVersion.split('.')[0]);
  if (major !== 0 && major !== SUPPORTED_MAJOR) {
    throw new InputError(
      file,
      `${what} format_version ${formatVersion} is not supported (supported: 0.1 to 1.x); upgrade norway-policy`,
    );
  }
  return formatVersion;
}

export function loadPlan(document: unknown, options: PlanOptions): TfModel {
  const { file } = options;
  if (!isRecord(document))
    throw new InputError(file, `expected a plan JSON object, got ${describeType(document)}`);
  const formatVersion = readFormatVersion(file, document, 'plan');
  const planned = document.planned_values;
  const changes = document.resource_changes;
  if (planned === undefined && changes === undefined) {
    throw new InputError(
      file,
      'the plan has neither planned_values nor resource_changes; produce it with `terraform show -json plan.bin`',
    );
  }
  // Terraform always writes planned_values.root_module; without it we cannot know what the plan creates.
  if (!isRecord(planned))
    throw new InputError(
      file,
      `planned_values must be an object, got ${describeType(planned)}; produce the file with \`terraform show -json plan.bin\``,
    );
  if (changes !== undefined && !Array.isArray(changes))
    throw new InputError(file, `resource_changes must be an array, got ${describeType(changes)}`);

  const config = readConfiguration(file, document.configuration);
  const resources = new Map<string, MutableResource>();

  walkModule(file, planned.root_module, 'planned_values.root_module', resources, config, options, 0);
  let plannedManaged = 0;
  for (const resource of resources.values()) if (resource.mode === 'managed') plannedManaged++;

  const priorState =
    isRecord(document.prior_state) && isRecord(document.prior_state.values)
      ? document.prior_state.values.root_module
      : undefined;
  // Data sources read while planning live in prior_state; take those planned_values lacks.
  if (isRecord(priorState)) {
    // Only data sources are taken, so only they are built: managed entries are most of prior_state.
    const prior = new Map<string, MutableResource>();
    walkModule(file, priorState, 'prior_state.values.root_module', prior, config, options, 0, 'data');
    for (const [address, resource] of prior) if (!resources.has(address)) resources.set(address, resource);
  }

  let changedManaged = 0;
  (Array.isArray(changes) ? changes : []).forEach((raw, i) => {
    // Where an error points is spelled only when there is an error: this runs for every resource.
    const where = (): string => `resource_changes[${i}]`;
    if (!isRecord(raw)) throw new InputError(file, `${where()} must be an object`);
    const address = requireString(file, raw.address, where, 'address');
    const change = raw.change;
    if (
      !isRecord(change) ||
      !Array.isArray(change.actions) ||
      !change.actions.every((a) => typeof a === 'string')
    ) {
      throw new InputError(file, `${where()} (${address}) has no change.actions list`);
    }
    const resourceChange: ResourceChange = {
      actions: change.actions as string[],
      before: change.before,
      after: change.after,
      afterUnknown: change.after_unknown,
      beforeSensitive: change.before_sensitive,
      afterSensitive: change.after_sensitive,
    };
    const existing = resources.get(address);
    if (existing) {
      if (existing.change)
        throw new InputError(file, `${where()}: the address ${address} appears twice in resource_changes`);
      existing.change = resourceChange;
      // Every managed resource known before this loop is from planned_values (prior_state gives data sources).
      if (existing.mode === 'managed') changedManaged++;
      return;
    }
    // Deleted (or only-read) resources appear in resource_changes alone; their values are what is lost.
    const type = requireString(file, raw.type, where, 'type');
    const name = requireString(file, raw.name, where, 'name');
    const mode = raw.mode === 'data' ? 'data' : 'managed';
    const modulePath = typeof raw.module_address === 'string' ? raw.module_address : '';
    const values = isRecord(change.after) ? change.after : isRecord(change.before) ? change.before : {};
    resources.set(
      address,
      makeResource(
        address,
        type,
        name,
        mode,
        raw.index,
        raw.provider_name,
        values,
        modulePath,
        config,
        options,
        resourceChange,
      ),
    );
  });

  // planned_values leaves out what is only known after apply; that is recorded in resource_changes alone.
  const missing =
    changedManaged === plannedManaged
      ? undefined
      : [...resources.values()].find((r) => r.mode === 'managed' && r.change === undefined)?.address;
  if (missing !== undefined) {
    throw new InputError(
      file,
      `${missing} is in planned_values but has no entry in resource_changes, so its unknown values cannot be told apart from absent ones`,
    );
  }

  return buildModel(
    {
      kind: 'plan',
      origin: file,
      stack: options.stack,
      resources: [...resources.values()],
      backend: undefined,
      variables: readPlanVariables(document.variables, config.rootVariables),
      locals: new Map(),
      outputs: readOutputValues(file, planned.outputs, 'planned_values.outputs'),
      moduleInputs: config.moduleInputs,
      moduleOutputs: config.moduleOutputs,
      bootstrap: false,
      suppressions: [],
      formatVersion,
    },
    resources,
  );
}

type MutableResource = { -readonly [K in keyof TfResource]: TfResource[K] };

interface PlanConfiguration {
  /** config address (module prefix + type.name) → attribute path → references */
  readonly references: Map<string, Map<string, string[]>>;
  readonly moduleInputs: Map<string, Map<string, string[]>>;
  readonly moduleOutputs: Map<string, Map<string, string[]>>;
  readonly rootVariables: Map<string, { default?: unknown; hasDefault: boolean }>;
  /** Module path → its configuration prefix (instance keys dropped), computed once per module instance. */
  readonly modulePrefixes: Map<string, string>;
}

function walkModule(
  file: string,
  module: unknown,
  where: string,
  out: Map<string, MutableResource>,
  config: PlanConfiguration,
  options: PlanOptions,
  depth: number,
  onlyMode?: 'data',
): void {
  if (!isRecord(module))
    throw new InputError(file, `${where} must be an object, got ${describeType(module)}`);
  if (depth > 100) throw new InputError(file, `${where}: modules nest more than 100 levels deep`);
  const modulePath = typeof module.address === 'string' ? module.address : '';
  const list = module.resources ?? [];
  if (!Array.isArray(list)) throw new InputError(file, `${where}.resources must be an array`);
  list.forEach((raw, i) => {
    const at = (): string => `${where}.resources[${i}]`;
    if (!isRecord(raw)) throw new InputError(file, `${at()} must be an object`);
    if (onlyMode === 'data' && raw.mode !== 'data') return;
    const address = requireString(file, raw.address, at, 'address');
    const type = requireString(file, raw.type, at, 'type');
    const name = requireString(file, raw.name, at, 'name');
    if (out.has(address)) throw new InputError(file, `the address ${address} appears twice in ${where}`);
    const mode = raw.mode === 'data' ? 'data' : 'managed';
    const values = raw.values === undefined || raw.values === null ? {} : raw.values;
    if (!isRecord(values)) throw new InputError(file, `${at()}.values must be an object`);
    out.set(
      address,
      makeResource(
        address,
        type,
        name,
        mode,
        raw.index,
        raw.provider_name,
        values,
        modulePath,
        config,
        options,
        undefined,
        raw.sensitive_values,
      ),
    );
  });
  const children = module.child_modules ?? [];
  if (!Array.isArray(children)) throw new InputError(file, `${where}.child_modules must be an array`);
  children.forEach((child, i) =>
    walkModule(file, child, `${where}.child_modules[${i}]`, out, config, options, depth + 1, onlyMode),
  );
}

function makeResource(
  address: string,
  type: string,
  name: string,
  mode: 'managed' | 'data',
  index: unknown,
  providerName: unknown,
  values: Record<string, unknown>,
  modulePath: string,
  config: PlanConfiguration,
  options: PlanOptions,
  change?: ResourceChange,
  sensitive?: unknown,
): MutableResource {
  // Configuration addresses carry no instance keys, neither the resource's nor its modules'.
  let modulePrefix = config.modulePrefixes.get(modulePath);
  if (modulePrefix === undefined) {
    modulePrefix = modulePath ? `${modulePath.replace(/\[[^\]]*\]/g, '')}.` : '';
    config.modulePrefixes.set(modulePath, modulePrefix);
  }
  const configAddress = `${modulePrefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  const source = typeof providerName === 'string' ? providerName : undefined;
  return {
    address,
    configAddress,
    type,
    name,
    mode,
    provider: source ? providerShortName(source) : type.split('_')[0],
    providerSource: source,
    index: typeof index === 'string' || typeof index === 'number' ? index : undefined,
    values,
    valuesAreExpressions: false,
    references: config.references.get(configAddress),
    change,
    source: { file: options.file, stack: options.stack, module: modulePath },
    // Always present, so every resource has one shape.
    sensitive,
  };
}

function readConfiguration(file: string, configuration: unknown): PlanConfiguration {
  const result: PlanConfiguration = {
    references: new Map(),
    moduleInputs: new Map(),
    moduleOutputs: new Map(),
    rootVariables: new Map(),
    modulePrefixes: new Map(),
  };
  if (configuration === undefined) return result;
  if (!isRecord(configuration))
    throw new InputError(file, `configuration must be an object, got ${describeType(configuration)}`);
  const root = configuration.root_module;
  if (isRecord(root) && isRecord(root.variables)) {
    for (const [name, v] of Object.entries(root.variables)) {
      if (isRecord(v)) result.rootVariables.set(name, { default: v.default, hasDefault: 'default' in v });
    }
  }
  if (root !== undefined) walkConfigModule(file, root, 'configuration.root_module', '', result, 0);
  return result;
}

/**
 * The references behind each value. A configuration that is there but malformed fails the input: the
 * references it would give are what lets values unknown until apply be judged.
 */
function walkConfigModule(
  file: string,
  module: unknown,
  where: string,
  prefix: string,
  out: PlanConfiguration,
  depth: number,
): void {
  if (!isRecord(module))
    throw new InputError(file, `${where} must be an object, got ${describeType(module)}`);
  if (depth > 100) throw new InputError(file, `${where}: modules nest more than 100 levels deep`);
  (Array.isArray(module.resources) ? module.resources : []).forEach((raw, i) => {
    if (!isRecord(raw) || typeof raw.address !== 'string')
      throw new InputError(file, `${where}.resources[${i}] must be an object with an address`);
    const refs = new Map<string, string[]>();
    collectReferences(raw.expressions, '', refs);
    out.references.set(`${prefix}${raw.address}`, refs);
  });
  for (const [name, call] of Object.entries(isRecord(module.module_calls) ? module.module_calls : {})) {
    if (!isRecord(call))
      throw new InputError(
        file,
        `${where}.module_calls.${name} must be an object, got ${describeType(call)}`,
      );
    const childPrefix = `${prefix}module.${name}`;
    const inputs = new Map<string, string[]>();
    collectReferences(call.expressions, '', inputs);
    out.moduleInputs.set(childPrefix, inputs);
    const child = isRecord(call.module) ? call.module : undefined;
    if (child && isRecord(child.outputs)) {
      const outputs = new Map<string, string[]>();
      for (const [output, body] of Object.entries(child.outputs)) {
        const references =
          isRecord(body) && isRecord(body.expression) ? body.expression.references : undefined;
        if (Array.isArray(references))
          outputs.set(
            output,
            references.filter((r): r is string => typeof r === 'string'),
          );
      }
      out.moduleOutputs.set(childPrefix, outputs);
    }
    // A call without `module` (a module whose source could not be loaded) has nothing more to give.
    if (call.module !== undefined)
      walkConfigModule(
        file,
        call.module,
        `${where}.module_calls.${name}.module`,
        `${childPrefix}.`,
        out,
        depth + 1,
      );
  }
}

/** Flatten `expressions` into attribute path (dotted, block indexes dropped) → references. */
function collectReferences(expressions: unknown, prefix: string, out: Map<string, string[]>): void {
  if (Array.isArray(expressions)) {
    for (const item of expressions) collectReferences(item, prefix, out);
    return;
  }
  if (!isRecord(expressions)) return;
  for (const [key, expr] of Object.entries(expressions)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isRecord(expr) && Array.isArray(expr.references)) {
      const existing = out.get(path) ?? [];
      out.set(path, existing.concat(expr.references.filter((r): r is string => typeof r === 'string')));
    } else if (isRecord(expr) && !('constant_value' in expr)) collectReferences(expr, path, out);
    else if (Array.isArray(expr)) collectReferences(expr, path, out);
  }
}

function readPlanVariables(
  variables: unknown,
  declared: Map<string, { default?: unknown; hasDefault: boolean }>,
): Map<string, VariableDecl> {
  const out = new Map<string, VariableDecl>();
  const values = isRecord(variables) ? variables : {};
  for (const name of new Set([...Object.keys(values), ...declared.keys()])) {
    const v = Object.hasOwn(values, name) ? values[name] : undefined;
    const d = declared.get(name);
    out.set(name, {
      name,
      default: d?.default,
      hasDefault: d?.hasDefault ?? false,
      value: isRecord(v) ? v.value : undefined,
      hasValue: isRecord(v) && 'value' in v,
      validations: [],
    });
  }
  return out;
}

/** `where()` and `field` name the value in the error (`resource_changes[3].address`), spelled only then. */
function requireString(file: string, value: unknown, where: () => string, field: string): string {
  if (typeof value !== 'string' || value === '')
    throw new InputError(file, `${where()}.${field} must be a non-empty string, got ${describeType(value)}`);
  return value;
}
