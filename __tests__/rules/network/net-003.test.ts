/** The valid and invalid cases of NET-003 (`policies/rules/network/net-003-management-ports.ts`). */
import { NET_003 } from '../../../policies/rules/network/net-003-management-ports';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

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
    {
      name: 'SSH from an internal range in an inline rule',
      hcl: `
resource "azurerm_network_security_group" "nsg" {
  security_rule {
    name                       = "ssh"
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "10.0.0.0/8"
    destination_port_range     = "22"
  }
}
`,
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
    {
      name: 'RDP from the internet in the second inline rule',
      messages: ['security_rule[1] allows inbound from "Internet" to port 3389.'],
      hcl: `
resource "azurerm_network_security_group" "nsg" {
  security_rule {
    name                   = "https"
    direction              = "Inbound"
    access                 = "Allow"
    protocol               = "Tcp"
    source_address_prefix  = "*"
    destination_port_range = "443"
  }
  security_rule {
    name                   = "rdp"
    direction              = "Inbound"
    access                 = "Allow"
    protocol               = "*"
    source_address_prefix  = "Internet"
    destination_port_range = "3389"
  }
}
`,
      errors: [['NET-003', 'azurerm_network_security_group.nsg']],
      message: /security_rule\[1\]/,
    },
  ],
});
