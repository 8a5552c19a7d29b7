import { defineRule } from '../../engine/rule';
import type { Resolved, Resolver } from '../../model/resolve';
import type { TfModel, TfResource } from '../../model/types';
import { isWritten, targetOf } from '../attributes';

/** Built-in roles that can read all data or grant access to it, by name and by role definition GUID. */
export const PRIVILEGED_ROLES: Readonly<Record<string, string>> = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  'user access administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
};
const PRIVILEGED_GUIDS = new Set(Object.values(PRIVILEGED_ROLES));

const SUBSCRIPTION_SCOPE = /^\/subscriptions\/[^/]+\/?$/i;
const MANAGEMENT_GROUP_SCOPE = /^\/providers\/microsoft\.management\/managementgroups\/[^/]+\/?$/i;
const BROAD_SCOPE_TYPES = new Set(['azurerm_subscription', 'azurerm_management_group']);

type Verdict = 'yes' | 'no' | 'unknown';

export const IAM_003 = defineRule({
  id: 'IAM-003',
  title: 'No Owner, Contributor or User Access Administrator at subscription or management-group scope',
  severity: 'error',
  rationale:
    'These roles at a broad scope reach every resource and every copy of patient data below it, and (Owner, User Access Administrator) can hand that access on. Privileged access is granted just-in-time through PIM, not from the configuration.',
  anchors: { mcsb: ['PA-1', 'PA-7'] },
  resourceTypes: ['azurerm_role_assignment'],
  fix: 'Assign a narrower built-in or custom role at resource-group or resource scope; grant privileged roles through Privileged Identity Management.',
  *check(context) {
    const { model, resolver } = context;
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      const name = resolver.value(model, resource, 'role_definition_name');
      const id = resolver.value(model, resource, 'role_definition_id');
      let role = privilegedRole(name, id);
      // `role_definition_id = data.azurerm_role_definition.x.id` is only known after apply: read the role it names.
      if (name.kind === 'absent' && id.kind === 'absent' && isWritten(resource, 'role_definition_id'))
        role = referencedRole(resolver, model, resource);
      if (role === 'no') continue;
      const scopeValue = resolver.value(model, resource, 'scope');
      let scope: Verdict = broadScope(scopeValue);
      if (scope === 'unknown') {
        // A reference to a subscription or management group (resource or data source) is broad; to anything else, not.
        const target = targetOf(resolver, model, resource, 'scope');
        if (target.kind === 'resource') scope = BROAD_SCOPE_TYPES.has(target.resource.type) ? 'yes' : 'no';
      }
      if (scope === 'no') continue;
      const roleText =
        role === 'yes'
          ? 'a privileged role (Owner, Contributor or User Access Administrator)'
          : 'a role that cannot be verified before apply';
      const scopeText =
        scope === 'yes'
          ? 'subscription or management-group scope'
          : 'a scope that cannot be verified before apply';
      yield { resource, message: `${resource.address} assigns ${roleText} at ${scopeText}.` };
    }
  },
});

function privilegedRole(name: Resolved, id: Resolved): Verdict {
  if (name.kind === 'known')
    return typeof name.value === 'string' && name.value.trim().toLowerCase() in PRIVILEGED_ROLES
      ? 'yes'
      : 'no';
  if (id.kind === 'known') {
    const guid = typeof id.value === 'string' ? id.value.split('/').pop()?.toLowerCase() : undefined;
    return guid && PRIVILEGED_GUIDS.has(guid) ? 'yes' : 'no';
  }
  if (name.kind === 'oneOf')
    return name.values.some((v) => typeof v === 'string' && v.toLowerCase() in PRIVILEGED_ROLES)
      ? 'yes'
      : 'no';
  return name.kind === 'absent' && id.kind === 'absent' ? 'no' : 'unknown';
}

/**
 * The role a `role_definition_id` reference names: a role definition data source by its name; a custom
 * role defined in the configuration is not one of the built-in privileged roles; anything else is unknown.
 */
function referencedRole(resolver: Resolver, model: TfModel, resource: TfResource): Verdict {
  const target = targetOf(resolver, model, resource, 'role_definition_id');
  switch (target.kind) {
    case 'absent':
      return 'no';
    case 'external':
      return privilegedRole({ kind: 'absent' }, { kind: 'known', value: target.value });
    case 'unknown':
      return 'unknown';
    case 'resource': {
      if (target.resource.type !== 'azurerm_role_definition') return 'unknown';
      if (target.resource.mode === 'managed') return 'no';
      const name = resolver.value(target.model, target.resource, 'name');
      const id = resolver.value(target.model, target.resource, 'role_definition_id');
      return name.kind === 'absent' && id.kind === 'absent' ? 'unknown' : privilegedRole(name, id);
    }
  }
}

function broadScope(scope: Resolved): Verdict {
  if (scope.kind === 'known') {
    if (typeof scope.value !== 'string') return 'unknown';
    return SUBSCRIPTION_SCOPE.test(scope.value) || MANAGEMENT_GROUP_SCOPE.test(scope.value) ? 'yes' : 'no';
  }
  if (scope.kind === 'oneOf')
    return scope.values.some(
      (v) => typeof v !== 'string' || SUBSCRIPTION_SCOPE.test(v) || MANAGEMENT_GROUP_SCOPE.test(v),
    )
      ? 'yes'
      : 'no';
  return 'unknown';
}
