/**
 * What the attributes named like a place hold. The data flow treats every attribute named `location`,
 * `*_location`, `region` or `*_region` (or, in ARM and azapi bodies, `*Location`, `*Region`) as a place,
 * and a literal there that names no region it knows as a place it cannot verify (a region added after
 * the table, `global` inside an ARM template). A few such attributes hold something else; they are
 * listed here by their Terraform (snake_case) name, each with what it holds.
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
  // azurerm 4.5x and later (Managed DevOps Pools): where a pool's machines keep fetched certificates.
  certificate_store_location: 'a certificate store on the machine',
  fabric_location: 'the side of a recovery plan a script runs on (Primary, Recovery)',
  secrets_location: 'the URI of the key vault holding deployment secrets',
  custom_location: 'the id of an Azure Arc custom location',
  office_location: 'free text on an Entra ID user',
  usage_location: 'the country code for an Entra ID user’s licences',
};

/** A vocabulary of places other than regions: the values that mean Norway, as the provider spells them. */
export interface PlaceVocabulary {
  /** The rule that judges the attribute at the top level of these Terraform types (elsewhere RES-004 does). */
  readonly judgedBy: { readonly rule: string; readonly types: readonly string[] };
  readonly norway: readonly string[];
}

/** Attributes whose values are places of another kind than a region. */
export const OWN_VOCABULARY: Readonly<Record<string, PlaceVocabulary>> = {
  // Communication services keep data in a geography: `Europe`, `Norway`, `United States`, …
  data_location: {
    judgedBy: {
      rule: 'RES-008',
      types: ['azurerm_communication_service', 'azurerm_email_communication_service'],
    },
    norway: ['Norway'],
  },
  // Where an ExpressRoute circuit or port meets Microsoft's network.
  peering_location: {
    judgedBy: { rule: 'NET-009', types: ['azurerm_express_route_circuit', 'azurerm_express_route_port'] },
    norway: ['Oslo', 'Stavanger'],
  },
};

/**
 * Attributes that hold a geography of a service that offers none in Norway: every value is outside
 * Norway, and the finding says which geographies there are.
 */
export const GEOGRAPHY_WITHOUT_NORWAY: Readonly<Record<string, string>> = {
  // azurerm_aadb2c_directory: `United States`, `Europe`, `Asia Pacific`, `Australia`.
  data_residency_location:
    'an Azure AD B2C directory keeps its data in the United States, Europe, Asia Pacific or Australia, none of them in Norway',
};

/**
 * The attributes of the provider bindings named like a place that were looked at and hold a region: any
 * literal there that is not a Norway region is a finding. The data flow needs no list of them (it judges
 * every such name by default); this one lets a test show which attributes a provider upgrade adds, each
 * needing a decision.
 */
export const REGION_ATTRIBUTES: readonly string[] = [
  'location',
  'region',
  'app_location',
  'cache_location',
  'cognitive_service_location',
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

/** Whether another rule judges `attribute` at the top level of a resource of `type`. */
export function judgedByOwnRule(type: string, attribute: string): boolean {
  return Object.hasOwn(OWN_VOCABULARY, attribute) && OWN_VOCABULARY[attribute].judgedBy.types.includes(type);
}

/** ExpressRoute peering locations in Norway, lower-cased. */
export const NORWAY_PEERING_LOCATIONS: ReadonlySet<string> = new Set(
  OWN_VOCABULARY.peering_location.norway.map((name) => name.toLowerCase()),
);

/** What a literal at a location-like attribute names that must be judged: a region, or a place of a vocabulary. */
export interface LiteralPlace {
  /** For a vocabulary's value outside Norway: the values allowed. Undefined: the literal should be a region. */
  readonly allowed?: readonly string[];
  /** For a geography of a service that offers none in Norway: which geographies it offers. */
  readonly noNorway?: string;
}

const REGION: LiteralPlace = Object.freeze({});

/**
 * What the literal `text` (which names no known region) at the attribute `key`, inside the block `block`
 * if any, leaves to judge: undefined when it names no place (the attribute holds something else, the
 * value means the resource's own region, or a vocabulary's value in Norway); else a region the tool
 * cannot verify, or a vocabulary's place outside Norway. Keys of ARM and azapi bodies are camelCase.
 */
export function literalPlace(key: string, text: string, block?: string): LiteralPlace | undefined {
  const name = snakeCase(key);
  if (Object.hasOwn(NOT_A_REGION, name)) return undefined;
  if (block !== undefined && Object.hasOwn(NOT_A_REGION, `${snakeCase(block)}.${name}`)) return undefined;
  const geography = geographyWithoutNorway(name);
  if (geography) return geography;
  const value = text.trim().toLowerCase();
  if (Object.hasOwn(OWN_VOCABULARY, name)) {
    const { norway } = OWN_VOCABULARY[name];
    return norway.some((place) => place.toLowerCase() === value) ? undefined : { allowed: norway };
  }
  const own = Object.hasOwn(OWN_REGION_VALUES, name) ? OWN_REGION_VALUES[name] : undefined;
  return own?.includes(value) ? undefined : REGION;
}

/**
 * For an attribute holding a geography of a service that offers none in Norway, what it leaves to judge
 * whatever its value: even a Norway region's name there places no data in Norway.
 */
export function geographyWithoutNorway(key: string): LiteralPlace | undefined {
  const name = snakeCase(key);
  return Object.hasOwn(GEOGRAPHY_WITHOUT_NORWAY, name)
    ? { noNorway: GEOGRAPHY_WITHOUT_NORWAY[name] }
    : undefined;
}

/** `replicaLocation` → `replica_location`; snake_case stays as it is. */
function snakeCase(key: string): string {
  return /[A-Z]/.test(key) ? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : key;
}
