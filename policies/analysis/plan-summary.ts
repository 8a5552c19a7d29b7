/**
 * What a plan does, counted the way `terraform plan` prints it, with the changes a reviewer must not miss:
 * deleting or replacing a data-bearing resource loses the data in it.
 */
import type { TfModel, TfResource } from '../model/types';
import { isRecord } from '../model/values';
import { isDataBearing } from '../rules/data-bearing';
import { labelOf } from './inputs';
import type { ChangeAction, PlannedChange, PlanSummary } from './changes';

export { CHANGE_ACTIONS } from './changes';
export type { ChangeAction, PlannedChange, PlanSummary } from './changes';

/** Terraform's action list as one action: `["delete","create"]` and `["create","delete"]` are replacements. */
export function actionOf(actions: readonly string[]): ChangeAction {
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  const [first] = actions;
  if (first === 'create' || first === 'update' || first === 'delete' || first === 'read') return first;
  return 'no-op';
}

export function isDestructive(change: PlannedChange): boolean {
  return change.action === 'delete' || change.action === 'replace';
}

/** The plan's changes, or undefined for inputs that are not plans. */
export function planSummary(model: TfModel): PlanSummary | undefined {
  if (model.kind !== 'plan') return undefined;
  const counts: Record<ChangeAction, number> = {
    create: 0,
    update: 0,
    replace: 0,
    delete: 0,
    read: 0,
    'no-op': 0,
  };
  const changes: PlannedChange[] = [];
  for (const resource of model.resources) {
    if (!resource.change) continue;
    const change = describeChange(resource);
    counts[change.action]++;
    if (change.action !== 'no-op' && change.action !== 'read') changes.push(change);
  }
  changes.sort((a, b) => a.address.localeCompare(b.address));
  return {
    input: labelOf(model),
    counts,
    changes,
    destructive: changes.filter((c) => c.dataBearing && isDestructive(c)),
  };
}

function describeChange(resource: TfResource): PlannedChange {
  const action = actionOf(resource.change?.actions ?? []);
  const before = isRecord(resource.change?.before) ? resource.change.before.location : undefined;
  const after = isRecord(resource.change?.after) ? resource.change.after.location : undefined;
  const moved =
    action === 'replace' && typeof before === 'string' && typeof after === 'string' && before !== after;
  return {
    address: resource.address,
    type: resource.type,
    action,
    dataBearing: resource.mode === 'managed' && isDataBearing(resource.type),
    ...(moved ? { locationChange: { from: before, to: after } } : {}),
  };
}
