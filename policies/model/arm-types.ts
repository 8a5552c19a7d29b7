/**
 * Which ARM resource type stands behind a Terraform type, and which attributes spell its name in an id
 * (a subnet's id holds its network's name, then its own). Only what resolving an id through the estate
 * needs; a type missing here is matched by its exact id only.
 */

export interface ArmTypeFact {
  /** Lower-cased ARM type, children joined: `microsoft.network/virtualnetworks/subnets`. */
  readonly armType: string;
  /** Attributes whose values are the id's names, outermost first. */
  readonly nameAttributes: readonly string[];
}

const top = (armType: string): ArmTypeFact => ({ armType: armType.toLowerCase(), nameAttributes: ['name'] });
const child = (armType: string, parentName: string): ArmTypeFact => ({
  armType: armType.toLowerCase(),
  nameAttributes: [parentName, 'name'],
});

export const ARM_TYPES: Readonly<Record<string, ArmTypeFact>> = {
  azurerm_resource_group: top('Microsoft.Resources/resourceGroups'),
  azurerm_storage_account: top('Microsoft.Storage/storageAccounts'),
  azurerm_key_vault: top('Microsoft.KeyVault/vaults'),
  azurerm_key_vault_managed_hardware_security_module: top('Microsoft.KeyVault/managedHSMs'),
  azurerm_log_analytics_workspace: top('Microsoft.OperationalInsights/workspaces'),
  azurerm_application_insights: top('Microsoft.Insights/components'),
  azurerm_eventhub_namespace: top('Microsoft.EventHub/namespaces'),
  azurerm_eventhub: child('Microsoft.EventHub/namespaces/eventhubs', 'namespace_name'),
  azurerm_servicebus_namespace: top('Microsoft.ServiceBus/namespaces'),
  azurerm_virtual_network: top('Microsoft.Network/virtualNetworks'),
  azurerm_subnet: child('Microsoft.Network/virtualNetworks/subnets', 'virtual_network_name'),
  azurerm_network_security_group: top('Microsoft.Network/networkSecurityGroups'),
  azurerm_route_table: top('Microsoft.Network/routeTables'),
  azurerm_public_ip: top('Microsoft.Network/publicIPAddresses'),
  azurerm_network_interface: top('Microsoft.Network/networkInterfaces'),
  azurerm_private_endpoint: top('Microsoft.Network/privateEndpoints'),
  azurerm_private_dns_zone: top('Microsoft.Network/privateDnsZones'),
  azurerm_firewall: top('Microsoft.Network/azureFirewalls'),
  azurerm_firewall_policy: top('Microsoft.Network/firewallPolicies'),
  azurerm_nat_gateway: top('Microsoft.Network/natGateways'),
  azurerm_bastion_host: top('Microsoft.Network/bastionHosts'),
  azurerm_application_gateway: top('Microsoft.Network/applicationGateways'),
  azurerm_user_assigned_identity: top('Microsoft.ManagedIdentity/userAssignedIdentities'),
  azurerm_disk_encryption_set: top('Microsoft.Compute/diskEncryptionSets'),
  azurerm_managed_disk: top('Microsoft.Compute/disks'),
  azurerm_linux_virtual_machine: top('Microsoft.Compute/virtualMachines'),
  azurerm_windows_virtual_machine: top('Microsoft.Compute/virtualMachines'),
  azurerm_linux_virtual_machine_scale_set: top('Microsoft.Compute/virtualMachineScaleSets'),
  azurerm_windows_virtual_machine_scale_set: top('Microsoft.Compute/virtualMachineScaleSets'),
  azurerm_recovery_services_vault: top('Microsoft.RecoveryServices/vaults'),
  azurerm_backup_policy_vm: child('Microsoft.RecoveryServices/vaults/backupPolicies', 'recovery_vault_name'),
  azurerm_data_protection_backup_vault: top('Microsoft.DataProtection/backupVaults'),
  azurerm_mssql_server: top('Microsoft.Sql/servers'),
  azurerm_mssql_database: child('Microsoft.Sql/servers/databases', 'server_name'),
  azurerm_postgresql_flexible_server: top('Microsoft.DBforPostgreSQL/flexibleServers'),
  azurerm_mysql_flexible_server: top('Microsoft.DBforMySQL/flexibleServers'),
  azurerm_cosmosdb_account: top('Microsoft.DocumentDB/databaseAccounts'),
  azurerm_kubernetes_cluster: top('Microsoft.ContainerService/managedClusters'),
  azurerm_container_registry: top('Microsoft.ContainerRegistry/registries'),
  azurerm_service_plan: top('Microsoft.Web/serverfarms'),
  azurerm_linux_web_app: top('Microsoft.Web/sites'),
  azurerm_windows_web_app: top('Microsoft.Web/sites'),
  azurerm_linux_function_app: top('Microsoft.Web/sites'),
  azurerm_container_app_environment: top('Microsoft.App/managedEnvironments'),
  azurerm_container_app: top('Microsoft.App/containerApps'),
  azurerm_redis_cache: top('Microsoft.Cache/redis'),
  azurerm_healthcare_workspace: top('Microsoft.HealthcareApis/workspaces'),
};
