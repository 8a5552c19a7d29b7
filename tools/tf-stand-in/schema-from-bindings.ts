/**
 * The provider schema, read from the cdktf bindings we install: the generated `synthesizeHclAttributes()`
 * / `*ToHclTerraform` metadata (every argument and block, its nesting and storage type), the `.d.ts`
 * config interfaces (required or optional, one block or many) and the classes' getters (attributes
 * with a getter but no `…Input` getter are computed-only). The files are read as text, not required:
 * one module costs a few milliseconds and no cdktf is loaded. A type is parsed only when asked for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CtyType } from './cty';

export interface AttributeSchema {
  name: string;
  type: CtyType;
  required: boolean;
  optional: boolean;
  computed: boolean;
}

export type Nesting = 'single' | 'list' | 'set';

export interface BlockTypeSchema {
  name: string;
  nesting: Nesting;
  minItems: number;
  maxItems: number;
  block: BlockSchema;
}

export interface BlockSchema {
  attributes: AttributeSchema[];
  blocks: BlockTypeSchema[];
}

/** Why a schema could not be derived; the server turns it into an error diagnostic (fail closed). */
export class SchemaError extends Error {}

interface Source {
  js: string;
  dts: string;
}

const SIMPLE_TYPES: Record<string, CtyType> = {
  'simple/string': 'string',
  'simple/number': 'number',
  'simple/boolean': 'bool',
  'list/stringList': ['list', 'string'],
  'list/numberList': ['list', 'number'],
  'list/booleanList': ['list', 'bool'],
  'set/stringList': ['set', 'string'],
  'set/numberList': ['set', 'number'],
  'set/booleanList': ['set', 'bool'],
  'map/stringMap': ['map', 'string'],
  'map/numberMap': ['map', 'number'],
  'map/booleanMap': ['map', 'bool'],
  'list/stringListList': ['list', ['list', 'string']],
  'list/numberListList': ['list', ['list', 'number']],
  'list/booleanListList': ['list', ['list', 'bool']],
};

const GETTER_TYPES: Record<string, CtyType> = {
  getStringAttribute: 'string',
  getNumberAttribute: 'number',
  getBooleanAttribute: 'bool',
  getListAttribute: ['list', 'string'],
  getNumberListAttribute: ['list', 'number'],
  getStringMapAttribute: ['map', 'string'],
  getNumberMapAttribute: ['map', 'number'],
  getBooleanMapAttribute: ['map', 'bool'],
  getAnyMapAttribute: ['map', 'string'],
};

/** Meta-arguments that cdktf lists among a provider's attributes but Terraform handles itself. */
const PROVIDER_META = new Set(['alias']);

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** `export interface Name ... {` up to its closing brace: property name -> optional?, array? */
function interfaceProps(
  dts: string,
  name: string,
): Map<string, { optional: boolean; array: boolean }> | undefined {
  const start = dts.search(new RegExp(`export interface ${name}(\\s|\\{)`));
  if (start < 0) return undefined;
  const end = dts.indexOf('\n}', start);
  const body = dts.slice(start, end);
  const props = new Map<string, { optional: boolean; array: boolean }>();
  for (const m of body.matchAll(/readonly (\w+)(\?)?: ([^;]+);/g)) {
    props.set(m[1], { optional: m[2] === '?', array: /\[\]/.test(m[3]) });
  }
  return props;
}

/** The text of `const attrs = { ... }` inside the given function or method body. */
function attrsBody(js: string, at: number, what: string): string {
  const open = js.indexOf('const attrs = {', at);
  if (open < 0) throw new SchemaError(`no generated attribute metadata in ${what}`);
  // Brace matching: the generated metadata holds no braces inside strings.
  let depth = 0;
  for (let i = open + 'const attrs = '.length; i < js.length; i++) {
    if (js[i] === '{') depth++;
    else if (js[i] === '}' && --depth === 0) return js.slice(open, i + 1);
  }
  throw new SchemaError(`unterminated attribute metadata in ${what}`);
}

/** The text of `class Name ...` up to the next top-level class or function. */
function classBody(js: string, name: string): string | undefined {
  const start = js.search(new RegExp(`\\nclass ${name} extends `));
  if (start < 0) return undefined;
  const next = js.slice(start + 1).search(/\n(class|function) /);
  return next < 0 ? js.slice(start) : js.slice(start, start + 1 + next);
}

/** Computed-only attributes of a class: getters with no matching `…Input` getter, not among `skip`. */
function computedGetters(
  src: Source,
  cls: string | undefined,
  skip: Set<string>,
  depth: number,
): AttributeSchema[] {
  if (!cls) return [];
  const getters = new Map<string, string>();
  for (const m of cls.matchAll(/\n {4}get (\w+)\(\) \{\n\s+return ([^\n]+);\n/g)) getters.set(m[1], m[2]);
  const out: AttributeSchema[] = [];
  for (const [name, expr] of getters) {
    if (name.endsWith('Input') || getters.has(`${name}Input`)) continue;
    const typed = getterType(src, cls, expr, depth);
    if (!typed || skip.has(typed.name)) continue;
    out.push({ name: typed.name, type: typed.type, required: false, optional: false, computed: true });
  }
  return out;
}

function getterType(
  src: Source,
  cls: string,
  expr: string,
  depth: number,
): { name: string; type: CtyType } | undefined {
  const simple = /this\.(\w+)\('(\w+)'\)/.exec(expr);
  if (simple && GETTER_TYPES[simple[1]]) {
    let type = GETTER_TYPES[simple[1]];
    // Sets come back through Fn.tolist in the bindings.
    if (/^cdkt[fn]\.Fn\.tolist\(/.test(expr) && Array.isArray(type) && type[0] === 'list')
      type = ['set', type[1]];
    return { name: simple[2], type };
  }
  const field = /^this\.(_\w+)$/.exec(expr);
  if (!field || depth > 12) return undefined;
  const init = new RegExp(`this\\.${field[1]} = new (\\w+)\\(this, "(\\w+)"(?:, (true|false))?\\);`).exec(
    cls,
  );
  if (!init) return undefined;
  const [, ctor, tfName, wrapsSet] = init;
  const element = ctor.replace(/(List|Map|OutputReference)$/, '');
  const attrs = computedGetters(src, classBody(src.js, `${element}OutputReference`), new Set(), depth + 1);
  const object: CtyType = ['object', Object.fromEntries(attrs.map((a) => [a.name, a.type]))];
  if (ctor.endsWith('OutputReference')) return { name: tfName, type: object };
  if (ctor.endsWith('Map')) return { name: tfName, type: ['map', object] };
  return { name: tfName, type: [wrapsSet === 'true' ? 'set' : 'list', object] };
}

/**
 * One block: the generated attribute metadata at `at` (a `synthesizeHclAttributes` or a `…ToHclTerraform`
 * function), the config interface `iface` and the class holding its getters.
 */
function parseBlock(
  src: Source,
  at: number,
  what: string,
  iface: string,
  cls: string | undefined,
  depth: number,
): BlockSchema {
  if (depth > 20) throw new SchemaError(`${what}: nesting deeper than 20 blocks`);
  const props = interfaceProps(src.dts, iface);
  const body = attrsBody(src.js, at, what);
  const attributes: AttributeSchema[] = [];
  const blocks: BlockTypeSchema[] = [];
  const seen = new Set<string>();
  const entry =
    /\n\s+(\w+): \{\n\s+value: ([^\n]*),\n\s+isBlock: (true|false),\n\s+type: "(\w+)",\n\s+storageClassType: "(\w+)",\n/g;
  for (const m of body.matchAll(entry)) {
    const [, name, value, isBlock, kind, storage] = m;
    seen.add(name);
    const camel = /(?:this\._|struct\.)(\w+)/.exec(value)?.[1];
    const prop = camel ? props?.get(camel) : undefined;
    const optional = prop ? prop.optional : true;
    if (isBlock === 'true') {
      const fn = /(?<![.\w])([a-z]\w*)ToHclTerraform\b/.exec(value)?.[1];
      if (!fn) throw new SchemaError(`${what}.${name}: block without a generated converter`);
      const fnAt = src.js.indexOf(`\nfunction ${fn}ToHclTerraform(struct) {`);
      if (fnAt < 0) throw new SchemaError(`${what}.${name}: converter ${fn}ToHclTerraform not found`);
      const element = capitalise(fn);
      const nesting: Nesting = kind === 'struct' ? 'single' : kind === 'set' ? 'set' : 'list';
      const block = parseBlock(
        src,
        fnAt,
        `${what}.${name}`,
        element,
        classBody(src.js, `${element}OutputReference`),
        depth + 1,
      );
      const many = prop ? prop.array : true;
      blocks.push({
        name,
        nesting,
        minItems: nesting !== 'single' && !optional ? 1 : 0,
        maxItems: nesting !== 'single' && !many ? 1 : 0,
        block,
      });
      continue;
    }
    const type = SIMPLE_TYPES[`${kind}/${storage}`];
    if (!type) throw new SchemaError(`${what}.${name}: unsupported attribute storage ${kind}/${storage}`);
    if (what.endsWith('(provider)') && PROVIDER_META.has(name)) continue;
    // `id` is optional and computed on every SDK resource: set it or the provider assigns one.
    const computed = name === 'id';
    attributes.push({
      name,
      type,
      required: !optional && !computed,
      optional: optional || computed,
      computed,
    });
  }
  attributes.push(...computedGetters(src, cls, seen, depth));
  return { attributes, blocks };
}

export interface TypeSchemaSource {
  /** Directory of the generated bindings: `node_modules/@cdktf/provider-azurerm/lib`. */
  libDir: string;
}

/** `azurerm_storage_account` -> `storage-account`, data sources -> `data-azurerm-…`. */
export function moduleDir(prefix: string, typeName: string, data: boolean): string {
  const dashed = typeName.replace(/_/g, '-');
  if (data) return `data-${dashed}`;
  return dashed.slice(prefix.length + 1);
}

function readSource(libDir: string, dir: string): Source | undefined {
  const js = join(libDir, dir, 'index.js');
  if (!existsSync(js)) return undefined;
  return { js: readFileSync(js, 'utf8'), dts: readFileSync(join(libDir, dir, 'index.d.ts'), 'utf8') };
}

/**
 * The schema of one resource or data source type, or undefined when the bindings have no such type.
 * Throws SchemaError when the bindings exist but cannot be read as expected.
 */
export function typeSchema(
  libDir: string,
  prefix: string,
  typeName: string,
  data: boolean,
): BlockSchema | undefined {
  const src = readSource(libDir, moduleDir(prefix, typeName, data));
  if (!src) return undefined;
  const decl = new RegExp(`\\n(\\w+)\\.tfResourceType = "${typeName}";`).exec(src.js);
  if (!decl) return undefined;
  const cls = classBody(src.js, decl[1]);
  const at = src.js.indexOf('synthesizeHclAttributes() {', src.js.indexOf(`\nclass ${decl[1]} extends `));
  return parseBlock(src, at, typeName, `${decl[1]}Config`, cls, 0);
}

/** The provider's own configuration schema (`lib/provider`). */
export function providerSchema(libDir: string): BlockSchema {
  const src = readSource(libDir, 'provider');
  if (!src) throw new SchemaError(`no provider bindings in ${libDir}`);
  // cdktf's bindings extend cdktf.TerraformProvider, CDK Terrain's cdktn.TerraformProvider.
  const decl = /\nclass (\w+) extends cdkt[fn]\.TerraformProvider /.exec(src.js);
  if (!decl) throw new SchemaError(`no provider class in ${libDir}/provider`);
  const at = src.js.indexOf('synthesizeHclAttributes() {', decl.index);
  return parseBlock(src, at, `${decl[1]} (provider)`, `${decl[1]}Config`, undefined, 0);
}
