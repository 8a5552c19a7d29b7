/**
 * Reads what a cdktf (or CDK Terrain, `cdktn`) provider package's generated bindings say about each Terraform type: its name,
 * whether it is a resource or a data source, and its attributes (name, required/computed, nested blocks).
 * The bindings are the provider schema rendered as code, so this is the schema without running Terraform.
 * Used by the catalogue generator and by the completeness test; plain text parsing, nothing is executed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BindingAttribute {
  /** Dotted path without indices: `network_rules.private_link_access.endpoint_resource_id`. */
  readonly path: string;
  readonly block: boolean;
  /** Set by the user (an argument) rather than only reported by the provider. */
  readonly argument: boolean;
  readonly required: boolean;
  /** Holds a boolean or a number: no reference to anything. */
  readonly scalar: boolean;
}

export interface BindingType {
  readonly type: string;
  readonly kind: 'resource' | 'data';
  /** The folder under `lib/`, for messages. */
  readonly module: string;
  readonly attributes: readonly BindingAttribute[];
}

export interface ProviderBindings {
  readonly packageName: string;
  readonly version: string;
  readonly types: readonly BindingType[];
}

const COMPUTED = /this\.get(\w*)Attribute\('(\w+)'\)|new \w+\(this, "(\w+)"/g;
/** `{@link …#storage_account_id Type#storage_account_id}` … `readonly storageAccountId: string;` */
const CONFIG_FIELD = /#(\w+) \w+#\w+\}\n(?:\s*\*.*\n)*?\s*\*\/\n\s*readonly \w+(\?)?:/g;
const HCL_FUNCTION = /^function (\w+)ToHclTerraform\(struct\) \{\n([\s\S]*?)^\}/gm;
const HCL_ENTRY =
  /^\s*(\w+): \{\n\s*value: (.*),\n\s*isBlock: (true|false),\n\s*type: "\w+",\n\s*storageClassType: "(\w+)",/gm;
const SCALAR = /^(boolean|number)(List|Map)?$/;
const NESTED_FUNCTION = /(?<!cdkt[fn]\.)\b(\w+)ToHclTerraform\b/;
/** Meta blocks every resource has; not part of what the resource is. */
const IGNORED = new Set(['timeouts']);

/** Read every type of the provider package installed at `dir` (e.g. `node_modules/@cdktf/provider-azurerm`). */
export function readProviderBindings(dir: string): ProviderBindings {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const lib = join(dir, 'lib');
  const types: BindingType[] = [];
  for (const module of readdirSync(lib).sort()) {
    const file = join(lib, module, 'index.js');
    if (module === 'provider' || !existsSync(file)) continue;
    const parsed = readModule(
      module,
      readFileSync(file, 'utf8'),
      readFileSync(join(lib, module, 'index.d.ts'), 'utf8'),
    );
    if (parsed) types.push(parsed);
  }
  types.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.kind < b.kind ? -1 : 1));
  return { packageName: manifest.name, version: manifest.version, types };
}

function readModule(module: string, source: string, declarations: string): BindingType | undefined {
  const declared = /^(\w+)\.tfResourceType = "([^"]+)";$/m.exec(source);
  if (!declared) return undefined;
  const [, className, type] = declared;
  const start = source.search(
    new RegExp(`^class ${className} extends cdkt[fn]\\.Terraform(Resource|DataSource)`, 'm'),
  );
  const kind = /^class \w+ extends cdkt[fn]\.TerraformDataSource/m.test(source.slice(start))
    ? 'data'
    : 'resource';
  const mainClass = source.slice(start, declared.index);

  // Nested block functions by name → their attributes.
  const functions = new Map<string, Entry[]>();
  for (const match of source.matchAll(HCL_FUNCTION)) functions.set(match[1], entries(match[2]));
  const synthesize = /synthesizeHclAttributes\(\) \{\n([\s\S]*?)\n {4}\}\n/.exec(mainClass);
  const topEntries = synthesize ? entries(synthesize[1]) : [];
  const topArguments = new Map(topEntries.map((e) => [e.name, e.nested]));
  const scalars = new Set(topEntries.filter((e) => e.scalar).map((e) => e.name));

  const required = requiredArguments(declarations, className);
  const attributes: BindingAttribute[] = [];
  for (const [name, nested] of topArguments) {
    if (IGNORED.has(name)) continue;
    attributes.push({
      path: name,
      block: nested !== undefined,
      argument: true,
      required: required.has(name),
      scalar: scalars.has(name),
    });
    if (nested) attributes.push(...nestedAttributes(functions, nested, name, 0));
  }
  // What the provider only reports (ids, endpoints, and every attribute of a data source).
  for (const match of mainClass.matchAll(COMPUTED)) {
    const name = match[2] ?? match[3];
    if (IGNORED.has(name) || topArguments.has(name) || attributes.some((a) => a.path === name)) continue;
    attributes.push({
      path: name,
      block: match[3] !== undefined,
      argument: false,
      required: false,
      scalar: /^(Boolean|Number)/.test(match[1] ?? ''),
    });
  }
  return { type, kind, module, attributes };
}

interface Entry {
  readonly name: string;
  /** The function that renders the nested block, for blocks. */
  readonly nested?: string;
  readonly scalar: boolean;
}

function entries(body: string): Entry[] {
  const out: Entry[] = [];
  for (const match of body.matchAll(HCL_ENTRY)) {
    const nested = match[3] === 'true' ? NESTED_FUNCTION.exec(match[2])?.[1] : undefined;
    out.push({ name: match[1], nested, scalar: SCALAR.test(match[4]) });
  }
  return out;
}

function nestedAttributes(
  functions: ReadonlyMap<string, readonly Entry[]>,
  name: string,
  prefix: string,
  depth: number,
): BindingAttribute[] {
  const out: BindingAttribute[] = [];
  // Some schemas recurse (a block type that contains itself); six levels cover every real one.
  if (depth > 6) return out;
  for (const { name: attribute, nested, scalar } of functions.get(name) ?? []) {
    const path = `${prefix}.${attribute}`;
    out.push({ path, block: nested !== undefined, argument: true, required: false, scalar });
    if (nested) out.push(...nestedAttributes(functions, nested, path, depth + 1));
  }
  return out;
}

/** Top-level arguments the Config interface of the class marks as required (no `?`). */
function requiredArguments(declarations: string, className: string): Set<string> {
  const start = declarations.indexOf(`export interface ${className}Config `);
  const end = declarations.indexOf('\n}\n', start);
  const out = new Set<string>();
  if (start < 0) return out;
  for (const match of declarations.slice(start, end).matchAll(CONFIG_FIELD)) if (!match[2]) out.add(match[1]);
  return out;
}

/** What a second provider has that the first has not, and the reverse, as `resource x` / `data x` keys. */
export interface ProviderDifference {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export function diffProviderTypes(from: ProviderBindings, to: ProviderBindings): ProviderDifference {
  const keys = (b: ProviderBindings) => new Set(b.types.map((t) => `${t.kind} ${t.type}`));
  const before = keys(from);
  const after = keys(to);
  return {
    added: [...after].filter((k) => !before.has(k)).sort(),
    removed: [...before].filter((k) => !after.has(k)).sort(),
  };
}
