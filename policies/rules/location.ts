/** Shared by the residency rules: is a resolved location (or the resource an id points at) in Norway? */
import { isNorwayLocation, NORWAY_REGIONS } from '../../constructs/core/region';
import type { Resolved } from '../model/resolve';
import type { RuleContext } from './rule';
import { NOT_IN_ESTATE } from '../model/resolve';
import type { TfResource } from '../model/types';
import { Path } from './attributes';

const ALLOWED = NORWAY_REGIONS.join(' or ');

/** `/subscriptions/…/providers/Microsoft.Sql/locations/<region>/…` */
const LOCATION_IN_ID = /\/providers\/[^/]+\/locations\/([^/]+)\//i;

/** A problem description when `resolved` is not provably a Norway region; undefined when it is. */
export function locationProblem(resolved: Resolved, what: string): string | undefined {
  switch (resolved.kind) {
    case 'known':
      if (typeof resolved.value === 'string' && isNorwayLocation(resolved.value)) return undefined;
      return `${what} is ${JSON.stringify(resolved.value)}, outside Norway (allowed: ${ALLOWED})`;
    case 'oneOf': {
      const outside = resolved.values.filter((v) => typeof v !== 'string' || !isNorwayLocation(v));
      return outside.length === 0
        ? undefined
        : `${what} may be ${outside.map((v) => JSON.stringify(v)).join(', ')}, outside Norway (${resolved.reason})`;
    }
    case 'unknown':
      return `${what} cannot be verified before apply: ${resolved.reason}; a value that cannot be resolved counts as outside Norway`;
    case 'absent':
      return `${what} is not set`;
  }
}

/**
 * Where the resource an attribute points at lives. Fails closed: an id outside the checked configuration,
 * or one that cannot be resolved, is a problem. An attribute that is not set is no problem here.
 */
export function targetLocationProblem(
  context: RuleContext,
  resource: TfResource,
  path: Path,
  what: string,
): string | undefined {
  const target = context.target(resource, path);
  switch (target.kind) {
    case 'absent':
      return undefined;
    case 'external': {
      // Some ids name their region (long-term retention backups, restorable dropped databases).
      const region = LOCATION_IN_ID.exec(target.value);
      if (region)
        return locationProblem({ kind: 'known', value: region[1] }, `the region in ${what} ${target.value}`);
      return `${what} ${target.value} points at a resource that is ${NOT_IN_ESTATE}`;
    }
    case 'unknown':
      return `${what} cannot be resolved: ${target.reason}`;
    case 'resource':
      return locationProblem(
        context.locationOf(target.resource),
        `the location of ${what} ${target.resource.address}`,
      );
  }
}
