import { IAM_001 } from '../../policies/rules/identity/iam-001-entra-only';
import {
  IAM_002,
  lighthouseDelegationRule,
} from '../../policies/rules/identity/iam-002-foreign-tenant-delegation';
import { IAM_003 } from '../../policies/rules/identity/iam-003-privileged-roles';
import { IAM_004 } from '../../policies/rules/identity/iam-004-ssh-keys-only';
import { plan, ruleTester, tf } from '../helpers/rule-tester';

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
  ],
});

const TENANT = '11111111-2222-3333-4444-555555555555';

ruleTester(IAM_002, {
  valid: [
    {
      name: 'no Lighthouse resources',
      synth: tf({ 'azurerm_resource_group.rg': { location: 'norwayeast' } }),
      plan: plan([]),
    },
  ],
  invalid: [
    {
      name: 'a delegation to a foreign tenant and its assignment; an assignment of an external definition',
      messages: [
        'the managing tenant of this Lighthouse delegation cannot be verified: /subscriptions/x/providers/Microsoft.ManagedServices/registrationDefinitions/y is not in the checked estate; pass its stack, plan or state with --context.',
        'management is delegated to tenant 11111111-2222-3333-4444-555555555555, which is not on the allow-list (none).',
      ],
      synth: tf({
        'azurerm_lighthouse_definition.d': { managing_tenant_id: TENANT, scope: '/subscriptions/x' },
        'azurerm_lighthouse_assignment.a': {
          lighthouse_definition_id: '${azurerm_lighthouse_definition.d.id}',
          scope: '/subscriptions/x',
        },
        'azurerm_lighthouse_assignment.b': {
          lighthouse_definition_id:
            '/subscriptions/x/providers/Microsoft.ManagedServices/registrationDefinitions/y',
          scope: '/subscriptions/x',
        },
      }),
      plan: plan([
        { at: 'module.ops.azurerm_lighthouse_definition.d', values: { managing_tenant_id: TENANT } },
      ]),
      errors: [
        ['IAM-002', 'azurerm_lighthouse_assignment.b'],
        ['IAM-002', 'azurerm_lighthouse_definition.d'],
      ],
      planErrors: [['IAM-002', 'module.ops.azurerm_lighthouse_definition.d']],
    },
    {
      name: 'a definition that names no managing tenant',
      messages: [
        'management is delegated to a tenant that is not named, which is not on the allow-list (none).',
      ],
      synth: tf({ 'azurerm_lighthouse_definition.d': { name: 'ops', scope: '/subscriptions/x' } }),
      errors: [['IAM-002', 'azurerm_lighthouse_definition.d']],
    },
    {
      name: 'a tenant id written as a number is reported, not allow-list-checked',
      messages: ['management is delegated to tenant 12345678, which is not on the allow-list (none).'],
      hcl: `
resource "azurerm_lighthouse_definition" "d" {
  name               = "ops"
  scope              = "/subscriptions/x"
  managing_tenant_id = 12345678
}
`,
      errors: [['IAM-002', 'azurerm_lighthouse_definition.d']],
    },
    {
      name: 'an assignment whose definition id points at a resource that is not a Lighthouse definition',
      messages: [
        'the managing tenant of this Lighthouse delegation cannot be verified: it names no definition.',
      ],
      synth: tf({
        'azurerm_resource_group.rg': { name: 'rg-ops', location: 'norwayeast' },
        'azurerm_lighthouse_assignment.a': {
          lighthouse_definition_id: '${azurerm_resource_group.rg.id}',
          scope: '/subscriptions/x',
        },
      }),
      errors: [['IAM-002', 'azurerm_lighthouse_assignment.a']],
    },
    {
      name: 'assignments of a definition from an unvalidated variable, and of no definition at all',
      messages: [
        'the managing tenant of this Lighthouse delegation cannot be verified: it names no definition.',
        'the managing tenant of this Lighthouse delegation cannot be verified: var.definition has no default and no validation that limits it.',
      ],
      synth: tf(
        {
          'azurerm_lighthouse_assignment.var': {
            lighthouse_definition_id: '${var.definition}',
            scope: '/subscriptions/x',
          },
          'azurerm_lighthouse_assignment.none': { scope: '/subscriptions/x' },
        },
        { variable: { definition: { type: 'string' } } },
      ),
      errors: [
        ['IAM-002', 'azurerm_lighthouse_assignment.none'],
        ['IAM-002', 'azurerm_lighthouse_assignment.var'],
      ],
    },
  ],
});

ruleTester(lighthouseDelegationRule([TENANT]), {
  valid: [
    {
      name: 'an allow-listed tenant (the documented extension point)',
      synth: tf({
        'azurerm_lighthouse_definition.d': { managing_tenant_id: TENANT.toUpperCase() },
        'azurerm_lighthouse_assignment.a': {
          lighthouse_definition_id: '${azurerm_lighthouse_definition.d.id}',
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'a tenant from a variable without validation',
      messages: [
        'management is delegated to a tenant that cannot be verified before apply, which is not on the allow-list (11111111-2222-3333-4444-555555555555).',
      ],
      synth: tf(
        { 'azurerm_lighthouse_definition.d': { managing_tenant_id: '${var.tenant}' } },
        { variable: { tenant: { type: 'string' } } },
      ),
      errors: [['IAM-002', 'azurerm_lighthouse_definition.d']],
    },
  ],
});

const HEX_TENANT = 'ABCDEF01-2345-6789-ABCD-EF0123456789';

ruleTester(lighthouseDelegationRule([HEX_TENANT, TENANT]), {
  valid: [
    {
      name: 'an allow-listed tenant written in lower case while the allow-list has it in upper case',
      synth: tf({ 'azurerm_lighthouse_definition.d': { managing_tenant_id: HEX_TENANT.toLowerCase() } }),
      plan: plan([
        { at: 'azurerm_lighthouse_definition.d', values: { managing_tenant_id: HEX_TENANT.toLowerCase() } },
      ]),
    },
  ],
  invalid: [
    {
      name: 'a tenant not on a two-tenant allow-list',
      messages: [
        'management is delegated to tenant 99999999-aaaa-bbbb-cccc-dddddddddddd, which is not on the allow-list (ABCDEF01-2345-6789-ABCD-EF0123456789, 11111111-2222-3333-4444-555555555555).',
      ],
      synth: tf({
        'azurerm_lighthouse_definition.d': { managing_tenant_id: '99999999-aaaa-bbbb-cccc-dddddddddddd' },
      }),
      errors: [['IAM-002', 'azurerm_lighthouse_definition.d']],
    },
  ],
});

ruleTester(IAM_003, {
  valid: [
    {
      name: 'Contributor on a resource group; Reader on the subscription; a custom role on a storage account',
      synth: tf({
        'azurerm_resource_group.rg': { name: 'rg', location: 'norwayeast' },
        'azurerm_role_assignment.a': {
          scope: '${azurerm_resource_group.rg.id}',
          role_definition_name: 'Contributor',
          principal_id: 'p',
        },
        'azurerm_role_assignment.b': {
          scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
          role_definition_name: 'Reader',
          principal_id: 'p',
        },
        'azurerm_role_assignment.c': {
          scope: '${azurerm_storage_account.sa.id}',
          role_definition_id: '${azurerm_role_definition.r.role_definition_resource_id}',
          principal_id: 'p',
        },
        'azurerm_storage_account.sa': { location: 'norwayeast' },
        'azurerm_role_definition.r': { name: 'blob-reader' },
      }),
      plan: plan([
        {
          at: 'azurerm_role_assignment.a',
          values: { scope: '/subscriptions/s/resourceGroups/rg', role_definition_name: 'Owner' },
        },
      ]),
    },
    {
      name: 'Reader by GUID, and a custom role defined in this configuration, on the subscription',
      synth: tf({
        'azurerm_role_assignment.reader': {
          scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
          role_definition_id:
            '/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7',
          principal_id: 'p',
        },
        'azurerm_role_definition.r': {
          name: 'blob-reader',
          scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
          permissions: {
            // Reads role assignments but cannot write them; lists containers but reads no blobs.
            actions: [
              'Microsoft.Authorization/*',
              'Microsoft.Storage/storageAccounts/blobServices/containers/read',
            ],
            not_actions: ['Microsoft.Authorization/*/write'],
            data_actions: ['Microsoft.Storage/storageAccounts/queueServices/queues/messages/read'],
          },
        },
        'azurerm_role_assignment.custom': {
          scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
          role_definition_id: '${azurerm_role_definition.r.role_definition_resource_id}',
          principal_id: 'p',
        },
      }),
    },
    {
      name: 'role and scope limited by validation to non-privileged roles and resource-group scopes',
      synth: tf(
        {
          'azurerm_role_assignment.role': {
            scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
            role_definition_name: '${var.role}',
            principal_id: 'p',
          },
          'azurerm_role_assignment.scope': {
            scope: '${var.scope}',
            role_definition_name: 'Contributor',
            principal_id: 'p',
          },
        },
        {
          variable: {
            role: {
              type: 'string',
              validation: [
                {
                  condition: '${contains(["Reader", "Storage Blob Data Reader"], var.role)}',
                  error_message: 'Only read roles.',
                },
              ],
            },
            scope: {
              type: 'string',
              validation: [
                {
                  condition:
                    '${contains(["/subscriptions/s/resourceGroups/rg-app", "/subscriptions/s/resourceGroups/rg-data"], var.scope)}',
                  error_message: 'Resource groups only.',
                },
              ],
            },
          },
        },
      ),
    },
    {
      name: 'Reader on the subscription, named by a role definition data source',
      synth: tf({
        'data.azurerm_role_definition.reader': { name: 'Reader' },
        'azurerm_role_assignment.r': {
          scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
          role_definition_id: '${data.azurerm_role_definition.reader.id}',
          principal_id: 'p',
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'custom roles defined in the configuration that can grant access, read keys or read data, or whose actions are not known',
      messages: [
        'the assignment grants custom role azurerm_role_definition.everything, which allows Microsoft.Authorization/roleAssignments/write, at subscription or management-group scope.',
        'the assignment grants custom role azurerm_role_definition.keys, which allows Microsoft.Storage/storageAccounts/listKeys/action, at subscription or management-group scope.',
        'the assignment grants custom role azurerm_role_definition.blobs, which allows Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read, at subscription or management-group scope.',
        'the assignment grants custom role azurerm_role_definition.variable, whose permissions cannot be verified before apply (permissions.0.actions: var.actions has no default and no validation that limits it), at subscription or management-group scope.',
      ],
      synth: tf(
        {
          // Contributor's shape: everything except writing authorizations still lists storage keys.
          'azurerm_role_definition.keys': {
            name: 'contributor-copy',
            scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
            permissions: [{ actions: ['*'], not_actions: ['Microsoft.Authorization/*/Write'] }],
          },
          'azurerm_role_definition.everything': {
            name: 'everything',
            scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
            permissions: [{ actions: ['microsoft.authorization/ROLEASSIGNMENTS/*'] }],
          },
          'azurerm_role_definition.blobs': {
            name: 'all-blobs',
            scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
            permissions: [
              { actions: ['Microsoft.Storage/storageAccounts/read'] },
              { data_actions: ['Microsoft.Storage/*'], not_data_actions: ['Microsoft.Storage/*/delete'] },
            ],
          },
          'azurerm_role_definition.variable': {
            name: 'from-variable',
            scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
            permissions: { actions: '${var.actions}' },
          },
          ...Object.fromEntries(
            ['everything', 'keys', 'blobs', 'variable'].map((role) => [
              `azurerm_role_assignment.${role}`,
              {
                scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
                role_definition_id: `\${azurerm_role_definition.${role}.role_definition_resource_id}`,
                principal_id: 'p',
              },
            ]),
          ),
        },
        { variable: { actions: { type: 'list(string)' } } },
      ),
      errors: [
        ['IAM-003', 'azurerm_role_assignment.everything'],
        ['IAM-003', 'azurerm_role_assignment.keys'],
        ['IAM-003', 'azurerm_role_assignment.blobs'],
        ['IAM-003', 'azurerm_role_assignment.variable'],
      ],
    },
    {
      name: 'Owner on the subscription, named by a role definition data source (known only after apply)',
      messages: [
        'the assignment grants a privileged role (Owner, Contributor or User Access Administrator) at subscription or management-group scope.',
        'the assignment grants a role that cannot be verified before apply at subscription or management-group scope.',
      ],
      synth: tf({
        'data.azurerm_role_definition.owner': { name: 'Owner' },
        'data.azurerm_role_definition.unnamed': {
          scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
        },
        'azurerm_role_assignment.owner': {
          scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
          role_definition_id: '${data.azurerm_role_definition.owner.id}',
          principal_id: 'p',
        },
        'azurerm_role_assignment.unnamed': {
          scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
          role_definition_id: '${data.azurerm_role_definition.unnamed.id}',
          principal_id: 'p',
        },
      }),
      errors: [
        ['IAM-003', 'azurerm_role_assignment.owner'],
        ['IAM-003', 'azurerm_role_assignment.unnamed'],
      ],
    },
    {
      name: 'Owner on a literal subscription, UAA by GUID on a management group, Contributor through the subscription data source and on a management group in the configuration',
      messages: [
        'the assignment grants a privileged role (Owner, Contributor or User Access Administrator) at subscription or management-group scope.',
        'the assignment grants a privileged role (Owner, Contributor or User Access Administrator) at subscription or management-group scope.',
        'the assignment grants a privileged role (Owner, Contributor or User Access Administrator) at subscription or management-group scope.',
        'the assignment grants a privileged role (Owner, Contributor or User Access Administrator) at subscription or management-group scope.',
      ],
      synth: tf({
        'azurerm_role_assignment.owner': {
          scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
          role_definition_name: 'Owner',
          principal_id: 'p',
        },
        'azurerm_role_assignment.uaa': {
          scope: '/providers/Microsoft.Management/managementGroups/hospital',
          role_definition_id:
            '/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
          principal_id: 'p',
        },
        'data.azurerm_subscription.current': {},
        'azurerm_role_assignment.contrib': {
          scope: '${data.azurerm_subscription.current.id}',
          role_definition_name: 'Contributor',
          principal_id: 'p',
        },
        'azurerm_management_group.clinical': { display_name: 'Clinical' },
        'azurerm_role_assignment.on_mg': {
          scope: '${azurerm_management_group.clinical.id}',
          role_definition_name: 'Contributor',
          principal_id: 'p',
        },
      }),
      plan: plan([
        {
          at: 'data.azurerm_subscription.current',
          values: { id: '/subscriptions/00000000-0000-0000-0000-000000000000' },
          actions: ['read'],
        },
        {
          at: 'module.iam.azurerm_role_assignment.r',
          index: 0,
          values: {
            scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
            role_definition_name: 'contributor',
          },
        },
      ]),
      errors: [
        ['IAM-003', 'azurerm_role_assignment.contrib'],
        ['IAM-003', 'azurerm_role_assignment.on_mg'],
        ['IAM-003', 'azurerm_role_assignment.owner'],
        ['IAM-003', 'azurerm_role_assignment.uaa'],
      ],
      planErrors: [['IAM-003', 'module.iam.azurerm_role_assignment.r[0]']],
    },
    {
      name: 'a privileged role at a scope unknown before apply',
      messages: [
        'the assignment grants a privileged role (Owner, Contributor or User Access Administrator) at a scope that cannot be verified before apply.',
      ],
      synth: tf(
        { 'azurerm_role_assignment.r': { scope: '${var.scope}', role_definition_name: 'Owner' } },
        { variable: { scope: { type: 'string' } } },
      ),
      errors: [['IAM-003', 'azurerm_role_assignment.r']],
      message: /cannot be verified/,
    },
    {
      name: 'a role definition id or name unknown before apply on the subscription',
      messages: [
        'the assignment grants a role that cannot be verified before apply at subscription or management-group scope.',
        'the assignment grants a role that cannot be verified before apply at subscription or management-group scope.',
      ],
      synth: tf(
        {
          'azurerm_role_assignment.r': {
            scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
            role_definition_id: '${var.role_id}',
            principal_id: 'p',
          },
          'azurerm_role_assignment.by_name': {
            scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
            role_definition_name: '${var.role_name}',
            principal_id: 'p',
          },
        },
        { variable: { role_id: { type: 'string' }, role_name: { type: 'string' } } },
      ),
      errors: [
        ['IAM-003', 'azurerm_role_assignment.by_name'],
        ['IAM-003', 'azurerm_role_assignment.r'],
      ],
    },
    {
      name: 'a role whose validation admits Owner; scopes whose validation admits a subscription or a management group',
      messages: [
        'the assignment grants a privileged role (Owner, Contributor or User Access Administrator) at subscription or management-group scope.',
        'the assignment grants a privileged role (Owner, Contributor or User Access Administrator) at subscription or management-group scope.',
        'the assignment grants a privileged role (Owner, Contributor or User Access Administrator) at subscription or management-group scope.',
      ],
      synth: tf(
        {
          'azurerm_role_assignment.role': {
            scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
            role_definition_name: '${var.role}',
            principal_id: 'p',
          },
          'azurerm_role_assignment.sub': {
            scope: '${var.sub_scope}',
            role_definition_name: 'Contributor',
            principal_id: 'p',
          },
          'azurerm_role_assignment.mg': {
            scope: '${var.mg_scope}',
            role_definition_name: 'Contributor',
            principal_id: 'p',
          },
        },
        {
          variable: {
            role: {
              type: 'string',
              validation: [{ condition: '${contains(["Reader", "Owner"], var.role)}', error_message: 'x' }],
            },
            sub_scope: {
              type: 'string',
              validation: [
                {
                  condition:
                    '${contains(["/subscriptions/s/resourceGroups/rg-app", "/subscriptions/s"], var.sub_scope)}',
                  error_message: 'x',
                },
              ],
            },
            mg_scope: {
              type: 'string',
              validation: [
                {
                  condition:
                    '${contains(["/subscriptions/s/resourceGroups/rg-app", "/providers/Microsoft.Management/managementGroups/hospital"], var.mg_scope)}',
                  error_message: 'x',
                },
              ],
            },
          },
        },
      ),
      errors: [
        ['IAM-003', 'azurerm_role_assignment.mg'],
        ['IAM-003', 'azurerm_role_assignment.role'],
        ['IAM-003', 'azurerm_role_assignment.sub'],
      ],
    },
  ],
});

ruleTester(IAM_004, {
  valid: [
    {
      name: 'SSH keys only (default), password from a generated value',
      synth: tf({
        'azurerm_linux_virtual_machine.vm': {
          admin_ssh_key: { username: 'ops', public_key: 'ssh-ed25519 AAAA' },
        },
        'azurerm_windows_virtual_machine.win': { admin_password: '${random_password.admin.result}' },
      }),
      plan: plan([
        { at: 'azurerm_linux_virtual_machine.vm', values: { disable_password_authentication: true } },
        { at: 'azurerm_windows_virtual_machine.win', values: { admin_password: 'generated-value-in-plan' } },
      ]),
    },
  ],
  invalid: [
    {
      name: 'password authentication on; a literal admin password',
      messages: [
        'disable_password_authentication cannot be verified before apply (var.pw_auth has no default and no validation that limits it); password sign-in is allowed.',
        'admin_password is written as a literal in the configuration.',
        'disable_password_authentication is false; password sign-in is allowed.',
      ],
      synth: tf(
        {
          'azurerm_linux_virtual_machine.vm': {
            disable_password_authentication: false,
            admin_password: 'Sommer2026!',
          },
          'azurerm_linux_virtual_machine_scale_set.ss': { disable_password_authentication: '${var.pw_auth}' },
        },
        { variable: { pw_auth: { type: 'bool' } } },
      ),
      plan: plan([
        {
          at: 'azurerm_linux_virtual_machine_scale_set.ss',
          index: 0,
          values: { disable_password_authentication: false },
        },
      ]),
      errors: [
        ['IAM-004', 'azurerm_linux_virtual_machine.vm'],
        ['IAM-004', 'azurerm_linux_virtual_machine.vm'],
        ['IAM-004', 'azurerm_linux_virtual_machine_scale_set.ss'],
      ],
      planErrors: [['IAM-004', 'azurerm_linux_virtual_machine_scale_set.ss[0]']],
    },
    {
      name: 'literal admin passwords on Windows machines and scale sets',
      messages: [
        'admin_password is written as a literal in the configuration.',
        'admin_password is written as a literal in the configuration.',
      ],
      synth: tf({
        'azurerm_windows_virtual_machine.win': { admin_username: 'ops', admin_password: 'Vinter2026!' },
        'azurerm_windows_virtual_machine_scale_set.ss': {
          admin_username: 'ops',
          admin_password: 'Host2026!',
        },
      }),
      errors: [
        ['IAM-004', 'azurerm_windows_virtual_machine.win'],
        ['IAM-004', 'azurerm_windows_virtual_machine_scale_set.ss'],
      ],
    },
  ],
});
