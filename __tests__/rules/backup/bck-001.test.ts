/** The valid and invalid cases of BCK-001 (`policies/rules/backup/bck-001-backup-vaults.ts`). */
import { BCK_001 } from '../../../policies/rules/backup/bck-001-backup-vaults';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const DPV = {
  location: 'norwayeast',
  datastore_type: 'VaultStore',
  redundancy: 'GeoRedundant',
  soft_delete: 'On',
  immutability: 'Unlocked',
};

ruleTester(BCK_001, {
  valid: [
    {
      name: 'Data Protection and Recovery Services vaults with soft delete and immutability',
      synth: tf({
        'azurerm_data_protection_backup_vault.v': DPV,
        'azurerm_recovery_services_vault.r': { location: 'norwayeast', immutability: 'Locked' },
      }),
      plan: plan([
        { at: 'azurerm_data_protection_backup_vault.v', values: { ...DPV, soft_delete: 'AlwaysOn' } },
        {
          at: 'azurerm_recovery_services_vault.r',
          values: { storage_mode_type: 'ZoneRedundant', soft_delete_enabled: true, immutability: 'Unlocked' },
        },
      ]),
      hcl: `
resource "azurerm_data_protection_backup_vault" "v" {
  location = "norwayeast"
  datastore_type = "VaultStore"
  redundancy = "GeoRedundant"
  soft_delete = "On"
  immutability = "Unlocked"
}

resource "azurerm_recovery_services_vault" "r" {
  location = "norwayeast"
  immutability = "Locked"
}
`,
    },
    {
      name: 'locally redundant vault with soft delete at its default (On); an existing vault read as a data source is not checked',
      synth: tf({
        'azurerm_data_protection_backup_vault.lrs': {
          location: 'norwayeast',
          datastore_type: 'VaultStore',
          redundancy: 'LocallyRedundant',
          immutability: 'Locked',
        },
        'data.azurerm_recovery_services_vault.existing': { name: 'rsv-shared', resource_group_name: 'rg' },
      }),
      plan: plan([
        {
          at: 'azurerm_data_protection_backup_vault.lrs',
          values: { ...DPV, redundancy: 'LocallyRedundant' },
        },
        { at: 'data.azurerm_recovery_services_vault.existing', values: { name: 'rsv-shared' } },
      ]),
    },
  ],
  invalid: [
    {
      name: 'soft delete off, immutability left at Disabled',
      messages: [
        'soft_delete is "Off" (expected "On" or "AlwaysOn").',
        'immutability is not set, and the provider default is "Disabled" (expected "Unlocked" or "Locked").',
        'soft_delete_enabled is false.',
      ],
      synth: tf({
        'azurerm_data_protection_backup_vault.v': { ...DPV, soft_delete: 'Off' },
        'azurerm_recovery_services_vault.r': {
          location: 'norwayeast',
          soft_delete_enabled: false,
          immutability: 'Locked',
        },
        'azurerm_recovery_services_vault.i': { location: 'norwayeast' },
      }),
      plan: plan([
        {
          at: 'module.bk.azurerm_data_protection_backup_vault.v',
          index: 0,
          values: { ...DPV, immutability: 'Disabled' },
        },
      ]),
      hcl: `
resource "azurerm_data_protection_backup_vault" "v" {
  location = "norwayeast"
  datastore_type = "VaultStore"
  redundancy = "GeoRedundant"
  soft_delete = "Off"
  immutability = "Unlocked"
}

resource "azurerm_recovery_services_vault" "r" {
  location = "norwayeast"
  soft_delete_enabled = false
  immutability = "Locked"
}

resource "azurerm_recovery_services_vault" "i" {
  location = "norwayeast"
}
`,
      errors: [
        ['BCK-001', 'azurerm_data_protection_backup_vault.v'],
        ['BCK-001', 'azurerm_recovery_services_vault.i'],
        ['BCK-001', 'azurerm_recovery_services_vault.r'],
      ],
      planErrors: [['BCK-001', 'module.bk.azurerm_data_protection_backup_vault.v[0]']],
    },
  ],
});
