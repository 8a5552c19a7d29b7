/** The valid and invalid cases of IAM-003 (`policies/rules/identity/iam-003-privileged-roles.ts`). */
import { IAM_003 } from '../../../policies/rules/identity/iam-003-privileged-roles';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const SUB = '/subscriptions/00000000-0000-4000-8000-000000000001';
const MG = '/providers/Microsoft.Management/managementGroups/hospital/';
const broad = (body: Record<string, unknown>) => ({ scope: SUB, principal_id: 'p', ...body });
const custom = (permissions: unknown) => ({
  name: 'custom',
  scope: SUB,
  permissions,
});
const PRIVILEGED = 'a privileged role (Owner, Contributor or User Access Administrator)';

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
      hcl: `
resource "azurerm_role_assignment" "reader" {
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"
  principal_id = "p"
}

resource "azurerm_role_assignment" "custom" {
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_id = azurerm_role_definition.r.role_definition_resource_id
  principal_id = "p"
}

resource "azurerm_role_definition" "r" {
  name = "blob-reader"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  permissions {
    actions = ["Microsoft.Authorization/*", "Microsoft.Storage/storageAccounts/blobServices/containers/read"]
    not_actions = ["Microsoft.Authorization/*/write"]
    data_actions = ["Microsoft.Storage/storageAccounts/queueServices/queues/messages/read"]
  }
}
`,
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
    {
      name: 'Reader at a broad scope; Owner on a referenced resource group; custom roles whose not-actions take the danger away',
      synth: tf({
        'azurerm_role_assignment.reader': broad({ role_definition_name: 'Reader' }),
        'azurerm_role_assignment.unnamed': broad({}),
        'azurerm_resource_group.rg': { name: 'rg', location: 'norwayeast' },
        'azurerm_role_assignment.rg': {
          scope: '${azurerm_resource_group.rg.id}',
          role_definition_name: 'Owner',
          principal_id: 'p',
        },
        'azurerm_role_definition.taken': custom({
          actions: ['Microsoft.Authorization/*', 'Microsoft.Storage/storageAccounts/read'],
          not_actions: ['microsoft.authorization/*/write'],
        }),
        'azurerm_role_assignment.taken': broad({
          role_definition_id: '${azurerm_role_definition.taken.role_definition_resource_id}',
        }),
        'azurerm_role_definition.narrow': custom({
          data_actions: ['Microsoft.Storage/storageAccounts/queueServices/*'],
        }),
        'azurerm_role_assignment.narrow': broad({
          role_definition_id: '${azurerm_role_definition.narrow.role_definition_resource_id}',
        }),
      }),
    },
    {
      name: 'role names spelt like inherited properties (constructor, __proto__) on the subscription are no privileged role',
      synth: tf({
        'azurerm_role_assignment.constructor': broad({ role_definition_name: 'Constructor' }),
        'azurerm_role_assignment.proto': broad({ role_definition_name: '__proto__' }),
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
        'the assignment grants custom role azurerm_role_definition.variable, whose permissions cannot be verified before apply (permissions[0].actions: var.actions has no default and no validation that limits it), at subscription or management-group scope.',
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
      hcl: `
resource "azurerm_role_definition" "keys" {
  name = "contributor-copy"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  permissions {
    actions = ["*"]
    not_actions = ["Microsoft.Authorization/*/Write"]
  }
}

resource "azurerm_role_definition" "everything" {
  name = "everything"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  permissions {
    actions = ["microsoft.authorization/ROLEASSIGNMENTS/*"]
  }
}

resource "azurerm_role_definition" "blobs" {
  name = "all-blobs"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  permissions {
    actions = ["Microsoft.Storage/storageAccounts/read"]
  }
  permissions {
    data_actions = ["Microsoft.Storage/*"]
    not_data_actions = ["Microsoft.Storage/*/delete"]
  }
}

resource "azurerm_role_definition" "variable" {
  name = "from-variable"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  permissions {
    actions = var.actions
  }
}

resource "azurerm_role_assignment" "everything" {
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_id = azurerm_role_definition.everything.role_definition_resource_id
  principal_id = "p"
}

resource "azurerm_role_assignment" "keys" {
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_id = azurerm_role_definition.keys.role_definition_resource_id
  principal_id = "p"
}

resource "azurerm_role_assignment" "blobs" {
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_id = azurerm_role_definition.blobs.role_definition_resource_id
  principal_id = "p"
}

resource "azurerm_role_assignment" "variable" {
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_id = azurerm_role_definition.variable.role_definition_resource_id
  principal_id = "p"
}

variable "actions" {
  type = list(string)
}
`,
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
    {
      name: 'built-in roles by name in any case and by id in any case, at a subscription and a management group',
      synth: tf({
        'azurerm_role_assignment.name': broad({ role_definition_name: ' OWNER ' }),
        'azurerm_role_assignment.id': {
          scope: MG,
          principal_id: 'p',
          role_definition_id: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/18D7D88D-D35E-4FB5-A5C3-7773C20A72D9`,
        },
      }),
      errors: [
        ['IAM-003', 'azurerm_role_assignment.id'],
        ['IAM-003', 'azurerm_role_assignment.name'],
      ],
      messages: [
        `the assignment grants ${PRIVILEGED} at subscription or management-group scope.`,
        `the assignment grants ${PRIVILEGED} at subscription or management-group scope.`,
      ],
    },
    {
      name: 'roles and scopes that cannot be verified: a role from a variable, a reference to no role definition, a scope from a variable',
      synth: tf({
        'azurerm_role_assignment.var_role': broad({ role_definition_name: '${var.role}' }),
        'azurerm_resource_group.rg': { name: 'rg', location: 'norwayeast' },
        'azurerm_role_assignment.not_a_role': broad({
          role_definition_id: '${azurerm_resource_group.rg.id}',
        }),
        'azurerm_role_assignment.var_scope': {
          scope: '${var.scope}',
          role_definition_name: 'Contributor',
          principal_id: 'p',
        },
      }),
      errors: [
        ['IAM-003', 'azurerm_role_assignment.not_a_role'],
        ['IAM-003', 'azurerm_role_assignment.var_role'],
        ['IAM-003', 'azurerm_role_assignment.var_scope'],
      ],
      messages: [
        'the assignment grants a role that cannot be verified before apply at subscription or management-group scope.',
        'the assignment grants a role that cannot be verified before apply at subscription or management-group scope.',
        `the assignment grants ${PRIVILEGED} at a scope that cannot be verified before apply.`,
      ],
    },
    {
      name: 'custom roles: a wildcard action, a data action, permissions from a dynamic block, an action that is a reference',
      synth: tf({
        'azurerm_role_definition.star': custom({ actions: ['*'] }),
        'azurerm_role_assignment.star': broad({
          role_definition_id: '${azurerm_role_definition.star.role_definition_resource_id}',
        }),
        'azurerm_role_definition.data': custom({ data_actions: ['Microsoft.KeyVault/vaults/secrets/*'] }),
        'azurerm_role_assignment.data': broad({
          role_definition_id: '${azurerm_role_definition.data.role_definition_resource_id}',
        }),
        'azurerm_role_definition.dynamic': {
          name: 'dynamic',
          scope: SUB,
          dynamic: { permissions: { for_each: '${var.permissions}', content: { actions: ['*'] } } },
        },
        'azurerm_role_assignment.dynamic': broad({
          role_definition_id: '${azurerm_role_definition.dynamic.role_definition_resource_id}',
        }),
        'azurerm_role_definition.ref': custom({ actions: ['${var.action}'] }),
        'azurerm_role_assignment.ref': broad({
          role_definition_id: '${azurerm_role_definition.ref.role_definition_resource_id}',
        }),
      }),
      errors: [
        ['IAM-003', 'azurerm_role_assignment.data'],
        ['IAM-003', 'azurerm_role_assignment.dynamic'],
        ['IAM-003', 'azurerm_role_assignment.ref'],
        ['IAM-003', 'azurerm_role_assignment.star'],
      ],
      messages: [
        'the assignment grants custom role azurerm_role_definition.data, which allows Microsoft.KeyVault/vaults/secrets/getSecret/action, at subscription or management-group scope.',
        'the assignment grants custom role azurerm_role_definition.dynamic, whose permissions cannot be verified before apply (permissions is built by a dynamic block), at subscription or management-group scope.',
        'the assignment grants custom role azurerm_role_definition.ref, whose permissions cannot be verified before apply (permissions[0].actions[0] is not a known string), at subscription or management-group scope.',
        'the assignment grants custom role azurerm_role_definition.star, which allows Microsoft.Authorization/roleAssignments/write, at subscription or management-group scope.',
      ],
    },
  ],
});
