/** Read a JSON input file with errors a person can act on: the file, the line and column, what was expected. */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from './types';

/** Larger inputs are refused rather than risking the process (a plan of thousands of resources is ~100 MB). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

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
  const text = buffer.toString('utf8');
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
  return document;
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
