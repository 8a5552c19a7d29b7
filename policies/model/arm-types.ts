/**
 * Which ARM resource type stands behind a Terraform type, and which attributes spell its name in an id
 * (a subnet's id holds its network's name, then its own): the Azure catalogue's `arm` for top-level
 * types, and here what the catalogue does not record (child types' name attributes, types it has no
 * ARM type for). A type known to neither is matched by its exact id only.
 */
import { azureType, CATALOGUE_RESOURCE_TYPES, type AzureType } from '../azure/catalogue';
import { ownEntry } from './values';

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
  azurerm_eventhub: child('Microsoft.EventHub/namespaces/eventhubs', 'namespace_name'),
  azurerm_virtual_network: top('Microsoft.Network/virtualNetworks'),
  azurerm_subnet: child('Microsoft.Network/virtualNetworks/subnets', 'virtual_network_name'),
  azurerm_network_security_group: top('Microsoft.Network/networkSecurityGroups'),
  azurerm_route_table: top('Microsoft.Network/routeTables'),
  azurerm_public_ip: top('Microsoft.Network/publicIPAddresses'),
  azurerm_network_interface: top('Microsoft.Network/networkInterfaces'),
  azurerm_private_endpoint: top('Microsoft.Network/privateEndpoints'),
  azurerm_firewall: top('Microsoft.Network/azureFirewalls'),
  azurerm_firewall_policy: top('Microsoft.Network/firewallPolicies'),
  azurerm_nat_gateway: top('Microsoft.Network/natGateways'),
  azurerm_bastion_host: top('Microsoft.Network/bastionHosts'),
  azurerm_application_gateway: top('Microsoft.Network/applicationGateways'),
  azurerm_user_assigned_identity: top('Microsoft.ManagedIdentity/userAssignedIdentities'),
  azurerm_linux_virtual_machine: top('Microsoft.Compute/virtualMachines'),
  azurerm_windows_virtual_machine: top('Microsoft.Compute/virtualMachines'),
  azurerm_linux_virtual_machine_scale_set: top('Microsoft.Compute/virtualMachineScaleSets'),
  azurerm_windows_virtual_machine_scale_set: top('Microsoft.Compute/virtualMachineScaleSets'),
  azurerm_backup_policy_vm: child('Microsoft.RecoveryServices/vaults/backupPolicies', 'recovery_vault_name'),
  azurerm_mssql_database: child('Microsoft.Sql/servers/databases', 'server_name'),
  azurerm_service_plan: top('Microsoft.Web/serverfarms'),
  azurerm_container_app_environment: top('Microsoft.App/managedEnvironments'),
};

/**
 * The ARM type and name attributes of a Terraform type, or undefined when neither source knows it (a
 * type from the input named like something every object inherits, `constructor`, included).
 */
export function armTypeOf(type: string): ArmTypeFact | undefined {
  const own = ownEntry(ARM_TYPES, type);
  if (own) return own;
  const arm = azureType(type)?.arm;
  // A child type in the catalogue (`…/vaults/keys`) names its parent by id, not by name: matched by ancestor.
  return arm && arm.split('/').length === 2 ? top(arm) : undefined;
}

let BY_ARM: Map<string, AzureType> | undefined;

/** The catalogue entry of the Terraform type behind an ARM type (`microsoft.network/virtualnetworks/subnets`). */
export function azureTypeOfArm(armType: string): AzureType | undefined {
  if (!BY_ARM) {
    BY_ARM = new Map();
    for (const type of CATALOGUE_RESOURCE_TYPES) {
      const fact = armTypeOf(type);
      const entry = azureType(type);
      if (fact && entry && !BY_ARM.has(fact.armType)) BY_ARM.set(fact.armType, entry);
    }
  }
  return BY_ARM.get(armType.toLowerCase());
}
