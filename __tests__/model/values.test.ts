/** policies/model/values.ts: value paths and steps, each with exact results. */
import {
  asBlocks,
  getPath,
  isRecord,
  ownEntry,
  parsePath,
  pathToString,
  getStep,
} from '../../policies/model/values';

describe('values', () => {
  test.each([
    [{}, true],
    [[], false],
    [null, false],
    ['x', false],
    [1, false],
  ])('isRecord(%j) is %s', (value, expected) => expect(isRecord(value)).toBe(expected));

  test('asBlocks reads a block written as an object or an array, and nothing else', () => {
    expect(asBlocks(undefined)).toEqual([]);
    expect(asBlocks(null)).toEqual([]);
    expect(asBlocks({ a: 1 })).toEqual([{ a: 1 }]);
    expect(asBlocks([{ a: 1 }, 'x', null, { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(asBlocks('x')).toEqual([]);
  });

  test.each([
    [{ a: { b: 1 } }, ['a', 'b'], 1],
    [{ a: { b: 1 } }, ['a', 0, 'b'], 1],
    [{ a: { b: 1 } }, ['a', 1, 'b'], undefined],
    [{ a: [{ b: 1 }, { b: 2 }] }, ['a', 1, 'b'], 2],
    [{ a: [{ b: 1 }] }, ['a', 'b'], 1],
    [{ a: [{ b: 1 }, { b: 2 }] }, ['a', 'b'], undefined],
    [{ a: null }, ['a', 'b'], undefined],
    [{ a: 'x' }, ['a', 'length'], undefined],
    [{}, ['toString'], undefined],
    [{}, ['__proto__'], undefined],
    [{}, ['constructor', 'name'], undefined],
    [JSON.parse('{"__proto__": {"a": 1}}'), ['__proto__', 'a'], 1],
    [{ a: 5 }, [], { a: 5 }],
    [[7, 8], [1], 8],
    ['x', [0], undefined],
  ])('getPath(%j, %j) is %j', (value, path, expected) => expect(getPath(value, path)).toEqual(expected));

  test('paths print and parse with numeric parts as indexes', () => {
    expect(pathToString(['network_rules', 0, 'default_action'])).toBe('network_rules.0.default_action');
    expect(parsePath('network_rules.0.default_action')).toEqual(['network_rules', 0, 'default_action']);
    expect(parsePath('a1.0b.12')).toEqual(['a1', '0b', 12]);
    expect(parsePath('')).toEqual([]);
  });
});

test('getStep reads nothing from nothing', () => {
  expect(getStep(undefined, 'a')).toBeUndefined();
  expect(getStep(null, 0)).toBeUndefined();
  expect(getStep({ a: 1 }, 'a')).toBe(1);
});

describe('ownEntry', () => {
  const TABLE: Readonly<Record<string, string>> = { azurerm_key_vault_secret: 'value', constructor: 'own' };

  test.each([
    ['an entry of the table', 'azurerm_key_vault_secret', 'value'],
    ['an own entry named like an inherited one', 'constructor', 'own'],
    ['a name the table does not have', 'azurerm_storage_account', undefined],
    ['an inherited method', 'toString', undefined],
    ['another inherited method', 'hasOwnProperty', undefined],
    ['the prototype accessor', '__proto__', undefined],
    ['the empty string', '', undefined],
  ])('gives %s: %j is %j', (_what, key, expected) => {
    expect(ownEntry(TABLE, key)).toBe(expected);
  });

  test('gives nothing inherited from a table without own entries', () => {
    expect(ownEntry({}, 'constructor')).toBeUndefined();
    expect(ownEntry({}, 'valueOf')).toBeUndefined();
  });

  test('reads an own __proto__ entry, as JSON.parse makes one', () => {
    const parsed = JSON.parse('{"__proto__": "own"}') as Record<string, string>;
    expect(ownEntry(parsed, '__proto__')).toBe('own');
  });
});
