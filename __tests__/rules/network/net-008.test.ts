/** The valid and invalid cases of NET-008 (`policies/rules/network/net-008-firewall-ranges.ts`). */
import { NET_008 } from '../../../policies/rules/network/net-008-firewall-ranges';
import { settings } from '../../helpers/rules/network';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(NET_008, {
  valid: [
    {
      name: 'private and approved firewall entries; storage with bypass None and approved ip_rules; no network_rules (NET-002)',
      settings,
      synth: tf({
        'azurerm_mssql_firewall_rule.office': {
          start_ip_address: '203.0.113.10',
          end_ip_address: '203.0.113.20',
        },
        'azurerm_postgresql_flexible_server_firewall_rule.hub': {
          start_ip_address: '10.0.0.0',
          end_ip_address: '10.0.255.255',
        },
        'azurerm_redis_firewall_rule.r': { start_ip: '198.51.100.7', end_ip: '198.51.100.7' },
        'azurerm_storage_account.sa': {
          network_rules: { default_action: 'Deny', bypass: ['None'], ip_rules: ['203.0.113.0/28'] },
        },
        'azurerm_storage_account.plain': {},
        'azurerm_key_vault.kv': {
          network_acls: { default_action: 'Deny', bypass: 'AzureServices', ip_rules: ['203.0.113.7'] },
        },
        'azurerm_cosmosdb_account.c': { ip_range_filter: ['10.0.0.0/16'] },
        'azurerm_kubernetes_cluster.aks': {
          api_server_access_profile: { authorized_ip_ranges: ['203.0.113.0/24'] },
        },
        'azurerm_storage_account_network_rules.n': {
          default_action: 'Deny',
          bypass: ['Logging'],
          ip_rules: [],
        },
      }),
      plan: plan([
        {
          at: 'azurerm_storage_account.sa',
          values: { network_rules: [{ default_action: 'Deny', bypass: ['None'], ip_rules: [] }] },
        },
      ]),
      hcl: `
resource "azurerm_mssql_firewall_rule" "office" {
  start_ip_address = "203.0.113.10"
  end_ip_address = "203.0.113.20"
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "hub" {
  start_ip_address = "10.0.0.0"
  end_ip_address = "10.0.255.255"
}

resource "azurerm_redis_firewall_rule" "r" {
  start_ip = "198.51.100.7"
  end_ip = "198.51.100.7"
}

resource "azurerm_storage_account" "sa" {
  network_rules {
    default_action = "Deny"
    bypass = ["None"]
    ip_rules = ["203.0.113.0/28"]
  }
}

resource "azurerm_storage_account" "plain" {}

resource "azurerm_key_vault" "kv" {
  network_acls {
    default_action = "Deny"
    bypass = "AzureServices"
    ip_rules = ["203.0.113.7"]
  }
}

resource "azurerm_cosmosdb_account" "c" {
  ip_range_filter = ["10.0.0.0/16"]
}

resource "azurerm_kubernetes_cluster" "aks" {
  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24"]
  }
}

resource "azurerm_storage_account_network_rules" "n" {
  default_action = "Deny"
  bypass = ["Logging"]
  ip_rules = []
}
`,
    },
    {
      name: 'comma-separated allow-lists with blanks and trailing commas; a Key Vault data source is not judged',
      settings,
      synth: tf({
        'azurerm_cosmosdb_account.legacy': { ip_range_filter: '10.0.0.0/16, 203.0.113.7, ' },
        'azurerm_search_service.s': { allowed_ips: ['203.0.113.7,', ' ', '198.51.100.7 , 10.1.0.0/16'] },
        'data.azurerm_key_vault.shared': {
          name: 'kv-shared',
          resource_group_name: 'rg',
          network_acls: { default_action: 'Allow', bypass: 'AzureServices', ip_rules: ['8.8.8.8'] },
        },
      }),
      plan: plan([
        { at: 'azurerm_cosmosdb_account.legacy', values: { ip_range_filter: '10.0.0.0/16, 203.0.113.7, ' } },
        {
          at: 'azurerm_search_service.s',
          values: { allowed_ips: ['203.0.113.7,', ' ', '198.51.100.7 , 10.1.0.0/16'] },
        },
        {
          at: 'data.azurerm_key_vault.shared',
          actions: ['read'],
          values: {
            name: 'kv-shared',
            resource_group_name: 'rg',
            network_acls: [{ default_action: 'Allow', bypass: 'AzureServices', ip_rules: ['8.8.8.8'] }],
          },
        },
      ]),
    },
  ],
  invalid: [
    {
      name: 'database firewall 0.0.0.0–255.255.255.255 and the Azure-services rule; public storage ip_rules; bypass AzureServices, explicit and by default',
      settings,
      synth: tf({
        'azurerm_mssql_firewall_rule.all': { start_ip_address: '0.0.0.0', end_ip_address: '255.255.255.255' },
        'azurerm_mssql_firewall_rule.azure': { start_ip_address: '0.0.0.0', end_ip_address: '0.0.0.0' },
        'azurerm_mysql_flexible_server_firewall_rule.m': {
          start_ip_address: '203.0.113.0',
          end_ip_address: '203.0.114.0',
        },
        'azurerm_storage_account.sa': {
          network_rules: { default_action: 'Deny', bypass: ['None'], ip_rules: ['8.8.8.0/24'] },
        },
        'azurerm_storage_account.trusted': {
          network_rules: { default_action: 'Deny', bypass: ['AzureServices', 'Logging'] },
        },
        'azurerm_storage_account_network_rules.n': { default_action: 'Deny' },
      }),
      plan: plan([
        {
          at: 'azurerm_mssql_firewall_rule.all',
          values: { start_ip_address: '0.0.0.0', end_ip_address: '255.255.255.255' },
        },
        {
          at: 'azurerm_mssql_firewall_rule.azure',
          values: { start_ip_address: '0.0.0.0', end_ip_address: '0.0.0.0' },
        },
        {
          at: 'azurerm_mysql_flexible_server_firewall_rule.m',
          values: { start_ip_address: '203.0.113.0', end_ip_address: '203.0.114.0' },
        },
        {
          at: 'azurerm_storage_account.sa',
          values: { network_rules: { default_action: 'Deny', bypass: ['None'], ip_rules: ['8.8.8.0/24'] } },
        },
        {
          at: 'azurerm_storage_account.trusted',
          values: { network_rules: { default_action: 'Deny', bypass: ['AzureServices', 'Logging'] } },
        },
        { at: 'azurerm_storage_account_network_rules.n', values: { default_action: 'Deny' } },
      ]),
      hcl: `
resource "azurerm_mssql_firewall_rule" "all" {
  start_ip_address = "0.0.0.0"
  end_ip_address = "255.255.255.255"
}

resource "azurerm_mssql_firewall_rule" "azure" {
  start_ip_address = "0.0.0.0"
  end_ip_address = "0.0.0.0"
}

resource "azurerm_mysql_flexible_server_firewall_rule" "m" {
  start_ip_address = "203.0.113.0"
  end_ip_address = "203.0.114.0"
}

resource "azurerm_storage_account" "sa" {
  network_rules {
    default_action = "Deny"
    bypass = ["None"]
    ip_rules = ["8.8.8.0/24"]
  }
}

resource "azurerm_storage_account" "trusted" {
  network_rules {
    default_action = "Deny"
    bypass = ["AzureServices", "Logging"]
  }
}

resource "azurerm_storage_account_network_rules" "n" {
  default_action = "Deny"
}
`,
      errors: [
        ['NET-008', 'azurerm_mssql_firewall_rule.all'],
        ['NET-008', 'azurerm_mssql_firewall_rule.azure'],
        ['NET-008', 'azurerm_mysql_flexible_server_firewall_rule.m'],
        ['NET-008', 'azurerm_storage_account.sa'],
        ['NET-008', 'azurerm_storage_account.trusted'],
        ['NET-008', 'azurerm_storage_account_network_rules.n'],
      ],
      messages: [
        '0.0.0.0–255.255.255.255 is public and outside the approved ranges.',
        '0.0.0.0–0.0.0.0 admits every Azure service, in every country.',
        '203.0.113.0–203.0.114.0 is public and outside the approved ranges.',
        'ip_rules admits "8.8.8.0/24" (public, outside the approved ranges).',
        'bypass includes AzureServices (trusted services of any tenant, in any region).',
        'bypass is not set, and the default is AzureServices (trusted services of any tenant, in any region).',
      ],
    },
    {
      name: 'Key Vault, Cosmos DB, container registry, AKS API server and Event Hubs allow-lists with public ranges',
      settings,
      synth: tf({
        'azurerm_key_vault.kv': {
          network_acls: {
            default_action: 'Deny',
            bypass: 'AzureServices',
            ip_rules: ['203.0.113.0/24', '8.8.8.8/32'],
          },
        },
        'azurerm_cosmosdb_account.c': { ip_range_filter: ['0.0.0.0'] },
        'azurerm_container_registry.acr': {
          network_rule_set: { default_action: 'Deny', ip_rule: [{ action: 'Allow', ip_range: '0.0.0.0/0' }] },
        },
        'azurerm_kubernetes_cluster.aks': {
          api_server_access_profile: { authorized_ip_ranges: ['203.0.113.0/24', '52.0.0.0/8'] },
        },
        'azurerm_eventhub_namespace.eh': {
          network_rulesets: {
            default_action: 'Deny',
            ip_rule: [{ ip_mask: '198.51.100.7' }, { ip_mask: '1.1.1.1' }],
          },
        },
      }),
      errors: [
        ['NET-008', 'azurerm_container_registry.acr'],
        ['NET-008', 'azurerm_cosmosdb_account.c'],
        ['NET-008', 'azurerm_eventhub_namespace.eh'],
        ['NET-008', 'azurerm_key_vault.kv'],
        ['NET-008', 'azurerm_kubernetes_cluster.aks'],
      ],
      messages: [
        'network_acls.ip_rules admits "8.8.8.8/32" (public, outside the approved ranges).',
        'ip_range_filter admits "0.0.0.0" (public, outside the approved ranges).',
        'network_rule_set.ip_rule admits "0.0.0.0/0" (public, outside the approved ranges).',
        'api_server_access_profile.authorized_ip_ranges admits "52.0.0.0/8" (public, outside the approved ranges).',
        'network_rulesets.ip_rule admits "1.1.1.1" (public, outside the approved ranges).',
      ],
    },
    {
      name: 'a firewall range unknown before apply fails closed',
      synth: tf(
        { 'azurerm_mssql_firewall_rule.v': { start_ip_address: '${var.ip}', end_ip_address: '${var.ip}' } },
        { variable: { ip: { type: 'string' } } },
      ),
      errors: [['NET-008', 'azurerm_mssql_firewall_rule.v']],
    },
    {
      name: 'allow-lists of every shape: registry and Event Hubs rule blocks, Service Bus, Search, Key Vault',
      settings,
      synth: tf({
        'azurerm_container_registry.acr': {
          network_rule_set: {
            default_action: 'Deny',
            ip_rule: [{ action: 'Allow', ip_range: '8.8.8.0/24' }],
          },
        },
        'azurerm_eventhub_namespace.eh': {
          network_rulesets: {
            default_action: 'Deny',
            ip_rule: [{ ip_mask: '203.0.113.0/24' }, { ip_mask: '0.0.0.0/0' }],
          },
        },
        'azurerm_servicebus_namespace.sb': { network_rule_set: { ip_rules: ['2001:db8::/32'] } },
        'azurerm_search_service.s': { allowed_ips: ['203.0.113.7, 192.0.2.1'] },
        'azurerm_key_vault.kv': {
          network_acls: { default_action: 'Deny', bypass: 'None', ip_rules: ['AzureCloud'] },
        },
      }),
      errors: [
        ['NET-008', 'azurerm_container_registry.acr'],
        ['NET-008', 'azurerm_eventhub_namespace.eh'],
        ['NET-008', 'azurerm_key_vault.kv'],
        ['NET-008', 'azurerm_search_service.s'],
        ['NET-008', 'azurerm_servicebus_namespace.sb'],
      ],
      messages: [
        'allowed_ips admits "192.0.2.1" (public, outside the approved ranges).',
        'network_acls.ip_rules admits "AzureCloud" (a service tag spanning addresses outside the hospital, e.g. Azure worldwide).',
        'network_rule_set.ip_rule admits "8.8.8.0/24" (public, outside the approved ranges).',
        'network_rule_set.ip_rules admits "2001:db8::/32" (IPv6 is not in the approved ranges).',
        'network_rulesets.ip_rule admits "0.0.0.0/0" (public, outside the approved ranges).',
      ],
    },
    {
      name: 'storage: bypass left to its default, bypass with AzureServices, ip rules and bypass unknown before apply',
      settings,
      synth: tf({
        'azurerm_storage_account.default': { network_rules: { default_action: 'Deny', ip_rules: [] } },
        'azurerm_storage_account.trusted': {
          network_rules: { default_action: 'Deny', bypass: ['Logging', 'AzureServices'] },
        },
        'azurerm_storage_account_network_rules.computed': {
          default_action: 'Deny',
          bypass: '${var.bypass}',
          ip_rules: '${var.ranges}',
        },
      }),
      errors: [
        ['NET-008', 'azurerm_storage_account.default'],
        ['NET-008', 'azurerm_storage_account.trusted'],
        ['NET-008', 'azurerm_storage_account_network_rules.computed'],
        ['NET-008', 'azurerm_storage_account_network_rules.computed'],
      ],
      messages: [
        'bypass cannot be verified before apply.',
        'bypass includes AzureServices (trusted services of any tenant, in any region).',
        'bypass is not set, and the default is AzureServices (trusted services of any tenant, in any region).',
        'ip_rules cannot be verified before apply.',
      ],
    },
    {
      name: 'firewall rules: an interval unknown before apply, a reversed interval, an allow list unknown before apply',
      settings,
      synth: tf({
        'azurerm_mysql_flexible_server_firewall_rule.computed': {
          start_ip_address: '${var.start}',
          end_ip_address: '203.0.113.9',
        },
        'azurerm_mssql_firewall_rule.reversed': {
          start_ip_address: '203.0.113.9',
          end_ip_address: '203.0.113.1',
        },
        'azurerm_kubernetes_cluster.aks': {
          api_server_access_profile: { authorized_ip_ranges: '${var.ranges}' },
        },
        'azurerm_container_registry.acr': {
          network_rule_set: {
            default_action: 'Deny',
            ip_rule: [{ action: 'Allow', ip_range: '${var.range}' }],
          },
        },
      }),
      errors: [
        ['NET-008', 'azurerm_container_registry.acr'],
        ['NET-008', 'azurerm_kubernetes_cluster.aks'],
        ['NET-008', 'azurerm_mssql_firewall_rule.reversed'],
        ['NET-008', 'azurerm_mysql_flexible_server_firewall_rule.computed'],
      ],
      messages: [
        '203.0.113.9–203.0.113.1 is not an address range.',
        'api_server_access_profile.authorized_ip_ranges cannot be verified before apply.',
        'network_rule_set.ip_rule cannot be verified before apply.',
        'the address range cannot be verified before apply.',
      ],
    },
    {
      name: 'an explicit bypass of AzureServices alone, in any case',
      settings,
      synth: tf({
        'azurerm_storage_account_network_rules.n': {
          default_action: 'Deny',
          bypass: ['azureservices'],
          ip_rules: ['203.0.113.7'],
        },
      }),
      plan: plan([
        {
          at: 'azurerm_storage_account_network_rules.n',
          values: { default_action: 'Deny', bypass: ['azureservices'], ip_rules: ['203.0.113.7'] },
        },
      ]),
      errors: [['NET-008', 'azurerm_storage_account_network_rules.n']],
      messages: ['bypass includes AzureServices (trusted services of any tenant, in any region).'],
    },
    {
      name: 'firewalls and allow-lists from dynamic blocks cannot be checked',
      settings,
      synth: tf(
        {
          'azurerm_storage_account.sa': {
            dynamic: {
              network_rules: {
                for_each: '${var.rules}',
                content: { default_action: 'Deny', bypass: ['None'] },
              },
            },
          },
          'azurerm_key_vault.kv': {
            dynamic: {
              network_acls: { for_each: '${var.rules}', content: { default_action: 'Deny', bypass: 'None' } },
            },
          },
          'azurerm_container_registry.acr': {
            network_rule_set: {
              default_action: 'Deny',
              dynamic: {
                ip_rule: { for_each: '${var.rules}', content: { action: 'Allow', ip_range: '10.0.0.1' } },
              },
            },
          },
        },
        { variable: { rules: { type: 'list(string)' } } },
      ),
      errors: [
        ['NET-008', 'azurerm_container_registry.acr'],
        ['NET-008', 'azurerm_key_vault.kv'],
        ['NET-008', 'azurerm_storage_account.sa'],
      ],
      messages: [
        'network_rule_set.ip_rule cannot be verified before apply.',
        'network_acls is built by a dynamic block, so its allowed addresses cannot be checked.',
        'network_rules is built by a dynamic block, so its firewall cannot be checked.',
      ],
    },
    {
      name: 'an end address unknown before apply; addresses, lists and list entries that are not strings; a comma-separated filter',
      settings,
      synth: tf(
        {
          'azurerm_mssql_firewall_rule.end': {
            start_ip_address: '203.0.113.1',
            end_ip_address: '${var.end}',
          },
          'azurerm_mssql_firewall_rule.number': { start_ip_address: 42, end_ip_address: '203.0.113.1' },
          'azurerm_kubernetes_cluster.aks': {
            api_server_access_profile: { authorized_ip_ranges: ['203.0.113.0/24', 42] },
          },
          'azurerm_eventhub_namespace.eh': {
            network_rulesets: { default_action: 'Deny', ip_rule: [{ ip_mask: ['203.0.113.7'] }] },
          },
          'azurerm_search_service.s': { allowed_ips: 42 },
          'azurerm_cosmosdb_account.legacy': { ip_range_filter: '10.0.0.0/16,8.8.8.8' },
        },
        { variable: { end: { type: 'string' } } },
      ),
      errors: [
        ['NET-008', 'azurerm_cosmosdb_account.legacy'],
        ['NET-008', 'azurerm_eventhub_namespace.eh'],
        ['NET-008', 'azurerm_kubernetes_cluster.aks'],
        ['NET-008', 'azurerm_mssql_firewall_rule.end'],
        ['NET-008', 'azurerm_mssql_firewall_rule.number'],
        ['NET-008', 'azurerm_search_service.s'],
      ],
      messages: [
        'ip_range_filter admits "8.8.8.8" (public, outside the approved ranges).',
        'allowed_ips cannot be verified before apply.',
        'network_rulesets.ip_rule cannot be verified before apply.',
        'api_server_access_profile.authorized_ip_ranges cannot be verified before apply.',
        'the address range cannot be verified before apply.',
        'the address range cannot be verified before apply.',
      ],
    },
  ],
});
