/** policies/model/documents.ts: inline `jsonencode(...)` documents read back into the objects and lists they encode. */
import { decodeJsonencode } from '../../policies/model/documents';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { tf } from '../helpers/rule-tester';

describe('decodeJsonencode', () => {
  test.each<[string, string, unknown]>([
    ['an object', '${jsonencode({ a = 1, b = "x" })}', { a: 1, b: 'x' }],
    ['a list', '${jsonencode([1, "two", true])}', [1, 'two', true]],
    ['an empty object', '${jsonencode({})}', {}],
    ['an empty list', '${jsonencode([])}', []],
    [
      'nested objects and lists',
      '${jsonencode({ properties = { replicaLocations = ["norwaywest", { name = "x" }] } })}',
      { properties: { replicaLocations: ['norwaywest', { name: 'x' }] } },
    ],
    [
      'quoted keys, booleans and null',
      '${jsonencode({ "a" = 1, "b-c" = true, d = null })}',
      { a: 1, 'b-c': true, d: null },
    ],
    ['keys written with a colon', '${jsonencode({ a: 1 })}', { a: 1 }],
    ['whitespace around the call and its argument', '${ jsonencode( { a = 1 } ) }', { a: 1 }],
    ['an argument over several lines', '${jsonencode({\n  a = 1\n  b = 2\n})}', { a: 1, b: 2 }],
    ['a closing brace inside a string', '${jsonencode({ a = "}" })}', { a: '}' }],
    ['an escaped quote before a closing brace inside a string', '${jsonencode({ a = "\\"}" })}', { a: '"}' }],
    ['a function call inside the document', '${jsonencode({ n = max(1, 2) })}', { n: '${max(1, 2)}' }],
    [
      'lists and calls nested inside a list',
      '${jsonencode([[1], { a = [2] }, min(3, 4)])}',
      [[1], { a: [2] }, '${min(3, 4)}'],
    ],
    ['brackets and parentheses inside a string', '${jsonencode({ a = "([{" })}', { a: '([{' }],
    ['a string after an escaped backslash', '${jsonencode({ a = "\\\\", b = "}" })}', { a: '\\', b: '}' }],
    // Expressions inside the document stay expressions, as elsewhere in the model.
    [
      'a reference, kept as an expression',
      '${jsonencode({ location = var.location })}',
      { location: '${var.location}' },
    ],
    [
      'a template, kept as it is',
      '${jsonencode({ name = "${var.prefix}-app" })}',
      { name: '${var.prefix}-app' },
    ],
  ])('reads %s', (_what, text, expected) => {
    expect(decodeJsonencode(text)).toEqual(expected);
  });

  test.each([
    ['the empty string', ''],
    ['a plain string', 'norwayeast'],
    ['a call outside ${...}', 'jsonencode({a = 1})'],
    ['a call followed by more text', '${jsonencode({a = 1})}x'],
    ['a call followed by a newline', '${jsonencode({a = 1})}\n'],
    ['text before the call', 'x${jsonencode({a = 1})}'],
    ['another function', '${yamlencode({a = 1})}'],
    ['the function name in upper case', '${JSONENCODE({a = 1})}'],
    ['a computed argument', '${jsonencode(merge({a = 1}, {b = 2}))}'],
    ['a reference as the argument', '${jsonencode(local.body)}'],
    ['a string argument', '${jsonencode("x")}'],
    ['a number argument', '${jsonencode(1)}'],
    ['two arguments', '${jsonencode({a = 1}, {b = 2})}'],
    ['two calls in one template', '${jsonencode({a = 1})} ${jsonencode({b = 2})}'],
    ['the result used in an expression', '${jsonencode({a = 1}) + 1}'],
    ['an index into the argument', '${jsonencode({a = 1}[0])}'],
    ['an unclosed object', '${jsonencode({a = {b = 1})}'],
    ['an unclosed call', '${jsonencode({a = 1}}'],
    ['a mismatched bracket', '${jsonencode({a = 1)}'],
    ['an object that does not parse', '${jsonencode({a = })}'],
    ['an object followed by another attribute', '${jsonencode({a = 1}\nother = {b = 2})}'],
  ])('gives undefined for %s: %j', (_what, text) => {
    expect(decodeJsonencode(text)).toBeUndefined();
  });
});

test('the synthesized JSON loader reads a deployment body written with Fn.jsonencode as the object', () => {
  const model = loadTerraformJson(
    tf({
      'azapi_resource.store': {
        type: 'Microsoft.Storage/storageAccounts@2023-01-01',
        name: 'stapp',
        body: '${jsonencode({ location = "westeurope", properties = { minimumTlsVersion = "TLS1_2" } })}',
      },
    }),
    { file: 'cdk.tf.json' },
  );
  expect(model.byAddress.get('azapi_resource.store')?.values.body).toEqual({
    location: 'westeurope',
    properties: { minimumTlsVersion: 'TLS1_2' },
  });
});
