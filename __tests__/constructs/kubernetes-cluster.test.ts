import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import {
  aksPrivateDnsZone,
  NorwayKubernetesCluster,
  NorwayKubernetesClusterProps,
} from '../../constructs/containers';
import type { NorwayStack } from '../../stacks/norway-stack';
import {
  errorFindings,
  Json,
  logsAndKeyVault,
  only,
  relaxedWarnings,
  resourcesOf,
  synth,
  TEST_ADMINS,
  TEST_TENANT,
  testStack,
} from './support';

const SUBNET =
  '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/workload';
const zoneOf = (region: NorwayRegion) =>
  `/subscriptions/s/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/${aksPrivateDnsZone(region)}`;

function cluster(
  stack: NorwayStack,
  region: NorwayRegion,
  extra: Partial<NorwayKubernetesClusterProps> = {},
) {
  const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
  return new NorwayKubernetesCluster(stack, 'aks', {
    region,
    resourceGroupName: 'rg-aks',
    name: 'aks-clinical',
    subnetId: SUBNET,
    privateDnsZoneId: zoneOf(region),
    adminGroupObjectIds: [TEST_ADMINS],
    tenantId: TEST_TENANT,
    customerManagedKey: { keyVault },
    diagnosticSettings: { workspaceId: logs.workspaceId },
    ...extra,
  });
}

describe.each([
  [NORWAY_EAST, ['1', '2', '3'], 3],
  [NORWAY_WEST, undefined, 1],
] as const)('NorwayKubernetesCluster with defaults in %s', (region, zones, minCount) => {
  let stack: NorwayStack;
  let json: Json;
  beforeAll(() => {
    // GIVEN / WHEN
    stack = testStack(region);
    cluster(stack, region, { userNodePools: { apps: {} } });
    json = synth(stack);
  });

  test('private API server in its own zone, no local accounts, Entra ID with Azure RBAC', () => {
    // THEN
    expect(only(json, 'azurerm_kubernetes_cluster')).toMatchObject({
      location: region,
      private_cluster_enabled: true,
      private_cluster_public_fqdn_enabled: false,
      private_dns_zone_id: zoneOf(region),
      dns_prefix_private_cluster: 'aks-clinical',
      local_account_disabled: true,
      role_based_access_control_enabled: true,
      azure_active_directory_role_based_access_control: {
        azure_rbac_enabled: true,
        tenant_id: TEST_TENANT,
        admin_group_object_ids: [TEST_ADMINS],
      },
      oidc_issuer_enabled: true,
      workload_identity_enabled: true,
      run_command_enabled: false,
      automatic_upgrade_channel: 'stable',
      node_os_upgrade_channel: 'NodeImage',
      sku_tier: 'Standard',
      identity: { type: 'UserAssigned' },
      disk_encryption_set_id: expect.stringMatching(
        /^\$\{azurerm_disk_encryption_set\.aks_DiskEncryptionSet_/,
      ),
      lifecycle: { prevent_destroy: true },
    });
  });

  test('nodes in the spoke subnet with host encryption and the region zones; egress via the firewall', () => {
    const aks = only(json, 'azurerm_kubernetes_cluster');
    expect(aks.default_node_pool).toEqual(
      expect.objectContaining({
        name: 'system',
        vnet_subnet_id: SUBNET,
        host_encryption_enabled: true,
        node_public_ip_enabled: false,
        only_critical_addons_enabled: true,
        auto_scaling_enabled: true,
        min_count: minCount,
        max_count: 5,
      }),
    );
    expect(aks.default_node_pool.zones).toEqual(zones);
    expect(aks.network_profile).toEqual(
      expect.objectContaining({
        network_plugin: 'azure',
        network_plugin_mode: 'overlay',
        network_policy: 'azure',
        outbound_type: 'userDefinedRouting',
      }),
    );
    const pool = only(json, 'azurerm_kubernetes_cluster_node_pool');
    expect(pool).toMatchObject({
      name: 'apps',
      mode: 'User',
      vnet_subnet_id: SUBNET,
      host_encryption_enabled: true,
    });
    expect(pool.zones).toEqual(zones);
  });

  test('Container Insights and audit logs to the Norway workspace', () => {
    const aks = only(json, 'azurerm_kubernetes_cluster');
    expect(aks.oms_agent).toEqual({
      log_analytics_workspace_id: expect.stringMatching(/^\$\{azurerm_log_analytics_workspace\.logs_/),
      msi_auth_for_monitoring_enabled: true,
    });
    expect(only(json, 'azurerm_monitor_diagnostic_setting', 'aks_')).toMatchObject({
      enabled_log: [{ category_group: 'audit' }],
    });
  });

  test('the control-plane identity may write the DNS zone and join the subnet', () => {
    const roles = Object.values(resourcesOf(json, 'azurerm_role_assignment'))
      .filter((r: Json) => String(r.principal_id).includes('aks_Identity'))
      .map((r: Json) => r.role_definition_name)
      .sort();
    expect(roles).toEqual(['Network Contributor', 'Private DNS Zone Contributor', 'Reader']);
  });

  test('zero error findings from the policy engine', () => {
    expect(errorFindings(stack)).toEqual([]);
  });
});

describe('NorwayKubernetesCluster validation', () => {
  test('fails on a bad name, no admin groups, no zone, no subnet and no tenant', () => {
    expect(() =>
      cluster(testStack(NORWAY_EAST), NORWAY_EAST, {
        name: '-bad-',
        adminGroupObjectIds: [],
        privateDnsZoneId: '',
        subnetId: '',
        tenantId: '',
      }),
    ).toThrow(
      /5 problems:\n {2}- name "-bad-" is invalid.*\n {2}- subnetId is empty.*\n {2}- privateDnsZoneId is empty: pass the privatelink\.norwayeast\.azmk8s\.io zone.*\n {2}- adminGroupObjectIds is empty.*\n {2}- tenantId is empty/,
    );
  });

  test('fails when an admin group is not an object id', () => {
    expect(() =>
      cluster(testStack(NORWAY_EAST), NORWAY_EAST, { adminGroupObjectIds: ['aks-admins'] }),
    ).toThrow(/adminGroupObjectIds "aks-admins" is not an Entra ID object id/);
  });

  test('fails without a customer-managed key decision', () => {
    expect(() =>
      cluster(testStack(NORWAY_EAST), NORWAY_EAST, { customerManagedKey: undefined as never }),
    ).toThrow(/customerManagedKey is missing: .*the node disks.*\(ENC-003\)/);
  });

  test('fails without monitoring when diagnostics are disabled', () => {
    expect(() =>
      cluster(testStack(NORWAY_EAST), NORWAY_EAST, {
        diagnosticSettings: { relaxed: true, justification: 'a throwaway test cluster' },
      }),
    ).toThrow(/monitoringWorkspaceId is missing/);
  });

  test('fails on bad pools and address spaces', () => {
    expect(() =>
      cluster(testStack(NORWAY_EAST), NORWAY_EAST, {
        systemNodePool: { minCount: 4, maxCount: 2 },
        userNodePools: { 'Bad-Pool': {} },
        podCidr: '172.16.0.0',
      }),
    ).toThrow(
      /3 problems:\n {2}- podCidr "172\.16\.0\.0" is not a CIDR\n {2}- systemNodePool\.minCount 4 is above maxCount 2\n {2}- userNodePools key "Bad-Pool" is invalid/,
    );
  });

  test('fails on a region outside Norway', () => {
    expect(() => cluster(testStack(NORWAY_EAST), 'westeurope' as never)).toThrow(
      /region "westeurope" is not a Norway region/,
    );
  });

  test('load-balancer egress needs a justification and is a visible warning', () => {
    expect(() =>
      cluster(testStack(NORWAY_EAST), NORWAY_EAST, {
        loadBalancerEgress: { relaxed: true, justification: 'x' },
      }),
    ).toThrow(/loadBalancerEgress: \{ relaxed: true \} needs a justification of at least 10 characters/);
    const stack = testStack(NORWAY_EAST);
    cluster(stack, NORWAY_EAST, {
      loadBalancerEgress: { relaxed: true, justification: 'a lab cluster without a hub' },
    });
    expect(only(synth(stack), 'azurerm_kubernetes_cluster').network_profile.outbound_type).toBe(
      'loadBalancer',
    );
    expect(relaxedWarnings(stack)).toEqual([
      '[relaxed default] test-norwayeast/aks: egress through a load balancer with public IPs, not the hub firewall. Justification: a lab cluster without a hub',
    ]);
  });
});
