/** The valid and invalid cases of BCK-002 (`policies/rules/backup/bck-002-deletion-protection.ts`). */
import { BCK_002 } from '../../../policies/rules/backup/bck-002-deletion-protection';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const RG = { name: 'rg-data', location: 'norwayeast' };

const KEEP = { lifecycle: { prevent_destroy: true } };

ruleTester(BCK_002, {
  valid: [
    {
      name: 'a lock on the store itself, and a lock on the resource group of another store; both prevent_destroy',
      synth: tf({
        'azurerm_resource_group.rg': RG,
        'azurerm_storage_account.sa': { ...KEEP, resource_group_name: '${azurerm_resource_group.rg.name}' },
        'azurerm_key_vault.kv': { ...KEEP, resource_group_name: 'other' },
        'azurerm_management_lock.rg': {
          scope: '${azurerm_resource_group.rg.id}',
          lock_level: 'CanNotDelete',
          name: 'keep',
        },
        'azurerm_management_lock.kv': {
          scope: '${azurerm_key_vault.kv.id}',
          lock_level: 'CanNotDelete',
          name: 'keep',
        },
      }),
      plan: plan([
        { at: 'azurerm_resource_group.rg', values: RG },
        { at: 'module.st.azurerm_storage_account.sa', index: 0, values: { resource_group_name: 'rg-data' } },
        {
          at: 'azurerm_management_lock.rg',
          values: { lock_level: 'CanNotDelete' },
          unknown: { scope: true },
          references: { scope: ['azurerm_resource_group.rg.id', 'azurerm_resource_group.rg'] },
        },
      ]),
    },
    {
      name: 'a lock on a resource group whose name is only known at apply, holding the store by reference',
      synth: tf(
        {
          'azurerm_resource_group.rg': { name: '${var.rg_name}', location: 'norwayeast' },
          'azurerm_storage_account.sa': { ...KEEP, resource_group_name: '${azurerm_resource_group.rg.name}' },
          'azurerm_management_lock.rg': {
            name: 'keep',
            scope: '${azurerm_resource_group.rg.id}',
            lock_level: 'CanNotDelete',
          },
        },
        { variable: { rg_name: { type: 'string' } } },
      ),
    },
    {
      name: 'a literal resource-group scope',
      synth: tf({
        'azurerm_storage_account.sa': { ...KEEP, resource_group_name: 'rg-data' },
        'azurerm_management_lock.l': {
          scope: '/subscriptions/s/resourceGroups/rg-data',
          lock_level: 'CanNotDelete',
        },
      }),
    },
    {
      name: 'a literal resource-group id with a subscription GUID and a trailing slash',
      synth: tf({
        'azurerm_storage_account.sa': { ...KEEP, resource_group_name: 'rg-data' },
        'azurerm_management_lock.l': {
          name: 'keep',
          scope: '/subscriptions/8f2c1d3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f/resourceGroups/RG-Data/',
          lock_level: 'CanNotDelete',
        },
      }),
    },
    {
      name: 'an existing store read as a data source is not ours to protect',
      synth: tf({
        'data.azurerm_storage_account.shared': { name: 'stshared', resource_group_name: 'rg-shared' },
        'data.azurerm_key_vault.platform': { name: 'kv-platform', resource_group_name: 'rg-shared' },
      }),
      plan: plan([{ at: 'data.azurerm_storage_account.shared', values: { name: 'stshared' } }]),
    },
    {
      name: 'prevent_destroy and a lock on the resource group',
      hcl: `
resource "azurerm_resource_group" "rg" {
  name     = "rg-data"
  location = "norwayeast"
}
resource "azurerm_key_vault" "kv" {
  resource_group_name = azurerm_resource_group.rg.name
  lifecycle {
    prevent_destroy = true
  }
}
resource "azurerm_management_lock" "rg" {
  name       = "keep"
  scope      = azurerm_resource_group.rg.id
  lock_level = "CanNotDelete"
}
`,
    },
  ],
  invalid: [
    {
      name: 'no lock and no prevent_destroy; a ReadOnly-less lock level; prevent_destroy false',
      messages: [
        'lifecycle.prevent_destroy = false.',
        'no CanNotDelete management lock on itself or its resource group in this configuration.',
        'no CanNotDelete management lock on itself or its resource group in this configuration.',
        'no CanNotDelete management lock on itself or its resource group in this configuration.',
        'no lifecycle.prevent_destroy.',
      ],
      synth: tf({
        'azurerm_storage_account.sa': { resource_group_name: 'rg' },
        'azurerm_key_vault.kv': { lifecycle: { prevent_destroy: false }, resource_group_name: 'rg' },
        'azurerm_management_lock.kv': { scope: '${azurerm_key_vault.kv.id}', lock_level: 'ReadOnly' },
        'azurerm_mssql_server.sql': { ...KEEP, resource_group_name: 'rg' },
      }),
      plan: plan([
        { at: 'azurerm_storage_account.sa', values: { resource_group_name: 'rg' } },
        { at: 'azurerm_mssql_database.db', values: {} },
      ]),
      errors: [
        ['BCK-002', 'azurerm_key_vault.kv'],
        ['BCK-002', 'azurerm_key_vault.kv'],
        ['BCK-002', 'azurerm_mssql_server.sql'],
        ['BCK-002', 'azurerm_storage_account.sa'],
        ['BCK-002', 'azurerm_storage_account.sa'],
      ],
      planErrors: [['BCK-002', 'azurerm_storage_account.sa']],
    },
    {
      name: 'a CanNotDelete lock whose scope comes from an input variable does not count and is named',
      messages: [
        'no CanNotDelete management lock on itself or its resource group in this configuration (the lock azurerm_management_lock.l could not be resolved to a resource, so it does not count).',
      ],
      synth: tf(
        {
          'azurerm_storage_account.sa': { ...KEEP, resource_group_name: 'rg-data' },
          'azurerm_management_lock.l': { scope: '${var.lock_scope}', lock_level: 'CanNotDelete' },
        },
        { variable: { lock_scope: { type: 'string' } } },
      ),
      errors: [['BCK-002', 'azurerm_storage_account.sa']],
    },
    {
      name: 'a lock on a literal id of another resource in the group protects only that resource, and is named',
      messages: [
        'no CanNotDelete management lock on itself or its resource group in this configuration (the lock azurerm_management_lock.shared_kv could not be resolved to a resource, so it does not count).',
      ],
      synth: tf({
        'azurerm_storage_account.sa': { ...KEEP, resource_group_name: 'rg-data' },
        'azurerm_management_lock.shared_kv': {
          name: 'keep',
          scope:
            '/subscriptions/8f2c1d3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f/resourceGroups/rg-data/providers/Microsoft.KeyVault/vaults/kv-shared',
          lock_level: 'CanNotDelete',
        },
      }),
      errors: [['BCK-002', 'azurerm_storage_account.sa']],
    },
    {
      name: 'a lock on a store does not protect other stores whose resource group has the same name',
      messages: ['no CanNotDelete management lock on itself or its resource group in this configuration.'],
      synth: tf({
        'azurerm_storage_account.patientdata': {
          ...KEEP,
          name: 'patientdata',
          resource_group_name: 'patientdata',
        },
        'azurerm_key_vault.kv': { ...KEEP, name: 'kv-patientdata', resource_group_name: 'patientdata' },
        'azurerm_management_lock.sa': {
          name: 'keep',
          scope: '${azurerm_storage_account.patientdata.id}',
          lock_level: 'CanNotDelete',
        },
      }),
      errors: [['BCK-002', 'azurerm_key_vault.kv']],
    },
    {
      name: 'a store whose resource group name is an input variable without a default',
      messages: ['no CanNotDelete management lock on itself or its resource group in this configuration.'],
      synth: tf(
        {
          'azurerm_storage_account.sa': { ...KEEP, resource_group_name: '${var.resource_group_name}' },
          'azurerm_management_lock.l': {
            name: 'keep',
            scope: '/subscriptions/8f2c1d3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f/resourceGroups/rg-data',
            lock_level: 'CanNotDelete',
          },
        },
        { variable: { resource_group_name: { type: 'string' } } },
      ),
      errors: [['BCK-002', 'azurerm_storage_account.sa']],
    },
    {
      name: 'a CanNotDelete lock without a scope protects nothing, and is not reported as unresolved',
      messages: ['no CanNotDelete management lock on itself or its resource group in this configuration.'],
      synth: tf({
        'azurerm_storage_account.sa': { ...KEEP, resource_group_name: 'rg-data' },
        'azurerm_management_lock.l': { name: 'keep', lock_level: 'CanNotDelete' },
      }),
      plan: plan([
        { at: 'azurerm_storage_account.sa', values: { resource_group_name: 'rg-data' } },
        { at: 'azurerm_management_lock.l', values: { name: 'keep', lock_level: 'CanNotDelete' } },
      ]),
      errors: [['BCK-002', 'azurerm_storage_account.sa']],
    },
    {
      name: 'a lock but no prevent_destroy',
      messages: ['no lifecycle.prevent_destroy.'],
      hcl: `
resource "azurerm_key_vault" "kv" {
  resource_group_name = "rg"
}
resource "azurerm_management_lock" "kv" {
  name       = "keep"
  scope      = azurerm_key_vault.kv.id
  lock_level = "CanNotDelete"
}
`,
      errors: [['BCK-002', 'azurerm_key_vault.kv']],
      message: /prevent_destroy/,
    },
  ],
});
