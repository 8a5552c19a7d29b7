import { NET_007 } from '../../policies/rules/network/net-007-unapproved-sources';
import { NET_008 } from '../../policies/rules/network/net-008-firewall-ranges';
import { NET_009 } from '../../policies/rules/network/net-009-remote-endpoints';
import { plan, ruleTester, tf } from '../helpers/rule-tester';

const settings = { approvedRanges: ['203.0.113.0/24', '198.51.100.7'] };
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
  ],
});

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
  ],
});

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
