/**
 * Turn a path a user gives the CLI into models: a cdktf.out directory, a stack directory, a cdk.tf.json,
 * a plan JSON, or (for plain Terraform) a directory of .tf files.
 */
import { statSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadCdktfOut } from './load-cdktf-out';
import { isTerraformDirectory, loadHclDirectory } from './load-hcl';
import { isPlanDocument, loadPlan } from './load-plan';
import { loadTerraformJson } from './load-terraform-json';
import { describeFsError, readJson } from './read-json';
import { isRecord } from './values';
import { InputError, TfModel } from './types';

export function loadPath(path: string): TfModel[] {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'no such file or directory' : `cannot read (${describeFsError(error)})`);
  }
  if (stat.isDirectory()) return loadDirectory(path);
  if (path.endsWith('.tf')) return [loadHclDirectory(dirname(path))];
  return [loadJsonFile(path)];
}

export function loadJsonFile(file: string, stack?: string): TfModel {
  const document = readJson(file);
  if (isPlanDocument(document)) return loadPlan(document, { file, stack });
  if (isRecord(document) && ['resource', 'data', 'terraform', 'provider', '//', 'module', 'variable', 'output', 'locals'].some((k) => k in document)) {
    return loadTerraformJson(document, { file, stack });
  }
  throw new InputError(
    file,
    isRecord(document)
      ? 'neither a Terraform JSON configuration (no resource/terraform/provider keys) nor a plan (no format_version with planned_values or resource_changes)'
      : `expected a JSON object, got ${Array.isArray(document) ? 'an array' : document === null ? 'null' : `a ${typeof document}`}`,
  );
}

function loadDirectory(dir: string): TfModel[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    throw new InputError(dir, `cannot list the directory (${describeFsError(error)})`);
  }
  if (entries.includes('manifest.json')) return loadCdktfOut(dir);
  if (entries.includes('cdk.tf.json')) return [loadJsonFile(join(dir, 'cdk.tf.json'), basename(dir))];
  if (isTerraformDirectory(entries)) return [loadHclDirectory(dir)];
  throw new InputError(dir, 'found no manifest.json (cdktf.out), cdk.tf.json (stack directory) or .tf files here');
}
