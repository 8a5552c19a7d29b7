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

/** Every management and data port, as a message lists them. */
const ALL_PORTS =
  '22 (SSH), 445 (SMB), 1433 (SQL Server), 2375 (Docker), 2376 (Docker), 3306 (MySQL), 3389 (RDP), 5432 (PostgreSQL), 5985 (WinRM), 5986 (WinRM), 6379 (Redis), 6380 (Redis), 9200 (Elasticsearch), 10250 (kubelet), 27017 (MongoDB)';

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
    {
      name: 'outbound, deny and ICMP rules from a public source in any spelling; a data source is not judged',
      settings,
      synth: tf({
        'azurerm_network_security_rule.outbound': {
          ...inbound({ source_address_prefix: '8.8.8.8' }, '1433'),
          direction: 'OUTBOUND',
        },
        'azurerm_network_security_rule.deny': {
          ...inbound({ source_address_prefix: '8.8.8.8' }, '*'),
          access: 'deny',
        },
        'azurerm_network_security_rule.icmp': {
          ...inbound({ source_address_prefix: '8.8.8.8' }, '*'),
          protocol: 'Icmp',
        },
        'azurerm_network_security_rule.esp': {
          ...inbound({ source_address_prefix: '8.8.8.8' }, '*'),
          protocol: 'ESP',
        },
        'data.azurerm_network_security_group.shared': {
          name: 'nsg-shared',
          resource_group_name: 'rg',
          security_rule: [inbound({ source_address_prefix: '8.8.8.8' }, '1433')],
        },
      }),
      plan: plan([
        {
          at: 'azurerm_network_security_rule.outbound',
          values: { ...inbound({ source_address_prefix: '8.8.8.8' }, '1433'), direction: 'OUTBOUND' },
        },
        {
          at: 'azurerm_network_security_rule.icmp',
          values: { ...inbound({ source_address_prefix: '8.8.8.8' }, '*'), protocol: 'Icmp' },
        },
        {
          at: 'data.azurerm_network_security_group.shared',
          actions: ['read'],
          values: {
            name: 'nsg-shared',
            resource_group_name: 'rg',
            security_rule: [inbound({ source_address_prefix: '8.8.8.8' }, '1433')],
          },
        },
      ]),
    },
    {
      name: "the internet spelled with spaces, or a source unknown before apply, to SSH is NET-003's finding",
      settings,
      synth: tf(
        {
          'azurerm_network_security_rule.spaced': inbound({ source_address_prefix: ' Internet ' }, '22'),
          'azurerm_network_security_rule.unknown': inbound({ source_address_prefix: '${var.src}' }, '22'),
        },
        { variable: { src: { type: 'string' } } },
      ),
    },
    {
      name: 'a plan lists the unused source attribute as an empty or blank string',
      settings,
      plan: plan([
        {
          at: 'azurerm_network_security_rule.empty',
          values: inbound({ source_address_prefix: '', source_address_prefixes: ['10.0.0.0/8'] }, '1433'),
        },
        {
          at: 'azurerm_network_security_rule.blank',
          values: inbound({ source_address_prefix: ' ', source_address_prefixes: ['10.0.0.0/8'] }, '1433'),
        },
      ]),
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
    {
      name: 'direction, access or protocol missing, unknown or possibly inbound, allow or TCP',
      settings,
      synth: tf(
        {
          'azurerm_network_security_rule.no_direction': {
            ...inbound({ source_address_prefix: '8.8.8.8' }, '1433'),
            direction: undefined,
          },
          'azurerm_network_security_rule.either_direction': {
            ...inbound({ source_address_prefix: '8.8.8.8' }, '1433'),
            direction: '${var.direction}',
          },
          'azurerm_network_security_rule.no_access': {
            ...inbound({ source_address_prefix: '8.8.8.8' }, '1433'),
            access: undefined,
          },
          'azurerm_network_security_rule.unknown_access': {
            ...inbound({ source_address_prefix: '8.8.8.8' }, '1433'),
            access: '${var.free}',
          },
          'azurerm_network_security_rule.either_access': {
            ...inbound({ source_address_prefix: '8.8.8.8' }, '1433'),
            access: '${var.access}',
          },
          'azurerm_network_security_rule.no_protocol': {
            ...inbound({ source_address_prefix: '8.8.8.8' }, '1433'),
            protocol: undefined,
          },
          'azurerm_network_security_rule.unknown_protocol': {
            ...inbound({ source_address_prefix: '8.8.8.8' }, '1433'),
            protocol: '${var.free}',
          },
          'azurerm_network_security_rule.either_protocol': {
            ...inbound({ source_address_prefix: '8.8.8.8' }, '1433'),
            protocol: '${var.protocol}',
          },
        },
        {
          variable: {
            free: { type: 'string' },
            direction: {
              type: 'string',
              validation: [
                { condition: '${contains(["Inbound", "Outbound"], var.direction)}', error_message: 'x' },
              ],
            },
            access: {
              type: 'string',
              validation: [{ condition: '${contains(["Allow", "Deny"], var.access)}', error_message: 'x' }],
            },
            protocol: {
              type: 'string',
              validation: [{ condition: '${contains(["Icmp", "Tcp"], var.protocol)}', error_message: 'x' }],
            },
          },
        },
      ),
      errors: [
        ['NET-007', 'azurerm_network_security_rule.either_access'],
        ['NET-007', 'azurerm_network_security_rule.either_direction'],
        ['NET-007', 'azurerm_network_security_rule.either_protocol'],
        ['NET-007', 'azurerm_network_security_rule.no_access'],
        ['NET-007', 'azurerm_network_security_rule.no_direction'],
        ['NET-007', 'azurerm_network_security_rule.no_protocol'],
        ['NET-007', 'azurerm_network_security_rule.unknown_access'],
        ['NET-007', 'azurerm_network_security_rule.unknown_protocol'],
      ],
      message:
        /^allows inbound from "8\.8\.8\.8" \(public, outside the approved ranges\) to 1433 \(SQL Server\)\.$/,
    },
    {
      name: 'inline rules name their index; rules from a dynamic block cannot be checked',
      settings,
      synth: tf(
        {
          'azurerm_network_security_group.nsg': {
            security_rule: [
              inbound({ source_address_prefix: '10.0.0.0/8' }, '1433'),
              inbound({ source_address_prefix: '8.8.8.8' }, '1433'),
            ],
          },
          'azurerm_network_security_group.dynamic': {
            dynamic: {
              security_rule: {
                for_each: '${var.rules}',
                content: inbound({ source_address_prefix: '10.0.0.0/8' }, '22'),
              },
            },
          },
        },
        { variable: { rules: { type: 'list(string)' } } },
      ),
      plan: plan([
        {
          at: 'azurerm_network_security_group.nsg',
          values: {
            security_rule: [
              inbound({ source_address_prefix: '10.0.0.0/8' }, '1433'),
              inbound({ source_address_prefix: '8.8.8.8' }, '1433'),
            ],
          },
        },
      ]),
      errors: [
        ['NET-007', 'azurerm_network_security_group.dynamic'],
        ['NET-007', 'azurerm_network_security_group.nsg'],
      ],
      planErrors: [['NET-007', 'azurerm_network_security_group.nsg']],
      messages: [
        'security_rule is built by a dynamic block, so its sources cannot be checked.',
        'security_rule[1] allows inbound from "8.8.8.8" (public, outside the approved ranges) to 1433 (SQL Server).',
      ],
    },
    {
      name: 'the internet with a public range to SSH and SQL names both ports; four ports are listed in full; unknown lists and ports',
      settings,
      synth: tf(
        {
          'azurerm_network_security_rule.both': inbound(
            { source_address_prefixes: ['*', '8.8.8.8'] },
            { destination_port_ranges: ['22', '1433'] },
          ),
          'azurerm_network_security_rule.four': inbound(
            { source_address_prefix: '8.8.8.8' },
            { destination_port_ranges: ['445', '1433', '3306', '5432'] },
          ),
          'azurerm_network_security_rule.list': inbound(
            { source_address_prefixes: '${var.sources}' },
            '1433',
          ),
          'azurerm_network_security_rule.port': inbound({ source_address_prefix: '8.8.8.8' }, '${var.port}'),
          'azurerm_network_security_rule.ports': inbound(
            { source_address_prefix: '8.8.8.8' },
            { destination_port_ranges: '${var.ports}' },
          ),
        },
        {
          variable: {
            sources: { type: 'list(string)' },
            port: { type: 'string' },
            ports: { type: 'list(string)' },
          },
        },
      ),
      errors: [
        ['NET-007', 'azurerm_network_security_rule.both'],
        ['NET-007', 'azurerm_network_security_rule.four'],
        ['NET-007', 'azurerm_network_security_rule.list'],
        ['NET-007', 'azurerm_network_security_rule.port'],
        ['NET-007', 'azurerm_network_security_rule.ports'],
      ],
      messages: [
        'allows inbound from "*" (the internet), "8.8.8.8" (public, outside the approved ranges) to 22 (SSH), 1433 (SQL Server).',
        'allows inbound from "8.8.8.8" (public, outside the approved ranges) to 445 (SMB), 1433 (SQL Server), 3306 (MySQL), 5432 (PostgreSQL).',
        'allows inbound from a source unknown before apply to 1433 (SQL Server).',
        'allows inbound from "8.8.8.8" (public, outside the approved ranges) to 22 (SSH), 445 (SMB), 1433 (SQL Server), 2375 (Docker) and 11 more.',
        'allows inbound from "8.8.8.8" (public, outside the approved ranges) to 22 (SSH), 445 (SMB), 1433 (SQL Server), 2375 (Docker) and 11 more.',
      ],
    },
    {
      name: 'DNAT rules from a dynamic block; several sources to several ports; ports unknown before apply',
      settings,
      synth: tf(
        {
          'azurerm_firewall_policy_rule_collection_group.g': {
            nat_rule_collection: [
              {
                name: 'dnat',
                dynamic: {
                  rule: { for_each: '${var.rules}', content: { name: 'r', source_addresses: ['*'] } },
                },
              },
            ],
          },
          'azurerm_firewall_nat_rule_collection.classic': {
            dynamic: { rule: { for_each: '${var.rules}', content: { name: 'r', source_addresses: ['*'] } } },
          },
          'azurerm_firewall_nat_rule_collection.c': {
            rule: [
              {
                name: 'two',
                source_addresses: ['8.8.8.8', '192.0.2.1'],
                destination_ports: ['1433'],
                translated_port: '22',
              },
              {
                name: 'translated',
                source_addresses: ['8.8.8.8'],
                destination_ports: ['50000'],
                translated_port: '${var.port}',
              },
              {
                name: 'destination',
                source_addresses: ['8.8.8.8'],
                destination_ports: '${var.ports}',
                translated_port: '8443',
              },
            ],
          },
        },
        {
          variable: {
            rules: { type: 'list(string)' },
            port: { type: 'string' },
            ports: { type: 'list(string)' },
          },
        },
      ),
      errors: [
        ['NET-007', 'azurerm_firewall_nat_rule_collection.c'],
        ['NET-007', 'azurerm_firewall_nat_rule_collection.c'],
        ['NET-007', 'azurerm_firewall_nat_rule_collection.c'],
        ['NET-007', 'azurerm_firewall_nat_rule_collection.classic'],
        ['NET-007', 'azurerm_firewall_policy_rule_collection_group.g'],
      ],
      messages: [
        'nat_rule_collection.rule is built by a dynamic block, so its DNAT rules cannot be checked.',
        'rule is built by a dynamic block, so its DNAT rules cannot be checked.',
        'rule[0] translates inbound from "8.8.8.8" (public, outside the approved ranges), "192.0.2.1" (public, outside the approved ranges) to 22 (SSH), 1433 (SQL Server).',
        `rule[1] translates inbound from "8.8.8.8" (public, outside the approved ranges) to ${ALL_PORTS}.`,
        `rule[2] translates inbound from "8.8.8.8" (public, outside the approved ranges) to ${ALL_PORTS}.`,
      ],
    },
  ],
});
