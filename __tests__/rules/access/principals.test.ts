/** policies/rules/access/principals.ts: what a role can do and who a principal id names, read through the estate. */
import { checkModels } from '../../../policies/engine/engine';
import { loadTerraformJson } from '../../../policies/model/load-terraform-json';
import {
  principalAt,
  PRIVILEGED_ROLES,
  roleByName,
  roleOf,
  type Principal,
  type RoleVerdict,
} from '../../../policies/rules/access/principals';
import { defineRule, type PolicySettings, type RuleContext } from '../../../policies/rules/rule';
import type { TfResource } from '../../../policies/model/types';
import { tf } from '../../helpers/rule-tester';
import { TODAY } from '../../helpers/today';

/** Run `read` on the resource at `address` of a synthesized document, inside a real check. */
function readWith<T>(
  resources: Record<string, Record<string, unknown>>,
  address: string,
  read: (context: RuleContext, resource: TfResource) => T,
  settings?: PolicySettings,
): T {
  let answer: T | undefined;
  let found = false;
  const probe = defineRule({
    id: 'ACC-900',
    title: 'probe',
    severity: 'warning',
    rationale: 'test',
    anchors: {},
    resourceTypes: 'all',
    fix: 'none',
    check(context) {
      for (const resource of context.resources)
        if (resource.address === address) {
          answer = read(context, resource);
          found = true;
        }
      return [];
    },
  });
  checkModels([loadTerraformJson(tf(resources), { file: 'cdk.tf.json' })], {
    rules: [probe],
    today: TODAY,
    settings,
  });
  if (!found) throw new Error(`no resource ${address}`);
  return answer as T;
}

const OWNER_GUID = PRIVILEGED_ROLES.owner;
const SCOPE = '/subscriptions/00000000-0000-4000-8000-000000000000';

describe('roleByName', () => {
  test.each<[string, RoleVerdict['kind']]>([
    ['Owner', 'privileged'],
    ['  owner ', 'privileged'],
    ['Key Vault Administrator', 'privileged'],
    ['Storage Blob Data Owner', 'privileged'],
    ['Storage Blob Data Reader', 'data-plane'],
    ['Key Vault Secrets User', 'data-plane'],
    ['Storage Account Contributor', 'data-plane'],
    ['Reader and Data Access', 'data-plane'],
    ['FHIR Data Contributor', 'data-plane'],
    ['DICOM Data Owner', 'data-plane'],
    ['Virtual Machine Administrator Login', 'data-plane'],
    ['Azure Kubernetes Service RBAC Admin', 'data-plane'],
    ['Azure Kubernetes Service Cluster User Role', 'data-plane'],
    ['Log Analytics Reader', 'data-plane'],
    ['Backup Operator', 'data-plane'],
    ['Reader', 'other'],
    ['Network Contributor', 'other'],
    ['Monitoring Metrics Publisher', 'other'],
    ['Database Reader', 'other'],
    // Names every object inherits are no entry of the privileged roles.
    ['constructor', 'other'],
    ['Constructor', 'other'],
    ['__proto__', 'other'],
  ])('%s is %s', (name, kind) => {
    expect(roleByName(name)).toEqual({ kind, name });
  });
});

describe('roleOf', () => {
  const assignment = (body: Record<string, unknown>) => ({
    'azurerm_role_assignment.a': { scope: SCOPE, principal_id: 'p', ...body },
  });
  const role = (resources: Record<string, Record<string, unknown>>) =>
    readWith(resources, 'azurerm_role_assignment.a', roleOf);

  test('by name', () => {
    expect(role(assignment({ role_definition_name: 'Owner' }))).toEqual({
      kind: 'privileged',
      name: 'Owner',
    });
  });

  test('by the id of a privileged built-in role, bare or in full', () => {
    expect(role(assignment({ role_definition_id: OWNER_GUID }))).toEqual({
      kind: 'privileged',
      name: 'owner',
    });
    expect(
      role(
        assignment({
          role_definition_id: `${SCOPE}/providers/Microsoft.Authorization/roleDefinitions/${OWNER_GUID.toUpperCase()}`,
        }),
      ),
    ).toEqual({ kind: 'privileged', name: 'owner' });
  });

  test('an id this policy does not know, and a value that is no role id, are unknown with the reason', () => {
    expect(role(assignment({ role_definition_id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7' }))).toEqual({
      kind: 'unknown',
      reason: 'role definition acdd72a7-3385-48ef-bd42-f606fba81ae7 is not a built-in role this policy knows',
    });
    expect(role(assignment({ role_definition_id: 'reader' }))).toEqual({
      kind: 'unknown',
      reason: 'reader is not a role definition id',
    });
  });

  test('no role at all is unknown', () => {
    expect(role(assignment({}))).toEqual({ kind: 'unknown', reason: 'no role is named' });
  });

  test('a role definition data source is read by name, else by id; a custom role is unknown', () => {
    expect(
      role({
        ...assignment({ role_definition_id: '${data.azurerm_role_definition.r.id}' }),
        'data.azurerm_role_definition.r': { name: 'Contributor' },
      }),
    ).toEqual({ kind: 'privileged', name: 'Contributor' });
    expect(
      role({
        ...assignment({ role_definition_id: '${data.azurerm_role_definition.r.id}' }),
        'data.azurerm_role_definition.r': { role_definition_id: OWNER_GUID },
      }),
    ).toEqual({ kind: 'privileged', name: 'owner' });
    expect(
      role({
        ...assignment({
          role_definition_id: '${azurerm_role_definition.custom.role_definition_resource_id}',
        }),
        'azurerm_role_definition.custom': { name: 'Owner', scope: SCOPE, permissions: { actions: ['*'] } },
      }),
    ).toEqual({ kind: 'unknown', reason: 'custom role azurerm_role_definition.custom' });
  });

  test('a role id computed from something else cannot be verified', () => {
    expect(role(assignment({ role_definition_id: '${var.role}' }))).toEqual({
      kind: 'unknown',
      reason: 'the role cannot be verified before apply',
    });
  });
});

describe('principalAt', () => {
  const HOME = '5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13';
  const who = (
    principal: unknown,
    others: Record<string, Record<string, unknown>> = {},
    settings?: PolicySettings,
  ): Principal =>
    readWith(
      {
        'azurerm_role_assignment.a': {
          scope: SCOPE,
          role_definition_name: 'Reader',
          ...(principal === undefined ? {} : { principal_id: principal }),
        },
        ...others,
      },
      'azurerm_role_assignment.a',
      (context, resource) => principalAt(context, resource, 'principal_id'),
      settings,
    );

  test.each<[string, string, Record<string, Record<string, unknown>>, Principal['kind'], string]>([
    [
      'the deployer',
      '${data.azurerm_client_config.c.object_id}',
      { 'data.azurerm_client_config.c': {} },
      'deployer',
      'data.azurerm_client_config.c (the identity running Terraform)',
    ],
    [
      'an invited guest',
      '${azuread_invitation.g.user_id}',
      { 'azuread_invitation.g': { user_email_address: 'x@example.com', redirect_url: 'https://x' } },
      'guest',
      'azuread_invitation.g (an invited guest)',
    ],
    [
      'a guest user by type',
      '${azuread_user.u.object_id}',
      { 'azuread_user.u': { user_principal_name: 'u@hospital.no', user_type: 'Guest' } },
      'guest',
      'azuread_user.u (a guest user)',
    ],
    [
      'a guest user by #EXT#',
      '${azuread_user.u.object_id}',
      { 'azuread_user.u': { user_principal_name: 'u_example.com#ext#@hospital.no' } },
      'guest',
      'azuread_user.u (a guest user)',
    ],
    [
      'a member user',
      '${azuread_user.u.object_id}',
      { 'azuread_user.u': { user_principal_name: 'u@hospital.no', user_type: 'Member' } },
      'home',
      'azuread_user.u',
    ],
    [
      'a group',
      '${azuread_group.g.object_id}',
      { 'azuread_group.g': { display_name: 'admins' } },
      'home',
      'azuread_group.g',
    ],
    [
      'the service principal of an application of the estate',
      '${azuread_service_principal.sp.object_id}',
      {
        'azuread_service_principal.sp': { client_id: '${azuread_application.app.client_id}' },
        'azuread_application.app': { display_name: 'app' },
      },
      'home',
      'azuread_service_principal.sp',
    ],
    [
      'a service principal of an older provider (application_id)',
      '${azuread_service_principal.sp.object_id}',
      {
        'azuread_service_principal.sp': { application_id: '${azuread_application.app.application_id}' },
        'azuread_application.app': { display_name: 'app' },
      },
      'home',
      'azuread_service_principal.sp',
    ],
    [
      "another tenant's application",
      '${azuread_service_principal.sp.object_id}',
      { 'azuread_service_principal.sp': { client_id: '11111111-2222-4333-8444-555555555555' } },
      'foreign',
      'azuread_service_principal.sp (an application registered outside this estate)',
    ],
    [
      'a managed identity',
      '${azurerm_user_assigned_identity.id.principal_id}',
      {
        'azurerm_user_assigned_identity.id': {
          name: 'id',
          location: 'norwayeast',
          resource_group_name: 'rg',
        },
      },
      'managed-identity',
      'azurerm_user_assigned_identity.id (a managed identity)',
    ],
    [
      'something that is no identity',
      '${random_uuid.u.result}',
      { 'random_uuid.u': {} },
      'unknown',
      'random_uuid.u, which is not an identity this policy knows',
    ],
  ])('%s', (_, principal, others, kind, text) => {
    const found = who(principal, others);
    expect([found.kind, found.text]).toEqual([kind, text]);
    if (kind === 'unknown') expect(found.key).toBeUndefined();
    else expect(found.key).toMatch(/^res:/);
  });

  test('a literal id is home only when it is a configured home principal, in any case', () => {
    expect(who(HOME.toUpperCase(), {}, { homePrincipals: [HOME] })).toEqual({
      kind: 'home',
      key: `id:${HOME}`,
      text: HOME.toUpperCase(),
    });
    expect(who(HOME)).toEqual({
      kind: 'literal',
      key: `id:${HOME}`,
      text: `${HOME} (not a principal of the estate or the configured home-tenant principals)`,
    });
  });

  test('no principal, or one that cannot be resolved, is unknown and says why', () => {
    expect(who(undefined)).toEqual({
      kind: 'unknown',
      key: undefined,
      text: 'a principal that cannot be resolved (not set)',
    });
    const unresolved = who('${var.principal}');
    expect(unresolved.kind).toBe('unknown');
    expect(unresolved.text).toMatch(/^a principal that cannot be resolved \(.+\)$/);
    expect(unresolved.text).not.toContain('(not set)');
  });
});
