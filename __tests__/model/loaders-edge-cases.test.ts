/**
 * Edge cases of the model loaders that the fixture-based suites do not reach: exact messages (file, line,
 * column) for input that cannot be read, the bounds of the JSON scanner, and the less common shapes of
 * plans, Terraform JSON and cdktf.out directories. Every input is written to a temp dir by the test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildModel, buildWorkspace, providerShortName } from '../../policies/model/build';
import { loadCdktfOut, readManifest } from '../../policies/model/load-cdktf-out';
import { loadJsonFile, loadPath } from '../../policies/model/load-path';
import { isPlanDocument, loadPlan } from '../../policies/model/load-plan';
import {
  describeType,
  loadTerraformJson,
  readTerraformJsonParts,
} from '../../policies/model/load-terraform-json';
import {
  describeFsError,
  findDuplicateKey,
  MAX_INPUT_BYTES,
  checkParsedJson,
  MAX_NESTING,
  nestingDepth,
  parseJsonText,
  readJson,
  readText,
  scanJson,
} from '../../policies/model/read-json';
import { InputError, TfModel, TfResource } from '../../policies/model/types';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loaders-edge-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
/** A fresh file in the temp dir holding `content`. */
function file(content: string | Buffer, name = `input-${++counter}.json`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A fresh empty subdirectory of the temp dir. */
function subdir(name: string): string {
  const path = join(dir, `${name}-${++counter}`);
  mkdirSync(path, { recursive: true });
  return path;
}

/** The message `fn` throws, asserting it is an InputError. */
function inputError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

function must(model: TfModel, address: string): TfResource {
  const resource = model.byAddress.get(address);
  if (!resource) throw new Error(`no ${address} in ${[...model.byAddress.keys()].join(', ')}`);
  return resource;
}

const nested = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

describe('read-json: reading the bytes', () => {
  it('maps file system error codes to words a person understands', () => {
    const fsError = (code?: string, message = 'boom') =>
      Object.assign(new Error(message), code === undefined ? {} : { code });
    expect(describeFsError(fsError('ENOENT'))).toBe('no such file');
    expect(describeFsError(fsError('EACCES'))).toBe('permission denied');
    expect(describeFsError(fsError('EPERM'))).toBe('permission denied');
    expect(describeFsError(fsError('EISDIR'))).toBe('is a directory');
    expect(describeFsError(fsError('ELOOP'))).toBe('a symbolic link loop');
    expect(describeFsError(fsError('ENOTDIR'))).toBe('a path component is not a directory');
    expect(describeFsError(fsError('EMFILE'))).toBe('EMFILE');
    expect(describeFsError(fsError(undefined, 'disk on fire'))).toBe('disk on fire');
  });

  it('names a path through a regular file as not a directory', () => {
    const plain = file('{}');
    expect(inputError(() => readText(join(plain, 'cdk.tf.json')))).toBe(
      `${join(plain, 'cdk.tf.json')}: cannot read the file (a path component is not a directory)`,
    );
  });

  it('refuses a directory or a FIFO without opening it', () => {
    const folder = subdir('folder');
    expect(inputError(() => readText(folder))).toBe(`${folder}: cannot read the file (is a directory)`);
    const fifo = join(dir, `fifo-${++counter}.json`);
    execFileSync('mkfifo', [fifo]);
    expect(inputError(() => readJson(fifo))).toBe(
      `${fifo}: is not a regular file (a FIFO, socket or device); expected a file`,
    );
  });

  it('refuses a file larger than the limit before reading it (sparse file, no disk used)', () => {
    expect(MAX_INPUT_BYTES).toBe(512 * 1024 * 1024);
    const big = file('');
    truncateSync(big, 600 * 1048576);
    expect(inputError(() => readText(big))).toBe(`${big}: is 600 MB, larger than the 512 MB limit`);
    const justOver = file('');
    truncateSync(justOver, MAX_INPUT_BYTES + 1);
    expect(inputError(() => readText(justOver))).toBe(`${justOver}: is 513 MB, larger than the 512 MB limit`);
  });

  it('tells UTF-16 only by a byte order mark at the very start, even in a two-byte file', () => {
    const utf16 = ': the file is UTF-16; save it as UTF-8 (terraform show -json writes UTF-8)';
    const le = file(Buffer.from([0xff, 0xfe]));
    expect(inputError(() => readText(le))).toBe(`${le}${utf16}`);
    const be = file(Buffer.from([0xfe, 0xff]));
    expect(inputError(() => readText(be))).toBe(`${be}${utf16}`);
    // Half a byte order mark is just a byte that is not UTF-8.
    const ffOnly = file(Buffer.from([0xff, 0x7b, 0x7d]));
    expect(inputError(() => readText(ffOnly))).toBe(
      `${ffOnly}: the file is not valid UTF-8 (first invalid byte on line 1, column 1); save it as UTF-8`,
    );
    const feOnly = file(Buffer.from([0xfe, 0x7b, 0x7d]));
    expect(inputError(() => readText(feOnly))).toBe(
      `${feOnly}: the file is not valid UTF-8 (first invalid byte on line 1, column 1); save it as UTF-8`,
    );
    const secondFe = file(Buffer.from([0x7b, 0xfe, 0x7d]));
    expect(inputError(() => readText(secondFe))).toBe(
      `${secondFe}: the file is not valid UTF-8 (first invalid byte on line 1, column 2); save it as UTF-8`,
    );
    const secondFf = file(Buffer.from([0x7b, 0xff]));
    expect(inputError(() => readText(secondFf))).toBe(
      `${secondFf}: the file is not valid UTF-8 (first invalid byte on line 1, column 2); save it as UTF-8`,
    );
  });

  it('points at the line and column of the first byte that is not UTF-8', () => {
    const latin1 = file(
      Buffer.concat([Buffer.from('{\n  "a": "x'), Buffer.from([0xe5]), Buffer.from('"\n}\n')]),
    );
    expect(inputError(() => readText(latin1))).toBe(
      `${latin1}: the file is not valid UTF-8 (first invalid byte on line 2, column 10); save it as UTF-8`,
    );
    const third = file(
      Buffer.concat([Buffer.from('{\n"a": 1,\n"b": "'), Buffer.from([0xf8]), Buffer.from('"}')]),
    );
    expect(inputError(() => readText(third))).toBe(
      `${third}: the file is not valid UTF-8 (first invalid byte on line 3, column 7); save it as UTF-8`,
    );
  });

  it.each([
    // An invalid lead byte, then the two last bytes of an encoded U+FFFD: still the first invalid byte.
    ['C0 BF BD', [0xc0, 0xbf, 0xbd]],
    // EF starts U+FFFD's encoding, but the next byte breaks it.
    ['EF 41 BD', [0xef, 0x41, 0xbd]],
    // The first two bytes of U+FFFD's encoding, cut short.
    ['EF BF 41', [0xef, 0xbf, 0x41]],
  ])('bytes %s that resemble an encoded U+FFFD are still the first invalid byte', (_, bytes) => {
    const path = file(Buffer.from([0x7b, ...bytes, 0x7d]));
    expect(inputError(() => readText(path))).toBe(
      `${path}: the file is not valid UTF-8 (first invalid byte on line 1, column 2); save it as UTF-8`,
    );
  });

  it('a real U+FFFD earlier in the file is not taken for the invalid byte', () => {
    const genuine = file(
      Buffer.concat([Buffer.from('{"a":"\ufffd",\n\n"b":"x'), Buffer.from([0xe5]), Buffer.from('"}')]),
    );
    expect(inputError(() => readText(genuine))).toBe(
      `${genuine}: the file is not valid UTF-8 (first invalid byte on line 3, column 7); save it as UTF-8`,
    );
  });

  it('refuses a NUL byte anywhere as binary', () => {
    const nul = file(Buffer.from('{"a": "\u0000"}'));
    expect(inputError(() => readText(nul))).toBe(
      `${nul}: the file is binary, not JSON (a plan must be converted with \`terraform show -json plan.bin\`)`,
    );
  });

  it('drops a UTF-8 byte order mark, and only a leading one', () => {
    expect(readText(file('\ufeff{"a":1}'))).toBe('{"a":1}');
    expect(readText(file('{"a":"\ufeff"}'))).toBe('{"a":"\ufeff"}');
    expect(readJson(file('\ufeff{"a":1}'))).toEqual({ a: 1 });
  });
});

describe('read-json: parsing', () => {
  it('refuses empty and blank text', () => {
    expect(inputError(() => parseJsonText('e.json', ''))).toBe('e.json: the file is empty; expected JSON');
    expect(inputError(() => parseJsonText('e.json', ' \n\t\r\n'))).toBe(
      'e.json: the file is empty; expected JSON',
    );
  });

  it.each([
    ['a missing comma', '{"a":1', "at line 1, column 7: Expected ',' or '}' after property value"],
    [
      'a missing comma on line 3',
      '{\n  "a": 1\n  "b": 2\n}',
      "at line 3, column 3: Expected ',' or '}' after property value",
    ],
    ['a missing colon', '{\n"a" 1}', "at line 2, column 5: Expected ':' after property name"],
    ['an unterminated string', '{"a":\n"x', 'at line 2, column 3: Unterminated string'],
    ['input that ends early', '{"a":', 'at line 1, column 6: unexpected end of input (truncated?)'],
    [
      'input that ends early after a newline',
      '[1,\n',
      'at line 2, column 1: unexpected end of input (truncated?)',
    ],
    [
      'a missing key after blank lines',
      '{"a":1,\n\n',
      'at line 3, column 1: Expected double-quoted property name',
    ],
  ])('names the line and column of %s', (_name, text, detail) => {
    expect(inputError(() => parseJsonText('bad.json', text))).toBe(`bad.json: malformed JSON ${detail}`);
  });

  it('names the line and column of text after the value, without the offset Node adds', () => {
    expect(inputError(() => parseJsonText('bad.json', '{}\n\n x'))).toBe(
      'bad.json: malformed JSON at line 3, column 2: Unexpected non-whitespace character',
    );
  });

  it('keeps the parser message when it gives no position', () => {
    expect(inputError(() => parseJsonText('bad.json', '{"a":}'))).toBe(
      `bad.json: malformed JSON (Unexpected token '}', "{"a":}" is not valid JSON)`,
    );
  });

  it(`accepts exactly ${MAX_NESTING} levels of nesting and refuses one more`, () => {
    expect(parseJsonText('deep.json', nested(MAX_NESTING))).toBeDefined();
    expect(inputError(() => parseJsonText('deep.json', nested(MAX_NESTING + 1)))).toBe(
      'deep.json: the JSON nests deeper than 256 levels; this is not a Terraform configuration or plan',
    );
    expect(scanJson(nested(MAX_NESTING))).toEqual({ tooDeep: false, duplicate: undefined });
    expect(scanJson(nested(MAX_NESTING + 1))).toEqual({ tooDeep: true });
  });

  it('reports a too deep input before a duplicate key in it', () => {
    expect(scanJson(`{"a":1,"a":2,"b":${nested(3)}}`, 2)).toEqual({ tooDeep: true });
    expect(scanJson('[[1]]', 1)).toEqual({ tooDeep: true });
    expect(scanJson('[[1]]', 2)).toEqual({ tooDeep: false, duplicate: undefined });
    expect(scanJson('[{}]', 2)).toEqual({ tooDeep: false, duplicate: undefined });
  });

  it('finds a duplicate key in an object at exactly the deepest allowed level', () => {
    expect(scanJson('[[{"a":1,"a":2}]]', 3)).toEqual({
      tooDeep: false,
      duplicate: { key: 'a', line: 1, column: 10 },
    });
    const text = nested(MAX_NESTING - 1, '{"k":1,"k":2}');
    expect(inputError(() => parseJsonText('deep-dup.json', text))).toBe(
      `deep-dup.json: the key "k" appears twice in one object (line 1, column ${MAX_NESTING - 1 + 8}); part of the input would go unchecked`,
    );
  });
});

describe('read-json: duplicate keys', () => {
  it('reports the first duplicate, not a later one', () => {
    expect(findDuplicateKey('{"a":1,"a":2,"b":1,"b":2}')).toEqual({ key: 'a', line: 1, column: 8 });
    expect(findDuplicateKey('{"x":{"a":1,"a":2},"b":1,"b":2}')).toEqual({ key: 'a', line: 1, column: 13 });
  });

  it('objects with more keys than the flat comparison holds: no false duplicates, the real one found', () => {
    const keys = ['', ...Array.from({ length: 40 }, (_, i) => `key${i}`)];
    const object = (extra: string[]) => `{${[...keys, ...extra].map((k) => `"${k}":1`).join(',')}}`;
    expect(findDuplicateKey(object([]))).toBeUndefined();
    expect(findDuplicateKey(`[${object([])},${object([])}]`)).toBeUndefined();
    expect(findDuplicateKey(object(['key35']))).toEqual({
      key: 'key35',
      line: 1,
      column: object([]).length + 1,
    });
  });

  it('names the line of the duplicate, not a later one', () => {
    expect(findDuplicateKey('{\n  "a": 1,\n  "a": 2,\n  "b": 3\n}\n')).toEqual({
      key: 'a',
      line: 3,
      column: 3,
    });
  });

  it.each([
    ['a space', ' '],
    ['a newline', '\n'],
    ['a carriage return', '\r'],
    ['a tab', '\t'],
    ['several kinds of whitespace', ' \r\n\t '],
  ])('tells a key followed by %s before its colon', (_name, ws) => {
    expect(findDuplicateKey(`{"a"${ws}:1,"a"${ws}:2}`)).toEqual(expect.objectContaining({ key: 'a' }));
  });

  it('does not take string values for keys', () => {
    expect(findDuplicateKey('{"x":"v","y":"v","z":["v","v"]}')).toBeUndefined();
    expect(findDuplicateKey('{"x":"a" ,"a":1}')).toBeUndefined();
  });

  it('compares keys only within one object, not with keys of an object already closed', () => {
    expect(findDuplicateKey('{"o":{"a":1},"a":2}')).toBeUndefined();
    expect(findDuplicateKey('{"o":{"a":1,"b":2},"p":{"a":1,"b":2}}')).toBeUndefined();
    expect(findDuplicateKey('[{"a":1},{"a":1}]')).toBeUndefined();
  });

  it('never reports keys that only share length and first, middle and last character', () => {
    expect(findDuplicateKey('{"abcd":1,"axcd":2}')).toBeUndefined();
    expect(findDuplicateKey('{"abcd":1,"axcd":2,"abcd":3}')).toEqual({ key: 'abcd', line: 1, column: 20 });
  });

  it('finds an empty key given twice, and keys that differ only by escapes', () => {
    expect(findDuplicateKey('{"":1,"":2}')).toEqual({ key: '', line: 1, column: 7 });
    expect(findDuplicateKey('{"a\\"b":1,"a\\u0022b":2}')).toEqual({ key: 'a"b', line: 1, column: 11 });
    expect(findDuplicateKey('{"a\\\\":1,"a\\\\":2}')).toEqual({ key: 'a\\', line: 1, column: 10 });
    expect(findDuplicateKey('{"a\\\\":1,"a":2}')).toBeUndefined();
  });

  it('counts lines from a leading newline', () => {
    expect(findDuplicateKey('\n{"a":1,"a":2}')).toEqual({ key: 'a', line: 2, column: 8 });
    expect(findDuplicateKey('\n\n  {"a":1,\n\n   "a":2}')).toEqual({ key: 'a', line: 5, column: 4 });
  });

  it('stops at text that ends inside a string instead of looping', () => {
    expect(scanJson('{"a":1,"b":"unterminated')).toEqual({ tooDeep: false, duplicate: undefined });
    expect(scanJson('{"a":1,"a\\"')).toEqual({ tooDeep: false, duplicate: undefined });
  });

  describe('objects with more keys than are compared one by one (33 and more)', () => {
    const keys = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => `"${prefix}${i}":${i}`);
    const object = (entries: string[]) => `{${entries.join(',')}}`;

    it('accepts many distinct keys', () => {
      expect(findDuplicateKey(object(keys(200)))).toBeUndefined();
    });

    it('finds a repeat of one of the first 32 keys, of the 33rd key and of a later key', () => {
      const text = (repeated: string) => object([...keys(40), `"${repeated}":0`]);
      const column = object(keys(40)).length + 1; // the 40 keys, their braces, less one brace plus the comma
      expect(findDuplicateKey(text('k0'))).toEqual({ key: 'k0', line: 1, column });
      expect(findDuplicateKey(text('k31'))).toEqual({ key: 'k31', line: 1, column });
      expect(findDuplicateKey(text('k32'))).toEqual({ key: 'k32', line: 1, column });
      expect(findDuplicateKey(text('k39'))).toEqual({ key: 'k39', line: 1, column });
    });

    it('reports the first repeat in a large object, not a later one', () => {
      expect(findDuplicateKey(object([...keys(40), '"k5":0', '"k6":0']))?.key).toBe('k5');
    });

    it('forgets the keys of a large object once it closes', () => {
      expect(findDuplicateKey(`[${object(keys(40))},${object(keys(40))}]`)).toBeUndefined();
      expect(findDuplicateKey(`{"a":${object(keys(40))},"k0":1,"k39":2}`)).toBeUndefined();
    });

    it('checks a small object nested in a large one on its own', () => {
      expect(findDuplicateKey(object([...keys(35), '"inner":{"k0":1,"k1":2}']))).toBeUndefined();
      expect(findDuplicateKey(object([...keys(35), '"inner":{"x":1,"x":2}']))).toEqual(
        expect.objectContaining({ key: 'x' }),
      );
    });
  });

  describe('more than 1024 keys open at once (the key table grows)', () => {
    /** Objects nested in `next`, with keys counts[0], counts[1], ... (each count includes `next`), around `inner`. */
    const around = (counts: number[], inner: string) => {
      let text = inner;
      for (let level = counts.length - 1; level >= 0; level--) {
        const own = Array.from({ length: counts[level] - 1 }, (_, i) => `"l${level}k${i}":${i}`);
        text = `{${[...own, `"next":${text}`].join(',')}}`;
      }
      return text;
    };
    // 32 keys per object stay in the table; 32 of them fill its first 1024 slots.
    const full = Array.from({ length: 32 }, () => 32);
    const innerKeys = Array.from({ length: 20 }, (_, i) => `"i${i}":${i}`).join(',');
    // 31 × 32 + 20 = 1012 slots, so the inner object's keys take slots 1012 to 1031 and the table grows under it.
    const straddling = (inner: string) => around([...full.slice(1), 20], inner);

    it('accepts distinct keys across the growth', () => {
      expect(findDuplicateKey(around(full, '{"y":1,"z":2}'))).toBeUndefined();
      expect(findDuplicateKey(straddling(`{${innerKeys}}`))).toBeUndefined();
    });

    it('finds a repeat of a key stored after the table grew', () => {
      expect(findDuplicateKey(around(full, '{"z":1,"z":2}'))?.key).toBe('z');
      expect(findDuplicateKey(straddling(`{${innerKeys},"i19":0}`))?.key).toBe('i19');
    });

    it('keeps the keys stored before the table grew', () => {
      expect(findDuplicateKey(straddling(`{${innerKeys},"i0":0}`))?.key).toBe('i0');
      expect(findDuplicateKey(straddling(`{${innerKeys},"i11":0}`))?.key).toBe('i11');
    });

    it('still finds a repeat in an outer object after the inner ones closed', () => {
      const text = straddling(`{${innerKeys}}`).replace(/}$/, ',"l0k3":0}');
      expect(findDuplicateKey(text)?.key).toBe('l0k3');
    });
  });

  describe('the check of the parsed tree answers as the scan of the text', () => {
    it.each([
      ['no duplicate', '{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}'],
      ['colons in keys and values', '{"a:b":"c:d:e","x":["::",":"],"y":{"z":"http://h:1"}}'],
      ['a duplicate', '{"a":1,"b":2,"a":3}'],
      ['a nested duplicate', '{"x":[{"k":1},{"k":1,"k":2}]}'],
      ['a duplicate whose first value held colons', '{"a":"1:2:3","a":"x"}'],
      ['a duplicate whose last value holds colons', '{"a":"x","a":"1:2:3"}'],
      ['a duplicate spelt with an escape', '{"a":1,"\\u0061":2}'],
      ['an escaped colon', '{"a\\u003a":1,"b":"\\u003A"}'],
      ['a duplicate next to an escaped colon', '{"a":"\\u003a","a":1}'],
      ['a repeated __proto__', '{"__proto__":1,"__proto__":2}'],
      ['one __proto__', '{"__proto__":{"a":1},"b":2}'],
      ['white space around colons', '{ "a" : 1 ,\n "b"\t:\r\n{"a" : 2} }'],
      ['white space around a duplicate', '{ "a" : 1 ,\n "a" : 2 }'],
      ['a string document', '"a:b"'],
      ['a number document', '12'],
      ['an empty key twice', '{"":1,"":2}'],
      ['a deep duplicate dropping a deeper subtree', `{"a":${nested(MAX_NESTING)},"a":1}`],
      ['too deep', nested(MAX_NESTING + 1)],
      ['exactly deep enough', nested(MAX_NESTING)],
    ])('%s', (_name, text) => {
      expect(checkParsedJson(text, JSON.parse(text))).toEqual(
        JSON.parse(JSON.stringify(scanJson(text))) as unknown,
      );
    });
  });

  it('measures nesting of parsed values', () => {
    expect(nestingDepth(JSON.parse(nested(MAX_NESTING)))).toBe(MAX_NESTING);
    expect(nestingDepth(JSON.parse(nested(MAX_NESTING + 1)))).toBe(MAX_NESTING + 1);
    expect(nestingDepth(null)).toBe(0);
    expect(nestingDepth([])).toBe(1);
    expect(nestingDepth({ a: null, b: 'x', c: [1, [2]] })).toBe(3);
    // The deepest branch is not the last one looked at.
    expect(nestingDepth({ a: [], b: [[]] })).toBe(3);
    expect(nestingDepth({ a: [[]], b: [] })).toBe(3);
  });
});

describe('load-path', () => {
  it('names a path through a regular file as not a directory', () => {
    const plain = file('{}');
    expect(inputError(() => loadPath(join(plain, 'x.json')))).toBe(
      `${join(plain, 'x.json')}: cannot read (a path component is not a directory)`,
    );
  });

  it('says no such file or directory for a missing path', () => {
    expect(inputError(() => loadPath(join(dir, 'absent')))).toBe(
      `${join(dir, 'absent')}: no such file or directory`,
    );
  });

  it('says a symbolic link loop for a looping path', () => {
    const a = join(dir, `loop-a-${++counter}`);
    const b = join(dir, `loop-b-${counter}`);
    symlinkSync(b, a);
    symlinkSync(a, b);
    expect(inputError(() => loadPath(a))).toBe(`${a}: cannot read (a symbolic link loop)`);
  });

  it('says so when a directory cannot be listed', () => {
    const locked = subdir('locked');
    // Root (as in CI containers) lists any directory, so the refusal is simulated on the module load-path uses.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nodeFs = require('node:fs') as typeof import('node:fs');
    const spy = jest.spyOn(nodeFs, 'readdirSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    try {
      expect(inputError(() => loadPath(locked))).toBe(
        `${locked}: cannot list the directory (permission denied)`,
      );
    } finally {
      spy.mockRestore();
    }
  });

  it('reads a stack directory with cdk.tf.json, naming the stack after the directory', () => {
    const stack = subdir('records');
    writeFileSync(
      join(stack, 'cdk.tf.json'),
      JSON.stringify({
        '//': { metadata: { stackName: 'from-metadata' } },
        resource: { azurerm_resource_group: { rg: { location: 'norwayeast' } } },
      }),
    );
    const [model] = loadPath(stack);
    expect(model.stack).toBe(basename(stack));
    expect(model.origin).toBe(join(stack, 'cdk.tf.json'));
    expect(must(model, 'azurerm_resource_group.rg').source.stack).toBe(basename(stack));
  });

  it('prefers manifest.json over cdk.tf.json in the same directory', () => {
    const out = subdir('out');
    mkdirSync(join(out, 'stacks', 'a'), { recursive: true });
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({ stacks: { a: { name: 'a', synthesizedStackPath: 'stacks/a/cdk.tf.json' } } }),
    );
    writeFileSync(
      join(out, 'stacks', 'a', 'cdk.tf.json'),
      JSON.stringify({ resource: { azurerm_resource_group: { fromManifest: {} } } }),
    );
    writeFileSync(
      join(out, 'cdk.tf.json'),
      JSON.stringify({ resource: { azurerm_resource_group: { fromStackFile: {} } } }),
    );
    expect(loadPath(out).map((m) => [m.stack, [...m.byAddress.keys()]])).toEqual([
      ['a', ['azurerm_resource_group.fromManifest']],
    ]);
  });

  it('reads the directory of a .tf file named on its own', () => {
    const tf = subdir('tf');
    writeFileSync(
      join(tf, 'main.tf'),
      'resource "azurerm_resource_group" "rg" {\n  location = "norwayeast"\n}\n',
    );
    writeFileSync(
      join(tf, 'other.tf'),
      'resource "azurerm_resource_group" "second" {\n  location = "norwaywest"\n}\n',
    );
    const [model] = loadPath(join(tf, 'main.tf'));
    expect([...model.byAddress.keys()].sort()).toEqual([
      'azurerm_resource_group.rg',
      'azurerm_resource_group.second',
    ]);
  });

  it.each(['resource', 'data', 'terraform', 'provider', '//', 'module', 'variable', 'output', 'locals'])(
    'takes a JSON object with a top-level "%s" key for Terraform JSON',
    (key) => {
      const path = file(JSON.stringify({ [key]: {} }));
      const model = loadJsonFile(path, 'given');
      expect(model).toMatchObject({ kind: 'synth', origin: path, stack: 'given', resources: [] });
    },
  );

  it('takes a JSON object for a plan when format_version comes with any of the plan keys', () => {
    expect(isPlanDocument({ format_version: '1.2', planned_values: {} })).toBe(true);
    expect(isPlanDocument({ format_version: '1.2', resource_changes: [] })).toBe(true);
    expect(isPlanDocument({ format_version: '1.2', terraform_version: '1.9.0' })).toBe(true);
    expect(isPlanDocument({ format_version: '1.2' })).toBe(false);
    expect(isPlanDocument({ planned_values: {}, resource_changes: [] })).toBe(false);
    expect(isPlanDocument([{ format_version: '1.2', planned_values: {} }])).toBe(false);
    const statePath = file(JSON.stringify({ format_version: '1.0', terraform_version: '1.9.0' }));
    expect(inputError(() => loadJsonFile(statePath))).toBe(
      `${statePath}: the plan has neither planned_values nor resource_changes; produce it with \`terraform show -json plan.bin\``,
    );
    const plan = file(
      JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} }, resource_changes: [] }),
    );
    expect(loadJsonFile(plan, 'st')).toMatchObject({
      kind: 'plan',
      stack: 'st',
      origin: plan,
      formatVersion: '1.2',
    });
  });

  it('explains what a JSON object with neither shape lacks, and what other JSON values are', () => {
    const other = file(JSON.stringify({ format_version: '1.2' }));
    expect(inputError(() => loadJsonFile(other))).toBe(
      `${other}: neither a Terraform JSON configuration (no resource/terraform/provider keys) nor a plan (no format_version with planned_values or resource_changes)`,
    );
    const cases: [string, string][] = [
      ['[]', 'an array'],
      ['null', 'null'],
      ['3', 'a number'],
      ['"x"', 'a string'],
      ['false', 'a boolean'],
    ];
    for (const [text, what] of cases) {
      const path = file(text);
      expect(inputError(() => loadJsonFile(path))).toBe(`${path}: expected a JSON object, got ${what}`);
    }
  });
});

describe('load-cdktf-out', () => {
  function out(stacks: unknown, files: Record<string, string> = {}): string {
    const root = subdir('cdktf-out');
    writeFileSync(join(root, 'manifest.json'), JSON.stringify({ version: '0.20.0', stacks }));
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    return root;
  }

  it('takes the manifest key as name when the stack has none, and keeps only string dependencies', () => {
    const root = out({
      key: { synthesizedStackPath: 'stacks/key/cdk.tf.json', dependencies: ['a', 7, null, 'b'] },
      other: { name: 'named', synthesizedStackPath: 'o.json', dependencies: 'a' },
    });
    expect(readManifest(root)).toEqual([
      { name: 'key', synthesizedStackPath: 'stacks/key/cdk.tf.json', dependencies: ['a', 'b'] },
      { name: 'named', synthesizedStackPath: 'o.json', dependencies: [] },
    ]);
  });

  it('refuses a stack entry that is not an object or has no path', () => {
    expect(inputError(() => readManifest(out({ s: 'stacks/s/cdk.tf.json' })))).toMatch(
      /manifest\.json: stack s has no synthesizedStackPath$/,
    );
    expect(inputError(() => readManifest(out({ t: { synthesizedStackPath: 3 } })))).toMatch(
      /manifest\.json: stack t has no synthesizedStackPath$/,
    );
    expect(inputError(() => readManifest(out(['a'])))).toMatch(
      /manifest\.json: expected a cdktf manifest with a "stacks" object; run `npm run synth` to write one$/,
    );
  });

  it('refuses stack paths that leave the directory or name the directory itself', () => {
    for (const path of ['.', '', '../x/cdk.tf.json', '/etc/cdk.tf.json', 'stacks/../..']) {
      const root = out({ s: { synthesizedStackPath: path } });
      expect(inputError(() => readManifest(root))).toBe(
        `${join(root, 'manifest.json')}: stack s points outside the directory (${path})`,
      );
    }
  });

  it('accepts a stack file whose name starts with two dots, inside the directory', () => {
    const root = out({ s: { synthesizedStackPath: '..stack.json' } }, { '..stack.json': '{}' });
    expect(readManifest(root)).toEqual([
      expect.objectContaining({ name: 's', synthesizedStackPath: '..stack.json' }),
    ]);
  });

  it('names the stack file when it cannot be looked at', () => {
    const root = out({ s: { synthesizedStackPath: 'plain.json/cdk.tf.json' } }, { 'plain.json': '{}' });
    expect(inputError(() => loadCdktfOut(root))).toBe(
      `${join(root, 'plain.json/cdk.tf.json')}: cannot read the file (a path component is not a directory)`,
    );
  });

  it('refuses a stack file that is not a JSON object', () => {
    const root = out({ s: { synthesizedStackPath: 's.json' } }, { 's.json': '[]' });
    expect(inputError(() => loadCdktfOut(root))).toBe(
      `${join(root, 's.json')}: expected a Terraform JSON object at the top level, got an array`,
    );
  });

  it('loads each stack with the manifest name, overriding the stack name in its metadata', () => {
    const root = out(
      {
        one: { name: 'first', synthesizedStackPath: 'a/cdk.tf.json' },
        two: { synthesizedStackPath: 'b/cdk.tf.json' },
      },
      {
        'a/cdk.tf.json': JSON.stringify({
          '//': { metadata: { stackName: 'ignored' } },
          resource: { azurerm_resource_group: { rg: {} } },
        }),
        'b/cdk.tf.json': JSON.stringify({ data: { azurerm_client_config: { current: {} } } }),
      },
    );
    const models = loadCdktfOut(root);
    expect(models.map((m) => [m.stack, m.origin, [...m.byAddress.keys()]])).toEqual([
      ['first', join(root, 'a/cdk.tf.json'), ['azurerm_resource_group.rg']],
      ['two', join(root, 'b/cdk.tf.json'), ['data.azurerm_client_config.current']],
    ]);
  });
});

describe('build', () => {
  it('refuses two resources with one address, even when the JSON keys differ', () => {
    // A managed resource of type "data" and a data source can spell the same address.
    const document = { resource: { data: { 'azurerm_x.y': {} } }, data: { azurerm_x: { y: {} } } };
    expect(inputError(() => loadTerraformJson(document, { file: 'twice.tf.json' }))).toBe(
      'twice.tf.json: the address data.azurerm_x.y appears twice; every resource needs a unique address',
    );
  });

  it('indexes resources by address, config address and type, keeping their order', () => {
    const model = loadTerraformJson(
      {
        resource: { azurerm_storage_account: { a: {}, b: {} }, azurerm_resource_group: { rg: {} } },
        data: { azurerm_storage_account: { a: {} } },
      },
      { file: 'x.tf.json' },
    );
    expect(model.byType.get('azurerm_storage_account')?.map((r) => r.address)).toEqual([
      'azurerm_storage_account.a',
      'azurerm_storage_account.b',
      'data.azurerm_storage_account.a',
    ]);
    expect(model.byType.get('azurerm_resource_group')?.map((r) => r.address)).toEqual([
      'azurerm_resource_group.rg',
    ]);
    expect(model.byConfigAddress.get('azurerm_storage_account.a')?.map((r) => r.mode)).toEqual(['managed']);
    expect(model.byAddress.get('data.azurerm_storage_account.a')?.mode).toBe('data');
  });

  it('indexes the resources a caller assembles, with the parts it was given', () => {
    const resource = (address: string, configAddress: string, type: string) =>
      ({
        address,
        configAddress,
        type,
        name: 'n',
        mode: 'managed',
        provider: 'azurerm',
        values: {},
        valuesAreExpressions: false,
        source: { file: 'f' },
      }) as TfResource;
    const parts = {
      kind: 'plan' as const,
      origin: 'p.json',
      stack: 's',
      resources: [resource('a[0]', 'a', 't1'), resource('a[1]', 'a', 't2'), resource('b', 'b', 't1')],
      backend: undefined,
      variables: new Map(),
      locals: new Map(),
      outputs: new Map(),
      bootstrap: false,
      suppressions: [],
    };
    const model = buildModel(parts);
    expect(model.byConfigAddress.get('a')?.map((r) => r.address)).toEqual(['a[0]', 'a[1]']);
    expect(model.byType.get('t1')?.map((r) => r.address)).toEqual(['a[0]', 'b']);
    expect(model).toMatchObject({ kind: 'plan', origin: 'p.json', stack: 's', bootstrap: false });
    expect(
      inputError(() => buildModel({ ...parts, resources: [...parts.resources, resource('b', 'b', 't3')] })),
    ).toBe('p.json: the address b appears twice; every resource needs a unique address');
  });

  it('keeps the first model of each named stack in a workspace and skips unnamed ones', () => {
    const model = (stack: string | undefined, origin: string) =>
      loadTerraformJson({ resource: {} }, { file: origin, stack });
    const first = model('a', 'a1.json');
    const second = model('a', 'a2.json');
    const unnamed = model(undefined, 'u.json');
    const other = model('b', 'b.json');
    const models = [first, second, unnamed, other];
    const workspace = buildWorkspace(models);
    expect(workspace.models).toBe(models);
    expect(workspace.byStack.get('a')).toBe(first);
    expect([...workspace.byStack.entries()].map(([k, m]) => [k, m.origin])).toEqual([
      ['a', 'a1.json'],
      ['b', 'b.json'],
    ]);
  });

  it('shortens provider sources to their last name', () => {
    expect(providerShortName('registry.terraform.io/hashicorp/azurerm')).toBe('azurerm');
    expect(providerShortName('registry.terraform.io/hashicorp/azurerm')).toBe('azurerm');
    expect(providerShortName('hashicorp/azuread')).toBe('azuread');
    expect(providerShortName('azapi')).toBe('azapi');
    expect(providerShortName('example.com/acme/thing.v2')).toBe('thing');
    // More distinct sources than are remembered still shorten correctly.
    const many = Array.from({ length: 1100 }, (_, i) => providerShortName(`example.com/acme/p${i}`));
    expect(many[0]).toBe('p0');
    expect(many[1099]).toBe('p1099');
    expect(providerShortName('example.com/acme/p1099')).toBe('p1099');
  });
});

describe('load-terraform-json', () => {
  const load = (document: unknown, options: Partial<Parameters<typeof loadTerraformJson>[1]> = {}) =>
    loadTerraformJson(document, { file: 'main.tf.json', ...options });

  it.each([
    [null, 'null'],
    [[], 'an array'],
    ['x', 'a string'],
    [1, 'a number'],
  ])('refuses a top level that is %p', (document, what) => {
    expect(inputError(() => load(document))).toBe(
      `main.tf.json: expected a Terraform JSON object at the top level, got ${what}`,
    );
  });

  it('describes types in words', () => {
    expect([null, [], {}, 'x', 1, true, undefined].map(describeType)).toEqual([
      'null',
      'an array',
      'an object',
      'a string',
      'a number',
      'a boolean',
      'a undefined',
    ]);
  });

  it('refuses a "resource" or "data" section that is not an object', () => {
    expect(inputError(() => load({ resource: [] }))).toBe(
      'main.tf.json: "resource" must be an object of resource types',
    );
    expect(inputError(() => load({ data: 'x' }))).toBe(
      'main.tf.json: "data" must be an object of resource types',
    );
    expect(inputError(() => load({ data: { azurerm_x: 5 } }))).toBe(
      'main.tf.json: resource type azurerm_x must map names to resource bodies, got a number',
    );
    expect(inputError(() => load({ resource: { azurerm_x: { a: [{}, {}, {}] } } }))).toBe(
      'main.tf.json: azurerm_x.a is declared 3 times; every resource needs a unique address',
    );
    expect(inputError(() => load({ resource: { azurerm_x: { a: ['x'] } } }))).toBe(
      'main.tf.json: azurerm_x.a must be an object, got an array',
    );
    expect(inputError(() => load({ resource: { azurerm_x: { a: 'x' } } }))).toBe(
      'main.tf.json: azurerm_x.a must be an object, got a string',
    );
  });

  it('reads label maps given inside an array (HCL adapted to JSON), skipping what is not a map', () => {
    const model = load({
      resource: {
        azurerm_x: [{ a: { location: 'norwayeast' } }, 'junk', { b: [{ location: 'norwaywest' }] }],
      },
    });
    expect([...model.byAddress.keys()]).toEqual(['azurerm_x.a', 'azurerm_x.b']);
    expect(must(model, 'azurerm_x.b').values).toEqual({ location: 'norwaywest' });
    expect(inputError(() => load({ data: { azurerm_x: [{ a: {} }, { a: {} }] } }))).toBe(
      'main.tf.json: azurerm_x.a is declared twice; every resource needs a unique address',
    );
  });

  it('keeps only provider attributes in values', () => {
    const body = {
      '//': { metadata: { path: 'stack/x' } },
      count: 2,
      for_each: '${var.m}',
      lifecycle: { prevent_destroy: true },
      provider: 'azurerm.west',
      depends_on: ['azurerm_x.b'],
      provisioner: [{ 'local-exec': { command: 'x' } }],
      connection: { host: 'h' },
      location: 'norwayeast',
      tags: { a: 'b' },
    };
    const resource = must(load({ resource: { azurerm_x: { a: body } } }), 'azurerm_x.a');
    expect(resource.values).toEqual({ location: 'norwayeast', tags: { a: 'b' } });
    expect(resource.preventDestroy).toBe(true);
    expect(resource.source.constructPath).toBe('stack/x');
  });

  it('finds the provider from required_providers, by source or by the old version-only syntax', () => {
    const model = load({
      terraform: [
        {
          required_providers: [
            {
              azurerm: { source: 'hashicorp/azurerm', version: '~> 3.0' },
              azuread: '~> 2.0',
              azapi: { version: '1.0' },
            },
          ],
        },
      ],
      resource: {
        azurerm_x: { a: {}, west: { provider: 'azurerm.west' } },
        azuread_group: { g: {} },
        azapi_resource: { r: {} },
        terraform_data: { d: {} },
        random_id: { i: { provider: 'random' } },
      },
    });
    expect(must(model, 'azurerm_x.a')).toMatchObject({
      provider: 'azurerm',
      providerSource: 'hashicorp/azurerm',
    });
    expect(must(model, 'azurerm_x.west')).toMatchObject({
      provider: 'azurerm',
      providerSource: 'hashicorp/azurerm',
    });
    expect(must(model, 'azuread_group.g')).toMatchObject({
      provider: 'azuread',
      providerSource: 'hashicorp/azuread',
    });
    expect(must(model, 'azapi_resource.r')).toMatchObject({ provider: 'azapi', providerSource: undefined });
    expect(must(model, 'terraform_data.d')).toMatchObject({
      provider: 'terraform',
      providerSource: 'terraform.io/builtin/terraform',
    });
    expect(must(model, 'random_id.i')).toMatchObject({ provider: 'random', providerSource: undefined });
  });

  it('reads the backend: the first one written, cloud, else local', () => {
    expect(load({ terraform: { backend: { azurerm: [{ key: 'k' }] } } }).backend).toEqual({
      type: 'azurerm',
      config: { key: 'k' },
    });
    expect(load({ terraform: { backend: [{ s3: 'x' }] } }).backend).toEqual({ type: 's3', config: {} });
    expect(load({ terraform: { backend: {}, cloud: { organization: 'o' } } }).backend).toEqual({
      type: 'cloud',
      config: { organization: 'o' },
    });
    expect(load({ terraform: { backend: {} } }).backend).toEqual({ type: 'local', config: {} });
    expect(load({ terraform: {} }).backend).toEqual({ type: 'local', config: {} });
    expect(load({ resource: {} }).backend).toEqual({ type: 'local', config: {} });
  });

  it('reads variables, their defaults and validations in either shape', () => {
    const model = load({
      variable: {
        one: { default: 'a', validation: { condition: 'c1', error_message: 'e1' } },
        many: [
          {
            default: null,
            validation: [{ condition: 'c2', error_message: 'e2' }, 'junk', { condition: 'c3' }],
          },
        ],
        bare: {},
        odd: 'x',
      },
    });
    expect(model.variables.get('one')).toEqual({
      name: 'one',
      default: 'a',
      hasDefault: true,
      hasValue: false,
      validations: [{ condition: 'c1', errorMessage: 'e1' }],
    });
    expect(model.variables.get('many')).toEqual({
      name: 'many',
      default: null,
      hasDefault: true,
      hasValue: false,
      validations: [
        { condition: 'c2', errorMessage: 'e2' },
        { condition: 'c3', errorMessage: undefined },
      ],
    });
    expect(model.variables.get('bare')).toEqual({
      name: 'bare',
      default: undefined,
      hasDefault: false,
      hasValue: false,
      validations: [],
    });
    expect(model.variables.get('odd')).toEqual({
      name: 'odd',
      default: undefined,
      hasDefault: false,
      hasValue: false,
      validations: [],
    });
  });

  it('reads locals from one block or several, and outputs in either shape', () => {
    expect([...load({ locals: [{ a: 1 }, 'junk', { b: 2, a: 3 }] }).locals]).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    expect([...load({ locals: { a: 1 } }).locals]).toEqual([['a', 1]]);
    expect([...load({ output: { x: { value: 1 }, y: [{ value: 2 }], z: 'junk', w: [] } }).outputs]).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
    expect(load({ output: [] }).outputs.size).toBe(0);
  });

  it('reads stack, kind, source file, module path and line numbers from the options', () => {
    const document = {
      '//': { metadata: { stackName: 'meta-stack' } },
      resource: { azurerm_x: { a: {} } },
      data: { azurerm_y: { b: {} } },
    };
    const model = load(document, {
      kind: 'hcl',
      sourceFile: 'main.tf',
      modulePath: 'module.net',
      lines: new Map([['module.net.azurerm_x.a', { file: 'net/main.tf', line: 12 }]]),
    });
    expect(model).toMatchObject({
      kind: 'hcl',
      stack: 'meta-stack',
      sourceFile: 'main.tf',
      origin: 'main.tf.json',
    });
    expect(must(model, 'module.net.azurerm_x.a').source).toEqual({
      file: 'net/main.tf',
      stack: 'meta-stack',
      constructPath: undefined,
      module: 'module.net',
      line: 12,
    });
    expect(must(model, 'module.net.data.azurerm_y.b')).toMatchObject({
      configAddress: 'module.net.data.azurerm_y.b',
      mode: 'data',
    });
    expect(must(model, 'module.net.data.azurerm_y.b').source).toEqual({
      file: 'main.tf.json',
      stack: 'meta-stack',
      constructPath: undefined,
      module: 'module.net',
      line: undefined,
    });
    expect(load(document, { stack: 'given' }).stack).toBe('given');
    expect(load({ '//': { metadata: { stackName: 3 } } }).stack).toBeUndefined();
    expect(load({ resource: { azurerm_x: { a: {} } } }).resources[0].source).toEqual({
      file: 'main.tf.json',
      stack: undefined,
      constructPath: undefined,
      module: '',
      line: undefined,
    });
  });

  it('reads construct suppressions, the bootstrap marker and ignores metadata that is not an object', () => {
    const model = load({
      '//': { norway_policy: { bootstrap: true } },
      resource: {
        azurerm_x: {
          a: {
            '//': {
              metadata: { path: 'st/A' },
              norway_policy: {
                suppressions: [{ ruleId: 'R-1', reason: 'why', expires: '2030-01-01', extra: 1 }, 'junk'],
              },
            },
          },
          b: { '//': { norway_policy: { suppressions: [{ ruleId: 'R-2' }] } } },
          c: { '//': { norway_policy: 'x', metadata: { path: 7 } } },
          d: { '//': { norway_policy: { suppressions: { ruleId: 'R-3' } } } },
        },
      },
    });
    expect(model.bootstrap).toBe(true);
    expect(model.suppressions).toEqual([
      {
        spec: { ruleId: 'R-1', reason: 'why', expires: '2030-01-01' },
        origin: { kind: 'construct', where: 'st/A', index: 0 },
        address: 'azurerm_x.a',
      },
      {
        spec: { ruleId: undefined, reason: undefined, expires: undefined },
        origin: { kind: 'construct', where: 'st/A', index: 1 },
        address: 'azurerm_x.a',
      },
      {
        spec: { ruleId: 'R-2', reason: undefined, expires: undefined },
        origin: { kind: 'construct', where: 'azurerm_x.b', index: 0 },
        address: 'azurerm_x.b',
      },
    ]);
    expect(must(model, 'azurerm_x.c').source.constructPath).toBeUndefined();
    expect(load({ '//': { norway_policy: { bootstrap: 'yes' } } }).bootstrap).toBe(false);
    expect(load({ '//': 'x' }).bootstrap).toBe(false);
    expect(load({ resource: {} }).kind).toBe('synth');
  });

  it('returns the parts without indexes for the HCL loader to combine', () => {
    const parts = readTerraformJsonParts(
      { resource: { azurerm_x: { a: {} } } },
      { file: 'm.tf.json', modulePath: 'module.m' },
    );
    expect(parts.resources.map((r) => r.address)).toEqual(['module.m.azurerm_x.a']);
    expect('byAddress' in parts).toBe(false);
  });
});

describe('load-plan: shapes the fixtures do not have', () => {
  type Json = Record<string, unknown>;
  const resource = (address: string, extra: Json = {}): Json => {
    const [type, name] = address
      .replace(/\[[^\]]*\]$/, '')
      .split('.')
      .slice(-2);
    return {
      address,
      type,
      name,
      mode: /(^|\.)data\.[^.]+\.[^.]+$/.test(address) ? 'data' : 'managed',
      provider_name: 'registry.terraform.io/hashicorp/azurerm',
      values: {},
      ...extra,
    };
  };
  const change = (address: string, actions: string[] = ['create'], extra: Json = {}): Json => ({
    ...resource(address),
    values: undefined,
    change: { actions, before: null, after: {}, after_unknown: {} },
    ...extra,
  });
  const plan = (extra: Json = {}): Json => ({
    format_version: '1.2',
    planned_values: {
      root_module: {
        resources: [resource('azurerm_resource_group.rg', { values: { location: 'norwayeast' } })],
      },
    },
    resource_changes: [change('azurerm_resource_group.rg')],
    ...extra,
  });
  const load = (document: unknown) => loadPlan(document, { file: 'plan.json', stack: 'st' });

  it.each([
    [null, 'null'],
    [[], 'an array'],
    ['{}', 'a string'],
  ])('refuses a document that is %p', (document, what) => {
    expect(inputError(() => load(document))).toBe(`plan.json: expected a plan JSON object, got ${what}`);
  });

  it('accepts format versions 0.x and 1.x with any number of digits, and nothing else', () => {
    for (const version of ['0.1', '0.2', '1.0', '1.10', '1.2'])
      expect(load(plan({ format_version: version })).formatVersion).toBe(version);
    for (const version of ['1', 'v1.2', '1.2.3', '1.2x', '', '.1', '1.']) {
      expect(inputError(() => load(plan({ format_version: version })))).toBe(
        `plan.json: format_version must be a string like "1.2", got ${JSON.stringify(version)}`,
      );
    }
    expect(inputError(() => load(plan({ format_version: undefined })))).toBe(
      'plan.json: format_version must be a string like "1.2", got undefined',
    );
    expect(inputError(() => load(plan({ format_version: '10.0' })))).toBe(
      'plan.json: plan format_version 10.0 is not supported (supported: 0.1 to 1.x); upgrade norway-policy',
    );
  });

  it('names what is wrong with the top-level sections', () => {
    expect(inputError(() => load({ format_version: '1.2' }))).toBe(
      'plan.json: the plan has neither planned_values nor resource_changes; produce it with `terraform show -json plan.bin`',
    );
    expect(inputError(() => load(plan({ planned_values: undefined })))).toBe(
      'plan.json: planned_values must be an object, got a undefined; produce the file with `terraform show -json plan.bin`',
    );
    expect(inputError(() => load(plan({ planned_values: { root_module: [] } })))).toBe(
      'plan.json: planned_values.root_module must be an object, got an array',
    );
    expect(inputError(() => load(plan({ resource_changes: 'x' })))).toBe(
      'plan.json: resource_changes must be an array, got a string',
    );
  });

  it('reads a plan with planned_values and no resources at all', () => {
    const model = load({ format_version: '1.2', planned_values: { root_module: {} } });
    expect(model).toMatchObject({
      kind: 'plan',
      origin: 'plan.json',
      stack: 'st',
      resources: [],
      backend: undefined,
      bootstrap: false,
      suppressions: [],
    });
    expect(model.locals.size + model.outputs.size + model.variables.size).toBe(0);
  });

  it('reads modules nested 101 deep and refuses one level more', () => {
    const chain = (levels: number): Json => {
      let module: Json = { resources: [resource('azurerm_x.deep')] };
      for (let i = 0; i < levels; i++) module = { child_modules: [module] };
      return module;
    };
    const deepPlan = (levels: number) => ({
      format_version: '1.2',
      planned_values: { root_module: chain(levels) },
      resource_changes: [change('azurerm_x.deep')],
    });
    expect([...load(deepPlan(100)).byAddress.keys()]).toEqual(['azurerm_x.deep']);
    const where = `planned_values.root_module${'.child_modules[0]'.repeat(101)}`;
    expect(inputError(() => load(deepPlan(101)))).toBe(
      `plan.json: ${where}: modules nest more than 100 levels deep`,
    );
  });

  it('refuses a child module that is not an object, naming where it is', () => {
    const document = plan({
      planned_values: { root_module: { child_modules: [{ address: 'module.a', child_modules: [{}, 'x'] }] } },
    });
    expect(inputError(() => load(document))).toBe(
      'plan.json: planned_values.root_module.child_modules[0].child_modules[1] must be an object, got a string',
    );
  });

  it('reads values that are null or absent as empty, keeps sensitive_values and plain indexes', () => {
    const document = plan({
      planned_values: {
        root_module: {
          resources: [
            resource('azurerm_x.a', { values: null, index: { odd: true } }),
            resource('azurerm_x.b[0]', { values: undefined, index: 0, sensitive_values: { secret: true } }),
            resource('azurerm_x.c["k"]', { index: 'k', provider_name: undefined }),
          ],
        },
      },
      resource_changes: [change('azurerm_x.a'), change('azurerm_x.b[0]'), change('azurerm_x.c["k"]')],
    });
    const model = load(document);
    expect(must(model, 'azurerm_x.a')).toMatchObject({ index: undefined, sensitive: undefined });
    expect(must(model, 'azurerm_x.a').values).toEqual({});
    expect(must(model, 'azurerm_x.b[0]').values).toEqual({});
    expect(must(model, 'azurerm_x.b[0]')).toMatchObject({
      index: 0,
      sensitive: { secret: true },
      configAddress: 'azurerm_x.b',
    });
    expect(must(model, 'azurerm_x.c["k"]')).toMatchObject({
      index: 'k',
      provider: 'azurerm',
      providerSource: undefined,
      configAddress: 'azurerm_x.c',
    });
    expect(must(model, 'azurerm_x.a').source).toEqual({ file: 'plan.json', stack: 'st', module: '' });
  });

  it('takes data sources from prior_state that planned_values lacks, and nothing else from it', () => {
    const document = plan({
      planned_values: {
        root_module: {
          resources: [
            resource('azurerm_resource_group.rg'),
            resource('data.azurerm_client_config.both', { values: { from: 'planned' } }),
          ],
        },
      },
      prior_state: {
        values: {
          root_module: {
            resources: [
              resource('azurerm_resource_group.old', { values: { from: 'prior' } }),
              resource('data.azurerm_client_config.both', { values: { from: 'prior' } }),
              resource('data.azurerm_client_config.prior', { values: { tenant_id: 't' } }),
            ],
            child_modules: [
              { address: 'module.m', resources: [resource('module.m.data.azurerm_subscription.s')] },
            ],
          },
        },
      },
    });
    const model = load(document);
    expect([...model.byAddress.keys()]).toEqual([
      'azurerm_resource_group.rg',
      'data.azurerm_client_config.both',
      'data.azurerm_client_config.prior',
      'module.m.data.azurerm_subscription.s',
    ]);
    expect(must(model, 'data.azurerm_client_config.both').values).toEqual({ from: 'planned' });
    expect(must(model, 'data.azurerm_client_config.prior')).toMatchObject({
      values: { tenant_id: 't' },
      mode: 'data',
      change: undefined,
    });
    expect(must(model, 'module.m.data.azurerm_subscription.s')).toMatchObject({
      configAddress: 'module.m.data.azurerm_subscription.s',
      source: { module: 'module.m' },
    });
  });

  it('ignores a prior_state without values or root module', () => {
    for (const prior of [null, {}, { values: null }, { values: { root_module: 'x' } }]) {
      expect([...load(plan({ prior_state: prior })).byAddress.keys()]).toEqual(['azurerm_resource_group.rg']);
    }
  });

  it('still refuses a broken prior_state module it walks', () => {
    const document = plan({
      prior_state: {
        values: { root_module: { resources: [resource('data.azurerm_x.d', { values: 'x' })] } },
      },
    });
    expect(inputError(() => load(document))).toBe(
      'plan.json: prior_state.values.root_module.resources[0].values must be an object',
    );
  });

  it('does not require a resource_changes entry for a planned data source', () => {
    const document = plan({
      planned_values: {
        root_module: {
          resources: [resource('azurerm_resource_group.rg'), resource('data.azurerm_client_config.c')],
        },
      },
    });
    expect(must(load(document), 'data.azurerm_client_config.c').change).toBeUndefined();
  });

  it('names a resource_changes entry that is not an object, or lacks an address', () => {
    expect(inputError(() => load(plan({ resource_changes: [change('azurerm_resource_group.rg'), 7] })))).toBe(
      'plan.json: resource_changes[1] must be an object',
    );
    expect(
      inputError(() =>
        load(plan({ resource_changes: [change('azurerm_resource_group.rg'), { change: { actions: [] } }] })),
      ),
    ).toBe('plan.json: resource_changes[1].address must be a non-empty string, got a undefined');
    expect(
      inputError(() =>
        load(
          plan({
            resource_changes: [{ ...change('azurerm_resource_group.rg'), change: { actions: 'create' } }],
          }),
        ),
      ),
    ).toBe('plan.json: resource_changes[0] (azurerm_resource_group.rg) has no change.actions list');
    expect(
      inputError(() =>
        load(plan({ resource_changes: [{ ...change('azurerm_resource_group.rg'), change: null }] })),
      ),
    ).toBe('plan.json: resource_changes[0] (azurerm_resource_group.rg) has no change.actions list');
    // One action that is not a string is enough.
    expect(
      inputError(() =>
        load(
          plan({
            resource_changes: [
              { ...change('azurerm_resource_group.rg'), change: { actions: ['delete', 1] } },
            ],
          }),
        ),
      ),
    ).toBe('plan.json: resource_changes[0] (azurerm_resource_group.rg) has no change.actions list');
    expect(
      inputError(() =>
        load(
          plan({
            resource_changes: [
              change('azurerm_resource_group.rg'),
              change('azurerm_x.gone', ['delete'], { name: '' }),
            ],
          }),
        ),
      ),
    ).toBe('plan.json: resource_changes[1].name must be a non-empty string, got a string');
  });

  it('attaches every part of a change to the planned resource', () => {
    const full = {
      actions: ['update'],
      before: { location: 'westeurope' },
      after: { location: 'norwayeast' },
      after_unknown: { id: true },
      before_sensitive: { a: true },
      after_sensitive: { b: true },
    };
    const model = load(
      plan({ resource_changes: [{ ...change('azurerm_resource_group.rg'), change: full }] }),
    );
    expect(must(model, 'azurerm_resource_group.rg').change).toEqual({
      actions: ['update'],
      before: { location: 'westeurope' },
      after: { location: 'norwayeast' },
      afterUnknown: { id: true },
      beforeSensitive: { a: true },
      afterSensitive: { b: true },
    });
  });

  it('reads resources only in resource_changes: mode, module, values from after, else before, else none', () => {
    const document = plan({
      resource_changes: [
        change('azurerm_resource_group.rg'),
        {
          ...change('data.azurerm_client_config.read', ['read']),
          change: { actions: ['read'], before: null, after: { tenant_id: 't' } },
        },
        {
          ...change('module.spoke["a"].azurerm_x.gone', ['delete']),
          module_address: 'module.spoke["a"]',
          index: 3,
          change: { actions: ['delete'], before: { location: 'westeurope' }, after: null },
        },
        {
          ...change('azurerm_x.nothing', ['delete']),
          provider_name: 7,
          change: { actions: ['delete'], before: 'x', after: 'y' },
        },
        { ...change('azurerm_x.weird', ['delete']), mode: 'something', module_address: 5 },
      ],
    });
    const model = load(document);
    expect(must(model, 'data.azurerm_client_config.read')).toMatchObject({
      mode: 'data',
      configAddress: 'data.azurerm_client_config.read',
      values: { tenant_id: 't' },
      change: { actions: ['read'] },
    });
    expect(must(model, 'module.spoke["a"].azurerm_x.gone')).toMatchObject({
      mode: 'managed',
      configAddress: 'module.spoke.azurerm_x.gone',
      values: { location: 'westeurope' },
      index: 3,
      source: { file: 'plan.json', stack: 'st', module: 'module.spoke["a"]' },
      provider: 'azurerm',
      providerSource: 'registry.terraform.io/hashicorp/azurerm',
    });
    expect(must(model, 'azurerm_x.nothing').values).toEqual({});
    expect(must(model, 'azurerm_x.nothing')).toMatchObject({
      provider: 'azurerm',
      providerSource: undefined,
    });
    expect(must(model, 'azurerm_x.weird')).toMatchObject({
      mode: 'managed',
      configAddress: 'azurerm_x.weird',
      source: { module: '' },
    });
  });

  it('attaches a change to a planned data source, but refuses a second one', () => {
    const document = plan({
      planned_values: {
        root_module: { resources: [resource('azurerm_resource_group.rg'), resource('data.azurerm_x.d')] },
      },
      resource_changes: [change('azurerm_resource_group.rg'), change('data.azurerm_x.d', ['read'])],
    });
    expect(must(load(document), 'data.azurerm_x.d').change?.actions).toEqual(['read']);
    const twice = {
      ...document,
      resource_changes: [...(document.resource_changes as unknown[]), change('data.azurerm_x.d', ['read'])],
    };
    expect(inputError(() => load(twice))).toBe(
      'plan.json: resource_changes[2]: the address data.azurerm_x.d appears twice in resource_changes',
    );
  });

  it('names the first planned resource without a change', () => {
    const document = plan({
      planned_values: {
        root_module: {
          resources: [
            resource('azurerm_resource_group.rg'),
            resource('azurerm_x.b'),
            resource('azurerm_x.c'),
          ],
        },
      },
    });
    expect(inputError(() => load(document))).toBe(
      'plan.json: azurerm_x.b is in planned_values but has no entry in resource_changes, so its unknown values cannot be told apart from absent ones',
    );
  });

  describe('configuration', () => {
    const withConfig = (configuration: unknown, extra: Json = {}) => load(plan({ configuration, ...extra }));

    it('reads declared variables with and without defaults, and values given for undeclared ones', () => {
      const model = withConfig(
        {
          root_module: {
            variables: {
              region: { default: 'norwayeast' },
              env: { description: 'd' },
              nothing: { default: null },
              junk: 'x',
            },
          },
        },
        { variables: { env: { value: 'prod' }, extra: { value: 1 }, noValue: {}, odd: 'x' } },
      );
      const variable = (name: string) => model.variables.get(name);
      expect(variable('region')).toEqual({
        name: 'region',
        default: 'norwayeast',
        hasDefault: true,
        value: undefined,
        hasValue: false,
        validations: [],
      });
      expect(variable('env')).toEqual({
        name: 'env',
        default: undefined,
        hasDefault: false,
        value: 'prod',
        hasValue: true,
        validations: [],
      });
      expect(variable('nothing')).toMatchObject({ default: null, hasDefault: true });
      expect(variable('extra')).toEqual({
        name: 'extra',
        default: undefined,
        hasDefault: false,
        value: 1,
        hasValue: true,
        validations: [],
      });
      expect(variable('noValue')).toMatchObject({ value: undefined, hasValue: false, hasDefault: false });
      expect(variable('odd')).toMatchObject({ value: undefined, hasValue: false });
      expect(variable('junk')).toBeUndefined();
      expect([...model.variables.keys()]).toEqual(['env', 'extra', 'noValue', 'odd', 'region', 'nothing']);
    });

    it('ignores variables that are not objects; refuses a configuration or root module that is not one', () => {
      expect(withConfig({ root_module: { variables: [] } }).variables.size).toBe(0);
      expect(withConfig({ root_module: {} }, { variables: [] }).variables.size).toBe(0);
      expect(inputError(() => withConfig('x'))).toBe(
        'plan.json: configuration must be an object, got a string',
      );
      expect(inputError(() => withConfig({ root_module: 'x' }))).toBe(
        'plan.json: configuration.root_module must be an object, got a string',
      );
    });

    it('refuses configuration resources and module calls it cannot read: their references would be lost', () => {
      expect(inputError(() => withConfig({ root_module: { resources: ['junk'] } }))).toBe(
        'plan.json: configuration.root_module.resources[0] must be an object with an address',
      );
      expect(inputError(() => withConfig({ root_module: { resources: [{ address: 7 }] } }))).toBe(
        'plan.json: configuration.root_module.resources[0] must be an object with an address',
      );
      expect(inputError(() => withConfig({ root_module: { module_calls: { broken: 'x' } } }))).toBe(
        'plan.json: configuration.root_module.module_calls.broken must be an object, got a string',
      );
      expect(
        inputError(() =>
          withConfig({ root_module: { module_calls: { net: { module: { resources: [null] } } } } }),
        ),
      ).toBe(
        'plan.json: configuration.root_module.module_calls.net.module.resources[0] must be an object with an address',
      );
    });

    it('collects references per attribute path: nested blocks, lists of blocks, never into constants', () => {
      const model = withConfig({
        root_module: {
          resources: [
            {
              address: 'azurerm_resource_group.rg',
              expressions: {
                location: { references: ['var.region', 5] },
                name: { constant_value: 'rg' },
                tags: { constant_value: { owner: { references: ['var.not_a_reference'] } } },
                network_rules: [
                  { subnet_ids: { references: ['azurerm_subnet.a.id'] } },
                  { subnet_ids: { references: ['azurerm_subnet.b.id'] } },
                ],
                identity: { principal: { inner: { references: ['azurerm_x.p'] } } },
                odd: 'x',
              },
            },
          ],
        },
      });
      const refs = must(model, 'azurerm_resource_group.rg').references;
      expect(refs && Object.fromEntries(refs)).toEqual({
        location: ['var.region'],
        'network_rules.subnet_ids': ['azurerm_subnet.a.id', 'azurerm_subnet.b.id'],
        'identity.principal.inner': ['azurerm_x.p'],
      });
    });

    it('reads module calls recursively, with their inputs', () => {
      const model = withConfig(
        {
          root_module: {
            module_calls: {
              net: {
                expressions: { location: { references: ['var.region'] } },
                module: {
                  resources: [
                    { address: 'azurerm_x.hub', expressions: { location: { references: ['var.location'] } } },
                  ],
                  module_calls: { fw: { expressions: { name: { constant_value: 'fw' } }, module: {} } },
                },
              },
            },
          },
        },
        {
          planned_values: {
            root_module: {
              child_modules: [
                { address: 'module.net[0]', resources: [resource('module.net[0].azurerm_x.hub')] },
              ],
            },
          },
          resource_changes: [change('module.net[0].azurerm_x.hub')],
        },
      );
      expect(model.moduleInputs && [...model.moduleInputs.keys()]).toEqual([
        'module.net',
        'module.net.module.fw',
      ]);
      expect(model.moduleInputs?.get('module.net')?.get('location')).toEqual(['var.region']);
      expect(model.moduleInputs?.get('module.net.module.fw')?.size).toBe(0);
      const hub = must(model, 'module.net[0].azurerm_x.hub');
      expect(hub.configAddress).toBe('module.net.azurerm_x.hub');
      expect(hub.references?.get('location')).toEqual(['var.location']);
    });

    it('reads module calls nested 100 deep and refuses deeper ones', () => {
      const chain = (levels: number): Json => {
        let module: Json = {
          resources: [{ address: 'azurerm_x.deep', expressions: { location: { references: ['var.l'] } } }],
        };
        for (let i = 0; i < levels; i++) module = { module_calls: { m: { module } } };
        return module;
      };
      // planned_values names the module by its address; how deep it sits there does not matter.
      const deepPlan = (levels: number) => {
        const address = `${'module.m.'.repeat(levels)}azurerm_x.deep`;
        const model = withConfig(
          { root_module: chain(levels) },
          {
            planned_values: {
              root_module: {
                child_modules: [
                  { address: address.replace(/\.azurerm_x\.deep$/, ''), resources: [resource(address)] },
                ],
              },
            },
            resource_changes: [change(address)],
          },
        );
        return { model, resource: must(model, address) };
      };
      const reads = deepPlan(100);
      expect(reads.resource.references?.get('location')).toEqual(['var.l']);
      expect(reads.model.moduleInputs?.size).toBe(100);
      expect(inputError(() => deepPlan(101))).toBe(
        `plan.json: configuration.root_module${'.module_calls.m.module'.repeat(101)}: modules nest more than 100 levels deep`,
      );
    });
  });
});
