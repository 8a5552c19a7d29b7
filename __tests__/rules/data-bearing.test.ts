/** policies/rules/data-bearing.ts: which types hold patient data, which of them live inside another, and the fail-closed answer for the rest. */
import { azureType } from '../../policies/azure/catalogue';
import {
  DATA_BEARING_CHILD_TYPES,
  DATA_BEARING_TYPES,
  isDataBearing,
} from '../../policies/rules/data-bearing';

describe('DATA_BEARING_TYPES', () => {
  it.each([
    ['azurerm_storage_account', 'a data store'],
    ['azurerm_mssql_server', 'a data store'],
    ['azurerm_key_vault', 'a key store'],
    ['azurerm_key_vault_secret', 'a key store inside a vault'],
    ['azurerm_recovery_services_vault', 'a backup store'],
    ['azurerm_data_protection_backup_vault', 'a backup store'],
    ['azurerm_log_analytics_workspace', 'a log destination'],
    ['azurerm_application_insights', 'a log destination'],
    ['azurerm_storage_container', 'a store inside an account'],
    ['azurerm_mssql_database', 'a store inside a server'],
    ['azurerm_cosmosdb_sql_container', 'a Cosmos DB child decided by name'],
    ['azurerm_sql_server', 'a removed type still decided by hand'],
    ['azurerm_postgresql_server', 'a retired store'],
  ])('holds %s (%s)', (type) => {
    expect(DATA_BEARING_TYPES.has(type)).toBe(true);
  });

  it.each([
    ['azurerm_subnet', 'network, decided by family'],
    ['azurerm_resource_group', 'control plane, decided by name'],
    ['azurerm_storage_encryption_scope', 'control plane inside a store'],
    ['azurerm_linux_web_app', 'compute that serves data but holds none'],
    ['azurerm_storage_object_replication', 'a copy route, not a store'],
    ['azurerm_monitor_diagnostic_setting', 'a log route, not a destination'],
    ['azuread_group', 'an Entra ID object'],
    ['azurerm_cosmosdb_sql_stored_procedure', 'data-bearing by family only: not decided by name'],
    ['azurerm_netapp_account', 'data-bearing by family only: not decided by name'],
    ['azurerm_bot_service_azure_bot', 'unclassified: data-bearing, but not decided'],
    ['azurerm_not_yet_invented', 'unknown to the catalogue'],
    ['random_string', 'another provider'],
    ['', 'the empty string'],
  ])('leaves out %j (%s)', (type) => {
    expect(DATA_BEARING_TYPES.has(type)).toBe(false);
  });

  it('holds only types the catalogue decided by name', () => {
    const notByName = [...DATA_BEARING_TYPES].filter((t) => azureType(t)?.decided !== 'type');
    expect(notByName).toEqual([]);
  });

  it('holds only types isDataBearing agrees are data-bearing', () => {
    expect([...DATA_BEARING_TYPES].filter((t) => !isDataBearing(t))).toEqual([]);
  });
});

describe('DATA_BEARING_CHILD_TYPES', () => {
  it.each([
    ['azurerm_storage_container', 'in a storage account'],
    ['azurerm_storage_blob', 'in a container'],
    ['azurerm_mssql_database', 'in a server'],
    ['azurerm_key_vault_secret', 'in a key vault'],
    ['azurerm_key_vault_certificate', 'in a key vault'],
    ['azurerm_cosmosdb_sql_database', 'in a Cosmos DB account'],
    ['azurerm_servicebus_queue', 'in a namespace'],
    ['azurerm_sql_database', 'a removed type, in its server'],
  ])('holds %s (%s): the lock on the parent covers it', (type) => {
    expect(DATA_BEARING_CHILD_TYPES.has(type)).toBe(true);
  });

  it.each([
    ['azurerm_storage_account', 'a top-level store needs its own protection'],
    ['azurerm_mssql_server', 'a top-level store needs its own protection'],
    ['azurerm_key_vault', 'a top-level key store'],
    ['azurerm_recovery_services_vault', 'a top-level backup store'],
    ['azurerm_log_analytics_workspace', 'a top-level log destination'],
    ['azurerm_eventhub_namespace_authorization_rule', 'lives in a namespace, but is control plane'],
    ['azurerm_not_yet_invented', 'unknown to the catalogue'],
    ['', 'the empty string'],
  ])('leaves out %s (%s)', (type) => {
    expect(DATA_BEARING_CHILD_TYPES.has(type)).toBe(false);
  });

  it('every child is also data-bearing by name, so deletion protection is asked of its parent only', () => {
    expect([...DATA_BEARING_CHILD_TYPES].filter((t) => !DATA_BEARING_TYPES.has(t))).toEqual([]);
  });
});

describe('isDataBearing', () => {
  it.each([
    ['azurerm_storage_account', 'a data store decided by name'],
    ['azurerm_storage_container', 'a child store'],
    ['azurerm_key_vault_key', 'a key store'],
    ['azurerm_recovery_services_vault', 'a backup store'],
    ['azurerm_log_analytics_workspace', 'a log destination'],
    ['azurerm_cosmosdb_sql_stored_procedure', 'a data store decided by family'],
    ['azurerm_key_vault_certificate_issuer', 'a key store decided by family'],
    ['azurerm_bot_service_azure_bot', 'unclassified: fail closed'],
    ['azurerm_not_yet_invented', 'an azurerm type the catalogue has never heard of: fail closed'],
    ['azapi_not_yet_invented', 'an unknown azapi type: fail closed'],
    ['azuread_not_yet_invented', 'an unknown azuread type: fail closed'],
  ])('%s loses data when deleted (%s)', (type) => {
    expect(isDataBearing(type)).toBe(true);
  });

  it.each([
    ['azurerm_subnet', 'network'],
    ['azurerm_role_assignment', 'control plane'],
    ['azurerm_linux_web_app', 'compute'],
    ['azurerm_kubernetes_cluster', 'compute'],
    ['azurerm_storage_object_replication', 'a copy route'],
    ['azurerm_resource_group_template_deployment', 'a deployment'],
    ['azapi_resource', 'a deployment, judged by its body elsewhere'],
    ['azuread_group', 'an Entra ID object'],
    ['random_string', 'another provider, not Azure to judge here'],
    ['null_resource', 'another provider'],
    ['', 'the empty string'],
  ])('%j loses no data when deleted (%s)', (type) => {
    expect(isDataBearing(type)).toBe(false);
  });
});
