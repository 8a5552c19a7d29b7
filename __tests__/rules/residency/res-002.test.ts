/** The valid and invalid cases of RES-002 (`policies/rules/residency/res-002-global-types.ts`). */
import { RES_002 } from '../../../policies/rules/residency/res-002-global-types';
import { QUIET_HCL } from '../../helpers/rules/residency';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(RES_002, {
  valid: [
    {
      name: 'data sources of global types are read, not created',
      synth: tf({
        'data.azurerm_dns_zone.public': { name: 'example.no', resource_group_name: 'rg-dns' },
        'data.azurerm_monitor_action_group.ops': { name: 'ops', resource_group_name: 'rg-ops' },
      }),
      plan: plan([
        { at: 'data.azurerm_dns_zone.public', values: { name: 'example.no' }, actions: ['read'] },
        { at: 'data.azurerm_monitor_action_group.ops', values: { name: 'ops' }, actions: ['read'] },
      ]),
    },
    {
      name: 'a location written as a list is left to RES-001',
      synth: tf({ 'azurerm_monitor_action_group.ag': { name: 'ag', location: ['global'] } }),
    },
    {
      name: 'private DNS zone and link',
      synth: tf({
        'azurerm_private_dns_zone.z': { name: 'privatelink.blob.core.windows.net' },
        'azurerm_private_dns_zone_virtual_network_link.l': { name: 'l' },
      }),
      plan: plan([{ at: 'azurerm_private_dns_zone.z', values: { name: 'z' } }]),
    },
    {
      name: 'action group in Norway',
      synth: tf({ 'azurerm_monitor_action_group.ag': { name: 'ag', location: 'norwayeast' } }),
    },
    {
      name: 'azapi: a private DNS zone and its link are global and allowed; a regional azapi resource',
      synth: tf({
        'azapi_resource.zone': { type: 'Microsoft.Network/privateDnsZones@2020-06-01', location: 'global' },
        'azapi_resource.link': {
          type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01',
          location: 'Global',
        },
        'azapi_resource.gw': {
          type: 'Microsoft.Network/applicationGateways@2024-01-01',
          location: 'norwayeast',
        },
      }),
    },
    {
      name: 'the allow-list and the azapi ARM types come from the catalogue',
      synth: tf({
        'azurerm_private_dns_zone.z': { name: 'privatelink.blob.core.windows.net' },
        'azapi_resource.link': {
          type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01',
          location: 'global',
        },
      }),
    },
    { name: 'the Azure Monitor private link scope holds no data', hcl: QUIET_HCL },
  ],
  invalid: [
    {
      name: 'azapi: a Front Door profile, and a global resource whose ARM type comes from a variable',
      messages: [
        'location "global" places Microsoft.Cdn/profiles outside Norway.',
        'location "global" places a resource whose ARM type cannot be verified outside Norway.',
      ],
      synth: tf(
        {
          'azapi_resource.fd': { type: 'Microsoft.Cdn/profiles@2024-02-01', location: 'global' },
          'azapi_resource.any': { type: '${var.arm_type}', location: 'global' },
        },
        { variable: { arm_type: { type: 'string' } } },
      ),
      errors: [
        ['RES-002', 'azapi_resource.any'],
        ['RES-002', 'azapi_resource.fd'],
      ],
    },
    {
      name: 'Front Door, public DNS and Traffic Manager',
      messages: [
        'azurerm_cdn_frontdoor_profile is a global service that runs outside Norway.',
        'azurerm_dns_zone is a global service that runs outside Norway.',
        'azurerm_traffic_manager_profile is a global service that runs outside Norway.',
      ],
      synth: tf({
        'azurerm_cdn_frontdoor_profile.fd': { name: 'fd' },
        'azurerm_dns_zone.z': { name: 'example.no' },
        'azurerm_traffic_manager_profile.tm': { name: 'tm' },
      }),
      plan: plan([{ at: 'module.edge.azurerm_cdn_frontdoor_profile.fd', values: { name: 'fd' } }]),
      hcl: `
resource "azurerm_cdn_frontdoor_profile" "fd" {
  name = "fd"
}

resource "azurerm_dns_zone" "z" {
  name = "example.no"
}

resource "azurerm_traffic_manager_profile" "tm" {
  name = "tm"
}
`,
      errors: [
        ['RES-002', 'azurerm_cdn_frontdoor_profile.fd'],
        ['RES-002', 'azurerm_dns_zone.z'],
        ['RES-002', 'azurerm_traffic_manager_profile.tm'],
      ],
      planErrors: [['RES-002', 'module.edge.azurerm_cdn_frontdoor_profile.fd']],
    },
    {
      name: 'action group defaulting to global, and explicit Global',
      messages: [
        'azurerm_monitor_action_group without a location defaults to "global".',
        'location "global" places azurerm_monitor_action_group outside Norway.',
      ],
      synth: tf({
        'azurerm_monitor_action_group.ag': { name: 'ag' },
        'azurerm_monitor_action_group.b': { name: 'b', location: 'Global' },
      }),
      errors: [
        ['RES-002', 'azurerm_monitor_action_group.ag'],
        ['RES-002', 'azurerm_monitor_action_group.b'],
      ],
    },
    {
      name: 'a global family member no list named before (CDN Front Door rule sets)',
      messages: ['azurerm_cdn_frontdoor_rule_set is a global service that runs outside Norway.'],
      synth: tf({ 'azurerm_cdn_frontdoor_rule_set.r': { name: 'r', cdn_frontdoor_profile_id: 'x' } }),
      errors: [['RES-002', 'azurerm_cdn_frontdoor_rule_set.r']],
    },
  ],
});
