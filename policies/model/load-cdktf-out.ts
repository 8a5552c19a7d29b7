/** Loader for a whole `cdktf.out` directory: every stack its `manifest.json` names. */
import { isAbsolute, join, relative, resolve as resolvePath, sep } from 'node:path';
import { statSync } from 'node:fs';
import { loadTerraformJson } from './load-terraform-json';
import { describeFsError, readJson } from './read-json';
import { isRecord } from './values';
import { InputError, TfModel } from './types';

export interface ManifestStack {
  readonly name: string;
  readonly synthesizedStackPath: string;
  readonly dependencies: readonly string[];
}

export function readManifest(dir: string): ManifestStack[] {
  const file = join(dir, 'manifest.json');
  const manifest = readJson(file);
  if (!isRecord(manifest) || !isRecord(manifest.stacks)) {
    throw new InputError(
      file,
      'expected a cdktf manifest with a "stacks" object; run `npm run synth` to write one',
    );
  }
  return Object.entries(manifest.stacks).map(([key, raw]) => {
    if (!isRecord(raw) || typeof raw.synthesizedStackPath !== 'string') {
      throw new InputError(file, `stack ${key} has no synthesizedStackPath`);
    }
    const within = relative(resolvePath(dir), resolvePath(dir, raw.synthesizedStackPath));
    if (within === '' || within === '..' || within.startsWith(`..${sep}`) || isAbsolute(within))
      throw new InputError(file, `stack ${key} points outside the directory (${raw.synthesizedStackPath})`);
    return {
      name: typeof raw.name === 'string' ? raw.name : key,
      synthesizedStackPath: raw.synthesizedStackPath,
      dependencies: Array.isArray(raw.dependencies)
        ? raw.dependencies.filter((d): d is string => typeof d === 'string')
        : [],
    };
  });
}

function exists(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch (error) {
    throw new InputError(file, `cannot read the file (${describeFsError(error)})`);
  }
}

export function loadCdktfOut(dir: string): TfModel[] {
  return readManifest(dir).map((stack) => {
    const file = join(dir, stack.synthesizedStackPath);
    if (!exists(file)) {
      throw new InputError(
        join(dir, 'manifest.json'),
        `names stack ${stack.name} at ${stack.synthesizedStackPath}, which does not exist; run \`npm run synth\` again`,
      );
    }
    return loadTerraformJson(readJson(file), { file, stack: stack.name });
  });
}
