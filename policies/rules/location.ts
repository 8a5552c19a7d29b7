/** Shared by the residency rules: is a resolved location (or the resource an id points at) in Norway? */
import { isNorwayLocation, NORWAY_REGIONS } from '../../constructs/core/region';
import type { Resolved, Target } from '../model/resolve';
import type { RuleContext } from '../engine/rule';
import type { TfResource } from '../model/types';

const ALLOWED = NORWAY_REGIONS.join(' or ');

/** A problem description when `resolved` is not provably a Norway region; undefined when it is. */
export function locationProblem(resolved: Resolved, what: string): string | undefined {
  switch (resolved.kind) {
    case 'known':
      if (typeof resolved.value === 'string' && isNorwayLocation(resolved.value)) return undefined;
      return `${what} is ${JSON.stringify(resolved.value)}, outside Norway (allowed: ${ALLOWED})`;
    case 'oneOf': {
      const outside = resolved.values.filter((v) => typeof v !== 'string' || !isNorwayLocation(v));
      return outside.length === 0 ? undefined : `${what} may be ${outside.map((v) => JSON.stringify(v)).join(', ')}, outside Norway (${resolved.reason})`;
    }
    case 'unknown':
      return `${what} cannot be verified before apply: ${resolved.reason}; a value that cannot be resolved counts as outside Norway`;
    case 'absent':
      return `${what} is not set`;
  }
}

/**
 * Where the resource an attribute points at lives. Fails closed: an id outside the checked configuration,
 * or one that cannot be resolved, is a problem.
 */
export function targetLocationProblem(context: RuleContext, resource: TfResource, path: string, what: string): string | undefined {
  const target: Target = context.resolver.target(context.model, resource, path);
  switch (target.kind) {
    case 'absent':
      return undefined;
    case 'external':
      return `${what} ${target.value} is outside the checked configuration, so its location cannot be verified`;
    case 'unknown':
      return `${what} cannot be resolved: ${target.reason}`;
    case 'resource': {
      if (!('location' in target.resource.values) && target.resource.valuesAreExpressions) {
        return `${what} ${target.resource.address} has no location to verify`;
      }
      const problem = locationProblem(
        context.resolver.value(target.model, target.resource, 'location'),
        `the location of ${what} ${target.resource.address}`,
      );
      return problem;
    }
  }
}
