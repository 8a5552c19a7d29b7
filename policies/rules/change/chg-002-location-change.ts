import { normaliseLocation } from '../../../constructs/core/region';
import { defineRule } from '../rule';
import { isRecord } from '../../model/values';

export const CHG_002 = defineRule({
  id: 'CHG-002',
  title: "A plan does not change a resource's location",
  severity: 'error',
  rationale:
    'Changing location forces Terraform to destroy the resource and create a new one elsewhere: the data is lost, and the new location may not be in Norway.',
  anchors: { regulation: ['GDPR chapter V', 'Loses no data'] },
  resourceTypes: 'all',
  inputs: ['plan'],
  fix: 'Keep the existing location; move data between regions with a planned migration (replication, then cut-over), never by editing location.',
  *check(context) {
    for (const resource of context.resources) {
      const change = resource.change;
      if (resource.mode !== 'managed' || !change || !isRecord(change.before)) continue;
      const before = change.before.location;
      if (typeof before !== 'string' || change.actions.every((a) => a === 'no-op' || a === 'read')) continue;
      if (change.actions.length === 1 && change.actions[0] === 'delete') continue;
      // The location after apply, with references followed (an unknown copied from a group that stays put).
      const resolved = context.read(resource, 'location');
      const after = resolved.kind === 'known' ? resolved.value : undefined;
      if (resolved.kind === 'unknown' || resolved.kind === 'oneOf') {
        yield {
          resource,
          message: `location changes from ${before} to a value only known after apply.`,
        };
      } else if (typeof after === 'string' && normaliseLocation(after) !== normaliseLocation(before)) {
        yield {
          resource,
          message: `location changes from ${before} to ${after}, which replaces the resource.`,
        };
      }
    }
  },
});
