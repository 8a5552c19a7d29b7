/** policies/analysis/places.ts: how reports describe a place, and which residency entries they flag as a concern. */
import { DataResidency, describePlace, hasResidencyConcern, Place } from '../../policies/analysis/places';
import { residencyMap } from '../../policies/analysis/residency-map';
import { buildWorkspace } from '../../policies/model/build';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { tf } from '../helpers/rule-tester';

const NORWAY: Place = { location: 'norwayeast', status: 'norway' };
const PAIR: Place = { location: 'norwaywest', status: 'norway', detail: 'paired region of norwayeast' };
const ABROAD: Place = { location: 'westeurope', status: 'outside' };
const UNRESOLVED: Place = { status: 'unknown', detail: 'not set' };

function entry(primary: Place, ...copies: Place[]): DataResidency {
  return {
    address: 'azurerm_storage_account.data',
    type: 'azurerm_storage_account',
    name: 'data',
    primary,
    copies: copies.map((place, i) => ({ kind: 'replica', via: `copy ${i}`, place })),
  };
}

describe('describePlace', () => {
  test.each<[string, Place, string]>([
    ['a known region alone', NORWAY, 'norwayeast'],
    ['a region outside Norway alone', ABROAD, 'westeurope'],
    ['a derived region with how it was derived', PAIR, 'norwaywest (paired region of norwayeast)'],
    [
      'a region with a detail, whatever the status',
      { location: 'swedencentral', status: 'outside', detail: 'geo_location[1]' },
      'swedencentral (geo_location[1])',
    ],
    ['an unresolved place with why', UNRESOLVED, 'unknown (not set)'],
    ['an unresolved place with no reason at all', { status: 'unknown' }, 'unknown'],
    ['an empty detail as no detail', { location: 'norwayeast', status: 'norway', detail: '' }, 'norwayeast'],
    [
      'a place known to be in Norway without a region, with why',
      { status: 'norway', detail: 'one of norwayeast, norwaywest' },
      'in Norway (one of norwayeast, norwaywest)',
    ],
    [
      'a place known to be outside Norway without a region, with why',
      { status: 'outside', detail: 'paired region of westeurope' },
      'outside Norway (paired region of westeurope)',
    ],
    ['a place known to be in Norway, no more said', { status: 'norway' }, 'in Norway'],
    ['a place known to be outside Norway, no more said', { status: 'outside' }, 'outside Norway'],
  ])('%s', (_name, place, text) => {
    expect(describePlace(place)).toBe(text);
  });
});

describe('hasResidencyConcern', () => {
  test.each<[string, DataResidency]>([
    ['a primary in Norway with no copies', entry(NORWAY)],
    ['a primary in Norway with copies in Norway only', entry(NORWAY, PAIR, NORWAY)],
  ])('no concern: %s', (_name, residency) => {
    expect(hasResidencyConcern(residency)).toBe(false);
  });

  test.each<[string, DataResidency]>([
    ['a primary outside Norway', entry(ABROAD)],
    ['an unresolved primary', entry(UNRESOLVED)],
    ['a primary outside Norway even when every copy is in Norway', entry(ABROAD, PAIR)],
    ['one copy outside Norway among copies in Norway', entry(NORWAY, PAIR, ABROAD)],
    ['one unresolved copy', entry(NORWAY, UNRESOLVED)],
  ])('a concern: %s', (_name, residency) => {
    expect(hasResidencyConcern(residency)).toBe(true);
  });

  test('judges the entries of a real residency map, and describes their places as reports print them', () => {
    const model = loadTerraformJson(
      tf(
        {
          'azurerm_storage_account.home': {
            name: 'sthome',
            location: 'Norway East',
            account_replication_type: 'GRS',
          },
          'azurerm_storage_account.abroad': {
            name: 'stabroad',
            location: 'westeurope',
            account_replication_type: 'LRS',
          },
          'azurerm_storage_account.elsewhere': {
            name: 'stelsewhere',
            location: '${var.location}',
            account_replication_type: 'LRS',
          },
        },
        { variable: { location: { type: 'string' } } },
      ),
      { file: 'main.tf.json' },
    );
    const map = residencyMap(buildWorkspace([model]));
    const described = map.map((e) => ({
      address: e.address,
      concern: hasResidencyConcern(e),
      primary: describePlace(e.primary),
      copies: e.copies.map((c) => describePlace(c.place)),
    }));
    expect(described).toEqual([
      {
        address: 'azurerm_storage_account.home',
        concern: false,
        primary: 'norwayeast',
        copies: ['norwaywest (paired region of norwayeast)'],
      },
      { address: 'azurerm_storage_account.abroad', concern: true, primary: 'westeurope', copies: [] },
      {
        address: 'azurerm_storage_account.elsewhere',
        concern: true,
        primary: 'unknown (var.location has no default and no validation that limits it)',
        copies: [],
      },
    ]);
  });

  test('describes places without a region by their status: a region limited to Norway, the pair of a region abroad', () => {
    const model = loadTerraformJson(
      tf(
        {
          'azurerm_storage_account.limited': {
            name: 'stlimited',
            location: '${var.location}',
            account_replication_type: 'GRS',
          },
          'azurerm_storage_account.abroad': {
            name: 'stabroad',
            location: 'westeurope',
            account_replication_type: 'GRS',
          },
        },
        {
          variable: {
            location: {
              type: 'string',
              validation: [{ condition: '${contains(["norwayeast", "norwaywest"], var.location)}' }],
            },
          },
        },
      ),
      { file: 'main.tf.json' },
    );
    const described = residencyMap(buildWorkspace([model])).map((e) => ({
      address: e.address,
      concern: hasResidencyConcern(e),
      primary: describePlace(e.primary),
      copies: e.copies.map((c) => describePlace(c.place)),
    }));
    expect(described).toEqual([
      {
        address: 'azurerm_storage_account.limited',
        concern: false,
        primary: 'in Norway (one of norwayeast, norwaywest)',
        copies: ['in Norway (paired region of one of norwayeast, norwaywest)'],
      },
      {
        address: 'azurerm_storage_account.abroad',
        concern: true,
        primary: 'westeurope',
        copies: ['outside Norway (paired region of westeurope)'],
      },
    ]);
  });
});
