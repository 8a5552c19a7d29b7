/** The valid and invalid cases of ACC-004 (`policies/rules/access/acc-004-no-guest-data-access.ts`). */
import { ACC_004 } from '../../../policies/rules/access/acc-004-no-guest-data-access';
import { FOREIGN, group, guest, HOME, RG } from '../../helpers/rules/access';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(ACC_004, {
  valid: [
    {
      name: 'data roles for home groups and managed identities; Owner for a guest is ACC-001, Reader is not data',
      synth: tf({
        ...group,
        ...guest,
        'azuread_application.app': { display_name: 'ours' },
        'azuread_service_principal.ours': { client_id: '${azuread_application.app.client_id}' },
        'azurerm_role_assignment.blob': {
          scope: RG,
          role_definition_name: 'Storage Blob Data Reader',
          principal_id: '${azuread_group.admins.object_id}',
        },
        'azurerm_role_assignment.sp': {
          scope: RG,
          role_definition_name: 'Key Vault Secrets User',
          principal_id: '${azuread_service_principal.ours.object_id}',
        },
        'azurerm_role_assignment.guest_reader': {
          scope: RG,
          role_definition_name: 'Reader',
          principal_id: '${azuread_invitation.supplier.user_id}',
        },
      }),
      plan: plan([
        { at: 'azuread_group.admins', values: { display_name: 'platform-admins', security_enabled: true } },
        {
          at: 'azuread_invitation.supplier',
          values: { user_email_address: 'admin@supplier.example', redirect_url: 'https://portal.azure.com' },
        },
        { at: 'azuread_application.app', values: { display_name: 'ours' } },
        {
          at: 'azuread_service_principal.ours',
          values: {},
          unknown: { client_id: true },
          references: { client_id: ['azuread_application.app.client_id', 'azuread_application.app'] },
        },
        {
          at: 'azurerm_role_assignment.blob',
          values: {
            scope: '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app',
            role_definition_name: 'Storage Blob Data Reader',
          },
          unknown: { principal_id: true },
          references: { principal_id: ['azuread_group.admins.object_id', 'azuread_group.admins'] },
        },
        {
          at: 'azurerm_role_assignment.sp',
          values: {
            scope: '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app',
            role_definition_name: 'Key Vault Secrets User',
          },
          unknown: { principal_id: true },
          references: {
            principal_id: ['azuread_service_principal.ours.object_id', 'azuread_service_principal.ours'],
          },
        },
        {
          at: 'azurerm_role_assignment.guest_reader',
          values: {
            scope: '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app',
            role_definition_name: 'Reader',
          },
          unknown: { principal_id: true },
          references: {
            principal_id: ['azuread_invitation.supplier.user_id', 'azuread_invitation.supplier'],
          },
        },
      ]),
      hcl: `
resource "azuread_group" "admins" {
  display_name = "platform-admins"
  security_enabled = true
}

resource "azuread_invitation" "supplier" {
  user_email_address = "admin@supplier.example"
  redirect_url = "https://portal.azure.com"
}

resource "azuread_application" "app" {
  display_name = "ours"
}

resource "azuread_service_principal" "ours" {
  client_id = azuread_application.app.client_id
}

resource "azurerm_role_assignment" "blob" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app"
  role_definition_name = "Storage Blob Data Reader"
  principal_id = azuread_group.admins.object_id
}

resource "azurerm_role_assignment" "sp" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app"
  role_definition_name = "Key Vault Secrets User"
  principal_id = azuread_service_principal.ours.object_id
}

resource "azurerm_role_assignment" "guest_reader" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app"
  role_definition_name = "Reader"
  principal_id = azuread_invitation.supplier.user_id
}
`,
    },
    {
      name: 'a principal_type other than ForeignGroup marks nothing; an unmatched principal with Owner is ACC-001 and ACC-003',
      synth: tf({
        ...group,
        'azurerm_role_assignment.blob': {
          scope: RG,
          role_definition_name: 'Storage Blob Data Reader',
          principal_id: '${azuread_group.admins.object_id}',
          principal_type: 'Group',
        },
        'azurerm_role_assignment.owner': { scope: RG, role_definition_name: 'Owner', principal_id: FOREIGN },
      }),
    },
    {
      name: 'grants to home principals: a vault access policy block for a group, a separate one for a managed identity',
      synth: tf({
        ...group,
        'azurerm_user_assigned_identity.app': { name: 'id-app', location: 'norwayeast' },
        'azurerm_key_vault.kv': {
          name: 'kv',
          location: 'norwayeast',
          tenant_id: HOME,
          access_policy: [{ tenant_id: HOME, object_id: '${azuread_group.admins.object_id}' }],
        },
        'azurerm_key_vault_access_policy.app': {
          key_vault_id: '${azurerm_key_vault.kv.id}',
          tenant_id: HOME,
          object_id: '${azurerm_user_assigned_identity.app.principal_id}',
        },
      }),
    },
    {
      name: "an existing vault read as a data source is not this configuration's grant",
      synth: tf({
        'data.azurerm_key_vault.shared': {
          name: 'kv-shared',
          resource_group_name: 'rg-shared',
          access_policy: [{ tenant_id: HOME, object_id: FOREIGN }],
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'a literal principal the estate cannot match gets a data role (fail closed); a configured home principal does not',
      settings: { homePrincipals: ['0f6e2d4c-8a1b-4e3f-9c5d-7b2a1e0f4d61'] },
      synth: tf({
        'azurerm_role_assignment.unknown': {
          scope: RG,
          role_definition_name: 'Storage Blob Data Reader',
          principal_id: FOREIGN,
        },
        'azurerm_role_assignment.known': {
          scope: RG,
          role_definition_name: 'Storage Blob Data Reader',
          principal_id: '0F6E2D4C-8A1B-4E3F-9C5D-7B2A1E0F4D61',
        },
      }),
      errors: [['ACC-004', 'azurerm_role_assignment.unknown']],
      messages: [
        `the assignment grants Storage Blob Data Reader to ${FOREIGN} (not a principal of the estate or the configured home-tenant principals).`,
      ],
    },
    {
      name: "a guest with blob data access, another tenant's app with secrets, a foreign group, a guest SQL admin",
      synth: tf({
        ...guest,
        'data.azuread_user.ext': {
          user_principal_name: 'bob_supplier.example#EXT#@hospital.onmicrosoft.com',
        },
        'azuread_service_principal.vendor': { client_id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' },
        'azurerm_role_assignment.guest_blob': {
          scope: RG,
          role_definition_name: 'Storage Blob Data Contributor',
          principal_id: '${azuread_invitation.supplier.user_id}',
        },
        'azurerm_role_assignment.vendor': {
          scope: RG,
          role_definition_name: 'Key Vault Secrets User',
          principal_id: '${azuread_service_principal.vendor.object_id}',
        },
        'azurerm_role_assignment.vm_login': {
          scope: RG,
          role_definition_name: 'Virtual Machine Administrator Login',
          principal_id: '${azuread_invitation.supplier.user_id}',
        },
        'azurerm_role_assignment.aks': {
          scope: RG,
          role_definition_name: 'Azure Kubernetes Service RBAC Cluster Admin',
          principal_id: '${azuread_invitation.supplier.user_id}',
        },
        'azurerm_role_assignment.foreign_group': {
          scope: RG,
          role_definition_name: 'Storage Blob Data Reader',
          principal_id: FOREIGN,
          principal_type: 'ForeignGroup',
        },
        'azurerm_mssql_server.sql': {
          azuread_administrator: { login_username: 'bob', object_id: '${data.azuread_user.ext.object_id}' },
        },
        'azurerm_key_vault_access_policy.vendor': {
          tenant_id: HOME,
          object_id: '${azuread_service_principal.vendor.object_id}',
        },
      }),
      plan: plan([
        {
          at: 'azuread_invitation.supplier',
          values: { user_email_address: 'admin@supplier.example', redirect_url: 'https://portal.azure.com' },
        },
        {
          at: 'azuread_service_principal.vendor',
          values: { client_id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' },
        },
        {
          at: 'azurerm_role_assignment.guest_blob',
          values: {
            scope: '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app',
            role_definition_name: 'Storage Blob Data Contributor',
          },
          unknown: { principal_id: true },
          references: {
            principal_id: ['azuread_invitation.supplier.user_id', 'azuread_invitation.supplier'],
          },
        },
        {
          at: 'azurerm_role_assignment.vendor',
          values: {
            scope: '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app',
            role_definition_name: 'Key Vault Secrets User',
          },
          unknown: { principal_id: true },
          references: {
            principal_id: ['azuread_service_principal.vendor.object_id', 'azuread_service_principal.vendor'],
          },
        },
        {
          at: 'azurerm_role_assignment.vm_login',
          values: {
            scope: '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app',
            role_definition_name: 'Virtual Machine Administrator Login',
          },
          unknown: { principal_id: true },
          references: {
            principal_id: ['azuread_invitation.supplier.user_id', 'azuread_invitation.supplier'],
          },
        },
        {
          at: 'azurerm_role_assignment.aks',
          values: {
            scope: '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app',
            role_definition_name: 'Azure Kubernetes Service RBAC Cluster Admin',
          },
          unknown: { principal_id: true },
          references: {
            principal_id: ['azuread_invitation.supplier.user_id', 'azuread_invitation.supplier'],
          },
        },
        {
          at: 'azurerm_role_assignment.foreign_group',
          values: {
            scope: '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app',
            role_definition_name: 'Storage Blob Data Reader',
            principal_id: '11111111-2222-4333-8444-555555555555',
            principal_type: 'ForeignGroup',
          },
        },
        {
          at: 'azurerm_mssql_server.sql',
          values: { azuread_administrator: { login_username: 'bob' } },
          unknown: { azuread_administrator: { object_id: true } },
          references: {
            'azuread_administrator.object_id': ['data.azuread_user.ext.object_id', 'data.azuread_user.ext'],
          },
        },
        {
          at: 'azurerm_key_vault_access_policy.vendor',
          values: { tenant_id: '5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13' },
          unknown: { object_id: true },
          references: {
            object_id: ['azuread_service_principal.vendor.object_id', 'azuread_service_principal.vendor'],
          },
        },
        {
          at: 'data.azuread_user.ext',
          values: { user_principal_name: 'bob_supplier.example#EXT#@hospital.onmicrosoft.com' },
        },
      ]),
      hcl: `
resource "azuread_invitation" "supplier" {
  user_email_address = "admin@supplier.example"
  redirect_url = "https://portal.azure.com"
}

resource "azuread_service_principal" "vendor" {
  client_id = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
}

resource "azurerm_role_assignment" "guest_blob" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app"
  role_definition_name = "Storage Blob Data Contributor"
  principal_id = azuread_invitation.supplier.user_id
}

resource "azurerm_role_assignment" "vendor" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app"
  role_definition_name = "Key Vault Secrets User"
  principal_id = azuread_service_principal.vendor.object_id
}

resource "azurerm_role_assignment" "vm_login" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app"
  role_definition_name = "Virtual Machine Administrator Login"
  principal_id = azuread_invitation.supplier.user_id
}

resource "azurerm_role_assignment" "aks" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app"
  role_definition_name = "Azure Kubernetes Service RBAC Cluster Admin"
  principal_id = azuread_invitation.supplier.user_id
}

resource "azurerm_role_assignment" "foreign_group" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app"
  role_definition_name = "Storage Blob Data Reader"
  principal_id = "11111111-2222-4333-8444-555555555555"
  principal_type = "ForeignGroup"
}

resource "azurerm_mssql_server" "sql" {
  azuread_administrator {
    login_username = "bob"
    object_id = data.azuread_user.ext.object_id
  }
}

resource "azurerm_key_vault_access_policy" "vendor" {
  tenant_id = "5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13"
  object_id = azuread_service_principal.vendor.object_id
}

data "azuread_user" "ext" {
  user_principal_name = "bob_supplier.example#EXT#@hospital.onmicrosoft.com"
}
`,
      errors: [
        ['ACC-004', 'azurerm_key_vault_access_policy.vendor'],
        ['ACC-004', 'azurerm_mssql_server.sql'],
        ['ACC-004', 'azurerm_role_assignment.foreign_group'],
        ['ACC-004', 'azurerm_role_assignment.aks'],
        ['ACC-004', 'azurerm_role_assignment.vm_login'],
        ['ACC-004', 'azurerm_role_assignment.guest_blob'],
        ['ACC-004', 'azurerm_role_assignment.vendor'],
      ],
      messages: [
        'the assignment grants Storage Blob Data Contributor to azuread_invitation.supplier (an invited guest).',
        'the assignment grants Key Vault Secrets User to azuread_service_principal.vendor (an application registered outside this estate).',
        'the assignment grants Storage Blob Data Reader to a group of another tenant (principal_type ForeignGroup).',
        'the assignment grants Virtual Machine Administrator Login to azuread_invitation.supplier (an invited guest).',
        'the assignment grants Azure Kubernetes Service RBAC Cluster Admin to azuread_invitation.supplier (an invited guest).',
        'azuread_administrator[0].object_id gives data access to data.azuread_user.ext (a guest user).',
        'object_id gives data access to azuread_service_principal.vendor (an application registered outside this estate).',
      ],
    },
    {
      name: 'a role that cannot be verified (a custom role) granted to a guest is reported with the reason',
      synth: tf({
        ...guest,
        'azurerm_role_definition.custom': {
          name: 'custom',
          scope: RG,
          permissions: { actions: ['Microsoft.Storage/*'] },
        },
        'azurerm_role_assignment.custom': {
          scope: RG,
          role_definition_id: '${azurerm_role_definition.custom.role_definition_resource_id}',
          principal_id: '${azuread_invitation.supplier.user_id}',
        },
      }),
      errors: [['ACC-004', 'azurerm_role_assignment.custom']],
      messages: [
        'the assignment grants a role that cannot be verified (custom role azurerm_role_definition.custom) to azuread_invitation.supplier (an invited guest).',
      ],
    },
    {
      name: 'a SQL administrator from a variable gives data access to a principal nobody can check',
      synth: tf(
        {
          'azurerm_mssql_server.sql': {
            azuread_administrator: { login_username: 'dba', object_id: '${var.dba}' },
          },
        },
        { variable: { dba: { type: 'string' } } },
      ),
      errors: [['ACC-004', 'azurerm_mssql_server.sql']],
      messages: [
        'azuread_administrator[0].object_id gives data access to a principal that cannot be resolved (var.dba has no default and no validation that limits it).',
      ],
    },
    {
      name: 'vault access policies built by a dynamic block name principals nobody can check (fail closed)',
      synth: tf(
        {
          'azurerm_key_vault.kv': {
            name: 'kv',
            location: 'norwayeast',
            tenant_id: HOME,
            dynamic: {
              access_policy: {
                for_each: '${var.readers}',
                content: { tenant_id: HOME, object_id: '${access_policy.value}' },
              },
            },
          },
        },
        { variable: { readers: { type: 'list(string)' } } },
      ),
      hcl: `
variable "readers" {
  type = list(string)
}

resource "azurerm_key_vault" "kv" {
  name = "kv"
  location = "norwayeast"
  tenant_id = "${HOME}"
  dynamic "access_policy" {
    for_each = var.readers
    content {
      tenant_id = "${HOME}"
      object_id = access_policy.value
    }
  }
}
`,
      errors: [['ACC-004', 'azurerm_key_vault.kv']],
      messages: ['access_policy is built by a dynamic block, so who gets data access cannot be verified.'],
    },
  ],
});
