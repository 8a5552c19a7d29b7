import { defineRule } from '../rule';
import { locationProblem } from '../location';

/** Types whose location is `global` by design; RES-002 decides about them. */
const GLOBAL_VALUE = 'global';

export const RES_001 = defineRule({
  id: 'RES-001',
  title: 'Every resource with a location is in Norway',
  severity: 'error',
  rationale:
    'Patient data and the systems that process it must stay in Norway. A resource outside norwayeast/norwaywest moves data abroad the moment it is created.',
  anchors: { regulation: ['Azure Policy Allowed locations', 'GDPR chapter V'] },
  resourceTypes: 'all',
  fix: "Set location to 'norwayeast' (or 'norwaywest' for disaster recovery); with our constructs, pass a NorwayRegion.",
  *check(context) {
    const { resources } = context;
    for (const resource of resources) {
      if (resource.mode !== 'managed') continue;
      if (!context.isWritten(resource, 'location')) continue;
      // Its own location; one the provider computes (unknown in a plan, never configured) is its parent's.
      const resolved = context.locationOf(resource);
      if (
        resolved.kind === 'known' &&
        typeof resolved.value === 'string' &&
        resolved.value.toLowerCase() === GLOBAL_VALUE
      )
        continue;
      const problem = locationProblem(resolved, 'location');
      if (problem) yield { resource, message: `${problem}.` };
    }
  },
});
