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
        'azurerm_kubernetes_cluster.k': { local_account_disabled: true },
        'azurerm_mssql_server.s': {
          azuread_administrator: { login_username: 'dba', object_id: 'x', azuread_authentication_only: true },
        },
        'azurerm_postgresql_flexible_server.pg': {
          authentication: [{ active_directory_auth_enabled: true, password_auth_enabled: false }],
        },
        'azurerm_servicebus_namespace.sb': { local_auth_enabled: false },
        'azurerm_container_registry.acr': {},
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
        'azurerm_container_registry.acr: admin_enabled is true.',
        'azurerm_eventhub_namespace.eh: local_authentication_enabled is not set, and the provider default is true.',
        'azurerm_key_vault.kv: enable_rbac_authorization is false.',
        'azurerm_mssql_server.s: azuread_administrator.azuread_authentication_only is not set, and the provider default is false.',
        'azurerm_storage_account.sa: shared_access_key_enabled is not set, and the provider default is true.',
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
        'azurerm_lighthouse_assignment.b assigns a Lighthouse delegation whose managing tenant cannot be verified: /subscriptions/x/providers/Microsoft.ManagedServices/registrationDefinitions/y is outside the checked configuration.',
        'azurerm_lighthouse_definition.d delegates management to tenant 11111111-2222-3333-4444-555555555555, which is not on the allow-list (none).',
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
        'azurerm_lighthouse_definition.d delegates management to a tenant that cannot be verified before apply, which is not on the allow-list (11111111-2222-3333-4444-555555555555).',
      ],
      synth: tf(
        { 'azurerm_lighthouse_definition.d': { managing_tenant_id: '${var.tenant}' } },
        { variable: { tenant: { type: 'string' } } },
      ),
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
  ],
  invalid: [
    {
      name: 'Owner on a literal subscription, UAA by GUID on a management group, Contributor through the subscription data source',
      messages: [
        'azurerm_role_assignment.contrib assigns a privileged role (Owner, Contributor or User Access Administrator) at subscription or management-group scope.',
        'azurerm_role_assignment.owner assigns a privileged role (Owner, Contributor or User Access Administrator) at subscription or management-group scope.',
        'azurerm_role_assignment.uaa assigns a privileged role (Owner, Contributor or User Access Administrator) at subscription or management-group scope.',
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
        ['IAM-003', 'azurerm_role_assignment.owner'],
        ['IAM-003', 'azurerm_role_assignment.uaa'],
      ],
      planErrors: [['IAM-003', 'module.iam.azurerm_role_assignment.r[0]']],
    },
    {
      name: 'a privileged role at a scope unknown before apply',
      messages: [
        'azurerm_role_assignment.r assigns a privileged role (Owner, Contributor or User Access Administrator) at a scope that cannot be verified before apply.',
      ],
      synth: tf(
        { 'azurerm_role_assignment.r': { scope: '${var.scope}', role_definition_name: 'Owner' } },
        { variable: { scope: { type: 'string' } } },
      ),
      errors: [['IAM-003', 'azurerm_role_assignment.r']],
      message: /cannot be verified/,
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
        'azurerm_linux_virtual_machine_scale_set.ss: disable_password_authentication cannot be verified before apply (var.pw_auth has no default and no validation that limits it); password sign-in is allowed.',
        'azurerm_linux_virtual_machine.vm: admin_password is written as a literal in the configuration.',
        'azurerm_linux_virtual_machine.vm: disable_password_authentication is false; password sign-in is allowed.',
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
  ],
});
