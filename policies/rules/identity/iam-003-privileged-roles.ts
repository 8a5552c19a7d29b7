import { defineRule } from '../rule';
import type { Resolved } from '../../model/resolve';
import type { TfResource } from '../../model/types';
import { blockCount } from '../attributes';
import { describePlacePath } from '../../model/data-flow';
import type { RuleContext } from '../rule';

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

/**
 * What makes a custom role as dangerous as the built-in privileged ones: handing out access, rewriting
 * roles, or reading every store's keys or data. Matched against the role's actions with Azure's `*` wildcards.
 */
const PRIVILEGED_ACTIONS = [
  'Microsoft.Authorization/roleAssignments/write',
  'Microsoft.Authorization/roleDefinitions/write',
  'Microsoft.Storage/storageAccounts/listKeys/action',
];
const PRIVILEGED_DATA_ACTIONS = [
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read',
  'Microsoft.KeyVault/vaults/secrets/getSecret/action',
];

type Verdict = 'yes' | 'no' | 'unknown';
/** A role as the message describes it: which of the checks made it privileged or unverifiable. */
interface RoleVerdict {
  readonly verdict: Verdict;
  readonly text?: string;
}

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
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      const name = context.read(resource, 'role_definition_name');
      const id = context.read(resource, 'role_definition_id');
      let role: RoleVerdict = { verdict: privilegedRole(name, id) };
      // `role_definition_id = data.azurerm_role_definition.x.id` is only known after apply: read the role it names.
      if (name.kind === 'absent' && id.kind === 'absent' && context.isWritten(resource, 'role_definition_id'))
        role = referencedRole(context, resource);
      if (role.verdict === 'no') continue;
      const scopeValue = context.read(resource, 'scope');
      let scope: Verdict = broadScope(scopeValue);
      if (scope === 'unknown') {
        // A reference to a subscription or management group (resource or data source) is broad; to anything else, not.
        const target = context.target(resource, 'scope');
        if (target.kind === 'resource') scope = BROAD_SCOPE_TYPES.has(target.resource.type) ? 'yes' : 'no';
      }
      if (scope === 'no') continue;
      const roleText =
        role.text ??
        (role.verdict === 'yes'
          ? 'a privileged role (Owner, Contributor or User Access Administrator)'
          : 'a role that cannot be verified before apply');
      const scopeText =
        scope === 'yes'
          ? 'subscription or management-group scope'
          : 'a scope that cannot be verified before apply';
      yield { resource, message: `the assignment grants ${roleText} at ${scopeText}.` };
    }
  },
});

function privilegedRole(name: Resolved, id: Resolved): Verdict {
  if (name.kind === 'known')
    return typeof name.value === 'string' && Object.hasOwn(PRIVILEGED_ROLES, name.value.trim().toLowerCase())
      ? 'yes'
      : 'no';
  if (id.kind === 'known') {
    const guid = typeof id.value === 'string' ? id.value.split('/').pop()?.toLowerCase() : undefined;
    return guid && PRIVILEGED_GUIDS.has(guid) ? 'yes' : 'no';
  }
  if (name.kind === 'oneOf')
    return name.values.some((v) => typeof v === 'string' && Object.hasOwn(PRIVILEGED_ROLES, v.toLowerCase()))
      ? 'yes'
      : 'no';
  return name.kind === 'absent' && id.kind === 'absent' ? 'no' : 'unknown';
}

/**
 * The role a `role_definition_id` reference names: a role definition data source by its name; a custom
 * role defined in the configuration by its permissions; anything else is unknown.
 */
function referencedRole(context: RuleContext, resource: TfResource): RoleVerdict {
  const target = context.target(resource, 'role_definition_id');
  switch (target.kind) {
    case 'absent':
      return { verdict: 'no' };
    case 'external':
      return { verdict: privilegedRole({ kind: 'absent' }, { kind: 'known', value: target.value }) };
    case 'unknown':
      return { verdict: 'unknown' };
    case 'resource': {
      if (target.resource.type !== 'azurerm_role_definition') return { verdict: 'unknown' };
      if (target.resource.mode === 'managed')
        return customRole({ ...context, model: target.model }, target.resource);
      const name = context.read(target.resource, 'name');
      const id = context.read(target.resource, 'role_definition_id');
      return {
        verdict: name.kind === 'absent' && id.kind === 'absent' ? 'unknown' : privilegedRole(name, id),
      };
    }
  }
}

/** A custom role is privileged when its permissions allow one of the privileged (data) actions. */
function customRole(context: RuleContext, role: TfResource): RoleVerdict {
  const blocks = blockCount(context, role, 'permissions');
  const unknown = (why: string): RoleVerdict => ({
    verdict: 'unknown',
    text: `custom role ${role.address}, whose permissions cannot be verified before apply (${why}),`,
  });
  if (blocks.kind === 'unknown') return unknown(blocks.reason);
  for (let i = 0; i < blocks.count; i++) {
    const lists: Record<string, readonly string[]> = {};
    for (const key of ['actions', 'not_actions', 'data_actions', 'not_data_actions']) {
      const list = actionList(context, role, ['permissions', i, key]);
      if (typeof list === 'string') return unknown(list);
      lists[key] = list;
    }
    const granted =
      allowed(PRIVILEGED_ACTIONS, lists.actions, lists.not_actions) ??
      allowed(PRIVILEGED_DATA_ACTIONS, lists.data_actions, lists.not_data_actions);
    if (granted) return { verdict: 'yes', text: `custom role ${role.address}, which allows ${granted},` };
  }
  return { verdict: 'no' };
}

/** The strings of an action list, or why they cannot be read. */
function actionList(
  context: RuleContext,
  role: TfResource,
  path: readonly (string | number)[],
): readonly string[] | string {
  const list = context.read(role, path);
  // `permissions[0].actions`, as the configuration writes it.
  const name = describePlacePath(path);
  if (list.kind === 'absent') return [];
  if (list.kind !== 'known') return `${name}: ${list.reason}`;
  if (!Array.isArray(list.value)) return `${name} is not a list`;
  const actions: string[] = [];
  for (let j = 0; j < list.value.length; j++) {
    const item = context.read(role, [...path, j]);
    if (item.kind !== 'known' || typeof item.value !== 'string') return `${name}[${j}] is not a known string`;
    actions.push(item.value);
  }
  return actions;
}

/** The first operation that `actions` allow and `notActions` do not take away. */
function allowed(
  operations: readonly string[],
  actions: readonly string[],
  notActions: readonly string[],
): string | undefined {
  return operations.find(
    (operation) =>
      actions.some((pattern) => matches(pattern, operation)) &&
      !notActions.some((pattern) => matches(pattern, operation)),
  );
}

/** Azure RBAC action patterns: case-insensitive, `*` matches any run of characters. */
function matches(pattern: string, operation: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(operation);
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
