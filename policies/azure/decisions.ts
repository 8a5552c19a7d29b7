/**
 * The hand-made half of the Azure catalogue: what the provider bindings cannot say. Everything else
 * (attributes, which have a location, which point at other resources) is derived by
 * `scripts/generate-azure-catalogue.ts`, which merges these decisions in and writes `catalogue.generated.json`.
 * Edit here, run `npm run catalogue`, review the diff of `catalogue.generated.json` and `docs/azure-catalogue.md`.
 *
 * Decide a role only when sure: a type nobody decided stays `unclassified`, which the rules treat as
 * data-bearing with an unknown place (fail closed), never as harmless.
 */
import type { DataRole, KeyAttachment, CopyLink, SkuProcessing, Retirement } from './types';

export interface TypeDecision {
  readonly role?: DataRole;
  /** ARM resource type (`Microsoft.Storage/storageAccounts`). */
  readonly arm?: string;
  /** The attributes naming the parent a location-less type lives in, when the derived guess is wrong. */
  readonly parents?: readonly string[];
  /** Location hard-wired to `global`, or defaulted to it when none is written. */
  readonly global?: 'always' | 'by-default';
  /** A global type that holds and processes no patient data (RES-002's allow-list). */
  readonly globalAllowed?: true;
  /** Reached over the network as a store of patient data (exposure, private endpoint, CMK rules). */
  readonly store?: true;
  /** Lives inside another data-bearing resource, whose lock and location cover it. */
  readonly child?: true;
  /** A web or function app: not a store, but it serves patient data. */
  readonly webApp?: true;
  /** Injected into a delegated subnet (no public endpoint at all) when this attribute is set. */
  readonly vnetInjectedWith?: string;
  /** Inline customer-managed key attributes (dotted, without indices). */
  readonly keys?: readonly string[];
  readonly keyAttachment?: KeyAttachment;
  readonly copy?: CopyLink;
  readonly processing?: SkuProcessing;
  readonly retired?: Retirement;
}

/**
 * Whole families by name, first match wins, for types no decision below names. Only families whose
 * every member is provably no store of patient data belong here.
 */
export const FAMILY_DECISIONS: readonly { readonly pattern: RegExp; readonly role: DataRole }[] = [
  // Global content and DNS services: RES-002 judges them as global types.
  { pattern: /^azurerm_(cdn_|frontdoor|dns_|traffic_manager_)/, role: 'network' },
  { pattern: /^azurerm_private_dns_/, role: 'network' },
  {
    pattern:
      /^azurerm_(virtual_network|subnet|network_(?!watcher_flow_log)|route|private_endpoint|private_link_service|public_ip|nat_gateway|firewall|web_application_firewall|application_gateway|application_security_group|lb|express_route|vpn_|point_to_site_vpn|virtual_hub|virtual_wan|bastion_host|ip_group|local_network_gateway|virtual_network_gateway|network_manager|ip_address|dedicated_hardware_security_module_network|palo_alto_|nginx_|custom_ip_prefix|public_ip_prefix|gateway_load_balancer|application_load_balancer|monitor_private_link_scope)/,
    role: 'network',
  },
  {
    pattern:
      /^azurerm_(role_|pim_|policy_|management_group|management_lock|resource_group_policy|subscription_policy|resource_policy|user_assigned_identity|federated_identity_credential|lighthouse_|resource_provider_registration|advisor_|security_center_|consumption_budget_|cost_anomaly|billing_|maintenance_|tag|resource_management_private_link|marketplace_agreement|monitor_action_group|monitor_activity_log_alert|monitor_metric_alert|monitor_scheduled_query_rules|monitor_smart_detector_alert_rule|monitor_alert_processing_rule|monitor_autoscale_setting|subscription$|tenant_template_deployment|management_group_template_deployment|resource_deployment_script)/,
    role: 'control-plane',
  },
  {
    pattern:
      /^azurerm_(linux_virtual_machine|windows_virtual_machine|virtual_machine|orchestrated_virtual_machine_scale_set|availability_set|proximity_placement_group|dedicated_host|capacity_reservation|service_plan|app_service_plan|container_app_environment$|kubernetes_cluster_node_pool|image$|shared_image|gallery_application)/,
    role: 'compute',
  },
  { pattern: /_template_deployment$/, role: 'deployment' },
  {
    pattern: /^azurerm_(spring_cloud_|logic_app_|dev_test_|dev_center|batch_|virtual_desktop_|vmware_)/,
    role: 'compute',
  },
  { pattern: /^azurerm_(mobile_network_|relay_)/, role: 'network' },
  { pattern: /^azurerm_(chaos_studio_|sentinel_)/, role: 'control-plane' },
  // Children named for what they configure. Auditing policies write audit logs to storage: copies.
  { pattern: /_extended_auditing_policy$/, role: 'copy' },
  {
    pattern: /_(firewall_rule|virtual_network_rule|private_endpoint_connection|network_rule_set|ip_rules?)$/,
    role: 'network',
  },
  {
    pattern:
      /_(role_assignment|role_definition|access_policy|authorization_rule|security_alert_policy|management_policy|active_directory_administrator|administrator|configuration|association|tag|tag_description|schedule)$/,
    role: 'control-plane',
  },
  // A resource that attaches a key holds none of the data.
  { pattern: /_customer_managed_key$|_transparent_data_encryption$/, role: 'control-plane' },
  // Families that move data somewhere: outputs, endpoints, routes, replication, exports.
  {
    pattern:
      /^azurerm_(stream_analytics_output_|iothub_endpoint_|iothub_(fallback_)?route$|iothub_file_upload|digital_twins_endpoint_|kusto_\w+_data_connection|site_recovery_|storage_mover|storage_sync_|data_factory_|data_share_|data_protection_backup_instance_|eventgrid_(system_topic_)?event_subscription|monitor_aad_diagnostic_setting|container_connected_registry|mssql_managed_instance_failover_group|mssql_server_vulnerability_assessment|mssql_server_microsoft_support_auditing_policy|mssql_managed_instance_vulnerability_assessment|synapse_workspace_vulnerability_assessment|synapse_sql_pool_vulnerability_assessment$)/,
    role: 'copy',
  },
  // Families of stores, decided conservatively: everything in them is protected as data.
  {
    pattern: /^azurerm_(netapp_|oracle_|hdinsight_|cosmosdb_|mssql_virtual_machine|restore_point_collection)/,
    role: 'data-store',
  },
  { pattern: /^azurerm_key_vault_/, role: 'key-store' },
  {
    pattern:
      /^azurerm_(app_service|function_app|web_app_|static_site|static_web_app|container_app|container_registry_task|signalr_|web_pubsub|notification_hub|kubernetes_|machine_learning_compute_|machine_learning_inference_|machine_learning_synapse_spark|mssql_job|stream_analytics_(job|cluster|function_)|dashboard_grafana|synapse_spark_pool|iothub_dps)/,
    role: 'compute',
  },
  {
    pattern:
      /^azurerm_(api_management_|container_registry_|log_analytics_(saved_search|query_pack|datasource_|linked_service|storage_insights)|data_protection_backup_policy_|data_protection_resource_guard|backup_container_storage_account|backup_policy_|stream_analytics_(stream_input_|reference_input_|managed_private_endpoint|job_storage_account)|synapse_|eventhub_cluster|eventhub_namespace_schema_group|monitor_alert_prometheus_rule_group|portal_dashboard|ssh_public_key|cost_management_|resource_group_cost_management_|subscription_cost_management_|iothub_(certificate|consumer_group|enrichment|dps_certificate)|machine_learning_workspace_network_outbound_rule_|machine_learning_datastore_|kusto_(cluster|database)_principal_assignment|kusto_cluster_managed_private_endpoint|kusto_script)/,
    role: 'control-plane',
  },
  { pattern: /^azurerm_monitor_data_collection_endpoint$/, role: 'network' },
];

/**
 * Families whose location is hard-wired to `global` (no location attribute, or only `global`): RES-002
 * denies them unless a type decision allows it.
 */
export const GLOBAL_FAMILIES: readonly RegExp[] = [
  /^azurerm_cdn_frontdoor_/,
  /^azurerm_frontdoor/,
  /^azurerm_cdn_/,
  /^azurerm_dns_/,
  /^azurerm_traffic_manager_/,
  /^azurerm_monitor_private_link_scope/,
  /^azurerm_monitor_alert_processing_rule_/,
];

/** Decisions on single types. */
export const TYPE_DECISIONS: Readonly<Record<string, TypeDecision>> = {
  // --- Stores of patient data, reached over the network.
  azurerm_storage_account: {
    role: 'data-store',
    arm: 'Microsoft.Storage/storageAccounts',
    store: true,
    keys: ['customer_managed_key.key_vault_key_id', 'customer_managed_key.managed_hsm_key_id'],
  },
  azurerm_key_vault: { role: 'key-store', arm: 'Microsoft.KeyVault/vaults', store: true },
  azurerm_mssql_server: {
    role: 'data-store',
    arm: 'Microsoft.Sql/servers',
    store: true,
    keys: ['transparent_data_encryption_key_vault_key_id'],
  },
  azurerm_postgresql_flexible_server: {
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
  },
  azurerm_mysql_flexible_server: {
    role: 'data-store',
    arm: 'Microsoft.DBforMySQL/flexibleServers',
    store: true,
    vnetInjectedWith: 'delegated_subnet_id',
    keys: ['customer_managed_key.key_vault_key_id'],
  },
  azurerm_cosmosdb_account: {
    role: 'data-store',
    arm: 'Microsoft.DocumentDB/databaseAccounts',
    store: true,
    keys: ['key_vault_key_id', 'managed_hsm_key_id'],
  },
  azurerm_container_registry: {
    role: 'data-store',
    arm: 'Microsoft.ContainerRegistry/registries',
    store: true,
    keys: ['encryption.key_vault_key_id'],
  },
  azurerm_redis_cache: { role: 'data-store', arm: 'Microsoft.Cache/redis', store: true },

  // --- Other holders of patient data or its copies.
  azurerm_managed_disk: {
    role: 'data-store',
    arm: 'Microsoft.Compute/disks',
    keys: ['disk_encryption_set_id'],
  },
  azurerm_snapshot: { role: 'data-store', arm: 'Microsoft.Compute/snapshots' },
  azurerm_mssql_managed_instance: { role: 'data-store', arm: 'Microsoft.Sql/managedInstances' },
  // Events and messages between clinical systems (HL7, FHIR), reached over the network like any store.
  // azurerm 4.x has no inline key on an Event Hubs namespace: the key is attached by
  // azurerm_eventhub_namespace_customer_managed_key (below), so there are no inline key attributes.
  azurerm_eventhub_namespace: {
    role: 'data-store',
    arm: 'Microsoft.EventHub/namespaces',
    store: true,
    keys: [],
  },
  azurerm_servicebus_namespace: {
    role: 'data-store',
    arm: 'Microsoft.ServiceBus/namespaces',
    store: true,
    keys: ['customer_managed_key.key_vault_key_id'],
  },
  azurerm_healthcare_workspace: { role: 'data-store', arm: 'Microsoft.HealthcareApis/workspaces' },
  azurerm_key_vault_managed_hardware_security_module: {
    role: 'key-store',
    arm: 'Microsoft.KeyVault/managedHSMs',
  },
  azurerm_log_analytics_workspace: {
    role: 'log-destination',
    arm: 'Microsoft.OperationalInsights/workspaces',
  },
  azurerm_recovery_services_vault: {
    role: 'backup-store',
    arm: 'Microsoft.RecoveryServices/vaults',
    keys: ['encryption.key_id'],
  },
  azurerm_data_protection_backup_vault: {
    role: 'backup-store',
    arm: 'Microsoft.DataProtection/backupVaults',
  },
  azurerm_cognitive_account: { role: 'data-store', arm: 'Microsoft.CognitiveServices/accounts' },

  // --- Data inside a store: the parent's lock and location cover it.
  azurerm_storage_container: {
    role: 'data-store',
    child: true,
    parents: ['storage_account_id', 'storage_account_name'],
    arm: 'Microsoft.Storage/storageAccounts/blobServices/containers',
  },
  azurerm_storage_share: {
    role: 'data-store',
    child: true,
    parents: ['storage_account_id', 'storage_account_name'],
    arm: 'Microsoft.Storage/storageAccounts/fileServices/shares',
  },
  azurerm_storage_table: {
    role: 'data-store',
    child: true,
    parents: ['storage_account_id', 'storage_account_name'],
    arm: 'Microsoft.Storage/storageAccounts/tableServices/tables',
  },
  azurerm_storage_queue: {
    role: 'data-store',
    child: true,
    parents: ['storage_account_id', 'storage_account_name'],
    arm: 'Microsoft.Storage/storageAccounts/queueServices/queues',
  },
  azurerm_storage_data_lake_gen2_filesystem: {
    role: 'data-store',
    child: true,
    parents: ['storage_account_id', 'storage_account_name'],
  },
  azurerm_mssql_database: {
    role: 'data-store',
    child: true,
    arm: 'Microsoft.Sql/servers/databases',
    keys: ['transparent_data_encryption_key_vault_key_id'],
    copy: { source: 'creation_source_database_id', createModes: 'secondary|copy', kind: 'replica' },
  },
  azurerm_mssql_managed_database: {
    role: 'data-store',
    child: true,
    arm: 'Microsoft.Sql/managedInstances/databases',
  },
  azurerm_postgresql_flexible_server_database: { role: 'data-store', child: true },
  azurerm_mysql_flexible_database: { role: 'data-store', child: true },
  azurerm_cosmosdb_sql_database: { role: 'data-store', child: true },
  azurerm_cosmosdb_sql_container: { role: 'data-store', child: true },
  azurerm_cosmosdb_mongo_database: { role: 'data-store', child: true },
  azurerm_cosmosdb_mongo_collection: { role: 'data-store', child: true },
  azurerm_cosmosdb_table: { role: 'data-store', child: true },
  azurerm_key_vault_key: { role: 'key-store', child: true, arm: 'Microsoft.KeyVault/vaults/keys' },
  azurerm_healthcare_fhir_service: { role: 'data-store', child: true, parents: ['workspace_id'] },
  azurerm_healthcare_dicom_service: { role: 'data-store', child: true, parents: ['workspace_id'] },

  // --- Child resources whose parent attribute the derived guess gets wrong or must be pinned.
  azurerm_key_vault_secret: { role: 'key-store', child: true, parents: ['key_vault_id'] },
  azurerm_eventhub: { role: 'data-store', child: true, parents: ['namespace_id'] },
  azurerm_eventhub_namespace_authorization_rule: { role: 'control-plane', parents: ['namespace_name'] },
  azurerm_eventhub_authorization_rule: { role: 'control-plane', parents: ['namespace_name'] },
  azurerm_servicebus_queue: { role: 'data-store', child: true, parents: ['namespace_id'] },
  azurerm_servicebus_topic: { role: 'data-store', child: true, parents: ['namespace_id'] },

  azurerm_storage_blob: {
    role: 'data-store',
    child: true,
    parents: ['storage_container_name', 'storage_account_name'],
  },
  azurerm_storage_account_network_rules: { role: 'network', parents: ['storage_account_id'] },

  azurerm_resource_group: { role: 'control-plane', arm: 'Microsoft.Resources/resourceGroups' },
  azurerm_backup_policy_vm: { role: 'control-plane' },
  azurerm_backup_policy_file_share: { role: 'control-plane' },
  // Names the key that encrypts disks; holds none of their data.
  azurerm_disk_encryption_set: { role: 'control-plane', arm: 'Microsoft.Compute/diskEncryptionSets' },

  // More stores of data, not reached by the network-store rules (yet).
  azurerm_netapp_volume: { role: 'data-store', arm: 'Microsoft.NetApp/netAppAccounts/capacityPools/volumes' },
  azurerm_kusto_cluster: { role: 'data-store', arm: 'Microsoft.Kusto/clusters' },
  azurerm_kusto_database: { role: 'data-store', child: true },
  azurerm_synapse_workspace: { role: 'data-store', arm: 'Microsoft.Synapse/workspaces' },
  azurerm_synapse_sql_pool: { role: 'data-store', child: true },
  azurerm_machine_learning_workspace: {
    role: 'data-store',
    arm: 'Microsoft.MachineLearningServices/workspaces',
  },
  azurerm_search_service: { role: 'data-store', arm: 'Microsoft.Search/searchServices' },
  // Ends like a configuration child, but is a store of key-values.
  azurerm_app_configuration: { role: 'data-store', arm: 'Microsoft.AppConfiguration/configurationStores' },
  azurerm_iothub: { role: 'data-store', arm: 'Microsoft.Devices/IotHubs' },
  azurerm_iotcentral_application: { role: 'data-store', arm: 'Microsoft.IoTCentral/iotApps' },
  azurerm_eventgrid_topic: { role: 'data-store', arm: 'Microsoft.EventGrid/topics' },
  azurerm_eventgrid_domain: { role: 'data-store', arm: 'Microsoft.EventGrid/domains' },
  azurerm_redis_enterprise_cluster: { role: 'data-store', arm: 'Microsoft.Cache/redisEnterprise' },
  azurerm_redis_enterprise_database: { role: 'data-store', child: true },
  azurerm_managed_redis: { role: 'data-store', arm: 'Microsoft.Cache/redisEnterprise' },
  azurerm_mssql_elasticpool: { role: 'data-store', arm: 'Microsoft.Sql/servers/elasticPools' },
  azurerm_cosmosdb_cassandra_cluster: { role: 'data-store' },
  azurerm_cosmosdb_cassandra_keyspace: { role: 'data-store', child: true },
  azurerm_cosmosdb_cassandra_table: { role: 'data-store', child: true },
  azurerm_cosmosdb_gremlin_database: { role: 'data-store', child: true },
  azurerm_cosmosdb_gremlin_graph: { role: 'data-store', child: true },
  azurerm_cosmosdb_postgresql_cluster: {
    role: 'data-store',
    arm: 'Microsoft.DBforPostgreSQL/serverGroupsv2',
  },
  azurerm_mongo_cluster: { role: 'data-store', arm: 'Microsoft.DocumentDB/mongoClusters' },
  azurerm_storage_share_file: { role: 'data-store', child: true, parents: ['storage_share_id'] },
  azurerm_storage_share_directory: { role: 'data-store', child: true, parents: ['storage_share_id'] },
  azurerm_storage_table_entity: { role: 'data-store', child: true },
  azurerm_storage_encryption_scope: { role: 'control-plane' },
  azurerm_elastic_san: { role: 'data-store', arm: 'Microsoft.ElasticSan/elasticSans' },
  azurerm_elastic_san_volume: { role: 'data-store', child: true },
  azurerm_hpc_cache: { role: 'data-store', arm: 'Microsoft.StorageCache/caches' },
  azurerm_key_vault_certificate: { role: 'key-store', child: true },
  azurerm_key_vault_managed_hardware_security_module_key: { role: 'key-store', child: true },
  azurerm_eventhub_consumer_group: { role: 'control-plane' },
  azurerm_servicebus_subscription: { role: 'data-store', child: true },
  azurerm_application_insights: { role: 'log-destination', arm: 'Microsoft.Insights/components' },
  azurerm_monitor_workspace: { role: 'log-destination', arm: 'Microsoft.Monitor/accounts' },
  azurerm_log_analytics_solution: { role: 'control-plane' },
  // Routes and copies.
  azurerm_monitor_data_collection_rule: { role: 'copy', arm: 'Microsoft.Insights/dataCollectionRules' },
  azurerm_log_analytics_linked_storage_account: { role: 'copy' },
  azurerm_api_management_logger: { role: 'copy' },
  azurerm_site_recovery_replicated_vm: { role: 'copy' },
  azurerm_storage_sync: { role: 'copy' },
  azurerm_data_factory: { role: 'copy', arm: 'Microsoft.DataFactory/factories' },
  azurerm_data_share: { role: 'copy' },
  // Processing.
  azurerm_api_management: { role: 'compute', arm: 'Microsoft.ApiManagement/service' },
  azurerm_databricks_workspace: { role: 'compute', arm: 'Microsoft.Databricks/workspaces' },
  // Its location is computed from its environment's.
  azurerm_container_app: {
    role: 'compute',
    arm: 'Microsoft.App/containerApps',
    parents: ['container_app_environment_id'],
  },
  azurerm_container_group: { role: 'compute', arm: 'Microsoft.ContainerInstance/containerGroups' },
  azurerm_linux_web_app_slot: { role: 'compute' },
  azurerm_windows_web_app_slot: { role: 'compute' },
  azurerm_linux_function_app_slot: { role: 'compute' },
  azurerm_windows_function_app_slot: { role: 'compute' },
  azurerm_ai_services: { role: 'compute', arm: 'Microsoft.CognitiveServices/accounts' },
  azurerm_ai_foundry: { role: 'compute', arm: 'Microsoft.MachineLearningServices/workspaces' },
  azurerm_healthcare_medtech_service: { role: 'compute' },

  // --- Resources that attach a key to a store.
  azurerm_storage_account_customer_managed_key: {
    role: 'control-plane',
    // azurerm 4.x names the vault (`key_vault_id` or `key_vault_uri`) and the key by `key_name`;
    // `key_vault_key_id` is the 3.x spelling, still read in plain Terraform.
    keyAttachment: {
      owner: 'storage_account_id',
      keys: ['key_vault_id', 'key_vault_uri', 'key_vault_key_id', 'managed_hsm_key_id'],
    },
  },
  azurerm_mssql_server_transparent_data_encryption: {
    role: 'control-plane',
    keyAttachment: { owner: 'server_id', keys: ['key_vault_key_id', 'managed_hsm_key_id'] },
  },
  azurerm_eventhub_namespace_customer_managed_key: {
    role: 'control-plane',
    keyAttachment: { owner: 'eventhub_namespace_id', keys: ['key_vault_key_ids'] },
  },
  azurerm_servicebus_namespace_customer_managed_key: {
    role: 'control-plane',
    keyAttachment: { owner: 'namespace_id', keys: ['key_vault_key_id'] },
  },
  azurerm_cognitive_account_customer_managed_key: {
    role: 'control-plane',
    keyAttachment: { owner: 'cognitive_account_id', keys: ['key_vault_key_id', 'managed_hsm_key_id'] },
  },

  // --- Resources that copy data from one place to another.
  azurerm_storage_object_replication: {
    role: 'copy',
    copy: {
      source: 'source_storage_account_id',
      destination: 'destination_storage_account_id',
      kind: 'replica',
    },
  },
  azurerm_mssql_failover_group: {
    role: 'copy',
    copy: { source: 'server_id', destination: 'partner_server.id', kind: 'replica' },
  },
  azurerm_eventhub_namespace_disaster_recovery_config: {
    role: 'copy',
    copy: { source: 'namespace_name', destination: 'partner_namespace_id', kind: 'replica' },
  },
  azurerm_servicebus_namespace_disaster_recovery_config: {
    role: 'copy',
    copy: { source: 'primary_namespace_id', destination: 'partner_namespace_id', kind: 'replica' },
  },
  azurerm_redis_linked_server: {
    role: 'copy',
    copy: { source: 'target_redis_cache_name', destination: 'linked_redis_cache_id', kind: 'replica' },
  },
  azurerm_data_protection_backup_instance_blob_storage: {
    role: 'copy',
    copy: { source: 'storage_account_id', destination: 'vault_id', kind: 'backup' },
  },
  azurerm_data_protection_backup_instance_disk: {
    role: 'copy',
    copy: { source: 'disk_id', destination: 'vault_id', kind: 'backup' },
  },
  azurerm_data_protection_backup_instance_postgresql_flexible_server: {
    role: 'copy',
    copy: { source: 'server_id', destination: 'vault_id', kind: 'backup' },
  },
  azurerm_backup_protected_file_share: {
    role: 'copy',
    copy: { source: 'source_storage_account_id', destination: 'recovery_vault_name', kind: 'backup' },
  },
  azurerm_backup_protected_vm: { role: 'copy' },
  azurerm_log_analytics_data_export_rule: {
    role: 'copy',
    copy: { source: 'workspace_resource_id', destination: 'destination_resource_id', kind: 'logs' },
  },
  azurerm_monitor_diagnostic_setting: { role: 'copy', arm: 'Microsoft.Insights/diagnosticSettings' },
  azurerm_network_watcher_flow_log: { role: 'copy' },

  // --- Web apps.
  azurerm_linux_web_app: { role: 'compute', webApp: true, arm: 'Microsoft.Web/sites' },
  azurerm_windows_web_app: { role: 'compute', webApp: true, arm: 'Microsoft.Web/sites' },
  azurerm_linux_function_app: { role: 'compute', webApp: true, arm: 'Microsoft.Web/sites' },
  azurerm_windows_function_app: { role: 'compute', webApp: true, arm: 'Microsoft.Web/sites' },
  azurerm_kubernetes_cluster: { role: 'compute', arm: 'Microsoft.ContainerService/managedClusters' },

  // --- Global types. Allowed: they hold and process no patient data.
  azurerm_private_dns_zone: {
    global: 'always',
    globalAllowed: true,
    arm: 'Microsoft.Network/privateDnsZones',
  },
  azurerm_private_dns_zone_virtual_network_link: {
    global: 'always',
    globalAllowed: true,
    arm: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  },
  azurerm_private_dns_a_record: { global: 'always', globalAllowed: true },
  azurerm_private_dns_aaaa_record: { global: 'always', globalAllowed: true },
  azurerm_private_dns_cname_record: { global: 'always', globalAllowed: true },
  azurerm_private_dns_mx_record: { global: 'always', globalAllowed: true },
  azurerm_private_dns_ptr_record: { global: 'always', globalAllowed: true },
  azurerm_private_dns_srv_record: { global: 'always', globalAllowed: true },
  azurerm_private_dns_txt_record: { global: 'always', globalAllowed: true },
  azurerm_private_dns_resolver_dns_forwarding_ruleset: { globalAllowed: true },
  // The scope that groups Azure Monitor resources behind one private link: configuration, no data.
  azurerm_monitor_private_link_scope: { role: 'network', global: 'always', globalAllowed: true },
  azurerm_monitor_private_link_scoped_service: { role: 'network', global: 'always', globalAllowed: true },
  azurerm_monitor_metric_alert: {
    global: 'always',
    globalAllowed: true,
    arm: 'Microsoft.Insights/metricAlerts',
  },
  azurerm_monitor_smart_detector_alert_rule: {
    global: 'always',
    globalAllowed: true,
    arm: 'Microsoft.AlertsManagement/smartDetectorAlertRules',
  },
  azurerm_monitor_action_group: { global: 'by-default', arm: 'Microsoft.Insights/actionGroups' },
  azurerm_monitor_activity_log_alert: { global: 'by-default', arm: 'Microsoft.Insights/activityLogAlerts' },

  // --- Processing outside the region by SKU.
  azurerm_cognitive_deployment: {
    role: 'compute',
    arm: 'Microsoft.CognitiveServices/accounts/deployments',
    processing: {
      attribute: 'sku.name',
      // Standard and Provisioned deployments process prompts in the account's region; Global and Data
      // Zone ones route them to any region of the world or of the data zone.
      inRegion: ['Standard', 'ProvisionedManaged'],
    },
  },

  // --- Retired types still in the bindings.
  azurerm_postgresql_server: {
    role: 'data-store',
    store: true,
    arm: 'Microsoft.DBforPostgreSQL/servers',
    retired: {
      successor: 'azurerm_postgresql_flexible_server',
      reason: 'Azure Database for PostgreSQL single server was retired on 2025-03-28',
    },
  },
  azurerm_postgresql_database: {
    role: 'data-store',
    child: true,
    retired: {
      successor: 'azurerm_postgresql_flexible_server_database',
      reason: 'Azure Database for PostgreSQL single server was retired on 2025-03-28',
    },
  },
  azurerm_postgresql_server_key: {
    role: 'control-plane',
    keyAttachment: { owner: 'server_id', keys: ['key_vault_key_id'] },
    retired: {
      successor: 'azurerm_postgresql_flexible_server',
      reason: 'Azure Database for PostgreSQL single server was retired on 2025-03-28',
    },
  },
};

/**
 * Types that are not in the installed azurerm bindings but reach us anyway: plain Terraform and plans
 * written against older providers, and the other providers we allow. Attributes are not derived for them.
 */
export const EXTRA_TYPES: Readonly<Record<string, TypeDecision & { readonly location: 'own' | 'none' }>> = {
  // Removed from azurerm in 4.0 (`azurerm_sql_*`) and 3.0 (`azurerm_template_deployment`).
  azurerm_sql_server: {
    location: 'own',
    role: 'data-store',
    store: true,
    arm: 'Microsoft.Sql/servers',
    retired: { successor: 'azurerm_mssql_server', reason: 'azurerm_sql_server was removed in azurerm 4.0' },
  },
  azurerm_sql_database: {
    location: 'own',
    role: 'data-store',
    child: true,
    arm: 'Microsoft.Sql/servers/databases',
    retired: {
      successor: 'azurerm_mssql_database',
      reason: 'azurerm_sql_database was removed in azurerm 4.0',
    },
  },
  azurerm_sql_elasticpool: {
    location: 'own',
    role: 'data-store',
    retired: {
      successor: 'azurerm_mssql_elasticpool',
      reason: 'azurerm_sql_elasticpool was removed in azurerm 4.0',
    },
  },
  azurerm_sql_managed_instance: {
    location: 'own',
    role: 'data-store',
    retired: {
      successor: 'azurerm_mssql_managed_instance',
      reason: 'azurerm_sql_managed_instance was removed in azurerm 4.0',
    },
  },
  azurerm_sql_failover_group: {
    location: 'none',
    role: 'copy',
    retired: {
      successor: 'azurerm_mssql_failover_group',
      reason: 'azurerm_sql_failover_group was removed in azurerm 4.0',
    },
  },
  azurerm_sql_firewall_rule: {
    location: 'none',
    role: 'network',
    retired: {
      successor: 'azurerm_mssql_firewall_rule',
      reason: 'azurerm_sql_firewall_rule was removed in azurerm 4.0',
    },
  },
  azurerm_mysql_firewall_rule: {
    location: 'none',
    role: 'network',
    retired: {
      successor: 'azurerm_mysql_flexible_server_firewall_rule',
      reason: 'azurerm_mysql_firewall_rule (single server) was removed in azurerm 4.0',
    },
  },
  azurerm_mariadb_firewall_rule: {
    location: 'none',
    role: 'network',
    retired: {
      reason:
        'azurerm_mariadb_firewall_rule was removed in azurerm 4.0 (Azure Database for MariaDB is retired)',
    },
  },
  azurerm_sql_active_directory_administrator: {
    location: 'none',
    role: 'control-plane',
    retired: {
      successor: 'azurerm_mssql_server',
      reason: 'azurerm_sql_active_directory_administrator was removed in azurerm 4.0',
    },
  },
  azurerm_template_deployment: {
    location: 'none',
    role: 'deployment',
    retired: {
      successor: 'azurerm_resource_group_template_deployment',
      reason: 'azurerm_template_deployment was removed in azurerm 3.0; its template cannot be judged',
    },
  },
  // azapi creates any ARM type: what it holds is judged by the ARM type in its body.
  azapi_resource: { location: 'own', role: 'deployment' },
  azapi_update_resource: { location: 'none', role: 'deployment' },
  azapi_resource_action: { location: 'none', role: 'deployment' },
  azapi_data_plane_resource: { location: 'none', role: 'deployment' },
  // Entra ID objects: identities and groups, no patient data, no location.
  azuread_group: { location: 'none', role: 'control-plane' },
  // Conditional Access: who may sign in from where (the identity stack); configuration, no patient data.
  azuread_named_location: { location: 'none', role: 'control-plane' },
  azuread_conditional_access_policy: { location: 'none', role: 'control-plane' },
  azuread_directory_role_eligibility_schedule_request: { location: 'none', role: 'control-plane' },
  azuread_directory_role_assignment: { location: 'none', role: 'control-plane' },
  azuread_directory_role_member: { location: 'none', role: 'control-plane' },
  azuread_invitation: { location: 'none', role: 'control-plane' },
  azuread_user: { location: 'none', role: 'control-plane' },
  azuread_group_member: { location: 'none', role: 'control-plane' },
  azuread_application: { location: 'none', role: 'control-plane' },
  azuread_service_principal: { location: 'none', role: 'control-plane' },
  azuread_application_federated_identity_credential: { location: 'none', role: 'control-plane' },
};
