/** The valid and invalid cases of ENC-005 (`policies/rules/encryption/enc-005-key-vault-recovery.ts`). */
import { ENC_005 } from '../../../policies/rules/encryption/enc-005-key-vault-recovery';
import { KV } from '../../helpers/rules/encryption';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(ENC_005, {
  valid: [
    {
      name: 'purge protection, default retention, keys with rotation or expiry',
      synth: tf({
        'azurerm_key_vault.kv': { ...KV, purge_protection_enabled: true },
        'azurerm_key_vault_key.a': {
          rotation_policy: { expire_after: 'P90D', automatic: { time_before_expiry: 'P30D' } },
        },
        'azurerm_key_vault_key.b': { expiration_date: '2027-01-01T00:00:00Z' },
        'azurerm_key_vault.min': { ...KV, purge_protection_enabled: true, soft_delete_retention_days: 7 },
        'data.azurerm_key_vault.platform': { name: 'kv-platform', resource_group_name: 'rg-shared' },
      }),
      plan: plan([
        {
          at: 'azurerm_key_vault.kv',
          values: { ...KV, purge_protection_enabled: true, soft_delete_retention_days: 90 },
        },
      ]),
      hcl: `
resource "azurerm_key_vault" "kv" {
  name = "kv"
  location = "norwayeast"
  purge_protection_enabled = true
}

resource "azurerm_key_vault" "min" {
  name = "kv"
  location = "norwayeast"
  purge_protection_enabled = true
  soft_delete_retention_days = 7
}

resource "azurerm_key_vault_key" "a" {
  rotation_policy {
    expire_after = "P90D"
    automatic {
      time_before_expiry = "P30D"
    }
  }
}

resource "azurerm_key_vault_key" "b" {
  expiration_date = "2027-01-01T00:00:00Z"
}

data "azurerm_key_vault" "platform" {
  name = "kv-platform"
  resource_group_name = "rg-shared"
}
`,
    },
  ],
  invalid: [
    {
      name: 'no purge protection (default false), retention unknown, key that never expires',
      messages: [
        'neither expiration_date nor rotation_policy.expire_after is set; the key never expires.',
        'soft_delete_retention_days must be at least 7 (cannot be verified before apply).',
        'purge_protection_enabled is not set, and the provider default is false.',
      ],
      synth: tf(
        {
          'azurerm_key_vault.kv': KV,
          'azurerm_key_vault.b': {
            ...KV,
            purge_protection_enabled: true,
            soft_delete_retention_days: '${var.days}',
          },
          'azurerm_key_vault_key.k': { name: 'k' },
        },
        { variable: { days: { type: 'number' } } },
      ),
      plan: plan([
        {
          at: 'azurerm_key_vault.kv',
          values: { ...KV, purge_protection_enabled: false, soft_delete_retention_days: 90 },
        },
      ]),
      hcl: `
resource "azurerm_key_vault" "kv" {
  name = "kv"
  location = "norwayeast"
}

resource "azurerm_key_vault" "b" {
  name = "kv"
  location = "norwayeast"
  purge_protection_enabled = true
  soft_delete_retention_days = var.days
}

resource "azurerm_key_vault_key" "k" {
  name = "k"
}

variable "days" {
  type = number
}
`,
      errors: [
        ['ENC-005', 'azurerm_key_vault.b'],
        ['ENC-005', 'azurerm_key_vault.kv'],
        ['ENC-005', 'azurerm_key_vault_key.k'],
      ],
      planErrors: [['ENC-005', 'azurerm_key_vault.kv']],
    },
    {
      name: 'soft delete retention below the 7-day minimum, on a Key Vault and a managed HSM',
      messages: [
        'soft_delete_retention_days must be at least 7 (is 3).',
        'soft_delete_retention_days must be at least 7 (is 6).',
      ],
      synth: tf({
        'azurerm_key_vault.kv': { ...KV, purge_protection_enabled: true, soft_delete_retention_days: 3 },
        'azurerm_key_vault_managed_hardware_security_module.hsm': {
          name: 'hsm',
          location: 'norwayeast',
          purge_protection_enabled: true,
          soft_delete_retention_days: 6,
        },
      }),
      plan: plan([
        {
          at: 'azurerm_key_vault.kv',
          values: { ...KV, purge_protection_enabled: true, soft_delete_retention_days: 3 },
        },
      ]),
      errors: [
        ['ENC-005', 'azurerm_key_vault.kv'],
        ['ENC-005', 'azurerm_key_vault_managed_hardware_security_module.hsm'],
      ],
      planErrors: [['ENC-005', 'azurerm_key_vault.kv']],
    },
    {
      name: 'retention from a variable whose validation also allows a value below 7 cannot be verified',
      messages: ['soft_delete_retention_days must be at least 7 (cannot be verified before apply).'],
      synth: tf(
        {
          'azurerm_key_vault.kv': {
            ...KV,
            purge_protection_enabled: true,
            soft_delete_retention_days: '${var.retention_days}',
          },
        },
        {
          variable: {
            retention_days: {
              type: 'string',
              validation: [
                { condition: '${contains(["3", "90"], var.retention_days)}', error_message: '3 or 90 days' },
              ],
            },
          },
        },
      ),
      errors: [['ENC-005', 'azurerm_key_vault.kv']],
    },
  ],
});
