import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
import { asBoolean, resourceKey, unresolvedNote } from '../attributes';
import { DATA_BEARING_CHILD_TYPES, DATA_BEARING_TYPES } from '../data-bearing';

/** Top-level data stores that need their own protection. */
export const PROTECTED_TYPES: readonly string[] = [...DATA_BEARING_TYPES].filter(
  (t) => !DATA_BEARING_CHILD_TYPES.has(t),
);

export const BCK_002 = defineRule({
  id: 'BCK-002',
  title: 'Data stores are protected from deletion (prevent_destroy and a CanNotDelete lock)',
  severity: 'error',
  rationale:
    'Deleting a data store deletes the patient data in it. lifecycle.prevent_destroy stops Terraform from planning it; a CanNotDelete management lock stops everyone else, including a pipeline with a bad plan.',
  anchors: {
    mcsb: ['BR-2'],
    regulation: ['Loses no data: patient records must be kept (pasientjournalloven)'],
  },
  resourceTypes: PROTECTED_TYPES,
  fix: 'Add lifecycle { prevent_destroy = true } and an azurerm_management_lock with lock_level = "CanNotDelete" whose scope is the store or its resource group (our constructs do this with lock).',
  *check(context) {
    const locked = indexLocks(context);
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      // Plans do not carry lifecycle settings; the configuration that produced the plan is checked for them.
      if (context.model.kind !== 'plan' && asBoolean(resource.preventDestroy) !== true) {
        const why =
          resource.preventDestroy === undefined
            ? 'no lifecycle.prevent_destroy'
            : `lifecycle.prevent_destroy = ${JSON.stringify(resource.preventDestroy)}`;
        yield { resource, message: `${why}.` };
      }
      if (!hasLock(context, locked, resource)) {
        yield {
          resource,
          message: `no CanNotDelete management lock on itself or its resource group in this configuration${unresolvedNote('the lock', locked.unresolved)}.`,
        };
      }
    }
  },
});

interface LockIndex {
  /** Resources (stores or resource groups) a CanNotDelete lock points at. */
  readonly resources: Set<string>;
  /** Names of resource groups locked by a literal scope or a reference we resolved. */
  readonly groupNames: Set<string>;
  /** CanNotDelete locks whose scope could not be resolved. */
  readonly unresolved: string[];
}

function indexLocks(context: RuleContext): LockIndex {
  const index: LockIndex = { resources: new Set(), groupNames: new Set(), unresolved: [] };
  const { model } = context;
  for (const lock of model.byType.get('azurerm_management_lock') ?? []) {
    if (lock.mode !== 'managed') continue;
    const level = context.read(lock, 'lock_level');
    if (level.kind !== 'known' || String(level.value).toLowerCase() !== 'cannotdelete') continue;
    const scope = context.target(lock, 'scope');
    if (scope.kind === 'resource') {
      index.resources.add(resourceKey(scope.model, scope.resource));
      if (scope.resource.type === 'azurerm_resource_group') {
        const name = context.read(scope.resource, 'name');
        if (name.kind === 'known' && typeof name.value === 'string')
          index.groupNames.add(name.value.toLowerCase());
      }
    } else if (scope.kind === 'external') {
      // A literal resource group id: /subscriptions/<s>/resourceGroups/<name>
      const match = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)\/?$/i.exec(scope.value);
      if (match) index.groupNames.add(match[1].toLowerCase());
      else index.unresolved.push(lock.address);
    } else if (scope.kind === 'unknown') {
      index.unresolved.push(lock.address);
    }
  }
  return index;
}

function hasLock(context: RuleContext, index: LockIndex, resource: TfResource): boolean {
  if (index.resources.has(resourceKey(context.model, resource))) return true;
  // `resource_group_name = azurerm_resource_group.rg.name`: the group itself, even if its name is not known yet.
  const group = context.target(resource, 'resource_group_name');
  if (
    group.kind === 'resource' &&
    group.resource.type === 'azurerm_resource_group' &&
    index.resources.has(resourceKey(group.model, group.resource))
  )
    return true;
  const name = groupOf(context, resource);
  return name !== undefined && index.groupNames.has(name);
}

/** The resolved name of the resource group the resource lives in. */
function groupOf(context: RuleContext, resource: TfResource): string | undefined {
  const name = context.read(resource, 'resource_group_name');
  return name.kind === 'known' && typeof name.value === 'string' ? name.value.toLowerCase() : undefined;
}
