/**
 * The default platform, synthesized once with `app.synth()` (guard included) and read back from disk,
 * as `npm run synth` and the policy CLI see it.
 */
import { checkModels } from '../../policies/engine/engine';
import { ALL_RULES } from '../../policies/rules';
import type { CheckResult } from '../../policies/engine/result';
import { loadCdktfOut } from '../../policies/model/load-cdktf-out';
import { policySettings } from '../../stacks/platform-app';
import {
  resourceTypeCounts,
  SynthesizedPlatform,
  synthDefaultPlatform,
  TerraformJson,
} from '../helpers/synth-default';
import { TODAY } from '../helpers/today';

let out: SynthesizedPlatform;
let report: CheckResult;
beforeAll(() => {
  out = synthDefaultPlatform();
  report = checkModels(loadCdktfOut(out.outdir), {
    rules: ALL_RULES,
    today: TODAY,
    settings: policySettings(out.config),
  });
});

const WORKLOADS = ['dalen', 'fjellheim', 'kystbyen'].flatMap((t) => [
  `workload-${t}-dev`,
  `workload-${t}-prod`,
]);
const PLATFORMS = ['platform-dev-norwayeast', 'platform-prod-norwayeast', 'platform-prod-norwaywest'];
const ALL = ['bootstrap', ...PLATFORMS, ...WORKLOADS, 'identity'];

/** Resources of one type in a stack, as [name, body] pairs. */
function resources(json: TerraformJson, type: string): [string, TerraformJson][] {
  return Object.entries(json.resource?.[type] ?? {});
}

function only(json: TerraformJson, type: string): TerraformJson {
  const list = resources(json, type);
  expect(list).toHaveLength(1);
  return list[0][1];
}

describe('stacks of the default configuration', () => {
  test('one bootstrap, a platform per environment and region, a workload per trust and environment', () => {
    expect(Object.keys(out.manifest.stacks).sort()).toEqual([...ALL].sort());
  });

  test('manifest.json orders them: bootstrap, then platforms, then each workload after its platform', () => {
    const deps = (id: string) => [...out.manifest.stacks[id].dependencies].sort();
    expect(deps('bootstrap')).toEqual([]);
    expect(deps('platform-dev-norwayeast')).toEqual(['bootstrap']);
    expect(deps('platform-prod-norwayeast')).toEqual(['bootstrap']);
    expect(deps('platform-prod-norwaywest')).toEqual(['bootstrap', 'platform-prod-norwayeast']);
    for (const t of ['dalen', 'fjellheim', 'kystbyen']) {
      expect(deps(`workload-${t}-dev`)).toEqual(['platform-dev-norwayeast']);
    }
    // A trust without applications depends on its primary platform only; fjellheim's database keeps
    // its geo-backup key in the DR platform's vault.
    expect(deps('workload-dalen-prod')).toEqual(['platform-prod-norwayeast']);
    expect(deps('workload-kystbyen-prod')).toEqual(['platform-prod-norwayeast']);
    expect(deps('workload-fjellheim-prod')).toEqual(['platform-prod-norwayeast', 'platform-prod-norwaywest']);
  });

  test('no stack carries an error annotation', () => {
    for (const id of ALL) {
      const errors = (out.manifest.stacks[id].annotations as { level: string; message: string }[]).filter(
        (a) => a.level === 'error',
      );
      expect({ id, errors }).toEqual({ id, errors: [] });
    }
  });
});

describe('Terraform state', () => {
  test('every non-bootstrap stack uses the azurerm backend with Entra ID auth and its own key', () => {
    const keys = new Set<string>();
    for (const id of [...PLATFORMS, ...WORKLOADS]) {
      const backend = out.stack(id).terraform.backend;
      expect(Object.keys(backend)).toEqual(['azurerm']);
      expect(backend.azurerm).toEqual({
        resource_group_name: 'rg-hex-tfstate-noe',
        storage_account_name: 'sthextfstatenoe',
        container_name: 'tfstate',
        key: `${id}.tfstate`,
        use_azuread_auth: true,
      });
      keys.add(backend.azurerm.key);
    }
    expect(keys.size).toBe(PLATFORMS.length + WORKLOADS.length);
  });

  test('no stack writes an OIDC (or other login) setting the configuration does not set', () => {
    // A written `use_oidc: false` overrides ARM_USE_OIDC=true in CI and silently picks another login.
    for (const id of ALL) {
      const json = out.stack(id);
      const settings = [json.terraform.backend?.azurerm ?? {}, ...json.provider.azurerm];
      for (const block of settings)
        for (const key of ['use_oidc', 'use_msi', 'use_cli', 'use_aks_workload_identity'])
          expect({ id, key, value: block[key] }).toEqual({ id, key, value: undefined });
    }
  });

  test('the bootstrap stack alone keeps local state, in the project root, and is marked bootstrap', () => {
    const json = out.stack('bootstrap');
    expect(json.terraform.backend).toEqual({ local: { path: '../../../terraform.bootstrap.tfstate' } });
    expect(json['//'].norway_policy).toEqual({ bootstrap: true });
  });

  test('the state account: Norway East, geo copy only to the pair, versioning, soft delete, lock, Entra ID only', () => {
    const json = out.stack('bootstrap');
    const [[name, account]] = resources(json, 'azurerm_storage_account');
    expect(account).toMatchObject({
      name: 'sthextfstatenoe',
      location: 'norwayeast',
      account_replication_type: 'GZRS',
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
      public_network_access_enabled: false,
      allow_nested_items_to_be_public: false,
      cross_tenant_replication_enabled: false,
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      network_rules: { default_action: 'Deny' },
      blob_properties: {
        versioning_enabled: true,
        delete_retention_policy: { days: 90 },
        container_delete_retention_policy: { days: 90 },
      },
      lifecycle: { prevent_destroy: true },
    });
    expect(account.customer_managed_key.key_vault_key_id).toMatch(/^\$\{azurerm_key_vault_key\./);
    const locks = resources(json, 'azurerm_management_lock').map(([, l]) => l);
    expect(locks).toContainEqual(
      expect.objectContaining({
        scope: `\${azurerm_storage_account.${name}.id}`,
        lock_level: 'CanNotDelete',
      }),
    );
    expect(only(json, 'azurerm_storage_container')).toMatchObject({
      name: 'tfstate',
      storage_account_id: `\${azurerm_storage_account.${name}.id}`,
      container_access_type: 'private',
    });
  });

  test('the state account passes every residency, storage and state rule', () => {
    const onStateAccount = report.findings.filter(
      (f) => f.stack === 'bootstrap' && f.address.startsWith('azurerm_storage_account.'),
    );
    // Only the documented NET-005 suppression (its endpoints are in the platform stacks), nothing unsuppressed.
    expect(onStateAccount.map((f) => [f.ruleId, f.suppressed])).toEqual([['NET-005', true]]);
    expect(report.findings.filter((f) => f.ruleId === 'TFS-001')).toEqual([]);
  });
});

describe('the policy engine over cdktf.out', () => {
  test('reports zero unsuppressed errors', () => {
    const errors = report.findings.filter((f) => !f.suppressed && f.severity === 'error');
    expect(errors.map((f) => `${f.ruleId} ${f.stack} ${f.address}: ${f.message}`)).toEqual([]);
  });

  test('every suppression has a reason and expires within a year', () => {
    for (const f of report.findings.filter((x) => x.suppressed)) {
      expect(f.suppression!.reason.length).toBeGreaterThanOrEqual(10);
      expect(f.suppression!.expires >= TODAY && f.suppression!.expires <= '2027-11-25').toBe(true);
    }
  });
});

describe('platform stacks', () => {
  test('the primary platform stack holds the hub, DNS, workspace, Key Vault, backup vault and state endpoint', () => {
    expect(resourceTypeCounts(out.stack('platform-prod-norwayeast'))).toEqual(EXPECTED_PLATFORM);
    expect(resourceTypeCounts(out.stack('platform-dev-norwayeast'))).toEqual(EXPECTED_PLATFORM);
  });

  test('the hub is split into private-endpoint and management subnets; spokes route egress to the firewall address', () => {
    const json = out.stack('platform-prod-norwayeast');
    expect(only(json, 'azurerm_virtual_network')).toMatchObject({
      name: 'vnet-hex-prod-hub-noe',
      address_space: ['10.64.0.0/22'],
    });
    expect(
      resources(json, 'azurerm_subnet')
        .map(([, s]) => [s.name, s.address_prefixes])
        .sort(),
    ).toEqual([
      ['AzureFirewallSubnet', ['10.64.2.0/24']],
      ['snet-management', ['10.64.1.0/24']],
      ['snet-private-endpoints', ['10.64.0.0/24']],
    ]);
    const route = only(out.stack('workload-kystbyen-prod'), 'azurerm_route_table').route;
    expect(route).toEqual([
      expect.objectContaining({ address_prefix: '0.0.0.0/0', next_hop_in_ip_address: '10.64.2.4' }),
    ]);
  });

  test("the hub goes out through Azure Firewall at the spokes' next hop, to an allow-list only, logging to the workspace", () => {
    const json = out.stack('platform-prod-norwayeast');
    const firewall = only(json, 'azurerm_firewall');
    expect(firewall).toMatchObject({
      name: 'vnet-hex-prod-hub-noe-fw',
      location: 'norwayeast',
      sku_name: 'AZFW_VNet',
      zones: ['1', '2', '3'],
    });
    // The hub subnets route through the same address the spokes use (the first of AzureFirewallSubnet).
    expect(only(json, 'azurerm_route_table').route).toEqual([
      expect.objectContaining({
        address_prefix: '0.0.0.0/0',
        next_hop_type: 'VirtualAppliance',
        next_hop_in_ip_address: '10.64.2.4',
      }),
    ]);
    const rules = only(json, 'azurerm_firewall_policy_rule_collection_group').application_rule_collection;
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ action: 'Allow' });
    const fqdns: string[] = rules[0].rule[0].destination_fqdns;
    for (const needed of [
      'github.com',
      'registry.npmjs.org',
      'management.azure.com',
      'login.microsoftonline.com',
    ])
      expect(fqdns).toContain(needed);
    // fjellheim runs a private AKS cluster: its nodes' names, and Container Insights only to this workspace.
    expect(fqdns).toEqual(
      expect.arrayContaining([
        'mcr.microsoft.com',
        '*.data.mcr.microsoft.com',
        'packages.aks.azure.com',
        'norwayeast.handler.control.monitor.azure.com',
        '${azurerm_log_analytics_workspace.Logs_6819BB44.workspace_id}.ods.opinsights.azure.com',
      ]),
    );
    expect(fqdns.filter((f) => f.includes('opinsights') && f.startsWith('*'))).toEqual([]);
    expect(rules[0].rule[0].protocols).toEqual([{ type: 'Https', port: 443 }]);
    expect(only(json, 'azurerm_firewall_policy')).toMatchObject({
      threat_intelligence_mode: 'Deny',
      dns: { proxy_enabled: true },
    });
    const diagnostics = resources(json, 'azurerm_monitor_diagnostic_setting').map(
      ([, d]) => d.target_resource_id,
    );
    expect(diagnostics).toContain('${azurerm_firewall.Hub_Egress_E69DCCC5.id}');
  });

  test('the DR platform stack is in Norway West, without zones, every resource tagged with its approval', () => {
    const json = out.stack('platform-prod-norwaywest');
    expect(resourceTypeCounts(json)).toEqual({
      ...EXPECTED_PLATFORM,
      azurerm_virtual_network_peering: 2,
      'data.terraform_remote_state': 1,
    });
    for (const [type, instances] of Object.entries(
      json.resource as Record<string, Record<string, TerraformJson>>,
    )) {
      for (const [name, body] of Object.entries(instances)) {
        if ('location' in body)
          expect({ address: `${type}.${name}`, location: body.location }).toEqual({
            address: `${type}.${name}`,
            location: 'norwaywest',
          });
        if ('location' in body) expect(body.tags?.['dr-approval']).toBe('disaster recovery for prod');
        expect(body.zones).toBeUndefined();
      }
    }
  });

  test('the DR hub is peered both ways with the primary hub of its environment', () => {
    const json = out.stack('platform-prod-norwaywest');
    const remote =
      '${data.terraform_remote_state.cross-stack-reference-input-platform-prod-norwayeast.outputs.';
    const peerings = Object.fromEntries(
      resources(json, 'azurerm_virtual_network_peering').map(([, p]) => [p.name, p]),
    );
    expect(Object.keys(peerings).sort()).toEqual([
      'vnet-hex-prod-hub-noe-to-dr',
      'vnet-hex-prod-hub-now-to-primary',
    ]);
    expect(peerings['vnet-hex-prod-hub-now-to-primary'].remote_virtual_network_id.startsWith(remote)).toBe(
      true,
    );
    expect(peerings['vnet-hex-prod-hub-noe-to-dr'].virtual_network_name.startsWith(remote)).toBe(true);
  });
});

describe('workload stacks', () => {
  test('each holds a spoke peered to the hub, DNS links, compute and CMK storage', () => {
    // dalen's first app is a Windows VM: a NIC, a VM and its disk encryption set (key, grant) on top.
    // … and `hl7: { kind: messaging }`: a Service Bus namespace with its key, identity, grant,
    // endpoint, diagnostics and lock; `images: { kind: registry }` and `vitals: { kind: eventhubs }`
    // the same each, the namespace's key attached by a resource of its own, with one event hub.
    const withWindowsVm = {
      ...EXPECTED_WORKLOAD,
      azurerm_container_registry: 1,
      azurerm_disk_encryption_set: 2,
      azurerm_eventhub: 1,
      azurerm_eventhub_namespace: 1,
      azurerm_eventhub_namespace_customer_managed_key: 1,
      azurerm_key_vault_key: 6,
      azurerm_management_lock: 4,
      azurerm_monitor_diagnostic_setting: 8,
      azurerm_network_interface: 1,
      azurerm_private_endpoint: 4,
      azurerm_role_assignment: 6,
      azurerm_servicebus_namespace: 1,
      azurerm_user_assigned_identity: 4,
      azurerm_windows_virtual_machine: 1,
    };
    for (const id of WORKLOADS.filter((w) => w.startsWith('workload-dalen-')))
      expect({ id, counts: resourceTypeCounts(out.stack(id)) }).toEqual({ id, counts: withWindowsVm });
    const vm = only(out.stack('workload-dalen-prod'), 'azurerm_windows_virtual_machine');
    expect(vm).toMatchObject({
      name: 'vmdalris',
      admin_password: '${var.ris_admin_password}',
      secure_boot_enabled: true,
    });
    expect(out.stack('workload-dalen-prod').variable.ris_admin_password).toMatchObject({ sensitive: true });
  });

  test('dalen’s registry replicates to Norway West only where the environment has a DR site', () => {
    // GIVEN `images: { kind: registry, georeplicate: true }`; prod has a DR site in Norway West, dev none
    const registry = (id: string) => only(out.stack(id), 'azurerm_container_registry');
    // THEN
    expect(registry('workload-dalen-prod')).toMatchObject({
      name: 'crhexdalprodimagesnoe',
      zone_redundancy_enabled: true,
      georeplications: [
        {
          location: 'norwaywest',
          zone_redundancy_enabled: false,
          tags: { 'dr-approval': 'registry replica of dalen images (prod)' },
        },
      ],
    });
    expect(registry('workload-dalen-dev')).toMatchObject({
      name: 'crhexdaldevimagesnoe',
      georeplications: [],
    });
    expect(only(out.stack('workload-dalen-prod'), 'azurerm_eventhub')).toMatchObject({
      name: 'monitors',
      partition_count: 4,
    });
    expect(only(out.stack('workload-dalen-prod'), 'azurerm_eventhub_namespace')).toMatchObject({
      name: 'evhns-hex-dal-prod-vitals-noe',
      local_authentication_enabled: false,
    });
  });

  test('a trust’s apps add their resources: fjellheim’s journal database (geo-backup key in prod only) and FHIR', () => {
    // GIVEN the default configuration: fjellheim declares `apps: { journal: { kind: postgresql } }`
    // … and `fhir: { kind: healthdata, dicom: true }`: a workspace, FHIR, DICOM (key, identity, grant).
    const database = (extra: number) => ({
      ...EXPECTED_WORKLOAD,
      azurerm_healthcare_dicom_service: 1,
      azurerm_healthcare_fhir_service: 1,
      azurerm_healthcare_workspace: 1,
      // … and `backup: { kind: backupvault }`: a vault with three policies, its lock and diagnostics.
      azurerm_data_protection_backup_vault: 1,
      azurerm_data_protection_backup_policy_postgresql_flexible_server: 1,
      azurerm_data_protection_backup_policy_blob_storage: 1,
      azurerm_data_protection_backup_policy_disk: 1,
      // … and `platform: { kind: aks }`: the cluster, a user pool, its disk encryption set (key, grant),
      // its identity with three grants (DNS zone, subnet, the set), a lock and audit logs …
      azurerm_kubernetes_cluster: 1,
      azurerm_kubernetes_cluster_node_pool: 1,
      azurerm_disk_encryption_set: 2,
      // … and `portal: { kind: gateway }`: WAF policy, public IP, gateway, identity with its certificate
      // grant, diagnostics, and the spoke's ingress subnet with its NSG (three allow rules) and diagnostics.
      azurerm_application_gateway: 1,
      azurerm_web_application_firewall_policy: 1,
      azurerm_public_ip: 1,
      azurerm_subnet: 3,
      azurerm_subnet_network_security_group_association: 3,
      azurerm_network_security_group: 3,
      azurerm_network_security_rule: 6,
      azurerm_key_vault_key: 5 + extra,
      azurerm_management_lock: 5,
      azurerm_monitor_diagnostic_setting: 12,
      azurerm_postgresql_flexible_server: 1,
      azurerm_postgresql_flexible_server_active_directory_administrator: 1,
      azurerm_postgresql_flexible_server_configuration: 4,
      azurerm_private_endpoint: 3,
      azurerm_role_assignment: 9 + extra,
      azurerm_user_assigned_identity: 5 + extra,
      'data.terraform_remote_state': 1 + extra,
    });
    expect(resourceTypeCounts(out.stack('workload-fjellheim-dev'))).toEqual(database(0));
    expect(resourceTypeCounts(out.stack('workload-fjellheim-prod'))).toEqual(database(1));
    const dev = only(out.stack('workload-fjellheim-dev'), 'azurerm_postgresql_flexible_server');
    const prod = only(out.stack('workload-fjellheim-prod'), 'azurerm_postgresql_flexible_server');
    expect([dev.name, dev.geo_redundant_backup_enabled]).toEqual(['psql-hex-fjh-dev-journal-noe', false]);
    expect([prod.name, prod.geo_redundant_backup_enabled]).toEqual(['psql-hex-fjh-prod-journal-noe', true]);
  });

  test('fjellheim’s cluster in the workload subnet with firewall egress; its gateway in its own ingress subnet', () => {
    const json = out.stack('workload-fjellheim-prod');
    const aks = only(json, 'azurerm_kubernetes_cluster');
    expect(aks.network_profile.outbound_type).toBe('userDefinedRouting');
    expect(aks.default_node_pool.vnet_subnet_id).toBe(
      '${azurerm_subnet.Spoke_Subnet-snet-workload_7847F854.id}',
    );
    expect(aks.private_dns_zone_id).toMatch(
      /\.outputs\.cross-stack-output-azurerm_private_dns_zonePrivateDns_norwayeast-azmk8s-io_/,
    );
    const subnets = Object.fromEntries(
      resources(json, 'azurerm_subnet').map(([, s]) => [s.name, s.address_prefixes]),
    );
    expect(subnets['snet-ingress']).toEqual(['10.64.7.0/25']);
    // The route table stays on the workload and endpoint subnets: Application Gateway v2 needs direct egress.
    expect(
      resources(json, 'azurerm_subnet_route_table_association')
        .map(([name]) => name)
        .sort(),
    ).toEqual([
      'Spoke_Subnet-snet-private-endpoints_RouteTableAssociation_8E1A500B',
      'Spoke_Subnet-snet-workload_RouteTableAssociation_7B7094D4',
    ]);
    const gw = only(json, 'azurerm_application_gateway');
    expect(gw.gateway_ip_configuration).toEqual([
      { name: 'gateway', subnet_id: '${azurerm_subnet.Spoke_Subnet-snet-ingress_D8B40A8C.id}' },
    ]);
    expect(
      only(json, 'azurerm_web_application_firewall_policy').custom_rules[0].match_conditions[0].match_values,
    ).toEqual(['203.0.113.0/24', '198.51.100.0/26']);
  });

  test('kystbyen’s lab system (SQL, two audited, locked databases), PACS archive (Azure Files), portal and notify', () => {
    const sql = {
      ...EXPECTED_WORKLOAD,
      azurerm_key_vault_key: 4,
      azurerm_management_lock: 5,
      // + the web app, and the NSGs of the two delegated subnets
      azurerm_monitor_diagnostic_setting: 13,
      azurerm_mssql_database: 2,
      azurerm_mssql_server: 1,
      azurerm_mssql_server_extended_auditing_policy: 1,
      azurerm_private_endpoint: 4,
      azurerm_role_assignment: 4,
      azurerm_storage_account: 2,
      azurerm_storage_share: 1,
      azurerm_user_assigned_identity: 4,
      // portal: a web app on its plan, integrated into its own subnet
      azurerm_linux_web_app: 1,
      azurerm_service_plan: 1,
      // notify: a container app on an internal environment with its private zone
      azurerm_container_app: 1,
      azurerm_container_app_environment: 1,
      azurerm_private_dns_zone: 1,
      azurerm_private_dns_a_record: 1,
      azurerm_private_dns_zone_virtual_network_link: 12,
      azurerm_network_security_group: 4,
      azurerm_network_security_rule: 4,
      azurerm_subnet: 4,
      azurerm_subnet_network_security_group_association: 4,
      azurerm_subnet_route_table_association: 4,
    };
    for (const env of ['dev', 'prod']) {
      const json = out.stack(`workload-kystbyen-${env}`);
      expect(resourceTypeCounts(json)).toEqual(sql);
      expect(only(json, 'azurerm_mssql_server').name).toBe(`sql-hex-kys-${env}-lab-noe`);
      expect(only(json, 'azurerm_storage_share')).toMatchObject({ name: 'images', quota: 1024 });
      expect(only(json, 'azurerm_linux_web_app')).toMatchObject({
        name: `app-hex-kys-${env}-portal-noe`,
        public_network_access_enabled: false,
        site_config: { vnet_route_all_enabled: true, health_check_path: '/health' },
      });
      expect(only(json, 'azurerm_container_app_environment')).toMatchObject({
        name: `cae-hex-kys-${env}-notify-noe`,
        internal_load_balancer_enabled: true,
        zone_redundancy_enabled: true,
      });
      expect(only(json, 'azurerm_container_app')).toMatchObject({
        name: 'ca-kys-notify',
        ingress: { external_enabled: false, target_port: 80 },
      });
      const subnets = Object.values(json.resource.azurerm_subnet) as {
        name: string;
        address_prefixes: string[];
      }[];
      // The third quarter of the spoke's /22, halved: web integration, then Container Apps.
      const third = env === 'dev' ? '10.0.10' : '10.64.10';
      const byName = Object.fromEntries(subnets.map((s) => [s.name, s]));
      expect(byName['snet-web-integration']).toMatchObject({
        address_prefixes: [`${third}.0/25`],
        delegation: [{ service_delegation: { name: 'Microsoft.Web/serverFarms' } }],
      });
      expect(byName['snet-container-apps']).toMatchObject({
        address_prefixes: [`${third}.128/25`],
        delegation: [{ service_delegation: { name: 'Microsoft.App/environments' } }],
      });
    }
  });

  test('the hub network id and workspace id come from the platform stack through cdktf cross-stack references', () => {
    const json = out.stack('workload-fjellheim-prod');
    const remote =
      '${data.terraform_remote_state.cross-stack-reference-input-platform-prod-norwayeast.outputs.';
    const peerings = Object.fromEntries(
      resources(json, 'azurerm_virtual_network_peering').map(([, p]) => [p.name, p]),
    );
    expect(peerings['vnet-hex-fjellheim-prod-noe-to-hub'].remote_virtual_network_id.startsWith(remote)).toBe(
      true,
    );
    expect(peerings['hub-to-vnet-hex-fjellheim-prod-noe'].virtual_network_name.startsWith(remote)).toBe(true);
    const diagnostics = resources(json, 'azurerm_monitor_diagnostic_setting').map(
      ([, d]) => d.log_analytics_workspace_id,
    );
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const id of diagnostics) expect(id.startsWith(remote)).toBe(true);
    expect(
      json.data.terraform_remote_state['cross-stack-reference-input-platform-prod-norwayeast'].config,
    ).toMatchObject({
      key: 'platform-prod-norwayeast.tfstate',
      use_azuread_auth: true,
    });
  });

  test('compute follows the configuration: instances, size, the environment’s zones, SSH keys only, CMK disks', () => {
    const prod = only(out.stack('workload-kystbyen-prod'), 'azurerm_linux_virtual_machine_scale_set');
    expect(prod).toMatchObject({
      name: 'vmss-hex-kys-prod-noe',
      instances: 3,
      sku: 'Standard_D2s_v5',
      zones: ['1', '2', '3'],
      disable_password_authentication: true,
      encryption_at_host_enabled: true,
    });
    expect(prod.admin_ssh_key).toEqual([
      { username: 'azureadmin', public_key: out.config.compute.sshPublicKeys[0] },
    ]);
    expect(prod.os_disk.disk_encryption_set_id).toMatch(/^\$\{azurerm_disk_encryption_set\./);
    const dev = only(out.stack('workload-kystbyen-dev'), 'azurerm_linux_virtual_machine_scale_set');
    expect(dev.instances).toBe(1);
    expect(dev.zones).toBeUndefined();
  });

  test('the spoke takes the trust’s address space from the configuration, split into quarters', () => {
    const json = out.stack('workload-dalen-dev');
    expect(only(json, 'azurerm_virtual_network')).toMatchObject({
      name: 'vnet-hex-dalen-dev-noe',
      address_space: ['10.0.12.0/22'],
    });
    expect(
      resources(json, 'azurerm_subnet')
        .map(([, s]) => [s.name, s.address_prefixes])
        .sort(),
    ).toEqual([
      ['snet-private-endpoints', ['10.0.13.0/24']],
      ['snet-workload', ['10.0.12.0/24']],
    ]);
    expect(only(json, 'azurerm_storage_account')).toMatchObject({
      name: 'sthexdaldevnoe',
      location: 'norwayeast',
      account_replication_type: 'GZRS',
    });
  });
});

const EXPECTED_PLATFORM = {
  azurerm_backup_policy_vm: 1,
  azurerm_firewall: 1,
  azurerm_firewall_policy: 1,
  azurerm_firewall_policy_rule_collection_group: 1,
  azurerm_public_ip: 1,
  azurerm_route_table: 1,
  azurerm_subnet_route_table_association: 2,
  azurerm_key_vault: 1,
  azurerm_key_vault_key: 1,
  azurerm_log_analytics_workspace: 1,
  azurerm_management_lock: 3,
  azurerm_monitor_diagnostic_setting: 7,
  azurerm_network_security_group: 2,
  azurerm_network_security_rule: 2,
  azurerm_private_dns_zone: 11,
  azurerm_private_dns_zone_virtual_network_link: 11,
  azurerm_private_endpoint: 2,
  azurerm_recovery_services_vault: 1,
  azurerm_resource_group: 1,
  azurerm_role_assignment: 2,
  azurerm_subnet: 3,
  azurerm_subnet_network_security_group_association: 2,
  azurerm_user_assigned_identity: 1,
  azurerm_virtual_network: 1,
  'data.azurerm_client_config': 1,
};

const EXPECTED_WORKLOAD = {
  azurerm_disk_encryption_set: 1,
  azurerm_key_vault_key: 2,
  azurerm_linux_virtual_machine_scale_set: 1,
  azurerm_management_lock: 1,
  azurerm_monitor_diagnostic_setting: 5,
  azurerm_network_security_group: 2,
  azurerm_network_security_rule: 2,
  azurerm_private_dns_zone_virtual_network_link: 11,
  azurerm_private_endpoint: 1,
  azurerm_resource_group: 1,
  azurerm_role_assignment: 2,
  azurerm_route_table: 1,
  azurerm_storage_account: 1,
  azurerm_subnet: 2,
  azurerm_subnet_network_security_group_association: 2,
  azurerm_subnet_route_table_association: 2,
  azurerm_user_assigned_identity: 1,
  azurerm_virtual_network: 1,
  azurerm_virtual_network_peering: 2,
  'data.terraform_remote_state': 1,
};
