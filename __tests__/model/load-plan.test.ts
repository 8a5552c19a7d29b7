import { join } from 'node:path';
import { buildWorkspace } from '../../policies/model/build';
import { loadPath } from '../../policies/model/load-path';
import { loadPlan } from '../../policies/model/load-plan';
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
