/** Shared by the residency rules: is a resolved location (or the resource an id points at) in Norway? */
import { isNorwayLocation, NORWAY_REGIONS } from '../../constructs/core/region';
import type { Resolved } from '../model/resolve';
import type { RuleContext } from '../engine/rule';
import { isUnknownAt } from '../model/resolve';
import type { TfModel, TfResource } from '../model/types';
import { azureType } from '../azure/catalogue';
import { isWritten, Path, targetOf } from './attributes';

const ALLOWED = NORWAY_REGIONS.join(' or ');

/**
 * The attribute through which a resource without a `location` of its own finds its parent, as the
 * catalogue records it: the first of the type's parent attributes that is written, else the first. A
 * name reference (`namespace_name = azurerm_eventhub_namespace.ns.name`) works as well as an id, since
 * both resolve to the parent resource. Undefined for types that live nowhere (role assignments).
 */
export function parentAttribute(resource: TfResource): string | undefined {
  const entry = azureType(resource.type);
  if (entry?.location !== 'inherited' || !entry.parents) return undefined;
  return entry.parents.find((p) => isWritten(resource, p)) ?? entry.parents[0];
}

const MAX_PARENT_HOPS = 4;

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

/** Whether the resource carries a location of its own (written, or unknown in a plan). */
export function hasOwnLocation(resource: TfResource): boolean {
  return (
    'location' in resource.values ||
    (!resource.valuesAreExpressions && isUnknownAt(resource.change?.afterUnknown, ['location']))
  );
}

/**
 * The location of a resource, following parents for child resources; as a `Resolved` so rules can tell
 * norwayeast from norwaywest. A child without a known parent is unknown.
 */
export function resourceLocation(
  context: RuleContext,
  model: TfModel,
  resource: TfResource,
  hops = 0,
): Resolved {
  if (hasOwnLocation(resource)) return context.resolver.value(model, resource, 'location');
  const parent = parentAttribute(resource);
  if (!parent || hops >= MAX_PARENT_HOPS)
    return { kind: 'unknown', reason: `${resource.address} has no location to verify` };
  const target = targetOf(context.resolver, model, resource, parent);
  switch (target.kind) {
    case 'resource':
      return resourceLocation(context, target.model, target.resource, hops + 1);
    case 'external':
      return {
        kind: 'unknown',
        reason: `the parent of ${resource.address} (${target.value}) is outside the checked configuration`,
      };
    case 'unknown':
      return {
        kind: 'unknown',
        reason: `the parent of ${resource.address} cannot be resolved: ${target.reason}`,
      };
    case 'absent':
      return { kind: 'unknown', reason: `${resource.address} names no parent (${parent})` };
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
  const target = targetOf(context.resolver, context.model, resource, path);
  switch (target.kind) {
    case 'absent':
      return undefined;
    case 'external': {
      // Some ids name their region (long-term retention backups, restorable dropped databases).
      const region = LOCATION_IN_ID.exec(target.value);
      if (region)
        return locationProblem({ kind: 'known', value: region[1] }, `the region in ${what} ${target.value}`);
      return `${what} ${target.value} is outside the checked configuration, so its location cannot be verified`;
    }
    case 'unknown':
      return `${what} cannot be resolved: ${target.reason}`;
    case 'resource':
      return locationProblem(
        resourceLocation(context, target.model, target.resource),
        `the location of ${what} ${target.resource.address}`,
      );
  }
}
