/** The valid and invalid cases of NET-004 (`policies/rules/network/net-004-public-ips.ts`). */
import { NET_004 } from '../../../policies/rules/network/net-004-public-ips';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

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
      hcl: `
resource "azurerm_network_interface" "nic" {
  ip_configuration {
    name = "ip"
    subnet_id = azurerm_subnet.s.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_linux_virtual_machine_scale_set" "ss" {
  network_interface {
    name = "n"
    ip_configuration {
      name = "ip"
      subnet_id = "x"
    }
  }
}

data "azurerm_public_ip" "bastion" {
  name = "pip-bastion"
  resource_group_name = "rg-hub"
}
`,
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
      hcl: `
resource "azurerm_public_ip" "pip" {
  location = "norwayeast"
  allocation_method = "Static"
}

resource "azurerm_network_interface" "nic" {
  ip_configuration {
    name = "a"
  }
  ip_configuration {
    name = "b"
    public_ip_address_id = azurerm_public_ip.pip.id
  }
}

resource "azurerm_linux_virtual_machine_scale_set" "ss" {
  network_interface {
    name = "n"
    ip_configuration {
      name = "ip"
      public_ip_address {
        name = "pub"
      }
    }
  }
}
`,
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
