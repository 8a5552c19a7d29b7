/** policies/azure/decisions.ts: the hand-made decisions on types and families, and what they say for named and unknown types. */
import { azureType } from '../../policies/azure/catalogue';
import {
  EXTRA_TYPES,
  FAMILY_DECISIONS,
  GLOBAL_FAMILIES,
  TYPE_DECISIONS,
} from '../../policies/azure/decisions';

/** The generator's reading of FAMILY_DECISIONS: the first pattern that matches decides. */
const familyRole = (type: string) => FAMILY_DECISIONS.find((f) => f.pattern.test(type))?.role;
const decisionOf = (type: string) => (Object.hasOwn(TYPE_DECISIONS, type) ? TYPE_DECISIONS[type] : undefined);
const extraOf = (type: string) => (Object.hasOwn(EXTRA_TYPES, type) ? EXTRA_TYPES[type] : undefined);

describe('TYPE_DECISIONS', () => {
  it('a storage account is a network-reached data store with its inline key attributes', () => {
    expect(TYPE_DECISIONS.azurerm_storage_account).toEqual({
      role: 'data-store',
      arm: 'Microsoft.Storage/storageAccounts',
      store: true,
      keys: ['customer_managed_key.key_vault_key_id', 'customer_managed_key.managed_hsm_key_id'],
    });
  });

  it('a PostgreSQL flexible server can be VNet-injected and is a replica or restore when its create mode says so', () => {
    expect(TYPE_DECISIONS.azurerm_postgresql_flexible_server).toEqual({
      role: 'data-store',
      arm: 'Microsoft.DBforPostgreSQL/flexibleServers',
      store: true,
      vnetInjectedWith: 'delegated_subnet_id',
      keys: ['customer_managed_key.key_vault_key_id'],
      copy: {
        source: 'source_server_id',
        createModes: 'replica|georestore|pointintimerestore',
        kind: 'replica',
      },
    });
  });

  it('an Event Hubs namespace is a store with no inline key (azurerm 4.x attaches it separately)', () => {
    expect(TYPE_DECISIONS.azurerm_eventhub_namespace).toEqual({
      role: 'data-store',
      arm: 'Microsoft.EventHub/namespaces',
      store: true,
      keys: [],
    });
    expect(TYPE_DECISIONS.azurerm_eventhub_namespace_customer_managed_key).toEqual({
      role: 'control-plane',
      keyAttachment: { owner: 'eventhub_namespace_id', keys: ['key_vault_key_ids'] },
    });
  });

  it('a storage container lives in its account, named by id or by name', () => {
    expect(TYPE_DECISIONS.azurerm_storage_container).toEqual({
      role: 'data-store',
      child: true,
      parents: ['storage_account_id', 'storage_account_name'],
      arm: 'Microsoft.Storage/storageAccounts/blobServices/containers',
    });
  });

  it('a Linux web app is compute that serves patient data; its slot is plain compute', () => {
    expect(TYPE_DECISIONS.azurerm_linux_web_app).toEqual({
      role: 'compute',
      webApp: true,
      arm: 'Microsoft.Web/sites',
    });
    expect(TYPE_DECISIONS.azurerm_linux_web_app_slot).toEqual({ role: 'compute' });
  });

  it('a storage key attachment names the account and, in order of preference, the key or its vault', () => {
    expect(TYPE_DECISIONS.azurerm_storage_account_customer_managed_key).toEqual({
      role: 'control-plane',
      keyAttachment: {
        owner: 'storage_account_id',
        keys: ['key_vault_id', 'key_vault_uri', 'key_vault_key_id', 'managed_hsm_key_id'],
      },
    });
  });

  it('an object replication copies from the source account to the destination account', () => {
    expect(TYPE_DECISIONS.azurerm_storage_object_replication).toEqual({
      role: 'copy',
      copy: {
        source: 'source_storage_account_id',
        destination: 'destination_storage_account_id',
        kind: 'replica',
      },
    });
  });

  it('a private DNS zone is global and allowed, with no role of its own (its family decides it)', () => {
    expect(TYPE_DECISIONS.azurerm_private_dns_zone).toEqual({
      global: 'always',
      globalAllowed: true,
      arm: 'Microsoft.Network/privateDnsZones',
    });
  });

  it('an action group is global only by default, and not on the allow-list', () => {
    expect(TYPE_DECISIONS.azurerm_monitor_action_group).toEqual({
      global: 'by-default',
      arm: 'Microsoft.Insights/actionGroups',
    });
  });

  it('an AI deployment processes prompts in the region only with the Standard and ProvisionedManaged SKUs', () => {
    expect(TYPE_DECISIONS.azurerm_cognitive_deployment?.processing).toEqual({
      attribute: 'sku.name',
      inRegion: ['Standard', 'ProvisionedManaged'],
    });
  });

  it('the retired PostgreSQL single server names its successor and why', () => {
    expect(TYPE_DECISIONS.azurerm_postgresql_server?.retired).toEqual({
      successor: 'azurerm_postgresql_flexible_server',
      reason: 'Azure Database for PostgreSQL single server was retired on 2025-03-28',
    });
  });

  it.each([
    ['azurerm_not_yet_invented', 'a type nobody has heard of'],
    ['azurerm_bot_service_azure_bot', 'a real type nobody decided'],
    ['azurerm_subnet', 'a type decided by its family only'],
    ['azurerm_sql_server', 'a type decided in EXTRA_TYPES instead'],
    ['', 'the empty string'],
    ['AZURERM_STORAGE_ACCOUNT', 'an upper-cased name'],
  ])('has no decision for %j (%s)', (type) => {
    expect(decisionOf(type)).toBeUndefined();
  });

  it('names only azurerm types, and none that EXTRA_TYPES decides too', () => {
    const names = Object.keys(TYPE_DECISIONS);
    expect(names.filter((t) => !t.startsWith('azurerm_'))).toEqual([]);
    expect(names.filter((t) => Object.hasOwn(EXTRA_TYPES, t))).toEqual([]);
  });

  it('every VNet-injectable type is also decided a store', () => {
    const injected = Object.entries(TYPE_DECISIONS).filter(([, d]) => d.vnetInjectedWith !== undefined);
    expect(injected.map(([t, d]) => [t, d.store])).toEqual([
      ['azurerm_postgresql_flexible_server', true],
      ['azurerm_mysql_flexible_server', true],
    ]);
  });

  it('only the action group and the activity log alert are global by default, and neither is allowed as global', () => {
    const byDefault = Object.entries(TYPE_DECISIONS).filter(([, d]) => d.global === 'by-default');
    expect(byDefault.map(([t, d]) => [t, d.globalAllowed])).toEqual([
      ['azurerm_monitor_action_group', undefined],
      ['azurerm_monitor_activity_log_alert', undefined],
    ]);
  });
});

describe('FAMILY_DECISIONS', () => {
  it.each([
    ['azurerm_subnet', 'network'],
    ['azurerm_network_security_group', 'network'],
    ['azurerm_cdn_frontdoor_profile', 'network'],
    ['azurerm_private_dns_zone', 'network'],
    ['azurerm_role_assignment', 'control-plane'],
    ['azurerm_subscription', 'control-plane'],
    ['azurerm_linux_virtual_machine', 'compute'],
    ['azurerm_kubernetes_cluster_node_pool', 'compute'],
    ['azurerm_resource_group_template_deployment', 'deployment'],
    ['azurerm_mssql_server_extended_auditing_policy', 'copy'],
    ['azurerm_mssql_firewall_rule', 'network'],
    ['azurerm_key_vault_secret', 'key-store'],
    ['azurerm_cosmosdb_sql_stored_procedure', 'data-store'],
    ['azurerm_netapp_account', 'data-store'],
  ])('decides %s as %s', (type, role) => {
    expect(familyRole(type)).toBe(role);
  });

  it.each([
    [
      'azurerm_key_vault_access_policy',
      'control-plane',
      'the access-policy suffix before the key vault family',
    ],
    [
      'azurerm_cosmosdb_sql_role_assignment',
      'control-plane',
      'the role-assignment suffix before the Cosmos DB family',
    ],
    ['azurerm_storage_account_customer_managed_key', 'control-plane', 'a key attachment holds no data'],
  ])('first match wins: %s is %s (%s)', (type, role) => {
    expect(familyRole(type)).toBe(role);
  });

  it('keeps flow logs out of the network family: they copy traffic records, and their type decision says so', () => {
    expect(familyRole('azurerm_network_watcher_flow_log')).toBeUndefined();
    expect(TYPE_DECISIONS.azurerm_network_watcher_flow_log).toEqual({ role: 'copy' });
  });

  it.each([
    ['azurerm_storage_account', 'decided by its type alone'],
    ['azurerm_bot_service_azure_bot', 'left unclassified'],
    ['azurerm_subscription_alias', 'subscription$ matches the whole name only'],
    ['random_string', 'another provider'],
    ['AZURERM_SUBNET', 'types are matched case-sensitively'],
    ['', 'the empty string'],
  ])('no family decides %j (%s)', (type) => {
    expect(familyRole(type)).toBeUndefined();
  });

  it('a type neither decided by name nor by family is unclassified in the catalogue, never harmless', () => {
    expect(decisionOf('azurerm_bot_service_azure_bot')).toBeUndefined();
    expect(familyRole('azurerm_bot_service_azure_bot')).toBeUndefined();
    expect(azureType('azurerm_bot_service_azure_bot')).toMatchObject({
      role: 'unclassified',
      decided: 'none',
    });
  });
});

describe('GLOBAL_FAMILIES', () => {
  const isGlobalFamily = (type: string) => GLOBAL_FAMILIES.some((p) => p.test(type));

  it.each([
    'azurerm_cdn_frontdoor_profile',
    'azurerm_frontdoor',
    'azurerm_cdn_profile',
    'azurerm_dns_zone',
    'azurerm_traffic_manager_profile',
    'azurerm_monitor_private_link_scope',
    'azurerm_monitor_private_link_scoped_service',
    'azurerm_monitor_alert_processing_rule_action_group',
  ])('%s is hard-wired to global', (type) => {
    expect(isGlobalFamily(type)).toBe(true);
  });

  it.each([
    ['azurerm_private_dns_zone', 'global by its type decision, not by family'],
    ['azurerm_monitor_action_group', 'global only by default'],
    ['azurerm_storage_account', 'a regional store'],
    ['azurerm_private_dns_resolver', 'a regional resolver, despite "dns" in the name'],
    ['', 'the empty string'],
  ])('%j is not a global family (%s)', (type) => {
    expect(isGlobalFamily(type)).toBe(false);
  });
});

describe('EXTRA_TYPES', () => {
  it('the removed azurerm_sql_server is a store with its own location, judged as its successor', () => {
    expect(EXTRA_TYPES.azurerm_sql_server).toEqual({
      location: 'own',
      role: 'data-store',
      store: true,
      arm: 'Microsoft.Sql/servers',
      retired: { successor: 'azurerm_mssql_server', reason: 'azurerm_sql_server was removed in azurerm 4.0' },
    });
  });

  it('the removed MariaDB firewall rule has no successor', () => {
    expect(EXTRA_TYPES.azurerm_mariadb_firewall_rule).toEqual({
      location: 'none',
      role: 'network',
      retired: {
        reason:
          'azurerm_mariadb_firewall_rule was removed in azurerm 4.0 (Azure Database for MariaDB is retired)',
      },
    });
  });

  it.each([
    ['azapi_resource', { location: 'own', role: 'deployment' }],
    ['azapi_update_resource', { location: 'none', role: 'deployment' }],
    ['azuread_group', { location: 'none', role: 'control-plane' }],
    ['azuread_conditional_access_policy', { location: 'none', role: 'control-plane' }],
  ])('decides %s as %j', (type, expected) => {
    expect(EXTRA_TYPES[type]).toEqual(expected);
  });

  it.each(['azurerm_storage_account', 'azuread_not_yet_invented', 'random_string', ''])(
    'has no decision for %j',
    (type) => {
      expect(extraOf(type)).toBeUndefined();
    },
  );

  it('every entry says where its location comes from and what role it has', () => {
    const incomplete = Object.entries(EXTRA_TYPES)
      .filter(([, d]) => (d.location !== 'own' && d.location !== 'none') || d.role === undefined)
      .map(([t]) => t);
    expect(incomplete).toEqual([]);
  });
});
