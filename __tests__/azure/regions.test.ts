/** policies/azure/regions.ts: the table of public Azure regions and how a region written in either spelling is recognised or refused. */
import { AZURE_REGIONS, azureRegion } from '../../policies/azure/regions';

const NORWAY_EAST = { name: 'norwayeast', displayName: 'Norway East', norway: true };
const NORWAY_WEST = { name: 'norwaywest', displayName: 'Norway West', norway: true };

describe('AZURE_REGIONS', () => {
  it('marks exactly the two Norway regions, with their display names', () => {
    expect(AZURE_REGIONS.filter((r) => r.norway)).toEqual([NORWAY_EAST, NORWAY_WEST]);
  });

  it.each([
    ['westeurope', 'West Europe'],
    ['northeurope', 'North Europe'],
    ['swedencentral', 'Sweden Central'],
    ['eastus2', 'East US 2'],
    ['uaenorth', 'UAE North'],
  ])('lists %s (a region outside Norway) as %j, without the Norway mark', (name, displayName) => {
    const region = AZURE_REGIONS.find((r) => r.name === name);
    expect(region).toEqual({ name, displayName });
    expect(region !== undefined && 'norway' in region).toBe(false);
  });

  it('has each programmatic name and each display name once', () => {
    const names = AZURE_REGIONS.map((r) => r.name);
    const displayNames = AZURE_REGIONS.map((r) => r.displayName);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(displayNames).size).toBe(displayNames.length);
  });

  it('spells every programmatic name as its display name lower-cased without spaces, as the provider does', () => {
    const mismatched = AZURE_REGIONS.filter(
      (r) => r.name !== r.displayName.toLowerCase().replace(/ /g, ''),
    ).map((r) => r.name);
    expect(mismatched).toEqual([]);
  });

  it('lists no sovereign-cloud region (US Gov, China, Germany sovereign)', () => {
    const sovereign = AZURE_REGIONS.filter((r) =>
      /^(usgov|usdod|china|germanycentral|germanynortheast)/.test(r.name),
    );
    expect(sovereign).toEqual([]);
  });
});

describe('azureRegion', () => {
  it.each([
    ['norwayeast', NORWAY_EAST],
    ['Norway East', NORWAY_EAST],
    ['NORWAYEAST', NORWAY_EAST],
    ['NorwayEast', NORWAY_EAST],
    ['norway east', NORWAY_EAST],
    ['norwaywest', NORWAY_WEST],
    ['Norway West', NORWAY_WEST],
    ['NORWAY WEST', NORWAY_WEST],
  ])('recognises the Norway region %j, in either spelling and any casing', (input, expected) => {
    expect(azureRegion(input)).toEqual(expected);
  });

  it.each([
    ['westeurope', { name: 'westeurope', displayName: 'West Europe' }],
    ['West Europe', { name: 'westeurope', displayName: 'West Europe' }],
    ['west europe', { name: 'westeurope', displayName: 'West Europe' }],
    ['East US 2', { name: 'eastus2', displayName: 'East US 2' }],
    ['East US2', { name: 'eastus2', displayName: 'East US 2' }],
    ['UAE North', { name: 'uaenorth', displayName: 'UAE North' }],
    ['Central US EUAP', { name: 'centraluseuap', displayName: 'Central US EUAP' }],
    ['Australia Central 2', { name: 'australiacentral2', displayName: 'Australia Central 2' }],
  ])('recognises %j as a place outside Norway', (input, expected) => {
    expect(azureRegion(input)).toEqual(expected);
  });

  it.each([
    [' norwayeast ', NORWAY_EAST],
    ['Norway  East', NORWAY_EAST],
    [' Norway West', NORWAY_WEST],
  ])('drops every space, leading, trailing and doubled, as the provider does: %j', (input, expected) => {
    expect(azureRegion(input)).toEqual(expected);
  });

  it('finds every listed region by its programmatic name and by its display name', () => {
    const lost = AZURE_REGIONS.filter(
      (r) => azureRegion(r.name) !== r || azureRegion(r.displayName) !== r,
    ).map((r) => r.name);
    expect(lost).toEqual([]);
  });

  it.each([
    ['', 'the empty string'],
    ['   ', 'only spaces'],
    ['global', 'the global pseudo-location'],
    ['norway', 'the country alone'],
    ['norwaycentral', 'a Norway region Azure does not have'],
    ['norway-east', 'a hyphenated name'],
    ['norway_east', 'an underscored name'],
    ['norwayeastt', 'a misspelling'],
    ['norway\teast', 'a tab in place of the space'],
    ['norwayeast\n', 'a trailing newline'],
    ['Norway\u00a0East', 'a non-breaking space'],
    ['n\u043erwayeast', 'a Cyrillic o'],
    ['\uff2eorway East', 'a full-width N'],
    ['usgovvirginia', 'a US Gov region'],
    ['chinaeast2', 'an Azure China region'],
    ['constructor', 'a name every object has'],
    ['__proto__', 'the prototype key'],
  ])('names no region for %j (%s)', (input) => {
    expect(azureRegion(input)).toBeUndefined();
  });
});
