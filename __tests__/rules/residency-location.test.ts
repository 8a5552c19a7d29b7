import { RES_001 } from '../../policies/rules/residency/res-001-norway-location';
import { RES_002 } from '../../policies/rules/residency/res-002-global-types';
import { RES_003 } from '../../policies/rules/residency/res-003-allowed-providers';
import { plan, RG, ruleTester, tf } from '../helpers/rule-tester';

ruleTester(RES_001, {
  valid: [
    {
      name: 'literal norwayeast and display name "Norway West"',
      synth: tf({
        'azurerm_resource_group.rg': RG,
        'azurerm_resource_group.dr': { name: 'dr', location: 'Norway West' },
      }),
      plan: plan([
        { at: 'azurerm_resource_group.rg', values: RG },
        { at: 'azurerm_resource_group.dr', values: { name: 'dr', location: 'norwaywest' } },
      ]),
    },
    {
      name: 'location through a reference to the resource group',
      synth: tf({
        'azurerm_resource_group.rg': RG,
        'azurerm_storage_account.sa': { location: '${azurerm_resource_group.rg.location}' },
      }),
      plan: plan([
        { at: 'azurerm_resource_group.rg', values: RG },
        {
          at: 'azurerm_storage_account.sa',
          values: {},
          unknown: { location: true },
          references: { location: ['azurerm_resource_group.rg.location', 'azurerm_resource_group.rg'] },
        },
      ]),
    },
    {
      name: 'variable bounded by a validation to the Norway regions',
      synth: tf(
        { 'azurerm_resource_group.rg': { name: 'rg', location: '${var.region}' } },
        {
          variable: {
            region: {
              type: 'string',
              validation: [
                {
                  condition: '${contains(["norwayeast", "norwaywest"], var.region)}',
                  error_message: 'Norway only',
                },
              ],
            },
          },
        },
      ),
    },
    {
      name: 'resources without a location',
      synth: tf({ 'azurerm_role_assignment.ra': { scope: 'x' } }),
      plan: plan([{ at: 'azurerm_role_assignment.ra', values: { scope: 'x' } }]),
    },
    {
      name: 'global is left to RES-002',
      synth: tf({ 'azurerm_dns_zone.z': { name: 'x', location: 'global' } }),
    },
    {
      name: 'data sources are read, not created',
      synth: tf({ 'data.azurerm_resource_group.ext': { name: 'x', location: 'westeurope' } }),
    },
  ],
  invalid: [
    {
      name: 'a location written as a list instead of a string',
      messages: ['location is ["norwayeast"], outside Norway (allowed: norwayeast or norwaywest).'],
      synth: tf({ 'azurerm_resource_group.rg': { name: 'rg', location: ['norwayeast'] } }),
      errors: [['RES-001', 'azurerm_resource_group.rg']],
    },
    {
      name: 'literal westeurope, in a child module and for count instances',
      messages: ['location is "westeurope", outside Norway (allowed: norwayeast or norwaywest).'],
      synth: tf({ 'azurerm_resource_group.rg': { name: 'rg', location: 'westeurope' } }),
      plan: plan([
        { at: 'module.net.azurerm_virtual_network.vnet', index: 0, values: { location: 'westeurope' } },
        { at: 'module.net.azurerm_virtual_network.vnet', index: 1, values: { location: 'norwayeast' } },
      ]),
      errors: [['RES-001', 'azurerm_resource_group.rg']],
      planErrors: [['RES-001', 'module.net.azurerm_virtual_network.vnet[0]']],
      message: /outside Norway/,
    },
    {
      name: 'look-alikes and typos',
      messages: [
        'location is "norwayeastt", outside Norway (allowed: norwayeast or norwaywest).',
        'location is "norway-east", outside Norway (allowed: norwayeast or norwaywest).',
        'location is "norwayеast", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_resource_group.a': { name: 'a', location: 'norwayeastt' },
        'azurerm_resource_group.b': { name: 'b', location: 'norway-east' },
        'azurerm_resource_group.c': { name: 'c', location: 'norwayеast' },
      }),
      errors: [
        ['RES-001', 'azurerm_resource_group.a'],
        ['RES-001', 'azurerm_resource_group.b'],
        ['RES-001', 'azurerm_resource_group.c'],
      ],
    },
    {
      name: 'unknown location fails closed (variable without validation; unresolvable plan value)',
      messages: [
        'location cannot be verified before apply: var.region has no default and no validation that limits it; a value that cannot be resolved counts as outside Norway.',
      ],
      synth: tf(
        { 'azurerm_resource_group.rg': { name: 'rg', location: '${var.region}' } },
        { variable: { region: { type: 'string' } } },
      ),
      plan: plan([
        { at: 'azurerm_resource_group.rg', index: 'x', values: { name: 'rg' }, unknown: { location: true } },
      ]),
      errors: [['RES-001', 'azurerm_resource_group.rg']],
      planErrors: [['RES-001', 'azurerm_resource_group.rg["x"]']],
      message: /cannot be verified/,
    },
  ],
});

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
  ],
});

ruleTester(RES_003, {
  valid: [
    {
      name: 'provider sources written as namespace/type, in any letter case',
      synth: tf(
        {
          'azurerm_resource_group.rg': RG,
          'azapi_resource.pe': { type: 'Microsoft.Network/privateEndpoints@2024-01-01', name: 'pe' },
          'random_string.s': { length: 4 },
        },
        {
          terraform: {
            required_providers: {
              azurerm: { source: 'hashicorp/azurerm', version: '4.14.0' },
              azapi: { source: 'Azure/azapi', version: '2.1.0' },
              random: { source: 'hashicorp/random' },
            },
          },
        },
      ),
    },
    {
      name: 'Entra ID (azuread): named locations, Conditional Access and groups hold no patient data',
      synth: tf(
        {
          'azuread_named_location.norway': { display_name: 'Norway' },
          'azuread_group.admins': { display_name: 'admins' },
          'data.azuread_client_config.current': {},
        },
        { terraform: { required_providers: { azuread: { source: 'hashicorp/azuread', version: '3.7.0' } } } },
      ),
      plan: plan([{ at: 'azuread_conditional_access_policy.block', values: { display_name: 'block' } }]),
    },
    {
      name: 'azurerm, random and terraform_data',
      synth: tf({
        'azurerm_resource_group.rg': RG,
        'random_string.s': { length: 4 },
        'terraform_data.d': {},
      }),
      plan: plan([
        { at: 'azurerm_resource_group.rg', values: RG },
        { at: 'random_string.s', values: { length: 4 } },
      ]),
    },
  ],
  invalid: [
    {
      name: 'azurerm from a registry other than registry.terraform.io',
      messages: [
        'provider registry.example.com/hashicorp/azurerm is not allowed (allowed: hashicorp/azurerm, azure/azapi, hashicorp/azuread, hashicorp/random, hashicorp/time, hashicorp/tls, hashicorp/null, builtin/terraform).',
      ],
      synth: tf(
        { 'azurerm_resource_group.rg': RG },
        {
          terraform: {
            required_providers: { azurerm: { source: 'registry.example.com/hashicorp/azurerm' } },
          },
        },
      ),
      errors: [['RES-003', 'azurerm_resource_group.rg']],
    },
    {
      name: 'aws and google resources and data sources',
      messages: [
        'provider aws is not allowed (allowed: hashicorp/azurerm, azure/azapi, hashicorp/azuread, hashicorp/random, hashicorp/time, hashicorp/tls, hashicorp/null, builtin/terraform).',
        'provider google is not allowed (allowed: hashicorp/azurerm, azure/azapi, hashicorp/azuread, hashicorp/random, hashicorp/time, hashicorp/tls, hashicorp/null, builtin/terraform).',
      ],
      synth: tf({ 'aws_s3_bucket.b': { bucket: 'x' }, 'data.google_project.p': {} }),
      plan: plan([{ at: 'module.x.aws_s3_bucket.b', values: { bucket: 'x' } }]),
      errors: [
        ['RES-003', 'aws_s3_bucket.b'],
        ['RES-003', 'data.google_project.p'],
      ],
      planErrors: [['RES-003', 'module.x.aws_s3_bucket.b']],
    },
  ],
});
