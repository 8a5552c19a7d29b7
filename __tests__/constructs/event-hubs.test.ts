import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import {
  EVENT_HUBS_PRIVATE_DNS_ZONE,
  NorwayEventHubsNamespace,
  NorwayEventHubsNamespaceProps,
  SERVICE_BUS_PRIVATE_DNS_ZONE,
} from '../../constructs/messaging';
import { NorwayStorageAccount } from '../../constructs/storage';
import type { NorwayStack } from '../../stacks/norway-stack';
import {
  errorFindings,
  Json,
  logsAndKeyVault,
  only,
  relaxedWarnings,
  resourcesOf,
  synth,
  testStack,
} from './support';

const SUBNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe';
const ZONE = `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/${EVENT_HUBS_PRIVATE_DNS_ZONE}`;
const BLOB_ZONE =
  '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net';

function namespace(
  stack: NorwayStack,
  region: NorwayRegion,
  extra: Partial<NorwayEventHubsNamespaceProps> = {},
): NorwayEventHubsNamespace {
  const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
  return new NorwayEventHubsNamespace(stack, 'eh', {
    region,
    resourceGroupName: 'rg-events',
    name: 'evhns-vitals',
    eventHubs: { monitors: {} },
    customerManagedKey: { keyVault },
    diagnosticSettings: { workspaceId: logs.workspaceId },
    privateEndpoints: { namespace: { subnetId: SUBNET, privateDnsZoneIds: [ZONE] } },
    ...extra,
  });
}

describe.each([
  [NORWAY_EAST, true],
  [NORWAY_WEST, false],
])('NorwayEventHubsNamespace with defaults in %s', (region: NorwayRegion, zoneRedundant: boolean) => {
  let stack: NorwayStack;
  let json: Json;
  let eh: NorwayEventHubsNamespace;
  beforeAll(() => {
    // GIVEN / WHEN
    stack = testStack(region);
    eh = namespace(stack, region);
    json = synth(stack);
  });

  test('Premium, Entra ID only, TLS 1.2, no public access, a deny network rule set', () => {
    expect(only(json, 'azurerm_eventhub_namespace')).toMatchObject({
      name: 'evhns-vitals',
      location: region,
      sku: 'Premium',
      capacity: 1,
      local_authentication_enabled: false,
      public_network_access_enabled: false,
      minimum_tls_version: '1.2',
      network_rulesets: [
        {
          default_action: 'Deny',
          public_network_access_enabled: false,
          trusted_service_access_enabled: false,
        },
      ],
      identity: { type: 'UserAssigned' },
      lifecycle: { prevent_destroy: true },
    });
  });

  test(`zone-redundant by the region alone: ${zoneRedundant}`, () => {
    expect(eh.zoneRedundant).toBe(zoneRedundant);
    expect(only(json, 'azurerm_eventhub_namespace')).not.toHaveProperty('zone_redundant');
  });

  test('the key attached with infrastructure encryption, after the identity may use it', () => {
    expect(only(json, 'azurerm_eventhub_namespace_customer_managed_key')).toEqual({
      eventhub_namespace_id: expect.stringMatching(/^\$\{azurerm_eventhub_namespace\.eh_[0-9A-F]+\.id\}$/),
      key_vault_key_ids: [
        expect.stringMatching(/^\$\{azurerm_key_vault_key\.eh_Key_[0-9A-F]+\.versionless_id\}$/),
      ],
      user_assigned_identity_id: expect.stringMatching(
        /^\$\{azurerm_user_assigned_identity\.eh_KeyIdentity_/,
      ),
      infrastructure_encryption_enabled: true,
      depends_on: [expect.stringMatching(/^azurerm_role_assignment\.eh_KeyAccess_/)],
    });
  });

  test('an event hub with 4 partitions and 7 days, protected from deletion, written after the key', () => {
    expect(only(json, 'azurerm_eventhub')).toEqual({
      name: 'monitors',
      namespace_id: expect.stringMatching(/^\$\{azurerm_eventhub_namespace\.eh_/),
      partition_count: 4,
      message_retention: 7,
      depends_on: [
        expect.stringMatching(/^azurerm_eventhub_namespace_customer_managed_key\.eh_KeyAttachment_/),
      ],
      lifecycle: { prevent_destroy: true },
    });
  });

  test('a private endpoint to namespace in the Service Bus zone, diagnostics and a lock', () => {
    expect(EVENT_HUBS_PRIVATE_DNS_ZONE).toBe(SERVICE_BUS_PRIVATE_DNS_ZONE);
    expect(only(json, 'azurerm_private_endpoint', 'eh_')).toMatchObject({
      name: 'evhns-vitals-pe-namespace',
      private_service_connection: { subresource_names: ['namespace'] },
      private_dns_zone_group: { private_dns_zone_ids: [ZONE] },
    });
    expect(only(json, 'azurerm_monitor_diagnostic_setting', 'eh_')).toMatchObject({
      name: 'to-log-analytics',
    });
    expect(only(json, 'azurerm_management_lock', 'eh_')).toMatchObject({ lock_level: 'CanNotDelete' });
  });

  test('zero error findings from the policy engine, no relaxed defaults', () => {
    expect(errorFindings(stack)).toEqual([]);
    expect(relaxedWarnings(stack)).toEqual([]);
  });
});

describe('NorwayEventHubsNamespace capture', () => {
  test('capture to a storage account in Norway, as Avro every 5 minutes', () => {
    // GIVEN
    const stack = testStack(NORWAY_EAST);
    const { logs, keyVault } = logsAndKeyVault(stack, NORWAY_EAST, SUBNET);
    const archive = new NorwayStorageAccount(stack, 'archive', {
      region: NORWAY_EAST,
      resourceGroupName: 'rg-events',
      name: 'stvitalsarchive',
      customerManagedKey: { keyVault },
      diagnosticSettings: { workspaceId: logs.workspaceId },
      privateEndpoints: { blob: { subnetId: SUBNET, privateDnsZoneIds: [BLOB_ZONE] } },
    });
    // WHEN
    new NorwayEventHubsNamespace(stack, 'eh', {
      region: NORWAY_EAST,
      resourceGroupName: 'rg-events',
      name: 'evhns-vitals',
      eventHubs: {
        monitors: { partitionCount: 8, capture: { storageAccount: archive, blobContainerName: 'capture' } },
      },
      customerManagedKey: { keyVault },
      diagnosticSettings: { workspaceId: logs.workspaceId },
      privateEndpoints: { namespace: { subnetId: SUBNET, privateDnsZoneIds: [ZONE] } },
    });
    const json = synth(stack);
    // THEN
    expect(only(json, 'azurerm_eventhub').capture_description).toEqual({
      enabled: true,
      encoding: 'Avro',
      interval_in_seconds: 300,
      size_limit_in_bytes: 314572800,
      skip_empty_archives: true,
      destination: {
        name: 'EventHubArchive.AzureBlockBlob',
        archive_name_format:
          '{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}',
        blob_container_name: 'capture',
        storage_account_id: expect.stringMatching(/^\$\{azurerm_storage_account\.archive_/),
      },
    });
    expect(errorFindings(stack)).toEqual([]);
  });

  test('fails for capture to a storage account outside Norway, and out-of-range settings', () => {
    expect(() =>
      namespace(testStack(NORWAY_EAST), NORWAY_EAST, {
        eventHubs: {
          monitors: {
            capture: {
              storageAccount: { storageAccountId: 'x', region: 'swedencentral' as NorwayRegion },
              blobContainerName: 'capture',
              intervalInSeconds: 30,
            },
          },
        },
      }),
    ).toThrow(
      /2 problems:\n {2}- eventHubs\.monitors\.capture\.storageAccount is in "swedencentral"; capture writes every event to it, so it must be a storage account in norwayeast or norwaywest\n {2}- eventHubs\.monitors\.capture\.intervalInSeconds 30 is outside 60-900$/,
    );
  });
});

describe('NorwayEventHubsNamespace validation', () => {
  test('fails on a bad name, capacity, partitions and retention', () => {
    expect(() =>
      namespace(testStack(NORWAY_EAST), NORWAY_EAST, {
        name: 'eh',
        capacity: 3 as never,
        eventHubs: { monitors: { partitionCount: 101, messageRetentionDays: 91 } },
      }),
    ).toThrow(
      /4 problems:\n {2}- Event Hubs namespace name "eh" is invalid.*\n {2}- capacity 3 is not 1, 2, 4, 8 or 16\n {2}- eventHubs\.monitors\.partitionCount 101 is outside 1-100\n {2}- eventHubs\.monitors\.messageRetentionDays 91 is outside 1-90$/,
    );
  });

  test('fails without a key, diagnostics or a private endpoint', () => {
    expect(
      () =>
        new NorwayEventHubsNamespace(testStack(NORWAY_WEST), 'eh', {
          region: NORWAY_WEST,
          resourceGroupName: 'rg',
          name: 'evhns-vitals',
        } as unknown as NorwayEventHubsNamespaceProps),
    ).toThrow(
      /3 problems:\n {2}- customerManagedKey is missing.*\n {2}- diagnosticSettings is missing.*\n {2}- privateEndpoints is missing/,
    );
  });

  test('fails on event hubs given as a list', () => {
    expect(() => namespace(testStack(NORWAY_EAST), NORWAY_EAST, { eventHubs: [{}] as never })).toThrow(
      /eventHubs is a list; pass a record keyed by a stable name/,
    );
  });

  test('Microsoft-managed keys and no lock, each justified, are warnings; the hubs lose prevent_destroy', () => {
    // GIVEN
    const stack = testStack(NORWAY_EAST);
    // WHEN
    namespace(stack, NORWAY_EAST, {
      customerManagedKey: { relaxed: true, justification: 'test namespace without patient data' },
      lock: { relaxed: true, justification: 'short-lived load test namespace' },
    });
    const json = synth(stack);
    // THEN
    expect(resourcesOf(json, 'azurerm_eventhub_namespace_customer_managed_key')).toEqual({});
    expect(only(json, 'azurerm_eventhub')).not.toHaveProperty('lifecycle');
    expect(relaxedWarnings(stack)).toEqual([
      '[relaxed default] test-norwayeast/eh: Microsoft-managed keys instead of a customer-managed key. Justification: test namespace without patient data',
      '[relaxed default] test-norwayeast/eh: deletion protection removed (no CanNotDelete lock, no prevent_destroy). Justification: short-lived load test namespace',
    ]);
  });
});
