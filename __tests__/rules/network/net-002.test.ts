/** The valid and invalid cases of NET-002 (`policies/rules/network/net-002-firewall-default-deny.ts`). */
import { NET_002 } from '../../../policies/rules/network/net-002-firewall-default-deny';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(NET_002, {
  valid: [
    {
      name: 'storage network_rules as an object and Key Vault network_acls as an array, both Deny',
      synth: tf({
        'azurerm_storage_account.sa': {
          network_rules: { default_action: 'Deny', bypass: ['AzureServices'] },
        },
        'azurerm_key_vault.kv': { network_acls: [{ default_action: 'Deny', bypass: 'None' }] },
      }),
      plan: plan([
        { at: 'azurerm_storage_account.sa', values: { network_rules: [{ default_action: 'Deny' }] } },
        { at: 'azurerm_key_vault.kv', values: { network_acls: [{ default_action: 'Deny' }] } },
      ]),
      hcl: `
resource "azurerm_storage_account" "sa" {
  network_rules {
    default_action = "Deny"
    bypass = ["AzureServices"]
  }
}

resource "azurerm_key_vault" "kv" {
  network_acls {
    default_action = "Deny"
    bypass = "None"
  }
}
`,
    },
    {
      name: 'a separate azurerm_storage_account_network_rules resource',
      synth: tf({
        'azurerm_storage_account.sa': { name: 'sa' },
        'azurerm_storage_account_network_rules.r': {
          storage_account_id: '${azurerm_storage_account.sa.id}',
          default_action: 'Deny',
        },
      }),
      plan: plan([
        { at: 'azurerm_storage_account.sa', values: { network_rules: [] } },
        {
          at: 'azurerm_storage_account_network_rules.r',
          values: { default_action: 'Deny' },
          unknown: { storage_account_id: true },
          references: { storage_account_id: ['azurerm_storage_account.sa.id'] },
        },
      ]),
    },
    {
      name: 'data sources for an existing account and vault are not checked',
      synth: tf({
        'data.azurerm_storage_account.shared': { name: 'stshared', resource_group_name: 'rg-shared' },
        'data.azurerm_key_vault.shared': { name: 'kv-shared', resource_group_name: 'rg-shared' },
      }),
    },
  ],
  invalid: [
    {
      name: 'no firewall block, Allow, and a dynamic block',
      messages: [
        "network_acls is built by a dynamic block, so the firewall's default action cannot be verified.",
        'no network_rules block; Azure allows all networks by default.',
        'network_rules.default_action is "Allow" (expected "Deny").',
      ],
      synth: tf({
        'azurerm_storage_account.a': { name: 'a' },
        'azurerm_storage_account.b': { network_rules: { default_action: 'Allow' } },
        'azurerm_key_vault.kv': { dynamic: { network_acls: { for_each: '${var.acls}', content: {} } } },
      }),
      plan: plan([
        { at: 'azurerm_storage_account.a', index: 0, values: { network_rules: [] } },
        {
          at: 'azurerm_storage_account_network_rules.r',
          values: { default_action: 'Allow' },
          unknown: { storage_account_id: true },
          references: {
            storage_account_id: ['azurerm_storage_account.a[0].id', 'azurerm_storage_account.a'],
          },
        },
      ]),
      errors: [
        ['NET-002', 'azurerm_key_vault.kv'],
        ['NET-002', 'azurerm_storage_account.a'],
        ['NET-002', 'azurerm_storage_account.b'],
      ],
      planErrors: [['NET-002', 'azurerm_storage_account.a[0]']],
    },
    {
      name: 'a separate network-rules resource that allows; one for an account outside the configuration does not count',
      messages: [
        'network_acls.default_action is "Allow" (expected "Deny").',
        'no network_rules block; Azure allows all networks by default.',
        'azurerm_storage_account_network_rules.r: default_action is "Allow" (expected "Deny").',
      ],
      synth: tf({
        'azurerm_storage_account.sa': { name: 'sa' },
        'azurerm_storage_account_network_rules.r': {
          storage_account_id: '${azurerm_storage_account.sa.id}',
          default_action: 'Allow',
        },
        'azurerm_storage_account.other': { name: 'other' },
        'azurerm_storage_account_network_rules.ext': {
          storage_account_id:
            '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/other',
          default_action: 'Deny',
        },
        'azurerm_key_vault.kv': { network_acls: { default_action: 'Allow', bypass: 'AzureServices' } },
      }),
      errors: [
        ['NET-002', 'azurerm_key_vault.kv'],
        ['NET-002', 'azurerm_storage_account.other'],
        ['NET-002', 'azurerm_storage_account.sa'],
      ],
    },
    {
      // Issue 21: the checkov fixture shape, a firewall written as its own resource for an account the
      // check cannot see. The Allow is reported on the rules resource itself, with the reason.
      name: 'a network-rules resource that allows, for an account outside the configuration or unresolvable',
      messages: [
        'default_action is "Allow" (expected "Deny"); the storage account it governs cannot be found (storage_account_id /subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/other points at an account that is not in the checked estate; pass its stack, plan or state with --context), so the finding is reported here.',
        'default_action is "Allow" (expected "Deny"); the storage account it governs cannot be found (storage_account_id cannot be resolved: var.account_id has no default and no validation that limits it), so the finding is reported here.',
      ],
      synth: tf(
        {
          'azurerm_storage_account_network_rules.ext': {
            storage_account_id:
              '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/other',
            default_action: 'Allow',
          },
          'azurerm_storage_account_network_rules.var': {
            storage_account_id: '${var.account_id}',
            default_action: 'Allow',
          },
          'azurerm_storage_account_network_rules.deny': {
            storage_account_id: '${var.account_id}',
            default_action: 'Deny',
          },
        },
        { variable: { account_id: { type: 'string' } } },
      ),
      hcl: `
variable "account_id" {
  type = string
}
resource "azurerm_storage_account_network_rules" "ext" {
  storage_account_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/other"
  default_action     = "Allow"
}
resource "azurerm_storage_account_network_rules" "var" {
  storage_account_id = var.account_id
  default_action     = "Allow"
}
resource "azurerm_storage_account_network_rules" "deny" {
  storage_account_id = var.account_id
  default_action     = "Deny"
}
`,
      errors: [
        ['NET-002', 'azurerm_storage_account_network_rules.ext'],
        ['NET-002', 'azurerm_storage_account_network_rules.var'],
      ],
    },
  ],
});
