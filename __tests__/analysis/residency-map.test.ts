import type { CheckResult } from '../../policies/engine/result';
import { DataResidency, hasResidencyConcern, residencyMap } from '../../policies/analysis/residency-map';
import { buildWorkspace } from '../../policies/model/build';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { planReport, synthStack, synthStackReport } from '../helpers/report-stacks';

let stackReport: CheckResult;
beforeAll(() => {
  stackReport = synthStackReport(synthStack().outdir);
});

function entry(map: readonly DataResidency[], address: string): DataResidency {
  const found = map.find((e) => e.address === address);
  if (!found)
    throw new Error(`${address} is not in the residency map: ${map.map((e) => e.address).join(', ')}`);
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
  let report: CheckResult;
  let map: DataResidency[];
  beforeAll(() => {
    report = planReport();
    map = residencyMap(report.workspace);
  });

  test('lists data-bearing resources that remain after apply (a deleted account holds nothing any more)', () => {
    expect(map.map((e) => e.address).sort()).toEqual([
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
    expect(map.map((e) => e.address)).toEqual(['azurerm_bot_service_azure_bot.b']);
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

describe('residency map of a primary known only to be one of several regions', () => {
  /** A GRS account whose location is a variable its validation limits to `regions`. */
  const limitedTo = (...regions: string[]): DataResidency => {
    const model = loadTerraformJson(
      {
        resource: {
          azurerm_storage_account: {
            sa: { name: 'stlimited', location: '${var.location}', account_replication_type: 'GRS' },
          },
        },
        variable: {
          location: {
            type: 'string',
            validation: [
              { condition: `\${contains([${regions.map((r) => `"${r}"`).join(', ')}], var.location)}` },
            ],
          },
        },
      },
      { file: 'main.tf.json' },
    );
    const [only, ...rest] = residencyMap(buildWorkspace([model]));
    expect(rest).toEqual([]);
    return only;
  };

  test('either Norway region: the geo copy goes to the other one, so it stays in Norway', () => {
    const sa = limitedTo('norwayeast', 'norwaywest');
    expect(sa.primary).toEqual({ status: 'norway', detail: 'one of norwayeast, norwaywest' });
    expect(sa.copies).toEqual([
      {
        kind: 'replica',
        via: 'account_replication_type = GRS',
        place: { status: 'norway', detail: 'paired region of one of norwayeast, norwaywest' },
      },
    ]);
    expect(hasResidencyConcern(sa)).toBe(false);
  });

  test('a Norway region or one abroad: where the geo copy goes is not known', () => {
    const sa = limitedTo('norwayeast', 'westeurope');
    expect(sa.primary).toEqual({ status: 'outside', detail: 'one of norwayeast, westeurope' });
    expect(sa.copies).toEqual([
      {
        kind: 'replica',
        via: 'account_replication_type = GRS',
        place: { status: 'unknown', detail: 'paired region of an unknown primary' },
      },
    ]);
  });
});

describe('residency map of types named like inherited properties', () => {
  test('resources of type constructor, toString or __proto__ leave the map of the others as it was', () => {
    // Parsed, as an input is: in an object literal `__proto__` would be the prototype, not a type.
    const model = loadTerraformJson(
      JSON.parse(
        '{"resource": {"constructor": {"a": {"name": "a"}}, "toString": {"b": {"name": "b"}}, "__proto__": {"c": {"name": "c"}}, ' +
          '"azurerm_storage_account": {"sa": {"name": "sa", "location": "norwayeast", "account_replication_type": "LRS"}}}}',
      ) as Record<string, unknown>,
      { file: 'main.tf.json' },
    );
    const map = residencyMap(buildWorkspace([model]));
    expect(map.map((e) => [e.address, e.primary, copies(e)])).toEqual([
      ['azurerm_storage_account.sa', { location: 'norwayeast', status: 'norway' }, []],
    ]);
  });
});
