/** The valid and invalid cases of NET-009 (`policies/rules/network/net-009-remote-endpoints.ts`). */
import { NET_009 } from '../../../policies/rules/network/net-009-remote-endpoints';
import { settings } from '../../helpers/rules/network';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const ER_PORT =
  '/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/rg/providers/Microsoft.Network/expressRoutePorts/port-oslo';

ruleTester(NET_009, {
  valid: [
    {
      name: 'Bastion without shareable links; a VPN gateway at an approved address; a peering and a connection inside the estate; ExpressRoute in Oslo',
      settings,
      synth: tf({
        'azurerm_bastion_host.b': { sku: 'Standard', shareable_link_enabled: false },
        'azurerm_bastion_host.basic': { sku: 'Basic' },
        'azurerm_local_network_gateway.office': {
          gateway_address: '203.0.113.1',
          address_space: ['192.168.0.0/16'],
        },
        'azurerm_virtual_network.hub': { address_space: ['10.0.0.0/16'] },
        'azurerm_virtual_network_peering.p': {
          remote_virtual_network_id: '${azurerm_virtual_network.hub.id}',
        },
        'azurerm_express_route_circuit.er': { peering_location: 'Oslo', service_provider_name: 'Telenor' },
        'azurerm_virtual_network_gateway.gw': {},
        'azurerm_virtual_network_gateway_connection.c': {
          type: 'IPsec',
          local_network_gateway_id: '${azurerm_local_network_gateway.office.id}',
        },
      }),
      plan: plan([
        { at: 'azurerm_bastion_host.b', values: { sku: 'Standard', shareable_link_enabled: false } },
        { at: 'azurerm_bastion_host.basic', values: { sku: 'Basic' } },
        {
          at: 'azurerm_local_network_gateway.office',
          values: { gateway_address: '203.0.113.1', address_space: ['192.168.0.0/16'] },
        },
        { at: 'azurerm_virtual_network.hub', values: { address_space: ['10.0.0.0/16'] } },
        {
          at: 'azurerm_virtual_network_peering.p',
          values: {},
          unknown: { remote_virtual_network_id: true },
          references: {
            remote_virtual_network_id: ['azurerm_virtual_network.hub.id', 'azurerm_virtual_network.hub'],
          },
        },
        {
          at: 'azurerm_express_route_circuit.er',
          values: { peering_location: 'Oslo', service_provider_name: 'Telenor' },
        },
        { at: 'azurerm_virtual_network_gateway.gw', values: {} },
        {
          at: 'azurerm_virtual_network_gateway_connection.c',
          values: { type: 'IPsec' },
          unknown: { local_network_gateway_id: true },
          references: {
            local_network_gateway_id: [
              'azurerm_local_network_gateway.office.id',
              'azurerm_local_network_gateway.office',
            ],
          },
        },
      ]),
      hcl: `
resource "azurerm_bastion_host" "b" {
  sku = "Standard"
  shareable_link_enabled = false
}

resource "azurerm_bastion_host" "basic" {
  sku = "Basic"
}

resource "azurerm_local_network_gateway" "office" {
  gateway_address = "203.0.113.1"
  address_space = ["192.168.0.0/16"]
}

resource "azurerm_virtual_network" "hub" {
  address_space = ["10.0.0.0/16"]
}

resource "azurerm_virtual_network_peering" "p" {
  remote_virtual_network_id = azurerm_virtual_network.hub.id
}

resource "azurerm_express_route_circuit" "er" {
  peering_location = "Oslo"
  service_provider_name = "Telenor"
}

resource "azurerm_virtual_network_gateway" "gw" {}

resource "azurerm_virtual_network_gateway_connection" "c" {
  type = "IPsec"
  local_network_gateway_id = azurerm_local_network_gateway.office.id
}
`,
    },
    {
      name: 'a gateway data source is not judged; Entra ID by tenant alone; ExpressRoute Direct; Oslo spelled loosely; a peering to a null local',
      settings,
      synth: tf(
        {
          'data.azurerm_local_network_gateway.remote': { name: 'lgw-supplier', resource_group_name: 'rg' },
          'azurerm_virtual_network_gateway.tenant': {
            vpn_client_configuration: {
              address_space: ['172.16.0.0/24'],
              aad_tenant: 'https://login.microsoftonline.com/5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13/',
            },
          },
          'azurerm_express_route_circuit.direct': { express_route_port_id: ER_PORT, bandwidth_in_gbps: 10 },
          'azurerm_express_route_circuit.oslo': { peering_location: ' OSLO ' },
          'azurerm_express_route_circuit.stavanger': { peering_location: 'stavanger' },
          'azurerm_express_route_port.oslo': { peering_location: 'Oslo', bandwidth_in_gbps: 10 },
          'azurerm_virtual_network_peering.none': { remote_virtual_network_id: '${local.none}' },
        },
        { locals: { none: null } },
      ),
      plan: plan([
        {
          at: 'data.azurerm_local_network_gateway.remote',
          values: { name: 'lgw-supplier', resource_group_name: 'rg' },
          actions: ['read'],
        },
        {
          at: 'azurerm_virtual_network_gateway.tenant',
          values: {
            vpn_client_configuration: [
              {
                address_space: ['172.16.0.0/24'],
                aad_tenant: 'https://login.microsoftonline.com/5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13/',
              },
            ],
          },
        },
        {
          at: 'azurerm_express_route_circuit.direct',
          values: { express_route_port_id: ER_PORT, bandwidth_in_gbps: 10 },
        },
        { at: 'azurerm_express_route_circuit.oslo', values: { peering_location: ' OSLO ' } },
        { at: 'azurerm_express_route_circuit.stavanger', values: { peering_location: 'stavanger' } },
        {
          at: 'azurerm_express_route_port.oslo',
          values: { peering_location: 'Oslo', bandwidth_in_gbps: 10 },
        },
      ]),
    },
  ],
  invalid: [
    {
      name: 'an ExpressRoute Direct port abroad, or at a peering location unknown until apply',
      settings,
      synth: tf({
        'azurerm_express_route_port.ams': {
          peering_location: 'Equinix-Amsterdam-AM5',
          bandwidth_in_gbps: 10,
        },
        'azurerm_express_route_port.var': { peering_location: '${var.peering}', bandwidth_in_gbps: 10 },
      }),
      plan: plan([
        {
          at: 'azurerm_express_route_port.ams',
          values: { peering_location: 'Equinix-Amsterdam-AM5', bandwidth_in_gbps: 10 },
        },
        {
          at: 'azurerm_express_route_port.var',
          values: { bandwidth_in_gbps: 10 },
          unknown: { peering_location: true },
        },
      ]),
      hcl: `
variable "peering" {}
resource "azurerm_express_route_port" "ams" {
  peering_location  = "Equinix-Amsterdam-AM5"
  bandwidth_in_gbps = 10
}
resource "azurerm_express_route_port" "var" {
  peering_location  = var.peering
  bandwidth_in_gbps = 10
}`,
      errors: [
        ['NET-009', 'azurerm_express_route_port.ams'],
        ['NET-009', 'azurerm_express_route_port.var'],
      ],
      messages: [
        'peering_location "Equinix-Amsterdam-AM5" is outside Norway (Oslo, Stavanger).',
        'peering_location cannot be verified before apply.',
      ],
    },
    {
      name: 'shareable links; a VPN gateway abroad; a peering and a VNet-to-VNet connection to ids outside the estate; ExpressRoute in Amsterdam',
      settings,
      synth: tf({
        'azurerm_bastion_host.b': { sku: 'Standard', shareable_link_enabled: true },
        'azurerm_local_network_gateway.abroad': {
          gateway_address: '52.174.0.1',
          address_space: ['192.168.0.0/16'],
        },
        'azurerm_local_network_gateway.fqdn': {
          gateway_fqdn: 'vpn.supplier.example',
          address_space: ['192.168.0.0/16'],
        },
        'azurerm_virtual_network_peering.p': {
          remote_virtual_network_id:
            '/subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-supplier',
        },
        'azurerm_virtual_network_gateway_connection.v2v': {
          type: 'Vnet2Vnet',
          peer_virtual_network_gateway_id:
            '/subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/gw',
        },
        'azurerm_express_route_circuit.er': {
          peering_location: 'Amsterdam',
          service_provider_name: 'Equinix',
        },
      }),
      plan: plan([
        { at: 'azurerm_bastion_host.b', values: { sku: 'Standard', shareable_link_enabled: true } },
        {
          at: 'azurerm_local_network_gateway.abroad',
          values: { gateway_address: '52.174.0.1', address_space: ['192.168.0.0/16'] },
        },
        {
          at: 'azurerm_local_network_gateway.fqdn',
          values: { gateway_fqdn: 'vpn.supplier.example', address_space: ['192.168.0.0/16'] },
        },
        {
          at: 'azurerm_virtual_network_peering.p',
          values: {
            remote_virtual_network_id:
              '/subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-supplier',
          },
        },
        {
          at: 'azurerm_virtual_network_gateway_connection.v2v',
          values: {
            type: 'Vnet2Vnet',
            peer_virtual_network_gateway_id:
              '/subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/gw',
          },
        },
        {
          at: 'azurerm_express_route_circuit.er',
          values: { peering_location: 'Amsterdam', service_provider_name: 'Equinix' },
        },
      ]),
      hcl: `
resource "azurerm_bastion_host" "b" {
  sku = "Standard"
  shareable_link_enabled = true
}

resource "azurerm_local_network_gateway" "abroad" {
  gateway_address = "52.174.0.1"
  address_space = ["192.168.0.0/16"]
}

resource "azurerm_local_network_gateway" "fqdn" {
  gateway_fqdn = "vpn.supplier.example"
  address_space = ["192.168.0.0/16"]
}

resource "azurerm_virtual_network_peering" "p" {
  remote_virtual_network_id = "/subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-supplier"
}

resource "azurerm_virtual_network_gateway_connection" "v2v" {
  type = "Vnet2Vnet"
  peer_virtual_network_gateway_id = "/subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/gw"
}

resource "azurerm_express_route_circuit" "er" {
  peering_location = "Amsterdam"
  service_provider_name = "Equinix"
}
`,
      errors: [
        ['NET-009', 'azurerm_bastion_host.b'],
        ['NET-009', 'azurerm_express_route_circuit.er'],
        ['NET-009', 'azurerm_local_network_gateway.abroad'],
        ['NET-009', 'azurerm_local_network_gateway.fqdn'],
        ['NET-009', 'azurerm_virtual_network_gateway_connection.v2v'],
        ['NET-009', 'azurerm_virtual_network_peering.p'],
      ],
      messages: [
        'shareable_link_enabled is true: anyone with the link reaches the VMs, from anywhere.',
        'gateway_address is "52.174.0.1" (public, outside the approved ranges).',
        'gateway_fqdn names the on-premises end by DNS, which cannot be checked against the approved ranges.',
        "remote_virtual_network_id /subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-supplier is outside the estate (it may be another tenant's network).",
        "peer_virtual_network_gateway_id /subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/gw is outside the estate (it may be another tenant's network).",
        'peering_location "Amsterdam" is outside Norway (Oslo, Stavanger).',
      ],
    },
    {
      name: 'point-to-site VPN with certificates, or with more than Entra ID',
      settings,
      synth: tf({
        'azurerm_virtual_network_gateway.cert': {
          vpn_client_configuration: {
            address_space: ['172.16.0.0/24'],
            root_certificate: [{ name: 'ca', public_cert_data: 'MII' }],
          },
        },
        'azurerm_virtual_network_gateway.mixed': {
          vpn_client_configuration: {
            address_space: ['172.16.0.0/24'],
            vpn_auth_types: ['AAD', 'Radius'],
            aad_tenant: 'x',
          },
        },
        'azurerm_virtual_network_gateway.aad': {
          vpn_client_configuration: {
            address_space: ['172.16.0.0/24'],
            vpn_auth_types: ['AAD'],
            aad_tenant: 'https://login.microsoftonline.com/5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13/',
          },
        },
        'azurerm_virtual_network_gateway.s2s': { type: 'Vpn' },
      }),
      errors: [
        ['NET-009', 'azurerm_virtual_network_gateway.cert'],
        ['NET-009', 'azurerm_virtual_network_gateway.mixed'],
      ],
      messages: [
        'point-to-site VPN accepts certificate or RADIUS clients, which Conditional Access cannot hold to Norway.',
        'point-to-site VPN authentication is not Entra ID only (vpn_auth_types = ["AAD"]).',
      ],
    },
    {
      name: 'Virtual WAN: a VPN site link abroad or by DNS name; a hub connection to a network outside the estate',
      settings,
      synth: tf({
        'azurerm_vpn_site.office': { link: [{ name: 'ok', ip_address: '203.0.113.9' }] },
        'azurerm_vpn_site.supplier': {
          link: [
            { name: 'a', ip_address: '52.174.0.1' },
            { name: 'b', fqdn: 'vpn.supplier.example' },
          ],
        },
        'azurerm_virtual_hub_connection.c': {
          remote_virtual_network_id:
            '/subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v',
        },
      }),
      errors: [
        ['NET-009', 'azurerm_virtual_hub_connection.c'],
        ['NET-009', 'azurerm_vpn_site.supplier'],
        ['NET-009', 'azurerm_vpn_site.supplier'],
      ],
      messages: [
        'link[0].ip_address is "52.174.0.1" (public, outside the approved ranges).',
        'link[1].fqdn names the on-premises end by DNS, which cannot be checked against the approved ranges.',
        "remote_virtual_network_id /subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v is outside the estate (it may be another tenant's network).",
      ],
    },
    {
      name: 'a shareable link and a gateway address unknown before apply fail closed',
      synth: tf(
        {
          'azurerm_bastion_host.b': { shareable_link_enabled: '${var.share}' },
          'azurerm_local_network_gateway.g': { gateway_address: '${var.ip}' },
        },
        { variable: { share: { type: 'bool' }, ip: { type: 'string' } } },
      ),
      errors: [
        ['NET-009', 'azurerm_bastion_host.b'],
        ['NET-009', 'azurerm_local_network_gateway.g'],
      ],
      messages: [
        'shareable_link_enabled cannot be verified before apply.',
        'gateway_address cannot be verified before apply.',
      ],
    },
    {
      name: 'point-to-site from a dynamic block, auth types written as a string, neither auth types nor a tenant',
      settings,
      synth: tf(
        {
          'azurerm_virtual_network_gateway.dynamic': {
            dynamic: {
              vpn_client_configuration: {
                for_each: '${var.p2s}',
                content: { address_space: ['172.16.0.0/24'], vpn_auth_types: ['AAD'] },
              },
            },
          },
          'azurerm_virtual_network_gateway.string': {
            vpn_client_configuration: { address_space: ['172.16.0.0/24'], vpn_auth_types: 'AAD' },
          },
          'azurerm_virtual_network_gateway.bare': {
            vpn_client_configuration: { address_space: ['172.16.0.0/24'] },
          },
        },
        { variable: { p2s: { type: 'list(string)' } } },
      ),
      errors: [
        ['NET-009', 'azurerm_virtual_network_gateway.bare'],
        ['NET-009', 'azurerm_virtual_network_gateway.dynamic'],
        ['NET-009', 'azurerm_virtual_network_gateway.string'],
      ],
      messages: [
        'vpn_client_configuration is built by a dynamic block, so point-to-site access cannot be checked.',
        'point-to-site VPN authentication is not Entra ID only (vpn_auth_types = ["AAD"]).',
        'point-to-site VPN authentication is not Entra ID only (vpn_auth_types = ["AAD"]).',
      ],
    },
    {
      name: 'a local gateway with no address at all, or with an address that is not a string',
      settings,
      synth: tf({
        'azurerm_local_network_gateway.none': { address_space: ['192.168.0.0/16'] },
        'azurerm_local_network_gateway.list': { gateway_address: ['203.0.113.1'] },
      }),
      plan: plan([
        { at: 'azurerm_local_network_gateway.none', values: { address_space: ['192.168.0.0/16'] } },
        { at: 'azurerm_local_network_gateway.list', values: { gateway_address: ['203.0.113.1'] } },
      ]),
      errors: [
        ['NET-009', 'azurerm_local_network_gateway.list'],
        ['NET-009', 'azurerm_local_network_gateway.none'],
      ],
      messages: ['has no gateway_address.', 'gateway_address cannot be verified before apply.'],
    },
    {
      name: 'VPN site links from a dynamic block; a link address unknown, missing, not a string or a service tag',
      settings,
      synth: tf(
        {
          'azurerm_vpn_site.dynamic': {
            dynamic: {
              link: { for_each: '${var.links}', content: { name: 'l', ip_address: '203.0.113.1' } },
            },
          },
          'azurerm_vpn_site.mixed': {
            link: [
              { name: 'unknown', ip_address: '${var.ip}' },
              { name: 'missing' },
              { name: 'approved', ip_address: '198.51.100.7' },
              { name: 'tag', ip_address: 'AzureCloud' },
              { name: 'list', ip_address: ['203.0.113.1'] },
            ],
          },
        },
        { variable: { links: { type: 'list(string)' }, ip: { type: 'string' } } },
      ),
      errors: [
        ['NET-009', 'azurerm_vpn_site.dynamic'],
        ['NET-009', 'azurerm_vpn_site.mixed'],
        ['NET-009', 'azurerm_vpn_site.mixed'],
        ['NET-009', 'azurerm_vpn_site.mixed'],
        ['NET-009', 'azurerm_vpn_site.mixed'],
      ],
      messages: [
        'link is built by a dynamic block, so its endpoints cannot be checked.',
        'link[0].ip_address cannot be verified before apply.',
        'link[1].ip_address cannot be verified before apply.',
        'link[3].ip_address is "AzureCloud" (a service tag spanning addresses outside the hospital, e.g. Azure worldwide).',
        'link[4].ip_address cannot be verified before apply.',
      ],
    },
    {
      name: 'ExpressRoute with a peering location unknown, missing or not a string; remote ends that cannot be resolved',
      settings,
      synth: tf(
        {
          'azurerm_express_route_circuit.unknown': { peering_location: '${var.where}' },
          'azurerm_express_route_circuit.none': { service_provider_name: 'Telenor' },
          'azurerm_express_route_circuit.number': { peering_location: 42 },
          'azurerm_virtual_network_peering.var': { remote_virtual_network_id: '${var.vnet}' },
          'azurerm_express_route_connection.c': {
            express_route_circuit_peering_id: '${data.azurerm_express_route_circuit_peering.x.id}',
          },
        },
        { variable: { where: { type: 'string' }, vnet: { type: 'string' } } },
      ),
      errors: [
        ['NET-009', 'azurerm_express_route_circuit.none'],
        ['NET-009', 'azurerm_express_route_circuit.number'],
        ['NET-009', 'azurerm_express_route_circuit.unknown'],
        ['NET-009', 'azurerm_express_route_connection.c'],
        ['NET-009', 'azurerm_virtual_network_peering.var'],
      ],
      messages: [
        'peering_location cannot be verified before apply.',
        'peering_location cannot be verified before apply.',
        'peering_location cannot be verified before apply.',
        'express_route_circuit_peering_id cannot be resolved to a resource in the estate (data.azurerm_express_route_circuit_peering.x.id refers to data.azurerm_express_route_circuit_peering.x, which is not in this configuration).',
        'remote_virtual_network_id cannot be resolved to a resource in the estate (var.vnet has no default and no validation that limits it).',
      ],
    },
  ],
});
