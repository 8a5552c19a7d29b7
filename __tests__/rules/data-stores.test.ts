/** policies/rules/data-stores.ts: the stores, web apps, public-access types and VNet-injected servers the exposure rules share. */
import { azureType } from '../../policies/azure/catalogue';
import {
  DATA_STORE_TYPES,
  PUBLIC_ACCESS_TYPES,
  VNET_INJECTED_WITH,
  WEB_APP_TYPES,
} from '../../policies/rules/data-stores';
import { isDataBearing } from '../../policies/rules/data-bearing';

describe('DATA_STORE_TYPES', () => {
  it('is exactly the types decided as network-reached stores, retired and removed ones included, sorted', () => {
    expect(DATA_STORE_TYPES).toEqual([
      'azurerm_container_registry',
      'azurerm_cosmosdb_account',
      'azurerm_eventhub_namespace',
      'azurerm_key_vault',
      'azurerm_mssql_server',
      'azurerm_mysql_flexible_server',
      'azurerm_postgresql_flexible_server',
      'azurerm_postgresql_server',
      'azurerm_redis_cache',
      'azurerm_servicebus_namespace',
      'azurerm_sql_server',
      'azurerm_storage_account',
    ]);
  });

  it.each([
    ['azurerm_storage_container', 'a child, reached through its account'],
    ['azurerm_mssql_database', 'a child, reached through its server'],
    ['azurerm_managed_disk', 'data-bearing, but not reached over the network as a store'],
    ['azurerm_log_analytics_workspace', 'a log destination'],
    ['azurerm_linux_web_app', 'a web app'],
    ['azurerm_bot_service_azure_bot', 'unclassified'],
  ])('leaves out %s (%s)', (type) => {
    expect(DATA_STORE_TYPES).not.toContain(type);
  });

  it('every store is data-bearing', () => {
    expect(DATA_STORE_TYPES.filter((t) => !isDataBearing(t))).toEqual([]);
  });
});

describe('WEB_APP_TYPES', () => {
  it('is exactly the Linux and Windows web and function apps', () => {
    expect(WEB_APP_TYPES).toEqual([
      'azurerm_linux_function_app',
      'azurerm_linux_web_app',
      'azurerm_windows_function_app',
      'azurerm_windows_web_app',
    ]);
  });

  it('no web app is a store: they serve patient data but do not hold it', () => {
    expect(WEB_APP_TYPES.filter((t) => DATA_STORE_TYPES.includes(t))).toEqual([]);
    expect(WEB_APP_TYPES.filter((t) => isDataBearing(t))).toEqual([]);
  });
});

describe('PUBLIC_ACCESS_TYPES', () => {
  it('holds every store and every web app', () => {
    expect([...DATA_STORE_TYPES, ...WEB_APP_TYPES].filter((t) => !PUBLIC_ACCESS_TYPES.includes(t))).toEqual(
      [],
    );
  });

  it.each([
    ['azurerm_managed_disk', 'a data store decided by name with public_network_access_enabled'],
    ['azurerm_search_service', 'a data store decided by name with public_network_access_enabled'],
    ['azurerm_key_vault_managed_hardware_security_module', 'a key store with public_network_access_enabled'],
    ['azurerm_recovery_services_vault', 'a backup store with public_network_access_enabled'],
    ['azurerm_monitor_workspace', 'a log destination with public_network_access_enabled'],
  ])('holds %s (%s)', (type) => {
    expect(PUBLIC_ACCESS_TYPES).toContain(type);
  });

  it.each([
    ['azurerm_databricks_workspace', 'compute, though it has public_network_access_enabled'],
    ['azurerm_api_management', 'compute, though it has public_network_access_enabled'],
    ['azurerm_cosmosdb_postgresql_cluster', 'a data store without public_network_access_enabled'],
    ['azurerm_storage_container', 'a child without the argument'],
    ['azurerm_subnet', 'network'],
  ])('leaves out %s (%s)', (type) => {
    expect(PUBLIC_ACCESS_TYPES).not.toContain(type);
  });

  it('every type beyond the stores and web apps has the argument and holds data by name', () => {
    const others = PUBLIC_ACCESS_TYPES.filter(
      (t) => !DATA_STORE_TYPES.includes(t) && !WEB_APP_TYPES.includes(t),
    );
    const unfounded = others.filter((t) => {
      const entry = azureType(t);
      return !(entry?.publicNetworkAccess === true && entry.decided === 'type' && isDataBearing(t));
    });
    expect(unfounded).toEqual([]);
  });

  it('is sorted and has each type once', () => {
    expect([...PUBLIC_ACCESS_TYPES].sort()).toEqual(PUBLIC_ACCESS_TYPES);
    expect(new Set(PUBLIC_ACCESS_TYPES).size).toBe(PUBLIC_ACCESS_TYPES.length);
  });
});

describe('VNET_INJECTED_WITH', () => {
  it('maps exactly the PostgreSQL and MySQL flexible servers to their delegated subnet attribute', () => {
    expect(VNET_INJECTED_WITH).toEqual({
      azurerm_mysql_flexible_server: 'delegated_subnet_id',
      azurerm_postgresql_flexible_server: 'delegated_subnet_id',
    });
  });

  it('has no entry for a server that cannot be injected, or a type nobody knows', () => {
    for (const type of ['azurerm_mssql_server', 'azurerm_storage_account', 'azurerm_not_yet_invented'])
      expect(Object.hasOwn(VNET_INJECTED_WITH, type)).toBe(false);
  });

  it('every injectable server is a store that must otherwise switch off public access', () => {
    const types = Object.keys(VNET_INJECTED_WITH);
    expect(types.filter((t) => !DATA_STORE_TYPES.includes(t) || !PUBLIC_ACCESS_TYPES.includes(t))).toEqual(
      [],
    );
  });
});
