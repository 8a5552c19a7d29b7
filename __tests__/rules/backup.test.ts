import { BCK_001 } from '../../policies/rules/backup/bck-001-backup-vaults';
import { BCK_002 } from '../../policies/rules/backup/bck-002-deletion-protection';
import { BCK_003 } from '../../policies/rules/backup/bck-003-blob-recovery';
import { plan, ruleTester, tf } from '../helpers/rule-tester';

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
      errors: [
        ['BCK-001', 'azurerm_data_protection_backup_vault.v'],
        ['BCK-001', 'azurerm_recovery_services_vault.i'],
        ['BCK-001', 'azurerm_recovery_services_vault.r'],
      ],
      planErrors: [['BCK-001', 'module.bk.azurerm_data_protection_backup_vault.v[0]']],
    },
  ],
});

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
  ],
});

ruleTester(BCK_003, {
  valid: [
    {
      name: 'versioning and both soft deletes (blocks as objects in synth, arrays in the plan); FileStorage skipped',
      synth: tf({
        'azurerm_storage_account.sa': {
          blob_properties: {
            versioning_enabled: true,
            delete_retention_policy: { days: 30 },
            container_delete_retention_policy: { days: 30 },
          },
        },
        'azurerm_storage_account.files': { account_kind: 'FileStorage' },
        'azurerm_storage_account.lake': {
          is_hns_enabled: true,
          blob_properties: [
            { delete_retention_policy: [{ days: 7 }], container_delete_retention_policy: [{ days: 7 }] },
          ],
        },
      }),
      plan: plan([
        {
          at: 'azurerm_storage_account.sa',
          values: {
            blob_properties: [
              {
                versioning_enabled: true,
                delete_retention_policy: [{ days: 30 }],
                container_delete_retention_policy: [{ days: 30 }],
              },
            ],
          },
        },
      ]),
    },
    {
      name: 'an existing account read as a data source is not checked',
      synth: tf({
        'data.azurerm_storage_account.shared': { name: 'stshared', resource_group_name: 'rg-shared' },
      }),
      plan: plan([{ at: 'data.azurerm_storage_account.shared', values: { name: 'stshared' } }]),
    },
  ],
  invalid: [
    {
      name: 'no blob properties; versioning off',
      messages: [
        'blob_properties.container_delete_retention_policy is not set.',
        'blob_properties.delete_retention_policy is not set.',
        'blob_properties.versioning_enabled is not set, and the provider default is false.',
        'blob_properties.versioning_enabled is false.',
      ],
      synth: tf({
        'azurerm_storage_account.a': { name: 'a' },
        'azurerm_storage_account.b': {
          blob_properties: {
            versioning_enabled: false,
            delete_retention_policy: { days: 7 },
            container_delete_retention_policy: { days: 7 },
          },
        },
      }),
      plan: plan([
        {
          at: 'azurerm_storage_account.a',
          index: 'x',
          values: {
            blob_properties: [
              {
                versioning_enabled: true,
                delete_retention_policy: [],
                container_delete_retention_policy: [{ days: 7 }],
              },
            ],
          },
        },
      ]),
      errors: [
        ['BCK-003', 'azurerm_storage_account.a'],
        ['BCK-003', 'azurerm_storage_account.a'],
        ['BCK-003', 'azurerm_storage_account.a'],
        ['BCK-003', 'azurerm_storage_account.b'],
      ],
      planErrors: [['BCK-003', 'azurerm_storage_account.a["x"]']],
    },
    {
      name: 'a StorageV2 account is checked; hierarchical namespace explicitly off still needs versioning',
      messages: [
        'blob_properties.container_delete_retention_policy is not set.',
        'blob_properties.delete_retention_policy is not set.',
        'blob_properties.versioning_enabled is not set, and the provider default is false.',
        'blob_properties.versioning_enabled is not set, and the provider default is false.',
      ],
      synth: tf({
        'azurerm_storage_account.v2': { name: 'v2', account_kind: 'StorageV2' },
        'azurerm_storage_account.flat': {
          name: 'flat',
          is_hns_enabled: false,
          blob_properties: {
            delete_retention_policy: { days: 30 },
            container_delete_retention_policy: { days: 30 },
          },
        },
      }),
      plan: plan([
        {
          at: 'azurerm_storage_account.flat',
          values: {
            is_hns_enabled: false,
            blob_properties: [
              {
                delete_retention_policy: [{ days: 30 }],
                container_delete_retention_policy: [{ days: 30 }],
              },
            ],
          },
        },
      ]),
      errors: [
        ['BCK-003', 'azurerm_storage_account.flat'],
        ['BCK-003', 'azurerm_storage_account.v2'],
        ['BCK-003', 'azurerm_storage_account.v2'],
        ['BCK-003', 'azurerm_storage_account.v2'],
      ],
      planErrors: [['BCK-003', 'azurerm_storage_account.flat']],
    },
    {
      name: 'a retention policy built by a dynamic block cannot be verified',
      messages: ['blob_properties.delete_retention_policy is built by a dynamic block.'],
      synth: tf(
        {
          'azurerm_storage_account.sa': {
            name: 'sa',
            blob_properties: {
              versioning_enabled: true,
              container_delete_retention_policy: { days: 30 },
              dynamic: {
                delete_retention_policy: {
                  for_each: '${var.blob_retention_days}',
                  content: { days: '${delete_retention_policy.value}' },
                },
              },
            },
          },
        },
        { variable: { blob_retention_days: { type: 'list(number)', default: [] } } },
      ),
      errors: [['BCK-003', 'azurerm_storage_account.sa']],
    },
  ],
});
