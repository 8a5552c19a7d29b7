/**
 * The two Azure regions in Norway and what each can do.
 *
 * This module is plain TypeScript with no cdktf import on purpose: the policy engine (which must run
 * without cdktf) and the constructs share it, so "what counts as Norway" is written down exactly once.
 */

/** The programmatic name of an Azure region in Norway. */
export type NorwayRegion = 'norwayeast' | 'norwaywest';

export const NORWAY_EAST: NorwayRegion = 'norwayeast';
export const NORWAY_WEST: NorwayRegion = 'norwaywest';
export const NORWAY_REGIONS: readonly NorwayRegion[] = [NORWAY_EAST, NORWAY_WEST];

/** Storage account replication types (azurerm `account_replication_type`). */
export type StorageReplication = 'LRS' | 'ZRS' | 'GRS' | 'RAGRS' | 'GZRS' | 'RAGZRS';

export interface RegionCapabilities {
  readonly region: NorwayRegion;
  readonly displayName: string;
  /** Availability zones the region offers; empty when it has none. */
  readonly zones: readonly string[];
  /** Storage replication types the region supports. */
  readonly storageReplication: readonly StorageReplication[];
  /** The paired region, where every geo-redundant copy goes. */
  readonly pair: NorwayRegion;
  /**
   * Whether a subscription must be granted access before it can deploy here. Norway West is meant for
   * in-country disaster recovery; our constructs require an explicit opt-in to use it.
   */
  readonly accessRestricted: boolean;
}

export const REGION_CAPABILITIES: Readonly<Record<NorwayRegion, RegionCapabilities>> = {
  norwayeast: {
    region: 'norwayeast',
    displayName: 'Norway East',
    zones: ['1', '2', '3'],
    storageReplication: ['LRS', 'ZRS', 'GRS', 'RAGRS', 'GZRS', 'RAGZRS'],
    pair: 'norwaywest',
    accessRestricted: false,
  },
  norwaywest: {
    region: 'norwaywest',
    displayName: 'Norway West',
    zones: [],
    storageReplication: ['LRS', 'GRS', 'RAGRS'],
    pair: 'norwayeast',
    accessRestricted: true,
  },
};

/** Replication types that need availability zones in the primary region. */
export const ZONE_DEPENDENT_REPLICATION: readonly StorageReplication[] = ['ZRS', 'GZRS', 'RAGZRS'];

/**
 * Normalise a location exactly as the azurerm provider does before it compares or sends it:
 * lower-case and remove spaces. "Norway East" and "norwayeast" are the same region.
 */
export function normaliseLocation(location: string): string {
  return location.toLowerCase().replace(/ /g, '');
}

/** True when `location`, as the provider would normalise it, is one of the two Norway regions. */
export function isNorwayLocation(location: string): boolean {
  // Non-ASCII is rejected before lower-casing: toLowerCase folds some look-alikes (the Kelvin sign) into ASCII.
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(location)) return false;
  return (NORWAY_REGIONS as readonly string[]).includes(normaliseLocation(location));
}

/** Thrown when a string is not one of the two Norway regions. */
export class InvalidRegionError extends Error {
  constructor(
    readonly input: string,
    detail: string,
  ) {
    super(
      `${JSON.stringify(input)} is not a Norway region: ${detail}. ` +
        `Allowed: ${NORWAY_REGIONS.map((r) => `'${r}' (${REGION_CAPABILITIES[r].displayName})`).join(' or ')}.`,
    );
    this.name = 'InvalidRegionError';
  }
}

/**
 * Parse what a person typed ("Norway East", "NORWAYEAST", " norwayeast ") into a `NorwayRegion`.
 * Everything else is rejected with a message naming the input and the allowed values, including
 * look-alikes: Unicode letters that look Latin, "norway-east", "norwayeastt".
 */
export function parseNorwayRegion(input: unknown): NorwayRegion {
  if (typeof input !== 'string') {
    throw new InvalidRegionError(
      String(input),
      `expected a string, got ${input === null ? 'null' : typeof input}`,
    );
  }
  const trimmed = input.trim();
  const nonAscii = [...trimmed].find((ch) => ch.codePointAt(0)! > 0x7f);
  if (nonAscii !== undefined) {
    const code = nonAscii.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new InvalidRegionError(
      input,
      `it contains the non-ASCII character '${nonAscii}' (U+${code}), a look-alike or invisible character that Azure does not accept as a Norway region`,
    );
  }
  const normalised = normaliseLocation(trimmed);
  if ((NORWAY_REGIONS as readonly string[]).includes(normalised)) return normalised as NorwayRegion;
  const squashed = normalised.replace(/[^a-z]/g, '');
  const near = NORWAY_REGIONS.find((r) => r === squashed || editDistanceAtMostOne(r, squashed));
  throw new InvalidRegionError(
    input,
    near
      ? `it is not spelled exactly as Azure spells it (did you mean '${near}'?)`
      : 'Azure would place it outside Norway',
  );
}

/** The capabilities of a region. */
export function regionCapabilities(region: NorwayRegion): RegionCapabilities {
  return REGION_CAPABILITIES[region];
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
