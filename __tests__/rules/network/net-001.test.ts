/** The valid and invalid cases of NET-001 (`policies/rules/network/net-001-public-network-access.ts`). */
import { NET_001 } from '../../../policies/rules/network/net-001-public-network-access';
import { ACR, AT, EH } from '../../helpers/rules/applications';
import { SA } from '../../helpers/rules/network';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(NET_001, {
  valid: [
    {
      name: 'storage, Key Vault, SQL and a web app with public access off',
      synth: tf({
        'azurerm_storage_account.sa': SA,
        'azurerm_key_vault.kv': { public_network_access_enabled: false },
        'azurerm_mssql_server.s': { public_network_access_enabled: 'false' },
        'azurerm_linux_web_app.w': { public_network_access_enabled: false },
        'azurerm_postgresql_flexible_server.pg': { delegated_subnet_id: '${azurerm_subnet.db.id}' },
        'data.azurerm_key_vault.shared': { name: 'kv-shared', resource_group_name: 'rg-shared' },
      }),
      plan: plan([
        { at: 'azurerm_storage_account.sa', values: SA },
        { at: 'module.kv.azurerm_key_vault.kv', index: 0, values: { public_network_access_enabled: false } },
        {
          at: 'data.azurerm_storage_account.shared',
          values: { public_network_access_enabled: true },
          actions: ['read'],
        },
      ]),
      hcl: `
resource "azurerm_storage_account" "sa" {
  name = "sa"
  location = "norwayeast"
  public_network_access_enabled = false
  allow_nested_items_to_be_public = false
}

resource "azurerm_key_vault" "kv" {
  public_network_access_enabled = false
}

resource "azurerm_mssql_server" "s" {
  public_network_access_enabled = "false"
}

resource "azurerm_linux_web_app" "w" {
  public_network_access_enabled = false
}

resource "azurerm_postgresql_flexible_server" "pg" {
  delegated_subnet_id = azurerm_subnet.db.id
}

data "azurerm_key_vault" "shared" {
  name = "kv-shared"
  resource_group_name = "rg-shared"
}
`,
    },
    {
      name: 'a DICOM service with public access off; an internal Container Apps environment; an app without external ingress',
      synth: tf({
        'azurerm_healthcare_dicom_service.dicom': { public_network_access_enabled: false },
        'azurerm_container_app_environment.cae': { internal_load_balancer_enabled: true },
        'azurerm_container_app.internal': { ingress: { external_enabled: false, target_port: 8080 } },
        'azurerm_container_app.worker': { revision_mode: 'Single' },
      }),
      plan: plan([
        { at: 'azurerm_healthcare_dicom_service.dicom', values: { public_network_access_enabled: false } },
        { at: 'azurerm_container_app_environment.cae', values: { internal_load_balancer_enabled: true } },
        { at: 'azurerm_container_app.internal', values: { ingress: [{ external_enabled: false }] } },
      ]),
    },
    {
      name: 'a registry with public access, anonymous pull and the export policy off',
      synth: tf({
        'azurerm_container_registry.acr': {
          ...ACR,
          anonymous_pull_enabled: false,
          export_policy_enabled: false,
        },
        'azurerm_eventhub_namespace.eh': { ...EH, public_network_access_enabled: false },
      }),
      plan: plan([
        {
          at: 'azurerm_container_registry.acr',
          values: { ...ACR, anonymous_pull_enabled: false, export_policy_enabled: false },
        },
      ]),
    },
    {
      name: 'a retired PostgreSQL single server and a retired SQL server with public access off',
      synth: tf({
        'azurerm_postgresql_server.pg': { public_network_access_enabled: false },
        'azurerm_sql_server.s': { public_network_access_enabled: false },
      }),
    },
    // web app slots and Container Apps environments are not public
    {
      name: 'private web and function app slots; internal environments with public access unset or disabled',
      synth: tf({
        'azurerm_linux_web_app_slot.staging': { public_network_access_enabled: false },
        'azurerm_linux_function_app_slot.staging': { public_network_access_enabled: false },
        'azurerm_container_app_environment.a': { ...AT, internal_load_balancer_enabled: true },
        'azurerm_container_app_environment.b': {
          ...AT,
          internal_load_balancer_enabled: true,
          public_network_access: 'Disabled',
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'public access left at the provider default (enabled) or set true; anonymous blobs by default',
      messages: [
        'public_network_access_enabled cannot be verified before apply (var.public has no default and no validation that limits it).',
        'public_network_access_enabled is true.',
        'public_network_access_enabled is not set, and the provider default is true.',
        'allow_nested_items_to_be_public is not set, and the provider default is true; blobs may be made public.',
        'public_network_access_enabled is not set, and the provider default is true.',
      ],
      synth: tf(
        {
          'azurerm_storage_account.sa': { name: 'sa', location: 'norwayeast' },
          'azurerm_key_vault.kv': {},
          'azurerm_cosmosdb_account.c': { public_network_access_enabled: true },
          'azurerm_container_registry.acr': {
            public_network_access_enabled: '${var.public}',
            export_policy_enabled: false,
          },
        },
        { variable: { public: { type: 'bool' } } },
      ),
      plan: plan([
        { at: 'module.kv.azurerm_key_vault.kv', index: 0, values: { public_network_access_enabled: true } },
      ]),
      hcl: `
resource "azurerm_storage_account" "sa" {
  name = "sa"
  location = "norwayeast"
}

resource "azurerm_key_vault" "kv" {}

resource "azurerm_cosmosdb_account" "c" {
  public_network_access_enabled = true
}

resource "azurerm_container_registry" "acr" {
  public_network_access_enabled = var.public
  export_policy_enabled = false
}

variable "public" {
  type = bool
}
`,
      errors: [
        ['NET-001', 'azurerm_container_registry.acr'],
        ['NET-001', 'azurerm_cosmosdb_account.c'],
        ['NET-001', 'azurerm_key_vault.kv'],
        ['NET-001', 'azurerm_storage_account.sa'],
        ['NET-001', 'azurerm_storage_account.sa'],
      ],
      planErrors: [['NET-001', 'module.kv.azurerm_key_vault.kv[0]']],
    },
    {
      name: 'for_each instances whose setting comes from each.value fail closed; count instances with a literal pass',
      messages: [
        'public_network_access_enabled cannot be verified before apply (each.value.public: the for_each of azurerm_key_vault.each is not known (var.vaults is not declared)).',
      ],
      synth: tf({
        'azurerm_key_vault.each': {
          for_each: '${var.vaults}',
          name: '${each.key}',
          public_network_access_enabled: '${each.value.public}',
        },
        'azurerm_key_vault.counted': {
          count: 2,
          name: 'kv-${count.index}',
          public_network_access_enabled: false,
        },
      }),
      plan: plan([
        { at: 'azurerm_key_vault.each', index: 'a', values: { public_network_access_enabled: false } },
        { at: 'azurerm_key_vault.each', index: 'b', values: { public_network_access_enabled: true } },
      ]),
      errors: [['NET-001', 'azurerm_key_vault.each']],
      planErrors: [['NET-001', 'azurerm_key_vault.each["b"]']],
      message: /cannot be verified|is true/,
    },
    {
      name: 'public blob access under the old name',
      messages: ['allow_blob_public_access is true; blobs may be made public.'],
      synth: tf({
        'azurerm_storage_account.sa': {
          public_network_access_enabled: false,
          allow_blob_public_access: true,
        },
      }),
      errors: [['NET-001', 'azurerm_storage_account.sa']],
      message: /allow_blob_public_access/,
    },
    {
      name: 'messaging namespaces and a Cognitive Services account at the default; PostgreSQL not injected into a subnet',
      messages: [
        'public_network_access_enabled is not set, and the provider default is true.',
        'public_network_access_enabled is not set, and the provider default is true.',
        'public_network_access_enabled is not set, and the provider default is true.',
        'public_network_access_enabled is not set, and the provider default is true.',
      ],
      synth: tf({
        'azurerm_eventhub_namespace.eh': { sku: 'Standard' },
        'azurerm_servicebus_namespace.sb': { sku: 'Premium' },
        'azurerm_cognitive_account.ai': { kind: 'OpenAI', sku_name: 'S0' },
        'azurerm_postgresql_flexible_server.pg': { sku_name: 'GP_Standard_D2s_v3' },
      }),
      errors: [
        ['NET-001', 'azurerm_cognitive_account.ai'],
        ['NET-001', 'azurerm_eventhub_namespace.eh'],
        ['NET-001', 'azurerm_postgresql_flexible_server.pg'],
        ['NET-001', 'azurerm_servicebus_namespace.sb'],
      ],
    },
    {
      name: 'DICOM public by default; a public environment; external ingress; an unknown flag fails closed',
      synth: tf({
        'azurerm_healthcare_dicom_service.dicom': { name: 'dicom' },
        'azurerm_container_app_environment.cae': { name: 'cae' },
        'azurerm_container_app.web': { ingress: { external_enabled: true, target_port: 80 } },
        'azurerm_container_app.var': { ingress: { external_enabled: '${var.public}', target_port: 80 } },
      }),
      errors: [
        ['NET-001', 'azurerm_healthcare_dicom_service.dicom'],
        ['NET-001', 'azurerm_container_app_environment.cae'],
        ['NET-001', 'azurerm_container_app.web'],
        ['NET-001', 'azurerm_container_app.var'],
      ],
    },
    {
      name: 'the messages say what is exposed',
      synth: tf({
        'azurerm_container_app_environment.cae': { internal_load_balancer_enabled: false },
        'azurerm_container_app.web': { ingress: { external_enabled: true } },
      }),
      errors: [
        ['NET-001', 'azurerm_container_app_environment.cae'],
        ['NET-001', 'azurerm_container_app.web'],
      ],
      messages: [
        'internal_load_balancer_enabled is false; the environment has a public load balancer.',
        'ingress.external_enabled is true; the app is reachable from the internet.',
      ],
    },
    {
      name: 'anonymous pull on; the export policy left at its default (on) or on',
      messages: [
        'anonymous_pull_enabled is true; anyone who reaches the registry can pull images.',
        'export_policy_enabled is not set, and the provider default is true; images and artifacts can be exported out of the registry.',
        'export_policy_enabled is true; images and artifacts can be exported out of the registry.',
      ],
      synth: tf({
        'azurerm_container_registry.anonymous': { ...ACR, anonymous_pull_enabled: true },
        'azurerm_container_registry.exporting': { ...ACR, export_policy_enabled: true },
      }),
      plan: plan([
        {
          at: 'azurerm_container_registry.exporting',
          values: { ...ACR, anonymous_pull_enabled: false, export_policy_enabled: true },
        },
      ]),
      errors: [
        ['NET-001', 'azurerm_container_registry.anonymous'],
        ['NET-001', 'azurerm_container_registry.anonymous'],
        ['NET-001', 'azurerm_container_registry.exporting'],
      ],
      planErrors: [['NET-001', 'azurerm_container_registry.exporting']],
    },
    {
      name: 'an export policy that cannot be verified before apply fails closed',
      synth: tf(
        { 'azurerm_container_registry.acr': { ...ACR, export_policy_enabled: '${var.export}' } },
        { variable: { export: { type: 'bool' } } },
      ),
      errors: [['NET-001', 'azurerm_container_registry.acr']],
      message: /^export_policy_enabled cannot be verified before apply/,
    },
    {
      name: 'an Event Hubs namespace with public access at the provider default',
      synth: tf({ 'azurerm_eventhub_namespace.eh': EH }),
      errors: [['NET-001', 'azurerm_eventhub_namespace.eh']],
    },
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
    // web app slots and Container Apps environments are not public
    {
      name: 'a web app slot by default, a function app slot that enables it; an internal environment that enables public access',
      synth: tf({
        'azurerm_windows_web_app_slot.staging': {},
        'azurerm_windows_function_app_slot.staging': { public_network_access_enabled: true },
        'azurerm_container_app_environment.open': {
          ...AT,
          internal_load_balancer_enabled: true,
          public_network_access: 'Enabled',
        },
      }),
      errors: [
        ['NET-001', 'azurerm_container_app_environment.open'],
        ['NET-001', 'azurerm_windows_function_app_slot.staging'],
        ['NET-001', 'azurerm_windows_web_app_slot.staging'],
      ],
    },
  ],
});
