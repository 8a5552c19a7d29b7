import { NORWAY_EAST, NORWAY_WEST, NorwayRegion, regionCapabilities } from '../../constructs/core/region';
import { NorwaySqlServer, NorwaySqlServerProps, SQL_PRIVATE_DNS_ZONE } from '../../constructs/database';
import type { NorwayKeyVault } from '../../constructs/keyvault';
import type { NorwayStack } from '../../stacks/norway-stack';
import {
  errorFindings,
  Json,
  only,
  relaxedWarnings,
  resourcesOf,
  synth,
  testStack,
  logsAndKeyVault,
} from './support';

const TENANT = '00000000-0000-0000-0000-000000000001';
const SUBNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe';
const ZONE = `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/${SQL_PRIVATE_DNS_ZONE}`;
const ADMINS = { objectId: '00000000-0000-0000-0000-0000000000ad', principalName: 'sql-admins' };

function sqlServer(
  stack: NorwayStack,
  id: string,
  region: NorwayRegion,
  keyVault: NorwayKeyVault,
  workspaceId: string,
  extra: Partial<NorwaySqlServerProps> = {},
): NorwaySqlServer {
  return new NorwaySqlServer(stack, id, {
    region,
    resourceGroupName: 'rg-data',
    name: `sql-records-${region}`,
    tenantId: TENANT,
    entraAdministrator: ADMINS,
    databases: { records: {} },
    customerManagedKey: { keyVault },
    diagnosticSettings: { workspaceId },
    privateEndpoints: { server: { subnetId: SUBNET, privateDnsZoneIds: [ZONE] } },
    ...extra,
  });
}

describe.each([NORWAY_EAST, NORWAY_WEST])('NorwaySqlServer with defaults in %s', (region: NorwayRegion) => {
  let stack: NorwayStack;
  let json: Json;
  let server: Json;
  let database: Json;
  beforeAll(() => {
    // GIVEN
    stack = testStack(region);
    const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
    // WHEN
    sqlServer(stack, 'sql', region, keyVault, logs.workspaceId);
    json = synth(stack);
    server = only(json, 'azurerm_mssql_server');
    database = only(json, 'azurerm_mssql_database');
  });

  test('Entra ID only, TLS 1.2, no public access, no outbound, TDE with a customer-managed key', () => {
    expect(server).toMatchObject({
      location: region,
      minimum_tls_version: '1.2',
      public_network_access_enabled: false,
      outbound_network_restriction_enabled: true,
      azuread_administrator: {
        azuread_authentication_only: true,
        login_username: 'sql-admins',
        object_id: ADMINS.objectId,
        tenant_id: TENANT,
      },
      transparent_data_encryption_key_vault_key_id: expect.stringMatching(
        /^\$\{azurerm_key_vault_key\.sql_Key_[0-9A-F]{8}\.id\}$/,
      ),
      primary_user_assigned_identity_id: expect.stringMatching(
        /^\$\{azurerm_user_assigned_identity\.sql_KeyIdentity_/,
      ),
      lifecycle: { prevent_destroy: true },
    });
    expect(server.administrator_login).toBeUndefined();
  });

  test('auditing on, to the workspace through the master database', () => {
    expect(only(json, 'azurerm_mssql_server_extended_auditing_policy')).toMatchObject({
      enabled: true,
      log_monitoring_enabled: true,
    });
    expect(only(json, 'azurerm_monitor_diagnostic_setting', 'sql_AuditDiagnostics')).toMatchObject({
      target_resource_id: expect.stringMatching(/\/databases\/master$/),
      enabled_log: [{ category: 'SQLSecurityAuditEvents' }],
    });
  });

  test('the database: zones and backup redundancy from the region, 35 days restore, long-term retention, lock', () => {
    const zoned = regionCapabilities(region).zones.length > 0;
    expect(database).toMatchObject({
      name: 'records',
      zone_redundant: zoned,
      storage_account_type: zoned ? 'GeoZone' : 'Geo',
      transparent_data_encryption_enabled: true,
      short_term_retention_policy: { retention_days: 35 },
      long_term_retention_policy: {
        weekly_retention: 'P12W',
        monthly_retention: 'P12M',
        yearly_retention: 'P5Y',
      },
      lifecycle: { prevent_destroy: true },
    });
    expect(
      Object.keys(resourcesOf(json, 'azurerm_management_lock')).filter((a) => a.startsWith('sql_')),
    ).toHaveLength(2);
  });

  test('a private endpoint to sqlServer', () => {
    expect(only(json, 'azurerm_private_endpoint', 'sql_')).toMatchObject({
      private_service_connection: { subresource_names: ['sqlServer'] },
      private_dns_zone_group: { private_dns_zone_ids: [ZONE] },
    });
  });

  test('zero error findings from the policy engine, no relaxed defaults', () => {
    expect(errorFindings(stack)).toEqual([]);
    expect(relaxedWarnings(stack)).toEqual([]);
  });
});

describe('NorwaySqlServer failover group', () => {
  test('fails over to a partner in the pair region, with every database', () => {
    // GIVEN
    const stack = testStack(NORWAY_EAST);
    const { logs, keyVault } = logsAndKeyVault(stack, NORWAY_EAST, SUBNET);
    const partner = sqlServer(stack, 'sql-dr', NORWAY_WEST, keyVault, logs.workspaceId, {
      databases: {},
      customerManagedKey: {
        relaxed: true,
        justification: 'test: the partner key is not under test here',
      },
    });
    // WHEN
    sqlServer(stack, 'sql', NORWAY_EAST, keyVault, logs.workspaceId, { failoverPartner: partner });
    // THEN
    const group = only(synth(stack), 'azurerm_mssql_failover_group');
    expect(group).toMatchObject({
      name: 'sql-records-norwayeast-fog',
      partner_server: [{ id: expect.stringMatching(/^\$\{azurerm_mssql_server\.sql-dr_/) }],
      databases: [expect.stringMatching(/^\$\{azurerm_mssql_database\.sql_Database-records_/)],
      read_write_endpoint_failover_policy: { mode: 'Automatic', grace_minutes: 60 },
    });
    // The partner's relaxed key is still an error for the engine: relaxed is not the same as passing.
    expect(errorFindings(stack).map((f) => f.split(':')[0])).toEqual([
      expect.stringMatching(/^ENC-002 azurerm_mssql_server\.sql-dr_[0-9A-F]{8}$/),
    ]);
  });

  test('fails when the partner is not in the pair region', () => {
    const stack = testStack(NORWAY_EAST);
    const { logs, keyVault } = logsAndKeyVault(stack, NORWAY_EAST, SUBNET);
    const partner = sqlServer(stack, 'sql-other', NORWAY_EAST, keyVault, logs.workspaceId, {
      name: 'sql-other',
    });
    expect(() =>
      sqlServer(stack, 'sql', NORWAY_EAST, keyVault, logs.workspaceId, { failoverPartner: partner }),
    ).toThrow(/failoverPartner is in norwayeast; a failover group goes only to the pair region norwaywest/);
  });
});

describe('NorwaySqlServer validation', () => {
  const attempt = (extra: Record<string, unknown>) => () => {
    const stack = testStack(NORWAY_EAST);
    const { logs, keyVault } = logsAndKeyVault(stack, NORWAY_EAST, SUBNET);
    sqlServer(stack, 'sql', NORWAY_EAST, keyVault, logs.workspaceId, extra as Partial<NorwaySqlServerProps>);
  };

  test('fails when the region is not in Norway', () => {
    expect(attempt({ region: 'swedencentral' })).toThrow(/region "swedencentral" is not a Norway region/);
  });

  test('fails without a private endpoint, a key or diagnostics, naming each', () => {
    expect(
      attempt({ privateEndpoints: undefined, customerManagedKey: undefined, diagnosticSettings: undefined }),
    ).toThrow(
      /3 problems:\n {2}- customerManagedKey is missing.*\n {2}- diagnosticSettings is missing.*\n {2}- privateEndpoints is missing/,
    );
  });

  test('fails on a bad server name, database retention and an unjustified unlocked database', () => {
    expect(
      attempt({
        name: 'SQL_Records',
        databases: { records: { shortTermRetentionDays: 90, lock: { relaxed: true, justification: 'x' } } },
      }),
    ).toThrow(
      /3 problems:\n {2}- SQL server name "SQL_Records" is invalid.*\n {2}- databases\.records\.shortTermRetentionDays 90 is outside 1-35\n {2}- databases\.records\.lock: \{ relaxed: true \} needs a justification/,
    );
  });
});
