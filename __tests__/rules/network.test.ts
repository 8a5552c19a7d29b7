import { NET_001 } from '../../policies/rules/network/net-001-public-network-access';
import { NET_002 } from '../../policies/rules/network/net-002-firewall-default-deny';
import { NET_003 } from '../../policies/rules/network/net-003-management-ports';
import { NET_004 } from '../../policies/rules/network/net-004-public-ips';
import { NET_005 } from '../../policies/rules/network/net-005-private-endpoints';
import { NET_006 } from '../../policies/rules/network/net-006-private-aks';
import { plan, ruleTester, tf } from '../helpers/rule-tester';

const SA = {
  name: 'sa',
  location: 'norwayeast',
  public_network_access_enabled: false,
  allow_nested_items_to_be_public: false,
};

ruleTester(NET_001, {
  valid: [
    {
      name: 'storage, Key Vault, SQL and a web app with public access off',
      synth: tf({
        'azurerm_storage_account.sa': SA,
        'azurerm_key_vault.kv': { public_network_access_enabled: false },
        'azurerm_mssql_server.s': { public_network_access_enabled: 'false' },
        'azurerm_linux_web_app.w': { public_network_access_enabled: false },
        'azurerm_postgresql_flexible_server.pg': { delegated_subnet_id: '${azurerm_subnet.db.id}' },
        'data.azurerm_key_vault.shared': { name: 'kv-shared', resource_group_name: 'rg-shared' },
      }),
      plan: plan([
        { at: 'azurerm_storage_account.sa', values: SA },
        { at: 'module.kv.azurerm_key_vault.kv', index: 0, values: { public_network_access_enabled: false } },
        {
          at: 'data.azurerm_storage_account.shared',
          values: { public_network_access_enabled: true },
          actions: ['read'],
        },
      ]),
    },
  ],
  invalid: [
    {
      name: 'public access left at the provider default (enabled) or set true; anonymous blobs by default',
      messages: [
        'public_network_access_enabled cannot be verified before apply (var.public has no default and no validation that limits it).',
        'public_network_access_enabled is true.',
        'public_network_access_enabled is not set, and the provider default is true.',
        'allow_nested_items_to_be_public is not set, and the provider default is true; blobs may be made public.',
        'public_network_access_enabled is not set, and the provider default is true.',
      ],
      synth: tf(
        {
          'azurerm_storage_account.sa': { name: 'sa', location: 'norwayeast' },
          'azurerm_key_vault.kv': {},
          'azurerm_cosmosdb_account.c': { public_network_access_enabled: true },
          'azurerm_container_registry.acr': {
            public_network_access_enabled: '${var.public}',
            export_policy_enabled: false,
          },
        },
        { variable: { public: { type: 'bool' } } },
      ),
      plan: plan([
        { at: 'module.kv.azurerm_key_vault.kv', index: 0, values: { public_network_access_enabled: true } },
      ]),
      errors: [
        ['NET-001', 'azurerm_container_registry.acr'],
        ['NET-001', 'azurerm_cosmosdb_account.c'],
        ['NET-001', 'azurerm_key_vault.kv'],
        ['NET-001', 'azurerm_storage_account.sa'],
        ['NET-001', 'azurerm_storage_account.sa'],
      ],
      planErrors: [['NET-001', 'module.kv.azurerm_key_vault.kv[0]']],
    },
    {
      name: 'for_each instances whose setting comes from each.value fail closed; count instances with a literal pass',
      messages: [
        'public_network_access_enabled cannot be verified before apply (each.value.public: the for_each of azurerm_key_vault.each is not known (var.vaults is not declared)).',
      ],
      synth: tf({
        'azurerm_key_vault.each': {
          for_each: '${var.vaults}',
          name: '${each.key}',
          public_network_access_enabled: '${each.value.public}',
        },
        'azurerm_key_vault.counted': {
          count: 2,
          name: 'kv-${count.index}',
          public_network_access_enabled: false,
        },
      }),
      plan: plan([
        { at: 'azurerm_key_vault.each', index: 'a', values: { public_network_access_enabled: false } },
        { at: 'azurerm_key_vault.each', index: 'b', values: { public_network_access_enabled: true } },
      ]),
      errors: [['NET-001', 'azurerm_key_vault.each']],
      planErrors: [['NET-001', 'azurerm_key_vault.each["b"]']],
      message: /cannot be verified|is true/,
    },
    {
      name: 'public blob access under the old name',
      messages: ['allow_blob_public_access is true; blobs may be made public.'],
      synth: tf({
        'azurerm_storage_account.sa': {
          public_network_access_enabled: false,
          allow_blob_public_access: true,
        },
      }),
      errors: [['NET-001', 'azurerm_storage_account.sa']],
      message: /allow_blob_public_access/,
    },
    {
      name: 'messaging namespaces and a Cognitive Services account at the default; PostgreSQL not injected into a subnet',
      messages: [
        'public_network_access_enabled is not set, and the provider default is true.',
        'public_network_access_enabled is not set, and the provider default is true.',
        'public_network_access_enabled is not set, and the provider default is true.',
        'public_network_access_enabled is not set, and the provider default is true.',
      ],
      synth: tf({
        'azurerm_eventhub_namespace.eh': { sku: 'Standard' },
        'azurerm_servicebus_namespace.sb': { sku: 'Premium' },
        'azurerm_cognitive_account.ai': { kind: 'OpenAI', sku_name: 'S0' },
        'azurerm_postgresql_flexible_server.pg': { sku_name: 'GP_Standard_D2s_v3' },
      }),
      errors: [
        ['NET-001', 'azurerm_cognitive_account.ai'],
        ['NET-001', 'azurerm_eventhub_namespace.eh'],
        ['NET-001', 'azurerm_postgresql_flexible_server.pg'],
        ['NET-001', 'azurerm_servicebus_namespace.sb'],
      ],
    },
  ],
});

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

const RULE = {
  direction: 'Inbound',
  access: 'Allow',
  protocol: 'Tcp',
  source_port_range: '*',
  destination_address_prefix: '*',
};

ruleTester(NET_003, {
  valid: [
    {
      name: 'SSH from an internal range, HTTPS from the internet, RDP denied, outbound 22',
      synth: tf({
        'azurerm_network_security_group.nsg': {
          security_rule: [
            {
              ...RULE,
              name: 'ssh',
              priority: 100,
              source_address_prefix: '10.0.0.0/8',
              destination_port_range: '22',
            },
            {
              ...RULE,
              name: 'https',
              priority: 110,
              source_address_prefix: 'Internet',
              destination_port_range: '443',
            },
            {
              ...RULE,
              name: 'rdp',
              priority: 120,
              access: 'Deny',
              source_address_prefix: '*',
              destination_port_range: '3389',
            },
          ],
        },
        'azurerm_network_security_rule.out': {
          ...RULE,
          direction: 'Outbound',
          source_address_prefix: '*',
          destination_port_range: '22',
        },
      }),
      plan: plan([
        {
          at: 'azurerm_network_security_group.nsg',
          values: {
            security_rule: [
              {
                ...RULE,
                source_address_prefix: '',
                source_address_prefixes: ['10.1.0.0/16'],
                destination_port_range: '',
                destination_port_ranges: ['22', '3389'],
              },
            ],
          },
        },
        {
          at: 'azurerm_network_security_rule.web',
          values: {
            ...RULE,
            source_address_prefix: 'Internet',
            source_address_prefixes: [],
            destination_port_range: '',
            destination_port_ranges: ['80', '443'],
          },
        },
        {
          at: 'data.azurerm_network_security_group.legacy',
          actions: ['read'],
          values: {
            security_rule: [
              {
                ...RULE,
                source_address_prefix: '*',
                source_address_prefixes: [],
                destination_port_range: '3389',
                destination_port_ranges: [],
              },
            ],
          },
        },
      ]),
    },
    {
      name: 'ICMP, ESP and AH from the internet carry no ports; direction and access limited by validation to Outbound and Deny',
      synth: tf(
        {
          'azurerm_network_security_rule.icmp': {
            ...RULE,
            protocol: 'Icmp',
            source_address_prefix: '*',
            destination_port_range: '*',
          },
          'azurerm_network_security_rule.esp': {
            ...RULE,
            protocol: 'Esp',
            source_address_prefix: '*',
            destination_port_range: '*',
          },
          'azurerm_network_security_rule.ah': {
            ...RULE,
            protocol: 'Ah',
            source_address_prefix: '*',
            destination_port_range: '*',
          },
          'azurerm_network_security_rule.dir': {
            ...RULE,
            direction: '${var.direction}',
            source_address_prefix: '*',
            destination_port_range: '22',
          },
          'azurerm_network_security_rule.acc': {
            ...RULE,
            access: '${var.access}',
            source_address_prefix: '*',
            destination_port_range: '3389',
          },
        },
        {
          variable: {
            direction: {
              type: 'string',
              validation: { condition: '${contains(["Outbound"], var.direction)}', error_message: 'x' },
            },
            access: {
              type: 'string',
              validation: { condition: '${contains(["Deny"], var.access)}', error_message: 'x' },
            },
          },
        },
      ),
    },
  ],
  invalid: [
    {
      name: 'RDP from the internet (inline, single object), SSH in a range from 0.0.0.0/0, a star port from Any',
      messages: [
        'security_rule[0] allows inbound from "Internet" to port 3389.',
        'allows inbound from "Any" to port 22 and 3389.',
        'allows inbound from "0.0.0.0/0" to port 22.',
      ],
      synth: tf({
        'azurerm_network_security_group.nsg': {
          security_rule: {
            ...RULE,
            name: 'rdp',
            source_address_prefix: 'Internet',
            destination_port_range: '3389',
          },
        },
        'azurerm_network_security_rule.ssh': {
          ...RULE,
          source_address_prefixes: ['10.0.0.0/8', '0.0.0.0/0'],
          destination_port_ranges: ['20-25'],
        },
        'azurerm_network_security_rule.any': {
          ...RULE,
          protocol: '*',
          source_address_prefix: 'Any',
          destination_port_range: '*',
        },
      }),
      plan: plan([
        {
          at: 'module.net.azurerm_network_security_rule.r',
          index: 'ssh',
          values: {
            ...RULE,
            source_address_prefix: '*',
            source_address_prefixes: [],
            destination_port_range: '22',
            destination_port_ranges: [],
          },
        },
        {
          at: 'azurerm_network_security_group.nsg',
          values: {
            security_rule: [
              {
                ...RULE,
                source_address_prefix: '::/0',
                source_address_prefixes: [],
                destination_port_range: '3000-4000',
                destination_port_ranges: [],
              },
            ],
          },
        },
      ]),
      errors: [
        ['NET-003', 'azurerm_network_security_group.nsg'],
        ['NET-003', 'azurerm_network_security_rule.any'],
        ['NET-003', 'azurerm_network_security_rule.ssh'],
      ],
      planErrors: [
        ['NET-003', 'azurerm_network_security_group.nsg'],
        ['NET-003', 'module.net.azurerm_network_security_rule.r["ssh"]'],
      ],
    },
    {
      name: 'source or port unknown before apply counts as open',
      messages: [
        'allows inbound from a source unknown before apply to port 22 (values unknown before apply count as open).',
      ],
      synth: tf(
        {
          'azurerm_network_security_rule.r': {
            ...RULE,
            source_address_prefix: '${var.source}',
            destination_port_range: '22',
          },
        },
        { variable: { source: { type: 'string' } } },
      ),
      plan: plan([
        {
          at: 'azurerm_network_security_rule.r',
          values: { ...RULE, source_address_prefix: '*' },
          unknown: { destination_port_range: true },
        },
      ]),
      errors: [['NET-003', 'azurerm_network_security_rule.r']],
      message: /unknown before apply/,
    },
    {
      name: 'source list or port list from unvalidated variables counts as open',
      messages: [
        'allows inbound from "*" to port 22 and 3389 (values unknown before apply count as open).',
        'allows inbound from a source unknown before apply to port 22 (values unknown before apply count as open).',
      ],
      synth: tf(
        {
          'azurerm_network_security_rule.sources': {
            ...RULE,
            source_address_prefixes: '${var.sources}',
            destination_port_range: '22',
          },
          'azurerm_network_security_rule.ports': {
            ...RULE,
            source_address_prefix: '*',
            destination_port_ranges: '${var.ports}',
          },
        },
        { variable: { sources: { type: 'list(string)' }, ports: { type: 'list(string)' } } },
      ),
      errors: [
        ['NET-003', 'azurerm_network_security_rule.ports'],
        ['NET-003', 'azurerm_network_security_rule.sources'],
      ],
    },
    {
      name: 'direction, access or protocol that validation leaves open; unvalidated direction and access',
      messages: [
        'allows inbound from "*" to port 3389.',
        'allows inbound from "*" to port 22.',
        'allows inbound from "*" to port 22.',
        'allows inbound from "*" to port 22 (values unknown before apply count as open).',
        'allows inbound from "*" to port 22 (values unknown before apply count as open).',
      ],
      synth: tf(
        {
          'azurerm_network_security_rule.dir': {
            ...RULE,
            direction: '${var.direction}',
            source_address_prefix: '*',
            destination_port_range: '22',
          },
          'azurerm_network_security_rule.acc': {
            ...RULE,
            access: '${var.access}',
            source_address_prefix: '*',
            destination_port_range: '3389',
          },
          'azurerm_network_security_rule.proto': {
            ...RULE,
            protocol: '${var.protocol}',
            source_address_prefix: '*',
            destination_port_range: '22',
          },
          'azurerm_network_security_rule.udir': {
            ...RULE,
            direction: '${var.any_direction}',
            source_address_prefix: '*',
            destination_port_range: '22',
          },
          'azurerm_network_security_rule.uacc': {
            ...RULE,
            access: '${var.any_access}',
            source_address_prefix: '*',
            destination_port_range: '22',
          },
        },
        {
          variable: {
            direction: {
              type: 'string',
              validation: {
                condition: '${contains(["Inbound", "Outbound"], var.direction)}',
                error_message: 'x',
              },
            },
            access: {
              type: 'string',
              validation: { condition: '${contains(["Allow", "Deny"], var.access)}', error_message: 'x' },
            },
            protocol: {
              type: 'string',
              validation: { condition: '${contains(["Icmp", "Tcp"], var.protocol)}', error_message: 'x' },
            },
            any_direction: { type: 'string' },
            any_access: { type: 'string' },
          },
        },
      ),
      errors: [
        ['NET-003', 'azurerm_network_security_rule.acc'],
        ['NET-003', 'azurerm_network_security_rule.dir'],
        ['NET-003', 'azurerm_network_security_rule.proto'],
        ['NET-003', 'azurerm_network_security_rule.uacc'],
        ['NET-003', 'azurerm_network_security_rule.udir'],
      ],
    },
    {
      name: 'direction, access and protocol passed through a wrapper module as null still count as open',
      messages: ['allows inbound from "*" to port 22 (values unknown before apply count as open).'],
      synth: tf(
        {
          'azurerm_network_security_rule.r': {
            direction: '${var.direction}',
            access: '${var.access}',
            protocol: '${var.protocol}',
            source_address_prefix: '*',
            destination_port_range: '22',
          },
        },
        {
          variable: {
            direction: { type: 'string', default: null },
            access: { type: 'string', default: null },
            protocol: { type: 'string', default: null },
          },
        },
      ),
      plan: plan([
        {
          at: 'azurerm_network_security_rule.list',
          values: {
            ...RULE,
            source_address_prefix: '*',
            source_address_prefixes: [],
            destination_port_range: '',
            destination_port_ranges: ['22', '443'],
          },
        },
      ]),
      errors: [['NET-003', 'azurerm_network_security_rule.r']],
      planErrors: [['NET-003', 'azurerm_network_security_rule.list']],
    },
    {
      name: 'IPv4 and IPv6 "any" addresses; a range whose ends are the management ports',
      messages: [
        'allows inbound from "0.0.0.0", "::" to port 22.',
        'allows inbound from "Internet" to port 22 and 3389.',
      ],
      synth: tf({
        'azurerm_network_security_rule.any_addr': {
          ...RULE,
          source_address_prefixes: ['0.0.0.0', '::'],
          destination_port_range: '22',
        },
        'azurerm_network_security_rule.wide': {
          ...RULE,
          source_address_prefix: 'Internet',
          destination_port_range: '22-3389',
        },
      }),
      errors: [
        ['NET-003', 'azurerm_network_security_rule.any_addr'],
        ['NET-003', 'azurerm_network_security_rule.wide'],
      ],
    },
    {
      name: 'ports written as numbers, alone or in a list',
      messages: ['allows inbound from "*" to port 22.', 'allows inbound from "Internet" to port 3389.'],
      hcl: `
resource "azurerm_network_security_rule" "single" {
  name                        = "rdp"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = 3389
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

resource "azurerm_network_security_rule" "list" {
  name                        = "ssh-https"
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = [22, 443]
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
`,
      errors: [
        ['NET-003', 'azurerm_network_security_rule.list'],
        ['NET-003', 'azurerm_network_security_rule.single'],
      ],
    },
    {
      name: 'a port range Azure would not accept counts as open; security rules from a dynamic block',
      messages: [
        'security_rule is built by a dynamic block, so its rules cannot be checked for internet access to management ports.',
        'allows inbound from "*" to port 22 and 3389.',
      ],
      synth: tf({
        'azurerm_network_security_rule.typo': {
          ...RULE,
          source_address_prefix: '*',
          destination_port_range: '22,3389',
        },
        'azurerm_network_security_group.dyn': {
          dynamic: { security_rule: { for_each: '${var.rules}', content: { name: '${security_rule.key}' } } },
        },
      }),
      errors: [
        ['NET-003', 'azurerm_network_security_group.dyn'],
        ['NET-003', 'azurerm_network_security_rule.typo'],
      ],
    },
  ],
});

ruleTester(NET_004, {
  valid: [
    {
      name: 'private NIC and scale set',
      synth: tf({
        'azurerm_network_interface.nic': {
          ip_configuration: {
            name: 'ip',
            subnet_id: '${azurerm_subnet.s.id}',
            private_ip_address_allocation: 'Dynamic',
          },
        },
        'azurerm_linux_virtual_machine_scale_set.ss': {
          network_interface: { name: 'n', ip_configuration: [{ name: 'ip', subnet_id: 'x' }] },
        },
        'data.azurerm_public_ip.bastion': { name: 'pip-bastion', resource_group_name: 'rg-hub' },
      }),
      plan: plan([
        {
          at: 'azurerm_network_interface.nic',
          values: { ip_configuration: [{ name: 'ip', public_ip_address_id: null }] },
        },
      ]),
    },
  ],
  invalid: [
    {
      name: 'a scale set whose ip configurations come from a nested dynamic block',
      messages: [
        'network_interface[0].network_interface.ip_configuration is built by a dynamic block, so public IPs cannot be ruled out.',
      ],
      synth: tf({
        'azurerm_linux_virtual_machine_scale_set.ss': {
          network_interface: {
            name: 'n',
            dynamic: {
              ip_configuration: { for_each: '${var.ips}', content: { name: '${ip_configuration.key}' } },
            },
          },
        },
      }),
      errors: [['NET-004', 'azurerm_linux_virtual_machine_scale_set.ss']],
      message: /dynamic block/,
    },
    {
      name: 'a public IP, a NIC that attaches it (value through a reference), a scale set with public IPs',
      messages: [
        'network_interface[0].ip_configuration[0] gives every instance a public IP.',
        'ip_configuration[1] attaches a public IP (public_ip_address_id).',
        'this is a public IP address.',
      ],
      synth: tf({
        'azurerm_public_ip.pip': { location: 'norwayeast', allocation_method: 'Static' },
        'azurerm_network_interface.nic': {
          ip_configuration: [
            { name: 'a' },
            { name: 'b', public_ip_address_id: '${azurerm_public_ip.pip.id}' },
          ],
        },
        'azurerm_linux_virtual_machine_scale_set.ss': {
          network_interface: [
            { name: 'n', ip_configuration: { name: 'ip', public_ip_address: { name: 'pub' } } },
          ],
        },
      }),
      plan: plan([
        { at: 'azurerm_public_ip.pip', index: 0, values: { location: 'norwayeast' } },
        {
          at: 'module.vm.azurerm_network_interface.nic',
          values: { ip_configuration: [{ name: 'a' }] },
          unknown: { ip_configuration: [{ public_ip_address_id: true }] },
        },
      ]),
      errors: [
        ['NET-004', 'azurerm_linux_virtual_machine_scale_set.ss'],
        ['NET-004', 'azurerm_network_interface.nic'],
        ['NET-004', 'azurerm_public_ip.pip'],
      ],
      planErrors: [
        ['NET-004', 'azurerm_public_ip.pip[0]'],
        ['NET-004', 'module.vm.azurerm_network_interface.nic'],
      ],
    },
    {
      name: 'a public IP prefix; a NIC and a scale set whose configurations come from dynamic blocks',
      messages: [
        'ip_configuration is built by a dynamic block, so public IPs cannot be ruled out.',
        'this is a public IP prefix.',
        'network_interface is built by a dynamic block, so public IPs cannot be ruled out.',
      ],
      synth: tf({
        'azurerm_public_ip_prefix.p': { location: 'norwayeast', prefix_length: 30 },
        'azurerm_network_interface.nic': {
          dynamic: {
            ip_configuration: { for_each: '${var.ips}', content: { name: '${ip_configuration.key}' } },
          },
        },
        'azurerm_windows_virtual_machine_scale_set.ss': {
          dynamic: {
            network_interface: { for_each: '${var.nics}', content: { name: '${network_interface.key}' } },
          },
        },
      }),
      errors: [
        ['NET-004', 'azurerm_network_interface.nic'],
        ['NET-004', 'azurerm_public_ip_prefix.p'],
        ['NET-004', 'azurerm_windows_virtual_machine_scale_set.ss'],
      ],
    },
    {
      name: 'an orchestrated scale set with a public IP block; one whose public IP block is dynamic',
      messages: [
        'network_interface[0].ip_configuration[0] gives every instance a public IP.',
        'network_interface[0].ip_configuration[1] gives every instance a public IP.',
      ],
      synth: tf({
        'azurerm_orchestrated_virtual_machine_scale_set.vmss': {
          network_interface: {
            name: 'n',
            ip_configuration: [
              { name: 'private', subnet_id: 'x' },
              { name: 'public', subnet_id: 'x', public_ip_address: { name: 'pub' } },
            ],
          },
        },
        'azurerm_orchestrated_virtual_machine_scale_set.dyn': {
          network_interface: {
            name: 'n',
            ip_configuration: {
              name: 'ip',
              dynamic: { public_ip_address: { for_each: '${var.public}', content: { name: 'pub' } } },
            },
          },
        },
      }),
      errors: [
        ['NET-004', 'azurerm_orchestrated_virtual_machine_scale_set.dyn'],
        ['NET-004', 'azurerm_orchestrated_virtual_machine_scale_set.vmss'],
      ],
    },
  ],
});

ruleTester(NET_005, {
  valid: [
    {
      name: 'storage with a private endpoint; PostgreSQL injected into a subnet',
      synth: tf({
        'azurerm_storage_account.sa': SA,
        'azurerm_private_endpoint.pe': {
          private_service_connection: {
            name: 'c',
            private_connection_resource_id: '${azurerm_storage_account.sa.id}',
            subresource_names: ['blob'],
          },
        },
        'azurerm_postgresql_flexible_server.pg': { delegated_subnet_id: '${azurerm_subnet.db.id}' },
        'data.azurerm_key_vault.shared': { name: 'kv-shared', resource_group_name: 'rg-shared' },
      }),
      plan: plan([
        { at: 'module.st.azurerm_storage_account.sa', index: 0, values: SA },
        {
          at: 'module.st.azurerm_private_endpoint.pe',
          index: 0,
          values: { private_service_connection: [{ name: 'c' }] },
          unknown: { private_service_connection: [{ private_connection_resource_id: true }] },
          references: {
            'private_service_connection.private_connection_resource_id': [
              'azurerm_storage_account.sa[0].id',
              'azurerm_storage_account.sa',
            ],
          },
        },
      ]),
    },
  ],
  invalid: [
    {
      name: 'a Key Vault without a private endpoint; an endpoint for another store does not count',
      messages: ['no private endpoint in this configuration.'],
      synth: tf({
        'azurerm_key_vault.kv': {},
        'azurerm_storage_account.sa': SA,
        'azurerm_private_endpoint.pe': {
          private_service_connection: [
            { private_connection_resource_id: '${azurerm_storage_account.sa.id}' },
          ],
        },
      }),
      plan: plan([{ at: 'azurerm_key_vault.kv', values: {} }]),
      errors: [['NET-005', 'azurerm_key_vault.kv']],
    },
    {
      name: 'PostgreSQL neither injected nor behind an endpoint; an endpoint to a store outside the configuration',
      messages: [
        'no private endpoint in this configuration (the private endpoint azurerm_private_endpoint.ext could not be resolved to a resource, so it does not count).',
      ],
      synth: tf({
        'azurerm_postgresql_flexible_server.pg': { public_network_access_enabled: false },
        'azurerm_private_endpoint.ext': {
          private_service_connection: {
            name: 'c',
            private_connection_resource_id:
              '/subscriptions/x/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg',
            subresource_names: ['postgresqlServer'],
          },
        },
      }),
      errors: [['NET-005', 'azurerm_postgresql_flexible_server.pg']],
    },
    {
      name: 'an endpoint whose connections come from a dynamic block is named as unresolved',
      messages: [
        'no private endpoint in this configuration (the private endpoint azurerm_private_endpoint.pe could not be resolved to a resource, so it does not count).',
      ],
      synth: tf({
        'azurerm_key_vault.kv': {},
        'azurerm_private_endpoint.pe': {
          dynamic: {
            private_service_connection: {
              for_each: '${var.connections}',
              content: { private_connection_resource_id: '${private_service_connection.value}' },
            },
          },
        },
      }),
      errors: [['NET-005', 'azurerm_key_vault.kv']],
    },
  ],
});

ruleTester(NET_006, {
  valid: [
    {
      name: 'private cluster, node public IPs off',
      synth: tf({
        'azurerm_kubernetes_cluster.k': {
          private_cluster_enabled: true,
          default_node_pool: { name: 'sys', node_public_ip_enabled: false },
        },
        'azurerm_kubernetes_cluster_node_pool.p': {
          kubernetes_cluster_id: '${azurerm_kubernetes_cluster.k.id}',
        },
        'data.azurerm_kubernetes_cluster.shared': { name: 'aks-shared', resource_group_name: 'rg-shared' },
      }),
      plan: plan([
        {
          at: 'azurerm_kubernetes_cluster.k',
          values: { private_cluster_enabled: true, default_node_pool: [{ node_public_ip_enabled: false }] },
        },
      ]),
    },
  ],
  invalid: [
    {
      name: 'a private cluster that still publishes its API server name publicly',
      message: /private_cluster_public_fqdn_enabled is true\.$/,
      synth: tf({
        'azurerm_kubernetes_cluster.fqdn': {
          private_cluster_enabled: true,
          private_cluster_public_fqdn_enabled: true,
          default_node_pool: { name: 'sys' },
        },
      }),
      errors: [['NET-006', 'azurerm_kubernetes_cluster.fqdn']],
    },
    {
      name: 'public API server by default; node public IPs under the 4.x and 3.x names',
      messages: [
        'node_public_ip_enabled is true.',
        'private_cluster_enabled is not set, and the provider default is false.',
        'default_node_pool.enable_node_public_ip is true.',
      ],
      synth: tf({
        'azurerm_kubernetes_cluster.k': { default_node_pool: { name: 'sys' } },
        'azurerm_kubernetes_cluster.k3': {
          private_cluster_enabled: true,
          default_node_pool: { name: 'sys', enable_node_public_ip: true },
        },
        'azurerm_kubernetes_cluster_node_pool.p': { node_public_ip_enabled: true },
      }),
      plan: plan([
        {
          at: 'azurerm_kubernetes_cluster.k',
          values: { private_cluster_enabled: false, default_node_pool: [{ node_public_ip_enabled: false }] },
        },
      ]),
      errors: [
        ['NET-006', 'azurerm_kubernetes_cluster.k'],
        ['NET-006', 'azurerm_kubernetes_cluster.k3'],
        ['NET-006', 'azurerm_kubernetes_cluster_node_pool.p'],
      ],
      planErrors: [['NET-006', 'azurerm_kubernetes_cluster.k']],
    },
  ],
});

// Health Data Services and Container Apps: exposure flags of their own.
ruleTester(NET_001, {
  valid: [
    {
      name: 'a DICOM service with public access off; an internal Container Apps environment; an app without external ingress',
      synth: tf({
        'azurerm_healthcare_dicom_service.dicom': { public_network_access_enabled: false },
        'azurerm_container_app_environment.cae': { internal_load_balancer_enabled: true },
        'azurerm_container_app.internal': { ingress: { external_enabled: false, target_port: 8080 } },
        'azurerm_container_app.worker': { revision_mode: 'Single' },
      }),
      plan: plan([
        { at: 'azurerm_healthcare_dicom_service.dicom', values: { public_network_access_enabled: false } },
        { at: 'azurerm_container_app_environment.cae', values: { internal_load_balancer_enabled: true } },
        { at: 'azurerm_container_app.internal', values: { ingress: [{ external_enabled: false }] } },
      ]),
    },
  ],
  invalid: [
    {
      name: 'DICOM public by default; a public environment; external ingress; an unknown flag fails closed',
      synth: tf({
        'azurerm_healthcare_dicom_service.dicom': { name: 'dicom' },
        'azurerm_container_app_environment.cae': { name: 'cae' },
        'azurerm_container_app.web': { ingress: { external_enabled: true, target_port: 80 } },
        'azurerm_container_app.var': { ingress: { external_enabled: '${var.public}', target_port: 80 } },
      }),
      errors: [
        ['NET-001', 'azurerm_healthcare_dicom_service.dicom'],
        ['NET-001', 'azurerm_container_app_environment.cae'],
        ['NET-001', 'azurerm_container_app.web'],
        ['NET-001', 'azurerm_container_app.var'],
      ],
    },
    {
      name: 'the messages say what is exposed',
      synth: tf({
        'azurerm_container_app_environment.cae': { internal_load_balancer_enabled: false },
        'azurerm_container_app.web': { ingress: { external_enabled: true } },
      }),
      errors: [
        ['NET-001', 'azurerm_container_app_environment.cae'],
        ['NET-001', 'azurerm_container_app.web'],
      ],
      messages: [
        'internal_load_balancer_enabled is false; the environment has a public load balancer.',
        'ingress.external_enabled is true; the app is reachable from the internet.',
      ],
    },
  ],
});

ruleTester(NET_005, {
  valid: [
    {
      name: 'a Health Data Services workspace reached through a private endpoint',
      synth: tf({
        'azurerm_healthcare_workspace.hw': { name: 'hw' },
        'azurerm_private_endpoint.pe': {
          private_service_connection: {
            name: 'c',
            private_connection_resource_id: '${azurerm_healthcare_workspace.hw.id}',
            subresource_names: ['healthcareworkspace'],
          },
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'a Health Data Services workspace without one: its FHIR and DICOM services are reachable only publicly',
      synth: tf({ 'azurerm_healthcare_workspace.hw': { name: 'hw' } }),
      errors: [['NET-005', 'azurerm_healthcare_workspace.hw']],
    },
  ],
});
