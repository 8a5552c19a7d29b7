import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import { NorwayKeyVault, NorwayKeyVaultProps } from '../../constructs/keyvault';
import type { NorwayStack } from '../../stacks/norway-stack';
import { errorFindings, Json, only, relaxedWarnings, synth, testStack, logsAndKeyVault } from './support';

const TENANT = '00000000-0000-0000-0000-000000000001';
const SUBNET =
  '/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/endpoints';
const ZONE =
  '/subscriptions/s/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net';

function vaultWithDefaults(stack: NorwayStack, region: NorwayRegion): NorwayKeyVault {
  return logsAndKeyVault(stack, region, SUBNET).keyVault;
}

describe.each([NORWAY_EAST, NORWAY_WEST])('NorwayKeyVault with defaults in %s', (region: NorwayRegion) => {
  let stack: NorwayStack;
  let json: Json;
  beforeAll(() => {
    // GIVEN
    stack = testStack(region);
    // WHEN
    const vault = vaultWithDefaults(stack, region);
    vault.addKey('cmk', { name: 'cmk-data' });
    json = synth(stack);
  });

  test('RBAC authorization, purge protection, soft delete, no public access, firewall deny', () => {
    const kv = only(json, 'azurerm_key_vault');
    expect(kv).toMatchObject({
      location: region,
      rbac_authorization_enabled: true,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: false,
      sku_name: 'premium',
      network_acls: { default_action: 'Deny', bypass: 'AzureServices' },
      lifecycle: { prevent_destroy: true },
    });
    expect(kv.access_policy).toBeUndefined();
  });

  test('a private endpoint with its DNS zone group, diagnostics and a CanNotDelete lock', () => {
    const pe = only(json, 'azurerm_private_endpoint');
    expect(pe.location).toBe(region);
    expect(pe.private_service_connection).toMatchObject({
      subresource_names: ['vault'],
      is_manual_connection: false,
    });
    expect(pe.private_dns_zone_group).toEqual({ name: 'default', private_dns_zone_ids: [ZONE] });
    const diag = only(json, 'azurerm_monitor_diagnostic_setting', 'kv_');
    expect(diag.target_resource_id).toBe('${azurerm_key_vault.kv_12F4CEEB.id}');
    expect(diag.enabled_log).toEqual([{ category_group: 'allLogs' }]);
    expect(only(json, 'azurerm_management_lock', 'kv_').lock_level).toBe('CanNotDelete');
  });

  test('the customer-managed key rotates every year and each version expires', () => {
    const key = only(json, 'azurerm_key_vault_key');
    expect(key).toMatchObject({
      name: 'cmk-data',
      key_type: 'RSA-HSM',
      key_size: 3072,
      key_opts: ['wrapKey', 'unwrapKey'],
      rotation_policy: {
        automatic: { time_after_creation: 'P1Y' },
        expire_after: 'P2Y',
        notify_before_expiry: 'P30D',
      },
      lifecycle: { prevent_destroy: true },
    });
  });

  test('zero error findings from the policy engine', () => {
    expect(errorFindings(stack)).toEqual([]);
  });
});

describe('NorwayKeyVault validation', () => {
  test('fails when the name is invalid and diagnostics are missing', () => {
    const stack = testStack(NORWAY_EAST);
    expect(
      () =>
        new NorwayKeyVault(stack, 'kv', {
          region: NORWAY_EAST,
          resourceGroupName: 'rg',
          name: 'kv_bad',
          tenantId: TENANT,
          // A JavaScript caller (or a cast) can still leave it out: the constructor says so.
        } as unknown as NorwayKeyVaultProps),
    ).toThrow(
      /test-norwayeast\/kv: 2 problems:\n {2}- Key Vault name "kv_bad" is invalid.*\n {2}- diagnosticSettings is missing/,
    );
  });

  test('fails when public access is relaxed without a justification', () => {
    const stack = testStack(NORWAY_EAST);
    expect(
      () =>
        new NorwayKeyVault(stack, 'kv', {
          region: NORWAY_EAST,
          resourceGroupName: 'rg',
          name: 'kv-ok',
          tenantId: TENANT,
          diagnosticSettings: { workspaceId: 'x' },
          publicNetworkAccess: { relaxed: true, justification: 'because' },
        }),
    ).toThrow(/publicNetworkAccess: \{ relaxed: true \} needs a justification of at least 10 characters/);
  });

  test('public access with a justification is enabled and visible as a warning', () => {
    const stack = testStack(NORWAY_EAST);
    new NorwayKeyVault(stack, 'kv', {
      region: NORWAY_EAST,
      resourceGroupName: 'rg',
      name: 'kv-ok',
      tenantId: TENANT,
      diagnosticSettings: { workspaceId: 'x' },
      publicNetworkAccess: {
        relaxed: true,
        allowedIpRanges: ['193.156.0.0/16'],
        justification: 'Build agents outside the VNet until ticket 123',
      },
    });
    const kv = only(synth(stack), 'azurerm_key_vault');
    expect(kv.public_network_access_enabled).toBe(true);
    expect(kv.network_acls).toEqual({
      default_action: 'Deny',
      bypass: 'AzureServices',
      ip_rules: ['193.156.0.0/16'],
    });
    expect(relaxedWarnings(stack)).toEqual([
      '[relaxed default] test-norwayeast/kv: public network access enabled. Justification: Build agents outside the VNet until ticket 123',
    ]);
  });
});
