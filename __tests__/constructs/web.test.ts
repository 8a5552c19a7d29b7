import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import { NorwayLinuxWebApp, NorwayLinuxWebAppProps, WEB_APP_PRIVATE_DNS_ZONE } from '../../constructs/web';
import { NorwayLogAnalyticsWorkspace } from '../../constructs/monitoring';
import type { NorwayStack } from '../../stacks/norway-stack';
import { errorFindings, Json, only, relaxedWarnings, synth, testStack } from './support';

const SUBNETS = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets';
const ZONE = `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/${WEB_APP_PRIVATE_DNS_ZONE}`;

function webApp(stack: NorwayStack, region: NorwayRegion, extra: Partial<NorwayLinuxWebAppProps> = {}) {
  const logs = new NorwayLogAnalyticsWorkspace(stack, 'logs', {
    region,
    resourceGroupName: 'rg-logs',
    name: 'law-platform',
  });
  return new NorwayLinuxWebApp(stack, 'web', {
    region,
    resourceGroupName: 'rg-web',
    name: 'app-patient-portal',
    virtualNetworkSubnetId: `${SUBNETS}/web`,
    diagnosticSettings: { workspaceId: logs.workspaceId },
    privateEndpoints: { sites: { subnetId: `${SUBNETS}/pe`, privateDnsZoneIds: [ZONE] } },
    ...extra,
  });
}

describe.each([
  [NORWAY_EAST, true, 3],
  [NORWAY_WEST, false, 1],
])('NorwayLinuxWebApp with defaults in %s', (region: NorwayRegion, zoned: boolean, workers: number) => {
  let stack: NorwayStack;
  let json: Json;
  beforeAll(() => {
    // GIVEN / WHEN
    stack = testStack(region);
    webApp(stack, region);
    json = synth(stack);
  });

  test(`a P1v3 plan, zone-redundant: ${zoned}, ${workers} workers`, () => {
    expect(only(json, 'azurerm_service_plan')).toEqual({
      name: 'app-patient-portal-plan',
      location: region,
      resource_group_name: 'rg-web',
      os_type: 'Linux',
      sku_name: 'P1v3',
      worker_count: workers,
      zone_balancing_enabled: zoned,
      tags: expect.any(Object),
    });
  });

  test('no public access, HTTPS only, TLS 1.2 site and SCM, FTP and basic auth off, all egress via the subnet', () => {
    expect(only(json, 'azurerm_linux_web_app')).toMatchObject({
      location: region,
      service_plan_id: expect.stringMatching(/^\$\{azurerm_service_plan\.web_Plan_/),
      public_network_access_enabled: false,
      https_only: true,
      virtual_network_subnet_id: `${SUBNETS}/web`,
      vnet_image_pull_enabled: true,
      ftp_publish_basic_authentication_enabled: false,
      webdeploy_publish_basic_authentication_enabled: false,
      client_certificate_enabled: false,
      identity: { type: 'SystemAssigned' },
      site_config: {
        ftps_state: 'Disabled',
        minimum_tls_version: '1.2',
        scm_minimum_tls_version: '1.2',
        vnet_route_all_enabled: true,
        remote_debugging_enabled: false,
        ip_restriction_default_action: 'Deny',
        scm_ip_restriction_default_action: 'Deny',
      },
    });
    expect(only(json, 'azurerm_linux_web_app').lifecycle).toBeUndefined();
    expect(only(json, 'azurerm_linux_web_app').auth_settings_v2).toBeUndefined();
  });

  test('a private endpoint to sites and diagnostics to the workspace', () => {
    expect(only(json, 'azurerm_private_endpoint', 'web_')).toMatchObject({
      name: 'app-patient-portal-pe-sites',
      private_service_connection: { subresource_names: ['sites'] },
      private_dns_zone_group: { private_dns_zone_ids: [ZONE] },
    });
    expect(only(json, 'azurerm_monitor_diagnostic_setting', 'web_')).toMatchObject({
      log_analytics_workspace_id: expect.stringMatching(/^\$\{azurerm_log_analytics_workspace\.logs_/),
      enabled_log: [{ category_group: 'allLogs' }],
    });
  });

  test('zero error findings from the policy engine', () => {
    expect(errorFindings(stack)).toEqual([]);
  });
});

describe('NorwayLinuxWebApp options', () => {
  test('Entra sign-in, client certificates, a container pulled with the identity, and a lock', () => {
    // GIVEN
    const stack = testStack(NORWAY_EAST);
    // WHEN
    webApp(stack, NORWAY_EAST, {
      entraAuthentication: { clientId: 'c1', tenantId: 't1' },
      clientCertificateMode: 'Required',
      applicationStack: { dockerImageName: 'lab/portal:1.0', dockerRegistryUrl: 'https://cr.azurecr.io' },
      lock: { kind: 'CanNotDelete' },
    });
    const app = only(synth(stack), 'azurerm_linux_web_app');
    // THEN
    expect(app).toMatchObject({
      client_certificate_enabled: true,
      client_certificate_mode: 'Required',
      site_config: { container_registry_use_managed_identity: true },
      auth_settings_v2: {
        require_authentication: true,
        unauthenticated_action: 'RedirectToLoginPage',
        active_directory_v2: {
          client_id: 'c1',
          tenant_auth_endpoint: 'https://login.microsoftonline.com/t1/v2.0',
          allowed_audiences: ['c1', 'api://c1'],
        },
      },
      lifecycle: { prevent_destroy: true },
    });
  });

  test('private-only routing is a justified relaxation that NET-011 still reports', () => {
    const stack = testStack(NORWAY_EAST);
    webApp(stack, NORWAY_EAST, {
      privateTrafficOnly: { relaxed: true, justification: 'legacy partner reached directly' },
    });
    expect(only(synth(stack), 'azurerm_linux_web_app').site_config.vnet_route_all_enabled).toBe(false);
    expect(relaxedWarnings(stack)).toEqual([
      '[relaxed default] test-norwayeast/web: only private traffic through the integration subnet. Justification: legacy partner reached directly',
    ]);
    expect(errorFindings(stack).map((f) => f.split(':')[0])).toEqual([
      'NET-011 azurerm_linux_web_app.web_08B6E5F3',
    ]);
  });
});

describe('NorwayLinuxWebApp validation', () => {
  test('fails on a bad name, without a subnet and without a private endpoint', () => {
    expect(() =>
      webApp(testStack(NORWAY_EAST), NORWAY_EAST, {
        name: '-web',
        virtualNetworkSubnetId: '',
        privateEndpoints: {},
      }),
    ).toThrow(
      /3 problems:\n {2}- name "-web" is invalid.*\n {2}- virtualNetworkSubnetId is empty.*\n {2}- privateEndpoints is missing/,
    );
  });

  test('fails when a zone-redundant plan is asked for in Norway West', () => {
    expect(() =>
      webApp(testStack(NORWAY_WEST), NORWAY_WEST, { servicePlan: { zoneRedundant: true } }),
    ).toThrow(/servicePlan\.zoneRedundant needs availability zones, which norwaywest does not have/);
  });

  test('fails when a zone-redundant plan has a Basic SKU or one worker', () => {
    expect(() =>
      webApp(testStack(NORWAY_EAST), NORWAY_EAST, { servicePlan: { skuName: 'B1', workerCount: 1 } }),
    ).toThrow(
      /2 problems:\n {2}- servicePlan\.skuName B1 cannot be zone-redundant.*\n {2}- servicePlan\.workerCount 1 is too few/,
    );
  });

  test('fails without diagnostics, with a short justification, and with Entra sign-in missing its tenant', () => {
    expect(() =>
      webApp(testStack(NORWAY_EAST), NORWAY_EAST, {
        diagnosticSettings: undefined as never,
        privateTrafficOnly: { relaxed: true, justification: 'short' },
        entraAuthentication: { clientId: 'c', tenantId: '' },
      }),
    ).toThrow(
      /3 problems:\n {2}- entraAuthentication needs clientId and tenantId.*\n {2}- privateTrafficOnly: \{ relaxed: true \} needs a justification.*\n {2}- diagnosticSettings is missing/,
    );
  });
});
