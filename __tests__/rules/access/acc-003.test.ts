/** The valid and invalid cases of ACC-003 (`policies/rules/access/acc-003-sign-in-from-norway.ts`). */
import { ACC_003 } from '../../../policies/rules/access/acc-003-sign-in-from-norway';
import { eligible, group, OWNER_ID, RG, SUB } from '../../helpers/rules/access';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const norway = {
  'azuread_named_location.norway': {
    display_name: 'Norway',
    country: { countries_and_regions: ['NO'], include_unknown_countries_and_regions: false },
  },
};

const blockAbroad = (users: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  'azuread_conditional_access_policy.block_abroad': {
    display_name: 'Block sign-ins outside Norway',
    state: 'enabled',
    conditions: {
      client_app_types: ['all'],
      applications: { included_applications: ['All'] },
      users,
      locations: { included_locations: ['All'], excluded_locations: ['${azuread_named_location.norway.id}'] },
    },
    grant_controls: { operator: 'OR', built_in_controls: ['block'] },
    ...extra,
  },
});

const ADMINS = ['${azuread_group.admins.object_id}'];
const GA = '62e90394-69f5-4237-9190-012177145e10';

/** The covered eligible Owner group, with the block policy's conditions and body changed. */
const coveredWith = (conditions: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const policy = blockAbroad({ included_groups: ADMINS })['azuread_conditional_access_policy.block_abroad'];
  return tf({
    ...group,
    ...norway,
    ...eligible,
    'azuread_conditional_access_policy.block_abroad': {
      ...policy,
      conditions: { ...(policy.conditions as Record<string, unknown>), ...conditions },
      ...extra,
    },
  });
};
const norwayEast = (locations: Record<string, unknown>) => ({
  locations: { included_locations: ['All'], ...locations },
});
const OWNER_GROUP: [string, string][] = [['ACC-003', 'azurerm_pim_eligible_role_assignment.admins_owner']];

/** The eligible Owner group under the block policy, with the Norway location's country block replaced. */
const norwayCountry = (country: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  tf(
    {
      ...group,
      ...eligible,
      'azuread_named_location.norway': { display_name: 'Norway', country },
      ...blockAbroad({ included_groups: ADMINS }),
    },
    extra,
  );
const NOT_COVERED =
  'azuread_group.admins holds a privileged role, and no enabled Conditional Access policy in the estate blocks its sign-ins outside Norway.';

ruleTester(ACC_003, {
  valid: [
    {
      name: 'an eligible Owner group covered by an enabled Norway-only block; a managed identity needs none',
      synth: tf({
        ...group,
        ...norway,
        ...eligible,
        ...blockAbroad({ included_groups: ['${azuread_group.admins.object_id}'] }),
        'azurerm_user_assigned_identity.app': { name: 'id-app', location: 'norwayeast' },
        'azurerm_role_assignment.app': {
          scope: RG,
          role_definition_name: 'Owner',
          principal_id: '${azurerm_user_assigned_identity.app.principal_id}',
        },
      }),
      hcl: `
resource "azuread_group" "admins" {
  display_name = "platform-admins"
  security_enabled = true
}

resource "azuread_named_location" "norway" {
  display_name = "Norway"
  country {
    countries_and_regions = ["NO"]
    include_unknown_countries_and_regions = false
  }
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

resource "azuread_conditional_access_policy" "block_abroad" {
  display_name = "Block sign-ins outside Norway"
  state = "enabled"
  conditions {
    client_app_types = ["all"]
    applications {
      included_applications = ["All"]
    }
    users {
      included_groups = [azuread_group.admins.object_id]
    }
    locations {
      included_locations = ["All"]
      excluded_locations = [azuread_named_location.norway.id]
    }
  }
  grant_controls {
    operator = "OR"
    built_in_controls = ["block"]
  }
}

resource "azurerm_user_assigned_identity" "app" {
  name = "id-app"
  location = "norwayeast"
}

resource "azurerm_role_assignment" "app" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-app"
  role_definition_name = "Owner"
  principal_id = azurerm_user_assigned_identity.app.principal_id
}
`,
    },
    {
      name: 'in a plan, groups and the location created in the same apply are unknown; the configuration names them',
      plan: plan([
        {
          at: 'azuread_group.admins',
          values: { display_name: 'platform-admins' },
          unknown: { object_id: true },
        },
        {
          at: 'azuread_named_location.norway',
          values: {
            display_name: 'Norway',
            country: [{ countries_and_regions: ['NO'], include_unknown_countries_and_regions: false }],
          },
          unknown: { id: true },
        },
        {
          at: 'azuread_conditional_access_policy.block_abroad',
          values: {
            state: 'enabled',
            conditions: [
              {
                client_app_types: ['all'],
                applications: [{ included_applications: ['All'] }],
                users: [{}],
                locations: [{ included_locations: ['All'] }],
              },
            ],
            grant_controls: [{ operator: 'OR', built_in_controls: ['block'] }],
          },
          unknown: {
            conditions: [{ users: [{ included_groups: true }], locations: [{ excluded_locations: true }] }],
          },
          references: {
            'conditions.users.included_groups': ['azuread_group.admins.object_id', 'azuread_group.admins'],
            'conditions.locations.excluded_locations': [
              'azuread_named_location.norway.id',
              'azuread_named_location.norway',
            ],
          },
        },
        {
          at: 'azurerm_pim_eligible_role_assignment.admins_owner',
          values: {
            scope: SUB,
            role_definition_id: OWNER_ID,
            justification: 'Platform team',
            schedule: [{ expiration: [{ duration_days: 180 }] }],
          },
          unknown: { principal_id: true },
          references: { principal_id: ['azuread_group.admins.object_id', 'azuread_group.admins'] },
        },
      ]),
    },
    {
      name: 'a configured group by object id, and a directory role covered by included_roles',
      synth: tf({
        ...norway,
        ...blockAbroad({
          included_groups: ['0f6e2d4c-8a1b-4e3f-9c5d-7b2a1e0f4d61'],
          included_roles: ['62e90394-69f5-4237-9190-012177145e10'],
        }),
        'azurerm_pim_eligible_role_assignment.x': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: '0F6E2D4C-8A1B-4E3F-9C5D-7B2A1E0F4D61',
        },
        'azuread_directory_role_eligibility_schedule_request.ga': {
          role_definition_id: '62e90394-69f5-4237-9190-012177145e10',
          principal_id: '${azuread_group.other.object_id}',
          directory_scope_id: '/',
          justification: 'tenant administration',
        },
        'azuread_group.other': { display_name: 'other' },
      }),
    },
    {
      name: 'all users except the break-glass account cover the eligible group',
      synth: tf({
        ...group,
        ...norway,
        ...eligible,
        ...blockAbroad({ included_users: ['All'], excluded_users: ['0f6e2d4c-8a1b-4e3f-9c5d-7b2a1e0f4d61'] }),
      }),
    },
    {
      name: 'a narrowing condition that is empty or null narrows nothing; an unset unknown-countries flag admits none',
      synth: tf({
        ...group,
        ...eligible,
        'azuread_named_location.norway': {
          display_name: 'Norway',
          country: { countries_and_regions: ['NO'] },
        },
        ...blockAbroad({ included_groups: ADMINS }, {}),
        'azuread_conditional_access_policy.block_abroad': {
          ...blockAbroad({ included_groups: ADMINS })['azuread_conditional_access_policy.block_abroad'],
          conditions: {
            client_app_types: ['all'],
            sign_in_risk_levels: [],
            user_risk_levels: null,
            applications: { included_applications: ['All'] },
            users: { included_groups: ADMINS },
            locations: {
              included_locations: ['All'],
              excluded_locations: ['${azuread_named_location.norway.id}'],
            },
          },
        },
      }),
    },
    {
      name: 'roles that are not privileged need no location block: Reader, a data role, a directory reader',
      synth: tf({
        ...group,
        'azurerm_role_assignment.reader': {
          scope: SUB,
          role_definition_name: 'Reader',
          principal_id: ADMINS[0],
        },
        'azurerm_role_assignment.blob': {
          scope: SUB,
          role_definition_name: 'Storage Blob Data Reader',
          principal_id: ADMINS[0],
        },
        'azuread_directory_role_assignment.readers': {
          role_id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
          principal_object_id: ADMINS[0],
        },
      }),
    },
    {
      name: 'a directory role activated in the configuration, assigned and included by reference to its template id',
      synth: tf({
        ...norway,
        'azuread_directory_role.ga': { template_id: GA },
        ...blockAbroad({ included_roles: ['${azuread_directory_role.ga.template_id}'] }),
        'azuread_directory_role_assignment.ga': {
          role_id: '${azuread_directory_role.ga.template_id}',
          principal_object_id: '${azuread_group.other.object_id}',
        },
        'azuread_group.other': { display_name: 'other' },
      }),
    },
    {
      name: 'in a plan, included groups that are unknown name a data-source group read at apply; a variable names none',
      plan: plan([
        {
          at: 'data.azuread_group.ops',
          actions: ['read'],
          values: { display_name: 'ops' },
          unknown: { object_id: true },
        },
        {
          at: 'azuread_named_location.norway',
          values: {
            display_name: 'Norway',
            country: [{ countries_and_regions: ['NO'], include_unknown_countries_and_regions: false }],
          },
        },
        {
          at: 'azuread_conditional_access_policy.block_abroad',
          values: {
            state: 'enabled',
            conditions: [
              {
                client_app_types: ['all'],
                applications: [{ included_applications: ['All'] }],
                users: [{}],
                locations: [{ included_locations: ['All'] }],
              },
            ],
            grant_controls: [{ operator: 'OR', built_in_controls: ['block'] }],
          },
          unknown: {
            conditions: [{ users: [{ included_groups: true }], locations: [{ excluded_locations: true }] }],
          },
          references: {
            'conditions.users.included_groups': [
              'var.extra_groups',
              'data.azuread_group.ops.object_id',
              'data.azuread_group.ops',
            ],
            'conditions.locations.excluded_locations': [
              'azuread_named_location.norway.id',
              'azuread_named_location.norway',
            ],
          },
        },
        {
          at: 'azurerm_pim_eligible_role_assignment.ops_owner',
          values: { scope: SUB, role_definition_id: OWNER_ID },
          unknown: { principal_id: true },
          references: { principal_id: ['data.azuread_group.ops.object_id', 'data.azuread_group.ops'] },
        },
      ]),
    },
    {
      name: 'a role assignment read as a data source grants nothing to cover',
      synth: tf({
        ...group,
        'data.azurerm_role_assignment.owner': {
          scope: SUB,
          role_definition_name: 'Owner',
          principal_id: ADMINS[0],
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'a policy narrowed to browsers, to risky sign-ins, or excluding an application covers nobody',
      synth: tf({
        ...group,
        ...norway,
        ...eligible,
        'azuread_conditional_access_policy.block_abroad': {
          ...blockAbroad({ included_groups: ['${azuread_group.admins.object_id}'] })[
            'azuread_conditional_access_policy.block_abroad'
          ],
          conditions: {
            client_app_types: ['browser'],
            applications: { included_applications: ['All'] },
            users: { included_groups: ['${azuread_group.admins.object_id}'] },
            locations: {
              included_locations: ['All'],
              excluded_locations: ['${azuread_named_location.norway.id}'],
            },
          },
        },
        'azuread_conditional_access_policy.risky': {
          ...blockAbroad({ included_groups: ['${azuread_group.admins.object_id}'] })[
            'azuread_conditional_access_policy.block_abroad'
          ],
          conditions: {
            client_app_types: ['all'],
            sign_in_risk_levels: ['high'],
            applications: { included_applications: ['All'] },
            users: { included_groups: ['${azuread_group.admins.object_id}'] },
            locations: {
              included_locations: ['All'],
              excluded_locations: ['${azuread_named_location.norway.id}'],
            },
          },
        },
        'azuread_conditional_access_policy.hole': {
          ...blockAbroad({ included_groups: ['${azuread_group.admins.object_id}'] })[
            'azuread_conditional_access_policy.block_abroad'
          ],
          conditions: {
            client_app_types: ['all'],
            applications: {
              included_applications: ['All'],
              excluded_applications: ['797f4846-ba00-4fd7-ba43-dac1f8f63013'],
            },
            users: { included_groups: ['${azuread_group.admins.object_id}'] },
            locations: {
              included_locations: ['All'],
              excluded_locations: ['${azuread_named_location.norway.id}'],
            },
          },
        },
      }),
      errors: [['ACC-003', 'azurerm_pim_eligible_role_assignment.admins_owner']],
    },
    {
      name: 'no policy; a report-only policy; a location that admits unknown countries; the group excluded',
      synth: tf({
        ...group,
        ...eligible,
        'azuread_group.b': { display_name: 'b' },
        'azuread_group.c': { display_name: 'c' },
        'azuread_group.d': { display_name: 'd' },
        'azurerm_pim_eligible_role_assignment.b': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: '${azuread_group.b.object_id}',
        },
        'azurerm_pim_eligible_role_assignment.c': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: '${azuread_group.c.object_id}',
        },
        'azurerm_pim_eligible_role_assignment.d': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: '${azuread_group.d.object_id}',
        },
        'azuread_named_location.loose': {
          display_name: 'Norway and unknown',
          country: { countries_and_regions: ['NO'], include_unknown_countries_and_regions: true },
        },
        ...norway,
        'azuread_conditional_access_policy.report_only': {
          state: 'enabledForReportingButNotEnforced',
          conditions: {
            applications: { included_applications: ['All'] },
            users: { included_groups: ['${azuread_group.b.object_id}'] },
            locations: {
              included_locations: ['All'],
              excluded_locations: ['${azuread_named_location.norway.id}'],
            },
          },
          grant_controls: { operator: 'OR', built_in_controls: ['block'] },
        },
        'azuread_conditional_access_policy.loose': {
          state: 'enabled',
          conditions: {
            applications: { included_applications: ['All'] },
            users: { included_groups: ['${azuread_group.c.object_id}'] },
            locations: {
              included_locations: ['All'],
              excluded_locations: ['${azuread_named_location.loose.id}'],
            },
          },
          grant_controls: { operator: 'OR', built_in_controls: ['block'] },
        },
        ...blockAbroad({
          included_groups: ['${azuread_group.d.object_id}'],
          excluded_groups: ['${azuread_group.d.object_id}'],
        }),
      }),
      hcl: `
resource "azuread_group" "admins" {
  display_name = "platform-admins"
  security_enabled = true
}

resource "azuread_group" "b" {
  display_name = "b"
}

resource "azuread_group" "c" {
  display_name = "c"
}

resource "azuread_group" "d" {
  display_name = "d"
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

resource "azurerm_pim_eligible_role_assignment" "b" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa"
  role_definition_id = "/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
  principal_id = azuread_group.b.object_id
}

resource "azurerm_pim_eligible_role_assignment" "c" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa"
  role_definition_id = "/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
  principal_id = azuread_group.c.object_id
}

resource "azurerm_pim_eligible_role_assignment" "d" {
  scope = "/subscriptions/00000000-0000-0000-0000-0000000000aa"
  role_definition_id = "/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
  principal_id = azuread_group.d.object_id
}

resource "azuread_named_location" "loose" {
  display_name = "Norway and unknown"
  country {
    countries_and_regions = ["NO"]
    include_unknown_countries_and_regions = true
  }
}

resource "azuread_named_location" "norway" {
  display_name = "Norway"
  country {
    countries_and_regions = ["NO"]
    include_unknown_countries_and_regions = false
  }
}

resource "azuread_conditional_access_policy" "report_only" {
  state = "enabledForReportingButNotEnforced"
  conditions {
    applications {
      included_applications = ["All"]
    }
    users {
      included_groups = [azuread_group.b.object_id]
    }
    locations {
      included_locations = ["All"]
      excluded_locations = [azuread_named_location.norway.id]
    }
  }
  grant_controls {
    operator = "OR"
    built_in_controls = ["block"]
  }
}

resource "azuread_conditional_access_policy" "loose" {
  state = "enabled"
  conditions {
    applications {
      included_applications = ["All"]
    }
    users {
      included_groups = [azuread_group.c.object_id]
    }
    locations {
      included_locations = ["All"]
      excluded_locations = [azuread_named_location.loose.id]
    }
  }
  grant_controls {
    operator = "OR"
    built_in_controls = ["block"]
  }
}

resource "azuread_conditional_access_policy" "block_abroad" {
  display_name = "Block sign-ins outside Norway"
  state = "enabled"
  conditions {
    client_app_types = ["all"]
    applications {
      included_applications = ["All"]
    }
    users {
      included_groups = [azuread_group.d.object_id]
      excluded_groups = [azuread_group.d.object_id]
    }
    locations {
      included_locations = ["All"]
      excluded_locations = [azuread_named_location.norway.id]
    }
  }
  grant_controls {
    operator = "OR"
    built_in_controls = ["block"]
  }
}
`,
      errors: [
        ['ACC-003', 'azurerm_pim_eligible_role_assignment.admins_owner'],
        ['ACC-003', 'azurerm_pim_eligible_role_assignment.b'],
        ['ACC-003', 'azurerm_pim_eligible_role_assignment.c'],
        ['ACC-003', 'azurerm_pim_eligible_role_assignment.d'],
      ],
      message:
        /holds a privileged role, and no enabled Conditional Access policy in the estate blocks its sign-ins outside Norway/,
    },
    {
      name: 'a principal the estate cannot match fails closed',
      synth: tf(
        {
          ...norway,
          ...blockAbroad({ included_groups: ['0f6e2d4c-8a1b-4e3f-9c5d-7b2a1e0f4d61'] }),
          'azurerm_pim_eligible_role_assignment.x': {
            scope: SUB,
            role_definition_id: OWNER_ID,
            principal_id: '${var.who}',
          },
        },
        { variable: { who: { type: 'string' } } },
      ),
      errors: [['ACC-003', 'azurerm_pim_eligible_role_assignment.x']],
      message: /cannot be resolved .*so no location block can be shown to cover it/,
    },
    {
      name: 'in a plan, a report-only policy on the eligible group covers nobody',
      plan: plan([
        {
          at: 'azuread_group.admins',
          values: { display_name: 'platform-admins' },
          unknown: { object_id: true },
        },
        {
          at: 'azuread_named_location.norway',
          values: {
            display_name: 'Norway',
            country: [{ countries_and_regions: ['NO'], include_unknown_countries_and_regions: false }],
          },
          unknown: { id: true },
        },
        {
          at: 'azuread_conditional_access_policy.block_abroad',
          values: {
            state: 'enabledForReportingButNotEnforced',
            conditions: [
              {
                client_app_types: ['all'],
                applications: [{ included_applications: ['All'] }],
                users: [{}],
                locations: [{ included_locations: ['All'] }],
              },
            ],
            grant_controls: [{ operator: 'OR', built_in_controls: ['block'] }],
          },
          unknown: {
            conditions: [{ users: [{ included_groups: true }], locations: [{ excluded_locations: true }] }],
          },
          references: {
            'conditions.users.included_groups': ['azuread_group.admins.object_id', 'azuread_group.admins'],
            'conditions.locations.excluded_locations': [
              'azuread_named_location.norway.id',
              'azuread_named_location.norway',
            ],
          },
        },
        {
          at: 'azurerm_pim_eligible_role_assignment.admins_owner',
          values: {
            scope: SUB,
            role_definition_id: OWNER_ID,
            justification: 'Platform team',
            schedule: [{ expiration: [{ duration_days: 180 }] }],
          },
          unknown: { principal_id: true },
          references: { principal_id: ['azuread_group.admins.object_id', 'azuread_group.admins'] },
        },
      ]),
      errors: [['ACC-003', 'azurerm_pim_eligible_role_assignment.admins_owner']],
    },
    {
      name: 'a policy that only asks for MFA blocks nothing',
      synth: coveredWith({}, { grant_controls: { operator: 'OR', built_in_controls: ['mfa'] } }),
      errors: OWNER_GROUP,
    },
    {
      name: 'a disabled policy covers nobody',
      synth: coveredWith({}, { state: 'disabled' }),
      errors: OWNER_GROUP,
    },
    {
      name: 'a policy for one application leaves the others open',
      synth: coveredWith({
        applications: { included_applications: ['797f4846-ba00-4fd7-ba43-dac1f8f63013'] },
      }),
      errors: OWNER_GROUP,
    },
    {
      name: 'a policy without client app types leaves legacy clients open',
      synth: coveredWith({ client_app_types: ['browser', 'mobileAppsAndDesktopClients'] }),
      errors: OWNER_GROUP,
    },
    {
      name: 'a policy on one location only, or excluding no location, is no Norway-only block',
      synth: coveredWith(
        norwayEast({ included_locations: ['${azuread_named_location.norway.id}'], excluded_locations: [] }),
      ),
      errors: OWNER_GROUP,
    },
    {
      name: 'an empty list of excluded locations blocks Norway too and is no Norway-only block',
      synth: coveredWith(norwayEast({ excluded_locations: [] })),
      errors: OWNER_GROUP,
    },
    {
      name: 'an excluded location that also admits Sweden is not Norway only',
      synth: tf({
        ...group,
        ...eligible,
        'azuread_named_location.norway': {
          display_name: 'Nordics',
          country: { countries_and_regions: ['NO', 'SE'], include_unknown_countries_and_regions: false },
        },
        ...blockAbroad({ included_groups: ADMINS }),
      }),
      errors: OWNER_GROUP,
    },
    {
      name: 'an excluded IP-range location, or an excluded location id outside the estate, is not shown to be Norway',
      synth: tf({
        ...group,
        ...eligible,
        'azuread_named_location.norway': { display_name: 'Office', ip: { ip_ranges: ['203.0.113.0/24'] } },
        ...blockAbroad({ included_groups: ADMINS }),
        'azuread_group.b': { display_name: 'b' },
        'azurerm_pim_eligible_role_assignment.b': {
          scope: SUB,
          role_definition_id: OWNER_ID,
          principal_id: '${azuread_group.b.object_id}',
        },
        'azuread_conditional_access_policy.by_id': {
          ...blockAbroad({ included_groups: ['${azuread_group.b.object_id}'] })[
            'azuread_conditional_access_policy.block_abroad'
          ],
          conditions: {
            client_app_types: ['all'],
            applications: { included_applications: ['All'] },
            users: { included_groups: ['${azuread_group.b.object_id}'] },
            locations: {
              included_locations: ['All'],
              excluded_locations: ['00000000-0000-4000-8000-00000000000a'],
            },
          },
        },
      }),
      errors: [...OWNER_GROUP, ['ACC-003', 'azurerm_pim_eligible_role_assignment.b']],
    },
    {
      name: 'an unknown-countries flag that is not false is no Norway-only location',
      synth: tf({
        ...group,
        ...eligible,
        'azuread_named_location.norway': {
          display_name: 'Norway',
          country: { countries_and_regions: ['NO'], include_unknown_countries_and_regions: '${var.unknown}' },
        },
        ...blockAbroad({ included_groups: ADMINS }),
      }),
      errors: OWNER_GROUP,
    },
    {
      name: 'all users but the admins group leaves that group open',
      synth: tf({
        ...group,
        ...norway,
        ...eligible,
        ...blockAbroad({ included_users: ['All'], excluded_groups: ADMINS }),
      }),
      errors: OWNER_GROUP,
    },
    {
      name: 'a directory role both included and excluded is not covered',
      synth: tf({
        ...norway,
        ...blockAbroad({ included_roles: [GA], excluded_roles: [GA] }),
        'azuread_directory_role_assignment.ga': {
          role_id: GA,
          principal_object_id: '${azuread_group.other.object_id}',
        },
        'azuread_group.other': { display_name: 'other' },
      }),
      errors: [['ACC-003', 'azuread_directory_role_assignment.ga']],
    },
    {
      name: 'an Owner granted to a single user outside any policy is reported with the principal named',
      synth: tf({
        'azuread_user.ola': { user_principal_name: 'ola@hospital.no', display_name: 'Ola' },
        'azurerm_role_assignment.ola': {
          scope: SUB,
          role_definition_name: 'Owner',
          principal_id: '${azuread_user.ola.object_id}',
        },
      }),
      errors: [['ACC-003', 'azurerm_role_assignment.ola']],
      messages: [
        'azuread_user.ola holds a privileged role, and no enabled Conditional Access policy in the estate blocks its sign-ins outside Norway.',
      ],
    },
    {
      name: 'a principal that cannot be resolved is not covered by a policy for all users',
      synth: tf(
        {
          ...norway,
          ...blockAbroad({ included_users: ['All'] }),
          'azurerm_pim_eligible_role_assignment.x': {
            scope: SUB,
            role_definition_id: OWNER_ID,
            principal_id: '${var.who}',
          },
        },
        { variable: { who: { type: 'string' } } },
      ),
      errors: [['ACC-003', 'azurerm_pim_eligible_role_assignment.x']],
      message: /^a principal that cannot be resolved .*, so no location block can be shown to cover it\.$/,
    },
    {
      name: 'included_roles names directory roles: the Owner role GUID there does not cover an Owner assignment',
      synth: tf({
        ...group,
        ...norway,
        ...blockAbroad({ included_roles: ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635'] }),
        'azurerm_role_assignment.owner': {
          scope: SUB,
          role_definition_id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
          principal_id: ADMINS[0],
        },
      }),
      errors: [['ACC-003', 'azurerm_role_assignment.owner']],
      messages: [NOT_COVERED],
    },
    {
      name: 'a directory role assignment whose role cannot be resolved is judged as privileged',
      synth: tf(
        {
          ...group,
          'azuread_directory_role_assignment.x': { role_id: '${var.role}', principal_object_id: ADMINS[0] },
        },
        { variable: { role: { type: 'string' } } },
      ),
      errors: [['ACC-003', 'azuread_directory_role_assignment.x']],
      messages: [NOT_COVERED],
    },
    {
      name: 'a Conditional Access policy read as a data source covers nobody',
      synth: tf({
        ...group,
        ...norway,
        ...eligible,
        'data.azuread_conditional_access_policy.block_abroad': blockAbroad({ included_groups: ADMINS })[
          'azuread_conditional_access_policy.block_abroad'
        ],
      }),
      errors: OWNER_GROUP,
      messages: [NOT_COVERED],
    },
    {
      name: 'all users except the user who holds Owner leaves that user open',
      synth: tf({
        ...norway,
        'azuread_user.ola': { user_principal_name: 'ola@hospital.no', display_name: 'Ola' },
        ...blockAbroad({ included_users: ['All'], excluded_users: ['${azuread_user.ola.object_id}'] }),
        'azurerm_role_assignment.ola': {
          scope: SUB,
          role_definition_name: 'Owner',
          principal_id: '${azuread_user.ola.object_id}',
        },
      }),
      errors: [['ACC-003', 'azurerm_role_assignment.ola']],
    },
    {
      name: 'grant controls from a variable cannot be shown to block',
      synth: {
        ...coveredWith({}, { grant_controls: { operator: 'OR', built_in_controls: '${var.controls}' } }),
        variable: { controls: { type: 'list(string)' } },
      },
      errors: OWNER_GROUP,
      messages: [NOT_COVERED],
    },
    {
      name: 'included applications from a variable cannot be shown to be all applications',
      synth: {
        ...coveredWith({ applications: { included_applications: '${var.apps}' } }),
        variable: { apps: { type: 'list(string)' } },
      },
      errors: OWNER_GROUP,
    },
    {
      name: 'included locations from a variable cannot be shown to be all locations',
      synth: {
        ...coveredWith(
          norwayEast({
            included_locations: '${var.locations}',
            excluded_locations: ['${azuread_named_location.norway.id}'],
          }),
        ),
        variable: { locations: { type: 'list(string)' } },
      },
      errors: OWNER_GROUP,
    },
    {
      name: 'a block on one named location, with Norway excluded, leaves the rest of the world open',
      synth: coveredWith(
        norwayEast({
          included_locations: ['00000000-0000-4000-8000-00000000000b'],
          excluded_locations: ['${azuread_named_location.norway.id}'],
        }),
      ),
      errors: OWNER_GROUP,
    },
    {
      name: 'excluding another location besides Norway leaves sign-ins from there unblocked',
      synth: coveredWith(
        norwayEast({
          excluded_locations: ['${azuread_named_location.norway.id}', '00000000-0000-4000-8000-00000000000c'],
        }),
      ),
      errors: OWNER_GROUP,
    },
    {
      name: 'an excluded location that is not a named location (a group by mistake) is no Norway location',
      synth: coveredWith(norwayEast({ excluded_locations: ['${azuread_group.admins.object_id}'] })),
      errors: OWNER_GROUP,
    },
    {
      name: 'a country location that lists no country is not Norway only',
      synth: norwayCountry({ countries_and_regions: [], include_unknown_countries_and_regions: false }),
      errors: OWNER_GROUP,
    },
    {
      name: 'a country location whose countries come from a variable is not shown to be Norway only',
      synth: norwayCountry(
        { countries_and_regions: '${var.countries}', include_unknown_countries_and_regions: false },
        { variable: { countries: { type: 'list(string)' } } },
      ),
      errors: OWNER_GROUP,
    },
    {
      name: 'a Norway location that also admits unknown countries is not Norway only',
      synth: norwayCountry({ countries_and_regions: ['NO'], include_unknown_countries_and_regions: true }),
      errors: OWNER_GROUP,
    },
  ],
});
