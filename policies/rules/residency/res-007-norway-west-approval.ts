import { normaliseLocation } from '../../../constructs/core/region';
import { defineRule } from '../rule';
import { isRecord } from '../../model/values';

/**
 * The tag that records why a resource is in the access-restricted Norway West region: a disaster-recovery
 * purpose or an approval reference. Any non-empty value is accepted; reviewers read it.
 */
export const NORWAY_WEST_APPROVAL_TAG = 'dr-approval';

export const RES_007 = defineRule({
  id: 'RES-007',
  title: 'Resources in Norway West carry a disaster-recovery approval tag',
  severity: 'warning',
  rationale:
    'Norway West is access-restricted and meant for in-country disaster recovery. A resource there without a recorded purpose is usually a mistake, and reviewers need to see the approval next to the resource.',
  anchors: { regulation: ['Azure region access policy for Norway West'] },
  resourceTypes: 'all',
  fix: `Add the tag "${NORWAY_WEST_APPROVAL_TAG}" with the disaster-recovery purpose or approval reference, or deploy to norwayeast.`,
  *check(context) {
    const { resources } = context;
    for (const resource of resources) {
      if (resource.mode !== 'managed' || !('location' in resource.values)) continue;
      const location = context.read(resource, 'location');
      if (
        location.kind !== 'known' ||
        typeof location.value !== 'string' ||
        normaliseLocation(location.value) !== 'norwaywest'
      )
        continue;
      const tag = context.read(resource, ['tags', NORWAY_WEST_APPROVAL_TAG]);
      if (tag.kind === 'known' && isApproval(tag.value)) continue;
      // A variable whose validation admits only non-empty values always yields an approval.
      if (tag.kind === 'oneOf' && tag.values.every(isApproval)) continue;
      const tags = context.read(resource, 'tags');
      const written = resource.values.tags;
      const why =
        tag.kind === 'unknown' ||
        tag.kind === 'oneOf' ||
        (tags.kind === 'unknown' && !(isRecord(written) && NORWAY_WEST_APPROVAL_TAG in written)) ||
        hasExpressionKey(resource.valuesAreExpressions, written)
          ? `its tags cannot be verified before apply`
          : `it has no non-empty "${NORWAY_WEST_APPROVAL_TAG}" tag`;
      yield { resource, message: `in norwaywest, but ${why}.` };
    }
  },
});

/** Tag values are strings; Terraform turns a number or bool into one, so those are approvals too. */
function isApproval(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  return typeof value === 'string' && value.trim() !== '';
}

/** A key written as an expression (`"${var.name}" = …`) may turn out to be the approval tag. */
function hasExpressionKey(valuesAreExpressions: boolean, tags: unknown): boolean {
  return valuesAreExpressions && isRecord(tags) && Object.keys(tags).some((key) => key.includes('${'));
}
