/** Read a JSON input file with errors a person can act on: the file, the line and column, what was expected. */
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { InputError } from './types';

/** Larger inputs are refused rather than risking the process (a plan of thousands of resources is ~100 MB). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

function describeInvalidUtf8(buffer: Buffer): string {
  // Re-decode leniently: each invalid sequence becomes U+FFFD. The first U+FFFD that the file does not
  // itself spell as EF BF BD marks the first invalid byte.
  const lenient = buffer.toString('utf8');
  for (let offset = lenient.indexOf('\ufffd'); offset >= 0; offset = lenient.indexOf('\ufffd', offset + 1)) {
    const at = Buffer.byteLength(lenient.slice(0, offset));
    if (buffer[at] === 0xef && buffer[at + 1] === 0xbf && buffer[at + 2] === 0xbd) continue;
    const before = lenient.slice(0, offset);
    const line = before.split('\n').length;
    return `first invalid byte on line ${line}, column ${offset - before.lastIndexOf('\n')}`;
  }
  return 'invalid byte sequence';
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'ENOTDIR':
      return 'a path component is not a directory';
    default:
      return String(code ?? (error as Error).message);
  }
}

export function readText(file: string): string {
  let buffer: Buffer;
  try {
    // Never open FIFOs, sockets or devices: reading one could block forever.
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(file, 'cannot read the file (is a directory)');
    if (!stat.isFile())
      throw new InputError(file, 'is not a regular file (a FIFO, socket or device); expected a file');
    if (stat.size > MAX_INPUT_BYTES)
      throw new InputError(
        file,
        `is ${Math.ceil(stat.size / 1048576)} MB, larger than the ${MAX_INPUT_BYTES / 1048576} MB limit`,
      );
    buffer = readFileSync(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, `cannot read the file (${describeFsError(error)})`);
  }
  if (
    buffer.length >= 2 &&
    ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))
  ) {
    throw new InputError(file, 'the file is UTF-16; save it as UTF-8 (terraform show -json writes UTF-8)');
  }
  if (buffer.includes(0))
    throw new InputError(
      file,
      'the file is binary, not JSON (a plan must be converted with `terraform show -json plan.bin`)',
    );
  // Strict: a byte that is not UTF-8 fails the input instead of turning silently into U+FFFD. Validating
  // first (one vectorised pass) and then decoding is cheaper than a fatal TextDecoder.
  if (!isUtf8(buffer))
    throw new InputError(
      file,
      `the file is not valid UTF-8 (${describeInvalidUtf8(buffer)}); save it as UTF-8`,
    );
  // A leading UTF-8 byte order mark is dropped, as a TextDecoder drops it.
  const bom = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  return buffer.toString('utf8', bom ? 3 : 0);
}

/** Real configurations and plans nest a few dozen levels; deeper input would only exhaust the stack later. */
export const MAX_NESTING = 256;

export function parseJsonText(file: string, text: string): unknown {
  if (text.trim() === '') throw new InputError(file, 'the file is empty; expected JSON');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `malformed JSON ${describeJsonError(text, (error as Error).message)}`);
  }
  const scan = checkParsedJson(text, document);
  if (scan.tooDeep)
    throw new InputError(
      file,
      `the JSON nests deeper than ${MAX_NESTING} levels; this is not a Terraform configuration or plan`,
    );
  const duplicate = scan.duplicate;
  if (duplicate) {
    // JSON.parse keeps only the last value; Terraform reads every `"resource"` property of a JSON file.
    throw new InputError(
      file,
      `the key ${JSON.stringify(duplicate.key)} appears twice in one object (line ${duplicate.line}, column ${duplicate.column}); part of the input would go unchecked`,
    );
  }
  return document;
}

/**
 * The same answer as `scanJson(text)` for `document = JSON.parse(text)`, mostly without scanning the text.
 *
 * The parsed tree is walked once for its depth, its keys and the `:` in its strings. Without duplicate
 * keys, the text's colons are exactly the tree's keys (one `:` each) plus the colons in its strings; a
 * duplicate drops at least one key (and maybe strings) from the tree, so the tree counts fewer. Only a
 * `\u003a` escape, which decodes to a colon the text does not spell, can make up for a dropped key; so
 * a tree with colons in its strings is trusted only if the text spells no such escape. A text whose
 * counts differ takes the full scan, to find and place the duplicate, as does a tree too deep (a
 * duplicate may have dropped a deeper subtree, and a too deep text is reported first).
 */
export function checkParsedJson(
  text: string,
  document: unknown,
): { tooDeep: boolean; duplicate?: DuplicateKey } {
  const tree = tallyTree(document, MAX_NESTING);
  if (tree === undefined || tree.keys + tree.colons !== colonsIn(text)) return scanJson(text);
  if (tree.colons > 0 && spellsEscapedColon(text)) return scanJson(text);
  return { tooDeep: false };
}

/** Whether `text` holds `\u003a` or `\u003A`, in one search (Terraform writes `<` and `>` as `\u003c`, `\u003e`). */
function spellsEscapedColon(text: string): boolean {
  for (let at = text.indexOf('\\u003'); at >= 0; at = text.indexOf('\\u003', at + 5)) {
    const next = text.charCodeAt(at + 5);
    if (next === 0x61 /* a */ || next === 0x41 /* A */) return true;
  }
  return false;
}

/** Keys and colons in the strings (keys and values) of a parsed tree; undefined if it nests too deep. */
export function tallyTree(root: unknown, maxDepth: number): { keys: number; colons: number } | undefined {
  if (typeof root === 'string') return { keys: 0, colons: colonsIn(root) };
  if (typeof root !== 'object' || root === null) return { keys: 0, colons: 0 };
  let keys = 0;
  let colons = 0;
  // Two parallel stacks: no array per visited container.
  const stack: object[] = [root];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const value = stack.pop() as object;
    const depth = depths.pop() as number;
    if (depth > maxDepth) return undefined;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'string') {
          if (item.includes(':')) colons += colonsIn(item);
        } else if (typeof item === 'object' && item !== null) {
          stack.push(item);
          depths.push(depth + 1);
        }
      }
    } else {
      const record = value as Record<string, unknown>;
      // JSON.parse makes every key an own enumerable property, `__proto__` too.
      for (const key in record) {
        keys++;
        if (key.includes(':')) colons += colonsIn(key);
        const item = record[key];
        if (typeof item === 'string') {
          if (item.includes(':')) colons += colonsIn(item);
        } else if (typeof item === 'object' && item !== null) {
          stack.push(item);
          depths.push(depth + 1);
        }
      }
    }
  }
  return { keys, colons };
}

function colonsIn(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) count++;
  return count;
}

export interface DuplicateKey {
  readonly key: string;
  readonly line: number;
  readonly column: number;
}

/** The first key that repeats within one object, scanning text that is already known to be valid JSON. */
export function findDuplicateKey(text: string): DuplicateKey | undefined {
  return scanJson(text, Infinity).duplicate;
}

/** Up to this many keys an object's keys are compared by hash in a flat array; beyond, a Set per object. */
const SMALL_OBJECT_KEYS = 32;

/**
 * One pass over text already known to be valid JSON: whether containers nest deeper than `maxDepth`
 * (so the check needs no walk over the parsed tree), and the first key that repeats within one object
 * (JSON.parse keeps only the last one). Iterative and linear, so hostile input cannot exhaust the stack.
 *
 * It runs over every byte of every input, so it is written for speed: strings are skipped with
 * `indexOf`, and escapes are looked for only where the next backslash of the text says there are any;
 * a key is told by the `:` after it, and is neither sliced nor hashed in full: a hash of its length and
 * three of its characters goes into a typed array shared by all open objects, compared linearly (real
 * objects have a few keys). Equal hashes are confirmed on the decoded keys, so a collision never
 * reports a duplicate that is not there.
 */
export function scanJson(
  text: string,
  maxDepth = MAX_NESTING,
): { tooDeep: boolean; duplicate?: DuplicateKey } {
  const length = text.length;
  const frames = Math.min(maxDepth, length) + 2;
  // Per open container (index = depth): 1 for an object; where its keys start in `hashes`; a Set once large.
  const isObject = new Uint8Array(frames);
  const firstKey = new Int32Array(frames);
  const large: (Set<string> | undefined)[] = [];
  let hashes: Int32Array = new Int32Array(1024);
  let starts: Int32Array = new Int32Array(1024);
  let ends: Int32Array = new Int32Array(1024);
  let top = 0;
  let depth = 0;
  let duplicate: DuplicateKey | undefined;
  let backslash = nextBackslash(text, 0);
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      let end = text.indexOf('"', i + 1);
      const escaped = end > backslash;
      if (escaped) {
        // The string may hold escapes: the closing quote is one not preceded by an odd number of backslashes.
        while (!closes(text, end)) end = text.indexOf('"', end + 1);
        backslash = nextBackslash(text, end);
      }
      if (end < 0) break;
      i = end;
      if (isObject[depth] !== 1 || duplicate) continue;
      let next = text.charCodeAt(end + 1);
      for (let n = end + 1; next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09;)
        next = text.charCodeAt(++n);
      if (next !== 0x3a /* : */) continue;
      // A key. An escaped one is decoded first, so `"\u0061"` and `"a"` are the same key.
      const decoded = escaped ? keyAt(text, start, end) : undefined;
      const hash =
        decoded === undefined
          ? keyHash(text, start + 1, end - start - 1)
          : keyHash(decoded, 0, decoded.length);
      const set = large[depth];
      if (set) {
        const key = keyAt(text, start, end);
        if (set.has(key)) duplicate = { key, ...lineColumn(text, start) };
        else set.add(key);
        continue;
      }
      const from = firstKey[depth];
      for (let k = from; k < top; k++) {
        if (hashes[k] === hash && keyAt(text, start, end) === keyAt(text, starts[k], ends[k])) {
          duplicate = { key: keyAt(text, start, end), ...lineColumn(text, start) };
          break;
        }
      }
      if (duplicate) continue;
      if (top - from >= SMALL_OBJECT_KEYS) {
        const keys = new Set<string>();
        for (let k = from; k < top; k++) keys.add(keyAt(text, starts[k], ends[k]));
        keys.add(keyAt(text, start, end));
        large[depth] = keys;
        top = from;
        continue;
      }
      if (top === hashes.length) {
        hashes = grow(hashes);
        starts = grow(starts);
        ends = grow(ends);
      }
      hashes[top] = hash;
      starts[top] = start;
      ends[top] = end;
      top++;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      // Keep going after a duplicate: too deep input is reported first, as before.
      if (++depth > maxDepth) return { tooDeep: true };
      isObject[depth] = c === 0x7b ? 1 : 0;
      firstKey[depth] = top;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      top = firstKey[depth];
      large[depth] = undefined;
      depth--;
    }
  }
  return { tooDeep: false, duplicate };
}

function nextBackslash(text: string, from: number): number {
  const at = text.indexOf('\\', from);
  return at < 0 ? text.length : at;
}

/** Whether the quote at `at` ends a string: it is not preceded by an odd number of backslashes. */
function closes(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
  return backslashes % 2 === 0;
}

/** Length and first, middle and last character of `length` characters of `text` from `from`. */
function keyHash(text: string, from: number, length: number): number {
  if (length === 0) return 0;
  return (
    (length << 24) ^
    (text.charCodeAt(from) << 16) ^
    (text.charCodeAt(from + (length >> 1)) << 8) ^
    text.charCodeAt(from + length - 1)
  );
}

/** The decoded key between the quotes at `start` and `end`. */
function keyAt(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end);
  return inner.includes('\\') ? (JSON.parse(`"${inner}"`) as string) : inner;
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Depth of arrays and objects, measured without recursion (so it cannot overflow the stack itself). */
export function nestingDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > max) max = depth + 1;
    if (max > MAX_NESTING) return max;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return max;
}

export function readJson(file: string): unknown {
  return parseJsonText(file, readText(file));
}

function describeJsonError(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message);
  const offset = position
    ? Number(position[1])
    : /end of JSON input|Unterminated/.test(message)
      ? text.length
      : undefined;
  const reason = message
    .replace(/ (?:in|after) JSON at position \d+.*$/, '')
    .replace(/^Unexpected end of JSON input$/, 'unexpected end of input (truncated?)');
  if (offset === undefined) return `(${reason})`;
  let line = 1;
  let column = 1;
  // Node's position is never past the end of the text.
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      column = 1;
    } else column++;
  }
  return `at line ${line}, column ${column}: ${reason}`;
}
