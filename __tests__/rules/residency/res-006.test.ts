/** The valid and invalid cases of RES-006 (`policies/rules/residency/res-006-region-capabilities.ts`). */
import { RES_006 } from '../../../policies/rules/residency/res-006-region-capabilities';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

/** A plan whose every resource change has `after_unknown: true`: the whole planned value is known only after apply. */
function wholeResourceUnknown(doc: Record<string, unknown>): Record<string, unknown> {
  const changes = doc.resource_changes as { change: Record<string, unknown> }[];
  return {
    ...doc,
    resource_changes: changes.map((c) => ({ ...c, change: { ...c.change, after_unknown: true } })),
  };
}

ruleTester(RES_006, {
  valid: [
    {
      name: 'a Cosmos geo location in norwaywest that does not mention zone redundancy',
      synth: tf({
        'azurerm_cosmosdb_account.c': {
          location: 'norwayeast',
          geo_location: [
            { location: 'norwayeast', failover_priority: 0 },
            { location: 'norwaywest', failover_priority: 1 },
          ],
        },
      }),
    },
    {
      name: 'an existing storage account read through a data source is not deployed here',
      plan: plan([
        {
          at: 'data.azurerm_storage_account.legacy',
          values: { location: 'norwaywest', account_replication_type: 'ZRS' },
          actions: ['read'],
        },
      ]),
    },
    {
      name: 'zone redundancy on a resource that has no location of its own and no parent to read it from',
      synth: tf({
        'azurerm_app_service_environment_v3.ase': {
          name: 'ase',
          subnet_id: '${azurerm_subnet.ase.id}',
          zone_redundant: true,
        },
      }),
    },
    {
      name: 'ZRS and zones in norwayeast; GRS in norwaywest',
      synth: tf({
        'azurerm_storage_account.a': { location: 'norwayeast', account_replication_type: 'ZRS' },
        'azurerm_storage_account.b': { location: 'norwaywest', account_replication_type: 'GRS' },
        'azurerm_public_ip.p': { location: 'norwayeast', zones: ['1', '2', '3'] },
      }),
      plan: plan([
        {
          at: 'azurerm_storage_account.a',
          values: { location: 'norwayeast', account_replication_type: 'RAGZRS' },
        },
        {
          at: 'azurerm_postgresql_flexible_server.pg',
          values: { location: 'norwaywest' },
          unknown: { zone: true },
        },
        { at: 'azurerm_public_ip.w', values: { location: 'norwaywest', zones: [] } },
      ]),
    },
    {
      name: 'node pool zones in norwayeast through its cluster',
      synth: tf({
        'azurerm_kubernetes_cluster.k': { location: 'norwayeast' },
        'azurerm_kubernetes_cluster_node_pool.p': {
          kubernetes_cluster_id: '${azurerm_kubernetes_cluster.k.id}',
          zones: ['1'],
        },
      }),
    },
    {
      name: 'norwaywest resources that ask for no zones: empty zone, zone redundancy off, empty zone list',
      synth: tf({
        'azurerm_linux_virtual_machine.vm': { location: 'norwaywest', zone: '' },
        'azurerm_mssql_elasticpool.ep': { location: 'norwaywest', zone_redundant: false },
        'azurerm_api_management.apim': {
          location: 'norwayeast',
          additional_location: [{ location: 'norwaywest', zones: [] }],
        },
        'azurerm_cosmosdb_account.c': {
          location: 'norwayeast',
          geo_location: [
            { location: 'norwayeast', failover_priority: 0, zone_redundant: true },
            { location: 'norwaywest', failover_priority: 1, zone_redundant: false },
          ],
        },
      }),
      plan: plan([
        { at: 'azurerm_linux_virtual_machine.vm', values: { location: 'norwaywest', zone: '' } },
        { at: 'azurerm_mssql_elasticpool.ep', values: { location: 'norwaywest', zone_redundant: false } },
        {
          at: 'azurerm_api_management.apim',
          values: { location: 'norwayeast', additional_location: [{ location: 'norwaywest', zones: [] }] },
        },
      ]),
      hcl: `
resource "azurerm_linux_virtual_machine" "vm" {
  location = "norwaywest"
  zone = ""
}

resource "azurerm_mssql_elasticpool" "ep" {
  location = "norwaywest"
  zone_redundant = false
}

resource "azurerm_api_management" "apim" {
  location = "norwayeast"
  additional_location {
    location = "norwaywest"
    zones = []
  }
}

resource "azurerm_cosmosdb_account" "c" {
  location = "norwayeast"
  geo_location {
    location = "norwayeast"
    failover_priority = 0
    zone_redundant = true
  }
  geo_location {
    location = "norwaywest"
    failover_priority = 1
    zone_redundant = false
  }
}
`,
    },
    {
      name: 'geo locations from a dynamic block are left to RES-004 (no zone finding here)',
      synth: tf(
        {
          'azurerm_cosmosdb_account.c': {
            location: 'norwayeast',
            dynamic: {
              geo_location: {
                for_each: '${var.locations}',
                content: { location: '${geo_location.value}', zone_redundant: true },
              },
            },
          },
        },
        { variable: { locations: { type: 'list(string)' } } },
      ),
    },
  ],
  invalid: [
    {
      name: 'zone redundancy of norwaywest geo locations and replicas from variables',
      messages: [
        'georeplications[0].zone_redundancy_enabled asks for zones outside norwayeast.',
        'geo_location[1].zone_redundant asks for zones outside norwayeast.',
      ],
      synth: tf(
        {
          'azurerm_cosmosdb_account.c': {
            location: 'norwayeast',
            geo_location: [
              { location: 'norwayeast', failover_priority: 0 },
              { location: 'norwaywest', failover_priority: 1, zone_redundant: '${var.zone_redundant}' },
            ],
          },
          'azurerm_container_registry.acr': {
            location: 'norwayeast',
            georeplications: [
              { location: 'norwaywest', zone_redundancy_enabled: '${var.acr_zone_redundancy}' },
            ],
          },
        },
        {
          variable: {
            zone_redundant: { type: 'bool' },
            acr_zone_redundancy: {
              type: 'string',
              validation: [
                {
                  condition: '${contains(["true", "false"], var.acr_zone_redundancy)}',
                  error_message: 'true or false',
                },
              ],
            },
          },
        },
      ),
      errors: [
        ['RES-006', 'azurerm_container_registry.acr'],
        ['RES-006', 'azurerm_cosmosdb_account.c'],
      ],
    },
    {
      name: 'zones on a resource whose location is written as a list',
      messages: [
        'zones is ["1"] — but the resource is in a region that cannot be verified to have availability zones.',
      ],
      synth: tf({ 'azurerm_public_ip.p': { location: ['norwaywest'], zones: ['1'] } }),
      errors: [['RES-006', 'azurerm_public_ip.p']],
    },
    {
      name: 'a SQL database zone-redundant on a norwaywest server; a scale set with two zone requests',
      messages: [
        'zone_redundant is true — but the resource is in norwaywest, which has no availability zones.',
        'zones is ["1","2"]; zone_balance is true — but the resource is in norwaywest, which has no availability zones.',
      ],
      synth: tf({
        'azurerm_mssql_server.dr': { name: 'sql-dr', location: 'norwaywest' },
        'azurerm_mssql_database.db': { server_id: '${azurerm_mssql_server.dr.id}', zone_redundant: true },
        'azurerm_linux_virtual_machine_scale_set.vmss': {
          location: 'norwaywest',
          zones: ['1', '2'],
          zone_balance: true,
        },
      }),
      errors: [
        ['RES-006', 'azurerm_linux_virtual_machine_scale_set.vmss'],
        ['RES-006', 'azurerm_mssql_database.db'],
      ],
    },
    {
      name: 'zones outside Norway; replication from a variable that allows ZRS',
      messages: [
        'zones is ["1"] — but the resource is in a region that cannot be verified to have availability zones.',
        'account_replication_type cannot be verified before apply — but the resource is in norwaywest, which has no availability zones.',
      ],
      synth: tf(
        {
          'azurerm_public_ip.p': { location: 'westeurope', zones: ['1'] },
          'azurerm_storage_account.sa': {
            location: 'norwaywest',
            account_replication_type: '${var.replication}',
          },
        },
        {
          variable: {
            replication: {
              type: 'string',
              validation: [
                { condition: '${contains(["LRS", "ZRS"], var.replication)}', error_message: 'LRS or ZRS' },
              ],
            },
          },
        },
      ),
      errors: [
        ['RES-006', 'azurerm_public_ip.p'],
        ['RES-006', 'azurerm_storage_account.sa'],
      ],
    },
    {
      name: 'ZRS, GZRS and zonal resources in norwaywest',
      messages: [
        'high_availability.mode is ZoneRedundant — but the resource is in norwaywest, which has no availability zones.',
        'zones is ["1"] — but the resource is in norwaywest, which has no availability zones.',
        'account_replication_type is ZRS — but the resource is in norwaywest, which has no availability zones.',
        'account_replication_type is RAGZRS — but the resource is in norwaywest, which has no availability zones.',
      ],
      synth: tf({
        'azurerm_storage_account.a': { location: 'norwaywest', account_replication_type: 'ZRS' },
        'azurerm_storage_account.b': { location: 'Norway West', account_replication_type: 'RAGZRS' },
        'azurerm_public_ip.p': { location: 'norwaywest', zones: ['1'] },
        'azurerm_postgresql_flexible_server.pg': {
          location: 'norwaywest',
          high_availability: { mode: 'ZoneRedundant' },
        },
      }),
      plan: plan([
        {
          at: 'azurerm_storage_account.a',
          index: 0,
          values: { location: 'norwaywest', account_replication_type: 'GZRS' },
        },
        {
          at: 'azurerm_managed_disk.d',
          values: { location: 'norwaywest', storage_account_type: 'Premium_ZRS' },
        },
      ]),
      errors: [
        ['RES-006', 'azurerm_postgresql_flexible_server.pg'],
        ['RES-006', 'azurerm_public_ip.p'],
        ['RES-006', 'azurerm_storage_account.a'],
        ['RES-006', 'azurerm_storage_account.b'],
      ],
      planErrors: [
        ['RES-006', 'azurerm_managed_disk.d'],
        ['RES-006', 'azurerm_storage_account.a[0]'],
      ],
      message: /norwaywest/,
    },
    {
      name: 'zone-redundant replication where the region cannot be verified',
      messages: [
        'account_replication_type is ZRS — but the resource is in a region that cannot be verified to have availability zones.',
      ],
      synth: tf(
        { 'azurerm_storage_account.a': { location: '${var.region}', account_replication_type: 'ZRS' } },
        { variable: { region: { type: 'string' } } },
      ),
      errors: [['RES-006', 'azurerm_storage_account.a']],
    },
    {
      name: 'Cosmos geo location in norwaywest with zone redundancy',
      messages: ['geo_location[1].zone_redundant asks for zones outside norwayeast.'],
      synth: tf({
        'azurerm_cosmosdb_account.c': {
          location: 'norwayeast',
          geo_location: [
            { location: 'norwayeast', zone_redundant: true },
            { location: 'norwaywest', zone_redundant: true },
          ],
        },
      }),
      errors: [['RES-006', 'azurerm_cosmosdb_account.c']],
    },
    {
      name: 'zone placement, zone redundancy and zone lists in norwaywest, literal or from variables',
      messages: [
        'additional_location[0].zones asks for zones outside norwayeast.',
        'zone is "1" — but the resource is in norwaywest, which has no availability zones.',
        'zone cannot be verified before apply — but the resource is in norwaywest, which has no availability zones.',
        'zone_redundant is true — but the resource is in norwaywest, which has no availability zones.',
        'zone_redundant cannot be verified before apply — but the resource is in norwaywest, which has no availability zones.',
        'zones cannot be verified before apply — but the resource is in norwaywest, which has no availability zones.',
        'account_replication_type cannot be verified before apply — but the resource is in norwaywest, which has no availability zones.',
      ],
      synth: tf(
        {
          'azurerm_storage_account.sa': {
            location: 'norwaywest',
            account_replication_type: '${var.replication}',
          },
          'azurerm_public_ip.p': { location: 'norwaywest', zones: '${var.zones}' },
          'azurerm_linux_virtual_machine.a': { location: 'norwaywest', zone: '1' },
          'azurerm_linux_virtual_machine.b': { location: 'norwaywest', zone: '${var.zone}' },
          'azurerm_mssql_elasticpool.a': { location: 'norwaywest', zone_redundant: true },
          'azurerm_mssql_elasticpool.b': { location: 'norwaywest', zone_redundant: '${var.zone_redundant}' },
          'azurerm_api_management.apim': {
            location: 'norwayeast',
            additional_location: [{ location: 'norwaywest', zones: ['1', '2'] }],
          },
        },
        {
          variable: {
            replication: { type: 'string' },
            zones: { type: 'list(string)' },
            zone: { type: 'string' },
            zone_redundant: { type: 'bool' },
          },
        },
      ),
      plan: plan([
        { at: 'azurerm_linux_virtual_machine.a', values: { location: 'norwaywest', zone: '2' } },
        {
          at: 'azurerm_linux_virtual_machine.b',
          values: { location: 'norwaywest' },
          unknown: { zone: true },
          references: { zone: ['var.zone'] },
        },
        { at: 'azurerm_mssql_elasticpool.a', values: { location: 'norwaywest', zone_redundant: true } },
      ]),
      hcl: `
resource "azurerm_storage_account" "sa" {
  location = "norwaywest"
  account_replication_type = var.replication
}

resource "azurerm_public_ip" "p" {
  location = "norwaywest"
  zones = var.zones
}

resource "azurerm_linux_virtual_machine" "a" {
  location = "norwaywest"
  zone = "1"
}

resource "azurerm_linux_virtual_machine" "b" {
  location = "norwaywest"
  zone = var.zone
}

resource "azurerm_mssql_elasticpool" "a" {
  location = "norwaywest"
  zone_redundant = true
}

resource "azurerm_mssql_elasticpool" "b" {
  location = "norwaywest"
  zone_redundant = var.zone_redundant
}

resource "azurerm_api_management" "apim" {
  location = "norwayeast"
  additional_location {
    location = "norwaywest"
    zones = ["1", "2"]
  }
}

variable "replication" {
  type = string
}

variable "zones" {
  type = list(string)
}

variable "zone" {
  type = string
}

variable "zone_redundant" {
  type = bool
}
`,
      errors: [
        ['RES-006', 'azurerm_api_management.apim'],
        ['RES-006', 'azurerm_linux_virtual_machine.a'],
        ['RES-006', 'azurerm_linux_virtual_machine.b'],
        ['RES-006', 'azurerm_mssql_elasticpool.a'],
        ['RES-006', 'azurerm_mssql_elasticpool.b'],
        ['RES-006', 'azurerm_public_ip.p'],
        ['RES-006', 'azurerm_storage_account.sa'],
      ],
      planErrors: [
        ['RES-006', 'azurerm_linux_virtual_machine.a'],
        ['RES-006', 'azurerm_linux_virtual_machine.b'],
        ['RES-006', 'azurerm_mssql_elasticpool.a'],
      ],
    },
    {
      name: 'a plan that knows nothing of the resource before apply, with zones from a variable',
      messages: [
        'zones cannot be verified before apply — but the resource is in a region that cannot be verified to have availability zones.',
      ],
      plan: wholeResourceUnknown(
        plan([{ at: 'azurerm_public_ip.p', references: { zones: ['var.zones'], location: ['var.region'] } }]),
      ),
      errors: [['RES-006', 'azurerm_public_ip.p']],
    },
  ],
});
