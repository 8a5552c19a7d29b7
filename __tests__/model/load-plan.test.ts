/** policies/model/load-plan.ts: the plan fixtures of both formats, shape errors, and the shapes the fixtures do not have. */
import { join } from 'node:path';
import { buildWorkspace } from '../../policies/model/build';
import { loadPath } from '../../policies/model/load-path';
import { isStateDocument, loadPlan, loadState } from '../../policies/model/load-plan';
import { readJson } from '../../policies/model/read-json';
import { isUnknownAt, Resolver } from '../../policies/model/resolve';
import { InputError, TfModel } from '../../policies/model/types';

const FIXTURES = join(__dirname, '..', 'fixtures', 'plan');
const PLAN_12 = join(FIXTURES, 'plan-1.2.json');
const PLAN_01 = join(FIXTURES, 'plan-0.1.json');

function resolverFor(model: TfModel): Resolver {
  return new Resolver(buildWorkspace([model]));
}

function must(model: TfModel, address: string) {
  const resource = model.byAddress.get(address);
  if (!resource) throw new Error(`no ${address} in ${[...model.byAddress.keys()].join(', ')}`);
  return resource;
}

/** The message `fn` throws, asserting it is an InputError. */
function inputError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

describe('plan format 1.2 (nested modules, count, for_each, data sources, unknowns)', () => {
  let model: TfModel;
  beforeAll(() => {
    [model] = loadPath(PLAN_12);
  });

  it('reads every resource exactly once, from planned_values, prior_state and resource_changes', () => {
    expect([...model.byAddress.keys()].sort()).toEqual(
      [
        'azurerm_key_vault.main',
        'azurerm_log_analytics_workspace.audit',
        'azurerm_resource_group.dr',
        'azurerm_resource_group.main',
        'azurerm_storage_account.legacy',
        'azurerm_storage_account.logs[0]',
        'azurerm_storage_account.logs[1]',
        'data.azurerm_client_config.current',
        'module.network.azurerm_subnet.this["app"]',
        'module.network.azurerm_subnet.this["data"]',
        'module.network.azurerm_virtual_network.hub',
        'module.network.module.firewall.azurerm_network_security_group.edge',
        'module.spoke["lab"].azurerm_virtual_network.spoke',
        'module.spoke["radiology"].azurerm_virtual_network.spoke',
      ].sort(),
    );
    expect(model.resources).toHaveLength(14);
    expect(model.kind).toBe('plan');
    expect(model.formatVersion).toBe('1.2');
    expect(model.backend).toBeUndefined();
  });

  it('keeps count indexes and for_each keys, and strips every instance key from the config address', () => {
    const logs = must(model, 'azurerm_storage_account.logs[1]');
    expect(logs.index).toBe(1);
    expect(logs.configAddress).toBe('azurerm_storage_account.logs');
    expect(model.byConfigAddress.get('azurerm_storage_account.logs')?.map((r) => r.address)).toEqual([
      'azurerm_storage_account.logs[0]',
      'azurerm_storage_account.logs[1]',
    ]);
    const subnet = must(model, 'module.network.azurerm_subnet.this["data"]');
    expect(subnet.index).toBe('data');
    expect(subnet.configAddress).toBe('module.network.azurerm_subnet.this');
    expect(subnet.source.module).toBe('module.network');
    const spoke = must(model, 'module.spoke["lab"].azurerm_virtual_network.spoke');
    expect(spoke.configAddress).toBe('module.spoke.azurerm_virtual_network.spoke');
    expect(spoke.source.module).toBe('module.spoke["lab"]');
    expect(model.byConfigAddress.get('module.spoke.azurerm_virtual_network.spoke')).toHaveLength(2);
  });

  it('reads type, name, mode, provider and values', () => {
    const hub = must(model, 'module.network.azurerm_virtual_network.hub');
    expect(hub).toMatchObject({
      type: 'azurerm_virtual_network',
      name: 'hub',
      mode: 'managed',
      provider: 'azurerm',
    });
    expect(hub.providerSource).toBe('registry.terraform.io/hashicorp/azurerm');
    expect(hub.values.address_space).toEqual(['10.10.0.0/16']);
    expect(hub.valuesAreExpressions).toBe(false);
    expect(hub.source).toEqual({ file: PLAN_12, stack: undefined, module: 'module.network' });
    const data = must(model, 'data.azurerm_client_config.current');
    expect(data.mode).toBe('data');
    expect(data.configAddress).toBe('data.azurerm_client_config.current');
    expect(data.values.tenant_id).toBe('00000000-0000-0000-0000-000000000004');
    expect(data.change?.actions).toEqual(['read']);
  });

  it('attaches change actions, before/after and after_unknown', () => {
    expect(must(model, 'azurerm_resource_group.main').change?.actions).toEqual(['no-op']);
    const vault = must(model, 'azurerm_key_vault.main');
    expect(vault.change?.actions).toEqual(['create']);
    expect(isUnknownAt(vault.change?.afterUnknown, ['location'])).toBe(true);
    expect(isUnknownAt(vault.change?.afterUnknown, ['name'])).toBe(false);
    expect(isUnknownAt(vault.change?.afterUnknown, ['network_acls', 0, 'ip_rules'])).toBe(false);
    expect(vault.references?.get('location')).toEqual([
      'azurerm_resource_group.main.location',
      'azurerm_resource_group.main',
    ]);
  });

  it('keeps a resource that is only deleted, with the values it had', () => {
    const legacy = must(model, 'azurerm_storage_account.legacy');
    expect(legacy.change?.actions).toEqual(['delete']);
    expect(legacy.values.location).toBe('westeurope');
  });

  it('reads nested blocks as arrays and records references of nested attributes without indexes', () => {
    const logs = must(model, 'azurerm_storage_account.logs[0]');
    expect(Array.isArray(logs.values.network_rules)).toBe(true);
    expect(logs.references?.get('network_rules.default_action')).toBeUndefined();
    expect(logs.references?.get('location')).toEqual([
      'azurerm_resource_group.main.location',
      'azurerm_resource_group.main',
    ]);
  });

  it('reads variables (values from the plan, defaults from the configuration)', () => {
    expect(model.variables.get('region')).toMatchObject({
      value: 'norwayeast',
      hasValue: true,
      default: 'norwayeast',
      hasDefault: true,
    });
    expect(model.variables.get('environment')).toMatchObject({
      value: 'prod',
      hasValue: true,
      hasDefault: false,
    });
    expect(model.moduleInputs?.get('module.network')?.get('location')).toEqual([
      'azurerm_resource_group.main.location',
      'azurerm_resource_group.main',
    ]);
    expect(model.moduleInputs?.get('module.network.module.firewall')?.get('location')).toEqual([
      'var.location',
    ]);
  });

  describe('Resolver on plan values', () => {
    it('returns known values as they are', () => {
      const r = resolverFor(model);
      expect(r.value(model, must(model, 'azurerm_resource_group.dr'), 'location')).toEqual({
        kind: 'known',
        value: 'swedencentral',
      });
      expect(
        r.value(model, must(model, 'azurerm_storage_account.logs[0]'), 'network_rules.0.default_action'),
      ).toEqual({ kind: 'known', value: 'Deny' });
      expect(
        r.value(model, must(model, 'azurerm_storage_account.logs[0]'), ['network_rules', 'default_action']),
      ).toEqual({ kind: 'known', value: 'Deny' });
      expect(r.value(model, must(model, 'azurerm_resource_group.dr'), 'tags')).toEqual({ kind: 'absent' });
    });

    it('resolves an unknown location through the resource group it references', () => {
      const r = resolverFor(model);
      expect(r.value(model, must(model, 'azurerm_key_vault.main'), 'location')).toEqual({
        kind: 'known',
        value: 'norwayeast',
      });
      expect(r.value(model, must(model, 'azurerm_log_analytics_workspace.audit'), 'location')).toEqual({
        kind: 'known',
        value: 'swedencentral',
      });
    });

    it('resolves an unknown location through two module variables up to the root resource group', () => {
      const r = resolverFor(model);
      const nsg = must(model, 'module.network.module.firewall.azurerm_network_security_group.edge');
      expect(r.value(model, nsg, 'location')).toEqual({ kind: 'known', value: 'norwayeast' });
    });

    it('resolves a for_each module instance variable to the root variable value', () => {
      const r = resolverFor(model);
      for (const key of ['lab', 'radiology']) {
        const spoke = must(model, `module.spoke["${key}"].azurerm_virtual_network.spoke`);
        expect(r.value(model, spoke, 'location')).toEqual({ kind: 'known', value: 'norwayeast' });
      }
    });

    it('says unknown when after_unknown has no configuration reference to follow', () => {
      const r = resolverFor(model);
      const vnet = must(model, 'module.network.azurerm_virtual_network.hub');
      const result = r.value(model, vnet, 'guid');
      expect(result).toEqual({
        kind: 'unknown',
        reason: 'guid of module.network.azurerm_virtual_network.hub is only known after apply',
      });
    });

    it('resolves an id that is unknown until apply to the resource it references', () => {
      const r = resolverFor(model);
      const vault = must(model, 'azurerm_key_vault.main');
      const target = r.target(model, vault, 'tenant_id');
      expect(target.kind).toBe('resource');
      expect(target.kind === 'resource' && target.resource.address).toBe(
        'data.azurerm_client_config.current',
      );
    });

    it('matches a literal id against the ids of known resources, else calls it external', () => {
      const r = resolverFor(model);
      const fake = {
        ...must(model, 'azurerm_resource_group.dr'),
        values: {
          scope: '/subscriptions/00000000-0000-0000-0000-000000000003/RESOURCEGROUPS/rg-records-prod',
        },
      };
      const target = r.target(model, fake, 'scope');
      expect(target.kind === 'resource' && target.resource.address).toBe('azurerm_resource_group.main');
      const outside = { ...fake, values: { scope: '/subscriptions/x/resourceGroups/elsewhere' } };
      expect(r.target(model, outside, 'scope')).toEqual({
        kind: 'external',
        value: '/subscriptions/x/resourceGroups/elsewhere',
      });
      expect(r.target(model, outside, 'missing')).toEqual({ kind: 'absent' });
    });
  });
});

describe('plan format 0.1 (Terraform 0.12)', () => {
  let model: TfModel;
  beforeAll(() => {
    [model] = loadPath(PLAN_01);
  });

  it('reads root and child module resources with short provider names', () => {
    expect([...model.byAddress.keys()]).toEqual([
      'azurerm_resource_group.legacy',
      'module.db.azurerm_postgresql_server.main',
    ]);
    const db = must(model, 'module.db.azurerm_postgresql_server.main');
    expect(db).toMatchObject({
      provider: 'azurerm',
      providerSource: 'azurerm',
      type: 'azurerm_postgresql_server',
      name: 'main',
    });
    expect(db.source.module).toBe('module.db');
    expect(db.change?.actions).toEqual(['create']);
    expect(model.formatVersion).toBe('0.1');
  });

  it('resolves values and variables', () => {
    const r = resolverFor(model);
    expect(r.value(model, must(model, 'module.db.azurerm_postgresql_server.main'), 'location')).toEqual({
      kind: 'known',
      value: 'westeurope',
    });
    expect(model.variables.get('location')).toMatchObject({
      value: 'Norway East',
      hasValue: true,
      default: 'Norway East',
    });
  });
});

describe('plan shape errors name the file and the problem', () => {
  const base = () => readJson(PLAN_12) as Record<string, unknown>;
  const load = (document: unknown) => () => loadPlan(document, { file: 'plan.json' });

  it.each([
    [
      'format_version 2.0',
      { ...base(), format_version: '2.0' },
      /plan\.json: plan format_version 2\.0 is not supported/,
    ],
    [
      'format_version as a number',
      { ...base(), format_version: 1.2 },
      /format_version must be a string like "1\.2", got 1\.2/,
    ],
    [
      'null planned_values',
      { ...base(), planned_values: null },
      /planned_values must be an object, got null/,
    ],
    ['missing planned_values', { ...base(), planned_values: undefined }, /planned_values must be an object/],
    [
      'planned_values without root_module',
      { ...base(), planned_values: {} },
      /planned_values\.root_module must be an object/,
    ],
    [
      'resource_changes as an object',
      { ...base(), resource_changes: {} },
      /resource_changes must be an array, got an object/,
    ],
    [
      'null resource_changes',
      { ...base(), resource_changes: null },
      /resource_changes must be an array, got null/,
    ],
    [
      'missing resource_changes',
      { ...base(), resource_changes: undefined },
      /azurerm_resource_group\.main is in planned_values but has no entry in resource_changes/,
    ],
  ])('%s', (_name, document, message) => {
    expect(load(document)).toThrow(InputError);
    expect(load(document)).toThrow(message);
  });

  it('rejects a resource without a type, an address, or with a duplicate address', () => {
    const plan = base();
    const root = (plan.planned_values as { root_module: { resources: Record<string, unknown>[] } })
      .root_module;
    const noType = {
      ...plan,
      planned_values: { root_module: { ...root, resources: [{ ...root.resources[0], type: undefined }] } },
    };
    expect(load(noType)).toThrow(
      'planned_values.root_module.resources[0].type must be a non-empty string, got a undefined',
    );
    const noAddress = {
      ...plan,
      planned_values: { root_module: { ...root, resources: [{ ...root.resources[0], address: 7 }] } },
    };
    expect(load(noAddress)).toThrow(
      'planned_values.root_module.resources[0].address must be a non-empty string, got a number',
    );
    const twice = {
      ...plan,
      planned_values: { root_module: { ...root, resources: [root.resources[0], root.resources[0]] } },
    };
    expect(load(twice)).toThrow(
      'the address azurerm_resource_group.main appears twice in planned_values.root_module',
    );
    const changes = plan.resource_changes as unknown[];
    const twiceChanged = { ...plan, resource_changes: [...changes, changes[0]] };
    expect(load(twiceChanged)).toThrow(
      /the address azurerm_resource_group\.main appears twice in resource_changes/,
    );
  });
});

describe('load-plan: shapes the fixtures do not have', () => {
  type Json = Record<string, unknown>;
  const resource = (address: string, extra: Json = {}): Json => {
    const [type, name] = address
      .replace(/\[[^\]]*\]$/, '')
      .split('.')
      .slice(-2);
    return {
      address,
      type,
      name,
      mode: /(^|\.)data\.[^.]+\.[^.]+$/.test(address) ? 'data' : 'managed',
      provider_name: 'registry.terraform.io/hashicorp/azurerm',
      values: {},
      ...extra,
    };
  };
  const change = (address: string, actions: string[] = ['create'], extra: Json = {}): Json => ({
    ...resource(address),
    values: undefined,
    change: { actions, before: null, after: {}, after_unknown: {} },
    ...extra,
  });
  const plan = (extra: Json = {}): Json => ({
    format_version: '1.2',
    planned_values: {
      root_module: {
        resources: [resource('azurerm_resource_group.rg', { values: { location: 'norwayeast' } })],
      },
    },
    resource_changes: [change('azurerm_resource_group.rg')],
    ...extra,
  });
  const load = (document: unknown) => loadPlan(document, { file: 'plan.json', stack: 'st' });

  it.each([
    [null, 'null'],
    [[], 'an array'],
    ['{}', 'a string'],
  ])('refuses a document that is %p', (document, what) => {
    expect(inputError(() => load(document))).toBe(`plan.json: expected a plan JSON object, got ${what}`);
  });

  it('accepts format versions 0.x and 1.x with any number of digits, and nothing else', () => {
    for (const version of ['0.1', '0.2', '1.0', '1.10', '1.2'])
      expect(load(plan({ format_version: version })).formatVersion).toBe(version);
    for (const version of ['1', 'v1.2', '1.2.3', '1.2x', '', '.1', '1.']) {
      expect(inputError(() => load(plan({ format_version: version })))).toBe(
        `plan.json: format_version must be a string like "1.2", got ${JSON.stringify(version)}`,
      );
    }
    expect(inputError(() => load(plan({ format_version: undefined })))).toBe(
      'plan.json: format_version must be a string like "1.2", got undefined',
    );
    expect(inputError(() => load(plan({ format_version: '10.0' })))).toBe(
      'plan.json: plan format_version 10.0 is not supported (supported: 0.1 to 1.x); upgrade norway-policy',
    );
  });

  it('names what is wrong with the top-level sections', () => {
    expect(inputError(() => load({ format_version: '1.2' }))).toBe(
      'plan.json: the plan has neither planned_values nor resource_changes; produce it with `terraform show -json plan.bin`',
    );
    expect(inputError(() => load(plan({ planned_values: undefined })))).toBe(
      'plan.json: planned_values must be an object, got a undefined; produce the file with `terraform show -json plan.bin`',
    );
    expect(inputError(() => load(plan({ planned_values: { root_module: [] } })))).toBe(
      'plan.json: planned_values.root_module must be an object, got an array',
    );
    expect(inputError(() => load(plan({ resource_changes: 'x' })))).toBe(
      'plan.json: resource_changes must be an array, got a string',
    );
  });

  it('reads a plan with planned_values and no resources at all', () => {
    const model = load({ format_version: '1.2', planned_values: { root_module: {} } });
    expect(model).toMatchObject({
      kind: 'plan',
      origin: 'plan.json',
      stack: 'st',
      resources: [],
      backend: undefined,
      bootstrap: false,
      suppressions: [],
    });
    expect(model.locals.size + model.outputs.size + model.variables.size).toBe(0);
  });

  it('reads modules nested 101 deep and refuses one level more', () => {
    const chain = (levels: number): Json => {
      let module: Json = { resources: [resource('azurerm_x.deep')] };
      for (let i = 0; i < levels; i++) module = { child_modules: [module] };
      return module;
    };
    const deepPlan = (levels: number) => ({
      format_version: '1.2',
      planned_values: { root_module: chain(levels) },
      resource_changes: [change('azurerm_x.deep')],
    });
    expect([...load(deepPlan(100)).byAddress.keys()]).toEqual(['azurerm_x.deep']);
    const where = `planned_values.root_module${'.child_modules[0]'.repeat(101)}`;
    expect(inputError(() => load(deepPlan(101)))).toBe(
      `plan.json: ${where}: modules nest more than 100 levels deep`,
    );
  });

  it('refuses a child module that is not an object, naming where it is', () => {
    const document = plan({
      planned_values: { root_module: { child_modules: [{ address: 'module.a', child_modules: [{}, 'x'] }] } },
    });
    expect(inputError(() => load(document))).toBe(
      'plan.json: planned_values.root_module.child_modules[0].child_modules[1] must be an object, got a string',
    );
  });

  it('reads values that are null or absent as empty, keeps sensitive_values and plain indexes', () => {
    const document = plan({
      planned_values: {
        root_module: {
          resources: [
            resource('azurerm_x.a', { values: null, index: { odd: true } }),
            resource('azurerm_x.b[0]', { values: undefined, index: 0, sensitive_values: { secret: true } }),
            resource('azurerm_x.c["k"]', { index: 'k', provider_name: undefined }),
          ],
        },
      },
      resource_changes: [change('azurerm_x.a'), change('azurerm_x.b[0]'), change('azurerm_x.c["k"]')],
    });
    const model = load(document);
    expect(must(model, 'azurerm_x.a')).toMatchObject({ index: undefined, sensitive: undefined });
    expect(must(model, 'azurerm_x.a').values).toEqual({});
    expect(must(model, 'azurerm_x.b[0]').values).toEqual({});
    expect(must(model, 'azurerm_x.b[0]')).toMatchObject({
      index: 0,
      sensitive: { secret: true },
      configAddress: 'azurerm_x.b',
    });
    expect(must(model, 'azurerm_x.c["k"]')).toMatchObject({
      index: 'k',
      provider: 'azurerm',
      providerSource: undefined,
      configAddress: 'azurerm_x.c',
    });
    expect(must(model, 'azurerm_x.a').source).toEqual({ file: 'plan.json', stack: 'st', module: '' });
  });

  it('takes data sources from prior_state that planned_values lacks, and nothing else from it', () => {
    const document = plan({
      planned_values: {
        root_module: {
          resources: [
            resource('azurerm_resource_group.rg'),
            resource('data.azurerm_client_config.both', { values: { from: 'planned' } }),
          ],
        },
      },
      prior_state: {
        values: {
          root_module: {
            resources: [
              resource('azurerm_resource_group.old', { values: { from: 'prior' } }),
              resource('data.azurerm_client_config.both', { values: { from: 'prior' } }),
              resource('data.azurerm_client_config.prior', { values: { tenant_id: 't' } }),
            ],
            child_modules: [
              { address: 'module.m', resources: [resource('module.m.data.azurerm_subscription.s')] },
            ],
          },
        },
      },
    });
    const model = load(document);
    expect([...model.byAddress.keys()]).toEqual([
      'azurerm_resource_group.rg',
      'data.azurerm_client_config.both',
      'data.azurerm_client_config.prior',
      'module.m.data.azurerm_subscription.s',
    ]);
    expect(must(model, 'data.azurerm_client_config.both').values).toEqual({ from: 'planned' });
    expect(must(model, 'data.azurerm_client_config.prior')).toMatchObject({
      values: { tenant_id: 't' },
      mode: 'data',
      change: undefined,
    });
    expect(must(model, 'module.m.data.azurerm_subscription.s')).toMatchObject({
      configAddress: 'module.m.data.azurerm_subscription.s',
      source: { module: 'module.m' },
    });
  });

  it('ignores a prior_state without values or root module', () => {
    for (const prior of [null, {}, { values: null }, { values: { root_module: 'x' } }]) {
      expect([...load(plan({ prior_state: prior })).byAddress.keys()]).toEqual(['azurerm_resource_group.rg']);
    }
  });

  it('still refuses a broken prior_state module it walks', () => {
    const document = plan({
      prior_state: {
        values: { root_module: { resources: [resource('data.azurerm_x.d', { values: 'x' })] } },
      },
    });
    expect(inputError(() => load(document))).toBe(
      'plan.json: prior_state.values.root_module.resources[0].values must be an object',
    );
  });

  it('does not require a resource_changes entry for a planned data source', () => {
    const document = plan({
      planned_values: {
        root_module: {
          resources: [resource('azurerm_resource_group.rg'), resource('data.azurerm_client_config.c')],
        },
      },
    });
    expect(must(load(document), 'data.azurerm_client_config.c').change).toBeUndefined();
  });

  it('names a resource_changes entry that is not an object, or lacks an address', () => {
    expect(inputError(() => load(plan({ resource_changes: [change('azurerm_resource_group.rg'), 7] })))).toBe(
      'plan.json: resource_changes[1] must be an object',
    );
    expect(
      inputError(() =>
        load(plan({ resource_changes: [change('azurerm_resource_group.rg'), { change: { actions: [] } }] })),
      ),
    ).toBe('plan.json: resource_changes[1].address must be a non-empty string, got a undefined');
    expect(
      inputError(() =>
        load(
          plan({
            resource_changes: [{ ...change('azurerm_resource_group.rg'), change: { actions: 'create' } }],
          }),
        ),
      ),
    ).toBe('plan.json: resource_changes[0] (azurerm_resource_group.rg) has no change.actions list');
    expect(
      inputError(() =>
        load(plan({ resource_changes: [{ ...change('azurerm_resource_group.rg'), change: null }] })),
      ),
    ).toBe('plan.json: resource_changes[0] (azurerm_resource_group.rg) has no change.actions list');
    // One action that is not a string is enough.
    expect(
      inputError(() =>
        load(
          plan({
            resource_changes: [
              { ...change('azurerm_resource_group.rg'), change: { actions: ['delete', 1] } },
            ],
          }),
        ),
      ),
    ).toBe('plan.json: resource_changes[0] (azurerm_resource_group.rg) has no change.actions list');
    expect(
      inputError(() =>
        load(
          plan({
            resource_changes: [
              change('azurerm_resource_group.rg'),
              change('azurerm_x.gone', ['delete'], { name: '' }),
            ],
          }),
        ),
      ),
    ).toBe('plan.json: resource_changes[1].name must be a non-empty string, got a string');
  });

  it('attaches every part of a change to the planned resource', () => {
    const full = {
      actions: ['update'],
      before: { location: 'westeurope' },
      after: { location: 'norwayeast' },
      after_unknown: { id: true },
      before_sensitive: { a: true },
      after_sensitive: { b: true },
    };
    const model = load(
      plan({ resource_changes: [{ ...change('azurerm_resource_group.rg'), change: full }] }),
    );
    expect(must(model, 'azurerm_resource_group.rg').change).toEqual({
      actions: ['update'],
      before: { location: 'westeurope' },
      after: { location: 'norwayeast' },
      afterUnknown: { id: true },
      beforeSensitive: { a: true },
      afterSensitive: { b: true },
    });
  });

  it('reads resources only in resource_changes: mode, module, values from after, else before, else none', () => {
    const document = plan({
      resource_changes: [
        change('azurerm_resource_group.rg'),
        {
          ...change('data.azurerm_client_config.read', ['read']),
          change: { actions: ['read'], before: null, after: { tenant_id: 't' } },
        },
        {
          ...change('module.spoke["a"].azurerm_x.gone', ['delete']),
          module_address: 'module.spoke["a"]',
          index: 3,
          change: { actions: ['delete'], before: { location: 'westeurope' }, after: null },
        },
        {
          ...change('azurerm_x.nothing', ['delete']),
          provider_name: 7,
          change: { actions: ['delete'], before: 'x', after: 'y' },
        },
        { ...change('azurerm_x.weird', ['delete']), mode: 'something', module_address: 5 },
      ],
    });
    const model = load(document);
    expect(must(model, 'data.azurerm_client_config.read')).toMatchObject({
      mode: 'data',
      configAddress: 'data.azurerm_client_config.read',
      values: { tenant_id: 't' },
      change: { actions: ['read'] },
    });
    expect(must(model, 'module.spoke["a"].azurerm_x.gone')).toMatchObject({
      mode: 'managed',
      configAddress: 'module.spoke.azurerm_x.gone',
      values: { location: 'westeurope' },
      index: 3,
      source: { file: 'plan.json', stack: 'st', module: 'module.spoke["a"]' },
      provider: 'azurerm',
      providerSource: 'registry.terraform.io/hashicorp/azurerm',
    });
    expect(must(model, 'azurerm_x.nothing').values).toEqual({});
    expect(must(model, 'azurerm_x.nothing')).toMatchObject({
      provider: 'azurerm',
      providerSource: undefined,
    });
    expect(must(model, 'azurerm_x.weird')).toMatchObject({
      mode: 'managed',
      configAddress: 'azurerm_x.weird',
      source: { module: '' },
    });
  });

  it('attaches a change to a planned data source, but refuses a second one', () => {
    const document = plan({
      planned_values: {
        root_module: { resources: [resource('azurerm_resource_group.rg'), resource('data.azurerm_x.d')] },
      },
      resource_changes: [change('azurerm_resource_group.rg'), change('data.azurerm_x.d', ['read'])],
    });
    expect(must(load(document), 'data.azurerm_x.d').change?.actions).toEqual(['read']);
    const twice = {
      ...document,
      resource_changes: [...(document.resource_changes as unknown[]), change('data.azurerm_x.d', ['read'])],
    };
    expect(inputError(() => load(twice))).toBe(
      'plan.json: resource_changes[2]: the address data.azurerm_x.d appears twice in resource_changes',
    );
  });

  it('names the first planned resource without a change', () => {
    const document = plan({
      planned_values: {
        root_module: {
          resources: [
            resource('azurerm_resource_group.rg'),
            resource('azurerm_x.b'),
            resource('azurerm_x.c'),
          ],
        },
      },
    });
    expect(inputError(() => load(document))).toBe(
      'plan.json: azurerm_x.b is in planned_values but has no entry in resource_changes, so its unknown values cannot be told apart from absent ones',
    );
  });

  it('counts neither data sources nor resources only in resource_changes as planned resources with a change', () => {
    const planned = (...extra: string[]) =>
      plan({
        planned_values: {
          root_module: {
            resources: [
              resource('azurerm_resource_group.rg'),
              resource('data.azurerm_x.d'),
              ...extra.map((address) => resource(address)),
            ],
          },
        },
        resource_changes: [
          change('azurerm_resource_group.rg'),
          change('data.azurerm_x.d', ['read']),
          change('azurerm_x.gone', ['delete']),
        ],
      });
    expect(load(planned()).resources.map((r) => r.address)).toEqual([
      'azurerm_resource_group.rg',
      'data.azurerm_x.d',
      'azurerm_x.gone',
    ]);
    expect(inputError(() => load(planned('azurerm_x.b')))).toBe(
      'plan.json: azurerm_x.b is in planned_values but has no entry in resource_changes, so its unknown values cannot be told apart from absent ones',
    );
  });

  describe('configuration', () => {
    const withConfig = (configuration: unknown, extra: Json = {}) => load(plan({ configuration, ...extra }));

    it('reads declared variables with and without defaults, and values given for undeclared ones', () => {
      const model = withConfig(
        {
          root_module: {
            variables: {
              region: { default: 'norwayeast' },
              env: { description: 'd' },
              nothing: { default: null },
              junk: 'x',
            },
          },
        },
        { variables: { env: { value: 'prod' }, extra: { value: 1 }, noValue: {}, odd: 'x' } },
      );
      const variable = (name: string) => model.variables.get(name);
      expect(variable('region')).toEqual({
        name: 'region',
        default: 'norwayeast',
        hasDefault: true,
        value: undefined,
        hasValue: false,
        validations: [],
      });
      expect(variable('env')).toEqual({
        name: 'env',
        default: undefined,
        hasDefault: false,
        value: 'prod',
        hasValue: true,
        validations: [],
      });
      expect(variable('nothing')).toMatchObject({ default: null, hasDefault: true });
      expect(variable('extra')).toEqual({
        name: 'extra',
        default: undefined,
        hasDefault: false,
        value: 1,
        hasValue: true,
        validations: [],
      });
      expect(variable('noValue')).toMatchObject({ value: undefined, hasValue: false, hasDefault: false });
      expect(variable('odd')).toMatchObject({ value: undefined, hasValue: false });
      expect(variable('junk')).toBeUndefined();
      expect([...model.variables.keys()]).toEqual(['env', 'extra', 'noValue', 'odd', 'region', 'nothing']);
    });

    it('ignores variables that are not objects; refuses a configuration or root module that is not one', () => {
      expect(withConfig({ root_module: { variables: [] } }).variables.size).toBe(0);
      expect(withConfig({ root_module: {} }, { variables: [] }).variables.size).toBe(0);
      expect(inputError(() => withConfig('x'))).toBe(
        'plan.json: configuration must be an object, got a string',
      );
      expect(inputError(() => withConfig({ root_module: 'x' }))).toBe(
        'plan.json: configuration.root_module must be an object, got a string',
      );
    });

    it('refuses configuration resources and module calls it cannot read: their references would be lost', () => {
      expect(inputError(() => withConfig({ root_module: { resources: ['junk'] } }))).toBe(
        'plan.json: configuration.root_module.resources[0] must be an object with an address',
      );
      expect(inputError(() => withConfig({ root_module: { resources: [{ address: 7 }] } }))).toBe(
        'plan.json: configuration.root_module.resources[0] must be an object with an address',
      );
      expect(inputError(() => withConfig({ root_module: { module_calls: { broken: 'x' } } }))).toBe(
        'plan.json: configuration.root_module.module_calls.broken must be an object, got a string',
      );
      expect(
        inputError(() =>
          withConfig({ root_module: { module_calls: { net: { module: { resources: [null] } } } } }),
        ),
      ).toBe(
        'plan.json: configuration.root_module.module_calls.net.module.resources[0] must be an object with an address',
      );
    });

    it('collects references per attribute path: nested blocks, lists of blocks, never into constants', () => {
      const model = withConfig({
        root_module: {
          resources: [
            {
              address: 'azurerm_resource_group.rg',
              expressions: {
                location: { references: ['var.region', 5] },
                name: { constant_value: 'rg' },
                tags: { constant_value: { owner: { references: ['var.not_a_reference'] } } },
                network_rules: [
                  { subnet_ids: { references: ['azurerm_subnet.a.id'] } },
                  { subnet_ids: { references: ['azurerm_subnet.b.id'] } },
                ],
                identity: { principal: { inner: { references: ['azurerm_x.p'] } } },
                odd: 'x',
              },
            },
          ],
        },
      });
      const refs = must(model, 'azurerm_resource_group.rg').references;
      expect(refs && Object.fromEntries(refs)).toEqual({
        location: ['var.region'],
        'network_rules.subnet_ids': ['azurerm_subnet.a.id', 'azurerm_subnet.b.id'],
        'identity.principal.inner': ['azurerm_x.p'],
      });
    });

    it('reads module calls recursively, with their inputs', () => {
      const model = withConfig(
        {
          root_module: {
            module_calls: {
              net: {
                expressions: { location: { references: ['var.region'] } },
                module: {
                  resources: [
                    { address: 'azurerm_x.hub', expressions: { location: { references: ['var.location'] } } },
                  ],
                  outputs: {
                    hub_id: { expression: { references: ['azurerm_x.hub.id', 7, 'azurerm_x.hub'] } },
                    fixed: { expression: { constant_value: 'x' } },
                    broken: 'x',
                  },
                  module_calls: { fw: { expressions: { name: { constant_value: 'fw' } }, module: {} } },
                },
              },
            },
          },
        },
        {
          planned_values: {
            root_module: {
              child_modules: [
                { address: 'module.net[0]', resources: [resource('module.net[0].azurerm_x.hub')] },
              ],
            },
          },
          resource_changes: [change('module.net[0].azurerm_x.hub')],
        },
      );
      expect(model.moduleInputs && [...model.moduleInputs.keys()]).toEqual([
        'module.net',
        'module.net.module.fw',
      ]);
      expect(model.moduleInputs?.get('module.net')?.get('location')).toEqual(['var.region']);
      expect(model.moduleInputs?.get('module.net.module.fw')?.size).toBe(0);
      // What each output of a module is made of (the strings only); an output of constants names nothing.
      expect(model.moduleOutputs && Object.fromEntries(model.moduleOutputs.get('module.net') ?? [])).toEqual({
        hub_id: ['azurerm_x.hub.id', 'azurerm_x.hub'],
      });
      const hub = must(model, 'module.net[0].azurerm_x.hub');
      expect(hub.configAddress).toBe('module.net.azurerm_x.hub');
      expect(hub.references?.get('location')).toEqual(['var.location']);
    });

    it('reads module calls nested 100 deep and refuses deeper ones', () => {
      const chain = (levels: number): Json => {
        let module: Json = {
          resources: [{ address: 'azurerm_x.deep', expressions: { location: { references: ['var.l'] } } }],
        };
        for (let i = 0; i < levels; i++) module = { module_calls: { m: { module } } };
        return module;
      };
      // planned_values names the module by its address; how deep it sits there does not matter.
      const deepPlan = (levels: number) => {
        const address = `${'module.m.'.repeat(levels)}azurerm_x.deep`;
        const model = withConfig(
          { root_module: chain(levels) },
          {
            planned_values: {
              root_module: {
                child_modules: [
                  { address: address.replace(/\.azurerm_x\.deep$/, ''), resources: [resource(address)] },
                ],
              },
            },
            resource_changes: [change(address)],
          },
        );
        return { model, resource: must(model, address) };
      };
      const reads = deepPlan(100);
      expect(reads.resource.references?.get('location')).toEqual(['var.l']);
      expect(reads.model.moduleInputs?.size).toBe(100);
      expect(inputError(() => deepPlan(101))).toBe(
        `plan.json: configuration.root_module${'.module_calls.m.module'.repeat(101)}: modules nest more than 100 levels deep`,
      );
    });
  });
});

describe('load-plan: the output values of a state', () => {
  const state = (outputs: unknown) =>
    loadState({ format_version: '1.0', values: { root_module: {}, outputs } }, { file: 'state.json' });

  it('keeps the outputs whose value is known; null, missing and malformed values are left out', () => {
    const model = state({
      id: { value: '/subscriptions/0/resourceGroups/rg', type: 'string' },
      empty: { value: '' },
      unknown: { value: null },
      secret: { sensitive: true },
      odd: 'x',
    });
    expect(Object.fromEntries(model.outputs)).toEqual({
      id: '/subscriptions/0/resourceGroups/rg',
      empty: '',
    });
  });

  it('a state without a root module has no resources; it is never a bootstrap state', () => {
    const model = loadState({ format_version: '1.0', values: {} }, { file: 'state.json' });
    expect(model).toMatchObject({ kind: 'state', bootstrap: false, formatVersion: '1.0' });
    expect(model.resources).toEqual([]);
  });

  it('a state’s errors name the part that is wrong', () => {
    const read = (document: Record<string, unknown>) => () => loadState(document, { file: 'state.json' });
    expect(inputError(read({ format_version: '2.0', values: {} }))).toBe(
      'state.json: state format_version 2.0 is not supported (supported: 0.1 to 1.x); upgrade norway-policy',
    );
    expect(inputError(read({ format_version: '1.0', values: { root_module: 'x' } }))).toBe(
      'state.json: values.root_module must be an object, got a string',
    );
  });

  it('a state without outputs has none; outputs that are not an object are one clear error', () => {
    expect(state(undefined).outputs.size).toBe(0);
    expect(state(null).outputs.size).toBe(0);
    expect(inputError(() => state(['x']))).toBe('state.json: values.outputs must be an object, got an array');
  });
});

describe('load-plan: telling a state from a plan', () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ['format_version and values', { format_version: '1.0', values: {} }, true],
    ['values without format_version', { values: {} }, false],
    ['format_version without values', { format_version: '1.0' }, false],
    [
      'values beside planned_values (a plan)',
      { format_version: '1.2', values: {}, planned_values: {} },
      false,
    ],
    [
      'values beside resource_changes (a plan)',
      { format_version: '1.2', values: {}, resource_changes: [] },
      false,
    ],
  ])('%s: state %s', (_name, document, expected) => {
    expect(isStateDocument(document)).toBe(expected);
  });
});

describe('load-plan: parts a plan may leave out or get wrong', () => {
  const base = { format_version: '1.2', planned_values: { root_module: {} }, resource_changes: [] };
  const read = (document: Record<string, unknown>) => () => loadPlan(document, { file: 'plan.json' });

  it('a configuration without a root module, or a module call without its module, reads as nothing', () => {
    expect(read({ ...base, configuration: {} })().resources).toEqual([]);
    const model = read({
      ...base,
      configuration: {
        root_module: { module_calls: { remote: { source: 'x/y/azurerm', expressions: {} } } },
      },
    })();
    expect(model.moduleInputs && [...model.moduleInputs.keys()]).toEqual(['module.remote']);
  });

  it('planned output values that are not an object are one clear error naming them', () => {
    expect(inputError(read({ ...base, planned_values: { root_module: {}, outputs: ['x'] } }))).toBe(
      'plan.json: planned_values.outputs must be an object, got an array',
    );
  });
});
