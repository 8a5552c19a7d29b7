/**
 * policies/model/read-json.ts: exact messages (file, line, column) for input that cannot be read, the
 * bounds of the JSON scanner and duplicate keys. Every input is written to a temp dir by the test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkParsedJson,
  describeFsError,
  findDuplicateKey,
  MAX_INPUT_BYTES,
  MAX_NESTING,
  nestingDepth,
  parseJsonText,
  readJson,
  readText,
  scanJson,
  tallyTree,
} from '../../policies/model/read-json';
import { InputError } from '../../policies/model/types';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'read-json-'));
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

  it.each([
    ['U+1EFF (E1 BB BF)', '\u1eff'],
    ['U+FFFF (EF BF BF)', '\uffff'],
    ['U+FEFE (EF BB BE)', '\ufefe'],
  ])('keeps a leading %s, which shares two bytes with the mark', (_name, char) => {
    expect(readText(file(`${char}{"a":1}`))).toBe(`${char}{"a":1}`);
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
      ['a dropped key made up for by an escaped colon', '{"a":1,"a":2,"b":"\\u003a"}'],
      ['a dropped key made up for by an upper-case escape', '{"a":1,"a":2,"b\\u003A":3}'],
      ['escaped angle brackets and a literal colon', '{"a":"\\u003c:\\u003e","b":1}'],
      ['an escaped backslash before u003a', '{"a":"\\\\u003a:","b":1}'],
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

  describe('the tally of a parsed tree: its keys and the colons in its strings', () => {
    it.each<[string, unknown, { keys: number; colons: number }]>([
      ['a string document', 'a:b:c', { keys: 0, colons: 2 }],
      ['a number document', 12, { keys: 0, colons: 0 }],
      ['null', null, { keys: 0, colons: 0 }],
      ['an empty object', {}, { keys: 0, colons: 0 }],
      ['nested objects', { a: 1, b: { c: 'x:y' } }, { keys: 3, colons: 1 }],
      [
        'colons in keys, values and lists',
        { 'a:b': 'c:d:e', x: ['::', ':'], y: { z: 'http://h:1' } },
        { keys: 4, colons: 8 },
      ],
      ['objects and strings inside lists', [[{ a: '1:2' }], 'x:y', null, 3], { keys: 1, colons: 2 }],
      ['a key with a colon and no string value', { 'k:': null }, { keys: 1, colons: 1 }],
      ['strings without colons', { a: 'abc', b: ['def'] }, { keys: 2, colons: 0 }],
    ])('%s', (_name, tree, tally) => {
      expect(tallyTree(tree, MAX_NESTING)).toEqual(tally);
    });

    it('counts to the depth limit and no further; null and strings open no level', () => {
      expect(tallyTree({ a: {} }, 2)).toEqual({ keys: 1, colons: 0 });
      expect(tallyTree({ a: {} }, 1)).toBeUndefined();
      expect(tallyTree([[]], 2)).toEqual({ keys: 0, colons: 0 });
      expect(tallyTree([[]], 1)).toBeUndefined();
      expect(tallyTree({ a: null, b: 'x:y' }, 1)).toEqual({ keys: 2, colons: 1 });
      expect(tallyTree([null, 'x:y'], 1)).toEqual({ keys: 0, colons: 1 });
      expect(tallyTree(JSON.parse(nested(MAX_NESTING)), MAX_NESTING)).toEqual({ keys: 0, colons: 0 });
      expect(tallyTree(JSON.parse(nested(MAX_NESTING + 1)), MAX_NESTING)).toBeUndefined();
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
