/** policies/model/hcl-parser.ts: HCL read synchronously into hcl2json's shape, and its syntax errors made readable. */
import { describeSyntaxError, parseHcl } from '../../policies/model/hcl-parser';
import { InputError } from '../../policies/model/types';

/** The InputError `fn` throws. */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

describe('parseHcl', () => {
  test.each<[string, string, Record<string, unknown>]>([
    ['an empty file', '', {}],
    ['a file of blank lines', '  \n\n', {}],
    ['a file of comments', '# one\n// two\n/* three */\n', {}],
    [
      'literal attributes of every kind',
      'a = 1\nb = "x"\nc = true\nd = null\ne = [1, "two"]\nf = { g = 1.5 }\n',
      { a: 1, b: 'x', c: true, d: null, e: [1, 'two'], f: { g: 1.5 } },
    ],
    [
      'labelled blocks, as arrays of bodies under their labels',
      'resource "azurerm_resource_group" "a" {\n  name = "rg-a"\n}\nresource "azurerm_resource_group" "b" {\n  name = "rg-b"\n}\n',
      { resource: { azurerm_resource_group: { a: [{ name: 'rg-a' }], b: [{ name: 'rg-b' }] } } },
    ],
    [
      'the same resource twice, both bodies kept',
      'resource "azurerm_x" "a" {\n  n = 1\n}\nresource "azurerm_x" "a" {\n  n = 2\n}\n',
      { resource: { azurerm_x: { a: [{ n: 1 }, { n: 2 }] } } },
    ],
    [
      'repeated nested blocks, in order',
      'resource "azurerm_storage_account" "sa" {\n  network_rules {\n    default_action = "Deny"\n  }\n  network_rules {\n    default_action = "Allow"\n  }\n}\n',
      {
        resource: {
          azurerm_storage_account: {
            sa: [{ network_rules: [{ default_action: 'Deny' }, { default_action: 'Allow' }] }],
          },
        },
      },
    ],
    [
      'unlabelled blocks written twice',
      'locals {\n  a = 1\n}\nlocals {\n  b = 2\n}\n',
      { locals: [{ a: 1 }, { b: 2 }] },
    ],
    [
      'expressions as ${...} templates, and templates as they are',
      'locals {\n  a = var.region\n  b = "${var.prefix}-app"\n  c = local.n + 1\n  d = upper("x")\n}\n',
      { locals: [{ a: '${var.region}', b: '${var.prefix}-app', c: '${local.n + 1}', d: '${upper("x")}' }] },
    ],
    [
      'a variable with a type constraint and a default',
      'variable "location" {\n  type    = string\n  default = "norwayeast"\n}\n',
      { variable: { location: [{ type: '${string}', default: 'norwayeast' }] } },
    ],
    ['a heredoc', 'locals {\n  script = <<EOT\nhello\nEOT\n}\n', { locals: [{ script: 'hello\n' }] }],
    [
      'a data source with an empty body',
      'data "azurerm_client_config" "current" {}\n',
      { data: { azurerm_client_config: { current: [{}] } } },
    ],
    [
      'a module call and an output',
      'module "net" {\n  source = "./net"\n}\noutput "id" {\n  value = module.net.id\n}\n',
      { module: { net: [{ source: './net' }] }, output: { id: [{ value: '${module.net.id}' }] } },
    ],
    [
      'the terraform block, with an object in a nested block',
      'terraform {\n  required_providers {\n    azurerm = {\n      source = "hashicorp/azurerm"\n    }\n  }\n}\n',
      { terraform: [{ required_providers: [{ azurerm: { source: 'hashicorp/azurerm' } }] }] },
    ],
    ['Windows line endings', 'locals {\r\n  a = 1\r\n}\r\n', { locals: [{ a: 1 }] }],
    ['text beyond ASCII', 'locals {\n  city = "Tromsø"\n}\n', { locals: [{ city: 'Tromsø' }] }],
  ])('reads %s', (_what, text, expected) => {
    expect(parseHcl('main.tf', text)).toEqual(expected);
  });

  test.each([
    [
      'an unclosed block',
      'resource "a" "b" {\n',
      'line 1, column 18: Unclosed configuration block (There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file)',
    ],
    [
      'an attribute without a value',
      'a = \n',
      'line 1, column 5: Invalid expression (Expected the start of an expression, but found an invalid expression token)',
    ],
    [
      'an unclosed list inside a block',
      'resource "a" {\n  x = [1,\n}\n',
      'line 3, column 1: Invalid expression (Expected the start of an expression, but found an invalid expression token)',
    ],
    [
      'a stray closing brace',
      '}',
      'line 1, column 1: Argument or block definition required (An argument or block definition is required here)',
    ],
    [
      'JSON, which is not HCL native syntax',
      '{"a": 1}',
      'line 1, column 1: Argument or block definition required (An argument or block definition is required here)',
    ],
    [
      'two attributes on one line',
      'a = 1 b = 2\n',
      'line 1, column 7: Missing newline after argument (An argument definition must end with a newline)',
    ],
    [
      'an attribute set twice, with the position of the first',
      'a = 1\na = 2\n',
      'line 2, column 1: Attribute redefined (The argument "a" was already set at line 1, column 1. Each argument may be set only once)',
    ],
    [
      'an attribute set twice inside a block',
      'resource "x" "y" {\n  a = 1\n  a = 2\n}\n',
      'line 3, column 3: Attribute redefined (The argument "a" was already set at line 2, column 3. Each argument may be set only once)',
    ],
  ])('refuses %s, naming the file, line and column', (_what, text, detail) => {
    const error = inputError(() => parseHcl('/src/stack/main.tf', text));
    expect(error.message).toBe(`/src/stack/main.tf: ${detail}`);
    expect(error.file).toBe('/src/stack/main.tf');
  });

  const lists = (n: number): unknown => (n === 1 ? [] : [lists(n - 1)]);
  const blocks = (n: number): unknown => (n === 0 ? {} : { a: [blocks(n - 1)] });

  test('reads lists nested to 256 levels of JSON (the file object and 255 lists) and refuses 257', () => {
    const nested = (n: number) => `a = ${'['.repeat(n)}${']'.repeat(n)}\n`;
    expect(parseHcl('deep.tf', nested(255))).toEqual({ a: lists(255) });
    expect(inputError(() => parseHcl('deep.tf', nested(256))).message).toBe(
      'deep.tf: lists, objects and blocks nest deeper than 256 levels (the file counts as one level, each list or object as one, each block as two: its list and its body); nest them less deeply',
    );
  });

  test('reads objects nested to 256 levels of JSON (the file object and 255 objects) and refuses 257', () => {
    const nested = (n: number) => `a = ${'{ b = '.repeat(n - 1)}{}${' }'.repeat(n - 1)}\n`;
    const objects = (n: number): unknown => (n === 1 ? {} : { b: objects(n - 1) });
    expect(parseHcl('deep.tf', nested(255))).toEqual({ a: objects(255) });
    expect(inputError(() => parseHcl('deep.tf', nested(256))).message).toBe(
      'deep.tf: lists, objects and blocks nest deeper than 256 levels (the file counts as one level, each list or object as one, each block as two: its list and its body); nest them less deeply',
    );
  });

  test('reads 127 nested blocks (255 levels of JSON: a body and its list each) and refuses 128', () => {
    const nested = (n: number) => `${'a {\n'.repeat(n)}${'}\n'.repeat(n)}`;
    expect(parseHcl('deep.tf', nested(127))).toEqual(blocks(127));
    expect(inputError(() => parseHcl('deep.tf', nested(128))).message).toBe(
      'deep.tf: lists, objects and blocks nest deeper than 256 levels (the file counts as one level, each list or object as one, each block as two: its list and its body); nest them less deeply',
    );
  });

  test('keeps parsing after a syntax error', () => {
    inputError(() => parseHcl('bad.tf', '{{{'));
    expect(parseHcl('good.tf', 'locals {\n  a = 1\n}\n')).toEqual({ locals: [{ a: 1 }] });
  });

  test("leaves no global of hcl2json's behind, so the package's own parse() starts cleanly", () => {
    parseHcl('main.tf', 'a = 1\n');
    expect('__parse_terraform_config_wasm__' in globalThis).toBe(false);
  });
});

describe('describeSyntaxError', () => {
  test.each([
    [
      'a diagnostic whose range ends on another line',
      'parse config: [input.tf:2,6-3,1: Invalid expression; Expected the start of an expression, but found an invalid expression token.]',
      'line 2, column 6: Invalid expression (Expected the start of an expression, but found an invalid expression token)',
    ],
    [
      'a diagnostic whose range ends on the same line, without the prefix',
      'input.tf:7,3-9: Missing newline after argument; An argument definition must end with a newline.',
      'line 7, column 3: Missing newline after argument (An argument definition must end with a newline)',
    ],
    [
      'a diagnostic with a summary only',
      'parse config: [input.tf:4,2: Unsupported block type]',
      'line 4, column 2: Unsupported block type',
    ],
    [
      'a detail without a full stop',
      'input.tf:1,1: Summary; no full stop',
      'line 1, column 1: Summary (no full stop)',
    ],
    [
      'a detail whose full stops inside are kept',
      'input.tf:1,1: Summary; see a.b for c.d.',
      'line 1, column 1: Summary (see a.b for c.d)',
    ],
    [
      'a detail over several lines',
      'parse config: [input.tf:9,1: Summary; first line\nsecond line.]',
      'line 9, column 1: Summary (first line\nsecond line)',
    ],
    [
      'the first of two diagnostics only',
      'parse config: [input.tf:3,1-2: First; one. input.tf:5,1-2: Second; two.]',
      'line 3, column 1: First (one)',
    ],
    [
      'a detail that mentions another position, rewritten the same way',
      'parse config: [input.tf:2,1-2: Attribute redefined; The argument "a" was already set at input.tf:1,1-2. Each argument may be set only once.]',
      'line 2, column 1: Attribute redefined (The argument "a" was already set at line 1, column 1. Each argument may be set only once)',
    ],
    [
      'a detail that mentions a range over several lines and a range of several digits',
      'input.tf:40,12-13: Duplicate; first defined at input.tf:3,5-12,1, again at input.tf:17,20-31.',
      'line 40, column 12: Duplicate (first defined at line 3, column 5, again at line 17, column 20)',
    ],
    [
      'the first of two diagnostics, the second of which mentions another position',
      'parse config: [input.tf:3,7-8: Missing newline after argument; An argument definition must end with a newline. input.tf:3,1-2: Attribute redefined; The argument "a" was already set at input.tf:1,1-2. Each argument may be set only once.]',
      'line 3, column 7: Missing newline after argument (An argument definition must end with a newline)',
    ],
    [
      'the first of two diagnostics, when it mentions another position itself',
      'parse config: [input.tf:2,1-2: Attribute redefined; The argument "a" was already set at input.tf:1,1-2. Each argument may be set only once. input.tf:5,1-2: Second; two.]',
      'line 2, column 1: Attribute redefined (The argument "a" was already set at line 1, column 1. Each argument may be set only once)',
    ],
    ['a message with no position', 'parse config: something broke', 'syntax error: something broke'],
    ['a position in another file', 'other.tf:1,1: Oops', 'syntax error: other.tf:1,1: Oops'],
    ['an empty diagnostic list', 'parse config: []', 'syntax error: []'],
  ])('rewrites %s', (_what, message, expected) => {
    expect(describeSyntaxError(message)).toBe(expected);
  });
});
