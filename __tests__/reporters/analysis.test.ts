import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdktf';
import type { Report } from '../../policies/engine/report';
import { deployWaves, readStacks, StackInfo } from '../../policies/report/deploy-order';
import { actionOf, planSummary } from '../../policies/report/plan-summary';
import { DataResidency, hasResidencyConcern, residencyMap } from '../../policies/report/residency-map';
import { inventory } from '../../policies/report/inventory';
import { buildWorkspace } from '../../policies/model/build';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { NORWAY_EAST } from '../../constructs/core/region';
import { NorwayStack } from '../../stacks/norway-stack';
import { planReport, synthStack, synthStackReport } from './support';

let stackReport: Report;
beforeAll(() => {
  stackReport = synthStackReport(synthStack().outdir);
});

function entry(map: readonly DataResidency[], address: string): DataResidency {
  const found = map.find((e) => e.resource.address === address);
  if (!found)
    throw new Error(
      `${address} is not in the residency map: ${map.map((e) => e.resource.address).join(', ')}`,
    );
  return found;
}

const copies = (e: DataResidency) =>
  e.copies.map((c) => ({
    kind: c.kind,
    via: c.via,
    target: c.target,
    location: c.place.location,
    status: c.place.status,
  }));

describe('residency map of the plan fixture', () => {
  let report: Report;
  let map: DataResidency[];
  beforeAll(() => {
    report = planReport();
    map = residencyMap(report.workspace);
  });

  test('lists data-bearing resources that remain after apply (a deleted account holds nothing any more)', () => {
    expect(map.map((e) => e.resource.address).sort()).toEqual([
      'azurerm_cosmosdb_account.records',
      'azurerm_key_vault.data',
      'azurerm_key_vault_key.cmk_records',
      // The catalogue counts secrets as data-bearing key material (losing one loses access to the data).
      'azurerm_key_vault_secret.pg_admin',
      'azurerm_log_analytics_workspace.central',
      'azurerm_storage_account.data',
      'azurerm_storage_account.replica',
    ]);
  });

  test('the replaced account: GZRS to the pair, object replication to westeurope, blob logs to the workspace, key from the vault', () => {
    const data = entry(map, 'azurerm_storage_account.data');
    expect(data.primary).toEqual({ location: 'norwayeast', status: 'norway' });
    expect(copies(data)).toEqual([
      {
        kind: 'replica',
        via: 'account_replication_type = GZRS',
        target: undefined,
        location: 'norwaywest',
        status: 'norway',
      },
      {
        kind: 'replica',
        via: 'azurerm_storage_object_replication.data_to_replica',
        target: 'azurerm_storage_account.replica',
        location: 'westeurope',
        status: 'outside',
      },
      {
        kind: 'logs',
        via: 'azurerm_monitor_diagnostic_setting.data_blob (Log Analytics)',
        target: 'azurerm_log_analytics_workspace.central',
        location: 'norwayeast',
        status: 'norway',
      },
      {
        kind: 'key',
        via: 'azurerm_storage_account_customer_managed_key.data',
        target: 'azurerm_key_vault.data',
        location: 'norwayeast',
        status: 'norway',
      },
    ]);
  });

  test('Cosmos DB: the westeurope geo location, geo backups to the pair, logs, and the key named by its versionless id', () => {
    expect(copies(entry(map, 'azurerm_cosmosdb_account.records'))).toEqual([
      {
        kind: 'replica',
        via: 'geo_location[1]',
        target: undefined,
        location: 'westeurope',
        status: 'outside',
      },
      {
        kind: 'backup',
        via: 'backup.storage_redundancy = Geo',
        target: undefined,
        location: 'norwaywest',
        status: 'norway',
      },
      {
        kind: 'logs',
        via: 'azurerm_monitor_diagnostic_setting.records (Log Analytics)',
        target: 'azurerm_log_analytics_workspace.central',
        location: 'norwayeast',
        status: 'norway',
      },
      {
        kind: 'key',
        via: 'key_vault_key_id',
        target: 'azurerm_key_vault_key.cmk_records',
        location: 'norwayeast',
        status: 'norway',
      },
    ]);
  });

  test('a key without its own location lives where its vault is', () => {
    expect(entry(map, 'azurerm_key_vault_key.cmk_records').primary).toEqual({
      location: 'norwayeast',
      status: 'norway',
    });
  });
});

describe('residency map of a synthesized stack (references, not literals)', () => {
  test('resolves the CMK, the blob diagnostic setting built from the account id, and a Swedish geo location', () => {
    const map = residencyMap(stackReport.workspace);
    expect(copies(entry(map, 'azurerm_storage_account.records'))).toEqual([
      {
        kind: 'replica',
        via: 'account_replication_type = GRS',
        target: undefined,
        location: 'norwaywest',
        status: 'norway',
      },
      {
        kind: 'logs',
        via: 'azurerm_monitor_diagnostic_setting.records-blob-diagnostics (Log Analytics)',
        target: 'azurerm_log_analytics_workspace.logs',
        location: 'norwayeast',
        status: 'norway',
      },
      {
        kind: 'key',
        via: 'customer_managed_key.key_vault_key_id',
        target: 'azurerm_key_vault_key.key',
        location: 'norwayeast',
        status: 'norway',
      },
    ]);
    expect(copies(entry(map, 'azurerm_cosmosdb_account.journal'))).toEqual([
      {
        kind: 'replica',
        via: 'geo_location[1]',
        target: undefined,
        location: 'swedencentral',
        status: 'outside',
      },
    ]);
    expect(entry(map, 'azurerm_storage_account.abroad').primary).toEqual({
      location: 'westeurope',
      status: 'outside',
    });
  });
});

describe('plan summary', () => {
  test('counts actions as terraform plan does and lists destructive changes to data-bearing resources', () => {
    const model = planReport().workspace.models[0];
    const summary = planSummary(model)!;
    expect(summary.counts).toEqual({ create: 6, update: 1, replace: 1, delete: 1, read: 0, 'no-op': 4 });
    expect(summary.destructive.map((c) => [c.action, c.address])).toEqual([
      ['delete', 'azurerm_storage_account.archive'],
      ['replace', 'azurerm_storage_account.data'],
    ]);
    expect(summary.changes).toHaveLength(9);
  });

  test('replacement in either order; synthesized input has no plan summary', () => {
    expect(actionOf(['delete', 'create'])).toBe('replace');
    expect(actionOf(['create', 'delete'])).toBe('replace');
    expect(actionOf(['no-op'])).toBe('no-op');
    expect(planSummary(stackReport.workspace.models[0])).toBeUndefined();
  });
});

describe('residency map of types the catalogue has not classified', () => {
  test('an unclassified type is data-bearing, with copies of unknown place', () => {
    const model = loadTerraformJson(
      {
        resource: {
          azurerm_bot_service_azure_bot: { b: { name: 'b', location: 'norwayeast' } },
          azurerm_subnet: { s: { name: 's', virtual_network_name: 'vnet' } },
        },
      },
      { file: 'main.tf.json' },
    );
    const map = residencyMap(buildWorkspace([model]));
    expect(map.map((e) => e.resource.address)).toEqual(['azurerm_bot_service_azure_bot.b']);
    expect(map[0].primary).toEqual({ location: 'norwayeast', status: 'norway' });
    expect(copies(map[0])).toEqual([
      {
        kind: 'replica',
        via: 'azurerm_bot_service_azure_bot (unclassified type)',
        target: undefined,
        location: undefined,
        status: 'unknown',
      },
    ]);
    expect(hasResidencyConcern(map[0])).toBe(true);
  });
});

describe('inventory', () => {
  test('counts resources by type and by resolved location, deleted ones excluded', () => {
    const report = planReport();
    const inv = inventory(report.workspace, report.workspace.models[0]);
    expect(inv.resources).toBe(12);
    expect(inv.byLocation).toEqual([
      ['(none)', 6],
      ['norwayeast', 5],
      ['westeurope', 1],
    ]);
    expect(inv.byType[0]).toEqual(['azurerm_monitor_diagnostic_setting', 2]);
  });

  test('types the catalogue knows to be global count as global without a location attribute', () => {
    const model = loadTerraformJson(
      {
        resource: {
          azurerm_private_dns_zone: { z: { name: 'privatelink.blob.core.windows.net' } },
          azurerm_role_assignment: { r: { scope: '/subscriptions/x', principal_id: 'p' } },
          azurerm_resource_group: { rg: { name: 'rg', location: 'Norway East' } },
        },
      },
      { file: 'main.tf.json' },
    );
    const inv = inventory(buildWorkspace([model]), model);
    expect(inv.byLocation).toEqual([
      ['(none)', 1],
      ['global', 1],
      ['norwayeast', 1],
    ]);
  });
});

describe('deployment waves', () => {
  const stack = (name: string, dependencies: string[] = [], bootstrap = false): StackInfo => ({
    name,
    directory: `stacks/${name}`,
    dependencies,
    bootstrap,
  });

  test('dependencies first; bootstrap is never deployed by CI but counts as met', () => {
    const waves = deployWaves([
      stack('bootstrap', [], true),
      stack('platform-b', ['bootstrap']),
      stack('platform-a', ['bootstrap']),
      stack('app', ['platform-a']),
    ]);
    expect(waves).toEqual([['platform-a', 'platform-b'], ['app']]);
  });

  test('fails on a cycle and on a dependency that does not exist', () => {
    expect(() => deployWaves([stack('a', ['b']), stack('b', ['a'])])).toThrow(
      /stacks a, b depend on each other in a cycle/,
    );
    expect(() => deployWaves([stack('a', ['ghost'])])).toThrow(
      /stack a depends on ghost, which the manifest does not contain/,
    );
  });

  test('reads names, dependencies and the bootstrap marker from a synthesized cdktf.out', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'norway-waves-'));
    const app = new App({ outdir });
    const boot = new NorwayStack(app, 'bootstrap', { region: NORWAY_EAST, bootstrap: true });
    const state = { resourceGroupName: 'rg', storageAccountName: 'st', containerName: 'tfstate' };
    const platform = new NorwayStack(app, 'platform', { region: NORWAY_EAST, state });
    platform.addDependency(boot);
    const workload = new NorwayStack(app, 'workload', { region: NORWAY_EAST, state });
    workload.addDependency(platform);
    app.synth();
    const stacks = readStacks(outdir);
    expect(stacks).toEqual([
      { name: 'bootstrap', directory: 'stacks/bootstrap', dependencies: [], bootstrap: true },
      { name: 'platform', directory: 'stacks/platform', dependencies: ['bootstrap'], bootstrap: false },
      { name: 'workload', directory: 'stacks/workload', dependencies: ['platform'], bootstrap: false },
    ]);
    expect(deployWaves(stacks)).toEqual([['platform'], ['workload']]);
  });
});
