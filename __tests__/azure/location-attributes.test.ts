import { join } from 'node:path';
import {
  geographyWithoutNorway,
  judgedByOwnRule,
  literalPlace,
  GEOGRAPHY_WITHOUT_NORWAY,
  NORWAY_PEERING_LOCATIONS,
  NOT_A_REGION,
  OWN_VOCABULARY,
  REGION_ATTRIBUTES,
} from '../../policies/azure/location-attributes';
import { readProviderBindings } from '../../scripts/read-provider-bindings';

const PROVIDERS = ['@cdktf/provider-azurerm', '@cdktf/provider-azuread'].map((name) =>
  join(__dirname, '..', '..', 'node_modules', name),
);

/** What the data flow treats as one place: `location`, `*_location`, `region`, `*_region`. */
const LOCATION_LIKE = /(^|_)(location|region)$/;

describe('attributes named like a place', () => {
  const REGION = {};
  test.each<[string, string, string | undefined, { allowed?: string[]; noNorway?: string } | undefined]>([
    ['remote_volume_location', 'atlantis', undefined, REGION],
    ['region', 'Oslo', 'itsm_receiver', REGION],
    ['region', 'Oslo', 'location_data', undefined],
    ['region', 'Oslo', 'locationData', undefined],
    ['store_location', 'LocalMachine', undefined, undefined],
    ['storeLocation', 'LocalMachine', undefined, undefined],
    ['usage_location', 'NO', undefined, undefined],
    ['data_location', 'Norway', undefined, undefined],
    ['dataLocation', ' norway ', undefined, undefined],
    ['data_location', 'Europe', undefined, { allowed: ['Norway'] }],
    ['peering_location', 'Stavanger', undefined, undefined],
    ['peeringLocation', 'Amsterdam', undefined, { allowed: ['Oslo', 'Stavanger'] }],
    ['cache_location', 'default', undefined, undefined],
    ['cache_location', ' Default ', undefined, undefined],
    ['cache_location', 'atlantis', undefined, REGION],
    ['replication_region', 'None', undefined, undefined],
    ['replicationRegion', 'Default', undefined, undefined],
    ['replication_region', 'atlantis', undefined, REGION],
    ['location', 'default', undefined, REGION],
    ['secondaryLocation', 'global', undefined, REGION],
    [
      'data_residency_location',
      'Europe',
      undefined,
      { noNorway: GEOGRAPHY_WITHOUT_NORWAY.data_residency_location },
    ],
    [
      'dataResidencyLocation',
      'Norway',
      undefined,
      { noNorway: GEOGRAPHY_WITHOUT_NORWAY.data_residency_location },
    ],
  ])('%s = %j (in block %s) leaves to judge: %j', (key, text, block, expected) => {
    expect(literalPlace(key, text, block)).toEqual(expected);
  });

  test.each<[string, { noNorway: string } | undefined]>([
    ['data_residency_location', { noNorway: GEOGRAPHY_WITHOUT_NORWAY.data_residency_location }],
    ['dataResidencyLocation', { noNorway: GEOGRAPHY_WITHOUT_NORWAY.data_residency_location }],
    ['location', undefined],
    ['data_location', undefined],
  ])('%s holds a geography without Norway: %j', (key, expected) => {
    expect(geographyWithoutNorway(key)).toEqual(expected);
  });

  test.each<[string, string, boolean]>([
    ['azurerm_communication_service', 'data_location', true],
    ['azurerm_email_communication_service', 'data_location', true],
    ['azurerm_express_route_port', 'peering_location', true],
    // Another type with such an attribute is left to RES-004: no rule would judge it otherwise.
    ['azurerm_some_new_service', 'data_location', false],
    ['azurerm_express_route_circuit', 'data_location', false],
    ['azurerm_communication_service', 'location', false],
  ])('%s.%s is judged by its own rule: %s', (type, attribute, expected) => {
    expect(judgedByOwnRule(type, attribute)).toBe(expected);
  });

  test('ExpressRoute peering locations in Norway are Oslo and Stavanger', () => {
    expect([...NORWAY_PEERING_LOCATIONS].sort()).toEqual(['oslo', 'stavanger']);
  });

  test('every location-like argument of the provider bindings is decided: a region, or listed with what it holds', () => {
    const decided = new Set([
      ...REGION_ATTRIBUTES,
      ...Object.keys(NOT_A_REGION).map((name) => name.split('.').pop()!),
      ...Object.keys(OWN_VOCABULARY),
      ...Object.keys(GEOGRAPHY_WITHOUT_NORWAY),
    ]);
    const undecided = new Set<string>();
    const seen = new Set<string>();
    for (const dir of PROVIDERS)
      for (const type of readProviderBindings(dir).types)
        for (const attribute of type.attributes) {
          const name = attribute.path.split('.').pop()!;
          // Blocks (`geo_location { … }`) hold attributes, not a value: the walk looks inside them.
          if (!attribute.argument || attribute.block || !LOCATION_LIKE.test(name)) continue;
          seen.add(name);
          if (!decided.has(name)) undecided.add(`${type.type}.${attribute.path}`);
        }
    expect([...undecided]).toEqual([]);
    // The lists hold names the data flow treats as places (a newer provider may add some, so a name the
    // installed bindings lack is no error: the CDK Terrain leg runs a newer provider than the pin).
    const listed = [
      ...REGION_ATTRIBUTES,
      ...Object.keys(NOT_A_REGION).map((name) => name.split('.').pop()!),
      ...Object.keys(OWN_VOCABULARY),
      ...Object.keys(GEOGRAPHY_WITHOUT_NORWAY),
    ];
    expect(listed.filter((name) => !LOCATION_LIKE.test(name))).toEqual([]);
    expect(seen.size).toBeGreaterThan(20);
  });
});
