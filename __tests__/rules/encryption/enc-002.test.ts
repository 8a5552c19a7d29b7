/** The valid and invalid cases of ENC-002 (`policies/rules/encryption/enc-002-customer-managed-keys.ts`). */
import { ENC_002 } from '../../../policies/rules/encryption/enc-002-customer-managed-keys';
import { ACR, AT, EH } from '../../helpers/rules/applications';
import { KV, SA } from '../../helpers/rules/encryption';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const CMK_SYNTH = {
  'azurerm_key_vault.kv': KV,
  'azurerm_key_vault_key.k': { key_vault_id: '${azurerm_key_vault.kv.id}', name: 'k' },
};

const KEY = {
  'azurerm_key_vault.kv': { ...AT, name: 'kv' },
  'azurerm_key_vault_key.k': { key_vault_id: '${azurerm_key_vault.kv.id}', name: 'k' },
};

ruleTester(ENC_002, {
  valid: [
    {
      name: 'storage with inline CMK (block as object) from a Norway vault, and infrastructure encryption',
      synth: tf({
        ...CMK_SYNTH,
        'azurerm_storage_account.sa': {
          ...SA,
          infrastructure_encryption_enabled: true,
          customer_managed_key: {
            key_vault_key_id: '${azurerm_key_vault_key.k.versionless_id}',
            user_assigned_identity_id: 'x',
          },
        },
      }),
      plan: plan([
        { at: 'azurerm_key_vault.kv', values: KV },
        {
          at: 'azurerm_key_vault_key.k',
          unknown: { key_vault_id: true },
          references: { key_vault_id: ['azurerm_key_vault.kv.id'] },
        },
        {
          at: 'azurerm_storage_account.sa',
          values: { ...SA, infrastructure_encryption_enabled: true, customer_managed_key: [{}] },
          unknown: { customer_managed_key: [{ key_vault_key_id: true }] },
          references: {
            'customer_managed_key.key_vault_key_id': [
              'azurerm_key_vault_key.k.versionless_id',
              'azurerm_key_vault_key.k',
            ],
          },
        },
      ]),
    },
    {
      name: 'storage and SQL with separate key attachments',
      synth: tf({
        ...CMK_SYNTH,
        'azurerm_storage_account.sa': { ...SA, infrastructure_encryption_enabled: true },
        'azurerm_storage_account_customer_managed_key.cmk': {
          storage_account_id: '${azurerm_storage_account.sa.id}',
          key_vault_id: '${azurerm_key_vault.kv.id}',
          key_name: 'k',
        },
        'azurerm_storage_account.by_uri': { ...SA, infrastructure_encryption_enabled: true },
        'azurerm_storage_account_customer_managed_key.by_uri': {
          storage_account_id: '${azurerm_storage_account.by_uri.id}',
          key_vault_uri: '${azurerm_key_vault.kv.vault_uri}',
          key_name: 'k',
        },
        'azurerm_mssql_server.sql': { location: 'norwayeast' },
        'azurerm_mssql_server_transparent_data_encryption.tde': {
          server_id: '${azurerm_mssql_server.sql.id}',
          key_vault_key_id: '${azurerm_key_vault_key.k.id}',
        },
      }),
    },
    {
      name: "a key attachment for a storage account outside this configuration is not this stack's to check",
      synth: tf({
        ...CMK_SYNTH,
        'azurerm_storage_account_customer_managed_key.legacy': {
          storage_account_id:
            '/subscriptions/8f2c1d3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f/resourceGroups/rg-legacy/providers/Microsoft.Storage/storageAccounts/stlegacy',
          key_vault_key_id: '${azurerm_key_vault_key.k.id}',
        },
      }),
    },
    {
      name: 'an existing account read as a data source is not checked',
      synth: tf({
        'data.azurerm_storage_account.shared': { name: 'stshared', resource_group_name: 'rg-shared' },
      }),
      plan: plan([{ at: 'data.azurerm_storage_account.shared', values: { name: 'stshared' } }]),
    },
    {
      name: 'storage with a key from a managed HSM in Norway',
      synth: tf({
        'azurerm_key_vault_managed_hardware_security_module.hsm': { name: 'hsm', location: 'norwayeast' },
        'azurerm_key_vault_managed_hardware_security_module_key.k': {
          name: 'k',
          managed_hsm_id: '${azurerm_key_vault_managed_hardware_security_module.hsm.id}',
        },
        'azurerm_storage_account.sa': {
          ...SA,
          infrastructure_encryption_enabled: true,
          customer_managed_key: [
            {
              managed_hsm_key_id: '${azurerm_key_vault_managed_hardware_security_module_key.k.versioned_id}',
              user_assigned_identity_id: '${azurerm_user_assigned_identity.id.id}',
            },
          ],
        },
      }),
    },
    {
      name: 'Event Hubs and Service Bus keys attached by their own resources, from a Norway vault',
      synth: tf({
        ...KEY,
        'azurerm_eventhub_namespace.eh': EH,
        'azurerm_eventhub_namespace_customer_managed_key.eh': {
          eventhub_namespace_id: '${azurerm_eventhub_namespace.eh.id}',
          key_vault_key_ids: ['${azurerm_key_vault_key.k.versionless_id}'],
          infrastructure_encryption_enabled: true,
        },
        'azurerm_servicebus_namespace.sb': { ...AT, name: 'sb', sku: 'Premium' },
        'azurerm_servicebus_namespace_customer_managed_key.sb': {
          namespace_id: '${azurerm_servicebus_namespace.sb.id}',
          key_vault_key_id: '${azurerm_key_vault_key.k.versionless_id}',
        },
        'azurerm_container_registry.acr': {
          ...ACR,
          encryption: [
            { key_vault_key_id: '${azurerm_key_vault_key.k.versionless_id}', identity_client_id: 'c' },
          ],
        },
      }),
      plan: plan([
        { at: 'azurerm_key_vault.kv', values: KEY['azurerm_key_vault.kv'] },
        {
          at: 'azurerm_key_vault_key.k',
          values: { name: 'k' },
          unknown: { key_vault_id: true, versionless_id: true },
          references: { key_vault_id: ['azurerm_key_vault.kv.id', 'azurerm_key_vault.kv'] },
        },
        { at: 'azurerm_eventhub_namespace.eh', values: EH },
        {
          at: 'azurerm_eventhub_namespace_customer_managed_key.eh',
          values: {},
          unknown: { eventhub_namespace_id: true, key_vault_key_ids: true },
          references: {
            eventhub_namespace_id: ['azurerm_eventhub_namespace.eh.id', 'azurerm_eventhub_namespace.eh'],
            key_vault_key_ids: ['azurerm_key_vault_key.k.versionless_id', 'azurerm_key_vault_key.k'],
          },
        },
      ]),
      hcl: `
resource "azurerm_key_vault" "kv" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "kv"
}

resource "azurerm_key_vault_key" "k" {
  key_vault_id = azurerm_key_vault.kv.id
  name = "k"
}

resource "azurerm_eventhub_namespace" "eh" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "eh"
  sku = "Premium"
}

resource "azurerm_eventhub_namespace_customer_managed_key" "eh" {
  eventhub_namespace_id = azurerm_eventhub_namespace.eh.id
  key_vault_key_ids = [azurerm_key_vault_key.k.versionless_id]
  infrastructure_encryption_enabled = true
}

resource "azurerm_servicebus_namespace" "sb" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "sb"
  sku = "Premium"
}

resource "azurerm_servicebus_namespace_customer_managed_key" "sb" {
  namespace_id = azurerm_servicebus_namespace.sb.id
  key_vault_key_id = azurerm_key_vault_key.k.versionless_id
}

resource "azurerm_container_registry" "acr" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "acr"
  sku = "Premium"
  public_network_access_enabled = false
  encryption {
    key_vault_key_id = azurerm_key_vault_key.k.versionless_id
    identity_client_id = "c"
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a key id from a variable whose default is null: -var may set any key, so nothing is proven',
      messages: [
        'key_vault_key_id cannot be resolved: var.cmk_key_id has a default (null), ' +
          'but -var, TF_VAR_cmk_key_id or another tfvars file may set any value; only a validation restricts it: ' +
          'a validation block whose condition limits var.cmk_key_id to allowed values.',
      ],
      synth: tf(
        { 'azurerm_cosmosdb_account.c': { location: 'norwayeast', key_vault_key_id: '${var.cmk_key_id}' } },
        { variable: { cmk_key_id: { type: 'string', default: null } } },
      ),
      errors: [['ENC-002', 'azurerm_cosmosdb_account.c']],
    },
    {
      name: 'platform-managed keys only, and storage without infrastructure encryption',
      messages: [
        'encrypted with platform-managed keys only; no customer-managed key is configured.',
        'encrypted with platform-managed keys only; no customer-managed key is configured.',
        'infrastructure_encryption_enabled is not set, and the provider default is false.',
      ],
      synth: tf({
        'azurerm_storage_account.sa': SA,
        'azurerm_cosmosdb_account.c': { location: 'norwayeast' },
      }),
      plan: plan([{ at: 'azurerm_storage_account.sa', index: 'logs', values: SA }]),
      errors: [
        ['ENC-002', 'azurerm_cosmosdb_account.c'],
        ['ENC-002', 'azurerm_storage_account.sa'],
        ['ENC-002', 'azurerm_storage_account.sa'],
      ],
      planErrors: [
        ['ENC-002', 'azurerm_storage_account.sa["logs"]'],
        ['ENC-002', 'azurerm_storage_account.sa["logs"]'],
      ],
    },
    {
      name: 'storage key attachments (azurerm 4.x) naming a vault abroad, and a vault by a literal URI',
      messages: [
        'the key vault azurerm_key_vault.we is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'key_vault_uri https://kv-shared.vault.azure.net/ points at a key that is not in the checked estate; pass its stack, plan or state with --context.',
      ],
      synth: tf({
        'azurerm_key_vault.we': { location: 'westeurope' },
        'azurerm_storage_account.abroad': { ...SA, infrastructure_encryption_enabled: true },
        'azurerm_storage_account_customer_managed_key.abroad': {
          storage_account_id: '${azurerm_storage_account.abroad.id}',
          key_vault_id: '${azurerm_key_vault.we.id}',
          key_name: 'k',
        },
        'azurerm_storage_account.literal': { ...SA, infrastructure_encryption_enabled: true },
        'azurerm_storage_account_customer_managed_key.literal': {
          storage_account_id: '${azurerm_storage_account.literal.id}',
          key_vault_uri: 'https://kv-shared.vault.azure.net/',
          key_name: 'k',
        },
      }),
      errors: [
        ['ENC-002', 'azurerm_storage_account.abroad'],
        ['ENC-002', 'azurerm_storage_account.literal'],
      ],
    },
    {
      name: 'key in a vault abroad, and a key id outside the configuration',
      messages: [
        'key_vault_key_id https://kv.vault.azure.net/keys/k points at a key that is not in the checked estate; pass its stack, plan or state with --context.',
        'the key vault azurerm_key_vault.kv is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_key_vault.kv': { location: 'westeurope' },
        'azurerm_key_vault_key.k': { key_vault_id: '${azurerm_key_vault.kv.id}' },
        'azurerm_postgresql_flexible_server.pg': {
          location: 'norwayeast',
          customer_managed_key: [{ key_vault_key_id: '${azurerm_key_vault_key.k.id}' }],
        },
        'azurerm_cosmosdb_account.c': {
          location: 'norwayeast',
          key_vault_key_id: 'https://kv.vault.azure.net/keys/k',
        },
      }),
      errors: [
        ['ENC-002', 'azurerm_cosmosdb_account.c'],
        ['ENC-002', 'azurerm_postgresql_flexible_server.pg'],
      ],
    },
    {
      name: 'key id from an input variable, a key whose vault is not in the configuration, a secret instead of a key',
      messages: [
        'key_vault_key_id points at azurerm_key_vault_secret.s, which is not a key in a Key Vault or managed HSM.',
        'transparent_data_encryption_key_vault_key_id cannot be resolved: var.tde_key has no default and no validation that limits it.',
        'the key vault of azurerm_key_vault_key.k cannot be verified to be in the configuration.',
      ],
      synth: tf(
        {
          'azurerm_key_vault.kv': KV,
          'azurerm_key_vault_key.k': {
            name: 'k',
            key_vault_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/shared',
          },
          'azurerm_key_vault_secret.s': { name: 's', key_vault_id: '${azurerm_key_vault.kv.id}' },
          'azurerm_mysql_flexible_server.my': {
            location: 'norwayeast',
            customer_managed_key: [{ key_vault_key_id: '${azurerm_key_vault_key.k.id}' }],
          },
          'azurerm_mssql_server.sql': {
            location: 'norwayeast',
            transparent_data_encryption_key_vault_key_id: '${var.tde_key}',
          },
          'azurerm_cosmosdb_account.c': {
            location: 'norwayeast',
            key_vault_key_id: '${azurerm_key_vault_secret.s.versionless_id}',
          },
        },
        { variable: { tde_key: { type: 'string' } } },
      ),
      errors: [
        ['ENC-002', 'azurerm_cosmosdb_account.c'],
        ['ENC-002', 'azurerm_mssql_server.sql'],
        ['ENC-002', 'azurerm_mysql_flexible_server.my'],
      ],
    },
    {
      name: 'a TDE resource without a key leaves SQL on service-managed keys; an inline key block named in full',
      messages: [
        'encrypted with platform-managed keys only; no customer-managed key is configured.',
        'customer_managed_key.key_vault_key_id cannot be resolved: var.storage_key_id has no default and no validation that limits it.',
      ],
      synth: tf(
        {
          'azurerm_mssql_server.sql': { location: 'norwayeast' },
          'azurerm_mssql_server_transparent_data_encryption.tde': {
            server_id: '${azurerm_mssql_server.sql.id}',
          },
          'azurerm_storage_account.sa': {
            ...SA,
            infrastructure_encryption_enabled: true,
            customer_managed_key: [{ key_vault_key_id: '${var.storage_key_id}' }],
          },
        },
        { variable: { storage_key_id: { type: 'string' } } },
      ),
      errors: [
        ['ENC-002', 'azurerm_mssql_server.sql'],
        ['ENC-002', 'azurerm_storage_account.sa'],
      ],
    },
    {
      name: 'key from a managed HSM outside Norway',
      messages: [
        'the key vault azurerm_key_vault_managed_hardware_security_module.hsm is "swedencentral", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_key_vault_managed_hardware_security_module.hsm': { name: 'hsm', location: 'swedencentral' },
        'azurerm_key_vault_managed_hardware_security_module_key.k': {
          name: 'k',
          managed_hsm_id: '${azurerm_key_vault_managed_hardware_security_module.hsm.id}',
        },
        'azurerm_storage_account.sa': {
          ...SA,
          infrastructure_encryption_enabled: true,
          customer_managed_key: [
            {
              managed_hsm_key_id: '${azurerm_key_vault_managed_hardware_security_module_key.k.versioned_id}',
            },
          ],
        },
      }),
      errors: [['ENC-002', 'azurerm_storage_account.sa']],
    },
    {
      name: 'an Event Hubs namespace with no key; one whose key list is empty; one with a key in a vault abroad',
      messages: [
        'encrypted with platform-managed keys only; no customer-managed key is configured.',
        'key_vault_key_ids of azurerm_eventhub_namespace_customer_managed_key.empty lists no key.',
        'encrypted with platform-managed keys only; no customer-managed key is configured.',
        'the key vault azurerm_key_vault.abroad is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_key_vault.abroad': { ...AT, name: 'abroad', location: 'westeurope' },
        'azurerm_key_vault_key.abroad': { key_vault_id: '${azurerm_key_vault.abroad.id}', name: 'k' },
        'azurerm_eventhub_namespace.none': EH,
        'azurerm_eventhub_namespace.empty': EH,
        'azurerm_eventhub_namespace_customer_managed_key.empty': {
          eventhub_namespace_id: '${azurerm_eventhub_namespace.empty.id}',
          key_vault_key_ids: [],
        },
        'azurerm_eventhub_namespace.abroad': EH,
        'azurerm_eventhub_namespace_customer_managed_key.abroad': {
          eventhub_namespace_id: '${azurerm_eventhub_namespace.abroad.id}',
          key_vault_key_ids: ['${azurerm_key_vault_key.abroad.versionless_id}'],
        },
      }),
      hcl: `
resource "azurerm_key_vault" "abroad" {
  location = "westeurope"
  resource_group_name = "rg"
  name = "abroad"
}

resource "azurerm_key_vault_key" "abroad" {
  key_vault_id = azurerm_key_vault.abroad.id
  name = "k"
}

resource "azurerm_eventhub_namespace" "none" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "eh"
  sku = "Premium"
}

resource "azurerm_eventhub_namespace" "empty" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "eh"
  sku = "Premium"
}

resource "azurerm_eventhub_namespace" "abroad" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "eh"
  sku = "Premium"
}

resource "azurerm_eventhub_namespace_customer_managed_key" "empty" {
  eventhub_namespace_id = azurerm_eventhub_namespace.empty.id
  key_vault_key_ids = []
}

resource "azurerm_eventhub_namespace_customer_managed_key" "abroad" {
  eventhub_namespace_id = azurerm_eventhub_namespace.abroad.id
  key_vault_key_ids = [azurerm_key_vault_key.abroad.versionless_id]
}
`,
      errors: [
        ['ENC-002', 'azurerm_eventhub_namespace.abroad'],
        ['ENC-002', 'azurerm_eventhub_namespace.empty'],
        ['ENC-002', 'azurerm_eventhub_namespace.empty'],
        ['ENC-002', 'azurerm_eventhub_namespace.none'],
      ],
    },
    {
      name: 'a second key in the list outside the estate fails on its own',
      synth: tf({
        ...KEY,
        'azurerm_eventhub_namespace.eh': EH,
        'azurerm_eventhub_namespace_customer_managed_key.eh': {
          eventhub_namespace_id: '${azurerm_eventhub_namespace.eh.id}',
          key_vault_key_ids: [
            '${azurerm_key_vault_key.k.versionless_id}',
            'https://elsewhere.vault.azure.net/keys/k',
          ],
        },
      }),
      errors: [['ENC-002', 'azurerm_eventhub_namespace.eh']],
      message: /^key_vault_key_ids\[1\] https:\/\/elsewhere/,
    },
    {
      name: 'the first key of a list outside the estate is named by its index',
      messages: [
        'key_vault_key_ids[0] https://elsewhere.vault.azure.net/keys/k points at a key that is not in the checked estate; pass its stack, plan or state with --context.',
      ],
      synth: tf({
        ...KEY,
        'azurerm_eventhub_namespace.eh': EH,
        'azurerm_eventhub_namespace_customer_managed_key.eh': {
          eventhub_namespace_id: '${azurerm_eventhub_namespace.eh.id}',
          key_vault_key_ids: [
            'https://elsewhere.vault.azure.net/keys/k',
            '${azurerm_key_vault_key.k.versionless_id}',
          ],
        },
      }),
      errors: [['ENC-002', 'azurerm_eventhub_namespace.eh']],
    },
    {
      name: 'a key id written as a local that is null configures no key',
      messages: ['key_vault_key_id resolves to null, so no customer-managed key is configured.'],
      synth: tf(
        { 'azurerm_cosmosdb_account.c': { location: 'norwayeast', key_vault_key_id: '${local.cmk}' } },
        { locals: { cmk: null } },
      ),
      hcl: `
locals {
  cmk = null
}

resource "azurerm_cosmosdb_account" "c" {
  location = "norwayeast"
  key_vault_key_id = local.cmk
}
`,
      errors: [['ENC-002', 'azurerm_cosmosdb_account.c']],
    },
    {
      name: 'a data source of a key-attachment type attaches no key to the store it names',
      messages: ['encrypted with platform-managed keys only; no customer-managed key is configured.'],
      synth: tf({
        ...CMK_SYNTH,
        'azurerm_storage_account.sa': { ...SA, infrastructure_encryption_enabled: true },
        'data.azurerm_storage_account_customer_managed_key.cmk': {
          storage_account_id: '${azurerm_storage_account.sa.id}',
          key_vault_key_id: '${azurerm_key_vault_key.k.id}',
        },
      }),
      errors: [['ENC-002', 'azurerm_storage_account.sa']],
    },
    {
      name: 'a container registry (a network store with an inline key) without a customer-managed key',
      messages: ['encrypted with platform-managed keys only; no customer-managed key is configured.'],
      synth: tf({ 'azurerm_container_registry.acr': { name: 'acr', location: 'norwayeast' } }),
      errors: [['ENC-002', 'azurerm_container_registry.acr']],
    },
  ],
});
