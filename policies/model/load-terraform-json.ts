/**
 * Loader for Terraform JSON configuration (`cdk.tf.json` as cdktf writes it, or any `*.tf.json`).
 * Also used by the HCL loader once HCL has been adapted to the same shape.
 */
import { buildModel, ModelParts, providerShortName } from './build';
import { DEPLOYMENT_TYPES, DOCUMENT_ATTRIBUTES } from './data-flow';
import { decodeJsonencode } from './documents';
import { isRecord } from './values';
import {
  CreationSite,
  DeclaredSuppression,
  InputError,
  InputKind,
  ProviderConfig,
  TfModel,
  TfResource,
  VariableDecl,
} from './types';

/** Keys of a resource block that are Terraform meta-arguments, not provider attributes. */
const META_ARGUMENTS = new Set([
  '//',
  'count',
  'for_each',
  'lifecycle',
  'provider',
  'depends_on',
  'provisioner',
  'connection',
]);
/** Meta-arguments kept on the resource (`provisioning`) because they can hold credentials. */
const PROVISIONING = ['connection', 'provisioner'];

/** The key under `"//"` where our cdktf bridge writes policy metadata (suppressions, bootstrap marker). */
export const POLICY_METADATA_KEY = 'norway_policy';
/**
 * The key under the top-level `"//".norway_policy` for suppressions on constructs with no Terraform
 * resource or data source below them, by construct path: they apply to nothing, and TFS-003 says so.
 */
export const UNATTACHED_KEY = 'unattached';

export interface TerraformJsonOptions {
  readonly file: string;
  readonly kind?: InputKind;
  /** Stack name, when the caller knows it (cdktf.out manifest); otherwise read from `"//".metadata.stackName`. */
  readonly stack?: string;
  readonly sourceFile?: string;
  /** Line numbers per resource address, when the source format has them (HCL). */
  readonly lines?: ReadonlyMap<string, { file: string; line?: number }>;
  /** Module path of this configuration inside a larger one (`module.network`); empty for the root. */
  readonly modulePath?: string;
}

export function loadTerraformJson(document: unknown, options: TerraformJsonOptions): TfModel {
  refuseModuleCalls(document, options.file);
  return buildModel(readTerraformJsonParts(document, options));
}

/**
 * A `module` block in synthesized JSON (a registry module, cdktf's `TerraformHclModule`) holds resources
 * this file does not show: checking the file alone would pass them unseen. The HCL loader reads local
 * modules itself; here every module call is refused, as the HCL loader refuses remote ones.
 */
function refuseModuleCalls(document: unknown, file: string): void {
  if (!isRecord(document) || document.module === undefined) return;
  const calls = isRecord(document.module) ? Object.entries(document.module) : [];
  if (calls.length === 0 && isRecord(document.module)) return;
  const [name, body] = calls[0] ?? ['?', undefined];
  const source = isRecord(firstBlock(body)) ? firstBlock(body)?.source : undefined;
  throw new InputError(
    file,
    `module "${name}"${typeof source === 'string' ? ` comes from ${JSON.stringify(source)} and` : ''} holds resources this file does not show, so they would go unchecked; check the plan (terraform show -json) instead`,
  );
}

/** Everything `loadTerraformJson` reads, before indexes are built (the HCL loader combines modules). */
export function readTerraformJsonParts(document: unknown, options: TerraformJsonOptions): ModelParts {
  const { file } = options;
  const modulePath = options.modulePath ?? '';
  const modulePrefix = modulePath ? `${modulePath}.` : '';
  if (!isRecord(document)) {
    throw new InputError(
      file,
      `expected a Terraform JSON object at the top level, got ${describeType(document)}`,
    );
  }
  const topMeta = isRecord(document['//']) ? document['//'] : {};
  const metadata = isRecord(topMeta.metadata) ? topMeta.metadata : {};
  const policyMeta = isRecord(topMeta[POLICY_METADATA_KEY]) ? topMeta[POLICY_METADATA_KEY] : {};
  const stack = options.stack ?? (typeof metadata.stackName === 'string' ? metadata.stackName : undefined);
  const terraformBlock = firstBlock(document.terraform);
  const providerSources = readProviderSources(terraformBlock);

  const resources: TfResource[] = [];
  const suppressions: DeclaredSuppression[] = [];
  for (const mode of ['managed', 'data'] as const) {
    const section = document[mode === 'managed' ? 'resource' : 'data'];
    if (section === undefined) continue;
    if (!isRecord(section))
      throw new InputError(
        file,
        `"${mode === 'managed' ? 'resource' : 'data'}" must be an object of resource types`,
      );
    for (const [type, instances] of Object.entries(section)) {
      for (const [name, rawBody] of Object.entries(blockMap(file, type, instances))) {
        if (Array.isArray(rawBody) && rawBody.length > 1) {
          throw new InputError(
            file,
            `${type}.${name} is declared ${rawBody.length} times; every resource needs a unique address`,
          );
        }
        const body = firstBlock(rawBody);
        if (!body)
          throw new InputError(file, `${type}.${name} must be an object, got ${describeType(rawBody)}`);
        const address = `${modulePrefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
        const meta = isRecord(body['//']) ? body['//'] : {};
        const constructPath =
          isRecord(meta.metadata) && typeof meta.metadata.path === 'string' ? meta.metadata.path : undefined;
        // fromEntries defines properties, so a `__proto__` key stays data and never touches a prototype.
        const values = Object.fromEntries(Object.entries(body).filter(([key]) => !META_ARGUMENTS.has(key)));
        if (DEPLOYMENT_TYPES.has(type)) decodeDocuments(values);
        // `provider = azurerm.dr` is written `"${azurerm.dr}"` in JSON syntax (and by hcl2json), `"azurerm.dr"` by cdktf.
        const localProvider =
          typeof body.provider === 'string'
            ? body.provider
                .replace(/^\$\{\s*/, '')
                .replace(/\s*\}$/, '')
                .split('.')[0]
            : type.split('_')[0];
        const source = providerSources.get(localProvider);
        const lifecycle = firstBlock(body.lifecycle);
        const location = options.lines?.get(address);
        const provisioning = Object.fromEntries(
          PROVISIONING.filter((key) => body[key] !== undefined).map((key) => [key, body[key]]),
        );
        resources.push({
          address,
          configAddress: address,
          type,
          name,
          mode,
          provider: source ? providerShortName(source) : localProvider,
          providerSource: source,
          values,
          valuesAreExpressions: true,
          preventDestroy: lifecycle?.prevent_destroy,
          ignoreChanges: lifecycle?.ignore_changes,
          forEach: body.for_each,
          provisioning: Object.keys(provisioning).length > 0 ? provisioning : undefined,
          source: {
            file: location?.file ?? file,
            stack,
            constructPath,
            module: modulePath,
            line: location?.line,
            creation: creationSite(meta[POLICY_METADATA_KEY]),
          },
        });
        policySuppressions(meta[POLICY_METADATA_KEY]).forEach((spec, index) =>
          suppressions.push(declaredInCode(spec, constructPath ?? address, index, address)),
        );
      }
    }
  }

  suppressions.push(...unattachedSuppressions(policyMeta[UNATTACHED_KEY]));

  return {
    kind: options.kind ?? 'synth',
    origin: file,
    stack,
    sourceFile: options.sourceFile,
    resources,
    backend: readBackend(terraformBlock),
    providerConfigs: modulePath ? [] : readProviderConfigs(file, document.provider),
    variables: readVariables(document.variable),
    locals: readLocals(document.locals),
    outputs: readOutputs(document.output),
    bootstrap: policyMeta.bootstrap === true,
    suppressions,
  };
}

/**
 * The suppressions in a block's `"//".norway_policy`. Policy metadata of the wrong shape (not an object,
 * or suppressions that are not a list) is one suppression of no shape: TFS-003 reports it rather than
 * the check passing over it.
 */
function policySuppressions(policy: unknown): readonly unknown[] {
  if (policy === undefined) return [];
  if (!isRecord(policy)) return [undefined];
  if (policy.suppressions === undefined) return [];
  return Array.isArray(policy.suppressions) ? policy.suppressions : [undefined];
}

/**
 * Suppressions on constructs with nothing below them (`"//".norway_policy.unattached`, by construct
 * path): declared without an address, so they suppress nothing and TFS-003 reports them. Wrong shapes
 * are read as empty suppressions, which TFS-003 reports too.
 */
function unattachedSuppressions(section: unknown): DeclaredSuppression[] {
  if (section === undefined) return [];
  const byPath = isRecord(section) ? Object.entries(section) : [['?', section] as const];
  return byPath.flatMap(([where, list]) =>
    (Array.isArray(list) ? list : [list]).map((spec, index) => declaredInCode(spec, where, index)),
  );
}

/**
 * A suppression written in code, as declared at `where` (a construct path), on the block at `address`
 * (none: it applies to nothing). A spec of the wrong shape keeps its place and is judged by TFS-003.
 */
function declaredInCode(spec: unknown, where: string, index: number, address?: string): DeclaredSuppression {
  const entry: Record<string, unknown> = isRecord(spec) ? spec : {};
  return {
    spec: { ruleId: entry.ruleId, reason: entry.reason, expires: entry.expires },
    origin: { kind: 'construct', where, index },
    ...(address !== undefined ? { address } : {}),
  };
}

/** `provider "azurerm" { … }` blocks: one object per block, aliases side by side. */
function readProviderConfigs(file: string, section: unknown): ProviderConfig[] {
  if (section === undefined) return [];
  if (!isRecord(section)) throw new InputError(file, '"provider" must be an object of provider names');
  return Object.entries(section).flatMap(([name, bodies]) =>
    (Array.isArray(bodies) ? bodies : [bodies]).map((config) => {
      if (!isRecord(config)) throw new InputError(file, `provider "${name}" must be a block (an object)`);
      return { name, alias: typeof config.alias === 'string' ? config.alias : undefined, config };
    }),
  );
}

function readProviderSources(terraformBlock: Record<string, unknown> | undefined): Map<string, string> {
  const sources = new Map<string, string>([['terraform', 'terraform.io/builtin/terraform']]);
  const required = firstBlock(terraformBlock?.required_providers);
  for (const [local, spec] of Object.entries(required ?? {})) {
    if (isRecord(spec) && typeof spec.source === 'string') sources.set(local, spec.source);
    else if (typeof spec === 'string') sources.set(local, `hashicorp/${local}`);
  }
  return sources;
}

function readBackend(terraformBlock: Record<string, unknown> | undefined): TfModel['backend'] {
  const backend = firstBlock(terraformBlock?.backend);
  if (backend) {
    const [type, config] = Object.entries(backend)[0] ?? [];
    if (type) return { type, config: firstBlock(config) ?? {} };
  }
  const cloud = firstBlock(terraformBlock?.cloud);
  if (cloud) return { type: 'cloud', config: cloud };
  // Terraform's default when no backend is written: state in a local file.
  return { type: 'local', config: {} };
}

function readVariables(section: unknown): Map<string, VariableDecl> {
  const variables = new Map<string, VariableDecl>();
  for (const [name, raw] of Object.entries(isRecord(section) ? section : {})) {
    const body = firstBlock(raw) ?? {};
    const validations = (
      Array.isArray(body.validation) ? body.validation : body.validation ? [body.validation] : []
    )
      .filter(isRecord)
      .map((v) => ({ condition: v.condition, errorMessage: v.error_message }));
    variables.set(name, {
      name,
      default: body.default,
      hasDefault: Object.prototype.hasOwnProperty.call(body, 'default'),
      hasValue: false,
      validations,
    });
  }
  return variables;
}

function readLocals(section: unknown): Map<string, unknown> {
  const locals = new Map<string, unknown>();
  const blocks = Array.isArray(section) ? section : [section];
  for (const block of blocks)
    if (isRecord(block)) for (const [k, v] of Object.entries(block)) locals.set(k, v);
  return locals;
}

function readOutputs(section: unknown): Map<string, unknown> {
  const outputs = new Map<string, unknown>();
  for (const [name, raw] of Object.entries(isRecord(section) ? section : {})) {
    const body = firstBlock(raw);
    if (body) outputs.set(name, body.value);
  }
  return outputs;
}

/** A block written once may be an object or a one-element array. */
function firstBlock(value: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(value)) return isRecord(value[0]) ? value[0] : undefined;
  return isRecord(value) ? value : undefined;
}

function blockMap(file: string, type: string, value: unknown): Record<string, unknown> {
  if (isRecord(value)) return value;
  // HCL adapted to JSON may carry the label map inside an array.
  if (Array.isArray(value)) {
    const out = new Map<string, unknown>();
    for (const [name, body] of value.filter(isRecord).flatMap((v) => Object.entries(v))) {
      if (out.has(name))
        throw new InputError(
          file,
          `${type}.${name} is declared twice; every resource needs a unique address`,
        );
      out.set(name, body);
    }
    return Object.fromEntries(out);
  }
  throw new InputError(
    file,
    `resource type ${type} must map names to resource bodies, got ${describeType(value)}`,
  );
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** `"//".norway_policy.source` of a resource (written at synth by policies/cdktf/source-sites.ts), when well-formed. */
function creationSite(policy: unknown): CreationSite | undefined {
  const value = isRecord(policy) ? policy.source : undefined;
  if (!isRecord(value) || typeof value.file !== 'string' || value.file === '') return undefined;
  const line = value.line;
  return typeof line === 'number' && Number.isInteger(line) && line > 0
    ? { file: value.file, line }
    : undefined;
}

/** Inline `jsonencode({...})` documents of a deployment, read back into the objects they encode. */
function decodeDocuments(values: Record<string, unknown>): void {
  for (const key of Object.keys(values)) {
    const value = values[key];
    if (!DOCUMENT_ATTRIBUTES.has(key) || typeof value !== 'string') continue;
    const decoded = decodeJsonencode(value);
    if (decoded !== undefined) values[key] = decoded;
  }
}
