/**
 * What the attributes named like a place hold. The data flow treats every attribute named `location`,
 * `*_location`, `region` or `*_region` as a place, and a literal there that names no region it knows as
 * a place it cannot verify (a region added after the table, `global` inside an ARM template). A few
 * such attributes hold something else; they are listed here, each with what it holds.
 */

/**
 * Attributes named like a place whose value is no Azure region at all, by name or as `<block>.<name>`
 * where the name holds a region elsewhere.
 */
export const NOT_A_REGION: Readonly<Record<string, string>> = {
  // API Management's self-hosted gateway: where it runs, described for people (city, district, region).
  'location_data.region': 'free text describing where a self-hosted gateway runs',
  store_location: 'a certificate store on the machine (CurrentUser, LocalMachine)',
  certificate_location: 'a certificate store (CurrentUserMy, LocalMachineMy)',
  fabric_location: 'the side of a recovery plan a script runs on (Primary, Recovery)',
  secrets_location: 'the URI of the key vault holding deployment secrets',
  custom_location: 'the id of an Azure Arc custom location',
  office_location: 'free text on an Entra ID user',
  usage_location: 'the country code for an Entra ID user’s licences',
};

/** Attributes with a vocabulary of their own, judged by the rule named. */
export const OWN_VOCABULARY: Readonly<Record<string, string>> = {
  data_location: 'RES-008',
  peering_location: 'NET-009',
};

/**
 * The attributes of the provider bindings named like a place that were looked at and hold a region (or
 * a geography none of whose values is Norway, `data_residency_location`): any literal there that is not
 * a Norway region is a finding. The data flow needs no list of them (it judges every such name by
 * default); this one lets a test show which attributes a provider upgrade adds, each needing a decision.
 */
export const REGION_ATTRIBUTES: readonly string[] = [
  'location',
  'region',
  'app_location',
  'cache_location',
  'cognitive_service_location',
  'data_residency_location',
  'endpoint_location',
  'firewall_location',
  'linked_redis_cache_location',
  'private_link_resource_region',
  'remote_volume_location',
  'replication_region',
  'source_location',
  'target_resource_location',
  'workspace_region',
];

/** Values that name no other place: the resource's own region (or its pair, in Norway), or no copy. */
const OWN_REGION_VALUES: Readonly<Record<string, readonly string[]>> = {
  // API Management's external cache: `default` is the instance's own region.
  cache_location: ['default'],
  // Notification Hubs: `Default` replicates to the namespace's paired region, `None` nowhere.
  replication_region: ['default', 'none'],
};

/** ExpressRoute peering locations in Norway (where a circuit or port meets Microsoft's network), lower-cased. */
export const NORWAY_PEERING_LOCATIONS: ReadonlySet<string> = new Set(['oslo', 'stavanger']);

/**
 * Whether a literal `text` at the attribute `key` (inside the block `block`, if any) should name an
 * Azure region: not for attributes that hold something else or have their own vocabulary, nor for values
 * that name the resource's own region.
 */
export function holdsRegion(key: string, text: string, block?: string): boolean {
  if (Object.hasOwn(NOT_A_REGION, key) || Object.hasOwn(OWN_VOCABULARY, key)) return false;
  if (block !== undefined && Object.hasOwn(NOT_A_REGION, `${block}.${key}`)) return false;
  const own = Object.hasOwn(OWN_REGION_VALUES, key) ? OWN_REGION_VALUES[key] : undefined;
  return !own?.includes(text.trim().toLowerCase());
}
