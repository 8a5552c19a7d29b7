/** What a checked input contains: resources by type and by location, for the summary a reviewer reads first. */
import { azureType } from '../azure/catalogue';
import { Resolver } from '../model/resolve';
import type { TfModel, Workspace } from '../model/types';
import { placeOf } from './residency-map';

export interface Inventory {
  readonly resources: number;
  readonly dataSources: number;
  /** Managed resources by type, most frequent first, then by name. */
  readonly byType: readonly (readonly [string, number])[];
  /**
   * Managed resources by location: a region name, `global`, `unknown` (cannot be resolved before apply)
   * or `(none)` for types without a location of their own.
   */
  readonly byLocation: readonly (readonly [string, number])[];
}

export const NO_LOCATION = '(none)';
export const UNKNOWN_LOCATION = 'unknown';
export const GLOBAL_LOCATION = 'global';

export function inventory(
  workspace: Workspace,
  model: TfModel,
  resolver: Resolver = new Resolver(workspace),
): Inventory {
  const types = new Map<string, number>();
  const locations = new Map<string, number>();
  let dataSources = 0;
  const managed = model.resources.filter((r) => {
    if (r.mode === 'data') dataSources++;
    return r.mode === 'managed' && !(r.change?.actions.length === 1 && r.change.actions[0] === 'delete');
  });
  for (const resource of managed) {
    bump(types, resource.type);
    if (!resolver.isWritten(resource, 'location')) {
      // A type the catalogue knows to be global (private DNS, Front Door) is global without saying so.
      bump(locations, azureType(resource.type)?.location === 'global' ? GLOBAL_LOCATION : NO_LOCATION);
      continue;
    }
    const place = placeOf(resolver.value(model, resource, 'location'));
    bump(locations, place.location ?? UNKNOWN_LOCATION);
  }
  return {
    resources: managed.length,
    dataSources,
    byType: sortCounts(types),
    byLocation: sortCounts(locations),
  };
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sortCounts(map: Map<string, number>): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
