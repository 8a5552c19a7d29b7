import { defineRule, RuleContext } from '../rule';
import type { TfModel, TfResource } from '../../model/types';
import { asBoolean, blockCount, resourceKey } from '../attributes';
import { ACCESS_ANCHORS } from './anchors';
import { PRIVILEGED_DIRECTORY_ROLES, principalAt, roleOf } from './principals';
import { ownEntry } from '../../model/values';

/** Assignments that make a principal privileged, and the attribute naming the principal. */
const PRINCIPAL_ATTRIBUTE: Readonly<Record<string, string>> = {
  azurerm_pim_eligible_role_assignment: 'principal_id',
  azurerm_pim_active_role_assignment: 'principal_id',
  azurerm_role_assignment: 'principal_id',
  azuread_directory_role_eligibility_schedule_request: 'principal_id',
  azuread_directory_role_assignment: 'principal_object_id',
};

/** Conditions that limit a policy to some sign-ins (risk levels, platforms, devices, excluded apps or locations). */
const NARROWING: readonly (string | number)[][] = [
  ['applications', 0, 'excluded_applications'],
  ['applications', 0, 'included_user_actions'],
  ['sign_in_risk_levels'],
  ['user_risk_levels'],
  ['service_principal_risk_levels'],
  ['insider_risk_levels'],
  ['authentication_flow_transfer_methods'],
  ['platforms'],
  ['devices'],
];

/** Who the estate's location blocks cover: principal keys (groups, users) and directory role template ids. */
interface Coverage {
  readonly principals: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  /** Policies for all users, each with the principals it excludes. */
  readonly allUsersExcept: readonly ReadonlySet<string>[];
}

export const ACC_003 = defineRule({
  id: 'ACC-003',
  title: 'A Conditional Access policy blocks sign-ins outside Norway for every privileged principal',
  severity: 'error',
  rationale:
    'An administrator abroad with privileged access to systems holding patient data is the 2017 case itself. Every principal the estate makes privileged must be covered by an enabled policy that blocks all sign-ins from outside a Norway-only named location.',
  anchors: { mcsb: ['PA-1', 'IM-7'], regulation: [...ACCESS_ANCHORS] },
  resourceTypes: Object.keys(PRINCIPAL_ATTRIBUTE),
  fix: 'Add the group (or the directory role) to an azuread_conditional_access_policy with state "enabled", included_locations ["All"], excluded_locations the Norway named location (countries_and_regions ["NO"], unknown countries excluded) and built_in_controls ["block"]; grant roles to groups, not to single users.',
  *check(context) {
    let coverage: Coverage | undefined;
    for (const resource of context.resources) {
      const principalAttribute = ownEntry(PRINCIPAL_ATTRIBUTE, resource.type);
      if (resource.mode !== 'managed' || !principalAttribute) continue;
      const directoryRole = directoryRoleOf(context, resource);
      if (resource.type.startsWith('azuread_')) {
        // An unknown directory role ('') may be privileged: judged as one.
        if (directoryRole && !Object.hasOwn(PRIVILEGED_DIRECTORY_ROLES, directoryRole)) continue;
      } else {
        const role = roleOf(context, resource);
        if (role.kind === 'other' || role.kind === 'data-plane') continue;
      }
      const principal = principalAt(context, resource, principalAttribute);
      if (principal.kind === 'managed-identity') continue;
      coverage ??= coverageOf(context);
      const covered =
        (principal.key !== undefined &&
          coverage.allUsersExcept.some((excluded) => !excluded.has(principal.key!))) ||
        (principal.key !== undefined && coverage.principals.has(principal.key)) ||
        (directoryRole !== undefined && coverage.roles.has(directoryRole));
      if (covered) continue;
      yield {
        resource,
        message:
          principal.key === undefined
            ? `${principal.text}, so no location block can be shown to cover it.`
            : `${principal.text} holds a privileged role, and no enabled Conditional Access policy in the estate blocks its sign-ins outside Norway.`,
      };
    }
  },
});

function directoryRoleOf(context: RuleContext, resource: TfResource): string | undefined {
  const attribute = resource.type === 'azuread_directory_role_assignment' ? 'role_id' : 'role_definition_id';
  if (!resource.type.startsWith('azuread_')) return undefined;
  const value = context.read(resource, attribute);
  return value.kind === 'known' && typeof value.value === 'string' ? value.value.toLowerCase() : '';
}

/** The principals and roles that enabled Norway-only location blocks in any model of the estate cover. */
function coverageOf(context: RuleContext): Coverage {
  const principals = new Set<string>();
  const roles = new Set<string>();
  const allUsersExcept: Set<string>[] = [];
  for (const model of context.workspace.models) {
    for (const policy of model.byType.get('azuread_conditional_access_policy') ?? []) {
      if (policy.mode !== 'managed') continue;
      const sub: RuleContext = { ...context, model };
      if (!blocksOutsideNorway(sub, model, policy)) continue;
      const users = ['conditions', 0, 'users', 0];
      const entries = (list: string) => listAt(sub, policy, [...users, list]);
      // Each policy covers what it includes minus what it excludes (break-glass accounts are excluded on purpose).
      const excluded = new Set(
        [...entries('excluded_users'), ...entries('excluded_groups')].flatMap((e) => (e.key ? [e.key] : [])),
      );
      const excludedRoles = new Set(
        entries('excluded_roles').flatMap((e) => (e.literal ? [e.literal.toLowerCase()] : [])),
      );
      for (const entry of [...entries('included_users'), ...entries('included_groups')]) {
        if (entry.literal?.toLowerCase() === 'all') allUsersExcept.push(excluded);
        if (entry.key && !excluded.has(entry.key)) principals.add(entry.key);
      }
      for (const entry of entries('included_roles'))
        if (entry.literal && !excludedRoles.has(entry.literal.toLowerCase()))
          roles.add(entry.literal.toLowerCase());
    }
  }
  return { principals, roles, allUsersExcept };
}

/** Enabled, all applications, all locations but a Norway-only named location, and the grant is `block`. */
function blocksOutsideNorway(context: RuleContext, _model: TfModel, policy: TfResource): boolean {
  const read = (path: (string | number)[]) => context.read(policy, path);
  const state = read(['state']);
  if (!(state.kind === 'known' && state.value === 'enabled')) return false;
  const controls = read(['grant_controls', 0, 'built_in_controls']);
  if (!(controls.kind === 'known' && Array.isArray(controls.value) && controls.value.includes('block')))
    return false;
  const apps = read(['conditions', 0, 'applications', 0, 'included_applications']);
  if (!(apps.kind === 'known' && Array.isArray(apps.value) && apps.value.includes('All'))) return false;
  const clients = read(['conditions', 0, 'client_app_types']);
  if (!(clients.kind === 'known' && Array.isArray(clients.value) && clients.value.includes('all')))
    return false;
  // Any narrowing condition leaves sign-ins it does not match unblocked.
  for (const narrowing of NARROWING) {
    const value = read(['conditions', 0, ...narrowing]);
    if (value.kind === 'absent') continue;
    if (
      value.kind === 'known' &&
      (value.value === null || (Array.isArray(value.value) && value.value.length === 0))
    )
      continue;
    return false;
  }
  const included = read(['conditions', 0, 'locations', 0, 'included_locations']);
  if (!(included.kind === 'known' && Array.isArray(included.value) && included.value.includes('All')))
    return false;
  const excluded = listAt(context, policy, ['conditions', 0, 'locations', 0, 'excluded_locations']);
  return (
    excluded.length > 0 &&
    excluded.every((entry) => entry.location !== undefined && isNorwayOnly(context, entry.location))
  );
}

function isNorwayOnly(context: RuleContext, location: { model: TfModel; resource: TfResource }): boolean {
  if (location.resource.type !== 'azuread_named_location') return false;
  const read = (path: (string | number)[]) => context.read(location.resource, path);
  const country = blockCount({ ...context, model: location.model }, location.resource, 'country');
  if (country.kind !== 'count' || country.count !== 1) return false;
  const regions = read(['country', 0, 'countries_and_regions']);
  if (!(regions.kind === 'known' && Array.isArray(regions.value) && regions.value.length > 0)) return false;
  if (!regions.value.every((r) => r === 'NO')) return false;
  const unknownCountries = read(['country', 0, 'include_unknown_countries_and_regions']);
  return (
    unknownCountries.kind === 'absent' ||
    (unknownCountries.kind === 'known' && asBoolean(unknownCountries.value) === false)
  );
}

interface Entry {
  readonly literal?: string;
  readonly key?: string;
  readonly location?: { model: TfModel; resource: TfResource };
}

/** Each element of a list attribute: its literal value, the principal key it names, the resource it references. */
function listAt(context: RuleContext, policy: TfResource, path: (string | number)[]): Entry[] {
  const list = context.read(policy, path);
  // In a plan a list of ids created in the same apply is unknown; the configuration still names them.
  if (list.kind !== 'known' || !Array.isArray(list.value)) return referencedEntries(context, policy, path);
  return list.value.map((_, i) => {
    const at = [...path, i];
    const value = context.read(policy, at);
    const literal = value.kind === 'known' && typeof value.value === 'string' ? value.value : undefined;
    const target = context.target(policy, at);
    if (target.kind === 'resource')
      return { literal, key: `res:${resourceKey(target.model, target.resource)}`, location: target };
    const id = literal ?? (target.kind === 'external' ? target.value : undefined);
    return { literal: id, key: id ? `id:${id.toLowerCase()}` : undefined };
  });
}

/** The resources a plan's configuration references at `path` (an unknown list), one entry each. */
function referencedEntries(context: RuleContext, policy: TfResource, path: (string | number)[]): Entry[] {
  const attribute = path.filter((p) => typeof p === 'string').join('.');
  const references = policy.references?.get(attribute) ?? [];
  const entries: Entry[] = [];
  const seen = new Set<TfResource>();
  for (const reference of references) {
    const parts = reference.split('.');
    const relative = parts[0] === 'data' ? parts.slice(0, 3).join('.') : parts.slice(0, 2).join('.');
    const found = context.model.byConfigAddress.get(relative) ?? [];
    // `azuread_group.x` next to `azuread_group.x.object_id`: one entry per resource; several instances are not one principal.
    if (found.length !== 1 || seen.has(found[0])) continue;
    seen.add(found[0]);
    entries.push({
      key: `res:${resourceKey(context.model, found[0])}`,
      location: { model: context.model, resource: found[0] },
    });
  }
  return entries;
}
