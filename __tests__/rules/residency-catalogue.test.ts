/**
 * Rules whose types come from the Azure catalogue: RES-009 (every Azure type known, classified and not
 * retired), and the types the catalogue added to rules that used to hold closed lists of their own.
 */
import { CATALOGUE_PROVIDER } from '../../policies/azure/catalogue';
import { CHG_001 } from '../../policies/rules/change/chg-001-data-loss';
import { ENC_002 } from '../../policies/rules/encryption/enc-002-customer-managed-keys';
import { NET_001 } from '../../policies/rules/network/net-001-public-network-access';
import { RES_002 } from '../../policies/rules/residency/res-002-global-types';
import { RES_009 } from '../../policies/rules/residency/res-009-catalogued-types';
import { plan, RG, ruleTester, tf } from '../helpers/rule-tester';

const CATALOGUE = `the Azure catalogue (${CATALOGUE_PROVIDER.package} ${CATALOGUE_PROVIDER.version}, docs/azure-catalogue.md)`;

ruleTester(RES_009, {
  valid: [
    {
      name: 'classified types of every role, other providers, and data sources',
      synth: tf({
        'azurerm_resource_group.rg': RG,
        'azurerm_storage_account.sa': { name: 'sa', location: 'norwayeast' },
        'azurerm_subnet.s': { name: 's', virtual_network_name: 'vnet' },
        'azurerm_role_assignment.r': { scope: '/subscriptions/x', principal_id: 'p' },
        'azapi_resource.a': { type: 'Microsoft.Storage/storageAccounts@2023-01-01', name: 'a' },
        'azuread_group.g': { display_name: 'readers' },
        'random_string.s': { length: 8 },
        // A data source creates nothing; an unclassified one is no risk.
        'data.azurerm_bastion_host.b': { name: 'b', resource_group_name: 'rg' },
      }),
      plan: plan([
        { at: 'azurerm_resource_group.rg', values: RG },
        { at: 'azurerm_subnet.s', values: { name: 's', virtual_network_name: 'vnet' } },
      ]),
    },
  ],
  invalid: [
    {
      name: 'a type nobody classified, a type the catalogue has never heard of',
      messages: [
        `azurerm_bot_service_azure_bot is not classified in ${CATALOGUE}; it is treated as data-bearing with an unknown place.`,
        `azurerm_teleport_appliance is not in ${CATALOGUE}; it is treated as data-bearing with an unknown place.`,
      ],
      synth: tf({
        'azurerm_bot_service_azure_bot.b': { name: 'b', location: 'global' },
        'azurerm_teleport_appliance.t': { name: 't' },
      }),
      plan: plan([
        { at: 'azurerm_bot_service_azure_bot.b', values: { name: 'b', location: 'global' } },
        { at: 'azurerm_teleport_appliance.t', values: { name: 't' } },
      ]),
      errors: [
        ['RES-009', 'azurerm_bot_service_azure_bot.b'],
        ['RES-009', 'azurerm_teleport_appliance.t'],
      ],
    },
    {
      // Issue 21: retired types are refused with the reason and their successor.
      name: 'retired types: PostgreSQL single server, azurerm_sql_*, azurerm_template_deployment',
      messages: [
        'azurerm_postgresql_server is retired (Azure Database for PostgreSQL single server was retired on 2025-03-28); use azurerm_postgresql_flexible_server, whose rules it is judged by meanwhile.',
        'azurerm_sql_database is retired (azurerm_sql_database was removed in azurerm 4.0); use azurerm_mssql_database, whose rules it is judged by meanwhile.',
        'azurerm_sql_server is retired (azurerm_sql_server was removed in azurerm 4.0); use azurerm_mssql_server, whose rules it is judged by meanwhile.',
        'azurerm_template_deployment is retired (azurerm_template_deployment was removed in azurerm 3.0; its template cannot be judged); use azurerm_resource_group_template_deployment, whose rules it is judged by meanwhile.',
      ],
      synth: tf({
        'azurerm_postgresql_server.pg': { name: 'pg', location: 'norwayeast' },
        'azurerm_sql_server.s': { name: 's', location: 'norwayeast' },
        'azurerm_sql_database.db': { name: 'db', location: 'norwayeast', server_name: 's' },
        'azurerm_template_deployment.t': { name: 't', deployment_mode: 'Incremental' },
      }),
      hcl: `
resource "azurerm_postgresql_server" "pg" {
  name     = "pg"
  location = "norwayeast"
}
resource "azurerm_sql_server" "s" {
  name     = "s"
  location = "norwayeast"
}
resource "azurerm_sql_database" "db" {
  name        = "db"
  location    = "norwayeast"
  server_name = "s"
}
resource "azurerm_template_deployment" "t" {
  name            = "t"
  deployment_mode = "Incremental"
}
`,
      errors: [
        ['RES-009', 'azurerm_postgresql_server.pg'],
        ['RES-009', 'azurerm_sql_database.db'],
        ['RES-009', 'azurerm_sql_server.s'],
        ['RES-009', 'azurerm_template_deployment.t'],
      ],
    },
  ],
});

ruleTester(NET_001, {
  valid: [
    {
      name: 'a retired PostgreSQL single server and a retired SQL server with public access off',
      synth: tf({
        'azurerm_postgresql_server.pg': { public_network_access_enabled: false },
        'azurerm_sql_server.s': { public_network_access_enabled: false },
      }),
    },
  ],
  invalid: [
    {
      // Issue 21: the checkov fixture, which no rule had ever heard of.
      name: 'retired stores are judged like their successors: public access on or left at the default',
      messages: [
        'public_network_access_enabled is true.',
        'public_network_access_enabled is not set, and the provider default is true.',
      ],
      synth: tf({
        'azurerm_postgresql_server.pg': {
          name: 'pg',
          location: 'norwayeast',
          public_network_access_enabled: true,
        },
        'azurerm_sql_server.s': { name: 's', location: 'norwayeast' },
      }),
      plan: plan([
        { at: 'azurerm_postgresql_server.pg', values: { public_network_access_enabled: true } },
        { at: 'azurerm_sql_server.s', values: { public_network_access_enabled: null } },
      ]),
      errors: [
        ['NET-001', 'azurerm_postgresql_server.pg'],
        ['NET-001', 'azurerm_sql_server.s'],
      ],
    },
    {
      name: 'types the catalogue added: data-bearing types whose bindings have public_network_access_enabled',
      messages: [
        'public_network_access_enabled is not set, and the provider default is true.',
        'public_network_access_enabled is true.',
      ],
      synth: tf({
        'azurerm_managed_disk.d': { name: 'd', location: 'norwayeast' },
        'azurerm_recovery_services_vault.v': { public_network_access_enabled: true },
      }),
      errors: [
        ['NET-001', 'azurerm_managed_disk.d'],
        ['NET-001', 'azurerm_recovery_services_vault.v'],
      ],
    },
  ],
});

ruleTester(RES_002, {
  valid: [
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
  ],
  invalid: [
    {
      name: 'a global family member no list named before (CDN Front Door rule sets)',
      messages: ['azurerm_cdn_frontdoor_rule_set is a global service that runs outside Norway.'],
      synth: tf({ 'azurerm_cdn_frontdoor_rule_set.r': { name: 'r', cdn_frontdoor_profile_id: 'x' } }),
      errors: [['RES-002', 'azurerm_cdn_frontdoor_rule_set.r']],
    },
  ],
});

ruleTester(ENC_002, {
  valid: [],
  invalid: [
    {
      name: 'a container registry (a network store with an inline key) without a customer-managed key',
      messages: ['encrypted with platform-managed keys only; no customer-managed key is configured.'],
      synth: tf({ 'azurerm_container_registry.acr': { name: 'acr', location: 'norwayeast' } }),
      errors: [['ENC-002', 'azurerm_container_registry.acr']],
    },
  ],
});

ruleTester(CHG_001, {
  valid: [
    {
      name: 'deleting a classified type that holds no data',
      plan: plan([{ at: 'azurerm_subnet.s', values: { name: 's' }, actions: ['delete'] }]),
    },
  ],
  invalid: [
    {
      name: 'deleting an unclassified type: treated as data-bearing (fail closed)',
      plan: plan([{ at: 'azurerm_bot_service_azure_bot.b', values: { name: 'b' }, actions: ['delete'] }]),
      errors: [['CHG-001', 'azurerm_bot_service_azure_bot.b']],
    },
  ],
});
