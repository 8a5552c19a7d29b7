/** The valid and invalid cases of NET-009 (`policies/rules/network/net-009-remote-endpoints.ts`). */
import { NET_009 } from '../../../policies/rules/network/net-009-remote-endpoints';
import { settings } from '../../helpers/rules/network';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

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
  ],
  invalid: [
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
    },
  ],
});
