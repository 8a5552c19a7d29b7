/**
 * policies/model/resolve.ts on plans: several instances of one resource (count, for_each, module
 * instances), module variables, plan values and the depth guard. Each result is checked exactly, reason
 * text included, since rules pass these reasons on to the user.
 */
import { buildWorkspace } from '../../policies/model/build';
import { loadPlan } from '../../policies/model/load-plan';
import { Resolver } from '../../policies/model/resolve';
import type { TfModel, TfResource } from '../../policies/model/types';

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

describe('Resolver on plans', () => {
  const plan = (): TfModel =>
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
                values: { location: 'norwayeast', id: '/subscriptions/s/resourceGroups/RG' },
              },
              {
                address: 'azurerm_storage_account.sa',
                mode: 'managed',
                type: 'azurerm_storage_account',
                name: 'sa',
                values: { name: 'sa', n: 3 },
              },
              {
                address: 'azurerm_role_assignment.ra',
                mode: 'managed',
                type: 'azurerm_role_assignment',
                name: 'ra',
                values: { scope: '/subscriptions/s/resourcegroups/rg', other: '/x' },
              },
            ],
          },
        },
        resource_changes: [
          { address: 'azurerm_resource_group.rg', change: { actions: ['no-op'], before: {}, after: {} } },
          {
            address: 'azurerm_storage_account.sa',
            change: {
              actions: ['create'],
              before: null,
              after: {},
              after_unknown: { location: true, id: true, tags: true },
            },
          },
          {
            address: 'azurerm_role_assignment.ra',
            change: {
              actions: ['create'],
              before: null,
              after: {},
              after_unknown: { principal_id: true, role: true },
            },
          },
        ],
        configuration: {
          root_module: {
            resources: [
              {
                address: 'azurerm_storage_account.sa',
                expressions: {
                  location: {
                    references: ['azurerm_resource_group.rg.location', 'azurerm_resource_group.rg'],
                  },
                  tags: { references: ['not a traversal'] },
                },
              },
              {
                address: 'azurerm_role_assignment.ra',
                expressions: {
                  principal_id: {
                    references: ['azurerm_storage_account.sa.id', 'azurerm_storage_account.sa'],
                  },
                },
              },
            ],
          },
        },
      },
      { file: 'plan.json', stack: 'p' },
    );
  const model = plan();
  const resolver = new Resolver(buildWorkspace([model]));
  const at = (address: string) => model.resources.find((r) => r.address === address)!;

  test('an unknown value follows the first reference the configuration records', () => {
    expect(resolver.value(model, at('azurerm_storage_account.sa'), 'location')).toEqual({
      kind: 'known',
      value: 'norwayeast',
    });
    expect(resolver.value(model, at('azurerm_storage_account.sa'), 'tags')).toEqual({
      kind: 'unknown',
      reason: 'tags of azurerm_storage_account.sa is only known after apply',
    });
    expect(resolver.value(model, at('azurerm_storage_account.sa'), 'id')).toEqual({
      kind: 'unknown',
      reason: 'id of azurerm_storage_account.sa is only known after apply',
    });
    expect(resolver.value(model, at('azurerm_storage_account.sa'), 'n')).toEqual({ kind: 'known', value: 3 });
    expect(resolver.value(model, at('azurerm_storage_account.sa'), 'missing')).toEqual({ kind: 'absent' });
  });

  test('targets in a plan: by reference, by literal id (case-insensitive), unknown, absent, external', () => {
    const ra = at('azurerm_role_assignment.ra');
    expect(resolver.target(model, ra, 'principal_id')).toMatchObject({
      kind: 'resource',
      resource: { address: 'azurerm_storage_account.sa' },
    });
    expect(resolver.target(model, ra, 'scope')).toMatchObject({
      kind: 'resource',
      resource: { address: 'azurerm_resource_group.rg' },
    });
    expect(resolver.target(model, ra, 'role')).toEqual({
      kind: 'unknown',
      reason: 'role is only known after apply',
    });
    expect(resolver.target(model, ra, 'nothing')).toEqual({ kind: 'absent' });
    expect(resolver.target(model, ra, 'other')).toEqual({ kind: 'external', value: '/x' });
    expect(resolver.target(model, at('azurerm_storage_account.sa'), 'n')).toEqual({
      kind: 'unknown',
      reason: 'n is not a resource id',
    });
  });
});

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

  test('a resource the plan marks unknown as a whole has no attribute known before apply', () => {
    const whole = plan({
      resources: [
        {
          address: 'azurerm_resource_group.rg',
          type: 'azurerm_resource_group',
          name: 'rg',
          values: {},
          unknown: true as unknown as Record<string, unknown>,
        },
      ],
    });
    expect(
      new Resolver(buildWorkspace([whole])).value(whole, at(whole, 'azurerm_resource_group.rg'), 'location'),
    ).toEqual({ kind: 'unknown', reason: 'location of azurerm_resource_group.rg is only known after apply' });
  });

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

describe('whether a plan configures a value itself', () => {
  const model = plan(
    {
      resources: [
        {
          address: 'azurerm_storage_account.sa',
          type: 'azurerm_storage_account',
          name: 'sa',
          values: { name: 'sa', tags: null, network_rules: [{ default_action: null, ip_rules: null }] },
          unknown: { location: true, identity: true, network_rules: [{ default_action: true }] },
        },
        {
          address: 'data.azurerm_resource_group.existing',
          mode: 'data',
          type: 'azurerm_resource_group',
          name: 'existing',
          values: { location: 'norwayeast' },
        },
      ],
    },
    {
      resources: [
        {
          address: 'azurerm_storage_account.sa',
          expressions: {
            location: { references: ['azurerm_resource_group.rg.location', 'azurerm_resource_group.rg'] },
            network_rules: [{ default_action: { references: ['var.action'] } }],
          },
        },
      ],
    },
  );
  const resolver = new Resolver(buildWorkspace([model]));
  const sa = at(model, 'azurerm_storage_account.sa');

  test.each([
    ['name', true],
    ['location', true],
    ['network_rules.0.default_action', true],
    // Known only after apply with nothing in the configuration behind it: the provider computes it.
    ['identity', false],
    ['tags', false],
    ['missing', false],
  ])('%s of a planned resource: %s', (path, expected) => {
    expect(resolver.isConfigured(sa, path)).toBe(expected);
  });

  test.each([
    ['name', true],
    ['location', true],
    // Known only after apply, computed by the provider: still set by the time it applies.
    ['identity', true],
    ['network_rules.0.default_action', true],
    ['tags', false],
    ['network_rules.0.bypass', false],
    ['network_rules.0.ip_rules', false],
    ['missing', false],
  ])('%s of a planned resource is written: %s', (path, expected) => {
    expect(resolver.isWritten(sa, path)).toBe(expected);
  });

  test('a plan holds no literals or dynamic blocks, only values', () => {
    expect(resolver.isLiteral(sa, 'name')).toBe(false);
    expect(resolver.isDynamicBlock(sa, 'network_rules')).toBe(false);
  });

  test('a data source read while planning (no change) configures what it holds', () => {
    const existing = at(model, 'data.azurerm_resource_group.existing');
    expect(resolver.isConfigured(existing, 'location')).toBe(true);
    expect(resolver.isConfigured(existing, 'tags')).toBe(false);
    expect(resolver.isWritten(existing, 'location')).toBe(true);
    expect(resolver.isWritten(existing, 'tags.env')).toBe(false);
  });
});

describe('a known id in a plan and the reference behind it', () => {
  const VAULT = '/subscriptions/s/resourceGroups/r/providers/Microsoft.KeyVault/vaults';
  const refs = (...references: string[]) => ({ references });
  const model = plan(
    {
      resources: [
        {
          address: 'azurerm_key_vault.new',
          type: 'azurerm_key_vault',
          name: 'new',
          values: { name: 'kv-new' },
          unknown: { id: true },
        },
        {
          address: 'azurerm_key_vault.second',
          type: 'azurerm_key_vault',
          name: 'second',
          values: { name: 'kv-second' },
          unknown: { id: true },
        },
        {
          address: 'azurerm_key_vault.existing',
          type: 'azurerm_key_vault',
          name: 'existing',
          values: { name: 'kv-existing', id: `${VAULT}/kv-existing` },
        },
        ...[0, 1].map((index) => ({
          address: `azurerm_key_vault.many[${index}]`,
          type: 'azurerm_key_vault',
          name: 'many',
          index,
          values: { name: `kv-many-${index}` },
          unknown: { id: true },
        })),
        {
          address: 'azurerm_monitor_diagnostic_setting.d',
          type: 'azurerm_monitor_diagnostic_setting',
          name: 'd',
          values: {
            name: 'd',
            to_new: `${VAULT}/kv-new`,
            to_new_whole: `${VAULT}/kv-new`,
            known_elsewhere: `${VAULT}/kv-existing`,
            contradicted: `${VAULT}/elsewhere`,
            contradicted_whole: `${VAULT}/elsewhere`,
            to_many: `${VAULT}/kv-many`,
            trailing: `${VAULT.toUpperCase()}/KV-EXISTING///`,
          },
          unknown: {
            composed: true,
            mixed: true,
            mixed_unknown: true,
            of_many: true,
            one_then_all: true,
            all_then_one: true,
            ids: [true, true],
            uneven: [true, true, true],
          },
        },
      ],
    },
    {
      resources: [
        {
          address: 'azurerm_monitor_diagnostic_setting.d',
          expressions: {
            to_new: refs('azurerm_key_vault.new.id', 'azurerm_key_vault.new'),
            to_new_whole: refs('azurerm_key_vault.new'),
            known_elsewhere: refs('azurerm_key_vault.new.id', 'azurerm_key_vault.new'),
            contradicted: refs('azurerm_key_vault.existing.id', 'azurerm_key_vault.existing'),
            contradicted_whole: refs('azurerm_key_vault.existing'),
            to_many: refs('azurerm_key_vault.many.id', 'azurerm_key_vault.many'),
            composed: refs('azurerm_key_vault.new.id', 'azurerm_key_vault.new.name', 'azurerm_key_vault.new'),
            mixed: refs('azurerm_key_vault.new.id', 'azurerm_key_vault.existing.name'),
            mixed_unknown: refs('azurerm_key_vault.new.id', 'azurerm_key_vault.second.id'),
            of_many: refs('azurerm_key_vault.many.id', 'azurerm_key_vault.many.name'),
            one_then_all: refs('azurerm_key_vault.many[0].id', 'azurerm_key_vault.many.name'),
            all_then_one: refs('azurerm_key_vault.many.name', 'azurerm_key_vault.many[0].id'),
            ids: refs('azurerm_key_vault.new.id', 'azurerm_key_vault.existing.id'),
            uneven: refs('azurerm_key_vault.new.id', 'azurerm_key_vault.existing.id'),
          },
        },
      ],
    },
  );
  const resolver = new Resolver(buildWorkspace([model]));
  const d = at(model, 'azurerm_monitor_diagnostic_setting.d');
  const target = (path: string) => resolver.target(model, d, path);

  test('an id the plan does not show for the referenced resource is that resource', () => {
    const vault = { kind: 'resource', model, resource: at(model, 'azurerm_key_vault.new') };
    expect(target('to_new')).toEqual(vault);
    // A reference to the whole resource reads its id.
    expect(target('to_new_whole')).toEqual(vault);
  });

  test('a known id held by a resource of the estate is that resource, whatever the reference says', () => {
    expect(target('known_elsewhere')).toEqual({
      kind: 'resource',
      model,
      resource: at(model, 'azurerm_key_vault.existing'),
    });
  });

  test('a reference whose id contradicts the known id does not name the target', () => {
    expect(target('contradicted')).toEqual({ kind: 'external', value: `${VAULT}/elsewhere` });
    expect(target('contradicted_whole')).toEqual({ kind: 'external', value: `${VAULT}/elsewhere` });
  });

  test('a reference to several instances does not name the target of a known id', () => {
    expect(target('to_many')).toEqual({ kind: 'external', value: `${VAULT}/kv-many` });
  });

  test('an unknown id composed from several attributes of one resource is that resource', () => {
    expect(target('composed')).toEqual({
      kind: 'resource',
      model,
      resource: at(model, 'azurerm_key_vault.new'),
    });
  });

  test('an unknown id composed from attributes of different resources or instances names none of them', () => {
    for (const [path, from] of [
      ['mixed', 'azurerm_key_vault.new.id, azurerm_key_vault.existing.name'],
      ['mixed_unknown', 'azurerm_key_vault.new.id, azurerm_key_vault.second.id'],
      ['of_many', 'azurerm_key_vault.many.id, azurerm_key_vault.many.name'],
      ['one_then_all', 'azurerm_key_vault.many[0].id, azurerm_key_vault.many.name'],
      ['all_then_one', 'azurerm_key_vault.many.name, azurerm_key_vault.many[0].id'],
    ]) {
      expect(target(path)).toEqual({
        kind: 'unknown',
        reason: `${path} of azurerm_monitor_diagnostic_setting.d is computed from ${from}`,
      });
    }
  });

  test('each element of a list of references is the resource written at its place', () => {
    expect(target('ids.0')).toEqual({
      kind: 'resource',
      model,
      resource: at(model, 'azurerm_key_vault.new'),
    });
    expect(target('ids.1')).toEqual({
      kind: 'resource',
      model,
      resource: at(model, 'azurerm_key_vault.existing'),
    });
    // More elements than references: which reference an element holds is not known.
    expect(target('uneven.0')).toEqual({
      kind: 'unknown',
      reason:
        'uneven of azurerm_monitor_diagnostic_setting.d is computed from azurerm_key_vault.new.id, azurerm_key_vault.existing.id',
    });
  });

  test('a known id with trailing slashes is the resource holding it', () => {
    expect(target('trailing')).toEqual({
      kind: 'resource',
      model,
      resource: at(model, 'azurerm_key_vault.existing'),
    });
  });
});

describe('a Key Vault key by another version of its id', () => {
  test('is the key whose versionless id it extends', () => {
    const KEY = 'https://kv-app.vault.azure.net/keys/cmk';
    const model = plan({
      resources: [
        {
          address: 'azurerm_key_vault_key.k',
          type: 'azurerm_key_vault_key',
          name: 'k',
          values: {
            name: 'cmk',
            id: `${KEY}/0123456789abcdef`,
            versionless_id: KEY,
            key_vault_id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.KeyVault/vaults/elsewhere',
          },
        },
        {
          address: 'azurerm_storage_account.sa',
          type: 'azurerm_storage_account',
          name: 'sa',
          values: {
            name: 'sa',
            key_id: `${KEY}/fedcba9876543210`,
            other_key_id: `${KEY}-other/fedcba9876543210`,
          },
        },
      ],
    });
    const resolver = new Resolver(buildWorkspace([model]));
    const sa = at(model, 'azurerm_storage_account.sa');
    expect(resolver.target(model, sa, 'key_id')).toEqual({
      kind: 'resource',
      model,
      resource: at(model, 'azurerm_key_vault_key.k'),
    });
    expect(resolver.target(model, sa, 'other_key_id')).toEqual({
      kind: 'external',
      value: `${KEY}-other/fedcba9876543210`,
    });
  });
});

describe('a plan resource whose location the provider computes', () => {
  const ENV_ID = '/subscriptions/s/resourceGroups/r/providers/Microsoft.App/managedEnvironments/env';
  const app = (name: string, values: Record<string, unknown>, unknown: Record<string, unknown>) => ({
    address: `azurerm_container_app.${name}`,
    type: 'azurerm_container_app',
    name,
    values: { name, ...values },
    unknown,
  });
  const model = plan(
    {
      resources: [
        {
          address: 'azurerm_container_app_environment.env',
          type: 'azurerm_container_app_environment',
          name: 'env',
          values: { name: 'env', location: 'norwayeast', id: ENV_ID },
        },
        {
          address: 'azurerm_resource_group.rg',
          type: 'azurerm_resource_group',
          name: 'rg',
          values: { name: 'rg', location: 'westeurope' },
        },
        app('computed', { container_app_environment_id: ENV_ID }, { location: true }),
        app('referenced', { container_app_environment_id: ENV_ID }, { location: true }),
        app('own', { container_app_environment_id: ENV_ID, location: 'swedencentral' }, {}),
      ],
    },
    {
      resources: [
        {
          address: 'azurerm_container_app.referenced',
          expressions: {
            location: { references: ['azurerm_resource_group.rg.location', 'azurerm_resource_group.rg'] },
          },
        },
      ],
    },
  );
  const resolver = new Resolver(buildWorkspace([model]));
  const location = (name: string) => resolver.locationOf(model, at(model, `azurerm_container_app.${name}`));

  test('is where its parent is', () => {
    expect(location('computed')).toEqual({ kind: 'known', value: 'norwayeast' });
  });

  test('a location the configuration sets is its own, known or followed', () => {
    expect(location('own')).toEqual({ kind: 'known', value: 'swedencentral' });
    expect(location('referenced')).toEqual({ kind: 'known', value: 'westeurope' });
  });
});

describe('a module output in a plan', () => {
  test('computed from several references is unknown, naming them; one without references is not resolvable', () => {
    const model = plan(
      {
        resources: [
          {
            address: 'azurerm_storage_account.sa',
            type: 'azurerm_storage_account',
            name: 'sa',
            values: { name: 'sa' },
            unknown: { location: true, kind: true, tier: true },
          },
        ],
        child_modules: [
          {
            address: 'module.region',
            resources: [
              {
                address: 'module.region.azurerm_resource_group.rg',
                type: 'azurerm_resource_group',
                name: 'rg',
                values: { name: 'rg', location: 'norwayeast' },
              },
            ],
          },
        ],
      },
      {
        resources: [
          {
            address: 'azurerm_storage_account.sa',
            expressions: {
              location: { references: ['module.region.location', 'module.region'] },
              kind: { references: ['module.region.kind', 'module.region'] },
              tier: { references: ['module.gone.tier', 'module.gone'] },
            },
          },
        ],
        module_calls: {
          region: {
            module: {
              outputs: {
                location: {
                  expression: {
                    references: [
                      'azurerm_resource_group.rg.location',
                      'azurerm_resource_group.rg',
                      'var.fallback',
                    ],
                  },
                },
                kind: { expression: { references: [] } },
              },
            },
          },
        },
      },
    );
    const value = (path: string) =>
      new Resolver(buildWorkspace([model])).value(model, at(model, 'azurerm_storage_account.sa'), path);
    expect(value('location')).toEqual({
      kind: 'unknown',
      reason: 'module.region.location is computed from azurerm_resource_group.rg.location, var.fallback',
    });
    // No references to follow, or no such module call: nothing to resolve before apply.
    expect(value('kind')).toEqual({
      kind: 'unknown',
      reason: 'module.region.kind is not resolvable before apply',
    });
    expect(value('tier')).toEqual({
      kind: 'unknown',
      reason: 'module.gone.tier is not resolvable before apply',
    });
  });
});
