/** The hub's egress: Azure Firewall with an allow-list, or a NAT gateway on the hub subnets. */
import { HubNetwork } from '../../constructs/network/hub-network';
import { DEFAULT_EGRESS_FQDNS, NorwayHubEgress } from '../../constructs/network/hub-egress';
import { NORWAY_EAST, NORWAY_WEST } from '../../constructs/core/region';
import { NorwayLogAnalyticsWorkspace } from '../../constructs/monitoring/log-analytics-workspace';
import { approveEgressPublicIp } from '../../stacks/egress-approval';
import { errorFindings, only, resourcesOf, synth, testStack } from './support';

const diagnosticSettings = {
  workspaceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log',
};

function hub(mode: 'firewall' | 'natGateway', region = NORWAY_EAST, allowedFqdns?: string[]) {
  const stack = testStack(region);
  const logs = new NorwayLogAnalyticsWorkspace(stack, 'logs', {
    region,
    resourceGroupName: 'rg-logs',
    name: 'law-platform',
  });
  const network = new HubNetwork(stack, 'hub', {
    region,
    resourceGroupName: 'rg',
    name: 'hub',
    addressSpace: ['10.0.0.0/22'],
    subnets: [{ name: 'snet-management', addressPrefixes: ['10.0.1.0/24'] }],
    firewallPrivateIp: '10.0.2.4',
    egress: { mode, firewallSubnetPrefix: '10.0.2.0/24', allowedFqdns },
    diagnosticSettings: { workspaceId: logs.workspaceId },
  });
  // As a stack does: the construct leaves the NET-004 approval of its public IP to its stack.
  approveEgressPublicIp(network.egress!);
  return stack;
}

describe('NorwayHubEgress', () => {
  test('firewall mode: AzureFirewallSubnet, HTTPS to the allow-list plus the configured names, logs, no policy errors', () => {
    // GIVEN / WHEN
    const stack = hub('firewall', NORWAY_EAST, ['pypi.org']);
    const json = synth(stack);
    // THEN
    expect(only(json, 'azurerm_subnet', 'hub_Egress')).toMatchObject({
      name: 'AzureFirewallSubnet',
      address_prefixes: ['10.0.2.0/24'],
    });
    const rule = only(json, 'azurerm_firewall_policy_rule_collection_group').application_rule_collection[0]
      .rule[0];
    expect(rule.destination_fqdns).toEqual([...DEFAULT_EGRESS_FQDNS, 'pypi.org']);
    expect(only(json, 'azurerm_firewall')).toMatchObject({
      name: 'hub-fw',
      location: 'norwayeast',
      sku_tier: 'Standard',
    });
    expect(only(json, 'azurerm_subnet_route_table_association')).toBeDefined();
    expect(errorFindings(stack)).toEqual([]);
  });

  test('NAT gateway mode: the hub subnets get the NAT gateway, no firewall and no route table', () => {
    const stack = hub('natGateway');
    const json = synth(stack);
    expect(Object.keys(resourcesOf(json, 'azurerm_firewall'))).toEqual([]);
    expect(Object.keys(resourcesOf(json, 'azurerm_route_table'))).toEqual([]);
    expect(only(json, 'azurerm_nat_gateway')).toMatchObject({
      name: 'hub-egress-nat',
      location: 'norwayeast',
    });
    expect(Object.values(resourcesOf(json, 'azurerm_subnet_nat_gateway_association'))).toHaveLength(1);
    expect(errorFindings(stack)).toEqual([]);
  });

  test('Norway West (no zones): the firewall and its address are not zonal', () => {
    const json = synth(hub('firewall', NORWAY_WEST));
    expect(only(json, 'azurerm_firewall').zones).toBeUndefined();
    expect(only(json, 'azurerm_public_ip').zones).toBeUndefined();
  });

  test.each([
    [{ firewallSubnetPrefix: '10.0.2.0/27' }, /smaller than the \/26 Azure Firewall needs/],
    [{ firewallSubnetPrefix: undefined }, /firewall mode needs firewallSubnetPrefix/],
    [
      { firewallSubnetPrefix: '10.0.2.0/24', allowedFqdns: ['https://pypi.org'] },
      /allowedFqdns: "https:\/\/pypi.org" is not a host name/,
    ],
  ])('fails when %j', (props, message) => {
    const stack = testStack(NORWAY_EAST);
    expect(
      () =>
        new NorwayHubEgress(stack, 'egress', {
          region: NORWAY_EAST,
          resourceGroupName: 'rg',
          name: 'e',
          virtualNetworkName: 'hub',
          diagnosticSettings,
          ...props,
        }),
    ).toThrow(message);
  });
});
