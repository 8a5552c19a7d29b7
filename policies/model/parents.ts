/**
 * How a resource without a location of its own finds the parent it lives in: the attribute that points
 * at the parent (an id or a name reference; both resolve to the parent resource). A Terraform type named
 * here uses its own attribute; any other type the first of the common parent attributes it sets.
 */

export const PARENT_ATTRIBUTE: Readonly<Record<string, string>> = {
  azurerm_mssql_database: 'server_id',
  azurerm_postgresql_flexible_server_database: 'server_id',
  azurerm_mysql_flexible_database: 'server_id',
  azurerm_storage_container: 'storage_account_id',
  azurerm_storage_share: 'storage_account_id',
  azurerm_storage_data_lake_gen2_filesystem: 'storage_account_id',
  azurerm_key_vault_key: 'key_vault_id',
  azurerm_key_vault_secret: 'key_vault_id',
  azurerm_eventhub: 'namespace_id',
  azurerm_eventhub_namespace_authorization_rule: 'namespace_name',
  azurerm_eventhub_authorization_rule: 'namespace_name',
  azurerm_servicebus_queue: 'namespace_id',
  azurerm_servicebus_topic: 'namespace_id',
  azurerm_kubernetes_cluster_node_pool: 'kubernetes_cluster_id',
};

/** Attributes that point at the parent of a resource without its own location, in order of preference. */
export const PARENT_ATTRIBUTES: readonly string[] = [
  'storage_account_id',
  'storage_account_name',
  'server_id',
  'key_vault_id',
  'namespace_id',
  'primary_namespace_id',
  'account_id',
  'vault_id',
  'workspace_id',
  'managed_hsm_id',
];
