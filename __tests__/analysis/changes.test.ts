/** policies/analysis/changes.ts: the change actions reports count, and the plan summary shapes built on them. */
import { CHANGE_ACTIONS } from '../../policies/analysis/changes';
import * as planSummaryModule from '../../policies/analysis/plan-summary';
import { actionOf, planSummary } from '../../policies/analysis/plan-summary';
import { loadPlan } from '../../policies/model/load-plan';
import { plan } from '../helpers/rule-tester';

const RG = { name: 'rg-app', location: 'norwayeast' };

describe('CHANGE_ACTIONS', () => {
  test('lists every action once, in the order terraform plan prints them', () => {
    expect(CHANGE_ACTIONS).toEqual(['create', 'update', 'replace', 'delete', 'read', 'no-op']);
  });

  test('is the list plan-summary.ts re-exports (one list, not two that could drift)', () => {
    expect(planSummaryModule.CHANGE_ACTIONS).toBe(CHANGE_ACTIONS);
  });

  test.each<[readonly string[], string]>([
    [['create'], 'create'],
    [['update'], 'update'],
    [['delete', 'create'], 'replace'],
    [['create', 'delete'], 'replace'],
    [['delete'], 'delete'],
    [['read'], 'read'],
    [['no-op'], 'no-op'],
    [[], 'no-op'],
  ])('terraform actions %j count as %s, one of the listed actions', (actions, action) => {
    expect(actionOf(actions)).toBe(action);
    expect(CHANGE_ACTIONS).toContain(action);
  });

  test('a plan summary counts exactly these actions, in this order, so a total over the list misses none', () => {
    const model = loadPlan(plan([{ at: 'azurerm_resource_group.rg', values: RG }]), {
      file: 'plans/app.json',
    });
    expect(Object.keys(planSummary(model)!.counts)).toEqual([...CHANGE_ACTIONS]);
  });
});

describe('PlanSummary and PlannedChange as a plan fills them', () => {
  const document = plan([
    // Deliberately out of address order.
    {
      at: 'azurerm_storage_account.moved',
      values: { name: 'stmoved', location: 'westeurope' },
      actions: ['delete', 'create'],
      before: { name: 'stmoved', location: 'norwayeast' },
    },
    {
      at: 'azurerm_storage_account.gone',
      values: { name: 'stgone', location: 'norwayeast' },
      actions: ['delete'],
      deleted: true,
    },
    {
      at: 'azurerm_resource_group.rg',
      values: { ...RG, tags: { env: 'prod' } },
      actions: ['update'],
      before: RG,
    },
    {
      at: 'azurerm_virtual_network.vnet',
      values: { name: 'vnet', location: 'norwayeast' },
      actions: ['delete', 'create'],
      before: { name: 'vnet', location: 'norwayeast' },
    },
    { at: 'azurerm_key_vault.kv', values: { name: 'kv', location: 'norwayeast' }, actions: ['no-op'] },
    { at: 'data.azurerm_client_config.current', values: {}, actions: ['read'] },
    { at: 'azurerm_cosmosdb_account.db', values: { name: 'db', location: 'norwayeast' } },
  ]);
  const summary = planSummary(loadPlan(document, { file: 'plans/prod.json' }))!;

  test('names the plan as reports label the input', () => {
    expect(summary.input).toBe('plan plans/prod.json');
  });

  test('counts every change by action', () => {
    expect(summary.counts).toEqual({ create: 1, update: 1, replace: 2, delete: 1, read: 1, 'no-op': 1 });
  });

  test('lists every change except no-op and read, in address order, with a location change only on the moved replacement', () => {
    expect(summary.changes).toEqual([
      {
        address: 'azurerm_cosmosdb_account.db',
        type: 'azurerm_cosmosdb_account',
        action: 'create',
        dataBearing: true,
      },
      {
        address: 'azurerm_resource_group.rg',
        type: 'azurerm_resource_group',
        action: 'update',
        dataBearing: false,
      },
      {
        address: 'azurerm_storage_account.gone',
        type: 'azurerm_storage_account',
        action: 'delete',
        dataBearing: true,
      },
      {
        address: 'azurerm_storage_account.moved',
        type: 'azurerm_storage_account',
        action: 'replace',
        dataBearing: true,
        locationChange: { from: 'norwayeast', to: 'westeurope' },
      },
      {
        address: 'azurerm_virtual_network.vnet',
        type: 'azurerm_virtual_network',
        action: 'replace',
        dataBearing: false,
      },
    ]);
  });

  test('destructive: deletes and replacements of data-bearing resources only, in address order', () => {
    expect(summary.destructive.map((c) => [c.action, c.address])).toEqual([
      ['delete', 'azurerm_storage_account.gone'],
      ['replace', 'azurerm_storage_account.moved'],
    ]);
  });

  test('a plan with no changes has zero counts and lists nothing', () => {
    const empty = planSummary(loadPlan(plan([]), { file: 'plans/empty.json' }))!;
    expect(empty).toEqual({
      input: 'plan plans/empty.json',
      counts: { create: 0, update: 0, replace: 0, delete: 0, read: 0, 'no-op': 0 },
      changes: [],
      destructive: [],
    });
  });
});
