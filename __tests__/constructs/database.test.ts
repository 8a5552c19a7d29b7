import { NORWAY_EAST, NORWAY_WEST, NorwayRegion, regionCapabilities } from '../../constructs/core/region';
import {
  NorwayPostgresqlFlexibleServer,
  NorwayPostgresqlFlexibleServerProps,
  POSTGRESQL_PRIVATE_DNS_ZONE,
} from '../../constructs/database';
import { NorwayKeyVault } from '../../constructs/keyvault';
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
const ZONE = `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/${POSTGRESQL_PRIVATE_DNS_ZONE}`;
const ADMINS = { objectId: '00000000-0000-0000-0000-0000000000ad', principalName: 'pg-admins' };

function server(
  stack: NorwayStack,
  region: NorwayRegion,
  extra: Partial<NorwayPostgresqlFlexibleServerProps> = {},
): NorwayPostgresqlFlexibleServer {
  const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
  const pair = regionCapabilities(region).pair;
  const pairVault = new NorwayKeyVault(stack, 'kv-pair', {
    region: pair,
    resourceGroupName: 'rg-keys',
    name: 'kv-pair-keys',
    tenantId: TENANT,
    diagnosticSettings: { workspaceId: logs.workspaceId },
    privateEndpoints: { vault: { subnetId: SUBNET, privateDnsZoneIds: [ZONE] } },
    tags: { 'dr-approval': 'geo backup key of the records database' },
  });
  return new NorwayPostgresqlFlexibleServer(stack, 'pg', {
    region,
    resourceGroupName: 'rg-data',
    name: 'psql-records',
    tenantId: TENANT,
    entraAdministrator: ADMINS,
    customerManagedKey: { keyVault },
    geoRedundantBackup: {
      keyVault: pairVault,
      tags: { 'dr-approval': 'geo backup of the records database' },
    },
    diagnosticSettings: { workspaceId: logs.workspaceId },
    privateEndpoints: { server: { subnetId: SUBNET, privateDnsZoneIds: [ZONE] } },
    ...extra,
  });
}

describe.each([NORWAY_EAST, NORWAY_WEST])(
  'NorwayPostgresqlFlexibleServer with defaults in %s',
  (region: NorwayRegion) => {
    let stack: NorwayStack;
    let json: Json;
    let pg: Json;
    beforeAll(() => {
      // GIVEN
      stack = testStack(region);
      // WHEN
      server(stack, region);
      json = synth(stack);
      pg = only(json, 'azurerm_postgresql_flexible_server');
    });

    test('Entra ID only, no public access, geo backup, 35 days of restore', () => {
      expect(pg).toMatchObject({
        location: region,
        version: '16',
        sku_name: 'GP_Standard_D2ds_v5',
        public_network_access_enabled: false,
        geo_redundant_backup_enabled: true,
        backup_retention_days: 35,
        authentication: {
          active_directory_auth_enabled: true,
          password_auth_enabled: false,
          tenant_id: TENANT,
        },
        lifecycle: { prevent_destroy: true },
      });
      expect(pg.administrator_login).toBeUndefined();
      expect(pg.administrator_password).toBeUndefined();
    });

    test('high availability from the region: zone-redundant with zones, same-zone without', () => {
      if (region === NORWAY_EAST) {
        expect(pg.zone).toBe('1');
        expect(pg.high_availability).toEqual({ mode: 'ZoneRedundant', standby_availability_zone: '2' });
      } else {
        expect(pg.zone).toBeUndefined();
        expect(pg.high_availability).toEqual({ mode: 'SameZone' });
      }
    });

    test('customer-managed key, and the geo copy encrypted with a key in the pair region', () => {
      expect(pg.customer_managed_key).toEqual({
        key_vault_key_id: expect.stringMatching(
          /^\$\{azurerm_key_vault_key\.pg_Key_[0-9A-F]{8}\.versionless_id\}$/,
        ),
        primary_user_assigned_identity_id: expect.stringMatching(
          /^\$\{azurerm_user_assigned_identity\.pg_KeyIdentity_/,
        ),
        geo_backup_key_vault_key_id: expect.stringMatching(/^\$\{azurerm_key_vault_key\.pg_GeoBackupKey_/),
        geo_backup_user_assigned_identity_id: expect.stringMatching(
          /^\$\{azurerm_user_assigned_identity\.pg_GeoBackupKeyIdentity_/,
        ),
      });
      expect(pg.identity.type).toBe('UserAssigned');
      expect(pg.identity.identity_ids).toHaveLength(2);
      expect(only(json, 'azurerm_user_assigned_identity', 'pg_GeoBackupKeyIdentity').location).toBe(
        regionCapabilities(region).pair,
      );
    });

    test('an Entra administrator group, connection logging and TLS enforced', () => {
      expect(only(json, 'azurerm_postgresql_flexible_server_active_directory_administrator')).toMatchObject({
        object_id: ADMINS.objectId,
        principal_name: 'pg-admins',
        principal_type: 'Group',
        tenant_id: TENANT,
      });
      const settings = Object.values(
        resourcesOf(json, 'azurerm_postgresql_flexible_server_configuration'),
      ).map((c: Json) => [c.name, c.value]);
      expect(settings.sort()).toEqual([
        ['log_connections', 'on'],
        ['log_disconnections', 'on'],
        ['require_secure_transport', 'on'],
        ['ssl_min_protocol_version', 'TLSv1.2'],
      ]);
    });

    test('a private endpoint, diagnostics and a lock', () => {
      expect(only(json, 'azurerm_private_endpoint', 'pg_')).toMatchObject({
        name: 'psql-records-pe-postgresqlServer',
        private_service_connection: { subresource_names: ['postgresqlServer'] },
        private_dns_zone_group: { private_dns_zone_ids: [ZONE] },
      });
      expect(only(json, 'azurerm_monitor_diagnostic_setting', 'pg_')).toMatchObject({
        name: 'to-log-analytics',
      });
      expect(only(json, 'azurerm_management_lock', 'pg_')).toMatchObject({ lock_level: 'CanNotDelete' });
    });

    test('zero error findings from the policy engine, no relaxed defaults', () => {
      expect(errorFindings(stack)).toEqual([]);
      expect(relaxedWarnings(stack)).toEqual([]);
    });
  },
);

describe('NorwayPostgresqlFlexibleServer validation', () => {
  const attempt = (region: NorwayRegion, extra: Record<string, unknown>) => () =>
    server(testStack(region), region, extra as Partial<NorwayPostgresqlFlexibleServerProps>);

  test('fails when the region is not in Norway', () => {
    expect(attempt(NORWAY_EAST, { region: 'westeurope' })).toThrow(
      /region "westeurope" is not a Norway region/,
    );
  });

  test('fails when there is no private endpoint', () => {
    expect(attempt(NORWAY_EAST, { privateEndpoints: {} })).toThrow(/privateEndpoints is missing/);
  });

  test('fails when zone-redundant HA is asked for in a region without zones', () => {
    expect(attempt(NORWAY_WEST, { highAvailability: { mode: 'ZoneRedundant' } })).toThrow(
      /highAvailability ZoneRedundant needs availability zones, which norwaywest does not have/,
    );
  });

  test('fails when a Burstable SKU is asked to be highly available', () => {
    expect(attempt(NORWAY_EAST, { skuName: 'B_Standard_B1ms' })).toThrow(
      /Burstable, which has no high availability/,
    );
  });

  test('fails when the geo backup key is not in the pair region', () => {
    const stack = testStack(NORWAY_EAST);
    const { keyVault } = logsAndKeyVault(stack, NORWAY_EAST, SUBNET);
    expect(
      () =>
        new NorwayPostgresqlFlexibleServer(stack, 'pg', {
          region: NORWAY_EAST,
          resourceGroupName: 'rg',
          name: 'psql-records',
          tenantId: TENANT,
          entraAdministrator: ADMINS,
          customerManagedKey: { keyVault },
          geoRedundantBackup: { keyVault },
          diagnosticSettings: { workspaceId: 'w' },
          privateEndpoints: { server: { subnetId: SUBNET, privateDnsZoneIds: [ZONE] } },
        }),
    ).toThrow(/geo backup key must be in the pair region norwaywest/);
  });

  test('fails when a relaxation has no justification, and names every problem once', () => {
    expect(
      attempt(NORWAY_EAST, {
        name: 'PG_bad',
        geoRedundantBackup: { relaxed: true, justification: 'no' },
        backupRetentionDays: 90,
        entraAdministrator: { objectId: '', principalName: '' },
      }),
    ).toThrow(
      /test-norwayeast\/pg: 4 problems:\n {2}- PostgreSQL server name "PG_bad" is invalid.*\n {2}- backupRetentionDays 90 is outside 7-35\n {2}- entraAdministrator needs objectId and principalName.*\n {2}- geoRedundantBackup: \{ relaxed: true \} needs a justification/,
    );
  });

  test('a justified relaxation is a visible warning', () => {
    const stack = testStack(NORWAY_EAST);
    server(stack, NORWAY_EAST, {
      geoRedundantBackup: {
        relaxed: true,
        justification: 'test data only; restored from the source system',
      },
    });
    expect(relaxedWarnings(stack)).toEqual([
      expect.stringMatching(
        /^\[relaxed default\] test-norwayeast\/pg: geo-redundant backup off .*Justification: test data only/,
      ),
    ]);
    expect(only(synth(stack), 'azurerm_postgresql_flexible_server').geo_redundant_backup_enabled).toBe(false);
  });
});
