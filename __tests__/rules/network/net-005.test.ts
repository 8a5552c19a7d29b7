/** The valid and invalid cases of NET-005 (`policies/rules/network/net-005-private-endpoints.ts`). */
import { NET_005 } from '../../../policies/rules/network/net-005-private-endpoints';
import { ACR, AT, EH } from '../../helpers/rules/applications';
import { SA } from '../../helpers/rules/network';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(NET_005, {
  valid: [
    {
      name: 'storage with a private endpoint; PostgreSQL injected into a subnet',
      synth: tf({
        'azurerm_storage_account.sa': SA,
        'azurerm_private_endpoint.pe': {
          private_service_connection: {
            name: 'c',
            private_connection_resource_id: '${azurerm_storage_account.sa.id}',
            subresource_names: ['blob'],
          },
        },
        'azurerm_postgresql_flexible_server.pg': { delegated_subnet_id: '${azurerm_subnet.db.id}' },
        'data.azurerm_key_vault.shared': { name: 'kv-shared', resource_group_name: 'rg-shared' },
      }),
      plan: plan([
        { at: 'module.st.azurerm_storage_account.sa', index: 0, values: SA },
        {
          at: 'module.st.azurerm_private_endpoint.pe',
          index: 0,
          values: { private_service_connection: [{ name: 'c' }] },
          unknown: { private_service_connection: [{ private_connection_resource_id: true }] },
          references: {
            'private_service_connection.private_connection_resource_id': [
              'azurerm_storage_account.sa[0].id',
              'azurerm_storage_account.sa',
            ],
          },
        },
      ]),
    },
    {
      name: 'a Health Data Services workspace reached through a private endpoint',
      synth: tf({
        'azurerm_healthcare_workspace.hw': { name: 'hw' },
        'azurerm_private_endpoint.pe': {
          private_service_connection: {
            name: 'c',
            private_connection_resource_id: '${azurerm_healthcare_workspace.hw.id}',
            subresource_names: ['healthcareworkspace'],
          },
        },
      }),
    },
    {
      name: 'a registry and an Event Hubs namespace behind private endpoints',
      synth: tf({
        'azurerm_container_registry.acr': ACR,
        'azurerm_eventhub_namespace.eh': EH,
        ...Object.fromEntries(
          [
            ['acr', 'azurerm_container_registry.acr', 'registry'],
            ['eh', 'azurerm_eventhub_namespace.eh', 'namespace'],
          ].map(([key, target, sub]) => [
            `azurerm_private_endpoint.${key}`,
            {
              ...AT,
              name: key,
              subnet_id: 's',
              private_service_connection: [
                {
                  name: key,
                  private_connection_resource_id: `\${${target}.id}`,
                  subresource_names: [sub],
                  is_manual_connection: false,
                },
              ],
            },
          ]),
        ),
      }),
      hcl: `
resource "azurerm_container_registry" "acr" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "acr"
  sku = "Premium"
  public_network_access_enabled = false
}

resource "azurerm_eventhub_namespace" "eh" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "eh"
  sku = "Premium"
}

resource "azurerm_private_endpoint" "acr" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "acr"
  subnet_id = "s"
  private_service_connection {
    name = "acr"
    private_connection_resource_id = azurerm_container_registry.acr.id
    subresource_names = ["registry"]
    is_manual_connection = false
  }
}

resource "azurerm_private_endpoint" "eh" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "eh"
  subnet_id = "s"
  private_service_connection {
    name = "eh"
    private_connection_resource_id = azurerm_eventhub_namespace.eh.id
    subresource_names = ["namespace"]
    is_manual_connection = false
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a Key Vault without a private endpoint; an endpoint for another store does not count',
      messages: ['no private endpoint in this configuration.'],
      synth: tf({
        'azurerm_key_vault.kv': {},
        'azurerm_storage_account.sa': SA,
        'azurerm_private_endpoint.pe': {
          private_service_connection: [
            { private_connection_resource_id: '${azurerm_storage_account.sa.id}' },
          ],
        },
      }),
      plan: plan([{ at: 'azurerm_key_vault.kv', values: {} }]),
      errors: [['NET-005', 'azurerm_key_vault.kv']],
    },
    {
      name: 'PostgreSQL neither injected nor behind an endpoint; an endpoint to a store outside the configuration',
      messages: [
        'no private endpoint in this configuration (the private endpoint azurerm_private_endpoint.ext could not be resolved to a resource, so it does not count).',
      ],
      synth: tf({
        'azurerm_postgresql_flexible_server.pg': { public_network_access_enabled: false },
        'azurerm_private_endpoint.ext': {
          private_service_connection: {
            name: 'c',
            private_connection_resource_id:
              '/subscriptions/x/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg',
            subresource_names: ['postgresqlServer'],
          },
        },
      }),
      errors: [['NET-005', 'azurerm_postgresql_flexible_server.pg']],
    },
    {
      name: 'an endpoint whose connections come from a dynamic block is named as unresolved',
      messages: [
        'no private endpoint in this configuration (the private endpoint azurerm_private_endpoint.pe could not be resolved to a resource, so it does not count).',
      ],
      synth: tf({
        'azurerm_key_vault.kv': {},
        'azurerm_private_endpoint.pe': {
          dynamic: {
            private_service_connection: {
              for_each: '${var.connections}',
              content: { private_connection_resource_id: '${private_service_connection.value}' },
            },
          },
        },
      }),
      errors: [['NET-005', 'azurerm_key_vault.kv']],
    },
    {
      name: 'a Health Data Services workspace without one: its FHIR and DICOM services are reachable only publicly',
      synth: tf({ 'azurerm_healthcare_workspace.hw': { name: 'hw' } }),
      errors: [['NET-005', 'azurerm_healthcare_workspace.hw']],
    },
    {
      name: 'an Event Hubs namespace and a Service Bus namespace with no private endpoint',
      synth: tf({
        'azurerm_eventhub_namespace.eh': EH,
        'azurerm_servicebus_namespace.sb': { ...AT, name: 'sb', sku: 'Premium' },
      }),
      hcl: `
resource "azurerm_eventhub_namespace" "eh" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "eh"
  sku = "Premium"
}

resource "azurerm_servicebus_namespace" "sb" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "sb"
  sku = "Premium"
}
`,
      errors: [
        ['NET-005', 'azurerm_eventhub_namespace.eh'],
        ['NET-005', 'azurerm_servicebus_namespace.sb'],
      ],
    },
  ],
});
