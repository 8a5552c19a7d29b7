/**
 * Reference resolution at its edges: several instances of one resource (count, for_each, module
 * instances), module variables, the depth guard, and the instance indexes. Each result is checked
 * exactly, reason text included, since rules pass these reasons on to the user.
 */
import { buildWorkspace } from '../../policies/model/build';
import { instancesInModule, instancesWithKey } from '../../policies/model/indexes';
import { loadPlan } from '../../policies/model/load-plan';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { Resolver } from '../../policies/model/resolve';
import type { TfModel, TfResource } from '../../policies/model/types';
import { getStep } from '../../policies/model/values';
import { overridable } from '../helpers/variables';

interface PlannedResource {
  address: string;
  type: string;
  name: string;
  index?: string | number;
  mode?: 'managed' | 'data';
  values: Record<string, unknown>;
  /** after_unknown for the resource change; omitted for data sources read while planning. */
  unknown?: Record<string, unknown>;
}

interface PlannedModule {
  address?: string;
  resources: PlannedResource[];
  child_modules?: PlannedModule[];
}

function flatten(module: PlannedModule): (PlannedResource & { module?: string })[] {
  return [
    ...module.resources.map((r) => ({ ...r, module: module.address })),
    ...(module.child_modules ?? []).flatMap(flatten),
  ];
}

/** A `terraform show -json` plan with just the parts the resolver reads. */
function plan(
  root: PlannedModule,
  configuration: Record<string, unknown> = {},
  variables: Record<string, unknown> = {},
): TfModel {
  const strip = (m: PlannedModule): Record<string, unknown> => ({
    ...(m.address ? { address: m.address } : {}),
    resources: m.resources.map(({ unknown: _unknown, mode, ...r }) => ({ ...r, mode: mode ?? 'managed' })),
    child_modules: (m.child_modules ?? []).map(strip),
  });
  return loadPlan(
    {
      format_version: '1.2',
      variables,
      planned_values: { root_module: strip(root) },
      resource_changes: flatten(root)
        .filter((r) => r.mode !== 'data')
        .map((r) => ({
          address: r.address,
          ...(r.module ? { module_address: r.module } : {}),
          type: r.type,
          name: r.name,
          change: { actions: ['create'], before: null, after: r.values, after_unknown: r.unknown ?? {} },
        })),
      configuration: { root_module: configuration },
    },
    { file: 'plan.json', stack: 'p' },
  );
}

function at(model: TfModel, address: string): TfResource {
  const found = model.byAddress.get(address);
  if (!found) throw new Error(`no ${address} in ${[...model.byAddress.keys()].join(', ')}`);
  return found;
}

const rg = (
  index: number | string,
  location: unknown,
  extra: Record<string, unknown> = {},
): PlannedResource => ({
  address: `azurerm_resource_group.rg[${JSON.stringify(index)}]`,
  type: 'azurerm_resource_group',
  name: 'rg',
  index,
  values: { location, id: `/subscriptions/s/resourceGroups/rg-${index}`, ...extra },
});

/** A resource group instance whose location is known only after apply (no reference recorded). */
const unknownRg = (index: number): PlannedResource => ({
  ...rg(index, null),
  unknown: { location: true },
});

/** A storage account whose `location` and `resource_group_id` are known only after apply, referring to `reference`. */
function dependent(reference: string): [PlannedResource, Record<string, unknown>] {
  return [
    {
      address: 'azurerm_storage_account.sa',
      type: 'azurerm_storage_account',
      name: 'sa',
      values: { name: 'sa' },
      unknown: { location: true, resource_group_id: true },
    },
    {
      address: 'azurerm_storage_account.sa',
      expressions: {
        location: { references: [`${reference}.location`, reference] },
        resource_group_id: { references: [`${reference}.id`, reference] },
      },
    },
  ];
}

function resolveAgainst(group: PlannedResource[], reference: string) {
  const [sa, config] = dependent(reference);
  const model = plan({ resources: [...group, sa] }, { resources: [config] });
  const resolver = new Resolver(buildWorkspace([model]));
  const account = at(model, 'azurerm_storage_account.sa');
  return {
    model,
    location: resolver.value(model, account, 'location'),
    target: resolver.target(model, account, 'resource_group_id'),
  };
}

describe('a reference to a resource with several instances', () => {
  test('instances that all agree give their common value; a target among them is ambiguous', () => {
    const { location, target } = resolveAgainst(
      [rg(0, 'norwayeast', { tags: { a: 1 } }), rg(1, 'norwayeast')],
      'azurerm_resource_group.rg',
    );
    expect(location).toEqual({ kind: 'known', value: 'norwayeast' });
    expect(target).toEqual({
      kind: 'unknown',
      reason: 'it refers to 2 instances of azurerm_resource_group.rg',
    });
  });

  test('equal objects count as agreeing, compared by content', () => {
    const group = [rg(0, { region: 'norwayeast' }), rg(1, { region: 'norwayeast' })];
    expect(resolveAgainst(group, 'azurerm_resource_group.rg').location).toEqual({
      kind: 'known',
      value: { region: 'norwayeast' },
    });
  });

  test.each([
    ['differ', [rg(0, 'norwayeast'), rg(1, 'westeurope')]],
    ['include an absent value', [rg(0, 'norwayeast'), rg(1, null)]],
    ['include an absent value first', [rg(0, null), rg(1, 'norwayeast')]],
    ['are three, one differing', [rg(0, 'norwayeast'), rg(1, 'norwayeast'), rg(2, 'westeurope')]],
  ])('instances that %s leave the value unknown', (_, group) => {
    expect(resolveAgainst(group, 'azurerm_resource_group.rg').location).toEqual({
      kind: 'unknown',
      reason: `azurerm_resource_group.rg has ${group.length} instances that differ or are unknown`,
    });
  });

  test.each([
    ['are all unknown', [unknownRg(0), unknownRg(1)]],
    // The known ones agreeing says nothing about the unknown one.
    ['agree where known, with one unknown', [rg(0, 'norwayeast'), unknownRg(1), rg(2, 'norwayeast')]],
  ])('instances that %s leave the value unknown', (_, group) => {
    expect(resolveAgainst(group, 'azurerm_resource_group.rg').location).toEqual({
      kind: 'unknown',
      reason: `azurerm_resource_group.rg has ${group.length} instances that differ or are unknown`,
    });
  });

  test('a single for_each instance referenced by its key is that instance', () => {
    const { model, location, target } = resolveAgainst(
      [rg('only', 'norwayeast')],
      'azurerm_resource_group.rg["only"]',
    );
    expect(location).toEqual({ kind: 'known', value: 'norwayeast' });
    expect(target).toEqual({
      kind: 'resource',
      model,
      resource: at(model, 'azurerm_resource_group.rg["only"]'),
    });
  });

  test('a count index picks its instance', () => {
    const { model, location, target } = resolveAgainst(
      [rg(0, 'westeurope'), rg(1, 'norwayeast')],
      'azurerm_resource_group.rg[1]',
    );
    expect(location).toEqual({ kind: 'known', value: 'norwayeast' });
    expect(target).toEqual({ kind: 'resource', model, resource: at(model, 'azurerm_resource_group.rg[1]') });
  });

  test('a for_each key picks its instance', () => {
    const { model, location, target } = resolveAgainst(
      [rg('a', 'westeurope'), rg('b', 'norwayeast')],
      'azurerm_resource_group.rg["b"]',
    );
    expect(location).toEqual({ kind: 'known', value: 'norwayeast' });
    expect(target).toEqual({
      kind: 'resource',
      model,
      resource: at(model, 'azurerm_resource_group.rg["b"]'),
    });
  });

  test('an index no instance has is reported, not read as an attribute', () => {
    const { location, target } = resolveAgainst(
      [rg(0, 'norwayeast'), rg(1, 'norwayeast')],
      'azurerm_resource_group.rg[5]',
    );
    expect(location).toEqual({
      kind: 'unknown',
      reason: 'azurerm_resource_group.rg.5.location: no such instance',
    });
    expect(target).toEqual({ kind: 'unknown', reason: 'azurerm_resource_group.rg.5.id: no such instance' });
  });

  test('a string that is no instance key is an attribute name', () => {
    // `location` is not a for_each key, so it is read on every instance.
    const { location } = resolveAgainst(
      [rg('a', 'norwayeast'), rg('b', 'norwayeast')],
      'azurerm_resource_group.rg',
    );
    expect(location).toEqual({ kind: 'known', value: 'norwayeast' });
  });

  test('the index of a single remaining instance is consumed, not read as a block index', () => {
    expect(resolveAgainst([rg(0, 'norwayeast')], 'azurerm_resource_group.rg[0]').location).toEqual({
      kind: 'known',
      value: 'norwayeast',
    });
    // Reading `1` inside the instance would find nothing.
    expect(resolveAgainst([rg(1, 'norwayeast')], 'azurerm_resource_group.rg[1]').location).toEqual({
      kind: 'known',
      value: 'norwayeast',
    });
  });
});

describe('module instances and module inputs in a plan', () => {
  const inModule = (
    module: string,
    location: string | null,
    extra: Partial<PlannedResource> = {},
  ): PlannedModule => ({
    address: module,
    resources: [
      {
        address: `${module}.azurerm_resource_group.rg`,
        type: 'azurerm_resource_group',
        name: 'rg',
        values: { location },
      },
      {
        address: `${module}.azurerm_storage_account.sa`,
        type: 'azurerm_storage_account',
        name: 'sa',
        values: { name: 'sa' },
        unknown: { location: true, region: true, kind: true },
        ...extra,
      },
    ],
  });
  const moduleConfig = (inputs: Record<string, unknown>, child?: Record<string, unknown>) => ({
    expressions: inputs,
    module: {
      resources: [
        {
          address: 'azurerm_storage_account.sa',
          expressions: {
            location: { references: ['azurerm_resource_group.rg.location', 'azurerm_resource_group.rg'] },
            region: { references: ['var.region'] },
            kind: { references: ['var.kind'] },
          },
        },
      ],
      ...(child ? { module_calls: child } : {}),
    },
  });

  test('a reference inside a module instance reads the resource of the same instance', () => {
    const model = plan(
      {
        resources: [],
        child_modules: [inModule('module.m["a"]', 'norwayeast'), inModule('module.m["b"]', 'westeurope')],
      },
      { module_calls: { m: moduleConfig({}) } },
    );
    const resolver = new Resolver(buildWorkspace([model]));
    expect(resolver.value(model, at(model, 'module.m["a"].azurerm_storage_account.sa'), 'location')).toEqual({
      kind: 'known',
      value: 'norwayeast',
    });
    expect(resolver.value(model, at(model, 'module.m["b"].azurerm_storage_account.sa'), 'location')).toEqual({
      kind: 'known',
      value: 'westeurope',
    });
  });

  test("a module instance without its own instance of the referenced resource does not borrow another's", () => {
    const withoutRg: PlannedModule = {
      ...inModule('module.m["a"]', null),
      resources: inModule('module.m["a"]', null).resources.filter((r) => r.type !== 'azurerm_resource_group'),
    };
    const model = plan(
      { resources: [], child_modules: [withoutRg, inModule('module.m["b"]', 'norwayeast')] },
      { module_calls: { m: moduleConfig({}) } },
    );
    const resolver = new Resolver(buildWorkspace([model]));
    expect(resolver.value(model, at(model, 'module.m["a"].azurerm_storage_account.sa'), 'location')).toEqual({
      kind: 'unknown',
      reason:
        'azurerm_resource_group.rg.location refers to module.m.azurerm_resource_group.rg, which is not in this configuration',
    });
  });

  test('a local inside a module of a plan is not known (plans do not carry locals)', () => {
    const model = plan(
      { resources: [], child_modules: [inModule('module.m["a"]', 'norwayeast')] },
      {
        module_calls: {
          m: {
            module: {
              resources: [
                {
                  address: 'azurerm_storage_account.sa',
                  expressions: { kind: { references: ['local.tier'] } },
                },
              ],
            },
          },
        },
      },
    );
    const resolver = new Resolver(buildWorkspace([model]));
    expect(resolver.value(model, at(model, 'module.m["a"].azurerm_storage_account.sa'), 'kind')).toEqual({
      kind: 'unknown',
      reason: 'local.tier is not defined',
    });
  });

  test('a module instance whose for_each key holds dots (a host name) still finds its caller', () => {
    const model = plan(
      { resources: [], child_modules: [inModule('module.m["app.helse.no"]', 'norwayeast')] },
      { module_calls: { m: moduleConfig({ region: { references: ['var.location'] } }) } },
      { location: { value: 'norwaywest' } },
    );
    const resolver = new Resolver(buildWorkspace([model]));
    const sa = at(model, 'module.m["app.helse.no"].azurerm_storage_account.sa');
    expect(resolver.value(model, sa, 'region')).toEqual({ kind: 'known', value: 'norwaywest' });
  });

  test('a module variable follows the input the module call records, up to the root variables', () => {
    const model = plan(
      { resources: [], child_modules: [inModule('module.m["a"]', 'norwayeast')] },
      {
        module_calls: {
          m: moduleConfig({
            region: { references: ['var.location'] },
            kind: { constant_value: 'StorageV2' },
          }),
        },
      },
      { location: { value: 'norwayeast' } },
    );
    const resolver = new Resolver(buildWorkspace([model]));
    const sa = at(model, 'module.m["a"].azurerm_storage_account.sa');
    expect(resolver.value(model, sa, 'region')).toEqual({ kind: 'known', value: 'norwayeast' });
    // A constant input leaves no reference to follow (the planned value would normally be known).
    expect(resolver.value(model, sa, 'kind')).toEqual({
      kind: 'unknown',
      reason: 'module input var.kind of module.m["a"] is not resolvable',
    });
  });

  test('a nested module variable is followed through each calling module in turn', () => {
    const outer: PlannedModule = {
      address: 'module.outer',
      resources: [],
      child_modules: [inModule('module.outer.module.inner', 'norwayeast')],
    };
    const model = plan(
      { resources: [], child_modules: [outer] },
      {
        module_calls: {
          outer: {
            expressions: { loc: { references: ['var.location'] } },
            module: { module_calls: { inner: moduleConfig({ region: { references: ['var.loc'] } }) } },
          },
        },
      },
      { location: { value: 'westeurope' } },
    );
    const resolver = new Resolver(buildWorkspace([model]));
    expect(
      resolver.value(model, at(model, 'module.outer.module.inner.azurerm_storage_account.sa'), 'region'),
    ).toEqual({
      kind: 'known',
      value: 'westeurope',
    });
  });
});

describe('plan values', () => {
  const model = plan(
    {
      resources: [
        {
          address: 'azurerm_storage_account.sa',
          type: 'azurerm_storage_account',
          name: 'sa',
          values: {
            name: 'sa',
            tags: null,
            network_rules: [{ default_action: null, bypass: ['AzureServices'] }],
          },
          unknown: {
            network_rules: [{ default_action: true }],
            location: true,
            kind: true,
            region: true,
            zone: true,
            x: true,
          },
        },
        {
          address: 'data.azurerm_resource_group.existing',
          mode: 'data',
          type: 'azurerm_resource_group',
          name: 'existing',
          values: { location: 'norwayeast', id: '/subscriptions/s/resourceGroups/existing' },
        },
      ],
    },
    {
      resources: [
        {
          address: 'azurerm_storage_account.sa',
          expressions: {
            network_rules: [{ default_action: { references: ['var.action'] } }],
            location: { references: ['var.settings.region', 'var.settings'] },
            kind: { references: [] },
            region: { references: ['var.nothing'] },
            zone: { references: ['var.declared'] },
            x: { references: ['local.anything'] },
          },
        },
      ],
      variables: { declared: { default: 'norwaywest' } },
    },
    {
      action: { value: 'Deny' },
      settings: { value: { region: 'norwayeast' } },
      nothing: { value: null },
      declared: {},
    },
  );
  const sa = at(model, 'azurerm_storage_account.sa');

  test.each([
    ['name', { kind: 'known', value: 'sa' }],
    ['tags', { kind: 'absent' }],
    ['network_rules.0.bypass', { kind: 'known', value: ['AzureServices'] }],
    // Unknown in a nested block: the reference is recorded under the path without block indexes.
    ['network_rules.0.default_action', { kind: 'known', value: 'Deny' }],
    ['location', { kind: 'known', value: 'norwayeast' }],
    ['kind', { kind: 'unknown', reason: 'kind of azurerm_storage_account.sa is only known after apply' }],
    ['region', { kind: 'absent' }],
    // Passed without a value: the declared default is what Terraform uses.
    ['zone', { kind: 'known', value: 'norwaywest' }],
    ['x', { kind: 'unknown', reason: 'local.anything is not defined' }],
  ])('%s', (path, expected) =>
    expect(new Resolver(buildWorkspace([model])).value(model, sa, path)).toEqual(expected),
  );

  test('a data source read while planning has no change and reads directly', () => {
    const resolver = new Resolver(buildWorkspace([model]));
    const existing = at(model, 'data.azurerm_resource_group.existing');
    expect(existing.change).toBeUndefined();
    expect(resolver.value(model, existing, 'location')).toEqual({ kind: 'known', value: 'norwayeast' });
    expect(resolver.target(model, existing, 'id')).toEqual({ kind: 'resource', model, resource: existing });
  });

  test('a target the plan sets to null or leaves out is absent; a non-string is no id', () => {
    const resolver = new Resolver(buildWorkspace([model]));
    expect(resolver.target(model, sa, 'tags')).toEqual({ kind: 'absent' });
    expect(resolver.target(model, sa, 'missing')).toEqual({ kind: 'absent' });
    expect(resolver.target(model, sa, 'network_rules.0.bypass')).toEqual({
      kind: 'unknown',
      reason: 'network_rules.bypass is not a resource id',
    });
  });

  test('the depth guard: a plan value is read at depth 32 and refused beyond', () => {
    expect(new Resolver(buildWorkspace([model])).value(model, sa, 'name', 32)).toEqual({
      kind: 'known',
      value: 'sa',
    });
    expect(new Resolver(buildWorkspace([model])).value(model, sa, 'name', 33)).toEqual({
      kind: 'unknown',
      reason: 'references nest too deep (a cycle?)',
    });
  });

  test('a literal id matches the first resource holding it across the workspace', () => {
    const holder = (stack: string) =>
      loadPlan(
        {
          format_version: '1.2',
          planned_values: {
            root_module: {
              resources: [
                {
                  address: 'azurerm_resource_group.rg',
                  mode: 'managed',
                  type: 'azurerm_resource_group',
                  name: 'rg',
                  values: { id: '/S/RG' },
                },
              ],
            },
          },
          resource_changes: [
            { address: 'azurerm_resource_group.rg', change: { actions: ['no-op'], before: {}, after: {} } },
          ],
        },
        { file: `${stack}.json`, stack },
      );
    const first = holder('first');
    const second = holder('second');
    const byId = new Resolver(buildWorkspace([first, second]));
    expect(byId.target(second, at(second, 'azurerm_resource_group.rg'), 'id')).toEqual({
      kind: 'resource',
      model: first,
      resource: at(first, 'azurerm_resource_group.rg'),
    });
  });
});

describe('synthesized JSON: what each kind of reference resolves to', () => {
  const producer = loadTerraformJson(
    {
      output: {
        settings: { value: { region: 'norwayeast' } },
        plain: { value: 'norwayeast' },
        nothing: { value: null },
      },
    },
    { file: 'platform.tf.json', stack: 'platform' },
  );
  const remote = (rest: string) =>
    `\${data.terraform_remote_state.cross-stack-reference-input-platform.${rest}}`;
  const consumer = loadTerraformJson(
    {
      variable: {
        settings: { default: { region: 'norwaywest' } },
        nullish: { default: null },
        scope_id: { default: '/subscriptions/s/resourceGroups/shared' },
        bounded: { validation: [{ condition: '${contains(["norwayeast"], var.bounded)}' }] },
      },
      locals: { region: '${lower(var.settings)}' },
      data: {
        azurerm_resource_group: { existing: { name: 'rg', location: 'norwayeast' } },
        terraform_remote_state: { 'cross-stack-reference-input-platform': { backend: 'azurerm' } },
      },
      resource: {
        azurerm_resource_group: {
          literal: { id: '/subscriptions/s/resourceGroups/literal', location: 'norwayeast' },
        },
        azurerm_storage_account: {
          sa: {
            from_module: '${module.network.subnet_id}',
            from_count: '${count.index}',
            from_self: '${self.id}',
            from_path: '${path.module}',
            from_terraform: '${terraform.workspace}',
            from_data: '${data.azurerm_resource_group.existing.location}',
            from_missing_data: '${data.azurerm_resource_group.gone.location}',
            remote_config: remote('config.x'),
            remote_object: remote('outputs.settings.region'),
            remote_literal_deeper: remote('outputs.plain.region'),
            remote_null: remote('outputs.nothing'),
            settings: '${var.settings}',
            literal: 'norwayeast',
            computed: '${upper(var.settings)}',
            block: [{ nested: { deeper: 'x' } }],
            nullish: '${var.nullish}',
            bounded: '${var.bounded}',
            literal_id: '/subscriptions/s/resourceGroups/literal',
            numbers: [1, 2],
            from_local: '${local.region}',
            written_null: null,
            id_from_var: '${var.scope_id}',
          },
        },
      },
    },
    { file: 'workload.tf.json', stack: 'workload' },
  );
  const sa = at(consumer, 'azurerm_storage_account.sa');
  const fresh = () => new Resolver(buildWorkspace([producer, consumer]));
  const value = (path: string) => fresh().value(consumer, sa, path);

  test.each([
    ['from_module', 'module.network.subnet_id'],
    ['from_count', 'count.index'],
    ['from_self', 'self.id'],
    ['from_path', 'path.module'],
    ['from_terraform', 'terraform.workspace'],
  ])('%s: known only at apply', (path, text) =>
    expect(value(path)).toEqual({ kind: 'unknown', reason: `${text} is not resolvable before apply` }),
  );

  test.each([
    ['from_data', { kind: 'known', value: 'norwayeast' }],
    [
      'from_missing_data',
      {
        kind: 'unknown',
        reason:
          'data.azurerm_resource_group.gone.location refers to data.azurerm_resource_group.gone, which is not in this configuration',
      },
    ],
    [
      'remote_config',
      {
        kind: 'unknown',
        reason:
          'data.terraform_remote_state.cross-stack-reference-input-platform is read from another state at apply time',
      },
    ],
    ['remote_object', { kind: 'known', value: 'norwayeast' }],
    ['remote_literal_deeper', { kind: 'absent' }],
    ['remote_null', { kind: 'absent' }],
    // A string part-way along the path is resolved, then the rest of the path read inside its value.
    // ... but a root variable's default is no promise: -var may set another value.
    ['settings.region', overridable('settings', '{"region":"norwaywest"}')],
    ['settings.missing', overridable('settings', '{"region":"norwaywest"}')],
    ['literal.region', { kind: 'absent' }],
    [
      'computed.region',
      { kind: 'unknown', reason: 'the expression ${upper(var.settings)} is computed by Terraform' },
    ],
    ['block.0.nested.deeper', { kind: 'known', value: 'x' }],
    ['nullish', overridable('nullish', 'null')],
    ['written_null', { kind: 'absent' }],
    // A local (like a default or a module input) may itself hold an expression Terraform computes.
    [
      'from_local',
      { kind: 'unknown', reason: 'the expression ${lower(var.settings)} is computed by Terraform' },
    ],
  ])('%s', (path, expected) => expect(value(path)).toEqual(expected));

  test('a key holding a dot is memoised apart from the nested keys it looks like', () => {
    const tagged = loadTerraformJson(
      {
        resource: {
          azurerm_resource_group: {
            rg: { tags: { 'kubernetes.io/role': 'dotted', kubernetes: { 'io/role': 'nested' } } },
          },
        },
      },
      { file: 'tags.tf.json' },
    );
    const rg = at(tagged, 'azurerm_resource_group.rg');
    const resolver = new Resolver(buildWorkspace([tagged]));
    expect(resolver.value(tagged, rg, ['tags', 'kubernetes.io/role'])).toEqual({
      kind: 'known',
      value: 'dotted',
    });
    expect(resolver.value(tagged, rg, ['tags', 'kubernetes', 'io/role'])).toEqual({
      kind: 'known',
      value: 'nested',
    });
    expect(resolver.value(tagged, rg, 'tags.kubernetes.io/role')).toEqual({ kind: 'known', value: 'nested' });
  });

  test('paths given as segments are memoised each under their own key', () => {
    const resolver = fresh();
    expect(resolver.value(consumer, sa, ['literal'])).toEqual({ kind: 'known', value: 'norwayeast' });
    expect(resolver.value(consumer, sa, ['block', 0, 'nested'])).toEqual({
      kind: 'known',
      value: { deeper: 'x' },
    });
    expect(resolver.value(consumer, sa, ['block', 0, 'nested', 'deeper'])).toEqual({
      kind: 'known',
      value: 'x',
    });
  });

  test.each([
    ['settings', overridable('settings', '{"region":"norwaywest"}')],
    ['bounded', { kind: 'unknown', reason: 'var.bounded is limited by its validation to norwayeast' }],
    ['nullish', overridable('nullish', 'null')],
    ['written_null', { kind: 'absent' }],
    ['missing', { kind: 'absent' }],
    // A variable whose default is an id: no promise either.
    ['id_from_var', overridable('scope_id', '"/subscriptions/s/resourceGroups/shared"')],
    ['from_self', { kind: 'unknown', reason: 'self.id is not resolvable before apply' }],
    // An `id` written in configuration is an argument, not the id Azure assigns: nothing is matched by it.
    ['literal_id', { kind: 'external', value: '/subscriptions/s/resourceGroups/literal' }],
    ['numbers.1', { kind: 'unknown', reason: 'numbers is not a resource id' }],
    ['block.0.nested', { kind: 'unknown', reason: 'block.nested is not a resource id' }],
  ])('target %s', (path, expected) => expect(fresh().target(consumer, sa, path)).toEqual(expected));

  test('the depth guard also holds for a value asked for directly at too great a depth', () => {
    expect(fresh().value(consumer, sa, 'literal', 32)).toEqual({ kind: 'known', value: 'norwayeast' });
    expect(fresh().value(consumer, sa, 'literal', 33)).toEqual({
      kind: 'unknown',
      reason: 'references nest too deep (a cycle?)',
    });
  });

  test.each([
    [32, { kind: 'known', value: 'norwayeast' }],
    [33, { kind: 'unknown', reason: 'references nest too deep (a cycle?)' }],
  ])('a chain of %i resource references ends at the depth limit', (length, expected) => {
    // r0.location → r1.location → … → r<length>.location = "norwayeast"
    const groups: Record<string, unknown> = {};
    for (let i = 0; i < length; i++)
      groups[`r${i}`] = { location: `\${azurerm_resource_group.r${i + 1}.location}` };
    groups[`r${length}`] = { location: 'norwayeast' };
    const chain = loadTerraformJson(
      { resource: { azurerm_resource_group: groups } },
      { file: 'chain.tf.json' },
    );
    expect(
      new Resolver(buildWorkspace([chain])).value(chain, at(chain, 'azurerm_resource_group.r0'), 'location'),
    ).toEqual(expected);
  });
});

describe('instance indexes', () => {
  const model = plan({
    resources: [rg(0, 'norwayeast'), rg(1, 'norwaywest'), rg('0', 'westeurope')],
    child_modules: [
      {
        address: 'module.m["a"]',
        resources: [
          {
            address: 'module.m["a"].azurerm_key_vault.kv',
            type: 'azurerm_key_vault',
            name: 'kv',
            values: {},
          },
        ],
      },
      {
        address: 'module.m["b"]',
        resources: [
          {
            address: 'module.m["b"].azurerm_key_vault.kv[0]',
            type: 'azurerm_key_vault',
            name: 'kv',
            index: 0,
            values: {},
          },
          {
            address: 'module.m["b"].azurerm_key_vault.kv[1]',
            type: 'azurerm_key_vault',
            name: 'kv',
            index: 1,
            values: {},
          },
        ],
      },
    ],
  });
  const addresses = (list: readonly TfResource[]) => list.map((r) => r.address);

  test('instancesWithKey matches count indexes and for_each keys exactly (0 is not "0")', () => {
    expect(addresses(instancesWithKey(model, 'azurerm_resource_group.rg', 0))).toEqual([
      'azurerm_resource_group.rg[0]',
    ]);
    expect(addresses(instancesWithKey(model, 'azurerm_resource_group.rg', '0'))).toEqual([
      'azurerm_resource_group.rg["0"]',
    ]);
    expect(addresses(instancesWithKey(model, 'azurerm_resource_group.rg', 1))).toEqual([
      'azurerm_resource_group.rg[1]',
    ]);
    expect(instancesWithKey(model, 'azurerm_resource_group.rg', 2)).toEqual([]);
    expect(instancesWithKey(model, 'azurerm_resource_group.rg', NaN)).toEqual([]);
    expect(instancesWithKey(model, 'azurerm_resource_group.none', 0)).toEqual([]);
  });

  test('instancesWithKey with no key finds the instances without one, in model order', () => {
    expect(addresses(instancesWithKey(model, 'module.m.azurerm_key_vault.kv', undefined))).toEqual([
      'module.m["a"].azurerm_key_vault.kv',
    ]);
    expect(addresses(instancesWithKey(model, 'module.m.azurerm_key_vault.kv', 0))).toEqual([
      'module.m["b"].azurerm_key_vault.kv[0]',
    ]);
  });

  test('instancesInModule groups by module instance, in model order', () => {
    expect(addresses(instancesInModule(model, 'module.m.azurerm_key_vault.kv', 'module.m["b"]'))).toEqual([
      'module.m["b"].azurerm_key_vault.kv[0]',
      'module.m["b"].azurerm_key_vault.kv[1]',
    ]);
    expect(addresses(instancesInModule(model, 'module.m.azurerm_key_vault.kv', 'module.m["a"]'))).toEqual([
      'module.m["a"].azurerm_key_vault.kv',
    ]);
    expect(addresses(instancesInModule(model, 'azurerm_resource_group.rg', ''))).toEqual([
      'azurerm_resource_group.rg[0]',
      'azurerm_resource_group.rg[1]',
      'azurerm_resource_group.rg["0"]',
    ]);
    expect(instancesInModule(model, 'module.m.azurerm_key_vault.kv', 'module.m["c"]')).toEqual([]);
    expect(instancesInModule(model, 'module.m.azurerm_key_vault.nope', 'module.m["a"]')).toEqual([]);
  });

  test('each index is built once per model', () => {
    expect(instancesInModule(model, 'azurerm_resource_group.rg', '')).toBe(
      instancesInModule(model, 'azurerm_resource_group.rg', ''),
    );
    expect(instancesWithKey(model, 'azurerm_resource_group.rg', 0)).toBe(
      instancesWithKey(model, 'azurerm_resource_group.rg', 0),
    );
  });
});

test('getStep reads nothing from nothing', () => {
  expect(getStep(undefined, 'a')).toBeUndefined();
  expect(getStep(null, 0)).toBeUndefined();
  expect(getStep({ a: 1 }, 'a')).toBe(1);
});
