/**
 * The checks web apps and Container Apps added to the families (IAM-001, ENC-004, LOG-001, NET-001,
 * NET-005) and the new NET-011, as tables; and a compliant raw version of each type that the whole
 * catalogue passes.
 */
import { checkModels } from '../../policies/engine/engine';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { ALL_RULES } from '../../policies/rules';
import { ENC_004 } from '../../policies/rules/encryption/enc-004-tls-endpoints';
import { IAM_001 } from '../../policies/rules/identity/iam-001-entra-only';
import { LOG_001 } from '../../policies/rules/logging/log-001-diagnostic-settings';
import { NET_001 } from '../../policies/rules/network/net-001-public-network-access';
import { NET_011 } from '../../policies/rules/network/net-011-web-app-egress';
import { plan, ruleTester, tf } from '../helpers/rule-tester';

const AT = { location: 'norwayeast', resource_group_name: 'rg' };
const SUBNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/web';
const PRIVATE_WEB = {
  https_only: true,
  public_network_access_enabled: false,
  ftp_publish_basic_authentication_enabled: false,
  webdeploy_publish_basic_authentication_enabled: false,
  virtual_network_subnet_id: SUBNET,
  site_config: [{ vnet_route_all_enabled: true }],
};

describe('NET-011: web apps send all outbound traffic through their virtual network', () => {
  ruleTester(NET_011, {
    valid: [
      {
        name: 'an app and a slot integrated, routing everything',
        synth: tf({
          'azurerm_linux_web_app.web': { ...AT, ...PRIVATE_WEB },
          'azurerm_linux_web_app_slot.staging': {
            app_service_id: '${azurerm_linux_web_app.web.id}',
            virtual_network_subnet_id: SUBNET,
            site_config: [{ vnet_route_all_enabled: true }],
          },
        }),
        plan: plan([
          { at: 'azurerm_windows_web_app.win', values: { ...AT, ...PRIVATE_WEB } },
          {
            at: 'azurerm_linux_web_app.ref',
            values: { ...AT, site_config: [{ vnet_route_all_enabled: true }] },
            unknown: { virtual_network_subnet_id: true },
            references: { virtual_network_subnet_id: ['azurerm_subnet.web.id', 'azurerm_subnet.web'] },
          },
        ]),
      },
    ],
    invalid: [
      {
        name: 'no integration, route-all off or unset, and a slot without its own subnet',
        synth: tf({
          'azurerm_linux_web_app.bare': { ...AT, site_config: [{}] },
          'azurerm_windows_web_app.partial': {
            ...AT,
            virtual_network_subnet_id: SUBNET,
            site_config: [{ vnet_route_all_enabled: false }],
          },
          'azurerm_windows_web_app_slot.staging': {
            app_service_id: '${azurerm_windows_web_app.partial.id}',
            site_config: [{ vnet_route_all_enabled: true }],
          },
        }),
        errors: [
          ['NET-011', 'azurerm_linux_web_app.bare'],
          ['NET-011', 'azurerm_linux_web_app.bare'],
          ['NET-011', 'azurerm_windows_web_app.partial'],
          ['NET-011', 'azurerm_windows_web_app_slot.staging'],
        ],
        messages: [
          'virtual_network_subnet_id is not set: no virtual network integration, so outbound calls go straight to the internet.',
          'site_config.vnet_route_all_enabled is not set, and the provider default is false; only private addresses go through the virtual network.',
          'site_config.vnet_route_all_enabled is false; only private addresses go through the virtual network.',
          'virtual_network_subnet_id is not set: no virtual network integration, so outbound calls go straight to the internet.',
        ],
      },
    ],
  });
});

describe('IAM-001: web app publishing and Container App registries and secrets', () => {
  ruleTester(IAM_001, {
    valid: [
      {
        name: 'basic auth off; a registry pulled by identity; a Key Vault secret',
        synth: tf({
          'azurerm_linux_web_app.web': { ...AT, ...PRIVATE_WEB },
          'azurerm_container_app.app': {
            registry: [{ server: 'cr.azurecr.io', identity: '${azurerm_user_assigned_identity.id.id}' }],
            secret: [
              {
                name: 'db',
                key_vault_secret_id: 'https://kv.vault.azure.net/secrets/db',
                identity: '${azurerm_user_assigned_identity.id.id}',
              },
            ],
          },
          'azurerm_container_app.plain': {},
        }),
      },
    ],
    invalid: [
      {
        name: 'FTP and Web Deploy basic auth by default; a registry password; a secret value',
        synth: tf({
          'azurerm_linux_web_app_slot.staging': {},
          'azurerm_container_app.app': {
            registry: [
              { server: 'cr.azurecr.io', username: 'cr', password_secret_name: 'pull' },
              { server: 'other.azurecr.io' },
            ],
            secret: [{ name: 'pull', value: 'literal' }],
          },
        }),
        errors: [
          ['IAM-001', 'azurerm_container_app.app'],
          ['IAM-001', 'azurerm_container_app.app'],
          ['IAM-001', 'azurerm_container_app.app'],
          ['IAM-001', 'azurerm_linux_web_app_slot.staging'],
          ['IAM-001', 'azurerm_linux_web_app_slot.staging'],
        ],
        messages: [
          'ftp_publish_basic_authentication_enabled is not set, and the provider default is true.',
          'webdeploy_publish_basic_authentication_enabled is not set, and the provider default is true.',
          "registry[0] pulls with a password (password_secret_name); pull with the app's managed identity.",
          'registry[1] has no identity to pull with.',
          'secret[0] is not a Key Vault reference (no key_vault_secret_id); its value lives in the configuration and state.',
        ],
      },
    ],
  });
});

describe('ENC-004: Container App ingress is HTTPS only', () => {
  ruleTester(ENC_004, {
    valid: [
      {
        name: 'insecure connections unset or false',
        synth: tf({
          'azurerm_container_app.a': { ingress: [{ target_port: 80 }] },
          'azurerm_container_app.b': { ingress: [{ target_port: 80, allow_insecure_connections: false }] },
          'azurerm_container_app.none': {},
        }),
      },
    ],
    invalid: [
      {
        name: 'insecure connections allowed',
        synth: tf({ 'azurerm_container_app.a': { ingress: [{ allow_insecure_connections: true }] } }),
        errors: [['ENC-004', 'azurerm_container_app.a']],
      },
    ],
  });
});

describe('LOG-001: Container Apps environments log to a Norway workspace', () => {
  const WORKSPACE = { 'azurerm_log_analytics_workspace.law': { ...AT, name: 'law' } };
  ruleTester(LOG_001, {
    valid: [
      {
        name: 'the environment names a Norway workspace',
        synth: tf({
          ...WORKSPACE,
          'azurerm_container_app_environment.cae': {
            ...AT,
            logs_destination: 'log-analytics',
            log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
          },
        }),
      },
    ],
    invalid: [
      {
        name: 'a workspace outside the estate, one abroad, and none at all',
        synth: tf({
          'azurerm_log_analytics_workspace.abroad': { ...AT, location: 'westeurope', name: 'abroad' },
          'azurerm_container_app_environment.external': {
            ...AT,
            log_analytics_workspace_id:
              '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w',
          },
          'azurerm_container_app_environment.abroad': {
            ...AT,
            log_analytics_workspace_id: '${azurerm_log_analytics_workspace.abroad.id}',
          },
          'azurerm_container_app_environment.none': { ...AT },
        }),
        errors: [
          ['LOG-001', 'azurerm_container_app_environment.abroad'],
          ['LOG-001', 'azurerm_container_app_environment.external'],
          ['LOG-001', 'azurerm_container_app_environment.none'],
        ],
      },
    ],
  });
});

describe('NET-001: web app slots and Container Apps environments are not public', () => {
  ruleTester(NET_001, {
    valid: [
      {
        name: 'a private slot; internal environments with public access unset or disabled',
        synth: tf({
          'azurerm_linux_web_app_slot.staging': { public_network_access_enabled: false },
          'azurerm_container_app_environment.a': { ...AT, internal_load_balancer_enabled: true },
          'azurerm_container_app_environment.b': {
            ...AT,
            internal_load_balancer_enabled: true,
            public_network_access: 'Disabled',
          },
        }),
      },
    ],
    invalid: [
      {
        name: 'a slot by default; an internal environment that enables public access',
        synth: tf({
          'azurerm_windows_web_app_slot.staging': {},
          'azurerm_container_app_environment.open': {
            ...AT,
            internal_load_balancer_enabled: true,
            public_network_access: 'Enabled',
          },
        }),
        errors: [
          ['NET-001', 'azurerm_container_app_environment.open'],
          ['NET-001', 'azurerm_windows_web_app_slot.staging'],
        ],
      },
    ],
  });
});

describe('a compliant raw web app and Container App pass the whole catalogue', () => {
  const ZONE = 'privatelink.azurewebsites.net';
  const model = loadTerraformJson(
    tf({
      'azurerm_log_analytics_workspace.law': {
        ...AT,
        name: 'law',
        retention_in_days: 365,
        local_authentication_enabled: false,
      },
      'azurerm_private_dns_zone.web': { name: ZONE, resource_group_name: 'rg' },
      'azurerm_service_plan.plan': {
        ...AT,
        name: 'plan',
        os_type: 'Linux',
        sku_name: 'P1v3',
        worker_count: 3,
        zone_balancing_enabled: true,
      },
      'azurerm_linux_web_app.web': {
        ...AT,
        ...PRIVATE_WEB,
        name: 'web',
        service_plan_id: '${azurerm_service_plan.plan.id}',
        identity: [{ type: 'SystemAssigned' }],
        site_config: [
          {
            vnet_route_all_enabled: true,
            minimum_tls_version: '1.2',
            scm_minimum_tls_version: '1.2',
            ftps_state: 'Disabled',
          },
        ],
      },
      'azurerm_private_endpoint.web': {
        ...AT,
        name: 'web-pe',
        subnet_id: SUBNET,
        private_service_connection: [
          {
            name: 'web-pe',
            private_connection_resource_id: '${azurerm_linux_web_app.web.id}',
            subresource_names: ['sites'],
            is_manual_connection: false,
          },
        ],
        private_dns_zone_group: [
          { name: 'default', private_dns_zone_ids: ['${azurerm_private_dns_zone.web.id}'] },
        ],
      },
      'azurerm_monitor_diagnostic_setting.web': {
        name: 'to-log-analytics',
        target_resource_id: '${azurerm_linux_web_app.web.id}',
        log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        enabled_log: [{ category_group: 'allLogs' }],
      },
      'azurerm_container_app_environment.cae': {
        ...AT,
        name: 'cae',
        infrastructure_subnet_id: SUBNET,
        internal_load_balancer_enabled: true,
        zone_redundancy_enabled: true,
        logs_destination: 'log-analytics',
        log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
      },
      'azurerm_container_app.app': {
        name: 'app',
        resource_group_name: 'rg',
        container_app_environment_id: '${azurerm_container_app_environment.cae.id}',
        revision_mode: 'Single',
        ingress: [{ external_enabled: false, allow_insecure_connections: false, target_port: 8080 }],
      },
    }),
    { file: 'cdk.tf.json' },
  );
  test('no finding on any of them', () => {
    const report = checkModels([model], { rules: ALL_RULES, today: '2026-01-01' });
    const on = [
      'azurerm_service_plan.plan',
      'azurerm_linux_web_app.web',
      'azurerm_private_endpoint.web',
      'azurerm_container_app_environment.cae',
      'azurerm_container_app.app',
    ];
    expect(
      report.findings
        .filter((f) => on.includes(f.address) && !f.suppressed)
        .map((f) => `${f.ruleId} ${f.address}`),
    ).toEqual([]);
  });
});
