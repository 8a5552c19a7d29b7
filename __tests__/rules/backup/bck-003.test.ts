/** The valid and invalid cases of BCK-003 (`policies/rules/backup/bck-003-blob-recovery.ts`). */
import { BCK_003 } from '../../../policies/rules/backup/bck-003-blob-recovery';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

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
      hcl: `
resource "azurerm_storage_account" "sa" {
  blob_properties {
    versioning_enabled = true
    delete_retention_policy {
      days = 30
    }
    container_delete_retention_policy {
      days = 30
    }
  }
}

resource "azurerm_storage_account" "files" {
  account_kind = "FileStorage"
}

resource "azurerm_storage_account" "lake" {
  is_hns_enabled = true
  blob_properties {
    delete_retention_policy {
      days = 7
    }
    container_delete_retention_policy {
      days = 7
    }
  }
}
`,
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
      hcl: `
resource "azurerm_storage_account" "v2" {
  name = "v2"
  account_kind = "StorageV2"
}

resource "azurerm_storage_account" "flat" {
  name = "flat"
  is_hns_enabled = false
  blob_properties {
    delete_retention_policy {
      days = 30
    }
    container_delete_retention_policy {
      days = 30
    }
  }
}
`,
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
