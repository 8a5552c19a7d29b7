/**
 * Turn a path a user gives the CLI into models: a cdktf.out directory, a stack directory, a cdk.tf.json,
 * a plan JSON, or (for plain Terraform) a directory of .tf files.
 */
import { statSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadCdktfOut } from './load-cdktf-out';
import { isTerraformDirectory, loadHclDirectory } from './load-hcl';
import { isPlanDocument, isStateDocument, loadPlan, loadState } from './load-plan';
import { loadTerraformJson } from './load-terraform-json';
import { describeFsError, readJson } from './read-json';
import { isRecord } from './values';
import { InputError, TfModel } from './types';

export interface LoadOptions {
  /**
   * Stacks the estate knows (from --context). A plan or state file named after one (`<stack>.json`,
   * `<stack>.plan.json`, `<stack>.tfstate.json`) belongs to that stack: its findings name the stack and
   * the suppressions written in the stack's code apply.
   */
  readonly knownStacks?: ReadonlySet<string>;
}

export function loadPath(path: string, options: LoadOptions = {}): TfModel[] {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      path,
      code === 'ENOENT' ? 'no such file or directory' : `cannot read (${describeFsError(error)})`,
    );
  }
  if (stat.isDirectory()) return loadDirectory(path, options);
  if (path.endsWith('.tf')) return [loadHclDirectory(dirname(path))];
  return [loadJsonFile(path, stackFromFileName(path, options))];
}

function stackFromFileName(file: string, options: LoadOptions): string | undefined {
  const name = basename(file).replace(/(\.tfstate|\.plan|\.tfplan)?\.json$/i, '');
  return options.knownStacks?.has(name) ? name : undefined;
}

/**
 * A state file names no stack; `<stack>.json` or `<stack>.tfstate.json` (as CI writes them) does, so
 * cross-stack references resolve against it.
 */
function stateStackName(file: string): string {
  return basename(file).replace(/(\.tfstate)?\.json$/i, '');
}

export function loadJsonFile(file: string, stack?: string): TfModel {
  const document = readJson(file);
  if (isPlanDocument(document)) return loadPlan(document, { file, stack });
  if (isStateDocument(document))
    return loadState(document as Record<string, unknown>, { file, stack: stack ?? stateStackName(file) });
  if (
    isRecord(document) &&
    ['resource', 'data', 'terraform', 'provider', '//', 'module', 'variable', 'output', 'locals'].some(
      (k) => k in document,
    )
  ) {
    return loadTerraformJson(document, { file, stack });
  }
  throw new InputError(
    file,
    isRecord(document)
      ? 'neither a Terraform JSON configuration (no resource/terraform/provider keys) nor a plan (no format_version with planned_values or resource_changes)'
      : `expected a JSON object, got ${Array.isArray(document) ? 'an array' : document === null ? 'null' : `a ${typeof document}`}`,
  );
}

function loadDirectory(dir: string, options: LoadOptions): TfModel[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    throw new InputError(dir, `cannot list the directory (${describeFsError(error)})`);
  }
  // A directory read in part would pass what it did not read: mixed contents are refused.
  const terraform = isTerraformDirectory(entries);
  const tofu = entries.filter((e) => /\.tofu(\.json)?$/.test(e));
  if (tofu.length > 0)
    throw new InputError(
      join(dir, tofu[0]),
      'OpenTofu files (.tofu) are not read, and they replace the .tf files of the same name; check the plan (tofu show -json) instead',
    );
  const cdktf = entries.includes('manifest.json') || entries.includes('cdk.tf.json');
  if (cdktf && terraform)
    throw new InputError(
      dir,
      'holds both synthesized cdktf output (manifest.json or cdk.tf.json) and .tf files; Terraform would read the .tf files too, so pass one kind per directory',
    );
  if (entries.includes('manifest.json')) return loadCdktfOut(dir);
  if (entries.includes('cdk.tf.json')) return [loadJsonFile(join(dir, 'cdk.tf.json'), basename(dir))];
  if (terraform) return [loadHclDirectory(dir)];
  // A directory of plans or states (CI writes one per stack): every JSON file in it, in name order.
  const json = entries.filter((e) => e.toLowerCase().endsWith('.json')).sort();
  if (json.length > 0 && json.length === entries.filter((e) => !e.startsWith('.')).length) {
    return json.map((e) => loadJsonFile(join(dir, e), stackFromFileName(join(dir, e), options)));
  }
  throw new InputError(
    dir,
    'found no manifest.json (cdktf.out), cdk.tf.json (stack directory), .tf files or only plan/state JSON files here',
  );
}
