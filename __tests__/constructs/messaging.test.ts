import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import {
  NorwayServiceBusNamespace,
  NorwayServiceBusNamespaceProps,
  SERVICE_BUS_PRIVATE_DNS_ZONE,
} from '../../constructs/messaging';
import type { NorwayStack } from '../../stacks/norway-stack';
import { errorFindings, Json, only, synth, testStack, logsAndKeyVault } from './support';

const SUBNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe';
const ZONE = `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/${SERVICE_BUS_PRIVATE_DNS_ZONE}`;

function bus(stack: NorwayStack, region: NorwayRegion, extra: Partial<NorwayServiceBusNamespaceProps> = {}) {
  const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
  return new NorwayServiceBusNamespace(stack, 'sb', {
    region,
    resourceGroupName: 'rg-msg',
    name: 'sb-hl7-messages',
    customerManagedKey: { keyVault },
    diagnosticSettings: { workspaceId: logs.workspaceId },
    privateEndpoints: { namespace: { subnetId: SUBNET, privateDnsZoneIds: [ZONE] } },
    ...extra,
  });
}

describe.each([NORWAY_EAST, NORWAY_WEST])(
  'NorwayServiceBusNamespace with defaults in %s',
  (region: NorwayRegion) => {
    let stack: NorwayStack;
    let json: Json;
    beforeAll(() => {
      // GIVEN / WHEN
      stack = testStack(region);
      bus(stack, region);
      json = synth(stack);
    });

    test('Premium, Entra ID only, TLS 1.2, no public access, CMK with infrastructure encryption', () => {
      expect(only(json, 'azurerm_servicebus_namespace')).toMatchObject({
        location: region,
        sku: 'Premium',
        capacity: 1,
        local_auth_enabled: false,
        public_network_access_enabled: false,
        minimum_tls_version: '1.2',
        network_rule_set: { default_action: 'Deny', public_network_access_enabled: false },
        customer_managed_key: {
          key_vault_key_id: expect.stringMatching(/^\$\{azurerm_key_vault_key\.sb_Key_/),
          infrastructure_encryption_enabled: true,
        },
        identity: { type: 'UserAssigned' },
        lifecycle: { prevent_destroy: true },
      });
    });

    test('a private endpoint to namespace, diagnostics and a lock', () => {
      expect(only(json, 'azurerm_private_endpoint', 'sb_')).toMatchObject({
        private_service_connection: { subresource_names: ['namespace'] },
      });
      expect(only(json, 'azurerm_monitor_diagnostic_setting', 'sb_')).toMatchObject({
        name: 'to-log-analytics',
      });
      expect(only(json, 'azurerm_management_lock', 'sb_')).toMatchObject({ lock_level: 'CanNotDelete' });
    });

    test('zero error findings from the policy engine', () => {
      expect(errorFindings(stack)).toEqual([]);
    });
  },
);

describe('NorwayServiceBusNamespace validation', () => {
  test('fails on a bad name and capacity, and without a private endpoint', () => {
    expect(() =>
      bus(testStack(NORWAY_EAST), NORWAY_EAST, { name: 'sb', capacity: 3 as never, privateEndpoints: {} }),
    ).toThrow(
      /3 problems:\n {2}- name "sb" is invalid.*\n {2}- capacity 3 is not 1, 2, 4, 8 or 16\n {2}- privateEndpoints is missing/,
    );
  });
});
