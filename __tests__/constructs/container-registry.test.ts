import {
  CONTAINER_REGISTRY_PRIVATE_DNS_ZONE,
  NorwayContainerRegistry,
  NorwayContainerRegistryProps,
} from '../../constructs/containers';
import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import type { NorwayStack } from '../../stacks/norway-stack';
import { errorFindings, Json, logsAndKeyVault, only, relaxedWarnings, synth, testStack } from './support';

const SUBNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe';
const ZONE = `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/${CONTAINER_REGISTRY_PRIVATE_DNS_ZONE}`;

function registry(
  stack: NorwayStack,
  region: NorwayRegion,
  extra: Partial<NorwayContainerRegistryProps> = {},
): NorwayContainerRegistry {
  const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
  return new NorwayContainerRegistry(stack, 'acr', {
    region,
    resourceGroupName: 'rg-images',
    name: 'crhospitalimages',
    customerManagedKey: { keyVault },
    diagnosticSettings: { workspaceId: logs.workspaceId },
    privateEndpoints: { registry: { subnetId: SUBNET, privateDnsZoneIds: [ZONE] } },
    ...extra,
  });
}

describe.each([
  [NORWAY_EAST, true],
  [NORWAY_WEST, false],
])('NorwayContainerRegistry with defaults in %s', (region: NorwayRegion, zoneRedundant: boolean) => {
  let stack: NorwayStack;
  let json: Json;
  let acr: NorwayContainerRegistry;
  beforeAll(() => {
    // GIVEN / WHEN
    stack = testStack(region);
    acr = registry(stack, region);
    json = synth(stack);
  });

  test('Premium, no admin user, no anonymous pull, no public access, no export, a dedicated data endpoint', () => {
    expect(only(json, 'azurerm_container_registry')).toMatchObject({
      name: 'crhospitalimages',
      location: region,
      sku: 'Premium',
      admin_enabled: false,
      anonymous_pull_enabled: false,
      public_network_access_enabled: false,
      export_policy_enabled: false,
      data_endpoint_enabled: true,
      network_rule_bypass_option: 'None',
      network_rule_set: [{ default_action: 'Deny' }],
      georeplications: [],
      lifecycle: { prevent_destroy: true },
    });
  });

  test(`zone redundancy from the region's capabilities: ${zoneRedundant}`, () => {
    expect(only(json, 'azurerm_container_registry').zone_redundancy_enabled).toBe(zoneRedundant);
    expect(acr.zoneRedundancyEnabled).toBe(zoneRedundant);
  });

  test('a customer-managed key through a user-assigned identity', () => {
    const resource = only(json, 'azurerm_container_registry');
    expect(resource.encryption).toEqual([
      {
        key_vault_key_id: expect.stringMatching(
          /^\$\{azurerm_key_vault_key\.acr_Key_[0-9A-F]+\.versionless_id\}$/,
        ),
        identity_client_id: expect.stringMatching(
          /^\$\{azurerm_user_assigned_identity\.acr_KeyIdentity_[0-9A-F]+\.client_id\}$/,
        ),
      },
    ]);
    expect(resource.identity).toEqual({
      type: 'UserAssigned',
      identity_ids: [expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.acr_KeyIdentity_/)],
    });
    expect(resource.depends_on).toEqual([expect.stringMatching(/^azurerm_role_assignment\.acr_KeyAccess_/)]);
  });

  test('a private endpoint to registry in privatelink.azurecr.io, diagnostics and a lock', () => {
    expect(only(json, 'azurerm_private_endpoint', 'acr_')).toMatchObject({
      name: 'crhospitalimages-pe-registry',
      private_service_connection: { subresource_names: ['registry'], is_manual_connection: false },
      private_dns_zone_group: { private_dns_zone_ids: [ZONE] },
    });
    expect(only(json, 'azurerm_monitor_diagnostic_setting', 'acr_')).toMatchObject({
      name: 'to-log-analytics',
      enabled_log: [{ category_group: 'allLogs' }],
    });
    expect(only(json, 'azurerm_management_lock', 'acr_')).toMatchObject({ lock_level: 'CanNotDelete' });
  });

  test('zero error findings from the policy engine, no relaxed defaults', () => {
    expect(errorFindings(stack)).toEqual([]);
    expect(relaxedWarnings(stack)).toEqual([]);
  });
});

describe('NorwayContainerRegistry georeplication', () => {
  test('a replica in the pair region, zone-redundant where the pair has zones', () => {
    // GIVEN
    const east = testStack(NORWAY_EAST);
    const west = testStack(NORWAY_WEST);
    // WHEN
    registry(east, NORWAY_EAST, {
      georeplications: [{ region: NORWAY_WEST, tags: { 'dr-approval': 'DR-42' } }],
    });
    registry(west, NORWAY_WEST, { georeplications: [{ region: NORWAY_EAST }] });
    // THEN
    expect(only(synth(east), 'azurerm_container_registry').georeplications).toEqual([
      { location: 'norwaywest', zone_redundancy_enabled: false, tags: { 'dr-approval': 'DR-42' } },
    ]);
    expect(only(synth(west), 'azurerm_container_registry').georeplications).toEqual([
      { location: 'norwayeast', zone_redundancy_enabled: true },
    ]);
    expect(errorFindings(east)).toEqual([]);
    expect(errorFindings(west)).toEqual([]);
  });

  test('fails for a replica outside Norway, in its own region, or listed twice', () => {
    expect(() =>
      registry(testStack(NORWAY_EAST), NORWAY_EAST, {
        georeplications: [
          { region: 'westeurope' as NorwayRegion },
          { region: NORWAY_EAST },
          { region: NORWAY_WEST },
          { region: NORWAY_WEST },
        ],
      }),
    ).toThrow(
      /3 problems:\n {2}- georeplications\[0\]\.region "westeurope" is not the Norway pair region; a replica may only go to norwaywest \(images stay in Norway\)\n {2}- georeplications\[1\]\.region is norwayeast, the registry's own region; a replica goes to the pair norwaywest\n {2}- georeplications\[3\]\.region norwaywest is listed twice$/,
    );
  });
});

describe('NorwayContainerRegistry validation', () => {
  test('fails on a name with hyphens', () => {
    expect(() => registry(testStack(NORWAY_EAST), NORWAY_EAST, { name: 'cr-images' })).toThrow(
      /^test-norwayeast\/acr: container registry name "cr-images" is invalid: expected 5-50 letters and digits only/,
    );
  });

  test('fails on zone redundancy in Norway West', () => {
    expect(() => registry(testStack(NORWAY_WEST), NORWAY_WEST, { zoneRedundancyEnabled: true })).toThrow(
      /zoneRedundancyEnabled is true, but norwaywest has no availability zones/,
    );
  });

  test('fails without a key, diagnostics or a private endpoint', () => {
    expect(
      () =>
        new NorwayContainerRegistry(testStack(NORWAY_EAST), 'acr', {
          region: NORWAY_EAST,
          resourceGroupName: 'rg',
          name: 'crhospitalimages',
        } as unknown as NorwayContainerRegistryProps),
    ).toThrow(
      /3 problems:\n {2}- customerManagedKey is missing.*\n {2}- diagnosticSettings is missing.*\n {2}- privateEndpoints is missing/,
    );
  });

  test('fails on a region outside Norway', () => {
    // GIVEN: the vault and workspace in Norway, only the registry elsewhere
    const stack = testStack(NORWAY_EAST);
    const { logs, keyVault } = logsAndKeyVault(stack, NORWAY_EAST, SUBNET);
    // WHEN / THEN
    expect(
      () =>
        new NorwayContainerRegistry(stack, 'acr', {
          region: 'westeurope' as NorwayRegion,
          resourceGroupName: 'rg',
          name: 'crhospitalimages',
          customerManagedKey: { keyVault },
          diagnosticSettings: { workspaceId: logs.workspaceId },
          privateEndpoints: { registry: { subnetId: SUBNET, privateDnsZoneIds: [ZONE] } },
        }),
    ).toThrow(/^test-norwayeast\/acr: region "westeurope" is not a Norway region/);
  });

  test('fails on a trusted-services bypass or lock removal without a justification', () => {
    expect(() =>
      registry(testStack(NORWAY_EAST), NORWAY_EAST, {
        trustedServicesBypass: { relaxed: true, justification: 'scan' },
        lock: { relaxed: true, justification: '' },
      }),
    ).toThrow(
      /2 problems:\n {2}- trustedServicesBypass: \{ relaxed: true \} needs a justification of at least 10 characters \(given "scan"\)\n {2}- lock: \{ relaxed: true \} needs a justification/,
    );
  });

  test('a justified trusted-services bypass is a warning', () => {
    // GIVEN
    const stack = testStack(NORWAY_EAST);
    // WHEN
    registry(stack, NORWAY_EAST, {
      trustedServicesBypass: { relaxed: true, justification: 'Defender for Containers scans the images' },
    });
    // THEN
    expect(only(synth(stack), 'azurerm_container_registry').network_rule_bypass_option).toBe('AzureServices');
    expect(relaxedWarnings(stack)).toEqual([
      '[relaxed default] test-norwayeast/acr: trusted Azure services bypass the network rules. Justification: Defender for Containers scans the images',
    ]);
  });
});
