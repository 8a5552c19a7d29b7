/**
 * Lines of resources in the JSON files we read, so code-scanning alerts land on the resource and not on
 * line 1. Best effort: a file that is gone or laid out differently simply yields no line.
 */
import { readFileSync } from 'node:fs';
import type { ResourceMode } from '../model/types';

const cache = new Map<string, readonly string[] | null>();

function linesOf(file: string): readonly string[] | null {
  if (!cache.has(file)) {
    try {
      cache.set(file, readFileSync(file, 'utf8').split(/\r?\n/));
    } catch {
      cache.set(file, null);
    }
  }
  return cache.get(file) ?? null;
}

/**
 * 1-based line of `"name": {` inside the block of `"type": {` in the top-level `"resource"` section (or
 * `"data"`, for a data source) of a Terraform JSON file written one key per line, as cdktf and
 * `JSON.stringify(…, null, n)` write it, whatever the indentation.
 */
export function terraformJsonLine(
  file: string,
  type: string,
  name: string,
  mode: ResourceMode = 'managed',
): number | undefined {
  const lines = linesOf(file);
  if (!lines) return undefined;
  // Top-level keys share the first key's indentation: a deeper `"data": {` is an attribute, not a section.
  const first = lines.findIndex((line) => line.trimStart().startsWith('"'));
  if (first === -1) return undefined;
  const topIndent = indentOf(lines[first]);
  const sectionKey = `"${mode === 'data' ? 'data' : 'resource'}": {`;
  for (let s = first; s < lines.length; s++) {
    if (indentOf(lines[s]) !== topIndent || lines[s].trim() !== sectionKey) continue;
    const typeLine = childLine(lines, s, (text) => text === `"${type}": {`);
    if (typeLine === undefined) continue;
    const nameLine = childLine(lines, typeLine, (text) => text.startsWith(`"${name}":`));
    if (nameLine !== undefined) return nameLine + 1;
  }
  return undefined;
}

/** Indentation of a line; -1 for a blank one. */
function indentOf(line: string): number {
  return line.search(/\S/);
}

/** The first line one level inside the block opened at `open` whose trimmed text passes `test`. */
function childLine(
  lines: readonly string[],
  open: number,
  test: (text: string) => boolean,
): number | undefined {
  const indent = indentOf(lines[open]);
  let childIndent = -1;
  for (let i = open + 1; i < lines.length; i++) {
    const own = indentOf(lines[i]);
    if (own === -1) continue;
    if (own <= indent) return undefined;
    if (childIndent === -1) childIndent = own;
    if (own === childIndent && test(lines[i].trim())) return i;
  }
  return undefined;
}

/** 1-based line of the first `"address": "<address>"` in a plan or state JSON file (`terraform show -json`). */
export function planJsonLine(file: string, address: string): number | undefined {
  const lines = linesOf(file);
  if (!lines) return undefined;
  const needle = `"address": ${JSON.stringify(address)}`;
  const compact = `"address":${JSON.stringify(address)}`;
  const index = lines.findIndex((l) => l.includes(needle) || l.includes(compact));
  return index === -1 ? undefined : index + 1;
}

/** Forget cached files (tests rewrite fixtures). */
export function clearSourceLineCache(): void {
  cache.clear();
}
