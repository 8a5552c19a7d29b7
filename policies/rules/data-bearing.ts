/**
 * Resource types that hold patient data or its copies. Used by the rules that protect data from loss
 * (BCK-002, CHG-001), by the residency map in reports, and by anyone asking "does losing this lose data?".
 */
export const DATA_BEARING_TYPES: ReadonlySet<string> = new Set([
  'azurerm_storage_account',
  'azurerm_storage_container',
  'azurerm_storage_share',
  'azurerm_storage_table',
  'azurerm_storage_queue',
  'azurerm_storage_data_lake_gen2_filesystem',
  'azurerm_managed_disk',
  'azurerm_snapshot',
  'azurerm_mssql_server',
  'azurerm_mssql_database',
  'azurerm_mssql_managed_instance',
  'azurerm_mssql_managed_database',
  'azurerm_postgresql_flexible_server',
  'azurerm_postgresql_flexible_server_database',
  'azurerm_mysql_flexible_server',
  'azurerm_mysql_flexible_database',
  'azurerm_cosmosdb_account',
  'azurerm_cosmosdb_sql_database',
  'azurerm_cosmosdb_sql_container',
  'azurerm_cosmosdb_mongo_database',
  'azurerm_cosmosdb_mongo_collection',
  'azurerm_cosmosdb_table',
  'azurerm_redis_cache',
  'azurerm_key_vault',
  'azurerm_key_vault_key',
  'azurerm_key_vault_managed_hardware_security_module',
  'azurerm_recovery_services_vault',
  'azurerm_data_protection_backup_vault',
  'azurerm_log_analytics_workspace',
  'azurerm_container_registry',
  'azurerm_eventhub_namespace',
  'azurerm_servicebus_namespace',
  'azurerm_healthcare_workspace',
  'azurerm_healthcare_fhir_service',
  'azurerm_healthcare_dicom_service',
]);

/**
 * Data-bearing types that live inside another data-bearing resource: a lock on the parent (or its
 * resource group) covers them, so deletion protection is required on the parent, not on each child.
 */
export const DATA_BEARING_CHILD_TYPES: ReadonlySet<string> = new Set([
  'azurerm_storage_container',
  'azurerm_storage_share',
  'azurerm_storage_table',
  'azurerm_storage_queue',
  'azurerm_storage_data_lake_gen2_filesystem',
  'azurerm_mssql_database',
  'azurerm_mssql_managed_database',
  'azurerm_postgresql_flexible_server_database',
  'azurerm_mysql_flexible_database',
  'azurerm_cosmosdb_sql_database',
  'azurerm_cosmosdb_sql_container',
  'azurerm_cosmosdb_mongo_database',
  'azurerm_cosmosdb_mongo_collection',
  'azurerm_cosmosdb_table',
  'azurerm_key_vault_key',
  'azurerm_healthcare_fhir_service',
  'azurerm_healthcare_dicom_service',
]);

export function isDataBearing(type: string): boolean {
  return DATA_BEARING_TYPES.has(type);
}
