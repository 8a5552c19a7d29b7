/** The valid and invalid cases of ACC-001 (`policies/rules/access/acc-001-privileged-through-pim.ts`). */
import { ACC_001 } from '../../../policies/rules/access/acc-001-privileged-through-pim';
import { eligible, FOREIGN, group, guest, OWNER_ID, RG, SUB } from '../../helpers/rules/access';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const ADMINS = '${azuread_group.admins.object_id}';
const GA = '62e90394-69f5-4237-9190-012177145e10';

/** The eligible Owner group with its schedule (or justification) replaced. */
const eligibleWith = (body: Record<string, unknown>) => ({
  ...group,
  'azurerm_pim_eligible_role_assignment.admins_owner': {
    ...eligible['azurerm_pim_eligible_role_assignment.admins_owner'],
    ...body,
  },
});
const ELIGIBLE: [string, string][] = [['ACC-001', 'azurerm_pim_eligible_role_assignment.admins_owner']];

ruleTester(ACC_001, {
  valid: [
    {
      name: 'eligible (PIM) Owner for a group; a managed identity with Contributor on its own resource group; Reader for a user',
      synth: tf({
        ...group,
        ...eligible,
        'azurerm_user_assigned_identity.app': {
          name: 'id-app',
          location: 'norwayeast',
          resource_group_name: 'rg-app',
        },
        'azurerm_role_assignment.app': {
          scope: RG,
          role_definition_name: 'Contributor',
          principal_id: '${azurerm_user_assigned_identity.app.principal_id}',
        },
        'azurerm_role_assignment.reader': {
          scope: RG,
          role_definition_name: 'Reader',
          principal_id: '0f6e2d4c-8a1b-4e3f-9c5d-7b2a1e0f4d61',
        },
        'azuread_directory_role_assignment.readers': {
          role_id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
          principal_object_id: '${azuread_group.admins.object_id}',
        },
      }),
      plan: plan([
        {
          at: 'azurerm_role_assignment.app',
          values: { scope: RG, role_definition_name: 'Contributor' },
          unknown: { principal_id: true },
          references: {
            principal_id: [
              'azurerm_user_assigned_identity.app.principal_id',
              'azurerm_user_assigned_identity.app',
            ],
          },
        },
        { at: 'azurerm_user_assigned_identity.app', values: { name: 'id-app', location: 'norwayeast' } },
      ]),
      hcl: `
resource "azuread_group" "admins" {
  display_name = "platform-admins"
  security_enabled = true
}

resource "azurerm_pim_eligible_role_assignment" "admins_owner" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa"
  role_definition_id = "/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
  principal_id = azuread_group.admins.object_id
  justification = "Platform team operates the hubs"
  schedule {
    expiration {
      duration_days = 180
    }
  }
}

resource "azurerm_user_assigned_identity" "app" {
  name = "id-app"
  location = "norwayeast"
  resource_group_name = "rg-app"
}

resource "azurerm_role_assignment" "app" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app"
  role_definition_name = "Contributor"
  principal_id = azurerm_user_assigned_identity.app.principal_id
}

resource "azurerm_role_assignment" "reader" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app"
  role_definition_name = "Reader"
  principal_id = "0f6e2d4c-8a1b-4e3f-9c5d-7b2a1e0f4d61"
}

resource "azuread_directory_role_assignment" "readers" {
  role_id = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b"
  principal_object_id = azuread_group.admins.object_id
}
`,
    },
    {
      name: 'an eligibility of a year, of 24 hours, or until a date; an unprivileged directory role; a data role',
      synth: tf({
        ...eligibleWith({ schedule: { expiration: { duration_days: 365 } } }),
        'azurerm_pim_eligible_role_assignment.hours': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: ADMINS,
          justification: 'on call',
          schedule: { expiration: { duration_hours: 24 } },
        },
        'azurerm_pim_eligible_role_assignment.until': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: ADMINS,
          justification: 'project',
          schedule: { expiration: { end_date_time: '2027-06-30T00:00:00Z' } },
        },
        'azuread_directory_role_assignment.readers': {
          role_id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
          principal_object_id: ADMINS,
        },
        'azurerm_role_assignment.blob': {
          scope: RG,
          role_definition_name: 'Storage Blob Data Reader',
          principal_id: ADMINS,
        },
      }),
    },
    {
      name: 'a directory role id and a role name spelt like inherited properties (constructor, __proto__) are no privileged role',
      synth: tf({
        ...group,
        'azuread_directory_role_assignment.constructor': {
          role_id: 'constructor',
          principal_object_id: ADMINS,
        },
        'azuread_directory_role_assignment.proto': { role_id: '__proto__', principal_object_id: ADMINS },
        'azurerm_role_assignment.constructor': {
          scope: SUB,
          role_definition_name: 'Constructor',
          principal_id: ADMINS,
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'a guest made Owner at resource-group scope',
      synth: tf({
        ...guest,
        'azurerm_role_assignment.guest_owner': {
          scope: RG,
          role_definition_name: 'Owner',
          principal_id: '${azuread_invitation.supplier.user_id}',
        },
      }),
      errors: [['ACC-001', 'azurerm_role_assignment.guest_owner']],
      messages: ['the assignment gives Owner standing to azuread_invitation.supplier (an invited guest).'],
    },
    {
      name: 'PIM active Owner on a subscription, Owner at the tenant root /, Key Vault Administrator by id for a group',
      synth: tf({
        ...group,
        'azurerm_pim_active_role_assignment.owner': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: '${azuread_group.admins.object_id}',
        },
        'azurerm_role_assignment.root': { scope: '/', role_definition_name: 'owner', principal_id: FOREIGN },
        'azurerm_role_assignment.kv': {
          scope: RG,
          role_definition_id:
            '/providers/Microsoft.Authorization/roleDefinitions/00482a5a-887f-4fb3-b363-3b7fe8e74483',
          principal_id: '${azuread_group.admins.object_id}',
        },
      }),
      plan: plan([
        {
          at: 'azurerm_pim_active_role_assignment.owner',
          values: { scope: SUB, role_definition_id: OWNER_ID, principal_id: FOREIGN },
        },
        {
          at: 'azurerm_role_assignment.root',
          values: { scope: '/', role_definition_name: 'Owner', principal_id: FOREIGN },
        },
      ]),
      errors: [
        ['ACC-001', 'azurerm_pim_active_role_assignment.owner'],
        ['ACC-001', 'azurerm_role_assignment.kv'],
        ['ACC-001', 'azurerm_role_assignment.root'],
      ],
      planErrors: [
        ['ACC-001', 'azurerm_pim_active_role_assignment.owner'],
        ['ACC-001', 'azurerm_role_assignment.root'],
      ],
      messages: [
        'a standing (active) assignment of owner to azuread_group.admins.',
        `the assignment gives owner standing to ${FOREIGN} (not a principal of the estate or the configured home-tenant principals).`,
        'the assignment gives key vault administrator standing to azuread_group.admins.',
      ],
    },
    {
      name: 'a managed identity as Owner at the tenant root; eligibilities without end, too long, or without justification; a directory role member',
      synth: tf({
        ...group,
        'azurerm_user_assigned_identity.app': { name: 'id-app', location: 'norwayeast' },
        'azurerm_role_assignment.mi_root': {
          scope: '/',
          role_definition_name: 'Owner',
          principal_id: '${azurerm_user_assigned_identity.app.principal_id}',
        },
        'azurerm_pim_eligible_role_assignment.forever': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: '${azuread_group.admins.object_id}',
          justification: 'Platform team operates the hubs',
        },
        'azurerm_pim_eligible_role_assignment.long': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: '${azuread_group.admins.object_id}',
          justification: 'Platform team operates the hubs',
          schedule: { expiration: { duration_days: 400 } },
        },
        'azurerm_pim_eligible_role_assignment.why': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: '${azuread_group.admins.object_id}',
          schedule: { expiration: { duration_days: 30 } },
        },
        'azuread_directory_role_member.m': {
          role_object_id: '${azuread_directory_role.ga.object_id}',
          member_object_id: '${azuread_group.admins.object_id}',
        },
      }),
      hcl: `
resource "azuread_group" "admins" {
  display_name = "platform-admins"
  security_enabled = true
}

resource "azurerm_user_assigned_identity" "app" {
  name = "id-app"
  location = "norwayeast"
}

resource "azurerm_role_assignment" "mi_root" {
  scope = "/"
  role_definition_name = "Owner"
  principal_id = azurerm_user_assigned_identity.app.principal_id
}

resource "azurerm_pim_eligible_role_assignment" "forever" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa"
  role_definition_id = "/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
  principal_id = azuread_group.admins.object_id
  justification = "Platform team operates the hubs"
}

resource "azurerm_pim_eligible_role_assignment" "long" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa"
  role_definition_id = "/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
  principal_id = azuread_group.admins.object_id
  justification = "Platform team operates the hubs"
  schedule {
    expiration {
      duration_days = 400
    }
  }
}

resource "azurerm_pim_eligible_role_assignment" "why" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa"
  role_definition_id = "/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
  principal_id = azuread_group.admins.object_id
  schedule {
    expiration {
      duration_days = 30
    }
  }
}

resource "azuread_directory_role_member" "m" {
  role_object_id = azuread_directory_role.ga.object_id
  member_object_id = azuread_group.admins.object_id
}
`,
      errors: [
        ['ACC-001', 'azuread_directory_role_member.m'],
        ['ACC-001', 'azurerm_pim_eligible_role_assignment.forever'],
        ['ACC-001', 'azurerm_pim_eligible_role_assignment.long'],
        ['ACC-001', 'azurerm_pim_eligible_role_assignment.why'],
        ['ACC-001', 'azurerm_role_assignment.mi_root'],
      ],
      messages: [
        'the assignment gives Owner standing to azurerm_user_assigned_identity.app (a managed identity).',
        'has no schedule.expiration: a permanent eligibility; give it duration_days (at most 365).',
        'schedule.expiration.duration_days is 400; an eligibility lasts 1-365 days.',
        'has no justification.',
        'the membership makes azuread_group.admins a standing member of a directory role.',
      ],
    },
    {
      name: 'a role that cannot be read, and Global Administrator as a standing directory role',
      synth: tf(
        {
          ...group,
          'azurerm_role_assignment.unknown': {
            scope: RG,
            role_definition_id: '${var.role}',
            principal_id: '${azuread_group.admins.object_id}',
          },
          'azuread_directory_role_assignment.ga': {
            role_id: '62e90394-69f5-4237-9190-012177145e10',
            principal_object_id: '${azuread_group.admins.object_id}',
          },
        },
        { variable: { role: { type: 'string' } } },
      ),
      errors: [
        ['ACC-001', 'azuread_directory_role_assignment.ga'],
        ['ACC-001', 'azurerm_role_assignment.unknown'],
      ],
    },
    {
      name: 'an eligibility of no days, of more than a year, or of more than a year in hours',
      synth: tf({
        ...eligibleWith({ schedule: { expiration: { duration_days: 0 } } }),
        'azurerm_pim_eligible_role_assignment.long': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: ADMINS,
          justification: 'x',
          schedule: { expiration: { duration_days: 366 } },
        },
        'azurerm_pim_eligible_role_assignment.hours': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: ADMINS,
          justification: 'x',
          schedule: { expiration: { duration_hours: 8761 } },
        },
        'azurerm_pim_eligible_role_assignment.no_hours': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: ADMINS,
          justification: 'x',
          schedule: { expiration: { duration_hours: 0 } },
        },
      }),
      errors: [
        ...ELIGIBLE,
        ['ACC-001', 'azurerm_pim_eligible_role_assignment.hours'],
        ['ACC-001', 'azurerm_pim_eligible_role_assignment.long'],
        ['ACC-001', 'azurerm_pim_eligible_role_assignment.no_hours'],
      ],
      messages: [
        'schedule.expiration.duration_days is 0; an eligibility lasts 1-365 days.',
        'schedule.expiration.duration_days is 366; an eligibility lasts 1-365 days.',
        'schedule.expiration.duration_hours is 8761; an eligibility lasts at most 365 days.',
        'schedule.expiration.duration_hours is 0; an eligibility lasts at most 365 days.',
      ],
    },
    {
      name: 'an expiration computed from a variable cannot be verified',
      synth: tf(eligibleWith({ schedule: { expiration: { duration_days: '${var.days}' } } })),
      errors: ELIGIBLE,
      messages: ['its expiration cannot be verified before apply.'],
    },
    {
      name: 'standing directory roles: Global Administrator, and a role id unknown before apply',
      synth: tf({
        ...group,
        'azuread_directory_role_assignment.ga': { role_id: GA.toUpperCase(), principal_object_id: ADMINS },
        'azuread_directory_role_assignment.unknown': { role_id: '${var.role}', principal_object_id: ADMINS },
      }),
      errors: [
        ['ACC-001', 'azuread_directory_role_assignment.ga'],
        ['ACC-001', 'azuread_directory_role_assignment.unknown'],
      ],
      messages: [
        'the assignment gives the directory role Global Administrator standing to azuread_group.admins.',
        'the assignment gives a directory role that cannot be verified before apply standing to azuread_group.admins.',
      ],
    },
    {
      name: 'a standing role that cannot be read, an active PIM Owner, and a managed identity as Owner at " / "',
      synth: tf({
        ...group,
        'azurerm_role_assignment.computed': {
          scope: SUB,
          role_definition_id: '${var.role}',
          principal_id: ADMINS,
        },
        'azurerm_pim_active_role_assignment.owner': {
          scope: SUB,
          role_definition_name: 'Owner',
          principal_id: ADMINS,
        },
        'azurerm_user_assigned_identity.app': { name: 'id-app', location: 'norwayeast' },
        'azurerm_role_assignment.root': {
          scope: ' / ',
          role_definition_name: 'Owner',
          principal_id: '${azurerm_user_assigned_identity.app.principal_id}',
        },
      }),
      errors: [
        ['ACC-001', 'azurerm_pim_active_role_assignment.owner'],
        ['ACC-001', 'azurerm_role_assignment.computed'],
        ['ACC-001', 'azurerm_role_assignment.root'],
      ],
      messages: [
        'the assignment gives a role that may be privileged (the role cannot be verified before apply) standing to azuread_group.admins.',
        'a standing (active) assignment of Owner to azuread_group.admins.',
        'the assignment gives Owner standing to azurerm_user_assigned_identity.app (a managed identity).',
      ],
    },
  ],
});
