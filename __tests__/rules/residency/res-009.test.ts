/** The valid and invalid cases of RES-009 (`policies/rules/residency/res-009-catalogued-types.ts`). */
import { CATALOGUE_PROVIDER } from '../../../policies/azure/catalogue';
import { RES_009 } from '../../../policies/rules/residency/res-009-catalogued-types';
import { plan, RG, ruleTester, tf } from '../../helpers/rule-tester';

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
      hcl: `
resource "azurerm_resource_group" "rg" {
  name = "rg-app"
  location = "norwayeast"
}

resource "azurerm_storage_account" "sa" {
  name = "sa"
  location = "norwayeast"
}

resource "azurerm_subnet" "s" {
  name = "s"
  virtual_network_name = "vnet"
}

resource "azurerm_role_assignment" "r" {
  scope = "/subscriptions/x"
  principal_id = "p"
}

resource "azapi_resource" "a" {
  type = "Microsoft.Storage/storageAccounts@2023-01-01"
  name = "a"
}

resource "azuread_group" "g" {
  display_name = "readers"
}

resource "random_string" "s" {
  length = 8
}

data "azurerm_bastion_host" "b" {
  name = "b"
  resource_group_name = "rg"
}
`,
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
