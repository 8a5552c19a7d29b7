/**
 * Who a principal id names and what a role can do, as far as the estate tells: the access rules'
 * shared reading of role assignments. A principal id alone does not say which tenant it is from, so
 * identities are matched through the estate (azuread objects, managed identities) or the configured
 * home-tenant principals; whatever cannot be matched is `unknown` and the rules fail closed on it.
 */
import type { RuleContext } from '../rule';
import type { Resolved } from '../../model/resolve';
import type { TfResource } from '../../model/types';
import { resourceKey, type Path } from '../attributes';

/** Built-in roles that grant or reach everything below their scope, by lower-case name → definition GUID. */
export const PRIVILEGED_ROLES: Readonly<Record<string, string>> = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  'user access administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  'role based access control administrator': 'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
  'key vault administrator': '00482a5a-887f-4fb3-b363-3b7fe8e74483',
  'key vault data access administrator': '8b54135c-b56d-4d72-a534-26097cfdc8d8',
  'storage blob data owner': 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
};
const NAME_BY_GUID = new Map(Object.entries(PRIVILEGED_ROLES).map(([name, guid]) => [guid, name]));

/** Entra ID directory roles (template ids) that administer identities, sign-in policy or the tenant. */
export const PRIVILEGED_DIRECTORY_ROLES: Readonly<Record<string, string>> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'e8611ab8-c189-46e8-94e1-60213ab1f814': 'Privileged Role Administrator',
  '7be44c8a-adaf-4e2a-84d6-ab2649e08a13': 'Privileged Authentication Administrator',
  'fe930be7-5e62-47db-91af-98c3a49a38b1': 'User Administrator',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator',
  '158c047a-c907-4556-b7ef-446551a6b5f7': 'Cloud Application Administrator',
  '194ae4cb-b126-40b2-bd5b-6091b380977d': 'Security Administrator',
  'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9': 'Conditional Access Administrator',
};

/** What a role is, as far as the configuration says. */
export type RoleVerdict =
  | { readonly kind: 'privileged'; readonly name: string }
  | { readonly kind: 'data-plane'; readonly name: string }
  | { readonly kind: 'other'; readonly name: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * Roles that read or change what is inside a resource, not only its configuration: data roles, Key
 * Vault and storage content roles, VM sign-in, AKS cluster access, logs, backups.
 */
const DATA_PLANE_ROLE =
  /\bdata\b|^key vault |^storage .*(reader|contributor|owner)|^reader and data access$|fhir|dicom|\blogin\b|^azure kubernetes service (rbac|cluster)|^log analytics |^backup (operator|contributor)/;

/** A role by name: privileged, data-plane (reads or writes data: `… Data …`, Key Vault, FHIR) or other. */
export function roleByName(name: string): RoleVerdict {
  const lower = name.trim().toLowerCase();
  if (Object.hasOwn(PRIVILEGED_ROLES, lower)) return { kind: 'privileged', name };
  if (DATA_PLANE_ROLE.test(lower)) return { kind: 'data-plane', name };
  return { kind: 'other', name };
}

/** A role definition id (`…/roleDefinitions/<guid>` or a bare GUID): privileged when it names one of the privileged roles. */
function roleById(id: string): RoleVerdict {
  const guid = id.split('/').pop()?.toLowerCase() ?? '';
  const name = NAME_BY_GUID.get(guid);
  if (name) return { kind: 'privileged', name };
  return /^[0-9a-f-]{36}$/.test(guid)
    ? { kind: 'unknown', reason: `role definition ${guid} is not a built-in role this policy knows` }
    : { kind: 'unknown', reason: `${id} is not a role definition id` };
}

const known = (r: Resolved): string | undefined =>
  r.kind === 'known' && typeof r.value === 'string' ? r.value : undefined;

/** The role an assignment (role assignment, PIM eligible or active assignment) grants. */
export function roleOf(context: RuleContext, resource: TfResource): RoleVerdict {
  const name = known(context.read(resource, 'role_definition_name'));
  if (name !== undefined) return roleByName(name);
  if (
    !context.isWritten(resource, 'role_definition_id') &&
    !context.isWritten(resource, 'role_definition_name')
  )
    return { kind: 'unknown', reason: 'no role is named' };
  const id = known(context.read(resource, 'role_definition_id'));
  if (id !== undefined) return roleById(id);
  const target = context.target(resource, 'role_definition_id');
  if (target.kind === 'external') return roleById(target.value);
  if (target.kind === 'resource' && target.resource.type === 'azurerm_role_definition') {
    const roleName = known(context.read(target.resource, 'name'));
    if (target.resource.mode === 'data' && roleName !== undefined) return roleByName(roleName);
    const roleId = known(context.read(target.resource, 'role_definition_id'));
    if (target.resource.mode === 'data' && roleId !== undefined) return roleById(roleId);
    // A custom role is judged by IAM-003's permission reading; here it is not a known safe role.
    return { kind: 'unknown', reason: `custom role ${target.resource.address}` };
  }
  return { kind: 'unknown', reason: 'the role cannot be verified before apply' };
}

/** A principal as the estate knows it. `key` matches the same principal wherever it is referenced. */
export type Principal =
  | { readonly kind: 'managed-identity'; readonly key: string; readonly text: string }
  | { readonly kind: 'deployer'; readonly key: string; readonly text: string }
  | { readonly kind: 'home'; readonly key: string; readonly text: string }
  | { readonly kind: 'guest'; readonly key: string; readonly text: string }
  | { readonly kind: 'foreign'; readonly key: string; readonly text: string }
  | { readonly kind: 'literal'; readonly key: string; readonly text: string }
  | { readonly kind: 'unknown'; readonly key: undefined; readonly text: string };

/** Who `path` of `resource` (a principal or object id) names. */
export function principalAt(context: RuleContext, resource: TfResource, path: Path): Principal {
  const homePrincipals = new Set((context.settings?.homePrincipals ?? []).map((p) => p.toLowerCase()));
  const literal = known(context.read(resource, path));
  const target = context.target(resource, path);
  if (target.kind === 'resource') {
    const other = target.resource;
    const key = `res:${resourceKey(target.model, other)}`;
    const text = other.address;
    const read = (p: string) => known(context.read(other, p));
    switch (other.type) {
      case 'azurerm_client_config':
        return { kind: 'deployer', key, text: `${text} (the identity running Terraform)` };
      case 'azuread_invitation':
        return { kind: 'guest', key, text: `${text} (an invited guest)` };
      case 'azuread_user': {
        const upn = read('user_principal_name') ?? '';
        if (read('user_type')?.toLowerCase() === 'guest' || upn.toUpperCase().includes('#EXT#'))
          return { kind: 'guest', key, text: `${text} (a guest user)` };
        return { kind: 'home', key, text };
      }
      case 'azuread_group':
        return { kind: 'home', key, text };
      case 'azuread_service_principal': {
        // A service principal of an application this estate registers is ours; any other is another tenant's app.
        const app = context.target(
          other,
          context.isWritten(other, 'client_id') ? 'client_id' : 'application_id',
        );
        if (app.kind === 'resource' && app.resource.type === 'azuread_application')
          return { kind: 'home', key, text };
        return { kind: 'foreign', key, text: `${text} (an application registered outside this estate)` };
      }
      default:
        if (other.type.startsWith('azurerm_'))
          return { kind: 'managed-identity', key, text: `${text} (a managed identity)` };
        return {
          kind: 'unknown',
          key: undefined,
          text: `${text}, which is not an identity this policy knows`,
        };
    }
  }
  const id = literal ?? (target.kind === 'external' ? target.value : undefined);
  if (id !== undefined) {
    const key = `id:${id.toLowerCase()}`;
    return homePrincipals.has(id.toLowerCase())
      ? { kind: 'home', key, text: id }
      : {
          kind: 'literal',
          key,
          text: `${id} (not a principal of the estate or the configured home-tenant principals)`,
        };
  }
  return {
    kind: 'unknown',
    key: undefined,
    text: `a principal that cannot be resolved (${target.kind === 'unknown' ? target.reason : 'not set'})`,
  };
}
