/**
 * Places anywhere: a region at any attribute path of any resource is a place, whatever the type, and
 * outside Norway it is a RES-004 finding naming the path. Types here are ones no rule names; each case
 * runs in synth, plan and HCL form.
 */
import { RES_004 } from '../../policies/rules/residency/res-004-replication-targets';
import { RES_002 } from '../../policies/rules/residency/res-002-global-types';
import { RES_003 } from '../../policies/rules/residency/res-003-allowed-providers';
import { plan, ruleTester, tf } from '../helpers/rule-tester';

const OUTSIDE = '(allowed: norwayeast or norwaywest)';

ruleTester(RES_004, {
  valid: [
    {
      name: 'Norway regions at nested paths, in either spelling',
      synth: tf({
        'azurerm_virtual_hub_connection.c': { name: 'c', linked_hub: { location: 'Norway West' } },
        'azurerm_netapp_volume.v': {
          name: 'v',
          location: 'norwayeast',
          remote_volume_location: 'norwaywest',
        },
      }),
      plan: plan([
        {
          at: 'azurerm_virtual_hub_connection.c',
          values: { name: 'c', linked_hub: [{ location: 'norwaywest' }] },
        },
        {
          at: 'azurerm_netapp_volume.v',
          values: { name: 'v', location: 'norwayeast', remote_volume_location: 'norwaywest' },
        },
      ]),
      hcl: `
resource "azurerm_virtual_hub_connection" "c" {
  name = "c"
  linked_hub { location = "Norway West" }
}
resource "azurerm_netapp_volume" "v" {
  name                   = "v"
  location               = "norwayeast"
  remote_volume_location = "norwaywest"
}`,
    },
    {
      name: 'a computed location-like attribute the plan leaves to the provider is no place',
      plan: plan([
        {
          at: 'azurerm_storage_account.sa',
          values: { name: 'sa', location: 'norwayeast' },
          unknown: { primary_location: true, secondary_location: true },
        },
      ]),
    },
    {
      name: 'region names in tags are labels, not places',
      synth: tf({
        'azurerm_resource_group.rg': { name: 'rg', location: 'norwayeast', tags: { mirror: 'westeurope' } },
      }),
    },
  ],
  invalid: [
    {
      name: 'regions abroad at paths no rule names (NetApp, Virtual WAN, image gallery, Site Recovery)',
      messages: [
        `remote_volume_location is "westeurope", outside Norway ${OUTSIDE}.`,
        `target_region[0].name is "North Europe", outside Norway ${OUTSIDE}.`,
        `target_location is "swedencentral", outside Norway ${OUTSIDE}.`,
      ],
      synth: tf({
        'azurerm_netapp_volume.v': {
          name: 'v',
          location: 'norwayeast',
          remote_volume_location: 'westeurope',
        },
        'azurerm_shared_image_version.i': {
          name: '1.0.0',
          location: 'norwayeast',
          target_region: [{ name: 'North Europe', regional_replica_count: 1 }],
        },
        'azurerm_site_recovery_replicated_vm.r': { name: 'r', target_location: 'swedencentral' },
      }),
      plan: plan([
        {
          at: 'azurerm_netapp_volume.v',
          values: { name: 'v', location: 'norwayeast', remote_volume_location: 'westeurope' },
        },
        {
          at: 'azurerm_shared_image_version.i',
          values: {
            name: '1.0.0',
            location: 'norwayeast',
            target_region: [{ name: 'North Europe', regional_replica_count: 1 }],
          },
        },
        {
          at: 'azurerm_site_recovery_replicated_vm.r',
          values: { name: 'r', target_location: 'swedencentral' },
        },
      ]),
      hcl: `
resource "azurerm_netapp_volume" "v" {
  name                   = "v"
  location               = "norwayeast"
  remote_volume_location = "westeurope"
}
resource "azurerm_shared_image_version" "i" {
  name     = "1.0.0"
  location = "norwayeast"
  target_region {
    name                   = "North Europe"
    regional_replica_count = 1
  }
}
resource "azurerm_site_recovery_replicated_vm" "r" {
  name            = "r"
  target_location = "swedencentral"
}`,
      errors: [
        ['RES-004', 'azurerm_netapp_volume.v'],
        ['RES-004', 'azurerm_shared_image_version.i'],
        ['RES-004', 'azurerm_site_recovery_replicated_vm.r'],
      ],
    },
    {
      name: 'a region inside an id',
      messages: [
        'the region in long_term_retention_backup_id /subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/locations/westeurope/longTermRetentionManagedInstances/m/longTermRetentionDatabases/d is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_mssql_managed_database.db': {
          name: 'db',
          long_term_retention_backup_id:
            '/subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/locations/westeurope/longTermRetentionManagedInstances/m/longTermRetentionDatabases/d',
        },
      }),
      errors: [['RES-004', 'azurerm_mssql_managed_database.db']],
    },
    {
      name: 'a location-like value from a variable that can be anything, and one unknown in the plan',
      messages: [
        'linked_hub.location cannot be verified before apply: var.hub has no default and no validation that limits it; a value that cannot be resolved counts as outside Norway.',
      ],
      synth: tf(
        { 'azurerm_virtual_hub_connection.c': { name: 'c', linked_hub: { location: '${var.hub}' } } },
        { variable: { hub: { type: 'string' } } },
      ),
      plan: plan([
        {
          at: 'azurerm_virtual_hub_connection.c',
          values: { name: 'c', linked_hub: [{}] },
          unknown: { linked_hub: [{ location: true }] },
          references: { 'linked_hub.location': ['var.hub'] },
        },
      ]),
      errors: [['RES-004', 'azurerm_virtual_hub_connection.c']],
      message: /linked_hub(\[0\])?\.location cannot be verified before apply/,
    },
    {
      name: 'deployments inside deployments: an ARM template and an azapi body with resources abroad',
      messages: [
        'body.properties.replicaLocations[1] is "uksouth", outside Norway (allowed: norwayeast or norwaywest).',
        'template_content.resources[0].location is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        `template_content.resources[1].location is the template expression [parameters('where')], which cannot be verified to be a Norway region; write the region as a literal or check the deployment's plan.`,
      ],
      synth: tf({
        'azurerm_resource_group_template_deployment.t': {
          name: 't',
          resource_group_name: 'rg',
          deployment_mode: 'Incremental',
          template_content: JSON.stringify({
            resources: [
              { type: 'Microsoft.Storage/storageAccounts', name: 'x', location: 'westeurope' },
              { type: 'Microsoft.Storage/storageAccounts', name: 'y', location: "[parameters('where')]" },
            ],
          }),
        },
        'azapi_resource.app': {
          type: 'Microsoft.App/containerApps@2024-03-01',
          name: 'app',
          location: 'norwayeast',
          body: { properties: { replicaLocations: ['norwaywest', 'uksouth'] } },
        },
      }),
      errors: [
        ['RES-004', 'azapi_resource.app'],
        ['RES-004', 'azurerm_resource_group_template_deployment.t'],
        ['RES-004', 'azurerm_resource_group_template_deployment.t'],
      ],
    },
  ],
});

// False alarms that are gone: an aliased provider in HCL, Entra ID and remote-state data sources, and
// the Azure Monitor private link scope (configuration, no data).
const QUIET_HCL = `
provider "azurerm" {
  features {}
}
provider "azurerm" {
  alias = "dr"
  features {}
}
data "azuread_client_config" "current" {}
data "terraform_remote_state" "platform" {
  backend = "azurerm"
  config  = { key = "platform.tfstate" }
}
resource "azurerm_resource_group" "dr" {
  provider = azurerm.dr
  name     = "rg-dr"
  location = "norwaywest"
}
resource "azurerm_monitor_private_link_scope" "scope" {
  name                = "ampls"
  resource_group_name = "rg-dr"
}`;

ruleTester(RES_002, {
  valid: [{ name: 'the Azure Monitor private link scope holds no data', hcl: QUIET_HCL }],
  invalid: [],
});
ruleTester(RES_003, {
  valid: [
    { name: 'an aliased azurerm provider, azuread and terraform_remote_state data sources', hcl: QUIET_HCL },
  ],
  invalid: [],
});

const ACCOUNT_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts';
const NORWAY_ACCOUNT = { name: 'stnorway', location: 'norwayeast', resource_group_name: 'rg' };
const ABROAD_ACCOUNT = { name: 'stabroad', location: 'westeurope', resource_group_name: 'rg' };

// Paths anywhere: ids, endpoints, connection strings and URLs at any attribute of any type.
ruleTester(RES_004, {
  valid: [
    {
      name: 'ids, endpoints and connection strings of accounts in the estate in Norway; network and identity ids',
      synth: tf({
        'azurerm_storage_account.norway': NORWAY_ACCOUNT,
        'azurerm_hdinsight_hadoop_cluster.h': {
          name: 'h',
          location: 'norwayeast',
          storage_account: [{ storage_resource_id: `${ACCOUNT_ID}/stnorway`, is_default: true }],
          network: {
            subnet_id:
              '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/s',
          },
        },
        'azurerm_stream_analytics_output_blob.o': {
          name: 'o',
          storage_account_name: 'stnorway',
          storage_container_name: 'c',
          path_pattern: 'x',
        },
        'azurerm_function_app_connection.c': {
          name: 'c',
          target_resource_id: '${azurerm_storage_account.norway.id}',
        },
        'azurerm_eventgrid_event_subscription.e': {
          name: 'e',
          scope: '${azurerm_storage_account.norway.id}',
          storage_blob_dead_letter_destination: { storage_account_id: `${ACCOUNT_ID}/stnorway` },
        },
        'azurerm_data_factory_linked_service_azure_blob_storage.l': {
          name: 'l',
          connection_string:
            'DefaultEndpointsProtocol=https;AccountName=stnorway;EndpointSuffix=core.windows.net',
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'a webhook to the internet, and endpoints, connection strings and ids of accounts outside the estate or abroad',
      messages: [
        `connection_string DefaultEndpointsProtocol=https;AccountName=stelsewhere;EndpointSuffix=core.windows.net names stelsewhere, which is not in the checked estate; pass its stack, plan or state with --context.`,
        'the location of storage_blob_dead_letter_destination.storage_account_id azurerm_storage_account.abroad is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'webhook_endpoint.url sends data to https://hooks.example.com/patient-events, a host outside Azure, so outside Norway.',
        `storage_account[0].storage_resource_id ${ACCOUNT_ID}/stunknown points at a resource that is not in the checked estate; pass its stack, plan or state with --context.`,
        // The server it audits is outside the estate too: a data store whose place cannot be known.
        'server_id /subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/sql points at a resource that is not in the checked estate; pass its stack, plan or state with --context.',
        'the location of storage_endpoint (azurerm_storage_account.abroad) is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_storage_account.abroad': ABROAD_ACCOUNT,
        'azurerm_hdinsight_hadoop_cluster.h': {
          name: 'h',
          location: 'norwayeast',
          storage_account: [{ storage_resource_id: `${ACCOUNT_ID}/stunknown`, is_default: true }],
        },
        'azurerm_eventgrid_event_subscription.e': {
          name: 'e',
          webhook_endpoint: { url: 'https://hooks.example.com/patient-events' },
          storage_blob_dead_letter_destination: { storage_account_id: `${ACCOUNT_ID}/stabroad` },
        },
        'azurerm_mssql_server_extended_auditing_policy.a': {
          server_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/sql',
          storage_endpoint: 'https://stabroad.blob.core.windows.net/',
        },
        'azurerm_data_factory_linked_service_azure_blob_storage.l': {
          name: 'l',
          connection_string:
            'DefaultEndpointsProtocol=https;AccountName=stelsewhere;EndpointSuffix=core.windows.net',
        },
      }),
      errors: [
        ['RES-004', 'azurerm_data_factory_linked_service_azure_blob_storage.l'],
        ['RES-004', 'azurerm_eventgrid_event_subscription.e'],
        ['RES-004', 'azurerm_eventgrid_event_subscription.e'],
        ['RES-004', 'azurerm_hdinsight_hadoop_cluster.h'],
        ['RES-004', 'azurerm_mssql_server_extended_auditing_policy.a'],
        ['RES-004', 'azurerm_mssql_server_extended_auditing_policy.a'],
      ],
    },
  ],
});

// Provider blocks: a sovereign or foreign cloud, a metadata host, an azapi default location abroad.
ruleTester(RES_003, {
  valid: [
    {
      name: 'the public cloud and a Norway default location',
      synth: tf(
        {},
        {
          provider: {
            azurerm: [{ features: {}, environment: 'public' }],
            azapi: [{ default_location: 'norwayeast' }],
          },
        },
      ),
    },
  ],
  invalid: [
    {
      name: 'a sovereign cloud, a metadata host and a default location abroad',
      messages: [
        'the default location "westeurope" is not a Norway region (norwayeast or norwaywest).',
        'environment is "usgovernment"; only the public Azure cloud has the Norway regions.',
        'metadata_host "management.example.com" points the provider at a cloud of its own choosing.',
      ],
      synth: tf(
        {},
        {
          provider: {
            azurerm: [
              { features: {}, environment: 'usgovernment' },
              { alias: 'dr', features: {}, metadata_host: 'management.example.com' },
            ],
            azapi: [{ default_location: 'westeurope' }],
          },
        },
      ),
      errors: [
        ['RES-003', 'provider.azapi'],
        ['RES-003', 'provider.azurerm'],
        ['RES-003', 'provider.azurerm.dr'],
      ],
    },
  ],
});
