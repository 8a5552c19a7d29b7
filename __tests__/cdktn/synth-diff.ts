/** Differences between two synthesized outputs (cdktf.out directories), leaf by leaf, for the parity test. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface Difference {
  /** Path of the file inside the output directory, with `/` separators. */
  readonly file: string;
  /** Keys and indexes from the document root to the differing value; empty for the whole file. */
  readonly path: readonly (string | number)[];
  /** `undefined` where the key, index or file is missing on that side. */
  readonly reference: unknown;
  readonly candidate: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every leaf where two JSON values differ; a value whose kind differs (object, array, scalar) is one leaf. */
export function jsonDifferences(
  file: string,
  reference: unknown,
  candidate: unknown,
  at: readonly (string | number)[] = [],
): Difference[] {
  if (Array.isArray(reference) && Array.isArray(candidate)) {
    const length = Math.max(reference.length, candidate.length);
    return Array.from({ length }, (_, i) =>
      jsonDifferences(file, reference[i], candidate[i], [...at, i]),
    ).flat();
  }
  if (isObject(reference) && isObject(candidate)) {
    const keys = [...new Set([...Object.keys(reference), ...Object.keys(candidate)])].sort();
    return keys.flatMap((key) =>
      jsonDifferences(
        file,
        Object.hasOwn(reference, key) ? reference[key] : undefined,
        Object.hasOwn(candidate, key) ? candidate[key] : undefined,
        [...at, key],
      ),
    );
  }
  return Object.is(reference, candidate) ? [] : [{ file, path: at, reference, candidate }];
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix))
    .flatMap((name) => {
      const relative = prefix ? `${prefix}/${name}` : name;
      return statSync(path.join(dir, relative)).isDirectory() ? filesUnder(dir, relative) : [relative];
    })
    .sort();
}

function readFile(dir: string, file: string): unknown {
  const text = readFileSync(path.join(dir, file), 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : text;
}

/** Differences between two output directories: files present on one side only, then differing leaves. */
export function outDirDifferences(referenceDir: string, candidateDir: string): Difference[] {
  for (const dir of [referenceDir, candidateDir])
    if (!existsSync(path.join(dir, 'manifest.json')))
      throw new Error(`${dir} is not a cdktf.out (no manifest.json)`);
  const referenceFiles = filesUnder(referenceDir);
  const candidateFiles = filesUnder(candidateDir);
  const files = [...new Set([...referenceFiles, ...candidateFiles])].sort();
  return files.flatMap((file) => {
    const inReference = referenceFiles.includes(file);
    const inCandidate = candidateFiles.includes(file);
    if (!inReference || !inCandidate)
      return [
        {
          file,
          path: [],
          reference: inReference ? 'present' : undefined,
          candidate: inCandidate ? 'present' : undefined,
        },
      ];
    return jsonDifferences(file, readFile(referenceDir, file), readFile(candidateDir, file));
  });
}
