/**
 * The residency map's shapes and the pure helpers that describe them: what reporters need to format a
 * map, without the model, the resolver or the catalogue (residency-map.ts computes the map).
 */

export type PlaceStatus = 'norway' | 'outside' | 'unknown';

/** Where something lives, as far as the inputs tell. */
export interface Place {
  /** Normalised region name when known (`norwayeast`, `westeurope`). */
  readonly location?: string;
  readonly status: PlaceStatus;
  /** Why it is unknown, or how it was derived ("paired region of norwayeast"). */
  readonly detail?: string;
}

export type CopyKind = 'replica' | 'backup' | 'logs' | 'key';

export interface DataCopy {
  readonly kind: CopyKind;
  /** What makes the copy: an attribute (`account_replication_type = GRS`) or a resource address. */
  readonly via: string;
  /** The resource (address) or external id holding the copy, when there is one. */
  readonly target?: string;
  readonly place: Place;
}

export interface DataResidency {
  /** The data store's Terraform address. */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly primary: Place;
  /** Sorted by kind, then target/via, so reports are stable. */
  readonly copies: readonly DataCopy[];
}

/** Where a stack's Terraform state lives: the state holds a copy of every attribute, secrets included. */
export interface StatePlace {
  readonly backend: string;
  /** The state storage account's address when it is among the checked inputs. */
  readonly account?: string;
  readonly place: Place;
}

/** Whether the map shows a copy (or primary) outside Norway or unresolved. */
export function hasResidencyConcern(entry: DataResidency): boolean {
  return entry.primary.status !== 'norway' || entry.copies.some((c) => c.place.status !== 'norway');
}

/** Without a region, what the status says: known to be in Norway, known to be outside, or not known. */
const STATUS_TEXT: Record<PlaceStatus, string> = {
  norway: 'in Norway',
  outside: 'outside Norway',
  unknown: 'unknown',
};

/** `norwaywest (paired region of norwayeast)`; without a region, the status (`in Norway (one of …)`). */
export function describePlace(place: Place): string {
  const where = place.location || STATUS_TEXT[place.status];
  return place.detail ? `${where} (${place.detail})` : where;
}
