import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import { NorwayLogAnalyticsWorkspace } from '../../constructs/monitoring';
import {
  HubNetwork,
  NorwayNetworkSecurityGroup,
  PrivateDnsZoneLinks,
  PrivateDnsZones,
  SpokeNetwork,
} from '../../constructs/network';
import type { NorwayStack } from '../../stacks/norway-stack';
import { approveBastionPublicIp } from '../../stacks/bastion-approval';
import { TODAY, errorFindings, Json, only, relaxedWarnings, resourcesOf, synth, testStack } from './support';
import { checkStack } from '../../policies/cdktf/guard';
import type { CheckResult } from '../../policies/engine/result';

function buildNetwork(stack: NorwayStack, region: NorwayRegion) {
  const logs = new NorwayLogAnalyticsWorkspace(stack, 'logs', {
    region,
    resourceGroupName: 'rg-logs',
    name: 'law-platform',
  });
  const diagnosticSettings = { workspaceId: logs.workspaceId };
  const hub = new HubNetwork(stack, 'hub', {
    region,
    resourceGroupName: 'rg-hub',
    name: 'vnet-hub',
    addressSpace: ['10.0.0.0/22'],
    subnets: [{ name: 'endpoints', addressPrefixes: ['10.0.1.0/24'] }],
    firewallPrivateIp: '10.0.0.4',
    bastion: { subnetPrefix: '10.0.2.0/26' },
    diagnosticSettings,
  });
  // As a stack does: the construct leaves the NET-004 approval of its public IP to its stack.
  approveBastionPublicIp(hub.bastion!);
  const spoke = new SpokeNetwork(stack, 'spoke', {
    region,
    resourceGroupName: 'rg-spoke',
    name: 'vnet-spoke-app',
    addressSpace: ['10.1.0.0/22'],
    hub,
    subnets: [
      {
        name: 'app',
        addressPrefixes: ['10.1.0.0/24'],
        allowInbound: [
          { name: 'https-from-hub', priority: 200, protocol: 'Tcp', sources: ['10.0.0.0/22'], ports: [443] },
        ],
      },
    ],
    diagnosticSettings,
  });
  const dns = new PrivateDnsZones(stack, 'dns', {
    resourceGroupName: 'rg-dns',
    virtualNetworks: { hub: hub.virtualNetworkId, spoke: spoke.virtualNetworkId },
  });
  return { hub, spoke, dns };
}

describe.each([NORWAY_EAST, NORWAY_WEST])('hub and spoke with defaults in %s', (region: NorwayRegion) => {
  let stack: NorwayStack;
  let json: Json;
  let parts: ReturnType<typeof buildNetwork>;
  let report: CheckResult;
  beforeAll(() => {
    // GIVEN / WHEN
    stack = testStack(region);
    parts = buildNetwork(stack, region);
    json = synth(stack);
    report = checkStack(stack, { today: TODAY });
  });

  test('every subnet has its own NSG that denies internet inbound', () => {
    const subnets = resourcesOf(json, 'azurerm_subnet');
    expect(
      Object.values(subnets)
        .map((s: Json) => s.name)
        .sort(),
    ).toEqual(['AzureBastionSubnet', 'app', 'endpoints']);
    for (const s of Object.values(subnets) as Json[]) expect(s.default_outbound_access_enabled).toBe(false);
    expect(Object.keys(resourcesOf(json, 'azurerm_subnet_network_security_group_association'))).toHaveLength(
      3,
    );
    const deny = Object.values(resourcesOf(json, 'azurerm_network_security_rule')).filter(
      (r: Json) => r.name === 'DenyInternetInbound',
    );
    expect(deny).toHaveLength(3);
    expect(deny[0]).toMatchObject({
      direction: 'Inbound',
      access: 'Deny',
      priority: 4000,
      source_address_prefix: 'Internet',
      destination_port_range: '*',
      protocol: '*',
    });
  });

  test('typed allow rules become NSG rules', () => {
    const rule = only(json, 'azurerm_network_security_rule', 'spoke_Subnet-app_Nsg_https-from-hub');
    expect(rule).toMatchObject({
      direction: 'Inbound',
      access: 'Allow',
      priority: 200,
      protocol: 'Tcp',
      source_address_prefix: '10.0.0.0/22',
      destination_address_prefix: 'VirtualNetwork',
      destination_port_range: '443',
    });
  });

  test('NSGs send their logs to the Norway workspace', () => {
    const nsgs = Object.keys(resourcesOf(json, 'azurerm_network_security_group'));
    const targets = Object.values(resourcesOf(json, 'azurerm_monitor_diagnostic_setting')).map(
      (d: Json) => d.target_resource_id,
    );
    for (const nsg of nsgs) expect(targets).toContain(`\${azurerm_network_security_group.${nsg}.id}`);
  });

  test('spoke egress goes through the hub firewall', () => {
    const rt = only(json, 'azurerm_route_table');
    expect(rt.bgp_route_propagation_enabled).toBe(false);
    expect(rt.route).toEqual([
      {
        name: 'egress-via-hub-firewall',
        address_prefix: '0.0.0.0/0',
        next_hop_type: 'VirtualAppliance',
        next_hop_in_ip_address: '10.0.0.4',
      },
    ]);
    expect(only(json, 'azurerm_subnet_route_table_association').subnet_id).toMatch(
      /^\$\{azurerm_subnet\.spoke_Subnet-app_/,
    );
  });

  test('hub and spoke are peered both ways', () => {
    const peerings = Object.values(resourcesOf(json, 'azurerm_virtual_network_peering')) as Json[];
    expect(peerings.map((p) => [p.name, p.resource_group_name, p.allow_forwarded_traffic])).toEqual([
      ['hub-to-vnet-spoke-app', 'rg-hub', false],
      ['vnet-spoke-app-to-hub', 'rg-spoke', true],
    ]);
  });

  test('privatelink zones linked to both networks without auto-registration', () => {
    expect(Object.keys(parts.dns.zoneIds)).toContain('privatelink.blob.core.windows.net');
    const links = Object.values(resourcesOf(json, 'azurerm_private_dns_zone_virtual_network_link')) as Json[];
    expect(links).toHaveLength(2 * Object.keys(parts.dns.zoneIds).length);
    expect(links.every((l) => l.registration_enabled === false)).toBe(true);
  });

  test('Bastion: the one public IP, suppressed for NET-004 with a reason and an expiry', () => {
    const pip = only(json, 'azurerm_public_ip');
    expect(pip).toMatchObject({ sku: 'Standard', allocation_method: 'Static', location: region });
    expect(pip.zones).toEqual(region === NORWAY_EAST ? ['1', '2', '3'] : undefined);
    expect(only(json, 'azurerm_bastion_host')).toMatchObject({
      shareable_link_enabled: false,
      tunneling_enabled: false,
      file_copy_enabled: false,
    });
    const suppressed = report.findings.filter((f) => f.suppressed);
    expect(suppressed.map((f) => [f.ruleId, f.address, f.suppression?.expires])).toEqual(
      expect.arrayContaining([
        ['NET-004', expect.stringMatching(/^azurerm_public_ip\.hub_Bastion_PublicIp_/), '2027-11-24'],
      ]),
    );
  });

  test('zero error findings from the policy engine', () => {
    expect(errorFindings(report)).toEqual([]);
  });
});

describe('network validation', () => {
  const diagnosticSettings = { workspaceId: 'law' };

  test('fails when an allow rule opens SSH to the internet', () => {
    const stack = testStack(NORWAY_EAST);
    expect(
      () =>
        new NorwayNetworkSecurityGroup(stack, 'nsg', {
          region: NORWAY_EAST,
          resourceGroupName: 'rg',
          name: 'nsg',
          diagnosticSettings,
          allowInbound: [
            {
              name: 'ssh',
              priority: 100,
              protocol: 'Tcp',
              sources: ['0.0.0.0/0'],
              ports: ['20-30'],
              fromInternet: { relaxed: true, justification: 'vendor support access' },
            },
          ],
        }),
    ).toThrow(
      /rule ssh allows 0.0.0.0\/0 to management port\(s\) 22; never open SSH\/RDP to the internet \(NET-003\)/,
    );
  });

  test('fails when an allow rule takes internet traffic without a justification', () => {
    const stack = testStack(NORWAY_EAST);
    expect(
      () =>
        new NorwayNetworkSecurityGroup(stack, 'nsg', {
          region: NORWAY_EAST,
          resourceGroupName: 'rg',
          name: 'nsg',
          diagnosticSettings,
          allowInbound: [
            { name: 'web', priority: 100, protocol: 'Tcp', sources: ['Internet'], ports: [443] },
          ],
        }),
    ).toThrow(/rule web allows inbound from Internet; name the allowed source ranges, or pass fromInternet/);
  });

  test('fails when a spoke has no firewall to send egress to', () => {
    const stack = testStack(NORWAY_EAST);
    const hub = new HubNetwork(stack, 'hub', {
      region: NORWAY_EAST,
      resourceGroupName: 'rg',
      name: 'hub',
      addressSpace: ['10.0.0.0/24'],
      subnets: [],
      diagnosticSettings,
    });
    expect(
      () =>
        new SpokeNetwork(stack, 'spoke', {
          region: NORWAY_EAST,
          resourceGroupName: 'rg',
          name: 's',
          addressSpace: ['10.1.0.0/24'],
          subnets: [],
          hub,
          diagnosticSettings,
        }),
    ).toThrow(/test-norwayeast\/spoke: no firewall address for egress/);
  });

  test('fails when a public DNS zone is asked for', () => {
    const stack = testStack(NORWAY_EAST);
    expect(
      () => new PrivateDnsZones(stack, 'dns', { resourceGroupName: 'rg', zones: ['hospital.no'] }),
    ).toThrow(/zone "hospital.no" is not a privatelink.\* zone/);
  });

  test('direct egress is explicit and visible', () => {
    const stack = testStack(NORWAY_EAST);
    const hub = new HubNetwork(stack, 'hub', {
      region: NORWAY_EAST,
      resourceGroupName: 'rg',
      name: 'hub',
      addressSpace: ['10.0.0.0/24'],
      subnets: [],
      diagnosticSettings,
    });
    new SpokeNetwork(stack, 'spoke', {
      region: NORWAY_EAST,
      resourceGroupName: 'rg',
      name: 's',
      addressSpace: ['10.1.0.0/24'],
      subnets: [{ name: 'a', addressPrefixes: ['10.1.0.0/25'] }],
      hub,
      diagnosticSettings,
      directEgress: { relaxed: true, justification: 'Sandbox spoke without patient data' },
    });
    expect(resourcesOf(synth(stack), 'azurerm_route_table')).toEqual({});
    expect(relaxedWarnings(stack)).toEqual([
      '[relaxed default] test-norwayeast/spoke: egress goes straight to the internet, not through the hub firewall. Justification: Sandbox spoke without patient data',
    ]);
  });
});

describe('PrivateDnsZoneLinks', () => {
  test('links the zones of another stack to a spoke, without auto-registration', () => {
    // GIVEN
    const stack = testStack(NORWAY_EAST);
    // WHEN
    new PrivateDnsZoneLinks(stack, 'links', {
      resourceGroupName: 'rg-platform',
      zones: ['privatelink.blob.core.windows.net'],
      virtualNetworkId:
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-app',
      name: 'vnet-app',
    });
    // THEN
    expect(only(synth(stack), 'azurerm_private_dns_zone_virtual_network_link')).toEqual({
      name: 'vnet-app-link',
      resource_group_name: 'rg-platform',
      private_dns_zone_name: 'privatelink.blob.core.windows.net',
      virtual_network_id:
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-app',
      registration_enabled: false,
      tags: { 'data-residency': 'norway', 'managed-by': 'norway-iac', stack: 'test-norwayeast' },
    });
  });
});
