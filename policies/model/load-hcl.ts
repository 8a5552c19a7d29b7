/**
 * Loader for plain Terraform: a directory of `.tf` (and `.tf.json`) files, with the local modules it calls.
 *
 * hcl2json writes every block as an array of bodies (`resource.type.name: [body]`, `terraform: [..]`,
 * `locals: [..]`); we merge the files of one module, check that each resource is declared once, turn
 * `dynamic` blocks into ordinary blocks (their content refers to the iterator, which stays unknown, so
 * rules fail closed), and hand the result to the Terraform JSON reader. Lines are recovered by scanning
 * the source for `resource "type" "name"` headers.
 *
 * What cannot be read fails the input (exit 2): syntax errors (file, line, column), modules from a
 * registry or git (their resources would go unchecked), module cycles.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { buildModel, ModelParts } from './build';
import { parseHcl } from './hcl-parser';
import { readTerraformJsonParts } from './load-terraform-json';
import { describeFsError, parseJsonText, readText } from './read-json';
import { asBlocks, isRecord } from './values';
import { InputError, ModuleScope, TfModel, TfResource, VariableDecl } from './types';

const MAX_MODULE_DEPTH = 20;
/** Arguments of a `module` block that are not inputs of the called module. */
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on', '//']);
/** Top-level blocks whose labelled bodies merge across files by label. */
const LABELLED = ['resource', 'data'] as const;
const NAMED = ['variable', 'output', 'module', 'provider'] as const;

interface Location {
  readonly file: string;
  /** 1-based; absent for a block of a .tf.json file, whose lines are not tracked. */
  readonly line?: number;
}

interface MergedModule {
  readonly document: Record<string, unknown>;
  readonly lines: Map<string, Location>;
  /** `module` blocks by name, with where they are declared. */
  readonly calls: Map<string, { body: Record<string, unknown>; at: Location }>;
  readonly variableValues: Map<string, unknown>;
}

/** Whether `dir` holds plain Terraform files (`*.tf`, or `*.tf.json` other than cdktf's `cdk.tf.json`). */
export function isTerraformDirectory(entries: readonly string[]): boolean {
  return entries.some((e) => e.endsWith('.tf') || (e.endsWith('.tf.json') && e !== 'cdk.tf.json'));
}

export function loadHclDirectory(dir: string): TfModel {
  const resources: TfResource[] = [];
  const scopes = new Map<string, ModuleScope>();
  const root = loadModule(dir, '', new Map(), resources, scopes, [], 0);
  return buildModel({
    ...root,
    kind: 'hcl',
    origin: dir,
    resources,
    moduleScopes: scopes,
  });
}

/** `module "m" (line 4)`; a module declared in .tf.json has no line to name. */
function moduleCall(name: string, line: number | undefined): string {
  return line !== undefined ? `module "${name}" (line ${line})` : `module "${name}"`;
}

function loadModule(
  dir: string,
  modulePath: string,
  inputs: Map<string, unknown>,
  resources: TfResource[],
  scopes: Map<string, ModuleScope>,
  chain: readonly string[],
  depth: number,
): ModelParts {
  const merged = mergeDirectory(dir, modulePath);
  const parts = readTerraformJsonParts(merged.document, { file: dir, lines: merged.lines, modulePath });
  resources.push(...parts.resources);
  // Terraform reads tfvars files of the root module only; a child module's own are ignored.
  const variables = modulePath ? parts.variables : withValues(parts.variables, merged.variableValues);
  if (modulePath) scopes.set(modulePath, { variables, locals: parts.locals, inputs, outputs: parts.outputs });

  let real: string;
  try {
    real = realpathSync(dir);
  } catch (error) {
    throw new InputError(dir, `cannot read the directory (${describeFsError(error)})`);
  }
  for (const [name, { body, at }] of merged.calls) {
    const source = body.source;
    if (typeof source !== 'string')
      throw new InputError(at.file, `${moduleCall(name, at.line)} has no literal source`);
    if (!/^\.\.?(\/|$)/.test(source)) {
      throw new InputError(
        at.file,
        `${moduleCall(name, at.line)} comes from ${JSON.stringify(source)}, which norway-policy cannot read offline, so its resources would go unchecked; check the plan (terraform show -json) instead`,
      );
    }
    if (depth + 1 > MAX_MODULE_DEPTH)
      throw new InputError(
        at.file,
        `${moduleCall(name, at.line)}: modules nest more than ${MAX_MODULE_DEPTH} levels deep`,
      );
    const childDir = resolvePath(dir, source);
    let childReal: string | undefined;
    try {
      if (statSync(childDir).isDirectory()) childReal = realpathSync(childDir);
    } catch {
      // Missing or unreadable: reported below like a file.
    }
    if (childReal === undefined)
      throw new InputError(
        at.file,
        `${moduleCall(name, at.line)} has source ${JSON.stringify(source)}, which is not a directory`,
      );
    if (childReal === real || chain.includes(childReal))
      throw new InputError(at.file, `${moduleCall(name, at.line)} calls a module that calls it (a cycle)`);
    const childInputs = new Map(Object.entries(body).filter(([key]) => !MODULE_META.has(key)));
    const childPath = `${modulePath ? `${modulePath}.` : ''}module.${name}`;
    loadModule(childDir, childPath, childInputs, resources, scopes, [...chain, real], depth + 1);
  }
  return { ...parts, variables };
}

/**
 * `check "x" { data "t" "n" { … } }`: a scoped data source is read while planning like any other (an
 * `http` data source calls out just the same), so it joins the module's data sources and every rule sees
 * it. Its name must not clash with another data source, as in Terraform.
 */
function liftCheckDataSources(file: string, parsed: Record<string, unknown>): void {
  const checks = parsed.check;
  if (checks === undefined) return;
  if (!isRecord(checks)) throw new InputError(file, '"check" must be an object of named blocks');
  const data = (isRecord(parsed.data) ? parsed.data : (parsed.data = dict())) as Record<
    string,
    Record<string, unknown[]>
  >;
  for (const [name, bodies] of Object.entries(checks)) {
    for (const body of Array.isArray(bodies) ? bodies : [bodies]) {
      if (!isRecord(body)) throw new InputError(file, `check "${name}" must be a block`);
      if (body.data === undefined) continue;
      if (!isRecord(body.data))
        throw new InputError(file, `check "${name}": "data" must be an object of types`);
      for (const [type, named] of Object.entries(body.data)) {
        if (!isRecord(named))
          throw new InputError(file, `check "${name}": data ${type} must map names to bodies`);
        const byName = (data[type] ??= dict() as Record<string, unknown[]>);
        for (const [dataName, dataBodies] of Object.entries(named)) {
          if (Object.prototype.hasOwnProperty.call(byName, dataName))
            throw new InputError(
              file,
              `data.${type}.${dataName} in check "${name}" is declared twice; every data source needs a unique address`,
            );
          byName[dataName] = Array.isArray(dataBodies) ? dataBodies : [dataBodies];
        }
      }
    }
  }
  delete parsed.check;
}

/** Read and merge every Terraform file of one module directory. */
function mergeDirectory(dir: string, modulePath: string): MergedModule {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch (error) {
    throw new InputError(
      dir,
      `cannot list the directory (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  const document: Record<string, unknown> = dict();
  const lines = new Map<string, Location>();
  const calls = new Map<string, { body: Record<string, unknown>; at: Location }>();
  const variableValues = new Map<string, unknown>();
  const declaredAt = new Map<string, Location>();
  const prefix = modulePath ? `${modulePath}.` : '';

  // `entries` is sorted by name and the sort is stable: names stay in order within each load step.
  for (const entry of [...entries].sort((a, b) => loadOrder(a) - loadOrder(b))) {
    const file = join(dir, entry);
    const isOverride = OVERRIDE.test(entry);
    const isTf = entry.endsWith('.tf');
    const isTfJson = entry.endsWith('.tf.json');
    const isVars =
      entry === 'terraform.tfvars' ||
      entry.endsWith('.auto.tfvars') ||
      entry === 'terraform.tfvars.json' ||
      entry.endsWith('.auto.tfvars.json');
    if (!isTf && !isTfJson && !isVars) continue;
    // readText refuses directories, FIFOs and symlink loops with a message naming the file.
    const text = readText(file);
    if (isVars) {
      // Terraform always loads these, and they override variable defaults.
      const parsed = entry.endsWith('.json') ? parseJsonText(file, text) : parseHcl(file, text);
      if (!isRecord(parsed)) throw new InputError(file, 'expected variable assignments');
      for (const [name, value] of Object.entries(parsed)) variableValues.set(name, value);
      continue;
    }
    const parsed = isTf ? parseHcl(file, text) : parseJsonText(file, text);
    if (!isRecord(parsed)) throw new InputError(file, 'expected a Terraform JSON object at the top level');
    const headers = isTf ? scanHeaders(text) : new Map<string, number>();
    liftCheckDataSources(file, parsed);

    for (const [key, value] of Object.entries(parsed)) {
      if ((LABELLED as readonly string[]).includes(key)) {
        if (!isRecord(value)) throw new InputError(file, `"${key}" must be an object of types`);
        const section = (document[key] ??= dict()) as Record<string, Record<string, unknown>>;
        for (const [type, named] of Object.entries(value)) {
          if (!isRecord(named)) throw new InputError(file, `${key} ${type} must map names to bodies`);
          const byName = (section[type] ??= dict()) as Record<string, unknown>;
          for (const [name, bodies] of Object.entries(named)) {
            const relativeAddress = `${key === 'data' ? 'data.' : ''}${type}.${name}`;
            const list = Array.isArray(bodies) ? bodies : [bodies];
            const line = headers.get(`${key} ${type} ${name}`);
            const previous = declaredAt.get(relativeAddress);
            if (list.length === 1 && !isRecord(list[0]))
              throw new InputError(file, `${relativeAddress} must be a block`);
            if (isOverride && list.length === 1) {
              // Override files replace the arguments they name in a block declared elsewhere; as in
              // Terraform, overriding a block that does not exist is an error.
              if (!previous)
                throw new InputError(
                  file,
                  `${relativeAddress} overrides a block that no other file of the module declares`,
                );
              byName[name] = overrideBody(
                byName[name] as Record<string, unknown>,
                isTf ? adaptBody(list[0]) : list[0],
              );
              continue;
            }
            if (previous || list.length !== 1) {
              const first = previous ?? { file, line };
              throw new InputError(
                file,
                `${relativeAddress} is declared twice (first at ${first.file}${first.line ? `:${first.line}` : ''}); every resource needs a unique address`,
              );
            }
            declaredAt.set(relativeAddress, { file, line });
            byName[name] = isTf ? adaptBody(list[0]) : list[0];
            lines.set(`${prefix}${relativeAddress}`, { file, line });
          }
        }
      } else if ((NAMED as readonly string[]).includes(key)) {
        if (!isRecord(value)) throw new InputError(file, `"${key}" must be an object of named blocks`);
        const section = (document[key] ??= dict()) as Record<string, unknown>;
        for (const [name, bodies] of Object.entries(value)) {
          const list = Array.isArray(bodies) ? bodies : [bodies];
          if (key === 'provider') {
            // Several provider blocks (aliases) may share a name.
            section[name] = [...((section[name] as unknown[] | undefined) ?? []), ...list];
            continue;
          }
          const declared = Object.prototype.hasOwnProperty.call(section, name);
          if (list.length === 1 && !isRecord(list[0]))
            throw new InputError(file, `${key} "${name}" must be a block (an object)`);
          if (isOverride && list.length === 1) {
            if (!declared)
              throw new InputError(
                file,
                `${key} "${name}" overrides a block that no other file of the module declares`,
              );
            const body = overrideBody(section[name] as Record<string, unknown>, list[0]);
            section[name] = body;
            // A module call keeps the place it is declared at, for messages.
            const call = calls.get(name);
            if (key === 'module' && call) calls.set(name, { body, at: call.at });
            continue;
          }
          if (declared || list.length !== 1) {
            throw new InputError(file, `${key} "${name}" is declared more than once`);
          }
          section[name] = list[0];
          if (key === 'module')
            calls.set(name, { body: list[0], at: { file, line: headers.get(`module ${name}`) } });
        }
      } else if (key === 'locals') {
        const section = (document.locals ??= dict()) as Record<string, unknown>;
        for (const block of Array.isArray(value) ? value : [value]) {
          if (!isRecord(block)) throw new InputError(file, '"locals" must hold attributes');
          for (const [name, expression] of Object.entries(block)) {
            if (!isOverride && Object.prototype.hasOwnProperty.call(section, name))
              throw new InputError(file, `local.${name} is defined more than once`);
            section[name] = expression;
          }
        }
      } else if (key === 'terraform') {
        document.terraform = mergeTerraformBlocks(file, document.terraform, value, isOverride);
      }
      // Other top-level keys (`moved`, `import`, `check`, `removed`) do not create resources.
    }
  }
  return { document, lines, calls, variableValues };
}

/** Merge `terraform` blocks across files: the first backend wins as Terraform requires one, providers add up. */
function mergeTerraformBlocks(
  file: string,
  existing: unknown,
  value: unknown,
  isOverride: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = isRecord(existing) ? existing : dict();
  for (const block of Array.isArray(value) ? value : [value]) {
    if (!isRecord(block)) throw new InputError(file, '"terraform" must be a block (an object)');
    for (const [key, inner] of Object.entries(block)) {
      if (key === 'required_providers') {
        const providers = (out.required_providers ??= dict()) as Record<string, unknown>;
        for (const entry of Array.isArray(inner) ? inner : [inner])
          if (isRecord(entry)) for (const [name, spec] of Object.entries(entry)) providers[name] = spec;
      } else if (key === 'backend' || key === 'cloud') {
        if (isOverride) {
          delete out.backend;
          delete out.cloud;
        } else if (out.backend !== undefined || out.cloud !== undefined)
          throw new InputError(file, 'declares a second backend; Terraform allows one');
        out[key] = inner;
      } else out[key] = inner;
    }
  }
  return out;
}

/** `dynamic "x" { for_each = …, content { … } }` → a block `x` holding the content (values stay expressions). */
function adaptBody(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = dict();
  for (const [key, value] of Object.entries(body)) {
    if (key === 'dynamic' && isRecord(value)) {
      for (const [name, generators] of Object.entries(value)) {
        const contents = asBlocks(generators)
          .flatMap((generator) => asBlocks(generator.content))
          .map(adaptBody);
        const existing = Array.isArray(out[name]) ? (out[name] as unknown[]) : [];
        out[name] = [...existing, ...contents];
      }
    } else if (Array.isArray(value) && value.every(isRecord)) {
      // Blocks (hcl2json writes each as a list of bodies), after any a dynamic block of that name made.
      const existing = Array.isArray(out[key]) ? (out[key] as unknown[]) : [];
      out[key] = [...existing, ...value.map(adaptBody)];
    } else out[key] = value;
  }
  return out;
}

/** `override.tf`, `x_override.tf` (and `.tf.json`): merged last, over the blocks they name. */
const OVERRIDE = /(^|_)override\.tf(\.json)?$/;

/**
 * Terraform's order: configuration files and terraform.tfvars(.json) (by name; values and declarations do
 * not interact while merging), then *.auto.tfvars (by name), then overrides.
 */
function loadOrder(entry: string): number {
  if (OVERRIDE.test(entry)) return 2;
  return /\.auto\.tfvars(\.json)?$/.test(entry) ? 1 : 0;
}

/** The block with the override's arguments in place of its own (the block was checked to be one). */
function overrideBody(
  existing: Record<string, unknown>,
  override: Record<string, unknown>,
): Record<string, unknown> {
  // Assigning into a prototype-less object keeps a `__proto__` argument an ordinary key.
  return Object.assign(dict(), existing, override);
}

/**
 * Merge targets have no prototype: labels and attribute names come from the input, and `__proto__` or
 * `constructor` must stay ordinary keys.
 */
function dict(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/** Line of each `resource "t" "n"`, `data "t" "n"` and `module "n"` header (labels may be quoted or bare). */
export function scanHeaders(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const label = '(?:"((?:[^"\\\\]|\\\\.)*)"|([A-Za-z_][\\w-]*))';
  const header = new RegExp(`^\\s*(resource|data)\\s+${label}\\s+${label}\\s*\\{`);
  const moduleHeader = new RegExp(`^\\s*module\\s+${label}\\s*\\{`);
  text.split(/\r?\n/).forEach((line, i) => {
    const m = header.exec(line);
    if (m) {
      const key = `${m[1]} ${m[2] ?? m[3]} ${m[4] ?? m[5]}`;
      if (!out.has(key)) out.set(key, i + 1);
      return;
    }
    const mod = moduleHeader.exec(line);
    if (mod && !out.has(`module ${mod[1] ?? mod[2]}`)) out.set(`module ${mod[1] ?? mod[2]}`, i + 1);
  });
  return out;
}

/** Values from terraform.tfvars / *.auto.tfvars take the place of defaults. */
function withValues(
  variables: ReadonlyMap<string, VariableDecl>,
  values: ReadonlyMap<string, unknown>,
): Map<string, VariableDecl> {
  const out = new Map(variables);
  for (const [name, value] of values) {
    const declared = out.get(name);
    if (declared) out.set(name, { ...declared, value, hasValue: true });
  }
  return out;
}
