/** policies/model/expressions.ts: parsing Terraform expressions and traversals. */
import { parseExpression, parseTraversal } from '../../policies/model/expressions';
import { boundByValidation } from '../../policies/model/resolve';

describe('expressions', () => {
  test.each([
    ['plain', { kind: 'literal', value: 'plain' }],
    ['$${not} %%{either}', { kind: 'literal', value: '${not} %{either}' }],
    ['a $${b}', { kind: 'literal', value: 'a ${b}' }],
    ['${azurerm_x.y.id}', { kind: 'reference', traversal: ['azurerm_x', 'y', 'id'], text: 'azurerm_x.y.id' }],
    ['${ var.location }', { kind: 'reference', traversal: ['var', 'location'], text: 'var.location' }],
    ['$${x}${var.y}', { kind: 'complex', text: '$${x}${var.y}' }],
    ['${a.b}-suffix', { kind: 'complex', text: '${a.b}-suffix' }],
    ['${lower(var.x)}', { kind: 'complex', text: '${lower(var.x)}' }],
    ['${a}${b}', { kind: 'complex', text: '${a}${b}' }],
  ])('parseExpression(%j)', (text, expected) => expect(parseExpression(text)).toEqual(expected));

  test.each([
    ['a', ['a']],
    ['a.b.c', ['a', 'b', 'c']],
    ['a.0.c', ['a', 0, 'c']],
    ['a[12]', ['a', 12]],
    ['a[ 3 ].b', ['a', 3, 'b']],
    ['a["k.x"]', ['a', 'k.x']],
    ['a[ "q\\"z" ]', ['a', 'q"z']],
    ['  _a-b.c_d  ', ['_a-b', 'c_d']],
    ['data.x.y-z', ['data', 'x', 'y-z']],
  ])('parseTraversal(%j) → %j', (text, expected) => expect(parseTraversal(text)).toEqual(expected));

  test.each(['', '1a', 'a.', 'a.-b', 'a[x]', 'a["x"', 'a b', 'a..b', 'a[1', 'a.b(c)'])(
    'parseTraversal(%j) is not a traversal',
    (text) => expect(parseTraversal(text)).toBeUndefined(),
  );
});

describe('expressions', () => {
  it.each([
    [
      '${azurerm_resource_group.rg.location}',
      {
        kind: 'reference',
        traversal: ['azurerm_resource_group', 'rg', 'location'],
        text: 'azurerm_resource_group.rg.location',
      },
    ],
    ['${ var.region }', { kind: 'reference', traversal: ['var', 'region'], text: 'var.region' }],
    [
      '${azurerm_storage_account.sa[0].id}',
      {
        kind: 'reference',
        traversal: ['azurerm_storage_account', 'sa', 0, 'id'],
        text: 'azurerm_storage_account.sa[0].id',
      },
    ],
    [
      '${module.m["k"].out}',
      { kind: 'reference', traversal: ['module', 'm', 'k', 'out'], text: 'module.m["k"].out' },
    ],
    ['norwayeast', { kind: 'literal', value: 'norwayeast' }],
    ['$${not.a.reference}', { kind: 'literal', value: '${not.a.reference}' }],
    ['${lower(var.region)}', { kind: 'complex', text: '${lower(var.region)}' }],
    ['rg-${var.env}', { kind: 'complex', text: 'rg-${var.env}' }],
  ])('%s', (text, expected) => {
    expect(parseExpression(text)).toEqual(expected);
  });

  it('parses plan reference syntax and rejects what is not a traversal', () => {
    expect(parseTraversal('data.terraform_remote_state.cross-stack-reference-input-a.outputs.x')).toEqual([
      'data',
      'terraform_remote_state',
      'cross-stack-reference-input-a',
      'outputs',
      'x',
    ]);
    expect(parseTraversal('a.b[')).toBeUndefined();
    expect(parseTraversal('1abc')).toBeUndefined();
    expect(parseTraversal('a + b')).toBeUndefined();
  });

  it.each([
    // Legacy attribute-index syntax with a number of several digits.
    ['a.b.10.c', ['a', 'b', 10, 'c']],
    // Brackets inside a quoted key are part of the key.
    ['a["k[0]"]', ['a', 'k[0]']],
    ['a[ "k" ][ 2 ]', ['a', 'k', 2]],
    // An index by an expression is not a plain traversal, whatever follows it.
    ['local.m[key][0]["k"]', undefined],
    ['a.b c', undefined],
    ['a.', undefined],
  ])('parseTraversal(%j) is %j', (text, expected) => {
    expect(parseTraversal(text)).toEqual(expected);
  });

  it('bounds a variable only by validations it understands', () => {
    expect(boundByValidation('r', [{ condition: '${contains(["norwayeast"], lower(var.r))}' }])).toEqual({
      kind: 'oneOf',
      values: ['norwayeast'],
      reason: 'var.r is limited by its validation to norwayeast',
    });
    expect(boundByValidation('r', [{ condition: '${length(var.r) > 0}' }])).toBeUndefined();
    expect(boundByValidation('r', [{ condition: '${contains(["norwayeast"], var.other)}' }])).toBeUndefined();
  });

  it.each([
    // Spaces wherever HCL allows them.
    ['${ contains( [ "norwayeast", "norwaywest" ] , lower( var.r ) ) }', ['norwayeast', 'norwaywest']],
    // A negation or a disjunction does not bound the variable to the listed values.
    ['${!contains(["westeurope"], var.r)}', undefined],
    ['${contains(["norwayeast"], var.r) || var.allow_any}', undefined],
    ['${contains([], var.r)}', undefined],
  ])('boundByValidation(%j)', (condition, values) => {
    const bound = boundByValidation('r', [{ condition }]);
    expect(bound?.kind === 'oneOf' ? bound.values : bound).toEqual(values);
  });
});
