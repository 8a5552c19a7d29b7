import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import { NorwayStorageAccount, NorwayStorageAccountProps } from '../../constructs/storage';
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

const SUBNET =
  '/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/endpoints';
const BLOB_ZONE =
  '/subscriptions/s/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net';

/** A workspace and a key vault: what a storage account needs besides itself. */
function dependencies(stack: NorwayStack, region: NorwayRegion) {
  const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
  return { logs, keyVault };
}

describe.each([
  [NORWAY_EAST, 'GZRS'],
  [NORWAY_WEST, 'GRS'],
])('NorwayStorageAccount with defaults in %s', (region: NorwayRegion, replication: string) => {
  let stack: NorwayStack;
  let json: Json;
  let account: Json;
  beforeAll(() => {
    // GIVEN
    stack = testStack(region);
    const { logs, keyVault } = dependencies(stack, region);
    // WHEN
    new NorwayStorageAccount(stack, 'data', {
      region,
      resourceGroupName: 'rg-data',
      name: 'sthospitaldata01',
      customerManagedKey: { keyVault },
      diagnosticSettings: { workspaceId: logs.workspaceId },
      privateEndpoints: { main: { subnetId: SUBNET, privateDnsZoneIds: [BLOB_ZONE] } },
    });
    json = synth(stack);
    account = only(json, 'azurerm_storage_account');
  });

  test('Entra ID only, HTTPS with TLS 1.2, no public access, no public blobs, firewall deny', () => {
    expect(account).toMatchObject({
      location: region,
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      public_network_access_enabled: false,
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
      allow_nested_items_to_be_public: false,
      cross_tenant_replication_enabled: false,
      network_rules: { default_action: 'Deny', bypass: ['None'] },
    });
  });

  test(`replication ${replication}: what the region supports, geo copy in the pair`, () => {
    expect(account.account_replication_type).toBe(replication);
  });

  test('infrastructure encryption and a customer-managed key from the Norway Key Vault', () => {
    expect(account.infrastructure_encryption_enabled).toBe(true);
    expect(account.customer_managed_key).toEqual({
      key_vault_key_id: '${azurerm_key_vault_key.data_Key_49D9B62C.versionless_id}',
      user_assigned_identity_id: '${azurerm_user_assigned_identity.data_KeyIdentity_47583733.id}',
    });
    expect(account.identity).toEqual({
      type: 'UserAssigned',
      identity_ids: ['${azurerm_user_assigned_identity.data_KeyIdentity_47583733.id}'],
    });
    const key = only(json, 'azurerm_key_vault_key');
    expect(key.key_vault_id).toBe('${azurerm_key_vault.kv_12F4CEEB.id}');
    expect(key.name).toBe('sthospitaldata01-cmk');
    const access = only(json, 'azurerm_role_assignment');
    expect(access).toMatchObject({
      scope: '${azurerm_key_vault_key.data_Key_49D9B62C.resource_id}',
      role_definition_name: 'Key Vault Crypto Service Encryption User',
    });
    expect(account.depends_on).toEqual(['azurerm_role_assignment.data_KeyAccess_83202AA3']);
  });

  test('blob versioning and soft delete', () => {
    expect(account.blob_properties).toMatchObject({
      versioning_enabled: true,
      delete_retention_policy: { days: 30 },
      container_delete_retention_policy: { days: 30 },
    });
  });

  test('a private endpoint for blob with its DNS zone group', () => {
    const pe = only(json, 'azurerm_private_endpoint', 'data_');
    expect(pe.private_service_connection).toMatchObject({
      private_connection_resource_id: '${azurerm_storage_account.data_7E2128CA.id}',
      subresource_names: ['blob'],
    });
    expect(pe.private_dns_zone_group).toEqual({ name: 'default', private_dns_zone_ids: [BLOB_ZONE] });
  });

  test('diagnostics on the account and the blob service to the Norway workspace', () => {
    const settings = Object.entries(resourcesOf(json, 'azurerm_monitor_diagnostic_setting')).filter(([n]) =>
      n.startsWith('data_'),
    );
    expect(
      settings.map(([, s]) => [s.target_resource_id, s.log_analytics_workspace_id, s.enabled_log]),
    ).toEqual([
      [
        '${azurerm_storage_account.data_7E2128CA.id}/blobServices/default',
        '${azurerm_log_analytics_workspace.logs_0B6081B1.id}',
        [{ category_group: 'allLogs' }],
      ],
      [
        '${azurerm_storage_account.data_7E2128CA.id}',
        '${azurerm_log_analytics_workspace.logs_0B6081B1.id}',
        undefined,
      ],
    ]);
  });

  test('a CanNotDelete lock and prevent_destroy', () => {
    expect(account.lifecycle).toEqual({ prevent_destroy: true });
    expect(only(json, 'azurerm_management_lock', 'data_')).toMatchObject({
      scope: '${azurerm_storage_account.data_7E2128CA.id}',
      lock_level: 'CanNotDelete',
    });
  });

  test('zero error findings from the policy engine', () => {
    expect(errorFindings(stack)).toEqual([]);
  });
});

describe('NorwayStorageAccount validation', () => {
  function attempt(region: NorwayRegion, overrides: Partial<NorwayStorageAccountProps>) {
    const stack = testStack(region);
    const { logs, keyVault } = dependencies(stack, region);
    return () =>
      new NorwayStorageAccount(stack, 'data', {
        region,
        resourceGroupName: 'rg-data',
        name: 'sthospitaldata01',
        customerManagedKey: { keyVault },
        diagnosticSettings: { workspaceId: logs.workspaceId },
        ...overrides,
      });
  }

  test.each(['ZRS', 'GZRS', 'RAGZRS'] as const)(
    'fails when %s is asked for in Norway West',
    (replication) => {
      expect(attempt(NORWAY_WEST, { replication })).toThrow(
        new RegExp(
          `test-norwaywest/data: replication '${replication}' is not available in norwaywest .*use one of 'LRS', 'GRS', 'RAGRS'`,
        ),
      );
    },
  );

  test.each(['ab', 'StHospital', 'st-hospital', 'sthospitaldata0123456789x'])(
    'fails when the name is %j',
    (name) => {
      expect(attempt(NORWAY_EAST, { name })).toThrow(
        `test-norwayeast/data: storage account name ${JSON.stringify(name)} is invalid: expected 3-24 characters, lowercase letters and digits only`,
      );
    },
  );

  test('fails when the customer-managed key has no key vault', () => {
    expect(attempt(NORWAY_EAST, { customerManagedKey: undefined })).toThrow(
      /customerManagedKey is missing: pass \{ keyVault \}/,
    );
    expect(attempt(NORWAY_EAST, { customerManagedKey: {} as never })).toThrow(
      /customerManagedKey.keyVault is missing/,
    );
  });

  test('fails with every problem at once', () => {
    expect(
      attempt(NORWAY_WEST, {
        name: 'BAD',
        replication: 'ZRS',
        customerManagedKey: undefined,
        diagnosticSettings: undefined,
      }),
    ).toThrow(/test-norwaywest\/data: 4 problems:/);
  });

  test('relaxing shared keys and customer-managed keys is explicit and visible', () => {
    const stack = testStack(NORWAY_EAST);
    const { logs } = dependencies(stack, NORWAY_EAST);
    new NorwayStorageAccount(stack, 'data', {
      region: NORWAY_EAST,
      resourceGroupName: 'rg-data',
      name: 'stscratch01',
      customerManagedKey: {
        relaxed: true,
        justification: 'Holds build caches only, no patient data',
      },
      sharedAccessKey: { relaxed: true, justification: 'Legacy tool needs SAS until ticket 456' },
      diagnosticSettings: { workspaceId: logs.workspaceId },
    });
    const account = only(synth(stack), 'azurerm_storage_account');
    expect(account.shared_access_key_enabled).toBe(true);
    expect(account.customer_managed_key).toBeUndefined();
    expect(account.infrastructure_encryption_enabled).toBe(true);
    expect(relaxedWarnings(stack)).toEqual([
      '[relaxed default] test-norwayeast/data: Microsoft-managed keys instead of a customer-managed key. Justification: Holds build caches only, no patient data',
      '[relaxed default] test-norwayeast/data: shared key (account key and SAS) authorization enabled. Justification: Legacy tool needs SAS until ticket 456',
    ]);
  });
});
