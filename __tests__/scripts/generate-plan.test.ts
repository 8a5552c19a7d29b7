/**
 * The benchmark generator promises shapes, not timings: exact resource counts, modules with count and
 * for_each instances, every kind of plan action, unknowns and references, every rule family's types,
 * and inputs our loaders accept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInventory, generateCdktfOut, generatePlan } from '../../scripts/generate-plan';
import { loadPlan } from '../../policies/model/load-plan';
import { loadCdktfOut } from '../../policies/model/load-cdktf-out';
import type { TfModel } from '../../policies/model/types';

const RESOURCES = 400;

/** One type per rule family (residency, encryption, network, identity, logging, backup, state/plan). */
const FAMILY_TYPES = [
  'azurerm_resource_group',
  'azurerm_storage_account',
  'azurerm_storage_container',
  'azurerm_storage_object_replication',
  'azurerm_key_vault',
  'azurerm_key_vault_key',
  'azurerm_network_security_group',
  'azurerm_network_security_rule',
  'azurerm_public_ip',
  'azurerm_network_interface',
  'azurerm_linux_virtual_machine',
  'azurerm_linux_virtual_machine_scale_set',
  'azurerm_managed_disk',
  'azurerm_monitor_diagnostic_setting',
  'azurerm_log_analytics_workspace',
  'azurerm_log_analytics_data_export_rule',
  'azurerm_recovery_services_vault',
  'azurerm_data_protection_backup_vault',
  'azurerm_management_lock',
  'azurerm_private_endpoint',
  'azurerm_private_dns_zone',
  'azurerm_role_assignment',
  'azurerm_cosmosdb_account',
  'azurerm_mssql_server',
  'azurerm_mssql_database',
  'azurerm_mssql_server_extended_auditing_policy',
  'azurerm_postgresql_flexible_server',
  'azurerm_postgresql_flexible_server_configuration',
  'aws_s3_bucket',
];

type Plan = {
  planned_values: {
    root_module: { child_modules: { address: string; child_modules?: { address: string }[] }[] };
  };
  resource_changes: {
    address: string;
    change: { actions: string[]; after_unknown: Record<string, unknown> };
  }[];
  configuration: {
    root_module: { module_calls: Record<string, { module: { module_calls?: Record<string, unknown> } }> };
  };
  prior_state: unknown;
};

describe('generate-plan: synthetic plan JSON for the engine benchmark', () => {
  let plan: Plan;
  let model: TfModel;

  beforeAll(() => {
    plan = generatePlan({ resources: RESOURCES, seed: 7 }) as unknown as Plan;
    model = loadPlan(plan, { file: 'plan.json' });
  });

  test('holds exactly the number of resources asked for, and the plan loader reads them all', () => {
    expect(buildInventory({ resources: RESOURCES, seed: 7 })).toHaveLength(RESOURCES);
    expect(model.resources).toHaveLength(RESOURCES);
  });

  test('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generatePlan({ resources: 150, seed: 3 }))).toBe(
      JSON.stringify(generatePlan({ resources: 150, seed: 3 })),
    );
    expect(JSON.stringify(generatePlan({ resources: 150, seed: 3 }))).not.toBe(
      JSON.stringify(generatePlan({ resources: 150, seed: 4 })),
    );
  });

  test('nests child modules in planned_values and module_calls in configuration', () => {
    const trust = plan.planned_values.root_module.child_modules.find(
      (m) => m.address === 'module.trust["t000-prod"]',
    );
    expect(trust?.child_modules?.map((m) => m.address)).toEqual([
      'module.trust["t000-prod"].module.network',
      'module.trust["t000-prod"].module.data',
      'module.trust["t000-prod"].module.compute',
      'module.trust["t000-prod"].module.backup',
    ]);
    expect(Object.keys(plan.configuration.root_module.module_calls).sort()).toEqual(['hub', 'trust']);
    expect(Object.keys(plan.configuration.root_module.module_calls.trust.module.module_calls ?? {})).toEqual([
      'network',
      'data',
      'compute',
      'backup',
    ]);
  });

  test('has count and for_each instances with module sources', () => {
    const subnet = model.byAddress.get('module.trust["t000-prod"].module.network.azurerm_subnet.this[2]');
    expect(subnet?.index).toBe(2);
    expect(subnet?.source.module).toBe('module.trust["t000-prod"].module.network');
    expect(
      model.byAddress.get('module.trust["t000-prod"].module.data.azurerm_private_endpoint.pe["vault"]')
        ?.index,
    ).toBe('vault');
  });

  test('plans every kind of action, with unknown ids for what is created and references behind them', () => {
    const actions = new Set(plan.resource_changes.map((c) => c.change.actions.join(',')));
    expect([...actions].sort()).toEqual(['create', 'delete', 'delete,create', 'no-op', 'update']);
    const created = plan.resource_changes.find((c) => c.change.actions.join() === 'create');
    expect(created?.change.after_unknown.id).toBe(true);
    expect(plan.prior_state).toBeDefined();
    const withReferences = model.resources.filter(
      (r) => r.references && [...r.references.values()].some((refs) => refs.length > 0),
    );
    expect(withReferences.length).toBeGreaterThan(RESOURCES / 2);
  });

  test('covers every rule family with its resource types', () => {
    expect(FAMILY_TYPES.filter((type) => !model.byType.has(type))).toEqual([]);
  });
});

describe('generate-plan: synthetic cdktf.out with many stacks', () => {
  let dir: string;
  let models: TfModel[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-cdktf-out-'));
    generateCdktfOut({ resources: RESOURCES, seed: 7 }, dir);
    models = loadCdktfOut(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('writes one stack per platform environment and per trust environment, all read by the loader', () => {
    expect(models.map((m) => m.stack)).toEqual(
      expect.arrayContaining([
        'platform-shared',
        'platform-prod-norwayeast',
        'platform-dr-norwaywest',
        'workload-t000-prod',
      ]),
    );
    const configured = models.reduce(
      (n, m) => n + m.resources.filter((r) => r.type !== 'terraform_remote_state').length,
      0,
    );
    expect(configured).toBe(RESOURCES);
  });

  test('references resources with ${...} expressions and other stacks through terraform_remote_state outputs', () => {
    const workload = models.find((m) => m.stack === 'workload-t000-prod') as TfModel;
    const diag = workload.byType.get('azurerm_monitor_diagnostic_setting')?.[0];
    expect(diag?.values.log_analytics_workspace_id).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-platform-prod-norwayeast\.outputs\.cross-stack-output-azurerm_log_analytics_workspace\w+id\}$/,
    );
    expect(diag?.values.target_resource_id).toMatch(/^\$\{azurerm_storage_account\.\w+\.id\}$/);
    const platform = models.find((m) => m.stack === 'platform-prod-norwayeast') as TfModel;
    expect(platform.outputs.size).toBeGreaterThan(0);
  });
});

describe('generate-plan: the lean shape, many small resources', () => {
  const LEAN = 2000;
  let model: TfModel;
  let estate: TfModel;

  beforeAll(() => {
    model = loadPlan(generatePlan({ resources: LEAN, seed: 7, shape: 'lean' }), { file: 'lean.json' });
    estate = loadPlan(generatePlan({ resources: LEAN, seed: 7 }), { file: 'plan.json' });
  });

  test('holds exactly the number of resources asked for, in trust modules of small resources', () => {
    expect(buildInventory({ resources: LEAN, seed: 7, shape: 'lean' })).toHaveLength(LEAN);
    expect(model.resources).toHaveLength(LEAN);
    const types = (m: TfModel, prefix: string) =>
      [...new Set(m.resources.filter((r) => r.address.startsWith(prefix)).map((r) => r.type))].sort();
    expect(types(model, 'module.trust["t000-prod"].')).toEqual([
      'azurerm_management_lock',
      'azurerm_monitor_diagnostic_setting',
      'azurerm_network_security_group',
      'azurerm_network_security_rule',
      'azurerm_private_dns_a_record',
      'azurerm_resource_group',
      'azurerm_role_assignment',
    ]);
    expect(
      model.byAddress.get('module.trust["t000-prod"].azurerm_network_security_rule.rule["r3"]')?.index,
    ).toBe('r3');
  });

  test('has resources with fewer attributes than the estate shape, so per-resource cost dominates', () => {
    const attributes = (m: TfModel) =>
      m.resources.reduce((n, r) => n + Object.keys(r.values).length, 0) / m.resources.length;
    expect(attributes(model)).toBeLessThan(9);
    expect(attributes(model)).toBeLessThan(attributes(estate) * 0.75);
  });

  test('writes as cdktf.out as well', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-lean-'));
    try {
      expect(generateCdktfOut({ resources: 300, seed: 7, shape: 'lean' }, dir).resources).toBe(300);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
