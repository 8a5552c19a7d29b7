/** The valid and invalid cases of ACC-002 (`policies/rules/access/acc-002-home-tenant.ts`). */
import { ACC_002 } from '../../../policies/rules/access/acc-002-home-tenant';
import { FOREIGN, HOME } from '../../helpers/rules/access';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const settings = { homeTenantId: HOME, approvedRanges: ['203.0.113.0/24'] };

ruleTester(ACC_002, {
  valid: [
    {
      name: 'Key Vault, access policy, SQL and AKS trust the home tenant; FHIR authority of the home tenant; unset optional tenants',
      settings,
      synth: tf(
        {
          'azurerm_key_vault.kv': {
            tenant_id: HOME,
            access_policy: [{ tenant_id: HOME.toUpperCase(), object_id: 'x' }],
          },
          'azurerm_key_vault_access_policy.p': { tenant_id: HOME, object_id: 'x' },
          'azurerm_mssql_server.sql': {
            azuread_administrator: { login_username: 'dba', object_id: 'x', tenant_id: HOME },
          },
          'azurerm_mssql_server.sql2': { azuread_administrator: { login_username: 'dba', object_id: 'x' } },
          'azurerm_kubernetes_cluster.aks': {
            azure_active_directory_role_based_access_control: { tenant_id: HOME },
          },
          'azurerm_healthcare_fhir_service.fhir': {
            authentication: {
              authority: `https://login.microsoftonline.com/${HOME}`,
              audience: 'https://fhir',
            },
          },
        },
        { provider: { azurerm: [{ features: [{}], tenant_id: HOME }], azuread: [{}] } },
      ),
      plan: plan([{ at: 'azurerm_key_vault.kv', values: { tenant_id: HOME } }]),
      hcl: `
resource "azurerm_key_vault" "kv" {
  tenant_id = "5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13"
  access_policy {
    tenant_id = "5B2C6A1E-0D3F-4C8E-9A71-2F4E6D8B0C13"
    object_id = "x"
  }
}

resource "azurerm_key_vault_access_policy" "p" {
  tenant_id = "5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13"
  object_id = "x"
}

resource "azurerm_mssql_server" "sql" {
  azuread_administrator {
    login_username = "dba"
    object_id = "x"
    tenant_id = "5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13"
  }
}

resource "azurerm_mssql_server" "sql2" {
  azuread_administrator {
    login_username = "dba"
    object_id = "x"
  }
}

resource "azurerm_kubernetes_cluster" "aks" {
  azure_active_directory_role_based_access_control {
    tenant_id = "5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13"
  }
}

resource "azurerm_healthcare_fhir_service" "fhir" {
  authentication {
    authority = "https://login.microsoftonline.com/5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13"
    audience = "https://fhir"
  }
}

provider "azurerm" {
  features {}
  tenant_id = "5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13"
}

provider "azuread" {}
`,
    },
    {
      name: 'the home tenant in upper case, an sts.windows.net authority, an empty auxiliary list, an aliased provider',
      settings: { ...settings, homeTenantId: HOME.toUpperCase() },
      synth: tf(
        {
          'azurerm_key_vault.kv': { tenant_id: ` ${HOME.toUpperCase()} ` },
          'azurerm_virtual_network_gateway.vpn': {
            vpn_client_configuration: { aad_tenant: `https://sts.windows.net/${HOME}/` },
          },
        },
        {
          provider: {
            azurerm: [
              { features: [{}], tenant_id: HOME, auxiliary_tenant_ids: [] },
              { alias: 'hub', features: [{}], tenant_id: HOME },
            ],
            aws: [{ region: 'eu-north-1', tenant_id: FOREIGN }],
          },
        },
      ),
    },
  ],
  invalid: [
    {
      name: "a foreign tenant's group as SQL Entra admin and in a Key Vault access policy; a foreign FHIR authority",
      settings,
      synth: tf({
        'azurerm_mssql_server.sql': {
          azuread_administrator: { login_username: 'x', object_id: 'y', tenant_id: FOREIGN },
        },
        'azurerm_key_vault_access_policy.p': { tenant_id: FOREIGN, object_id: 'y' },
        'azurerm_key_vault.kv': {
          tenant_id: HOME,
          access_policy: [{ tenant_id: HOME }, { tenant_id: FOREIGN }],
        },
        'azurerm_postgresql_flexible_server_active_directory_administrator.pg': { tenant_id: FOREIGN },
        'azurerm_healthcare_fhir_service.fhir': {
          authentication: { authority: `https://login.microsoftonline.com/${FOREIGN}/`, audience: 'a' },
        },
      }),
      plan: plan([
        {
          at: 'azurerm_mssql_server.sql',
          values: {
            azuread_administrator: {
              login_username: 'x',
              object_id: 'y',
              tenant_id: '11111111-2222-4333-8444-555555555555',
            },
          },
        },
        {
          at: 'azurerm_key_vault_access_policy.p',
          values: { tenant_id: '11111111-2222-4333-8444-555555555555', object_id: 'y' },
        },
        {
          at: 'azurerm_key_vault.kv',
          values: {
            tenant_id: '5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13',
            access_policy: [
              { tenant_id: '5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13' },
              { tenant_id: '11111111-2222-4333-8444-555555555555' },
            ],
          },
        },
        {
          at: 'azurerm_postgresql_flexible_server_active_directory_administrator.pg',
          values: { tenant_id: '11111111-2222-4333-8444-555555555555' },
        },
        {
          at: 'azurerm_healthcare_fhir_service.fhir',
          values: {
            authentication: {
              authority: 'https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555/',
              audience: 'a',
            },
          },
        },
      ]),
      hcl: `
resource "azurerm_mssql_server" "sql" {
  azuread_administrator {
    login_username = "x"
    object_id = "y"
    tenant_id = "11111111-2222-4333-8444-555555555555"
  }
}

resource "azurerm_key_vault_access_policy" "p" {
  tenant_id = "11111111-2222-4333-8444-555555555555"
  object_id = "y"
}

resource "azurerm_key_vault" "kv" {
  tenant_id = "5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13"
  access_policy {
    tenant_id = "5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13"
  }
  access_policy {
    tenant_id = "11111111-2222-4333-8444-555555555555"
  }
}

resource "azurerm_postgresql_flexible_server_active_directory_administrator" "pg" {
  tenant_id = "11111111-2222-4333-8444-555555555555"
}

resource "azurerm_healthcare_fhir_service" "fhir" {
  authentication {
    authority = "https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555/"
    audience = "a"
  }
}
`,
      errors: [
        ['ACC-002', 'azurerm_healthcare_fhir_service.fhir'],
        ['ACC-002', 'azurerm_key_vault.kv'],
        ['ACC-002', 'azurerm_key_vault_access_policy.p'],
        ['ACC-002', 'azurerm_mssql_server.sql'],
        ['ACC-002', 'azurerm_postgresql_flexible_server_active_directory_administrator.pg'],
      ],
      messages: [
        `azuread_administrator[0].tenant_id is ${FOREIGN}, another tenant than the home tenant ${HOME}.`,
        `tenant_id is ${FOREIGN}, another tenant than the home tenant ${HOME}.`,
        `access_policy[1].tenant_id is ${FOREIGN}, another tenant than the home tenant ${HOME}.`,
        `tenant_id is ${FOREIGN}, another tenant than the home tenant ${HOME}.`,
        `authentication[0].authority is ${FOREIGN}, another tenant than the home tenant ${HOME}.`,
      ],
    },
    {
      name: 'no home tenant configured, a tenant from the client config, an authority that names no tenant',
      synth: tf({
        'data.azurerm_client_config.c': {},
        'azurerm_key_vault.kv': { tenant_id: HOME },
        'azurerm_key_vault.kv2': { tenant_id: '${data.azurerm_client_config.c.tenant_id}' },
      }),
      errors: [
        ['ACC-002', 'azurerm_key_vault.kv'],
        ['ACC-002', 'azurerm_key_vault.kv2'],
      ],
      messages: [
        `tenant_id is ${HOME}, and no home tenant is configured to compare it with (policy setting homeTenantId).`,
        'tenant_id cannot be verified before apply; write the home tenant as a literal.',
      ],
    },
    {
      name: 'providers and the backend signing in to another tenant, or acting in auxiliary tenants',
      settings,
      synth: tf(
        {},
        {
          provider: {
            azurerm: [{ features: [{}], tenant_id: FOREIGN, auxiliary_tenant_ids: [FOREIGN] }],
            azuread: [{ tenant_id: '${var.tenant}' }],
          },
          variable: { tenant: { type: 'string' } },
          terraform: {
            backend: {
              azurerm: {
                storage_account_name: 'st',
                container_name: 'c',
                key: 'k',
                tenant_id: FOREIGN,
                use_azuread_auth: true,
              },
            },
          },
        },
      ),
      errors: [
        ['ACC-002', 'provider.azuread'],
        ['ACC-002', 'provider.azurerm'],
        ['ACC-002', 'provider.azurerm'],
        ['ACC-002', 'terraform.backend'],
      ],
      messages: [
        `tenant_id is ${FOREIGN}, another tenant than the home tenant ${HOME}.`,
        `auxiliary_tenant_ids lets the provider act in other tenants (["${FOREIGN}"]).`,
        'tenant_id "${var.tenant}" cannot be verified before apply; write the home tenant as a literal.',
        `terraform.backend: tenant_id is ${FOREIGN}, another tenant than the home tenant ${HOME}.`,
      ],
    },
    {
      name: 'an authority that is not a tenant URL',
      settings,
      synth: tf({
        'azurerm_healthcare_fhir_service.fhir': {
          authentication: { authority: 'https://idp.example.com/', audience: 'a' },
        },
      }),
      errors: [['ACC-002', 'azurerm_healthcare_fhir_service.fhir']],
      message: /does not name a tenant by id/,
    },
    {
      name: 'an aliased provider of another tenant, and a provider tenant with no home tenant to compare',
      synth: tf(
        {},
        {
          provider: {
            azurerm: [{ alias: 'partner', features: [{}], tenant_id: FOREIGN }],
            azapi: [{ tenant_id: 'not-a-tenant' }],
          },
        },
      ),
      errors: [
        ['ACC-002', 'provider.azapi'],
        ['ACC-002', 'provider.azurerm.partner'],
      ],
      messages: [
        'tenant_id "not-a-tenant" cannot be verified before apply; write the home tenant as a literal.',
        `tenant_id is ${FOREIGN}, and no home tenant is configured to compare it with (policy setting homeTenantId).`,
      ],
    },
    {
      name: 'a VPN gateway trusting another tenant, blocks generated by dynamic, a tenant unknown inside a block',
      settings,
      synth: tf({
        'azurerm_virtual_network_gateway.vpn': {
          vpn_client_configuration: { aad_tenant: `https://login.microsoftonline.com/${FOREIGN}` },
        },
        'azurerm_key_vault.kv': {
          tenant_id: HOME,
          dynamic: { access_policy: { for_each: '${var.policies}', content: { tenant_id: HOME } } },
        },
        'azurerm_mssql_server.sql': {
          azuread_administrator: { login_username: 'dba', object_id: 'x', tenant_id: '${var.tenant}' },
        },
      }),
      errors: [
        ['ACC-002', 'azurerm_key_vault.kv'],
        ['ACC-002', 'azurerm_mssql_server.sql'],
        ['ACC-002', 'azurerm_virtual_network_gateway.vpn'],
      ],
      messages: [
        'access_policy is built by a dynamic block, so its tenant cannot be verified.',
        'azuread_administrator[0].tenant_id cannot be verified before apply; write the home tenant as a literal.',
        `vpn_client_configuration[0].aad_tenant is ${FOREIGN}, another tenant than the home tenant ${HOME}.`,
      ],
    },
  ],
});
