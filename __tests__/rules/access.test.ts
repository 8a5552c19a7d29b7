import { ACC_001 } from '../../policies/rules/access/acc-001-privileged-through-pim';
import { ACC_002 } from '../../policies/rules/access/acc-002-home-tenant';
import { ACC_003 } from '../../policies/rules/access/acc-003-sign-in-from-norway';
import { ACC_004 } from '../../policies/rules/access/acc-004-no-guest-data-access';
import { plan, ruleTester, tf } from '../helpers/rule-tester';

const HOME = '5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13';
const FOREIGN = '11111111-2222-4333-8444-555555555555';
const SUB = '/subscriptions/00000000-0000-0000-0000-0000000000aa';
const RG = `${SUB}/resourceGroups/rg-app`;
const OWNER_ID = `${SUB}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`;
const settings = { homeTenantId: HOME, approvedRanges: ['203.0.113.0/24'] };

const guest = {
  'azuread_invitation.supplier': {
    user_email_address: 'admin@supplier.example',
    redirect_url: 'https://portal.azure.com',
  },
};
const group = { 'azuread_group.admins': { display_name: 'platform-admins', security_enabled: true } };
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
const eligible = {
  'azurerm_pim_eligible_role_assignment.admins_owner': {
    scope: SUB,
    role_definition_id: OWNER_ID,
    principal_id: '${azuread_group.admins.object_id}',
    justification: 'Platform team operates the hubs',
    schedule: { expiration: { duration_days: 180 } },
  },
};

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
  ],
});

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
  ],
});

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
  ],
});

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
  ],
});
