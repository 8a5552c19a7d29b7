/**
 * Which types the stand-in serves: the resource and data source types of the configurations Terraform
 * is about to read, found in their `*.tf.json` files. Re-read on every schema request, so any type a
 * configuration asks for is served (its schema derived on demand) and nothing else is parsed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ServedTypes } from './provider-server';

function tfJsonFiles(dir: string, out: string[] = [], depth = 0): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === '.terraform' || name === 'node_modules' || depth > 6) continue;
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (st?.isDirectory()) tfJsonFiles(path, out, depth + 1);
    else if (name.endsWith('.tf.json')) out.push(path);
  }
  return out;
}

/** Resource and data source types under `dirs` that belong to the provider with this prefix. */
export function typesIn(dirs: string[], prefix: string): ServedTypes {
  const resources = new Set<string>();
  const dataSources = new Set<string>();
  for (const file of dirs.flatMap((d) => tfJsonFiles(d))) {
    let doc: { resource?: object; data?: object };
    try {
      doc = JSON.parse(readFileSync(file, 'utf8')) as typeof doc;
    } catch {
      continue; // Terraform reports a broken file in its own words.
    }
    const own = (t: string): boolean => t.startsWith(`${prefix}_`);
    for (const t of Object.keys(doc.resource ?? {})) if (own(t)) resources.add(t);
    for (const t of Object.keys(doc.data ?? {})) if (own(t)) dataSources.add(t);
  }
  return { resources: [...resources].sort(), dataSources: [...dataSources].sort() };
}
