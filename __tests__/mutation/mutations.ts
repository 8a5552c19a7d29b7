/**
 * The rule mutation table: small, realistic mistakes applied one at a time to the default platform's
 * synthesized JSON (or a plan derived from it). Each must make exactly its rule fire on exactly the
 * mutated address — no other rule, no other resource.
 */
import type { TerraformJson } from '../helpers/platform-workspace';

export interface Mutation {
  readonly ruleId: string;
  readonly description: string;
  /** The stack whose document is mutated. */
  readonly stack: string;
  /** `synth`: the stack's cdk.tf.json in the whole-platform workspace; `plan`: a no-op plan of the stack. */
  readonly input: 'synth' | 'plan';
  /** Mutates its argument (already a deep copy). */
  readonly mutate: (document: TerraformJson) => void;
  /** The one address the rule must report. */
  readonly address: string;
  /**
   * Other rules that must fire on the same address by design: a resource added with a parent outside the
   * estate has an unknown place too (RES-004 fails closed on it).
   */
  readonly also?: readonly (string | { readonly ruleId: string; readonly address: string })[];
}

const BOOTSTRAP = 'bootstrap';
const HUB = 'platform-prod-norwayeast';
const DR = 'platform-prod-norwaywest';
const SPOKE = 'workload-dalen-prod';
/** The trust that runs the default's web app and container app. */
const LAB_SPOKE = 'workload-kystbyen-prod';
const WEB_APP = 'azurerm_linux_web_app.App-portal_2518522F';

// Addresses in the default platform (construct ids are part of the public contract, so these are stable).
const STORAGE = 'azurerm_storage_account.Storage_07F31EBC';
const STATE_ACCOUNT = 'azurerm_storage_account.StateAccount_B7FF9B93';
const KEY_VAULT = 'azurerm_key_vault.KeyVault_EBBC7C6F';
const WORKSPACE = 'azurerm_log_analytics_workspace.Logs_6819BB44';
const VAULT = 'azurerm_recovery_services_vault.Backup_DA3807AC';
const VMSS = 'azurerm_linux_virtual_machine_scale_set.Compute_5791E1FA';
const SPOKE_GROUP = 'azurerm_resource_group.ResourceGroup_FFF1A175';
const ROUTE_TABLE = 'azurerm_route_table.Spoke_RouteTable_CDF6F96C';
const SPOKE_IDENTITY = 'azurerm_user_assigned_identity.Storage_KeyIdentity_D1D71C55';
const WORKLOAD_NSG = 'azurerm_network_security_group.Spoke_Subnet-snet-workload_Nsg_7283BF07';
const WORKLOAD_NSG_RULE =
  'azurerm_network_security_rule.Spoke_Subnet-snet-workload_Nsg_DenyInternetInbound_897ECE32';
const WORKLOAD_NSG_DIAGNOSTICS =
  'azurerm_monitor_diagnostic_setting.Spoke_Subnet-snet-workload_Nsg_Diagnostics_50315F5F';
const STORAGE_PRIVATE_ENDPOINT = 'azurerm_private_endpoint.Storage_PrivateEndpoint-blob_C690B1CE';
const STORAGE_LOCK = 'azurerm_management_lock.Storage_Lock_5A25A4C1';
const STORAGE_KEY_ACCESS = 'azurerm_role_assignment.Storage_KeyAccess_6635F1AF';
const HUB_DIAGNOSTICS = 'azurerm_monitor_diagnostic_setting.Hub_Diagnostics_475D4720';
const DR_VNET = 'azurerm_virtual_network.Hub_C5CB2B3F';
// dalen's `images: { kind: registry }` and `vitals: { kind: eventhubs }`.
const REGISTRY = 'azurerm_container_registry.App-images_EE7450E8';
const EVENT_HUBS = 'azurerm_eventhub_namespace.App-vitals_692466E9';
const EVENT_HUBS_KEY = 'azurerm_eventhub_namespace_customer_managed_key.App-vitals_KeyAttachment_080F160A';
const DR_NSG = 'azurerm_network_security_group.Hub_Subnet-snet-management_Nsg_F2409869';
const STORAGE_KEY_REF = '${azurerm_key_vault_key.Storage_Key_BAA9457B.versionless_id}';
const SPOKE_GROUP_NAME = '${azurerm_resource_group.ResourceGroup_FFF1A175.name}';
const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000001';
const FOREIGN_TENANT = '9f8e7d6c-0000-4000-8000-00000000abcd';
const IDENTITY = 'identity';
const PLATFORM_STATE_ELIGIBILITY = 'azurerm_pim_eligible_role_assignment.Eligible-platform-admins-state';
const DALEN_DEV_ELIGIBILITY = 'azurerm_pim_eligible_role_assignment.Eligible-dalen-admins-dev';

/** The body of `type.name` in a stack document (throws if the platform no longer has it). */
function body(document: TerraformJson, address: string): TerraformJson {
  const [type, name] = address.split('.');
  const found = document.resource?.[type]?.[name];
  if (!found) throw new Error(`${address} is not in this stack any more; update the mutation table`);
  return found;
}

function add(document: TerraformJson, address: string, value: TerraformJson): void {
  const [type, name] = address.split('.');
  document.resource[type] = { ...document.resource[type], [name]: value };
}

function remove(document: TerraformJson, address: string): void {
  body(document, address);
  const [type, name] = address.split('.');
  delete document.resource[type][name];
}

function set(address: string, path: string, value: unknown): (document: TerraformJson) => void {
  return (document) => {
    const keys = path.split('.');
    let node = body(document, address);
    for (const key of keys.slice(0, -1)) node = node[key];
    node[keys[keys.length - 1]] = value;
  };
}

/** Add a suppression to a resource's `"//".norway_policy`, as the cdktf bridge writes it. */
function suppressOn(address: string, spec: TerraformJson): (document: TerraformJson) => void {
  return (document) => {
    const meta = (body(document, address)['//'] ??= {});
    const policy = (meta.norway_policy ??= {});
    (policy.suppressions ??= []).push(spec);
  };
}

/** Plan mutation: the resource's change becomes `actions`, with `after` edited (or null when deleted). */
function planChange(
  address: string,
  actions: string[],
  edit?: (after: TerraformJson) => void,
): (plan: TerraformJson) => void {
  return (plan) => {
    const change = plan.resource_changes.find((c: TerraformJson) => c.address === address);
    if (!change) throw new Error(`${address} is not in the plan`);
    const planned: TerraformJson[] = plan.planned_values.root_module.resources;
    change.change.actions = actions;
    if (actions.length === 1 && actions[0] === 'delete') {
      change.change.after = null;
      change.change.after_unknown = {};
      plan.planned_values.root_module.resources = planned.filter((r) => r.address !== address);
      return;
    }
    const after = structuredClone(change.change.before);
    edit?.(after);
    change.change.after = after;
    planned.find((r) => r.address === address)!.values = after;
  };
}

const compliantPostgres = (withConnectionLogging: boolean) => (document: TerraformJson) => {
  add(document, 'azurerm_postgresql_flexible_server.Records', {
    name: 'psql-hex-dal-prod-noe',
    location: 'norwayeast',
    resource_group_name: SPOKE_GROUP_NAME,
    version: '16',
    sku_name: 'GP_Standard_D2ds_v5',
    delegated_subnet_id: '${azurerm_subnet.Spoke_Subnet-snet-workload_7847F854.id}',
    public_network_access_enabled: false,
    authentication: { active_directory_auth_enabled: true, password_auth_enabled: false },
    customer_managed_key: {
      key_vault_key_id: STORAGE_KEY_REF,
      primary_user_assigned_identity_id: `\${${SPOKE_IDENTITY}.id}`,
    },
    identity: { type: 'UserAssigned', identity_ids: [`\${${SPOKE_IDENTITY}.id}`] },
    lifecycle: { prevent_destroy: true },
  });
  add(document, 'azurerm_management_lock.Records_Lock', {
    name: 'can-not-delete',
    lock_level: 'CanNotDelete',
    scope: '${azurerm_postgresql_flexible_server.Records.id}',
  });
  add(document, 'azurerm_monitor_diagnostic_setting.Records_Diagnostics', {
    ...structuredClone(body(document, 'azurerm_monitor_diagnostic_setting.Storage_Diagnostics_6A13EE95')),
    '//': undefined,
    target_resource_id: '${azurerm_postgresql_flexible_server.Records.id}',
  });
  if (withConnectionLogging) {
    add(document, 'azurerm_postgresql_flexible_server_configuration.Records_LogConnections', {
      name: 'log_connections',
      value: 'on',
      server_id: '${azurerm_postgresql_flexible_server.Records.id}',
    });
  }
};

export const MUTATIONS: readonly Mutation[] = [
  // RES — residency
  {
    ruleId: 'RES-001',
    description: 'resource group location to swedencentral',
    stack: SPOKE,
    input: 'synth',
    mutate: set(SPOKE_GROUP, 'location', 'swedencentral'),
    address: SPOKE_GROUP,
  },
  {
    ruleId: 'RES-001',
    description: 'identity location to "West Europe" (display name)',
    stack: SPOKE,
    input: 'synth',
    mutate: set(SPOKE_IDENTITY, 'location', 'West Europe'),
    address: SPOKE_IDENTITY,
  },
  {
    ruleId: 'RES-001',
    description: 'route table location to the look-alike "norway-east"',
    stack: SPOKE,
    input: 'synth',
    mutate: set(ROUTE_TABLE, 'location', 'norway-east'),
    address: ROUTE_TABLE,
  },
  {
    ruleId: 'RES-002',
    description: 'a Front Door profile added',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) =>
      add(d, 'azurerm_cdn_frontdoor_profile.Edge', {
        name: 'afd-hex',
        resource_group_name: SPOKE_GROUP_NAME,
        sku_name: 'Standard_AzureFrontDoor',
      }),
    address: 'azurerm_cdn_frontdoor_profile.Edge',
  },
  {
    ruleId: 'RES-002',
    description: 'a public DNS zone added',
    stack: HUB,
    input: 'synth',
    mutate: (d) =>
      add(d, 'azurerm_dns_zone.Public', { name: 'helse-hex.no', resource_group_name: SPOKE_GROUP_NAME }),
    address: 'azurerm_dns_zone.Public',
  },
  {
    ruleId: 'RES-003',
    description: 'an AWS S3 bucket added',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) => add(d, 'aws_s3_bucket.Exports', { bucket: 'hex-exports' }),
    address: 'aws_s3_bucket.Exports',
  },
  {
    ruleId: 'RES-004',
    description: 'object replication of the workload account to an account in westeurope',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) =>
      add(d, 'azurerm_storage_object_replication.Copy', {
        source_storage_account_id: `\${${STORAGE}.id}`,
        destination_storage_account_id: `${SUBSCRIPTION}/resourceGroups/rg-weu/providers/Microsoft.Storage/storageAccounts/stweucopy`,
        rules: [{ source_container_name: 'records', destination_container_name: 'records' }],
      }),
    address: 'azurerm_storage_object_replication.Copy',
  },
  {
    ruleId: 'RES-005',
    description: 'hub diagnostic destination: a workspace outside the configuration (westeurope)',
    stack: HUB,
    input: 'synth',
    mutate: set(
      HUB_DIAGNOSTICS,
      'log_analytics_workspace_id',
      `${SUBSCRIPTION}/resourceGroups/rg-weu/providers/Microsoft.OperationalInsights/workspaces/log-weu`,
    ),
    address: HUB_DIAGNOSTICS,
  },
  {
    ruleId: 'RES-005',
    description: 'hub diagnostic setting also sent to a partner solution',
    stack: HUB,
    input: 'synth',
    mutate: set(
      HUB_DIAGNOSTICS,
      'partner_solution_id',
      `${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Datadog/monitors/dd`,
    ),
    address: HUB_DIAGNOSTICS,
  },
  {
    ruleId: 'RES-006',
    description: 'Norway West recovery vault made zone-redundant',
    stack: DR,
    input: 'synth',
    mutate: set(VAULT, 'storage_mode_type', 'ZoneRedundant'),
    address: VAULT,
  },
  {
    ruleId: 'RES-006',
    description: 'Norway West virtual network given zones',
    stack: DR,
    input: 'synth',
    mutate: set(DR_VNET, 'zones', ['1']),
    address: DR_VNET,
  },
  {
    ruleId: 'RES-007',
    description: 'Norway West virtual network without its dr-approval tag',
    stack: DR,
    input: 'synth',
    mutate: (d) => delete body(d, DR_VNET).tags['dr-approval'],
    address: DR_VNET,
  },
  {
    ruleId: 'RES-008',
    description: 'cross-tenant replication on the workload account',
    stack: SPOKE,
    input: 'synth',
    mutate: set(STORAGE, 'cross_tenant_replication_enabled', true),
    address: STORAGE,
  },
  {
    ruleId: 'RES-009',
    description: 'a resource of a type the catalogue has not classified',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) =>
      add(d, 'azurerm_bot_service_azure_bot.Helper', {
        name: 'bot-dalen',
        location: 'norwayeast',
        resource_group_name: SPOKE_GROUP_NAME,
        sku: 'S1',
      }),
    address: 'azurerm_bot_service_azure_bot.Helper',
  },
  {
    ruleId: 'RES-010',
    description: 'the workload account told to ignore changes of its location (an import)',
    stack: SPOKE,
    input: 'synth',
    mutate: set(STORAGE, 'lifecycle.ignore_changes', ['location']),
    address: STORAGE,
  },
  {
    ruleId: 'RES-011',
    description: 'a local-exec provisioner copying files at deploy time',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) =>
      add(d, 'terraform_data.Export', {
        provisioner: [{ 'local-exec': { command: 'azcopy copy ./export https://example.net/upload' } }],
      }),
    address: 'terraform_data.Export',
  },
  {
    ruleId: 'RES-012',
    description: 'an AI model deployment with a Global SKU through azapi',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) => {
      d.terraform.required_providers.azapi = { source: 'azure/azapi', version: '2.4.0' };
      add(d, 'azapi_resource.Assistant', {
        type: 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01',
        name: 'assistant',
        parent_id: '${azurerm_resource_group.ResourceGroup_FFF1A175.id}',
        body: { sku: { name: 'GlobalStandard', capacity: 10 } },
      });
    },
    address: 'azapi_resource.Assistant',
  },
  // ENC — encryption
  {
    ruleId: 'ENC-001',
    description: 'storage TLS to 1.0',
    stack: SPOKE,
    input: 'synth',
    mutate: set(STORAGE, 'min_tls_version', 'TLS1_0'),
    address: STORAGE,
  },
  {
    ruleId: 'ENC-001',
    description: 'state account HTTPS-only off',
    stack: BOOTSTRAP,
    input: 'synth',
    mutate: set(STATE_ACCOUNT, 'https_traffic_only_enabled', false),
    address: STATE_ACCOUNT,
  },
  {
    ruleId: 'ENC-002',
    description: 'storage without infrastructure encryption',
    stack: SPOKE,
    input: 'synth',
    mutate: set(STORAGE, 'infrastructure_encryption_enabled', false),
    address: STORAGE,
  },
  {
    ruleId: 'ENC-002',
    description: 'storage without its customer-managed key',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) => delete body(d, STORAGE).customer_managed_key,
    address: STORAGE,
  },
  {
    ruleId: 'ENC-003',
    description: 'scale set without encryption at host',
    stack: SPOKE,
    input: 'synth',
    mutate: set(VMSS, 'encryption_at_host_enabled', false),
    address: VMSS,
  },
  {
    ruleId: 'ENC-004',
    description: 'PostgreSQL configuration turning require_secure_transport off',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) =>
      add(d, 'azurerm_postgresql_flexible_server_configuration.NoTls', {
        name: 'require_secure_transport',
        value: 'off',
        server_id: `${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql`,
      }),
    address: 'azurerm_postgresql_flexible_server_configuration.NoTls',
    also: ['RES-004'],
  },
  {
    ruleId: 'ENC-005',
    description: 'key vault purge protection off',
    stack: HUB,
    input: 'synth',
    mutate: set(KEY_VAULT, 'purge_protection_enabled', false),
    address: KEY_VAULT,
  },
  // NET — network exposure
  {
    ruleId: 'NET-001',
    description: 'storage public network access on',
    stack: SPOKE,
    input: 'synth',
    mutate: set(STORAGE, 'public_network_access_enabled', true),
    address: STORAGE,
  },
  {
    ruleId: 'NET-001',
    description: 'anonymous blob access allowed on the state account',
    stack: BOOTSTRAP,
    input: 'synth',
    mutate: set(STATE_ACCOUNT, 'allow_nested_items_to_be_public', true),
    address: STATE_ACCOUNT,
  },
  {
    ruleId: 'NET-002',
    description: 'key vault firewall default Allow',
    stack: HUB,
    input: 'synth',
    mutate: set(KEY_VAULT, 'network_acls.default_action', 'Allow'),
    address: KEY_VAULT,
  },
  {
    ruleId: 'NET-003',
    description: 'NSG rule from Internet to 22 allowed',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) =>
      Object.assign(body(d, WORKLOAD_NSG_RULE), { access: 'Allow', destination_port_range: '22' }),
    address: WORKLOAD_NSG_RULE,
  },
  {
    ruleId: 'NET-003',
    description: 'NSG rule from 0.0.0.0/0 to 3380-3400 (covers RDP) allowed',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) =>
      Object.assign(body(d, WORKLOAD_NSG_RULE), {
        access: 'Allow',
        source_address_prefix: '0.0.0.0/0',
        destination_port_range: '3380-3400',
      }),
    address: WORKLOAD_NSG_RULE,
  },
  {
    ruleId: 'NET-007',
    description: 'NSG rule from AzureCloud to SQL (1433) allowed',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) =>
      Object.assign(body(d, WORKLOAD_NSG_RULE), {
        access: 'Allow',
        source_address_prefix: 'AzureCloud',
        destination_port_range: '1433',
      }),
    address: WORKLOAD_NSG_RULE,
  },
  {
    ruleId: 'NET-008',
    description: 'workload storage firewall lets trusted Azure services bypass it',
    stack: SPOKE,
    input: 'synth',
    mutate: set(STORAGE, 'network_rules.bypass', ['AzureServices']),
    address: STORAGE,
  },
  {
    ruleId: 'NET-009',
    description: 'a VPN local network gateway at an address abroad',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) =>
      add(d, 'azurerm_local_network_gateway.Supplier', {
        name: 'lgw-supplier',
        location: 'norwayeast',
        resource_group_name: SPOKE_GROUP_NAME,
        gateway_address: '52.174.0.1',
        address_space: ['192.168.0.0/16'],
      }),
    address: 'azurerm_local_network_gateway.Supplier',
  },
  {
    ruleId: 'NET-011',
    description: 'the web app routes only private traffic through its integration subnet',
    stack: LAB_SPOKE,
    input: 'synth',
    mutate: set(WEB_APP, 'site_config.vnet_route_all_enabled', false),
    address: WEB_APP,
  },
  {
    ruleId: 'NET-004',
    description: 'a public IP added',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) =>
      add(d, 'azurerm_public_ip.Ingress', {
        name: 'pip-hex',
        location: 'norwayeast',
        resource_group_name: SPOKE_GROUP_NAME,
        allocation_method: 'Static',
        sku: 'Standard',
      }),
    address: 'azurerm_public_ip.Ingress',
  },
  {
    ruleId: 'NET-005',
    description: 'workload storage private endpoint removed',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) => remove(d, STORAGE_PRIVATE_ENDPOINT),
    address: STORAGE,
  },
  {
    ruleId: 'NET-006',
    description: 'an AKS node pool with node public IPs',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) =>
      add(d, 'azurerm_kubernetes_cluster_node_pool.Batch', {
        name: 'batch',
        kubernetes_cluster_id: `${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`,
        vm_size: 'Standard_D4s_v5',
        node_public_ip_enabled: true,
        host_encryption_enabled: true,
      }),
    address: 'azurerm_kubernetes_cluster_node_pool.Batch',
    also: ['RES-004'],
  },
  {
    ruleId: 'NET-010',
    description: "the gateway's WAF policy switched to Detection",
    stack: 'workload-fjellheim-prod',
    input: 'synth',
    mutate: set(
      'azurerm_web_application_firewall_policy.App-portal_FirewallPolicy_8D573CB7',
      'policy_settings.mode',
      'Detection',
    ),
    address: 'azurerm_web_application_firewall_policy.App-portal_FirewallPolicy_8D573CB7',
  },
  // IAM — identity and access
  {
    ruleId: 'IAM-001',
    description: 'storage shared keys on',
    stack: SPOKE,
    input: 'synth',
    mutate: set(STORAGE, 'shared_access_key_enabled', true),
    address: STORAGE,
  },
  {
    ruleId: 'IAM-001',
    description: 'key vault access policies instead of RBAC',
    stack: HUB,
    input: 'synth',
    mutate: set(KEY_VAULT, 'rbac_authorization_enabled', false),
    address: KEY_VAULT,
  },
  {
    ruleId: 'IAM-002',
    description: 'a Lighthouse delegation to a foreign tenant',
    stack: HUB,
    input: 'synth',
    mutate: (d) =>
      add(d, 'azurerm_lighthouse_definition.Operator', {
        name: 'operations-partner',
        managing_tenant_id: FOREIGN_TENANT,
        scope: SUBSCRIPTION,
        authorization: [
          {
            principal_id: '11111111-2222-4333-8444-555555555555',
            role_definition_id: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
          },
        ],
      }),
    address: 'azurerm_lighthouse_definition.Operator',
  },
  {
    ruleId: 'IAM-003',
    description: 'key access role assignment turned into Owner at subscription scope',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) =>
      Object.assign(body(d, STORAGE_KEY_ACCESS), { role_definition_name: 'Owner', scope: SUBSCRIPTION }),
    address: STORAGE_KEY_ACCESS,
  },
  {
    ruleId: 'IAM-004',
    description: 'scale set password authentication on',
    stack: SPOKE,
    input: 'synth',
    mutate: set(VMSS, 'disable_password_authentication', false),
    address: VMSS,
  },
  // ACC — access from abroad
  {
    ruleId: 'ACC-001',
    description: "the platform admins' eligible Owner turned into a standing PIM active assignment",
    stack: IDENTITY,
    input: 'synth',
    mutate: (d) => {
      const eligible = body(d, PLATFORM_STATE_ELIGIBILITY);
      delete d.resource.azurerm_pim_eligible_role_assignment['Eligible-platform-admins-state'];
      add(d, 'azurerm_pim_active_role_assignment.Eligible-platform-admins-state', eligible);
    },
    address: 'azurerm_pim_active_role_assignment.Eligible-platform-admins-state',
  },
  {
    ruleId: 'ACC-002',
    description: 'hub Key Vault trusts another tenant',
    stack: HUB,
    input: 'synth',
    mutate: set(KEY_VAULT, 'tenant_id', FOREIGN_TENANT),
    address: KEY_VAULT,
  },
  {
    ruleId: 'ACC-003',
    description: 'an eligibility handed to a group the location block does not cover',
    stack: IDENTITY,
    input: 'synth',
    mutate: (d) => {
      add(d, 'azuread_group.Rogue', { display_name: 'rogue-admins', security_enabled: true });
      body(d, DALEN_DEV_ELIGIBILITY).principal_id = '${azuread_group.Rogue.object_id}';
    },
    address: DALEN_DEV_ELIGIBILITY,
  },
  {
    ruleId: 'ACC-004',
    description: "the storage key access given to an invited guest instead of the account's identity",
    stack: SPOKE,
    input: 'synth',
    mutate: (d) => {
      add(d, 'azuread_invitation.Supplier', {
        user_email_address: 'ops@supplier.example',
        redirect_url: 'https://portal.azure.com',
      });
      body(d, STORAGE_KEY_ACCESS).principal_id = '${azuread_invitation.Supplier.user_id}';
    },
    address: STORAGE_KEY_ACCESS,
  },
  // LOG — logging
  {
    ruleId: 'LOG-001',
    description: 'workload NSG diagnostic setting removed',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) => remove(d, WORKLOAD_NSG_DIAGNOSTICS),
    address: WORKLOAD_NSG,
  },
  {
    ruleId: 'LOG-002',
    description: 'hub workspace retention to 30 days',
    stack: HUB,
    input: 'synth',
    mutate: set(WORKSPACE, 'retention_in_days', 30),
    address: WORKSPACE,
  },
  {
    ruleId: 'LOG-003',
    description: 'a PostgreSQL server built like the platform stores, without connection logging',
    stack: SPOKE,
    input: 'synth',
    mutate: compliantPostgres(false),
    address: 'azurerm_postgresql_flexible_server.Records',
  },
  // BCK — backup and loss
  {
    ruleId: 'BCK-001',
    description: 'recovery vault soft delete off',
    stack: HUB,
    input: 'synth',
    mutate: set(VAULT, 'soft_delete_enabled', false),
    address: VAULT,
  },
  {
    ruleId: 'BCK-002',
    description: 'workload storage lock removed',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) => remove(d, STORAGE_LOCK),
    address: STORAGE,
  },
  {
    ruleId: 'BCK-002',
    description: 'workload storage without lifecycle.prevent_destroy',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) => delete body(d, STORAGE).lifecycle,
    address: STORAGE,
  },
  {
    ruleId: 'BCK-003',
    description: 'workload storage blob versioning off',
    stack: SPOKE,
    input: 'synth',
    mutate: set(STORAGE, 'blob_properties.versioning_enabled', false),
    address: STORAGE,
  },
  // TFS — state and pipeline
  {
    ruleId: 'TFS-001',
    description: 'backend without Entra ID authentication',
    stack: SPOKE,
    input: 'synth',
    mutate: (d) => Object.assign(d.terraform.backend.azurerm, { use_azuread_auth: false, use_oidc: false }),
    address: 'terraform.backend',
  },
  {
    ruleId: 'TFS-001',
    description: 'backend switched to remote (a SaaS)',
    stack: HUB,
    input: 'synth',
    mutate: (d) =>
      (d.terraform.backend = { remote: { organization: 'hex', workspaces: { name: 'platform' } } }),
    address: 'terraform.backend',
  },
  {
    ruleId: 'TFS-002',
    description: 'a Key Vault secret with a literal value',
    stack: HUB,
    input: 'synth',
    mutate: (d) =>
      add(d, 'azurerm_key_vault_secret.Database', {
        name: 'db-password',
        value: 'Sommer2026!',
        key_vault_id: `\${${KEY_VAULT}.id}`,
      }),
    address: 'azurerm_key_vault_secret.Database',
  },
  {
    ruleId: 'TFS-003',
    description: 'a suppression with a reason under 10 characters',
    stack: SPOKE,
    input: 'synth',
    mutate: suppressOn(STORAGE, { ruleId: 'NET-004', reason: 'ok', expires: '2027-06-30' }),
    address: STORAGE,
  },
  {
    ruleId: 'TFS-003',
    description: 'a suppression that expired',
    stack: SPOKE,
    input: 'synth',
    mutate: suppressOn(STORAGE, {
      ruleId: 'NET-004',
      reason: 'Reviewed exception for the migration window.',
      expires: '2026-01-31',
    }),
    address: STORAGE,
  },
  {
    ruleId: 'TFS-003',
    description: 'a suppression of a rule that does not exist',
    stack: SPOKE,
    input: 'synth',
    mutate: suppressOn(STORAGE, {
      ruleId: 'NET-999',
      reason: 'Reviewed exception for the migration window.',
      expires: '2027-06-30',
    }),
    address: STORAGE,
  },
  // The registry and the Event Hubs namespace: what their constructs set, undone one at a time.
  {
    ruleId: 'NET-001',
    description: 'registry export policy turned back on',
    stack: SPOKE,
    input: 'synth',
    mutate: set(REGISTRY, 'export_policy_enabled', true),
    address: REGISTRY,
  },
  {
    ruleId: 'IAM-001',
    description: 'registry admin user enabled',
    stack: SPOKE,
    input: 'synth',
    mutate: set(REGISTRY, 'admin_enabled', true),
    address: REGISTRY,
  },
  {
    ruleId: 'RES-004',
    description: 'registry replica moved from Norway West to westeurope',
    stack: SPOKE,
    input: 'synth',
    mutate: set(REGISTRY, 'georeplications.0.location', 'westeurope'),
    address: REGISTRY,
  },
  {
    ruleId: 'IAM-001',
    description: 'Event Hubs SAS keys (local authentication) enabled',
    stack: SPOKE,
    input: 'synth',
    mutate: set(EVENT_HUBS, 'local_authentication_enabled', true),
    address: EVENT_HUBS,
  },
  {
    ruleId: 'ENC-002',
    description: 'Event Hubs customer-managed key attachment removed',
    stack: SPOKE,
    input: 'synth',
    mutate: (document) => {
      remove(document, EVENT_HUBS_KEY);
      for (const hub of Object.values(document.resource.azurerm_eventhub as Record<string, TerraformJson>))
        delete hub.depends_on;
    },
    address: EVENT_HUBS,
  },
  // CHG — plan changes
  {
    ruleId: 'CHG-001',
    description: 'plan deleting the workload storage account',
    stack: SPOKE,
    input: 'plan',
    mutate: planChange(STORAGE, ['delete']),
    address: STORAGE,
    // Its private endpoint, left in the plan, then points at an account that is gone.
    also: [{ ruleId: 'RES-004', address: 'azurerm_private_endpoint.Storage_PrivateEndpoint-blob_C690B1CE' }],
  },
  {
    ruleId: 'CHG-001',
    description: 'plan replacing the hub key vault',
    stack: HUB,
    input: 'plan',
    mutate: planChange(KEY_VAULT, ['delete', 'create'], (after) => (after.name = 'kv-hex-prod-noe2')),
    address: KEY_VAULT,
  },
  {
    ruleId: 'CHG-002',
    description: 'plan moving a Norway West NSG to norwayeast',
    stack: DR,
    input: 'plan',
    mutate: planChange(DR_NSG, ['delete', 'create'], (after) => (after.location = 'norwayeast')),
    address: DR_NSG,
  },
];

/** Mutations that must change nothing the rules care about: guards against a table that fires on anything. */
export const NEUTRAL_MUTATIONS: readonly Mutation[] = [
  {
    ruleId: '',
    description: 'a PostgreSQL server built like the platform stores, with connection logging',
    stack: SPOKE,
    input: 'synth',
    mutate: compliantPostgres(true),
    address: '',
  },
  {
    ruleId: '',
    description: 'resource group location written as the display name "Norway East"',
    stack: SPOKE,
    input: 'synth',
    mutate: set(SPOKE_GROUP, 'location', 'Norway East'),
    address: '',
  },
];
