import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import {
  FILE_PRIVATE_DNS_ZONE,
  NorwayFileShareAccount,
  NorwayFileShareAccountProps,
} from '../../constructs/storage';
import type { NorwayStack } from '../../stacks/norway-stack';
import { errorFindings, Json, only, resourcesOf, synth, testStack, logsAndKeyVault } from './support';

const SUBNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe';
const ZONE = `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/${FILE_PRIVATE_DNS_ZONE}`;

function files(stack: NorwayStack, region: NorwayRegion, extra: Partial<NorwayFileShareAccountProps> = {}) {
  const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
  return new NorwayFileShareAccount(stack, 'pacs', {
    region,
    resourceGroupName: 'rg-pacs',
    name: 'stpacsarchive01',
    shares: { archive: { quotaGb: 1024 } },
    customerManagedKey: { keyVault },
    diagnosticSettings: { workspaceId: logs.workspaceId },
    privateEndpoints: { file: { subnetId: SUBNET, privateDnsZoneIds: [ZONE] } },
    ...extra,
  });
}

describe.each([NORWAY_EAST, NORWAY_WEST])(
  'NorwayFileShareAccount with defaults in %s',
  (region: NorwayRegion) => {
    let stack: NorwayStack;
    let json: Json;
    let account: Json;
    beforeAll(() => {
      // GIVEN / WHEN
      stack = testStack(region);
      files(stack, region);
      json = synth(stack);
      account = only(json, 'azurerm_storage_account', 'pacs_');
    });

    test('premium files, zone-redundant only where there are zones, no keys, no public access', () => {
      expect(account).toMatchObject({
        location: region,
        account_kind: 'FileStorage',
        account_tier: 'Premium',
        account_replication_type: region === NORWAY_EAST ? 'ZRS' : 'LRS',
        shared_access_key_enabled: false,
        public_network_access_enabled: false,
        min_tls_version: 'TLS1_2',
        network_rules: { default_action: 'Deny' },
        lifecycle: { prevent_destroy: true },
      });
      expect(account.customer_managed_key.key_vault_key_id).toMatch(/^\$\{azurerm_key_vault_key\.pacs_Key_/);
    });

    test('Entra ID Kerberos, SMB 3.1.1 with AES-256 only, 30 days of share soft delete', () => {
      expect(account.azure_files_authentication).toEqual({
        directory_type: 'AADKERB',
        default_share_level_permission: 'StorageFileDataSmbShareReader',
      });
      expect(account.share_properties).toEqual({
        retention_policy: { days: 30 },
        smb: {
          versions: ['SMB3.1.1'],
          authentication_types: ['Kerberos'],
          kerberos_ticket_encryption_type: ['AES-256'],
          channel_encryption_type: ['AES-256-GCM'],
        },
      });
    });

    test('shares keyed by name; a private endpoint to file; file service logs', () => {
      expect(Object.keys(resourcesOf(json, 'azurerm_storage_share'))).toEqual([
        expect.stringMatching(/^pacs_Share-archive_[0-9A-F]{8}$/),
      ]);
      expect(only(json, 'azurerm_storage_share')).toMatchObject({
        name: 'archive',
        quota: 1024,
        enabled_protocol: 'SMB',
      });
      expect(only(json, 'azurerm_private_endpoint', 'pacs_')).toMatchObject({
        private_service_connection: { subresource_names: ['file'] },
      });
      expect(
        only(json, 'azurerm_monitor_diagnostic_setting', 'pacs_FileDiagnostics').target_resource_id,
      ).toMatch(/\/fileServices\/default$/);
    });

    test('zero error findings from the policy engine', () => {
      expect(errorFindings(stack)).toEqual([]);
    });
  },
);

describe('NorwayFileShareAccount validation', () => {
  test('fails on no shares, a bad quota and a bad soft-delete window', () => {
    expect(() =>
      files(testStack(NORWAY_EAST), NORWAY_EAST, { shares: {}, shareSoftDeleteRetentionDays: 0 }),
    ).toThrow(/2 problems:\n {2}- shareSoftDeleteRetentionDays 0 is outside 1-365\n {2}- shares is empty/);
    expect(() =>
      files(testStack(NORWAY_EAST), NORWAY_EAST, { shares: { Archive: { quotaGb: 10 } } }),
    ).toThrow(
      /shares key "Archive" is not a valid share name\n {2}- shares\.Archive\.quotaGb 10 is outside 100-102400/,
    );
  });

  test('fails without a private endpoint', () => {
    expect(() => files(testStack(NORWAY_WEST), NORWAY_WEST, { privateEndpoints: {} })).toThrow(
      /privateEndpoints is missing/,
    );
  });
});
