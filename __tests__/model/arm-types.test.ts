/** policies/model/arm-types.ts: the ARM type and name attributes of Terraform types, and the catalogue entry behind an ARM type. */
import { azureType } from '../../policies/azure/catalogue';
import { parseArmId } from '../../policies/model/arm-id';
import { ARM_TYPES, armTypeOf, azureTypeOfArm, type ArmTypeFact } from '../../policies/model/arm-types';

describe('armTypeOf', () => {
  test.each<[string, ArmTypeFact]>([
    // Child types recorded here: the id holds the parent's name, then the child's.
    [
      'azurerm_subnet',
      {
        armType: 'microsoft.network/virtualnetworks/subnets',
        nameAttributes: ['virtual_network_name', 'name'],
      },
    ],
    [
      'azurerm_eventhub',
      { armType: 'microsoft.eventhub/namespaces/eventhubs', nameAttributes: ['namespace_name', 'name'] },
    ],
    [
      'azurerm_backup_policy_vm',
      {
        armType: 'microsoft.recoveryservices/vaults/backuppolicies',
        nameAttributes: ['recovery_vault_name', 'name'],
      },
    ],
    // Top-level types the catalogue has no ARM type for.
    ['azurerm_virtual_network', { armType: 'microsoft.network/virtualnetworks', nameAttributes: ['name'] }],
    ['azurerm_public_ip', { armType: 'microsoft.network/publicipaddresses', nameAttributes: ['name'] }],
    [
      'azurerm_user_assigned_identity',
      { armType: 'microsoft.managedidentity/userassignedidentities', nameAttributes: ['name'] },
    ],
    // Two Terraform types for one ARM type.
    [
      'azurerm_linux_virtual_machine',
      { armType: 'microsoft.compute/virtualmachines', nameAttributes: ['name'] },
    ],
    [
      'azurerm_windows_virtual_machine',
      { armType: 'microsoft.compute/virtualmachines', nameAttributes: ['name'] },
    ],
    // Top-level types from the catalogue's `arm`, lower-cased.
    ['azurerm_storage_account', { armType: 'microsoft.storage/storageaccounts', nameAttributes: ['name'] }],
    ['azurerm_key_vault', { armType: 'microsoft.keyvault/vaults', nameAttributes: ['name'] }],
    ['azurerm_resource_group', { armType: 'microsoft.resources/resourcegroups', nameAttributes: ['name'] }],
    ['azurerm_mssql_server', { armType: 'microsoft.sql/servers', nameAttributes: ['name'] }],
    [
      'azurerm_monitor_diagnostic_setting',
      { armType: 'microsoft.insights/diagnosticsettings', nameAttributes: ['name'] },
    ],
  ])('%s is %j', (type, expected) => {
    expect(armTypeOf(type)).toEqual(expected);
  });

  test.each([
    // The catalogue's child types name their parent by id: they are matched by ancestor, not by name.
    ['a catalogue child type (Key Vault key)', 'azurerm_key_vault_key'],
    ['a catalogue child type (storage container)', 'azurerm_storage_container'],
    ['a catalogue type with no ARM type', 'azurerm_role_assignment'],
    ['a type nobody knows', 'azurerm_not_a_type'],
    ['another provider type', 'aws_s3_bucket'],
    ['a known type in upper case', 'AZURERM_SUBNET'],
    ['the empty string', ''],
    // Names every object inherits: a type of the input may be called anything.
    ['an inherited constructor', 'constructor'],
    ['an inherited method', 'toString'],
    ['another inherited method', 'hasOwnProperty'],
    ['the prototype accessor', '__proto__'],
  ])('is undefined for %s: %j', (_what, type) => {
    expect(armTypeOf(type)).toBeUndefined();
  });

  test("answers every type of its own table with that table's fact, before the catalogue", () => {
    for (const [type, fact] of Object.entries(ARM_TYPES)) expect(armTypeOf(type)).toBe(fact);
  });

  test('keeps every ARM type of its own table lower-cased and ending in the name attribute', () => {
    for (const fact of Object.values(ARM_TYPES)) {
      expect(fact.armType).toBe(fact.armType.toLowerCase());
      expect(fact.nameAttributes.at(-1)).toBe('name');
      expect(fact.nameAttributes).toHaveLength(fact.armType.split('/').length - 1);
    }
  });
});

describe('azureTypeOfArm', () => {
  test.each([
    ['microsoft.storage/storageaccounts', 'azurerm_storage_account'],
    ['Microsoft.Storage/storageAccounts', 'azurerm_storage_account'],
    ['MICROSOFT.KEYVAULT/VAULTS', 'azurerm_key_vault'],
    ['microsoft.resources/resourcegroups', 'azurerm_resource_group'],
    ['microsoft.network/virtualnetworks', 'azurerm_virtual_network'],
    // Child types of its own table.
    ['microsoft.network/virtualnetworks/subnets', 'azurerm_subnet'],
    ['Microsoft.Network/virtualNetworks/subnets', 'azurerm_subnet'],
    ['microsoft.sql/servers/databases', 'azurerm_mssql_database'],
    ['microsoft.insights/diagnosticsettings', 'azurerm_monitor_diagnostic_setting'],
    // Shared by several types: the first in the catalogue's order answers.
    ['microsoft.compute/virtualmachines', 'azurerm_linux_virtual_machine'],
    ['microsoft.sql/servers', 'azurerm_mssql_server'],
    ['microsoft.web/sites', 'azurerm_linux_function_app'],
  ])('%s is the entry of %s', (armType, type) => {
    expect(azureType(type)).not.toBeUndefined();
    expect(azureTypeOfArm(armType)).toBe(azureType(type));
  });

  test.each([
    ['a catalogue child type known only by ancestor', 'microsoft.keyvault/vaults/keys'],
    ['a deeper catalogue child type', 'microsoft.storage/storageaccounts/blobservices/containers'],
    ['a namespace alone', 'microsoft.storage'],
    ['a type with a trailing slash', 'microsoft.storage/storageaccounts/'],
    ['a type after whitespace', ' microsoft.storage/storageaccounts'],
    ['a subscription', 'microsoft.resources/subscriptions'],
    ['an ARM type no Terraform type stands behind', 'microsoft.example/widgets'],
    ['the empty string', ''],
    ['an inherited constructor', 'constructor'],
    ['the prototype accessor', '__proto__'],
  ])('is undefined for %s: %j', (_what, armType) => {
    expect(azureTypeOfArm(armType)).toBeUndefined();
  });

  test('names the Terraform type behind a parsed ARM id, as the replication rule reads an external id', () => {
    const subnet = parseArmId(
      '/subscriptions/sub-1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/app',
    );
    expect(subnet?.armType).toBe('microsoft.network/virtualnetworks/subnets');
    expect(azureTypeOfArm(subnet!.armType)).toBe(azureType('azurerm_subnet'));
    expect(azureTypeOfArm(subnet!.armType)?.role).toBe('network');
  });
});
