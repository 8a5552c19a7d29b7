/**
 * Data stores: the resource types that hold patient data and are reached over the network. Shared by
 * the exposure, private-endpoint, logging and loss-protection rules so they agree on what a store is.
 */
export const DATA_STORE_TYPES: readonly string[] = [
  'azurerm_storage_account',
  'azurerm_key_vault',
  'azurerm_mssql_server',
  'azurerm_postgresql_flexible_server',
  'azurerm_mysql_flexible_server',
  'azurerm_cosmosdb_account',
  'azurerm_container_registry',
  'azurerm_redis_cache',
];

/** Web applications: not stores, but they serve patient data and must not be public either. */
export const WEB_APP_TYPES: readonly string[] = [
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  'azurerm_linux_function_app',
  'azurerm_windows_function_app',
];

/** Servers that can be injected into a virtual network instead of using private endpoints. */
export const VNET_INJECTED_WITH: Readonly<Record<string, string>> = {
  azurerm_postgresql_flexible_server: 'delegated_subnet_id',
  azurerm_mysql_flexible_server: 'delegated_subnet_id',
};
