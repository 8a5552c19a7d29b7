/**
 * A raw, insecure version of each application type the constructs build (or the hospital runs): the
 * whole catalogue run over it reports exactly these rule ids on it. What a construct sets, a raw
 * resource must be caught for leaving out.
 */
import { checkModels } from '../../policies/engine/engine';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { ALL_RULES } from '../../policies/rules';
import { PRIVATE_WEB, SUBNET } from '../helpers/rules/applications';
import { tf } from '../helpers/rule-tester';

const AT = { location: 'norwayeast', resource_group_name: 'rg' };

const CASES: readonly [address: string, body: Record<string, unknown>, ruleIds: readonly string[]][] = [
  [
    'azurerm_postgresql_flexible_server.pg',
    {
      ...AT,
      name: 'pg',
      sku_name: 'GP_Standard_D2ds_v5',
      administrator_login: 'a',
      administrator_password: 'pw',
    },
    // lock + prevent_destroy, CMK, Entra on + passwords off, diagnostics, auditing, public, endpoint, secret
    [
      'BCK-002',
      'BCK-002',
      'ENC-002',
      'IAM-001',
      'IAM-001',
      'LOG-001',
      'LOG-003',
      'NET-001',
      'NET-005',
      'TFS-002',
    ],
  ],
  [
    'azurerm_mssql_server.sql',
    { ...AT, name: 'sql', version: '12.0', administrator_login: 'a', administrator_login_password: 'pw' },
    ['BCK-002', 'BCK-002', 'ENC-002', 'IAM-001', 'LOG-003', 'NET-001', 'NET-005', 'TFS-002'],
  ],
  ['azurerm_mssql_database.db', { name: 'db', server_id: '${azurerm_mssql_server.sql.id}' }, ['LOG-001']],
  ['azurerm_healthcare_workspace.hw', { ...AT, name: 'hw' }, ['BCK-002', 'BCK-002', 'NET-005']],
  [
    'azurerm_healthcare_fhir_service.fhir',
    { ...AT, name: 'fhir', workspace_id: '${azurerm_healthcare_workspace.hw.id}', kind: 'fhir-R4' },
    ['LOG-001'],
  ],
  [
    'azurerm_healthcare_dicom_service.dicom',
    { location: 'norwayeast', name: 'dicom', workspace_id: '${azurerm_healthcare_workspace.hw.id}' },
    ['LOG-001', 'NET-001'],
  ],
  // Public load balancer, no logs.
  ['azurerm_container_app_environment.cae', { ...AT, name: 'cae' }, ['LOG-001', 'NET-001']],
  [
    'azurerm_container_app.app',
    {
      name: 'app',
      resource_group_name: 'rg',
      container_app_environment_id: '${azurerm_container_app_environment.cae.id}',
      revision_mode: 'Single',
      ingress: [{ external_enabled: true, allow_insecure_connections: true, target_port: 80 }],
      registry: [{ server: 'acr.azurecr.io', username: 'acr', password_secret_name: 'pull' }],
      secret: [{ name: 'pull', value: '${var.pull}' }],
    },
    // plain HTTP allowed; a registry password and a secret that is no Key Vault reference; public ingress
    ['ENC-004', 'IAM-001', 'IAM-001', 'NET-001'],
  ],
  [
    'azurerm_servicebus_namespace.sb',
    { ...AT, name: 'sb', sku: 'Premium' },
    // lock + prevent_destroy, CMK, SAS keys, diagnostics, public, endpoint
    ['BCK-002', 'BCK-002', 'ENC-002', 'IAM-001', 'LOG-001', 'NET-001', 'NET-005'],
  ],
  [
    'azurerm_eventhub_namespace.eh',
    { ...AT, name: 'eh', sku: 'Premium', minimum_tls_version: '1.1' },
    // lock + prevent_destroy, CMK, TLS, SAS keys, diagnostics, public, endpoint
    ['BCK-002', 'BCK-002', 'ENC-002', 'ENC-004', 'IAM-001', 'LOG-001', 'NET-001', 'NET-005'],
  ],
  [
    'azurerm_eventhub.hub',
    {
      name: 'hub',
      namespace_id: '${azurerm_eventhub_namespace.eh.id}',
      partition_count: 2,
      capture_description: [
        {
          enabled: true,
          encoding: 'Avro',
          destination: [
            {
              name: 'EventHubArchive.AzureBlockBlob',
              archive_name_format: '{Namespace}/{EventHub}/{PartitionId}',
              blob_container_name: 'capture',
              storage_account_id: '${azurerm_storage_account.abroad.id}',
            },
          ],
        },
      ],
    },
    // capture writes every event to an account outside Norway
    ['RES-004'],
  ],
  [
    'azurerm_container_registry.acr',
    {
      ...AT,
      name: 'acr',
      sku: 'Premium',
      admin_enabled: true,
      anonymous_pull_enabled: true,
      georeplications: [{ location: 'westeurope' }],
    },
    // lock + prevent_destroy, CMK, admin user, diagnostics, public + anonymous pull + export, endpoint, replica abroad
    [
      'BCK-002',
      'BCK-002',
      'ENC-002',
      'IAM-001',
      'LOG-001',
      'NET-001',
      'NET-001',
      'NET-001',
      'NET-005',
      'RES-004',
    ],
  ],
  [
    'azurerm_container_registry_token.pull',
    {
      name: 'pull',
      resource_group_name: 'rg',
      container_registry_name: '${azurerm_container_registry.acr.name}',
      scope_map_id: '${azurerm_container_registry.acr.id}/scopeMaps/_repositories_pull',
    },
    // a registry token is a password outside Entra ID
    ['IAM-001'],
  ],
  [
    'azurerm_kubernetes_cluster.aks',
    {
      ...AT,
      name: 'aks',
      dns_prefix: 'aks',
      default_node_pool: [{ name: 'sys', vm_size: 'Standard_D2s_v5' }],
    },
    // public API server, local accounts, no Entra RBAC, no host encryption / disk key, no monitoring
    ['ENC-003', 'ENC-003', 'IAM-001', 'IAM-001', 'LOG-001', 'LOG-001', 'NET-006'],
  ],
  [
    'azurerm_kubernetes_cluster_node_pool.pool',
    {
      name: 'pool',
      kubernetes_cluster_id: '${azurerm_kubernetes_cluster.aks.id}',
      node_public_ip_enabled: true,
    },
    ['ENC-003', 'NET-006'],
  ],
  [
    'azurerm_application_gateway.agw',
    {
      ...AT,
      name: 'agw',
      sku: [{ name: 'Standard_v2', tier: 'Standard_v2', capacity: 2 }],
      gateway_ip_configuration: [{ name: 'gw', subnet_id: 's' }],
      frontend_ip_configuration: [{ name: 'fe', private_ip_address: '10.0.0.10', subnet_id: 's' }],
      frontend_port: [{ name: 'http', port: 80 }],
      http_listener: [
        { name: 'web', frontend_ip_configuration_name: 'fe', frontend_port_name: 'http', protocol: 'Http' },
      ],
      backend_address_pool: [{ name: 'be' }],
      backend_http_settings: [{ name: 'be', port: 80, protocol: 'Http', cookie_based_affinity: 'Disabled' }],
      request_routing_rule: [
        {
          name: 'web',
          rule_type: 'Basic',
          priority: 1,
          http_listener_name: 'web',
          backend_address_pool_name: 'be',
          backend_http_settings_name: 'be',
        },
      ],
    },
    // no TLS policy, an HTTP listener serving pages, no WAF, no diagnostics
    ['ENC-004', 'ENC-004', 'LOG-001', 'NET-010'],
  ],
  [
    'azurerm_web_application_firewall_policy.waf',
    {
      ...AT,
      name: 'waf',
      policy_settings: [{ enabled: true, mode: 'Detection' }],
      managed_rules: [{ managed_rule_set: [{ type: 'OWASP', version: '3.1' }] }],
    },
    ['NET-010', 'NET-010'],
  ],
  [
    'azurerm_storage_share.nfs',
    {
      name: 'nfs',
      storage_account_id: '${azurerm_storage_account.files.id}',
      quota: 100,
      enabled_protocol: 'NFS',
      acl: [{ id: 'sas', access_policy: [{ permissions: 'rwdl' }] }],
    },
    // NFS, stored access policies; its account is not in the configuration, so its place is unknown
    ['ENC-001', 'IAM-001', 'RES-004'],
  ],
  // https_only; FTP and Web Deploy basic auth; diagnostics; public; endpoint; no VNet integration, route-all.
  [
    'azurerm_linux_web_app.web',
    { ...AT, name: 'web', service_plan_id: 'x', site_config: [{}] },
    ['ENC-004', 'IAM-001', 'IAM-001', 'LOG-001', 'NET-001', 'NET-005', 'NET-011', 'NET-011'],
  ],
  [
    'azurerm_windows_web_app.win',
    { ...AT, name: 'win', service_plan_id: 'x', site_config: [{}] },
    ['ENC-004', 'IAM-001', 'IAM-001', 'LOG-001', 'NET-001', 'NET-005', 'NET-011', 'NET-011'],
  ],
  [
    'azurerm_linux_web_app_slot.staging',
    { name: 'staging', app_service_id: '${azurerm_linux_web_app.web.id}', site_config: [{}] },
    ['ENC-004', 'IAM-001', 'IAM-001', 'NET-001', 'NET-011', 'NET-011'],
  ],
  // Zone balancing where there are no zones (and Norway West without its approval tag).
  [
    'azurerm_service_plan.plan',
    {
      location: 'norwaywest',
      resource_group_name: 'rg',
      name: 'plan',
      os_type: 'Linux',
      sku_name: 'P1v3',
      zone_balancing_enabled: true,
    },
    ['RES-006', 'RES-007'],
  ],
  [
    'azurerm_windows_virtual_machine.win',
    {
      ...AT,
      name: 'win',
      size: 'Standard_D2s_v5',
      admin_username: 'a',
      admin_password: 'pw',
      network_interface_ids: ['n'],
    },
    ['ENC-003', 'IAM-004', 'TFS-002'],
  ],
  [
    'azurerm_data_protection_backup_vault.bv',
    { ...AT, name: 'bv', datastore_type: 'VaultStore', redundancy: 'LocallyRedundant' },
    ['BCK-001', 'BCK-002', 'BCK-002'],
  ],
];

/** What the raw resources point at: not judged here. */
const CONTEXT: Record<string, Record<string, unknown>> = {
  'azurerm_storage_account.abroad': { name: 'abroad', location: 'swedencentral', resource_group_name: 'rg' },
};

describe('a raw, insecure application resource fails the guard with the expected rule ids', () => {
  const model = loadTerraformJson(
    tf({ ...CONTEXT, ...Object.fromEntries(CASES.map(([address, body]) => [address, body])) }),
    {
      file: 'cdk.tf.json',
    },
  );
  const report = checkModels([model], { rules: ALL_RULES, today: '2026-01-01' });
  test.each(CASES.map(([address, , ids]) => [address, ids] as const))('%s', (address, ids) => {
    const found = report.findings.filter((f) => f.address === address && !f.suppressed).map((f) => f.ruleId);
    expect(found.sort()).toEqual([...ids]);
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
