/** The valid and invalid cases of NET-007 (`policies/rules/network/net-007-unapproved-sources.ts`). */
import { NET_007 } from '../../../policies/rules/network/net-007-unapproved-sources';
import { settings } from '../../helpers/rules/network';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const inbound = (source: Record<string, unknown>, port: string | Record<string, unknown>) => ({
  name: 'r',
  priority: 100,
  direction: 'Inbound',
  access: 'Allow',
  protocol: 'Tcp',
  source_port_range: '*',
  ...(typeof port === 'string' ? { destination_port_range: port } : port),
  destination_address_prefix: '*',
  ...source,
});

ruleTester(NET_007, {
  valid: [
    {
      name: 'private, VirtualNetwork and approved sources to management and data ports; the internet to 443; deny and outbound rules',
      settings,
      synth: tf({
        'azurerm_network_security_group.nsg': {
          security_rule: [
            inbound({ source_address_prefix: '10.0.0.0/16' }, '22'),
            inbound({ source_address_prefix: 'VirtualNetwork' }, '1433'),
            inbound(
              { source_address_prefixes: ['203.0.113.16/28', '198.51.100.7'] },
              { destination_port_ranges: ['3389', '5985-5986'] },
            ),
            inbound({ source_address_prefix: '*' }, '443'),
            { ...inbound({ source_address_prefix: '*' }, '*'), access: 'Deny' },
            { ...inbound({ source_address_prefix: '*' }, '22'), direction: 'Outbound' },
          ],
        },
        'azurerm_network_security_rule.asg': inbound(
          { source_application_security_group_ids: ['${azurerm_application_security_group.a.id}'] },
          '22',
        ),
      }),
      plan: plan([
        {
          at: 'azurerm_network_security_rule.r',
          values: {
            ...inbound({ source_address_prefix: '203.0.113.5', source_address_prefixes: [] }, '5432'),
            destination_port_ranges: [],
          },
        },
      ]),
      hcl: `
resource "azurerm_network_security_group" "nsg" {
  security_rule {
    name = "r"
    priority = 100
    direction = "Inbound"
    access = "Allow"
    protocol = "Tcp"
    source_port_range = "*"
    destination_port_range = "22"
    destination_address_prefix = "*"
    source_address_prefix = "10.0.0.0/16"
  }
  security_rule {
    name = "r"
    priority = 100
    direction = "Inbound"
    access = "Allow"
    protocol = "Tcp"
    source_port_range = "*"
    destination_port_range = "1433"
    destination_address_prefix = "*"
    source_address_prefix = "VirtualNetwork"
  }
  security_rule {
    name = "r"
    priority = 100
    direction = "Inbound"
    access = "Allow"
    protocol = "Tcp"
    source_port_range = "*"
    destination_port_ranges = ["3389", "5985-5986"]
    destination_address_prefix = "*"
    source_address_prefixes = ["203.0.113.16/28", "198.51.100.7"]
  }
  security_rule {
    name = "r"
    priority = 100
    direction = "Inbound"
    access = "Allow"
    protocol = "Tcp"
    source_port_range = "*"
    destination_port_range = "443"
    destination_address_prefix = "*"
    source_address_prefix = "*"
  }
  security_rule {
    name = "r"
    priority = 100
    direction = "Inbound"
    access = "Deny"
    protocol = "Tcp"
    source_port_range = "*"
    destination_port_range = "*"
    destination_address_prefix = "*"
    source_address_prefix = "*"
  }
  security_rule {
    name = "r"
    priority = 100
    direction = "Outbound"
    access = "Allow"
    protocol = "Tcp"
    source_port_range = "*"
    destination_port_range = "22"
    destination_address_prefix = "*"
    source_address_prefix = "*"
  }
}

resource "azurerm_network_security_rule" "asg" {
  name = "r"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_port_range = "22"
  destination_address_prefix = "*"
  source_application_security_group_ids = [azurerm_application_security_group.a.id]
}
`,
    },
    {
      name: "the internet to SSH or RDP is NET-003's finding, not reported twice",
      settings,
      synth: tf({
        'azurerm_network_security_rule.ssh': inbound({ source_address_prefix: '*' }, '22'),
        'azurerm_network_security_rule.rdp': inbound(
          { source_address_prefixes: ['Internet', '0.0.0.0/0'] },
          '3389',
        ),
      }),
    },
    {
      name: 'port ranges that stop short of every management and data port; a DNAT rule to a web port',
      settings,
      synth: tf({
        'azurerm_network_security_rule.below': {
          ...inbound({ source_address_prefix: '8.8.8.8' }, '1434-1500'),
          network_security_group_name: 'nsg',
        },
        'azurerm_network_security_rule.above': {
          ...inbound({ source_address_prefix: '8.8.8.8' }, '10251-10300'),
          network_security_group_name: 'nsg',
        },
        'azurerm_firewall_nat_rule_collection.web': {
          rule: [
            { name: 'web', source_addresses: ['*'], destination_ports: ['443'], translated_port: '8443' },
          ],
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'from * to 22 and 1433 reports 1433 only; a public range to 22 is reported',
      settings,
      synth: tf({
        'azurerm_network_security_rule.both': inbound(
          { source_address_prefix: '*' },
          { destination_port_ranges: ['22', '1433'] },
        ),
        'azurerm_network_security_rule.mixed': inbound({ source_address_prefixes: ['*', '8.8.8.8'] }, '22'),
      }),
      errors: [
        ['NET-007', 'azurerm_network_security_rule.both'],
        ['NET-007', 'azurerm_network_security_rule.mixed'],
      ],
      messages: [
        'allows inbound from "*" (the internet) to 1433 (SQL Server).',
        'allows inbound from "8.8.8.8" (public, outside the approved ranges) to 22 (SSH).',
      ],
    },
    {
      name: 'from * to WinRM, SMB, SQL, PostgreSQL and Redis; from AzureCloud; from 0.0.0.0/1 + 128.0.0.0/1; an unapproved public range',
      settings,
      synth: tf({
        'azurerm_network_security_rule.winrm': inbound({ source_address_prefix: '*' }, '5985'),
        'azurerm_network_security_rule.smb': inbound({ source_address_prefix: 'Internet' }, '445'),
        'azurerm_network_security_rule.sql': inbound(
          { source_address_prefix: 'Any' },
          { destination_port_ranges: ['1433', '5432'] },
        ),
        'azurerm_network_security_rule.redis': inbound({ source_address_prefix: '*' }, '6379-6380'),
        'azurerm_network_security_rule.cloud': inbound({ source_address_prefix: 'AzureCloud' }, '22'),
        'azurerm_network_security_rule.cloud_region': inbound(
          { source_address_prefix: 'AzureCloud.westeurope' },
          '3389',
        ),
        'azurerm_network_security_rule.halves': inbound(
          { source_address_prefixes: ['0.0.0.0/1', '128.0.0.0/1'] },
          '22',
        ),
        'azurerm_network_security_rule.public': inbound({ source_address_prefix: '203.0.114.0/24' }, '27017'),
        'azurerm_network_security_group.nsg': {
          security_rule: [inbound({ source_address_prefix: '::/0' }, '10250')],
        },
      }),
      plan: plan([
        {
          at: 'azurerm_network_security_rule.winrm',
          values: {
            name: 'r',
            priority: 100,
            direction: 'Inbound',
            access: 'Allow',
            protocol: 'Tcp',
            source_port_range: '*',
            destination_port_range: '5985',
            destination_address_prefix: '*',
            source_address_prefix: '*',
          },
        },
        {
          at: 'azurerm_network_security_rule.smb',
          values: {
            name: 'r',
            priority: 100,
            direction: 'Inbound',
            access: 'Allow',
            protocol: 'Tcp',
            source_port_range: '*',
            destination_port_range: '445',
            destination_address_prefix: '*',
            source_address_prefix: 'Internet',
          },
        },
        {
          at: 'azurerm_network_security_rule.sql',
          values: {
            name: 'r',
            priority: 100,
            direction: 'Inbound',
            access: 'Allow',
            protocol: 'Tcp',
            source_port_range: '*',
            destination_port_ranges: ['1433', '5432'],
            destination_address_prefix: '*',
            source_address_prefix: 'Any',
          },
        },
        {
          at: 'azurerm_network_security_rule.redis',
          values: {
            name: 'r',
            priority: 100,
            direction: 'Inbound',
            access: 'Allow',
            protocol: 'Tcp',
            source_port_range: '*',
            destination_port_range: '6379-6380',
            destination_address_prefix: '*',
            source_address_prefix: '*',
          },
        },
        {
          at: 'azurerm_network_security_rule.cloud',
          values: {
            name: 'r',
            priority: 100,
            direction: 'Inbound',
            access: 'Allow',
            protocol: 'Tcp',
            source_port_range: '*',
            destination_port_range: '22',
            destination_address_prefix: '*',
            source_address_prefix: 'AzureCloud',
          },
        },
        {
          at: 'azurerm_network_security_rule.cloud_region',
          values: {
            name: 'r',
            priority: 100,
            direction: 'Inbound',
            access: 'Allow',
            protocol: 'Tcp',
            source_port_range: '*',
            destination_port_range: '3389',
            destination_address_prefix: '*',
            source_address_prefix: 'AzureCloud.westeurope',
          },
        },
        {
          at: 'azurerm_network_security_rule.halves',
          values: {
            name: 'r',
            priority: 100,
            direction: 'Inbound',
            access: 'Allow',
            protocol: 'Tcp',
            source_port_range: '*',
            destination_port_range: '22',
            destination_address_prefix: '*',
            source_address_prefixes: ['0.0.0.0/1', '128.0.0.0/1'],
          },
        },
        {
          at: 'azurerm_network_security_rule.public',
          values: {
            name: 'r',
            priority: 100,
            direction: 'Inbound',
            access: 'Allow',
            protocol: 'Tcp',
            source_port_range: '*',
            destination_port_range: '27017',
            destination_address_prefix: '*',
            source_address_prefix: '203.0.114.0/24',
          },
        },
        {
          at: 'azurerm_network_security_group.nsg',
          values: {
            security_rule: [
              {
                name: 'r',
                priority: 100,
                direction: 'Inbound',
                access: 'Allow',
                protocol: 'Tcp',
                source_port_range: '*',
                destination_port_range: '10250',
                destination_address_prefix: '*',
                source_address_prefix: '::/0',
              },
            ],
          },
        },
      ]),
      hcl: `
resource "azurerm_network_security_rule" "winrm" {
  name = "r"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_port_range = "5985"
  destination_address_prefix = "*"
  source_address_prefix = "*"
}

resource "azurerm_network_security_rule" "smb" {
  name = "r"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_port_range = "445"
  destination_address_prefix = "*"
  source_address_prefix = "Internet"
}

resource "azurerm_network_security_rule" "sql" {
  name = "r"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_port_ranges = ["1433", "5432"]
  destination_address_prefix = "*"
  source_address_prefix = "Any"
}

resource "azurerm_network_security_rule" "redis" {
  name = "r"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_port_range = "6379-6380"
  destination_address_prefix = "*"
  source_address_prefix = "*"
}

resource "azurerm_network_security_rule" "cloud" {
  name = "r"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_port_range = "22"
  destination_address_prefix = "*"
  source_address_prefix = "AzureCloud"
}

resource "azurerm_network_security_rule" "cloud_region" {
  name = "r"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_port_range = "3389"
  destination_address_prefix = "*"
  source_address_prefix = "AzureCloud.westeurope"
}

resource "azurerm_network_security_rule" "halves" {
  name = "r"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_port_range = "22"
  destination_address_prefix = "*"
  source_address_prefixes = ["0.0.0.0/1", "128.0.0.0/1"]
}

resource "azurerm_network_security_rule" "public" {
  name = "r"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_port_range = "27017"
  destination_address_prefix = "*"
  source_address_prefix = "203.0.114.0/24"
}

resource "azurerm_network_security_group" "nsg" {
  security_rule {
    name = "r"
    priority = 100
    direction = "Inbound"
    access = "Allow"
    protocol = "Tcp"
    source_port_range = "*"
    destination_port_range = "10250"
    destination_address_prefix = "*"
    source_address_prefix = "::/0"
  }
}
`,
      errors: [
        ['NET-007', 'azurerm_network_security_group.nsg'],
        ['NET-007', 'azurerm_network_security_rule.cloud'],
        ['NET-007', 'azurerm_network_security_rule.cloud_region'],
        ['NET-007', 'azurerm_network_security_rule.halves'],
        ['NET-007', 'azurerm_network_security_rule.public'],
        ['NET-007', 'azurerm_network_security_rule.redis'],
        ['NET-007', 'azurerm_network_security_rule.smb'],
        ['NET-007', 'azurerm_network_security_rule.sql'],
        ['NET-007', 'azurerm_network_security_rule.winrm'],
      ],
    },
    {
      name: 'exact messages: split halves, a service tag, an unknown source',
      settings,
      synth: tf(
        {
          'azurerm_network_security_rule.halves': inbound(
            { source_address_prefixes: ['0.0.0.0/1', '128.0.0.0/1'] },
            '22',
          ),
          'azurerm_network_security_rule.cloud': inbound({ source_address_prefix: 'AzureCloud' }, '1433'),
          'azurerm_network_security_rule.var': inbound({ source_address_prefix: '${var.src}' }, '3306'),
        },
        { variable: { src: { type: 'string' } } },
      ),
      errors: [
        ['NET-007', 'azurerm_network_security_rule.cloud'],
        ['NET-007', 'azurerm_network_security_rule.halves'],
        ['NET-007', 'azurerm_network_security_rule.var'],
      ],
      messages: [
        'allows inbound from "0.0.0.0/1" (public, outside the approved ranges), "128.0.0.0/1" (public, outside the approved ranges) to 22 (SSH).',
        'allows inbound from "AzureCloud" (a service tag spanning addresses outside the hospital, e.g. Azure worldwide) to 1433 (SQL Server).',
        'allows inbound from a source unknown before apply to 3306 (MySQL).',
      ],
    },
    {
      name: 'firewall DNAT from the internet or an unapproved range to RDP, SSH or SQL',
      settings,
      synth: tf({
        'azurerm_firewall_policy_rule_collection_group.g': {
          nat_rule_collection: [
            {
              name: 'dnat',
              priority: 100,
              action: 'Dnat',
              rule: [
                {
                  name: 'ok',
                  protocols: ['TCP'],
                  source_addresses: ['203.0.113.0/24'],
                  destination_ports: ['3389'],
                  translated_port: 3389,
                },
                {
                  name: 'rdp',
                  protocols: ['TCP'],
                  source_addresses: ['*'],
                  destination_ports: ['50000'],
                  translated_port: 3389,
                },
              ],
            },
          ],
        },
        'azurerm_firewall_nat_rule_collection.c': {
          rule: [
            {
              name: 'sql',
              protocols: ['TCP'],
              source_addresses: ['8.8.8.0/24'],
              destination_ports: ['1433'],
              translated_port: '1433',
            },
          ],
        },
        'azurerm_firewall_nat_rule_collection.web': {
          rule: [
            {
              name: 'web',
              protocols: ['TCP'],
              source_addresses: ['*'],
              destination_ports: ['443'],
              translated_port: '443',
            },
          ],
        },
      }),
      errors: [
        ['NET-007', 'azurerm_firewall_nat_rule_collection.c'],
        ['NET-007', 'azurerm_firewall_policy_rule_collection_group.g'],
      ],
      messages: [
        'nat_rule_collection[0].rule[1] translates inbound from "*" (the internet) to 3389 (RDP).',
        'rule[0] translates inbound from "8.8.8.0/24" (public, outside the approved ranges) to 1433 (SQL Server).',
      ],
    },
    {
      name: 'without approved ranges, even the hospital range is not admitted (fail closed)',
      synth: tf({
        'azurerm_network_security_rule.r': inbound({ source_address_prefix: '203.0.113.5' }, '22'),
      }),
      errors: [['NET-007', 'azurerm_network_security_rule.r']],
    },
    {
      name: 'port ranges that reach a port at either end, with spaces, and a wildcard port listing the first four',
      settings,
      synth: tf({
        'azurerm_network_security_rule.sql': {
          ...inbound({ source_address_prefix: '8.8.8.8' }, '1430-1433'),
          network_security_group_name: 'nsg',
        },
        'azurerm_network_security_rule.winrm': {
          ...inbound({ source_address_prefix: '8.8.8.8' }, '5986 - 5990'),
          network_security_group_name: 'nsg',
        },
        'azurerm_network_security_rule.all': {
          ...inbound({ source_address_prefix: '8.8.8.8' }, '*'),
          network_security_group_name: 'nsg',
        },
      }),
      errors: [
        ['NET-007', 'azurerm_network_security_rule.all'],
        ['NET-007', 'azurerm_network_security_rule.sql'],
        ['NET-007', 'azurerm_network_security_rule.winrm'],
      ],
      messages: [
        'allows inbound from "8.8.8.8" (public, outside the approved ranges) to 1433 (SQL Server).',
        'allows inbound from "8.8.8.8" (public, outside the approved ranges) to 22 (SSH), 445 (SMB), 1433 (SQL Server), 2375 (Docker) and 11 more.',
        'allows inbound from "8.8.8.8" (public, outside the approved ranges) to 5986 (WinRM).',
      ],
    },
    {
      name: 'DNAT rules: any source, no source, IP groups, an unknown source; a policy whose collections are dynamic',
      settings,
      synth: tf({
        'azurerm_firewall_policy_rule_collection_group.dnat': {
          nat_rule_collection: [
            {
              name: 'in',
              rule: [
                {
                  name: 'any',
                  source_addresses: ['*'],
                  translated_port: '3389',
                  destination_ports: ['50000'],
                },
                { name: 'none', source_addresses: [], translated_port: '22', destination_ports: ['50001'] },
                {
                  name: 'groups',
                  source_ip_groups: ['${azurerm_ip_group.partners.id}'],
                  translated_port: '1433',
                  destination_ports: ['50002'],
                },
                {
                  name: 'unknown',
                  source_addresses: '${var.sources}',
                  translated_port: '5432',
                  destination_ports: ['50003'],
                },
              ],
            },
          ],
        },
        'azurerm_firewall_policy_rule_collection_group.dynamic': {
          dynamic: { nat_rule_collection: { for_each: '${var.collections}', content: { name: 'x' } } },
        },
        'azurerm_firewall_nat_rule_collection.classic': {
          rule: [
            {
              name: 'smb',
              source_addresses: ['192.0.2.0/24'],
              destination_ports: ['445'],
              translated_port: '445',
            },
          ],
        },
      }),
      errors: [
        ['NET-007', 'azurerm_firewall_nat_rule_collection.classic'],
        ['NET-007', 'azurerm_firewall_policy_rule_collection_group.dnat'],
        ['NET-007', 'azurerm_firewall_policy_rule_collection_group.dnat'],
        ['NET-007', 'azurerm_firewall_policy_rule_collection_group.dnat'],
        ['NET-007', 'azurerm_firewall_policy_rule_collection_group.dnat'],
        ['NET-007', 'azurerm_firewall_policy_rule_collection_group.dynamic'],
      ],
      messages: [
        'nat_rule_collection is built by a dynamic block, so its DNAT rules cannot be checked.',
        'nat_rule_collection[0].rule[0] translates inbound from "*" (the internet) to 3389 (RDP).',
        'nat_rule_collection[0].rule[1] translates inbound from no source (anyone) to 22 (SSH).',
        'nat_rule_collection[0].rule[2] translates inbound from IP groups whose ranges are not checked here to 1433 (SQL Server).',
        'nat_rule_collection[0].rule[3] translates inbound from a source unknown before apply to 5432 (PostgreSQL).',
        'rule[0] translates inbound from "192.0.2.0/24" (public, outside the approved ranges) to 445 (SMB).',
      ],
    },
  ],
});
