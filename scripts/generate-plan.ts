/**
 * Synthetic but realistic inputs for the policy engine benchmarks: a `terraform show -json` plan, or a
 * cdktf.out directory with many stacks, of a hospital region with a given number of resources.
 *
 * Deterministic for a seed. Shapes follow real Terraform/cdktf output: nested `child_modules`, count and
 * for_each instance keys, `resource_changes` with creates, updates, deletes and replaces, `after_unknown`
 * for ids of resources still to be created, `configuration` with `references` and `module_calls`,
 * `prior_state` for what exists; cdktf stacks with `${...}` expressions, `"//"` metadata and cross-stack
 * references through `terraform_remote_state`. Every rule family's resource types appear, with a few
 * deliberate violations so reports have findings to format.
 *
 *   node dist/scripts/generate-plan.js --resources 10000 --seed 1 --out plan.json
 *   node dist/scripts/generate-plan.js --resources 10000 --format cdktf-out --out out-dir
 *   node dist/scripts/generate-plan.js --resources 10000 --shape lean --out lean.json   (many small resources)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GenerateOptions {
  /** Exact number of distinct resource addresses (managed resources and data sources) to produce. */
  readonly resources: number;
  /** @default 1 */
  readonly seed?: number;
  /**
   * `estate`: the hospital region with every rule family's types (the default). `lean`: the same hubs,
   * then per trust and environment many small resources (resource groups, NSG rules, role assignments,
   * DNS records, locks) with a few attributes each, so the per-resource cost of a check dominates.
   * @default 'estate'
   */
  readonly shape?: PlanShape;
}

export type PlanShape = 'estate' | 'lean';

// ---------------------------------------------------------------------------------------------------
// The inventory: what exists, independent of the output shape.

type Action = 'create' | 'no-op' | 'update' | 'delete' | 'replace';

/** A reference to another resource's attribute (rendered as a literal/unknown in plans, `${...}` in synth). */
class Ref {
  constructor(
    readonly target: Res,
    readonly attr: string,
  ) {}
}

/** `var.<name>` inside a module; plans know its value, the configuration records the reference. */
class VarRef {
  constructor(
    readonly name: string,
    readonly value: string,
  ) {}
}

/** A value only known after apply whose configuration references a data source (e.g. a shared resource group). */
class Deferred {
  constructor(
    readonly reference: string,
    readonly synthValue: string,
  ) {}
}

type Val = string | number | boolean | null | Ref | VarRef | Deferred | Val[] | { [key: string]: Val };

interface ModuleInst {
  /** `module.trust["fjh-prod"].module.data`; empty for root. */
  readonly path: string;
  /** `module.trust.module.data`; empty for root. */
  readonly configPath: string;
  /** Stack the module's resources go to in cdktf.out form. */
  readonly stack: string;
}

interface Res {
  readonly module: ModuleInst;
  readonly type: string;
  readonly name: string;
  readonly key?: string | number;
  readonly mode: 'managed' | 'data';
  readonly provider: string;
  readonly values: Record<string, Val>;
  readonly action: Action;
  /** The Azure resource id once it exists. */
  readonly azureId: string;
  readonly address: string;
  readonly configAddress: string;
}

const SUBSCRIPTION = '6b1f0c9e-2d4a-4f7b-9a51-3c2e8d7f1a20';
const TENANT = '0e3f5a7c-1b2d-4c6e-8f90-a1b2c3d4e5f6';
const AZURERM = 'registry.terraform.io/hashicorp/azurerm';

/** mulberry32: small, fast, good enough for shapes. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function instanceSuffix(key: string | number | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `["${key}"]`;
}

class Inventory {
  readonly resources: Res[] = [];
  private readonly random: () => number;

  constructor(
    readonly limit: number,
    seed: number,
  ) {
    this.random = rng(seed);
  }

  get full(): boolean {
    return this.resources.length >= this.limit;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  action(): Action {
    const r = this.random();
    if (r < 0.3) return 'create';
    if (r < 0.9) return 'no-op';
    if (r < 0.96) return 'update';
    if (r < 0.98) return 'delete';
    return 'replace';
  }

  /** Adds a resource unless the inventory is full; returns it either way so later references stay valid. */
  add(
    module: ModuleInst,
    type: string,
    name: string,
    values: Record<string, Val>,
    extra: {
      key?: string | number;
      mode?: 'managed' | 'data';
      action?: Action;
      provider?: string;
      provider_path?: string;
    } = {},
  ): Res {
    const mode = extra.mode ?? 'managed';
    const prefix = module.path ? `${module.path}.` : '';
    const configPrefix = module.configPath ? `${module.configPath}.` : '';
    const local = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
    const rg = typeof values.resource_group_name === 'string' ? values.resource_group_name : 'rg-hex-shared';
    const resource: Res = {
      module,
      type,
      name,
      key: extra.key,
      mode,
      provider: extra.provider ?? AZURERM,
      values,
      action: mode === 'data' ? 'no-op' : (extra.action ?? this.action()),
      azureId:
        extra.provider_path !== undefined
          ? extra.provider_path
          : `/subscriptions/${SUBSCRIPTION}/resourceGroups/${rg}/providers/Microsoft.${providerNamespace(type)}/${typeof values.name === 'string' ? values.name : `${name}${instanceSuffix(extra.key)}`}`,
      address: `${prefix}${local}${instanceSuffix(extra.key)}`,
      configAddress: `${configPrefix}${local}`,
    };
    if (!this.full) this.resources.push(resource);
    return resource;
  }
}

function providerNamespace(type: string): string {
  const part = type.replace(/^azurerm_/, '').split('_')[0];
  return `${part.charAt(0).toUpperCase()}${part.slice(1)}/${type.replace(/^azurerm_/, '')}s`;
}

const childModule = (parent: ModuleInst, name: string, key?: string): ModuleInst => ({
  path: `${parent.path ? `${parent.path}.` : ''}module.${name}${instanceSuffix(key)}`,
  configPath: `${parent.configPath ? `${parent.configPath}.` : ''}module.${name}`,
  stack: parent.stack,
});

const tags = (trust: string, env: string): Record<string, Val> => ({
  'managed-by': 'norway-iac',
  'data-residency': 'norway',
  environment: env,
  trust,
  'cost-centre': `cc-${trust}`,
});

/** The platform's shared resources in one environment: hub network, central logs, DNS zones. */
function addHub(inv: Inventory, env: string, region: string): Hub {
  const hub = childModule({ path: '', configPath: '', stack: `platform-${env}-${region}` }, 'hub', env);
  const t = tags('platform', env);
  const rg = inv.add(hub, 'azurerm_resource_group', 'hub', {
    name: `rg-hex-hub-${env}`,
    location: region,
    tags: t,
    managed_by: null,
  });
  const vnet = inv.add(hub, 'azurerm_virtual_network', 'hub', {
    name: `vnet-hex-hub-${env}`,
    location: new Ref(rg, 'location'),
    resource_group_name: new Ref(rg, 'name'),
    address_space: ['10.0.0.0/22'],
    dns_servers: [],
    subnet: [],
    encryption: [],
    ddos_protection_plan: [],
    flow_timeout_in_minutes: null,
    tags: t,
  });
  for (let i = 0; i < 3; i++) {
    inv.add(
      hub,
      'azurerm_subnet',
      'hub',
      {
        name: ['AzureFirewallSubnet', 'AzureBastionSubnet', 'snet-shared'][i],
        resource_group_name: new Ref(rg, 'name'),
        virtual_network_name: new Ref(vnet, 'name'),
        address_prefixes: [`10.0.${i}.0/24`],
        service_endpoints: [],
        delegation: [],
        private_endpoint_network_policies: 'Enabled',
        default_outbound_access_enabled: false,
      },
      { key: i },
    );
  }
  const law = inv.add(hub, 'azurerm_log_analytics_workspace', 'central', {
    name: `log-hex-${env}`,
    location: new Ref(rg, 'location'),
    resource_group_name: new Ref(rg, 'name'),
    sku: 'PerGB2018',
    retention_in_days: inv.chance(0.5) ? 365 : 90,
    local_authentication_enabled: false,
    internet_ingestion_enabled: false,
    internet_query_enabled: false,
    daily_quota_gb: -1,
    identity: [],
    tags: t,
  });
  const archive = addStorage(
    inv,
    hub,
    'archive',
    `sthex${env}arch`,
    new Ref(rg, 'location'),
    new Ref(rg, 'name'),
    t,
  );
  inv.add(hub, 'azurerm_log_analytics_data_export_rule', 'archive', {
    name: 'export-archive',
    resource_group_name: new Ref(rg, 'name'),
    workspace_resource_id: new Ref(law, 'id'),
    destination_resource_id: new Ref(archive, 'id'),
    table_names: ['AzureActivity', 'SigninLogs', 'AuditLogs'],
    enabled: true,
  });
  const zones = [
    'privatelink.blob.core.windows.net',
    'privatelink.vaultcore.azure.net',
    'privatelink.database.windows.net',
    'privatelink.postgres.database.azure.com',
    'privatelink.documents.azure.com',
  ];
  const dnsZones = zones.map((zone, i) =>
    inv.add(
      hub,
      'azurerm_private_dns_zone',
      'zone',
      { name: zone, resource_group_name: new Ref(rg, 'name'), soa_record: [], tags: t },
      { key: ['blob', 'vault', 'sql', 'pg', 'cosmos'][i] },
    ),
  );
  inv.add(hub, 'azurerm_public_ip', 'firewall', {
    name: `pip-hex-fw-${env}`,
    location: new Ref(rg, 'location'),
    resource_group_name: new Ref(rg, 'name'),
    allocation_method: 'Static',
    sku: 'Standard',
    zones: region === 'norwayeast' ? ['1', '2', '3'] : [],
    ip_version: 'IPv4',
    idle_timeout_in_minutes: 4,
    tags: t,
  });
  inv.add(hub, 'azurerm_monitor_action_group', 'ops', {
    name: `ag-hex-ops-${env}`,
    resource_group_name: new Ref(rg, 'name'),
    location: 'norwayeast',
    short_name: 'ops',
    enabled: true,
    email_receiver: [
      { name: 'oncall', email_address: 'drift@helse-eksempel.no', use_common_alert_schema: true },
    ],
    tags: t,
  });
  inv.add(hub, 'azurerm_monitor_diagnostic_setting', 'law', {
    name: 'diag-law',
    target_resource_id: new Ref(law, 'id'),
    log_analytics_workspace_id: new Ref(law, 'id'),
    log_analytics_destination_type: 'Dedicated',
    enabled_log: [{ category_group: 'allLogs', category: null }],
    enabled_metric: [{ category: 'AllMetrics' }],
  });
  return { module: hub, rg, vnet, law, dnsZones };
}

interface Hub {
  readonly module: ModuleInst;
  readonly rg: Res;
  readonly vnet: Res;
  readonly law: Res;
  readonly dnsZones: Res[];
}

function addStorage(
  inv: Inventory,
  module: ModuleInst,
  name: string,
  accountName: string,
  location: Val,
  rgName: Val,
  t: Record<string, Val>,
  key?: Res,
): Res {
  const violation = inv.chance(0.02);
  return inv.add(module, 'azurerm_storage_account', name, {
    name: accountName,
    location,
    resource_group_name: rgName,
    account_kind: 'StorageV2',
    account_tier: 'Standard',
    account_replication_type: inv.pick(['ZRS', 'GZRS', 'RAGZRS', 'GRS']),
    access_tier: 'Hot',
    https_traffic_only_enabled: true,
    min_tls_version: 'TLS1_2',
    public_network_access_enabled: violation,
    allow_nested_items_to_be_public: false,
    shared_access_key_enabled: false,
    cross_tenant_replication_enabled: false,
    infrastructure_encryption_enabled: true,
    default_to_oauth_authentication: true,
    is_hns_enabled: false,
    nfsv3_enabled: false,
    sftp_enabled: false,
    large_file_share_enabled: null,
    local_user_enabled: false,
    dns_endpoint_type: 'Standard',
    network_rules: [
      {
        default_action: 'Deny',
        bypass: ['AzureServices'],
        ip_rules: [],
        virtual_network_subnet_ids: [],
        private_link_access: [],
      },
    ],
    blob_properties: [
      {
        versioning_enabled: true,
        change_feed_enabled: true,
        last_access_time_enabled: false,
        delete_retention_policy: [{ days: 30, permanent_delete_enabled: false }],
        container_delete_retention_policy: [{ days: 30 }],
        restore_policy: [],
        cors_rule: [],
      },
    ],
    identity: [{ type: 'SystemAssigned', identity_ids: [] }],
    customer_managed_key: key
      ? [{ key_vault_key_id: new Ref(key, 'id'), user_assigned_identity_id: null }]
      : [],
    queue_encryption_key_type: 'Account',
    table_encryption_key_type: 'Account',
    share_properties: [],
    static_website: [],
    routing: [],
    sas_policy: [],
    immutability_policy: [],
    azure_files_authentication: [],
    edge_zone: null,
    tags: t,
  });
}

/** One hospital trust's workload in one environment: network, data, compute, backup. */
function addTrust(inv: Inventory, hub: Hub, trust: string, env: string, region: string, index: number): void {
  const stack = `workload-${trust}-${env}`;
  const mod: ModuleInst = {
    ...childModule({ path: '', configPath: '', stack }, 'trust', `${trust}-${env}`),
    stack,
  };
  const t = tags(trust, env);
  const location = new VarRef('location', region);
  const rg = inv.add(mod, 'azurerm_resource_group', 'this', {
    name: `rg-hex-${trust}-${env}`,
    location,
    tags: t,
    managed_by: null,
  });
  const rgName = new Ref(rg, 'name');
  const loc = (): Val =>
    inv.chance(0.01)
      ? new Deferred(
          'data.azurerm_resource_group.shared.location',
          `\${data.azurerm_resource_group.shared.location}`,
        )
      : new Ref(rg, 'location');

  // network
  const net = childModule(mod, 'network');
  const vnet = inv.add(net, 'azurerm_virtual_network', 'this', {
    name: `vnet-hex-${trust}-${env}`,
    location: loc(),
    resource_group_name: rgName,
    address_space: [`10.${index % 250}.0.0/22`],
    dns_servers: [],
    subnet: [],
    encryption: [],
    ddos_protection_plan: [],
    tags: t,
  });
  const subnets: Res[] = [];
  const nsgs: Res[] = [];
  for (let i = 0; i < 4; i++) {
    subnets.push(
      inv.add(
        net,
        'azurerm_subnet',
        'this',
        {
          name: `snet-${['app', 'data', 'pe', 'mgmt'][i]}`,
          resource_group_name: rgName,
          virtual_network_name: new Ref(vnet, 'name'),
          address_prefixes: [`10.${index % 250}.${i}.0/24`],
          service_endpoints: ['Microsoft.Storage'],
          delegation: [],
          private_endpoint_network_policies: 'Enabled',
          default_outbound_access_enabled: false,
        },
        { key: i },
      ),
    );
  }
  for (let i = 0; i < 4; i++) {
    nsgs.push(
      inv.add(
        net,
        'azurerm_network_security_group',
        'this',
        {
          name: `nsg-${trust}-${i}`,
          location: loc(),
          resource_group_name: rgName,
          security_rule: [],
          tags: t,
        },
        { key: i },
      ),
    );
  }
  for (const [n, nsg] of nsgs.entries()) {
    for (const rule of ['deny-internet', 'allow-vnet', 'allow-lb']) {
      const open = rule === 'allow-lb' && inv.chance(0.01);
      inv.add(
        net,
        'azurerm_network_security_rule',
        'rule',
        {
          name: rule,
          resource_group_name: rgName,
          network_security_group_name: new Ref(nsg, 'name'),
          priority: 100 + n * 10 + rule.length,
          direction: 'Inbound',
          access: rule === 'deny-internet' ? 'Deny' : 'Allow',
          protocol: 'Tcp',
          source_port_range: '*',
          destination_port_range: open ? '22' : rule === 'allow-lb' ? '443' : '*',
          source_address_prefix: open
            ? 'Internet'
            : rule === 'allow-vnet'
              ? 'VirtualNetwork'
              : rule === 'deny-internet'
                ? 'Internet'
                : 'AzureLoadBalancer',
          destination_address_prefix: 'VirtualNetwork',
          source_port_ranges: [],
          destination_port_ranges: [],
          source_address_prefixes: [],
          destination_address_prefixes: [],
          description: `${rule} for subnet ${n}`,
        },
        { key: `${n}-${rule}` },
      );
    }
    inv.add(
      net,
      'azurerm_subnet_network_security_group_association',
      'this',
      { subnet_id: new Ref(subnets[n], 'id'), network_security_group_id: new Ref(nsg, 'id') },
      { key: n },
    );
  }
  inv.add(net, 'azurerm_virtual_network_peering', 'to_hub', {
    name: 'to-hub',
    resource_group_name: rgName,
    virtual_network_name: new Ref(vnet, 'name'),
    remote_virtual_network_id: new Ref(hub.vnet, 'id'),
    allow_forwarded_traffic: true,
    allow_gateway_transit: false,
    use_remote_gateways: false,
  });

  // data
  const data = childModule(mod, 'data');
  const kv = inv.add(data, 'azurerm_key_vault', 'this', {
    name: `kv-hex-${trust}-${env}`,
    location: loc(),
    resource_group_name: rgName,
    tenant_id: TENANT,
    sku_name: 'premium',
    purge_protection_enabled: true,
    soft_delete_retention_days: 90,
    enable_rbac_authorization: true,
    public_network_access_enabled: false,
    enabled_for_deployment: false,
    enabled_for_disk_encryption: true,
    enabled_for_template_deployment: false,
    network_acls: [
      { default_action: 'Deny', bypass: 'AzureServices', ip_rules: [], virtual_network_subnet_ids: [] },
    ],
    access_policy: [],
    contact: [],
    tags: t,
  });
  const keys = ['storage', 'sql'].map((k) =>
    inv.add(
      data,
      'azurerm_key_vault_key',
      'cmk',
      {
        name: `cmk-${k}`,
        key_vault_id: new Ref(kv, 'id'),
        key_type: 'RSA-HSM',
        key_size: 3072,
        key_opts: ['unwrapKey', 'wrapKey'],
        expiration_date: '2027-11-25T00:00:00Z',
        not_before_date: null,
        rotation_policy: [
          {
            expire_after: 'P1Y',
            notify_before_expiry: 'P30D',
            automatic: [{ time_before_expiry: 'P30D', time_after_creation: null }],
          },
        ],
        tags: t,
      },
      {
        key: k,
        provider_path: `https://kv-hex-${trust}-${env}.vault.azure.net/keys/cmk-${k}/0123456789abcdef`,
      },
    ),
  );
  const storage = addStorage(
    inv,
    data,
    'data',
    `sthex${trust}${env}`.slice(0, 24),
    loc(),
    rgName,
    t,
    keys[0],
  );
  for (const c of ['raw', 'curated', 'audit']) {
    inv.add(
      data,
      'azurerm_storage_container',
      'c',
      { name: c, storage_account_id: new Ref(storage, 'id'), container_access_type: 'private', metadata: {} },
      { key: c },
    );
  }
  if (index === 0) {
    const replica = addStorage(
      inv,
      data,
      'replica',
      `sthex${trust}${env}dr`.slice(0, 24),
      'norwaywest',
      rgName,
      t,
    );
    inv.add(data, 'azurerm_storage_object_replication', 'dr', {
      source_storage_account_id: new Ref(storage, 'id'),
      destination_storage_account_id: new Ref(replica, 'id'),
      rules: [
        {
          source_container_name: 'raw',
          destination_container_name: 'raw',
          copy_blobs_created_after: 'OnlyNewObjects',
          filter_out_blobs_with_prefix: [],
        },
      ],
    });
  }
  const sql = inv.add(data, 'azurerm_mssql_server', 'this', {
    name: `sql-hex-${trust}-${env}`,
    location: loc(),
    resource_group_name: rgName,
    version: '12.0',
    minimum_tls_version: '1.2',
    public_network_access_enabled: false,
    outbound_network_restriction_enabled: true,
    azuread_administrator: [
      {
        login_username: 'sql-admins',
        object_id: '4f1c0d2e-0000-4000-8000-000000000001',
        tenant_id: TENANT,
        azuread_authentication_only: true,
      },
    ],
    identity: [{ type: 'SystemAssigned', identity_ids: [] }],
    transparent_data_encryption_key_vault_key_id: new Ref(keys[1], 'id'),
    tags: t,
  });
  for (const db of ['emr', 'lab']) {
    inv.add(
      data,
      'azurerm_mssql_database',
      'db',
      {
        name: db,
        server_id: new Ref(sql, 'id'),
        sku_name: 'GP_Gen5_2',
        zone_redundant: region === 'norwayeast',
        storage_account_type: inv.pick(['Geo', 'Zone', 'GeoZone']),
        create_mode: 'Default',
        creation_source_database_id: null,
        geo_backup_enabled: true,
        ledger_enabled: false,
        short_term_retention_policy: [{ retention_days: 14, backup_interval_in_hours: 12 }],
        long_term_retention_policy: [
          { weekly_retention: 'P12W', monthly_retention: 'P12M', yearly_retention: 'P5Y', week_of_year: 1 },
        ],
        threat_detection_policy: [],
        tags: t,
      },
      { key: db },
    );
  }
  inv.add(data, 'azurerm_mssql_server_extended_auditing_policy', 'this', {
    server_id: new Ref(sql, 'id'),
    log_monitoring_enabled: true,
    retention_in_days: 365,
    storage_endpoint: null,
    enabled: true,
  });
  const pg = inv.add(data, 'azurerm_postgresql_flexible_server', 'this', {
    name: `psql-hex-${trust}-${env}`,
    location: loc(),
    resource_group_name: rgName,
    version: '16',
    sku_name: 'GP_Standard_D2ds_v5',
    storage_mb: 65536,
    backup_retention_days: 35,
    geo_redundant_backup_enabled: true,
    public_network_access_enabled: false,
    create_mode: 'Default',
    source_server_id: null,
    zone: region === 'norwayeast' ? '1' : null,
    delegated_subnet_id: new Ref(subnets[1], 'id'),
    authentication: [
      { active_directory_auth_enabled: true, password_auth_enabled: false, tenant_id: TENANT },
    ],
    high_availability:
      region === 'norwayeast' ? [{ mode: 'ZoneRedundant', standby_availability_zone: '2' }] : [],
    maintenance_window: [],
    tags: t,
  });
  inv.add(data, 'azurerm_postgresql_flexible_server_configuration', 'log_connections', {
    name: 'log_connections',
    server_id: new Ref(pg, 'id'),
    value: 'on',
  });
  const cosmosLocation = inv.chance(0.02) ? 'westeurope' : 'norwaywest';
  const cosmos = inv.add(data, 'azurerm_cosmosdb_account', 'this', {
    name: `cosmos-hex-${trust}-${env}`,
    location: loc(),
    resource_group_name: rgName,
    offer_type: 'Standard',
    kind: 'GlobalDocumentDB',
    local_authentication_disabled: true,
    public_network_access_enabled: false,
    is_virtual_network_filter_enabled: true,
    key_vault_key_id: new Ref(keys[0], 'versionless_id'),
    consistency_policy: [
      { consistency_level: 'Session', max_interval_in_seconds: 5, max_staleness_prefix: 100 },
    ],
    geo_location: [
      { location: region, failover_priority: 0, zone_redundant: region === 'norwayeast' },
      { location: cosmosLocation, failover_priority: 1, zone_redundant: false },
    ],
    backup: [
      { type: 'Periodic', storage_redundancy: 'Geo', interval_in_minutes: 240, retention_in_hours: 8 },
    ],
    capabilities: [],
    virtual_network_rule: [],
    tags: t,
  });
  const targets: [string, Res, string][] = [
    ['blob', storage, 'blob'],
    ['vault', kv, 'vault'],
    ['sql', sql, 'sqlServer'],
    ['pg', pg, 'postgresqlServer'],
    ['cosmos', cosmos, 'Sql'],
  ];
  for (const [k, target, subresource] of targets) {
    const zone = hub.dnsZones[['blob', 'vault', 'sql', 'pg', 'cosmos'].indexOf(k)];
    inv.add(
      data,
      'azurerm_private_endpoint',
      'pe',
      {
        name: `pe-${k}-${trust}-${env}`,
        location: loc(),
        resource_group_name: rgName,
        subnet_id: new Ref(subnets[2], 'id'),
        custom_network_interface_name: null,
        private_service_connection: [
          {
            name: `psc-${k}`,
            private_connection_resource_id: new Ref(target, 'id'),
            subresource_names: [subresource],
            is_manual_connection: false,
          },
        ],
        private_dns_zone_group: [{ name: 'default', private_dns_zone_ids: [new Ref(zone, 'id')] }],
        ip_configuration: [],
        tags: t,
      },
      { key: k },
    );
  }
  for (const [k, target] of targets) {
    inv.add(
      data,
      'azurerm_management_lock',
      'lock',
      {
        name: `lock-${k}`,
        scope: new Ref(target, 'id'),
        lock_level: 'CanNotDelete',
        notes: 'Patient data: deletion needs a change request.',
      },
      { key: k },
    );
  }
  for (const [k, target] of targets.slice(0, 4)) {
    inv.add(
      data,
      'azurerm_monitor_diagnostic_setting',
      'diag',
      {
        name: `diag-${k}`,
        target_resource_id: new Ref(target, 'id'),
        log_analytics_workspace_id: new Ref(hub.law, 'id'),
        log_analytics_destination_type: 'Dedicated',
        storage_account_id: null,
        eventhub_authorization_rule_id: null,
        partner_solution_id: null,
        enabled_log: [
          { category_group: 'audit', category: null },
          { category_group: 'allLogs', category: null },
        ],
        enabled_metric: [{ category: 'AllMetrics' }],
      },
      { key: k },
    );
  }
  for (let i = 0; i < 3; i++) {
    const atSubscription = index === 0 && i === 0;
    inv.add(
      data,
      'azurerm_role_assignment',
      'ra',
      {
        scope: atSubscription ? `/subscriptions/${SUBSCRIPTION}` : new Ref([storage, kv, sql][i], 'id'),
        role_definition_name: atSubscription
          ? 'Owner'
          : ['Storage Blob Data Reader', 'Key Vault Crypto User', 'Reader'][i],
        principal_id: `7a1c${String(index).padStart(4, '0')}-0000-4000-8000-00000000000${i}`,
        principal_type: 'Group',
        condition: null,
        condition_version: null,
        description: null,
        skip_service_principal_aad_check: false,
      },
      { key: i },
    );
  }

  // compute
  const compute = childModule(mod, 'compute');
  const vms: Res[] = [];
  for (let i = 0; i < 4; i++) {
    const publicIp = inv.chance(0.01)
      ? inv.add(
          compute,
          'azurerm_public_ip',
          'vm',
          {
            name: `pip-vm-${i}`,
            location: loc(),
            resource_group_name: rgName,
            allocation_method: 'Static',
            sku: 'Standard',
            zones: [],
            tags: t,
          },
          { key: i },
        )
      : undefined;
    const nic = inv.add(
      compute,
      'azurerm_network_interface',
      'nic',
      {
        name: `nic-${trust}-${env}-${i}`,
        location: loc(),
        resource_group_name: rgName,
        accelerated_networking_enabled: true,
        ip_forwarding_enabled: false,
        dns_servers: [],
        ip_configuration: [
          {
            name: 'primary',
            subnet_id: new Ref(subnets[0], 'id'),
            private_ip_address_allocation: 'Dynamic',
            private_ip_address_version: 'IPv4',
            public_ip_address_id: publicIp ? new Ref(publicIp, 'id') : null,
            primary: true,
          },
        ],
        tags: t,
      },
      { key: i },
    );
    const disk = inv.add(
      compute,
      'azurerm_managed_disk',
      'data',
      {
        name: `disk-${trust}-${env}-${i}`,
        location: loc(),
        resource_group_name: rgName,
        storage_account_type: region === 'norwayeast' ? 'Premium_ZRS' : 'Premium_LRS',
        create_option: 'Empty',
        disk_size_gb: 256,
        disk_encryption_set_id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-hex-hub-${env}/providers/Microsoft.Compute/diskEncryptionSets/des-hex-${env}`,
        public_network_access_enabled: false,
        network_access_policy: 'DenyAll',
        zone: null,
        encryption_settings: [],
        tags: t,
      },
      { key: i },
    );
    vms.push(
      inv.add(
        compute,
        'azurerm_linux_virtual_machine',
        'vm',
        {
          name: `vm-${trust}-${env}-${i}`,
          location: loc(),
          resource_group_name: rgName,
          size: 'Standard_D2s_v5',
          admin_username: 'azureuser',
          disable_password_authentication: true,
          encryption_at_host_enabled: true,
          secure_boot_enabled: true,
          vtpm_enabled: true,
          provision_vm_agent: true,
          patch_mode: 'AutomaticByPlatform',
          zone: region === 'norwayeast' ? String((i % 3) + 1) : null,
          network_interface_ids: [new Ref(nic, 'id')],
          admin_ssh_key: [
            {
              username: 'azureuser',
              public_key: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA${trust}${i} ops@helse-eksempel.no`,
            },
          ],
          os_disk: [
            {
              caching: 'ReadWrite',
              storage_account_type: 'Premium_LRS',
              disk_size_gb: 64,
              disk_encryption_set_id: new Ref(disk, 'disk_encryption_set_id'),
              diff_disk_settings: [],
              name: null,
            },
          ],
          source_image_reference: [
            { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
          ],
          identity: [{ type: 'SystemAssigned', identity_ids: [] }],
          boot_diagnostics: [{ storage_account_uri: null }],
          additional_capabilities: [],
          tags: t,
        },
        { key: i },
      ),
    );
  }
  inv.add(compute, 'azurerm_linux_virtual_machine_scale_set', 'app', {
    name: `vmss-${trust}-${env}`,
    location: loc(),
    resource_group_name: rgName,
    sku: 'Standard_D2s_v5',
    instances: 2,
    admin_username: 'azureuser',
    disable_password_authentication: true,
    encryption_at_host_enabled: true,
    upgrade_mode: 'Rolling',
    zones: region === 'norwayeast' ? ['1', '2', '3'] : [],
    admin_ssh_key: [
      {
        username: 'azureuser',
        public_key: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA${trust}vmss ops@helse-eksempel.no`,
      },
    ],
    network_interface: [
      {
        name: 'primary',
        primary: true,
        ip_configuration: [
          { name: 'ipconfig', primary: true, subnet_id: new Ref(subnets[0], 'id'), public_ip_address: [] },
        ],
      },
    ],
    os_disk: [{ caching: 'ReadWrite', storage_account_type: 'Premium_LRS', disk_encryption_set_id: null }],
    source_image_reference: [
      { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
    ],
    rolling_upgrade_policy: [
      {
        max_batch_instance_percent: 20,
        max_unhealthy_instance_percent: 20,
        max_unhealthy_upgraded_instance_percent: 20,
        pause_time_between_batches: 'PT0S',
      },
    ],
    tags: t,
  });

  // backup
  const backup = childModule(mod, 'backup');
  const rsv = inv.add(backup, 'azurerm_recovery_services_vault', 'this', {
    name: `rsv-hex-${trust}-${env}`,
    location: loc(),
    resource_group_name: rgName,
    sku: 'Standard',
    storage_mode_type: 'GeoRedundant',
    cross_region_restore_enabled: true,
    soft_delete_enabled: true,
    immutability: 'Locked',
    public_network_access_enabled: false,
    identity: [{ type: 'SystemAssigned', identity_ids: [] }],
    encryption: [],
    monitoring: [
      { alerts_for_all_job_failures_enabled: true, alerts_for_critical_operation_failures_enabled: true },
    ],
    tags: t,
  });
  const policy = inv.add(backup, 'azurerm_backup_policy_vm', 'daily', {
    name: 'daily',
    resource_group_name: rgName,
    recovery_vault_name: new Ref(rsv, 'name'),
    policy_type: 'V2',
    timezone: 'W. Europe Standard Time',
    backup: [{ frequency: 'Daily', time: '23:00', hour_interval: null, hour_duration: null, weekdays: [] }],
    retention_daily: [{ count: 35 }],
    retention_weekly: [{ count: 12, weekdays: ['Sunday'] }],
    retention_monthly: [],
    retention_yearly: [],
    instant_restore_retention_days: 5,
  });
  for (const [i, vm] of vms.entries()) {
    inv.add(
      backup,
      'azurerm_backup_protected_vm',
      'vm',
      {
        resource_group_name: rgName,
        recovery_vault_name: new Ref(rsv, 'name'),
        source_vm_id: new Ref(vm, 'id'),
        backup_policy_id: new Ref(policy, 'id'),
        exclude_disk_luns: [],
        include_disk_luns: [],
      },
      { key: i },
    );
  }
  inv.add(backup, 'azurerm_data_protection_backup_vault', 'this', {
    name: `bvault-hex-${trust}-${env}`,
    location: loc(),
    resource_group_name: rgName,
    datastore_type: 'VaultStore',
    redundancy: 'GeoRedundant',
    cross_region_restore_enabled: true,
    soft_delete: 'On',
    retention_duration_in_days: 14,
    immutability: 'Locked',
    identity: [{ type: 'SystemAssigned' }],
    tags: t,
  });
}

/** The lean shape's trust: many small resources with a few attributes each (see `GenerateOptions.shape`). */
function addLeanTrust(
  inv: Inventory,
  hub: Hub,
  trust: string,
  env: string,
  region: string,
  index: number,
): void {
  const stack = `workload-${trust}-${env}`;
  const mod: ModuleInst = {
    ...childModule({ path: '', configPath: '', stack }, 'trust', `${trust}-${env}`),
    stack,
  };
  const location = new VarRef('location', region);
  // Norway West is the disaster-recovery region: resources there carry their approval (RES-007).
  const t: Record<string, Val> = region === 'norwaywest' ? { 'dr-approval': 'CAB-2026-114' } : {};
  const rgs = [0, 1, 2].map((i) =>
    inv.add(
      mod,
      'azurerm_resource_group',
      'team',
      { name: `rg-hex-${trust}-${env}-${i}`, location, managed_by: null, tags: t },
      { key: i },
    ),
  );
  const rgName = new Ref(rgs[0], 'name');
  const nsg = inv.add(mod, 'azurerm_network_security_group', 'this', {
    name: `nsg-${trust}-${env}`,
    location: new Ref(rgs[0], 'location'),
    resource_group_name: rgName,
    tags: t,
  });
  inv.add(mod, 'azurerm_monitor_diagnostic_setting', 'nsg', {
    name: 'diag-nsg',
    target_resource_id: new Ref(nsg, 'id'),
    log_analytics_workspace_id: new Ref(hub.law, 'id'),
    enabled_log: [{ category_group: 'allLogs', category: null }],
  });
  for (let i = 0; i < 12; i++) {
    const open = i === 11 && inv.chance(0.02);
    inv.add(
      mod,
      'azurerm_network_security_rule',
      'rule',
      {
        name: `rule-${i}`,
        resource_group_name: rgName,
        network_security_group_name: new Ref(nsg, 'name'),
        priority: 100 + i,
        direction: 'Inbound',
        access: i === 0 ? 'Deny' : 'Allow',
        protocol: 'Tcp',
        source_port_range: '*',
        destination_port_range: open ? '22' : String(8000 + i),
        source_address_prefix: open ? 'Internet' : 'VirtualNetwork',
        destination_address_prefix: 'VirtualNetwork',
      },
      { key: `r${i}` },
    );
  }
  for (let i = 0; i < 8; i++) {
    inv.add(
      mod,
      'azurerm_role_assignment',
      'reader',
      {
        scope: new Ref(rgs[i % rgs.length], 'id'),
        role_definition_name: i === 7 ? 'Storage Blob Data Reader' : 'Reader',
        principal_id: `7a1c${String(index).padStart(4, '0')}-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
      },
      { key: i },
    );
  }
  for (let i = 0; i < 6; i++) {
    inv.add(
      mod,
      'azurerm_private_dns_a_record',
      'host',
      {
        name: `${trust}-${env}-h${i}`,
        zone_name: new Ref(hub.dnsZones[i % hub.dnsZones.length], 'name'),
        resource_group_name: new Ref(hub.rg, 'name'),
        ttl: 300,
        records: [`10.${index % 250}.1.${10 + i}`],
      },
      { key: i },
    );
  }
  inv.add(mod, 'azurerm_management_lock', 'rg', {
    name: 'do-not-delete',
    scope: new Ref(rgs[0], 'id'),
    lock_level: 'CanNotDelete',
  });
}

/** Build the inventory of a region with exactly `resources` resources. */
export function buildInventory(options: GenerateOptions): Res[] {
  const inv = new Inventory(options.resources, options.seed ?? 1);
  const root: ModuleInst = { path: '', configPath: '', stack: 'platform-shared' };
  inv.add(root, 'azurerm_client_config', 'current', {}, { mode: 'data' });
  inv.add(
    root,
    'azurerm_resource_group',
    'shared',
    { name: 'rg-hex-shared', location: 'norwayeast' },
    { mode: 'data' },
  );
  inv.add(
    root,
    'aws_s3_bucket',
    'legacy_export',
    { bucket: 'hex-legacy-export', force_destroy: false, tags: {} },
    {
      provider: 'registry.terraform.io/hashicorp/aws',
      action: 'no-op',
      provider_path: 'arn:aws:s3:::hex-legacy-export',
    },
  );
  const envs: [string, string][] = [
    ['prod', 'norwayeast'],
    ['dev', 'norwayeast'],
    ['dr', 'norwaywest'],
  ];
  const hubs = envs.map(([env, region]) => addHub(inv, env, region));
  const trust = options.shape === 'lean' ? addLeanTrust : addTrust;
  for (let i = 0; !inv.full; i++) {
    const e = i % envs.length;
    trust(
      inv,
      hubs[e],
      `t${String(Math.floor(i / envs.length)).padStart(3, '0')}`,
      envs[e][0],
      envs[e][1],
      i,
    );
  }
  return inv.resources;
}

// ---------------------------------------------------------------------------------------------------
// Plan JSON

const UNKNOWN = Symbol('unknown');

interface Rendered {
  /** Known values (unknowns omitted, as in `terraform show -json`). */
  readonly values: Record<string, unknown>;
  readonly unknown: Record<string, unknown>;
  readonly sensitive: Record<string, unknown>;
}

function renderPlanValue(value: Val, inPlanned: Set<Res>): unknown {
  if (value instanceof Ref) {
    const target = value.target;
    const created = target.action === 'create' || target.action === 'replace';
    if (value.attr === 'id' || value.attr === 'versionless_id' || value.attr === 'disk_encryption_set_id') {
      if (created && inPlanned.has(target)) return UNKNOWN;
      return target.azureId;
    }
    const own = target.values[value.attr];
    return own === undefined ? UNKNOWN : renderPlanValue(own, inPlanned);
  }
  if (value instanceof VarRef) return value.value;
  if (value instanceof Deferred) return UNKNOWN;
  if (Array.isArray(value)) return value.map((v) => renderPlanValue(v, inPlanned));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = renderPlanValue(v, inPlanned);
    return out;
  }
  return value;
}

/** Split a rendered value into known values and the `after_unknown` mirror. */
function splitUnknown(value: unknown): { known: unknown; unknown: unknown } {
  if (value === UNKNOWN) return { known: undefined, unknown: true };
  if (Array.isArray(value)) {
    const parts = value.map(splitUnknown);
    return {
      known: parts.map((p) => (p.known === undefined ? null : p.known)),
      unknown: parts.map((p) => p.unknown),
    };
  }
  if (value !== null && typeof value === 'object') {
    const known: Record<string, unknown> = {};
    const unknown: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const part = splitUnknown(v);
      if (part.known !== undefined) known[k] = part.known;
      if (part.unknown !== false) unknown[k] = part.unknown;
    }
    return { known, unknown };
  }
  return { known: value, unknown: false };
}

/** `sensitive_values`: containers mirrored, leaves omitted unless sensitive. */
function sensitiveMirror(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map((v) => (v !== null && typeof v === 'object' ? sensitiveMirror(v) : false));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      if (v !== null && typeof v === 'object') out[k] = sensitiveMirror(v);
    return out;
  }
  return false;
}

function renderPlanResource(res: Res, inPlanned: Set<Res>, when: 'before' | 'after'): Rendered {
  const raw = renderPlanValue(res.values, inPlanned) as Record<string, unknown>;
  const exists = when === 'before' || (res.action !== 'create' && res.action !== 'replace');
  if (res.mode === 'managed') raw.id = exists ? res.azureId : UNKNOWN;
  if (res.type === 'azurerm_storage_account' && exists) {
    raw.primary_access_key = 'bm90LWEtcmVhbC1rZXk=';
    raw.primary_connection_string = `DefaultEndpointsProtocol=https;AccountName=${String(raw.name)};AccountKey=bm90LWEtcmVhbC1rZXk=`;
  }
  if (when === 'before') {
    // What exists has everything known; an update changes one tag.
    const known = JSON.parse(JSON.stringify(raw, (_k, v: unknown) => (v === UNKNOWN ? null : v))) as Record<
      string,
      unknown
    >;
    if (res.action === 'update' && known.tags && typeof known.tags === 'object')
      (known.tags as Record<string, unknown>)['cost-centre'] = 'cc-old';
    return { values: known, unknown: {}, sensitive: sensitiveOf(res, known) };
  }
  const { known, unknown } = splitUnknown(raw);
  return {
    values: known as Record<string, unknown>,
    unknown: unknown as Record<string, unknown>,
    sensitive: sensitiveOf(res, known as Record<string, unknown>),
  };
}

function sensitiveOf(res: Res, values: Record<string, unknown>): Record<string, unknown> {
  const mirror = sensitiveMirror(values) as Record<string, unknown>;
  if (res.type === 'azurerm_storage_account' && 'primary_access_key' in values) {
    mirror.primary_access_key = true;
    mirror.primary_connection_string = true;
  }
  return mirror;
}

interface PlannedModule {
  address?: string;
  resources: Record<string, unknown>[];
  child_modules?: PlannedModule[];
}

/** Nest resources into `root_module` / `child_modules` by module path, parents before children. */
function nestModules(entries: { module: string; resource: Record<string, unknown> }[]): PlannedModule {
  const root: PlannedModule = { resources: [] };
  const byPath = new Map<string, PlannedModule>([['', root]]);
  const ensure = (path: string): PlannedModule => {
    const existing = byPath.get(path);
    if (existing) return existing;
    const cut = path.lastIndexOf('.module.');
    const parent = ensure(cut < 0 ? '' : path.slice(0, cut));
    const module: PlannedModule = { resources: [], address: path };
    (parent.child_modules ??= []).push(module);
    byPath.set(path, module);
    return module;
  };
  for (const { module, resource } of entries) ensure(module).resources.push(resource);
  for (const module of byPath.values())
    if (module.resources.length === 0) delete (module as Partial<PlannedModule>).resources;
  return root;
}

function resourceHeader(res: Res): Record<string, unknown> {
  const header: Record<string, unknown> = {
    address: res.address,
    mode: res.mode,
    type: res.type,
    name: res.name,
  };
  if (res.key !== undefined) header.index = res.key;
  header.provider_name = res.provider;
  return header;
}

/** Configuration expressions: constants and references, as Terraform records them. */
function configExpression(value: Val, from: ModuleInst): unknown {
  if (value instanceof Ref) {
    // Across modules, real code passes the value in through a variable.
    if (value.target.module.configPath !== from.configPath)
      return { references: [`var.${value.target.name}_${value.attr}`] };
    const base = relativeAddress(value.target);
    return { references: [`${base}.${value.attr}`, base] };
  }
  if (value instanceof VarRef) return { references: [`var.${value.name}`] };
  if (value instanceof Deferred)
    return { references: [value.reference, value.reference.split('.').slice(0, 3).join('.')] };
  if (Array.isArray(value)) {
    if (
      value.some(
        (v) =>
          v !== null &&
          typeof v === 'object' &&
          !(v instanceof Ref) &&
          !(v instanceof VarRef) &&
          !Array.isArray(v),
      )
    ) {
      return value.map((v) => configBlock(v as Record<string, Val>, from));
    }
    const refs = value.flatMap((v) =>
      v instanceof Ref ? (configExpression(v, from) as { references: string[] }).references : [],
    );
    return refs.length > 0 ? { references: refs } : { constant_value: value };
  }
  if (value !== null && typeof value === 'object') return { constant_value: value };
  return { constant_value: value };
}

function configBlock(block: Record<string, Val>, from: ModuleInst): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(block)) if (v !== null) out[k] = configExpression(v, from);
  return out;
}

/** A reference as written inside the referring module (cross-module references go through module outputs in real code; we keep them direct). */
function relativeAddress(target: Res): string {
  const local = `${target.mode === 'data' ? 'data.' : ''}${target.type}.${target.name}`;
  return target.key === undefined ? local : `${local}${instanceSuffix(target.key)}`;
}

export function generatePlan(options: GenerateOptions): Record<string, unknown> {
  const inventory = buildInventory(options);
  const planned = new Set(inventory.filter((r) => r.action !== 'delete'));
  const plannedEntries: { module: string; resource: Record<string, unknown> }[] = [];
  const priorEntries: { module: string; resource: Record<string, unknown> }[] = [];
  const changes: Record<string, unknown>[] = [];

  for (const res of inventory) {
    const exists = res.action !== 'create';
    const before = exists ? renderPlanResource(res, planned, 'before') : undefined;
    const after = res.action === 'delete' ? undefined : renderPlanResource(res, planned, 'after');
    if (after)
      plannedEntries.push({
        module: res.module.path,
        resource: {
          ...resourceHeader(res),
          schema_version: 0,
          values: after.values,
          sensitive_values: after.sensitive,
        },
      });
    if (before)
      priorEntries.push({
        module: res.module.path,
        resource: {
          ...resourceHeader(res),
          schema_version: 0,
          values: before.values,
          sensitive_values: before.sensitive,
        },
      });
    if (res.mode === 'data') continue;
    const actions = {
      create: ['create'],
      'no-op': ['no-op'],
      update: ['update'],
      delete: ['delete'],
      replace: ['delete', 'create'],
    }[res.action];
    const change: Record<string, unknown> = {
      ...resourceHeader(res),
      change: {
        actions,
        before: before ? before.values : null,
        after: after ? after.values : null,
        after_unknown: after ? after.unknown : {},
        before_sensitive: before ? before.sensitive : false,
        after_sensitive: after ? after.sensitive : false,
        ...(res.action === 'replace' ? { replace_paths: [['name']] } : {}),
      },
    };
    if (res.module.path) change.module_address = res.module.path;
    if (res.action === 'replace') change.action_reason = 'replace_because_cannot_update';
    if (res.action === 'delete') change.action_reason = 'delete_because_no_resource_config';
    changes.push(change);
  }

  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    variables: { location: { value: 'norwayeast' }, organisation_code: { value: 'hex' } },
    planned_values: { root_module: nestModules(plannedEntries) },
    resource_drift: [],
    resource_changes: changes,
    prior_state: {
      format_version: '1.0',
      terraform_version: '1.9.8',
      values: { root_module: nestModules(priorEntries) },
    },
    configuration: buildConfiguration(inventory),
    relevant_attributes: [],
    timestamp: '2026-11-25T12:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}

interface ConfigModule {
  resources: Record<string, unknown>[];
  module_calls?: Record<string, Record<string, unknown>>;
  variables?: Record<string, unknown>;
}

/** One configuration entry per config address (not per instance), nested through `module_calls`. */
function buildConfiguration(inventory: readonly Res[]): Record<string, unknown> {
  const root: ConfigModule = {
    resources: [],
    variables: {
      location: { default: 'norwayeast', description: 'Primary region' },
      organisation_code: { default: 'hex' },
    },
  };
  const modules = new Map<string, ConfigModule>([['', root]]);
  const seen = new Set<string>();
  const ensure = (configPath: string): ConfigModule => {
    const existing = modules.get(configPath);
    if (existing) return existing;
    const cut = configPath.lastIndexOf('.module.');
    const parent = ensure(cut < 0 ? '' : configPath.slice(0, cut));
    const name = configPath.slice(cut < 0 ? 'module.'.length : cut + '.module.'.length);
    const module: ConfigModule = {
      resources: [],
      variables: { location: { description: 'Region of the module' } },
    };
    (parent.module_calls ??= {})[name] = {
      source: `./modules/${name}`,
      expressions: {
        location:
          name === 'trust'
            ? { references: ['each.value.location', 'each.value'] }
            : { references: ['var.location'] },
      },
      ...(name === 'trust' || name === 'hub'
        ? { for_each_expression: { references: [name === 'trust' ? 'local.trusts' : 'local.environments'] } }
        : {}),
      module,
    };
    modules.set(configPath, module);
    return module;
  };
  for (const res of inventory) {
    if (seen.has(res.configAddress)) continue;
    seen.add(res.configAddress);
    const entry: Record<string, unknown> = {
      address: `${res.mode === 'data' ? 'data.' : ''}${res.type}.${res.name}`,
      mode: res.mode,
      type: res.type,
      name: res.name,
      provider_config_key: res.provider.endsWith('/aws') ? 'aws' : 'azurerm',
      expressions: configBlock(res.values, res.module),
      schema_version: 0,
    };
    if (typeof res.key === 'number') entry.count_expression = { constant_value: 4 };
    if (typeof res.key === 'string') entry.for_each_expression = { references: ['local.items'] };
    ensure(res.module.configPath).resources.push(entry);
  }
  return {
    provider_config: {
      azurerm: {
        name: 'azurerm',
        full_name: AZURERM,
        version_constraint: '4.55.0',
        expressions: { features: [{}], storage_use_azuread: { constant_value: true } },
      },
      aws: {
        name: 'aws',
        full_name: 'registry.terraform.io/hashicorp/aws',
        expressions: { region: { constant_value: 'eu-north-1' } },
      },
    },
    root_module: root,
  };
}

// ---------------------------------------------------------------------------------------------------
// cdktf.out

/** cdktf's logical id: path components and an 8-character hash of the path. */
function logicalId(res: Res): string {
  const base =
    `${res.module.path.replace(/module\.|\[|\]|"/g, '').replace(/[^A-Za-z0-9]+/g, '_')}_${res.name}${res.key === undefined ? '' : `_${String(res.key).replace(/[^A-Za-z0-9]+/g, '_')}`}`.replace(
      /^_+/,
      '',
    );
  let h = 2166136261;
  for (let i = 0; i < res.address.length; i++) h = Math.imul(h ^ res.address.charCodeAt(i), 16777619);
  return `${base}_${(h >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

interface SynthStack {
  readonly name: string;
  readonly doc: Record<string, unknown>;
  readonly outputs: Map<string, string>;
  readonly remote: Set<string>;
  count: number;
}

function crossStackOutputName(res: Res, attr: string): string {
  return `cross-stack-output-${res.type}${logicalId(res)}${attr}`;
}

function renderSynthValue(
  value: Val,
  stack: SynthStack,
  stacks: Map<string, SynthStack>,
  singleBlocks: boolean,
): unknown {
  if (value instanceof Ref) {
    const target = value.target;
    const expr = `${target.mode === 'data' ? 'data.' : ''}${target.type}.${logicalId(target)}.${value.attr}`;
    if (target.module.stack === stack.name) return `\${${expr}}`;
    const producer = stacks.get(target.module.stack);
    if (!producer) return `\${${expr}}`;
    const output = crossStackOutputName(target, value.attr);
    producer.outputs.set(output, `\${${expr}}`);
    stack.remote.add(producer.name);
    return `\${data.terraform_remote_state.cross-stack-reference-input-${producer.name}.outputs.${output}}`;
  }
  if (value instanceof VarRef) return value.value;
  if (value instanceof Deferred) return value.synthValue;
  if (Array.isArray(value)) {
    // cdktf writes a block list of one as the object itself.
    if (
      singleBlocks &&
      value.length === 1 &&
      value[0] !== null &&
      typeof value[0] === 'object' &&
      !Array.isArray(value[0]) &&
      !(value[0] instanceof Ref)
    ) {
      return renderSynthValue(value[0], stack, stacks, true);
    }
    return value.map((v) => renderSynthValue(v, stack, stacks, false));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || (Array.isArray(v) && v.length === 0)) continue;
      out[k] = renderSynthValue(v, stack, stacks, true);
    }
    return out;
  }
  return value;
}

export interface CdktfOutResult {
  readonly stacks: number;
  readonly resources: number;
}

/** Write a cdktf.out directory (manifest.json and stacks/<name>/cdk.tf.json) for the same inventory. */
export function generateCdktfOut(options: GenerateOptions, dir: string): CdktfOutResult {
  // Synthesized configuration has no plan actions: everything in the inventory is configured.
  const inventory = buildInventory(options);
  const stacks = new Map<string, SynthStack>();
  for (const res of inventory) {
    if (stacks.has(res.module.stack)) continue;
    const name = res.module.stack;
    stacks.set(name, {
      name,
      outputs: new Map(),
      remote: new Set(),
      count: 0,
      doc: {
        '//': { metadata: { backend: 'azurerm', stackName: name, version: '0.21.0' }, outputs: {} },
        terraform: {
          required_providers: {
            azurerm: { source: 'hashicorp/azurerm', version: '4.55.0' },
            ...(name === 'platform-shared' ? { aws: { source: 'hashicorp/aws', version: '5.80.0' } } : {}),
          },
          backend: {
            azurerm: {
              resource_group_name: 'rg-hex-tfstate-noe',
              storage_account_name: 'sthextfstatenoe',
              container_name: 'tfstate',
              key: `${name}.tfstate`,
              use_azuread_auth: true,
            },
          },
        },
        provider: { azurerm: [{ features: [{}], storage_use_azuread: true }] },
        resource: {},
      },
    });
  }
  for (const res of inventory) {
    const stack = stacks.get(res.module.stack) as SynthStack;
    const section = (stack.doc[res.mode === 'data' ? 'data' : 'resource'] ??= {}) as Record<
      string,
      Record<string, unknown>
    >;
    const id = logicalId(res);
    const body = renderSynthValue(res.values, stack, stacks, true) as Record<string, unknown>;
    body['//'] = {
      metadata: {
        path: `${stack.name}/${id.replace(/_[0-9A-F]{8}$/, '').replace(/_/g, '/')}/Resource`,
        uniqueId: id,
      },
    };
    if (
      res.type === 'azurerm_storage_account' ||
      res.type === 'azurerm_key_vault' ||
      res.type === 'azurerm_mssql_server'
    )
      body.lifecycle = { prevent_destroy: true };
    (section[res.type] ??= {})[id] = body;
    stack.count++;
  }
  mkdirSync(join(dir, 'stacks'), { recursive: true });
  const manifest: Record<string, unknown> = { version: '0.21.0', stacks: {} };
  for (const stack of stacks.values()) {
    if (stack.remote.size > 0) {
      const data = (stack.doc.data ??= {}) as Record<string, Record<string, unknown>>;
      const remote = (data.terraform_remote_state ??= {});
      for (const producer of stack.remote) {
        remote[`cross-stack-reference-input-${producer}`] = {
          backend: 'azurerm',
          config: {
            resource_group_name: 'rg-hex-tfstate-noe',
            storage_account_name: 'sthextfstatenoe',
            container_name: 'tfstate',
            key: `${producer}.tfstate`,
            use_azuread_auth: true,
          },
        };
      }
    }
    if (stack.outputs.size > 0) {
      stack.doc.output = Object.fromEntries(
        [...stack.outputs].map(([k, v]) => [k, { value: v, sensitive: true }]),
      );
    }
    const stackDir = join(dir, 'stacks', stack.name);
    mkdirSync(stackDir, { recursive: true });
    writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify(stack.doc, null, 2));
    (manifest.stacks as Record<string, unknown>)[stack.name] = {
      name: stack.name,
      constructPath: stack.name,
      workingDirectory: `stacks/${stack.name}`,
      synthesizedStackPath: `stacks/${stack.name}/cdk.tf.json`,
      annotations: [],
      dependencies: [...stack.remote],
    };
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { stacks: stacks.size, resources: inventory.length };
}

// ---------------------------------------------------------------------------------------------------
// Command line

export function writePlan(options: GenerateOptions, file: string): number {
  const text = JSON.stringify(generatePlan(options));
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

function main(argv: readonly string[]): void {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const resources = Number(flag('resources') ?? 1000);
  const seed = Number(flag('seed') ?? 1);
  const shape = (flag('shape') ?? 'estate') as PlanShape;
  if (shape !== 'estate' && shape !== 'lean') throw new Error(`--shape must be estate or lean, got ${shape}`);
  const out = flag('out') ?? (flag('format') === 'cdktf-out' ? 'cdktf.out.bench' : 'plan.json');
  if (!Number.isInteger(resources) || resources < 1)
    throw new Error(`--resources must be a positive integer, got ${flag('resources')}`);
  if (flag('format') === 'cdktf-out') {
    const result = generateCdktfOut({ resources, seed, shape }, out);
    process.stdout.write(`wrote ${out}: ${result.stacks} stacks, ${result.resources} resources\n`);
  } else {
    const bytes = writePlan({ resources, seed, shape }, out);
    process.stdout.write(`wrote ${out}: ${resources} resources, ${(bytes / 1e6).toFixed(1)} MB\n`);
  }
}

if (require.main === module) main(process.argv.slice(2));
