/**
 * One stand-in provider behind Terraform's plugin protocol 6: the schema comes from the cdktf bindings,
 * planning keeps configured values, leaves unset optional ones null and marks computed ones unknown on
 * create; apply fills unknowns with deterministic fakes (ARM ids, GUIDs). Terraform core does the rest
 * (validation against the schema, diffs, state, remote state), which is the point.
 */
import { dirname, join } from 'node:path';
import { UNKNOWN, decodeValue, encodeValue, isObject, type CtyType, type CtyValue } from './cty';
import {
  FAKE_SUBSCRIPTION,
  FAKE_TENANT,
  fakeString,
  type FakeContext,
  type ProviderDefinition,
} from './providers';
import { SchemaError, providerSchema, typeSchema, type BlockSchema } from './schema-from-bindings';

type Obj = { [key: string]: CtyValue };
interface Diagnostic {
  severity: 'ERROR' | 'WARNING';
  summary: string;
  detail: string;
}

/** Arguments whose change replaces an Azure resource on nearly every azurerm type (ForceNew in the SDK). */
const REPLACE_ON_CHANGE = ['name', 'resource_group_name', 'location'];

export interface ServedTypes {
  resources: string[];
  dataSources: string[];
}

export class StandInProvider {
  private readonly libDir: string;
  private readonly schemas = new Map<string, BlockSchema | undefined>();
  private provider: BlockSchema | undefined;
  private subscriptionId = FAKE_SUBSCRIPTION;
  private tenantId = FAKE_TENANT;

  constructor(
    readonly definition: ProviderDefinition,
    private types: ServedTypes,
  ) {
    this.libDir = join(dirname(require.resolve(`${definition.bindings}/package.json`)), 'lib');
  }

  /** Whether the bindings package is installed (a provider whose bindings are missing is not served). */
  static available(definition: ProviderDefinition): boolean {
    try {
      require.resolve(`${definition.bindings}/package.json`);
      return true;
    } catch {
      return false;
    }
  }

  /** A type's schema, derived once per process (Terraform asks for the whole schema on every command). */
  private lookup(typeName: string, data: boolean): BlockSchema | undefined {
    const key = `${data ? 'data.' : ''}${typeName}`;
    if (!this.schemas.has(key))
      this.schemas.set(key, typeSchema(this.libDir, this.definition.prefix, typeName, data));
    return this.schemas.get(key);
  }

  private schemaOf(typeName: string, data: boolean): BlockSchema {
    const schema = this.lookup(typeName, data);
    if (!schema)
      throw new SchemaError(
        `${this.definition.bindings} has no ${data ? 'data source' : 'resource'} ${typeName}`,
      );
    return schema;
  }

  /** Serve these types from now on (the caller re-reads the configurations before each schema request). */
  withTypes(types: ServedTypes): this {
    this.types = types;
    return this;
  }

  getMetadata(): unknown {
    return {
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: false },
      diagnostics: [],
      resources: this.types.resources.map((type_name) => ({ type_name })),
      data_sources: this.types.dataSources.map((type_name) => ({ type_name })),
    };
  }

  getProviderSchema(): unknown {
    const diagnostics: Diagnostic[] = [];
    const collect = (names: string[], data: boolean): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      for (const name of names) {
        try {
          const schema = this.lookup(name, data);
          // A type the bindings do not have is left out: Terraform then reports it in its own words.
          if (schema) out[name] = { version: 0, block: toProtoBlock(schema) };
        } catch (err) {
          diagnostics.push(error(`stand-in: cannot derive the schema of ${name}`, (err as Error).message));
        }
      }
      return out;
    };
    let provider: unknown = { version: 0, block: { attributes: [], block_types: [] } };
    try {
      this.provider ??= providerSchema(this.libDir);
      provider = { version: 0, block: toProtoBlock(this.provider) };
    } catch (err) {
      diagnostics.push(error('stand-in: cannot derive the provider schema', (err as Error).message));
    }
    return {
      provider,
      resource_schemas: collect(this.types.resources, false),
      data_source_schemas: collect(this.types.dataSources, true),
      diagnostics,
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: false },
    };
  }

  configureProvider(config: Uint8Array): unknown {
    const value = decodeValue(config);
    if (isObject(value)) {
      if (typeof value.subscription_id === 'string' && value.subscription_id)
        this.subscriptionId = value.subscription_id;
      if (typeof value.tenant_id === 'string' && value.tenant_id) this.tenantId = value.tenant_id;
    }
    return { diagnostics: [] };
  }

  upgradeResourceState(typeName: string, rawJson: Uint8Array | undefined): unknown {
    const schema = this.schemaOf(typeName, false);
    const raw =
      rawJson && rawJson.length ? (JSON.parse(Buffer.from(rawJson).toString('utf8')) as CtyValue) : null;
    return { upgraded_state: { msgpack: encodeValue(conform(schema, raw)) }, diagnostics: [] };
  }

  planResourceChange(
    typeName: string,
    priorBytes: Uint8Array,
    proposedBytes: Uint8Array,
    configBytes: Uint8Array,
  ): unknown {
    const schema = this.schemaOf(typeName, false);
    const prior = decodeValue(priorBytes);
    const proposed = decodeValue(proposedBytes);
    const config = decodeValue(configBytes);
    if (!isObject(proposed))
      return { planned_state: { msgpack: encodeValue(null) }, requires_replace: [], diagnostics: [] };
    const priorObj = isObject(prior) ? prior : null;
    const planned = planBlock(schema, proposed, priorObj);
    const requiresReplace = priorObj
      ? REPLACE_ON_CHANGE.filter(
          (name) => name in planned && !sameValue(name, planned[name], priorObj[name]),
        ).map((name) => ({
          steps: [{ attribute_name: name }],
        }))
      : [];
    // A replacement is a new object: from the configuration alone, so its id and computed values are unknown.
    const final = requiresReplace.length && isObject(config) ? planBlock(schema, config, null) : planned;
    return {
      planned_state: { msgpack: encodeValue(final) },
      requires_replace: requiresReplace,
      diagnostics: [],
    };
  }

  applyResourceChange(typeName: string, plannedBytes: Uint8Array): unknown {
    const schema = this.schemaOf(typeName, false);
    const planned = decodeValue(plannedBytes);
    if (!isObject(planned)) return { new_state: { msgpack: encodeValue(null) }, diagnostics: [] };
    return { new_state: { msgpack: encodeValue(this.fill(schema, typeName, planned)) }, diagnostics: [] };
  }

  readResource(current: Uint8Array): unknown {
    // Nothing drifts in the stand-in: what Terraform stored is what "Azure" has.
    return { new_state: { msgpack: current }, diagnostics: [] };
  }

  importResourceState(typeName: string, id: string): unknown {
    const schema = this.schemaOf(typeName, false);
    const state = { ...conform(schema, null), id };
    return {
      imported_resources: [{ type_name: typeName, state: { msgpack: encodeValue(state) } }],
      diagnostics: [],
    };
  }

  readDataSource(typeName: string, configBytes: Uint8Array): unknown {
    const schema = this.schemaOf(typeName, true);
    const config = decodeValue(configBytes);
    if (!isObject(config)) return { diagnostics: [error(`stand-in: ${typeName} got no configuration`, '')] };
    const unknownComputed = planBlock(schema, config, null);
    return { state: { msgpack: encodeValue(this.fill(schema, typeName, unknownComputed)) }, diagnostics: [] };
  }

  /** Replace every unknown with a deterministic fake; known values stay as planned. */
  private fill(schema: BlockSchema, typeName: string, planned: Obj): Obj {
    const ctx: FakeContext = {
      typeName,
      values: planned as Record<string, unknown>,
      subscriptionId: this.subscriptionId,
      tenantId: this.tenantId,
    };
    const known = this.definition.computed[typeName] ?? {};
    const top: Obj = { ...planned };
    for (const [name, make] of Object.entries(known)) if (top[name] === UNKNOWN) top[name] = make(ctx);
    if (top.id === UNKNOWN) top.id = this.definition.genericId(ctx);
    return fillBlock(schema, top, ctx, '');
  }
}

function error(summary: string, detail: string): Diagnostic {
  return { severity: 'ERROR', summary, detail };
}

function toProtoBlock(block: BlockSchema): unknown {
  return {
    version: 0,
    attributes: block.attributes.map((a) => ({
      name: a.name,
      type: Buffer.from(JSON.stringify(a.type)),
      required: a.required,
      optional: a.optional,
      computed: a.computed,
      description: '',
    })),
    block_types: block.blocks.map((b) => ({
      type_name: b.name,
      nesting: b.nesting.toUpperCase(),
      min_items: b.minItems,
      max_items: b.maxItems,
      block: toProtoBlock(b.block),
    })),
  };
}

/** The planned object: proposed values, computed attributes left null become unknown where nothing existed. */
function planBlock(schema: BlockSchema, proposed: Obj, prior: Obj | null): Obj {
  const out: Obj = { ...proposed };
  for (const attr of schema.attributes) {
    if (attr.computed && (out[attr.name] === null || out[attr.name] === undefined)) {
      out[attr.name] =
        prior && prior[attr.name] !== undefined && prior[attr.name] !== null ? prior[attr.name] : UNKNOWN;
    }
  }
  for (const bt of schema.blocks) {
    const value = out[bt.name];
    const priorValue = prior ? prior[bt.name] : null;
    if (bt.nesting === 'single') {
      if (isObject(value))
        out[bt.name] = planBlock(bt.block, value, isObject(priorValue) ? priorValue : null);
    } else if (Array.isArray(value)) {
      const priorList = bt.nesting === 'list' && Array.isArray(priorValue) ? priorValue : [];
      out[bt.name] = value.map((e, i) =>
        isObject(e)
          ? planBlock(bt.block, e, isObject(priorList[i] ?? null) ? (priorList[i] as Obj) : null)
          : e,
      );
    }
  }
  return out;
}

function fillBlock(schema: BlockSchema, value: Obj, ctx: FakeContext, path: string): Obj {
  const out: Obj = { ...value };
  for (const attr of schema.attributes)
    out[attr.name] = fillValue(attr.type, out[attr.name] ?? null, ctx, `${path}${attr.name}`);
  for (const bt of schema.blocks) {
    const v = out[bt.name];
    if (v === UNKNOWN) out[bt.name] = bt.nesting === 'single' ? null : [];
    else if (bt.nesting === 'single')
      out[bt.name] = isObject(v) ? fillBlock(bt.block, v, ctx, `${path}${bt.name}.`) : null;
    else if (Array.isArray(v))
      out[bt.name] = v.map((e, i) =>
        isObject(e) ? fillBlock(bt.block, e, ctx, `${path}${bt.name}.${i}.`) : e,
      );
  }
  return out;
}

function fillValue(type: CtyType, value: CtyValue, ctx: FakeContext, path: string): CtyValue {
  if (value !== UNKNOWN) {
    if (Array.isArray(type) && Array.isArray(value) && type[0] !== 'object') {
      return value.map((e, i) => fillValue(type[1] as CtyType, e, ctx, `${path}.${i}`));
    }
    return value;
  }
  if (type === 'string') return fakeString(ctx, path);
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (type === 'dynamic') return null;
  if (type[0] === 'map') return {};
  if (type[0] === 'object') return null;
  return [];
}

/** A JSON state (UpgradeResourceState) shaped to the schema: every attribute present, unknown keys dropped. */
function conform(schema: BlockSchema, raw: CtyValue): Obj {
  const src = isObject(raw) ? raw : {};
  const out: Obj = {};
  for (const attr of schema.attributes) out[attr.name] = src[attr.name] ?? null;
  for (const bt of schema.blocks) {
    const v = src[bt.name];
    if (bt.nesting === 'single') out[bt.name] = isObject(v ?? null) ? conform(bt.block, v) : null;
    else out[bt.name] = Array.isArray(v) ? v.map((e) => conform(bt.block, e)) : [];
  }
  return out;
}

/** Equal for replacement purposes; locations compare as the provider normalises them ("Norway East" = norwayeast). */
function sameValue(name: string, a: CtyValue, b: CtyValue): boolean {
  if (a === UNKNOWN || b === UNKNOWN) return false;
  if (name === 'location' && typeof a === 'string' && typeof b === 'string') {
    return a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
  }
  return JSON.stringify(a) === JSON.stringify(b);
}
