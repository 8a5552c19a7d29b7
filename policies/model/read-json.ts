/** Read a JSON input file with errors a person can act on: the file, the line and column, what was expected. */
import { readFileSync } from 'node:fs';
import { InputError } from './types';

export function readText(file: string): string {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    throw new InputError(file, `cannot read the file (${why})`);
  }
  if (buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) {
    throw new InputError(file, 'the file is UTF-16; save it as UTF-8 (terraform show -json writes UTF-8)');
  }
  if (buffer.includes(0)) throw new InputError(file, 'the file is binary, not JSON (a plan must be converted with `terraform show -json plan.bin`)');
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseJsonText(file: string, text: string): unknown {
  if (text.trim() === '') throw new InputError(file, 'the file is empty; expected JSON');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `malformed JSON ${describeJsonError(text, (error as Error).message)}`);
  }
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
