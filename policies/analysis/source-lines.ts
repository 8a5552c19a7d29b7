/**
 * Lines of resources in the JSON files we read, so code-scanning alerts land on the resource and not on
 * line 1. Best effort: a file that is gone or laid out differently simply yields no line.
 */
import { readFileSync } from 'node:fs';

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

/** 1-based line of `"name": {` inside the block of `"type": {` in a Terraform JSON file (as cdktf writes it). */
export function terraformJsonLine(file: string, type: string, name: string): number | undefined {
  const lines = linesOf(file);
  if (!lines) return undefined;
  const typeKey = `"${type}":`;
  const nameKey = `"${name}":`;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== `${typeKey} {`) continue;
    const indent = lines[i].indexOf('"');
    for (let j = i + 1; j < lines.length; j++) {
      const text = lines[j];
      const ownIndent = text.search(/\S/);
      if (ownIndent !== -1 && ownIndent <= indent) break;
      if (ownIndent === indent + 2 && text.trim().startsWith(nameKey)) return j + 1;
    }
  }
  return undefined;
}

/** 1-based line of the first `"address": "<address>"` in a plan JSON file. */
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
