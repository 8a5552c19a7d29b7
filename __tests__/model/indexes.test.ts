/** policies/model/indexes.ts: the instance indexes of a model. */
import { instancesInModule, instancesWithKey } from '../../policies/model/indexes';
import { loadPlan } from '../../policies/model/load-plan';
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
