/** The valid and invalid cases of IAM-001 (`policies/rules/identity/iam-001-entra-only.ts`). */
import { IAM_001 } from '../../../policies/rules/identity/iam-001-entra-only';
import { AT, EH, PRIVATE_WEB } from '../../helpers/rules/applications';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(IAM_001, {
  valid: [
    {
      name: 'Entra-only settings under 4.x names, Key Vault RBAC under the 3.x name',
      synth: tf({
        'azurerm_storage_account.sa': { shared_access_key_enabled: false },
        'azurerm_key_vault.kv': { enable_rbac_authorization: true },
        'azurerm_key_vault.kv4': { rbac_authorization_enabled: true },
        'azurerm_cosmosdb_account.c': { local_authentication_disabled: true },
        'azurerm_kubernetes_cluster.k': {
          local_account_disabled: true,
          azure_active_directory_role_based_access_control: { azure_rbac_enabled: true },
        },
        'azurerm_mssql_server.s': {
          azuread_administrator: { login_username: 'dba', object_id: 'x', azuread_authentication_only: true },
        },
        'azurerm_postgresql_flexible_server.pg': {
          authentication: [{ active_directory_auth_enabled: true, password_auth_enabled: false }],
        },
        'azurerm_servicebus_namespace.sb': { local_auth_enabled: false },
        'azurerm_container_registry.acr': {},
        'azurerm_container_registry.acr_explicit': { admin_enabled: false },
        'azurerm_mssql_managed_instance.mi': {
          azure_active_directory_administrator: {
            login_username: 'dba',
            object_id: 'x',
            azuread_authentication_only_enabled: true,
          },
        },
        'data.azurerm_storage_account.shared': { name: 'stshared', resource_group_name: 'rg-shared' },
        'data.azurerm_key_vault.shared': { name: 'kv-shared', resource_group_name: 'rg-shared' },
      }),
      plan: plan([
        { at: 'azurerm_storage_account.sa', values: { shared_access_key_enabled: false } },
        {
          at: 'azurerm_mssql_server.s',
          values: { azuread_administrator: [{ azuread_authentication_only: true }] },
        },
      ]),
      hcl: `
resource "azurerm_storage_account" "sa" {
  shared_access_key_enabled = false
}

resource "azurerm_key_vault" "kv" {
  enable_rbac_authorization = true
}

resource "azurerm_key_vault" "kv4" {
  rbac_authorization_enabled = true
}

resource "azurerm_cosmosdb_account" "c" {
  local_authentication_disabled = true
}

resource "azurerm_kubernetes_cluster" "k" {
  local_account_disabled = true
  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
}

resource "azurerm_mssql_server" "s" {
  azuread_administrator {
    login_username = "dba"
    object_id = "x"
    azuread_authentication_only = true
  }
}

resource "azurerm_postgresql_flexible_server" "pg" {
  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled = false
  }
}

resource "azurerm_servicebus_namespace" "sb" {
  local_auth_enabled = false
}

resource "azurerm_container_registry" "acr" {}

resource "azurerm_container_registry" "acr_explicit" {
  admin_enabled = false
}

resource "azurerm_mssql_managed_instance" "mi" {
  azure_active_directory_administrator {
    login_username = "dba"
    object_id = "x"
    azuread_authentication_only_enabled = true
  }
}

data "azurerm_storage_account" "shared" {
  name = "stshared"
  resource_group_name = "rg-shared"
}

data "azurerm_key_vault" "shared" {
  name = "kv-shared"
  resource_group_name = "rg-shared"
}
`,
    },
    // file shares over SMB, without stored access policies
    {
      name: 'a share without acl',
      synth: tf({ 'azurerm_storage_share.a': { name: 'a', storage_account_id: 'x', quota: 100 } }),
    },
    {
      name: 'a disabled registry token, an Event Hubs namespace with local auth off',
      synth: tf({
        'azurerm_container_registry_token.t': {
          name: 't',
          resource_group_name: 'rg',
          container_registry_name: 'acr',
          scope_map_id: 'x',
          enabled: false,
        },
        'azurerm_eventhub_namespace.eh': { ...EH, local_authentication_enabled: false },
      }),
    },
    // web app publishing and Container App registries and secrets
    {
      name: 'basic auth off; a registry pulled by identity; a Key Vault secret',
      synth: tf({
        'azurerm_linux_web_app.web': { ...AT, ...PRIVATE_WEB },
        'azurerm_container_app.app': {
          registry: [{ server: 'cr.azurecr.io', identity: '${azurerm_user_assigned_identity.id.id}' }],
          secret: [
            {
              name: 'db',
              key_vault_secret_id: 'https://kv.vault.azure.net/secrets/db',
              identity: '${azurerm_user_assigned_identity.id.id}',
            },
          ],
        },
        'azurerm_container_app.plain': {},
      }),
    },
  ],
  invalid: [
    {
      name: 'shared keys by default, access-policy Key Vault, SQL logins, ACR admin user',
      messages: [
        'admin_enabled is true.',
        'local_authentication_enabled is not set, and the provider default is true.',
        'enable_rbac_authorization is false.',
        'azuread_administrator.azuread_authentication_only is not set, and the provider default is false.',
        'shared_access_key_enabled is not set, and the provider default is true.',
      ],
      synth: tf({
        'azurerm_storage_account.sa': { name: 'sa' },
        'azurerm_key_vault.kv': { enable_rbac_authorization: false },
        'azurerm_mssql_server.s': { administrator_login: 'sa' },
        'azurerm_container_registry.acr': { admin_enabled: true },
        'azurerm_eventhub_namespace.eh': {},
      }),
      plan: plan([
        {
          at: 'module.data.azurerm_storage_account.sa',
          index: 'a',
          values: { shared_access_key_enabled: true },
        },
        {
          at: 'azurerm_postgresql_flexible_server.pg',
          values: { authentication: [{ active_directory_auth_enabled: true, password_auth_enabled: true }] },
        },
      ]),
      errors: [
        ['IAM-001', 'azurerm_container_registry.acr'],
        ['IAM-001', 'azurerm_eventhub_namespace.eh'],
        ['IAM-001', 'azurerm_key_vault.kv'],
        ['IAM-001', 'azurerm_mssql_server.s'],
        ['IAM-001', 'azurerm_storage_account.sa'],
      ],
      planErrors: [
        ['IAM-001', 'azurerm_postgresql_flexible_server.pg'],
        ['IAM-001', 'module.data.azurerm_storage_account.sa["a"]'],
      ],
    },
    {
      name: 'every store left at the provider defaults that allow local authentication',
      messages: [
        'local_authentication_disabled is not set, and the provider default is false.',
        'rbac_authorization_enabled is not set, and the provider default is false.',
        'local_account_disabled is not set, and the provider default is false.',
        'azure_active_directory_role_based_access_control.azure_rbac_enabled is not set, and the provider default is false.',
        'authentication.active_directory_auth_enabled is not set, and the provider default is false.',
        'authentication.password_auth_enabled is not set, and the provider default is true.',
        'local_auth_enabled is not set, and the provider default is true.',
      ],
      synth: tf({
        'azurerm_cosmosdb_account.c': { offer_type: 'Standard' },
        'azurerm_key_vault.kv': { sku_name: 'standard' },
        'azurerm_kubernetes_cluster.k': { default_node_pool: { name: 'sys' } },
        'azurerm_postgresql_flexible_server.pg': { administrator_login: 'pgadmin' },
        'azurerm_servicebus_namespace.sb': { sku: 'Premium' },
      }),
      hcl: `
resource "azurerm_cosmosdb_account" "c" {
  offer_type = "Standard"
}

resource "azurerm_key_vault" "kv" {
  sku_name = "standard"
}

resource "azurerm_kubernetes_cluster" "k" {
  default_node_pool {
    name = "sys"
  }
}

resource "azurerm_postgresql_flexible_server" "pg" {
  administrator_login = "pgadmin"
}

resource "azurerm_servicebus_namespace" "sb" {
  sku = "Premium"
}
`,
      errors: [
        ['IAM-001', 'azurerm_cosmosdb_account.c'],
        ['IAM-001', 'azurerm_key_vault.kv'],
        ['IAM-001', 'azurerm_kubernetes_cluster.k'],
        ['IAM-001', 'azurerm_kubernetes_cluster.k'],
        ['IAM-001', 'azurerm_postgresql_flexible_server.pg'],
        ['IAM-001', 'azurerm_postgresql_flexible_server.pg'],
        ['IAM-001', 'azurerm_servicebus_namespace.sb'],
      ],
    },
    {
      name: 'SQL managed instances: Entra-only switched off, or left at the provider default (off)',
      messages: [
        'azure_active_directory_administrator.azuread_authentication_only_enabled is false.',
        'azure_active_directory_administrator.azuread_authentication_only_enabled is not set, and the provider default is false.',
      ],
      synth: tf({
        'azurerm_mssql_managed_instance.off': {
          administrator_login: 'sqladmin',
          azure_active_directory_administrator: {
            login_username: 'dba',
            object_id: 'x',
            azuread_authentication_only_enabled: false,
          },
        },
        'azurerm_mssql_managed_instance.unset': { administrator_login: 'sqladmin' },
      }),
      plan: plan([
        {
          at: 'azurerm_mssql_managed_instance.off',
          values: { azure_active_directory_administrator: [{ azuread_authentication_only_enabled: false }] },
        },
        {
          at: 'azurerm_mssql_managed_instance.on',
          values: { azure_active_directory_administrator: [{ azuread_authentication_only_enabled: true }] },
        },
      ]),
      errors: [
        ['IAM-001', 'azurerm_mssql_managed_instance.off'],
        ['IAM-001', 'azurerm_mssql_managed_instance.unset'],
      ],
      planErrors: [['IAM-001', 'azurerm_mssql_managed_instance.off']],
    },
    // file shares over SMB, without stored access policies
    {
      name: 'a share with a stored access policy',
      message: /acl defines stored access policies, which sign SAS tokens with the account key\.$/,
      synth: tf({
        'azurerm_storage_share.sas': {
          name: 'sas',
          storage_account_id: 'x',
          quota: 100,
          acl: [{ id: 'policy', access_policy: [{ permissions: 'r' }] }],
        },
      }),
      errors: [['IAM-001', 'azurerm_storage_share.sas']],
    },
    {
      name: 'a registry token enabled by default or explicitly',
      messages: [
        'enabled is not set, and the provider default is true; a registry token is a password outside Entra ID.',
        'enabled is true; a registry token is a password outside Entra ID.',
      ],
      synth: tf({
        'azurerm_container_registry_token.default': { name: 'd', container_registry_name: 'acr' },
        'azurerm_container_registry_token.on': { name: 'o', container_registry_name: 'acr', enabled: true },
      }),
      plan: plan([{ at: 'azurerm_container_registry_token.on', values: { name: 'o', enabled: true } }]),
      errors: [
        ['IAM-001', 'azurerm_container_registry_token.default'],
        ['IAM-001', 'azurerm_container_registry_token.on'],
      ],
      planErrors: [['IAM-001', 'azurerm_container_registry_token.on']],
    },
    // web app publishing and Container App registries and secrets
    {
      name: 'FTP and Web Deploy basic auth by default; a registry password; a secret value',
      synth: tf({
        'azurerm_linux_web_app_slot.staging': {},
        'azurerm_container_app.app': {
          registry: [
            { server: 'cr.azurecr.io', username: 'cr', password_secret_name: 'pull' },
            { server: 'other.azurecr.io' },
          ],
          secret: [{ name: 'pull', value: 'literal' }],
        },
      }),
      errors: [
        ['IAM-001', 'azurerm_container_app.app'],
        ['IAM-001', 'azurerm_container_app.app'],
        ['IAM-001', 'azurerm_container_app.app'],
        ['IAM-001', 'azurerm_linux_web_app_slot.staging'],
        ['IAM-001', 'azurerm_linux_web_app_slot.staging'],
      ],
      messages: [
        'ftp_publish_basic_authentication_enabled is not set, and the provider default is true.',
        'webdeploy_publish_basic_authentication_enabled is not set, and the provider default is true.',
        "registry[0] pulls with a password (password_secret_name); pull with the app's managed identity.",
        'registry[1] has no identity to pull with.',
        'secret[0] is not a Key Vault reference (no key_vault_secret_id); its value lives in the configuration and state.',
      ],
    },
  ],
});
