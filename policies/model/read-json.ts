/** Read a JSON input file with errors a person can act on: the file, the line and column, what was expected. */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from './types';

/** Larger inputs are refused rather than risking the process (a plan of thousands of resources is ~100 MB). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** Strict: a byte that is not UTF-8 fails the input instead of turning silently into U+FFFD. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function describeInvalidUtf8(buffer: Buffer): string {
  // Re-decode leniently and find the first replacement character's line.
  const lenient = buffer.toString('utf8');
  const offset = lenient.indexOf('\ufffd');
  if (offset < 0) return 'invalid byte sequence';
  const before = lenient.slice(0, offset);
  const line = before.split('\n').length;
  return `first invalid byte on line ${line}, column ${offset - before.lastIndexOf('\n')}`;
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
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!stat.isFile()) throw new InputError(file, 'is not a regular file (a FIFO, socket or device); expected a file');
    if (stat.size > MAX_INPUT_BYTES) throw new InputError(file, `is ${Math.round(stat.size / 1048576)} MB, larger than the ${MAX_INPUT_BYTES / 1048576} MB limit`);
    buffer = readFileSync(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, `cannot read the file (${describeFsError(error)})`);
  }
  if (buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) {
    throw new InputError(file, 'the file is UTF-16; save it as UTF-8 (terraform show -json writes UTF-8)');
  }
  if (buffer.includes(0)) throw new InputError(file, 'the file is binary, not JSON (a plan must be converted with `terraform show -json plan.bin`)');
  let text: string;
  try {
    text = UTF8.decode(buffer);
  } catch {
    throw new InputError(file, `the file is not valid UTF-8 (${describeInvalidUtf8(buffer)}); save it as UTF-8`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
  if (nestingDepth(document) > MAX_NESTING) throw new InputError(file, `the JSON nests deeper than ${MAX_NESTING} levels; this is not a Terraform configuration or plan`);
  const duplicate = findDuplicateKey(text);
  if (duplicate) {
    // JSON.parse keeps only the last value; Terraform reads every `"resource"` property of a JSON file.
    throw new InputError(file, `the key ${JSON.stringify(duplicate.key)} appears twice in one object (line ${duplicate.line}, column ${duplicate.column}); part of the input would go unchecked`);
  }
  return document;
}

/**
 * The first key that repeats within one object, scanning text that is already known to be valid JSON.
 * Iterative and linear, so hostile input cannot exhaust the stack.
 */
export function findDuplicateKey(text: string): { key: string; line: number; column: number } | undefined {
  // An object's keys: a small array (most objects have a few keys), a Set once it grows; null for arrays.
  const frames: (string[] | Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      // Jump to the closing quote: one not preceded by an odd number of backslashes.
      for (;;) {
        i = text.indexOf('"', i + 1);
        if (i < 0) return undefined;
        let backslashes = 0;
        while (text.charCodeAt(i - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      const keys = frames[frames.length - 1];
      if (expectKey && keys) {
        const inner = text.slice(start + 1, i);
        const key = inner.includes('\\') ? (JSON.parse(`"${inner}"`) as string) : inner;
        if (Array.isArray(keys)) {
          if (keys.includes(key)) return { key, ...lineColumn(text, start) };
          keys.push(key);
          if (keys.length > SMALL_OBJECT_KEYS) frames[frames.length - 1] = new Set(keys);
        } else {
          if (keys.has(key)) return { key, ...lineColumn(text, start) };
          keys.add(key);
        }
        expectKey = false;
      }
    } else if (c === 0x7b /* { */) {
      frames.push([]);
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      frames.push(null);
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      frames.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = frames[frames.length - 1] !== null && frames.length > 0;
    }
  }
  return undefined;
}

/** Up to this many keys, a linear search beats creating a Set per object. */
const SMALL_OBJECT_KEYS = 16;

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
  const offset = position ? Number(position[1]) : /end of JSON input|Unterminated/.test(message) ? text.length : undefined;
  const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected end of JSON input$/, 'unexpected end of input (truncated?)');
  if (offset === undefined) return `(${reason})`;
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      column = 1;
    } else column++;
  }
  return `at line ${line}, column ${column}: ${reason}`;
}
