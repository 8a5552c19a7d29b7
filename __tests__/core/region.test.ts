import {
  InvalidRegionError,
  isNorwayLocation,
  normaliseLocation,
  parseNorwayRegion,
  regionCapabilities,
} from '../../constructs/core/region';

describe('parseNorwayRegion', () => {
  test.each([
    ['norwayeast', 'norwayeast'],
    ['Norway East', 'norwayeast'],
    ['NORWAYEAST', 'norwayeast'],
    [' norwayeast ', 'norwayeast'],
    ['norway east', 'norwayeast'],
    ['NorwayWest', 'norwaywest'],
    ['Norway West', 'norwaywest'],
    ['\tnorwaywest\n', 'norwaywest'],
  ])('accepts %j as %s', (input, expected) => {
    expect(parseNorwayRegion(input)).toBe(expected);
  });

  test.each([
    ['westeurope', /outside Norway/],
    ['swedencentral', /outside Norway/],
    ['norway-east', /did you mean 'norwayeast'/],
    ['norway_west', /did you mean 'norwaywest'/],
    ['norwayeastt', /did you mean 'norwayeast'/],
    ['norwaywst', /did you mean 'norwaywest'/],
    ['', /outside Norway/],
    ['global', /outside Norway/],
    ['norway\teast', /did you mean 'norwayeast'/],
  ])('rejects %j', (input, detail) => {
    expect(() => parseNorwayRegion(input)).toThrow(InvalidRegionError);
    expect(() => parseNorwayRegion(input)).toThrow(detail);
  });

  test.each([
    ['norwayeаst', 'а', '0430'], // Cyrillic a
    ['nоrwaywest', 'о', '043E'], // Cyrillic o
    ['NORWAYEAST\u212a', '\u212a', '212A'], // Kelvin sign folds to k under toLowerCase
    ['norwayeast\u200b', '\u200b', '200B'], // zero-width space
  ])('rejects the look-alike %j naming the character', (input, char, code) => {
    expect(() => parseNorwayRegion(input)).toThrow(`'${char}' (U+${code})`);
  });

  test('names the input and the allowed values', () => {
    expect(() => parseNorwayRegion('westeurope')).toThrow(
      `"westeurope" is not a Norway region: Azure would place it outside Norway. Allowed: 'norwayeast' (Norway East) or 'norwaywest' (Norway West).`,
    );
  });

  test.each([[undefined], [null], [42], [{}]])('rejects the non-string %j', (input) => {
    expect(() => parseNorwayRegion(input)).toThrow(/expected a string/);
  });
});

describe('normaliseLocation / isNorwayLocation (as the provider compares)', () => {
  test('lower-cases and removes spaces only', () => {
    expect(normaliseLocation('Norway  East')).toBe('norwayeast');
    expect(normaliseLocation('Norway-East')).toBe('norway-east');
  });
  test.each(['norwayeast', 'Norway East', 'NORWAYWEST'])('%j is in Norway', (l) =>
    expect(isNorwayLocation(l)).toBe(true),
  );
  test.each(['westeurope', 'norway-east', 'norwayeaѕt', 'NORWAYEAS\u212a', 'global', ''])(
    '%j is not in Norway',
    (l) => expect(isNorwayLocation(l)).toBe(false),
  );
});

describe('region capabilities', () => {
  test('Norway East has zones 1-3 and zone-redundant storage', () => {
    const east = regionCapabilities('norwayeast');
    expect(east.zones).toEqual(['1', '2', '3']);
    expect(east.storageReplication).toEqual(expect.arrayContaining(['ZRS', 'GZRS', 'RAGZRS']));
    expect(east.pair).toBe('norwaywest');
    expect(east.accessRestricted).toBe(false);
  });
  test('Norway West has no zones, no ZRS/GZRS, and is access-restricted', () => {
    const west = regionCapabilities('norwaywest');
    expect(west.zones).toEqual([]);
    expect(west.storageReplication).toEqual(['LRS', 'GRS', 'RAGRS']);
    expect(west.pair).toBe('norwayeast');
    expect(west.accessRestricted).toBe(true);
  });
});
