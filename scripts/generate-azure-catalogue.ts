/**
 * Write the Azure catalogue: `npm run catalogue`. Reads every type of the installed
 * `@cdktf/provider-azurerm` bindings, derives what the bindings say (which types have a location, which
 * attribute names a location-less type's parent, which attributes point at other resources or endpoints),
 * merges the hand decisions of `policies/azure/decisions.ts`, and writes `policies/azure/catalogue.generated.json`
 * (one type per line, so a provider upgrade reviews as a diff) and `docs/azure-catalogue.md`.
 * With `--check`, only report whether both files are current (exit 1 when stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXTRA_TYPES,
  FAMILY_DECISIONS,
  GLOBAL_FAMILIES,
  TYPE_DECISIONS,
  TypeDecision,
} from '../policies/azure/decisions';
import type { AzureType, CatalogueData, DataRole } from '../policies/azure/types';
import {
  BindingAttribute,
  BindingType,
  ProviderBindings,
  readProviderBindings,
} from './read-provider-bindings';

const ROOT = join(__dirname, '..');
export const PROVIDER_DIR = join(ROOT, 'node_modules', '@cdktf', 'provider-azurerm');
export const CATALOGUE_JSON = join(ROOT, 'policies', 'azure', 'catalogue.generated.json');
export const CATALOGUE_DOC = join(ROOT, 'docs', 'azure-catalogue.md');

/** Attribute names that point at another resource or at an endpoint. */
const REFERENCE = /(_ids?|_uris?|_urls?|endpoints?|connection_strings?)$/;
/** `…_name` arguments that name a property, not another resource. */
const NOT_A_PARENT =
  /(^|_)(sku|display|friendly|computer|host|dns|admin|login|user|username|tier|family|version)_name$/;
/** Ids of identities and tenants, not of resources: who, not where. */
const IDENTITY = /(^|_)(tenant|client|principal|object|application|app)_id$/;
/** The identity words that Azure also gives to resources: an app registration's id, or a function app's. */
const APP_ID = /_(app|application)_id$/;

/** Whether an attribute (its last name) holds the id of an identity rather than of a resource. */
type IsIdentity = (name: string) => boolean;

/**
 * Identity ids, told from resource ids by the types of the bindings. An `…_app_id` or `…_application_id`
 * whose stem names a kind of resource the bindings have (a type named so, or types named as its parts)
 * is that resource's id: `function_app_id` (`azurerm_function_app`), `logic_app_id`
 * (`azurerm_logic_app_workflow`), `web_app_id` (`azurerm_web_app_hybrid_connection`),
 * `gallery_application_id`. A bare `app_id`, or one qualified by whose app it is (`microsoft_app_id`,
 * `client_application_id`), stays an identity, as do every tenant, client, principal and object id.
 */
function identityTest(resourceTypes: readonly string[]): IsIdentity {
  const kinds = new Set<string>();
  for (const type of resourceTypes) {
    const words = type.split('_').slice(1);
    for (let i = 2; i <= words.length; i++) kinds.add(words.slice(0, i).join('_'));
  }
  return (name) => IDENTITY.test(name) && !(APP_ID.test(name) && kinds.has(name.replace(/_id$/, '')));
}
/** Arguments that name a customer-managed key (or the disk encryption set that holds one). */
const KEY_REFERENCE =
  /(^|\.|_)(key_vault_key_id|managed_hsm_key_id|key_versionless_id|disk_encryption_set_id)$/;
/** Computed attributes that carry the resource's own address for others to use. */
const OWN_ENDPOINT = /(endpoints?|_urls?|_uris?|connection_strings?|_host|fqdn|hostname|host_name)$/;

/** Build the catalogue from the bindings and the decisions. */
export function buildCatalogue(bindings: ProviderBindings): CatalogueData {
  const resources: Record<string, AzureType> = {};
  const dataSources: Record<string, AzureType> = {};
  const isIdentity = identityTest(bindings.types.filter((t) => t.kind === 'resource').map((t) => t.type));
  for (const binding of bindings.types) {
    if (binding.kind === 'data') dataSources[binding.type] = dataSourceEntry(binding, isIdentity);
    else resources[binding.type] = resourceEntry(binding, isIdentity);
  }
  for (const [type, decision] of Object.entries(EXTRA_TYPES)) {
    if (resources[type]) throw new Error(`${type} is in the bindings; move its decision to TYPE_DECISIONS`);
    const { location, ...rest } = decision;
    resources[type] = {
      ...facts(rest),
      role: rest.role ?? 'unclassified',
      decided: 'type',
      location,
      extra: true,
    };
  }
  for (const type of Object.keys(TYPE_DECISIONS))
    if (!resources[type]) throw new Error(`TYPE_DECISIONS names ${type}, which the bindings do not have`);
  return {
    provider: { package: bindings.packageName, version: bindings.version },
    resources: sortKeys(resources),
    dataSources: sortKeys(dataSources),
  };
}

function resourceEntry(binding: BindingType, isIdentity: IsIdentity): AzureType {
  const decision: TypeDecision = TYPE_DECISIONS[binding.type] ?? {};
  const family = FAMILY_DECISIONS.find((f) => f.pattern.test(binding.type));
  const role: DataRole = decision.role ?? family?.role ?? 'unclassified';
  const decided = decision.role ? 'type' : family ? 'family' : 'none';
  const own = binding.attributes.some((a) => a.path === 'location');
  // An own location the provider may compute from a parent (a Container App's from its environment) keeps
  // the decided parents too.
  const parents = decision.parents ? [...decision.parents] : own ? [] : deriveParents(binding, isIdentity);
  const location =
    decision.global === 'always' || GLOBAL_FAMILIES.some((p) => p.test(binding.type))
      ? 'global'
      : own
        ? 'own'
        : parents.length > 0
          ? 'inherited'
          : 'none';
  const entry: AzureType = {
    role,
    decided,
    location,
    ...(location === 'inherited' || (location === 'own' && parents.length > 0) ? { parents } : {}),
    ...facts(decision),
    // Where the key attaches: decided, or every attribute named like a key reference.
    ...(decision.keys
      ? {}
      : list(
          'keys',
          references(binding, isIdentity).filter((r) => KEY_REFERENCE.test(r)),
        )),
    ...list('refs', references(binding, isIdentity)),
    ...list('endpoints', ownEndpoints(binding)),
    ...(binding.attributes.some((a) => a.path === 'public_network_access_enabled' && a.argument)
      ? { publicNetworkAccess: true as const }
      : {}),
  };
  return entry;
}

function dataSourceEntry(binding: BindingType, isIdentity: IsIdentity): AzureType {
  const own = binding.attributes.some((a) => a.path === 'location');
  return {
    role: 'read',
    decided: 'type',
    location: own ? 'own' : 'none',
    ...list('refs', references(binding, isIdentity)),
  };
}

/** The decided facts an entry carries over, without the fields the generator owns. */
function facts(decision: TypeDecision): Partial<AzureType> {
  const rest: Record<string, unknown> = { ...decision };
  for (const owned of ['role', 'parents', 'global']) delete rest[owned];
  return { ...rest, ...(decision.global === 'by-default' ? { globalByDefault: true as const } : {}) };
}

/**
 * The attributes a location-less type names its parent by: its required top-level `…_id` or `…_name`
 * arguments, the one that shares most words with the type's name first (`azurerm_subnet` →
 * `virtual_network_name`, `azurerm_mssql_database` → `server_id`), ids before names. Not identities:
 * a function app slot lives in its `function_app_id`, a key vault access policy not in its `tenant_id`.
 */
function deriveParents(binding: BindingType, isIdentity: IsIdentity): string[] {
  const words = new Set(binding.type.split('_').slice(1));
  const candidates = binding.attributes.filter(
    (a) =>
      a.argument &&
      a.required &&
      !a.path.includes('.') &&
      /_(id|name)$/.test(a.path) &&
      a.path !== 'resource_group_name' &&
      !NOT_A_PARENT.test(a.path) &&
      !isIdentity(a.path),
  );
  const score = (a: BindingAttribute) => {
    const stem = a.path.replace(/_(id|name)$/, '').split('_');
    return stem.filter((w) => words.has(w)).length * 4 + (a.path.endsWith('_id') ? 2 : 0);
  };
  return candidates.sort((a, b) => score(b) - score(a) || a.path.localeCompare(b.path)).map((a) => a.path);
}

function references(binding: BindingType, isIdentity: IsIdentity): string[] {
  return binding.attributes
    .filter(
      (a) =>
        a.argument &&
        !a.block &&
        !a.scalar &&
        a.path !== 'id' &&
        REFERENCE.test(a.path) &&
        !isIdentity(leaf(a)),
    )
    .map((a) => a.path);
}

function ownEndpoints(binding: BindingType): string[] {
  return binding.attributes
    .filter((a) => !a.argument && !a.scalar && !a.path.includes('.') && OWN_ENDPOINT.test(a.path))
    .map((a) => a.path);
}

const leaf = (a: BindingAttribute) => a.path.slice(a.path.lastIndexOf('.') + 1);

function list<K extends string>(key: K, values: string[]): Partial<Record<K, string[]>> {
  return values.length > 0 ? ({ [key]: [...new Set(values)].sort() } as Record<K, string[]>) : {};
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One type per line: a provider upgrade or a new decision reads as a short diff. */
export function renderCatalogueJson(data: CatalogueData): string {
  const section = (record: Readonly<Record<string, AzureType>>) =>
    Object.entries(record)
      .map(([type, entry]) => `    ${JSON.stringify(type)}: ${JSON.stringify(entry)}`)
      .join(',\n');
  return [
    '{',
    `  "provider": ${JSON.stringify(data.provider)},`,
    '  "resources": {',
    section(data.resources),
    '  },',
    '  "dataSources": {',
    section(data.dataSources),
    '  }',
    '}',
    '',
  ].join('\n');
}

const ROLE_ORDER: readonly DataRole[] = [
  'data-store',
  'key-store',
  'backup-store',
  'log-destination',
  'copy',
  'compute',
  'network',
  'control-plane',
  'deployment',
  'unclassified',
];

/** A Markdown table padded as Prettier pads it, so `prettier --check` leaves the file alone. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, 3, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const code = (text: string) => `\`${text}\``;

/** The decisions as tables, for reviewers: `docs/azure-catalogue.md`. */
export function renderCatalogueMarkdown(data: CatalogueData): string {
  const entries = Object.entries(data.resources);
  const counts = ROLE_ORDER.map((role) => {
    const members = entries.filter(([, e]) => e.role === role);
    return [
      code(role),
      String(members.length),
      String(members.filter(([, e]) => e.decided === 'type').length),
      String(members.filter(([, e]) => e.decided === 'family').length),
    ];
  });
  const decided = entries.filter(([, e]) => e.decided === 'type');
  const unclassified = entries.filter(([, e]) => e.role === 'unclassified').map(([t]) => t);
  const notes = (e: AzureType) =>
    [
      e.store ? 'network store' : '',
      e.child ? 'child' : '',
      e.webApp ? 'web app' : '',
      e.globalAllowed ? 'global allowed' : '',
      e.globalByDefault ? 'global by default' : '',
      e.keys?.length ? `keys: ${e.keys.map(code).join(', ')}` : '',
      e.keyAttachment ? `attaches a key to ${code(e.keyAttachment.owner)}` : '',
      e.copy
        ? `${e.copy.kind}: ${code(e.copy.source)}${e.copy.destination ? ` → ${code(e.copy.destination)}` : ` (create_mode ${(e.copy.createModes ?? '').split('|').join(', ')})`}`
        : '',
      e.processing
        ? `in the region only with ${code(e.processing.attribute)} ${e.processing.inRegion.join(', ')}`
        : '',
      e.retired
        ? `retired${e.retired.successor ? `, judged as ${code(e.retired.successor)}` : ''}: ${e.retired.reason}`
        : '',
      e.extra ? 'not in the bindings' : '',
    ]
      .filter(Boolean)
      .join('; ');
  const where = (e: AzureType) =>
    e.location === 'inherited' ? `from ${(e.parents ?? []).map(code).join(' or ')}` : e.location;
  return [
    '# Azure catalogue',
    '',
    '<!-- Generated by `npm run catalogue` (scripts/generate-azure-catalogue.ts). Do not edit by hand. -->',
    '',
    `Every resource type and data source of \`${data.provider.package}\` ${data.provider.version}, and the other`,
    'types we meet, with what the rules need to know about each (`policies/azure/catalogue.generated.json`). Attributes,',
    'locations, parents, references and endpoints are derived from the provider bindings; roles, keys, copies,',
    'SKUs and retirements are decided by hand in `policies/azure/decisions.ts`. A type whose role nobody',
    'decided is `unclassified`: the rules treat it as data-bearing with an unknown place, and RES-009 reports',
    'it, so a provider upgrade shows which new types need a decision.',
    '',
    `${entries.length} resource types, ${Object.keys(data.dataSources).length} data sources.`,
    '',
    '## Reading it from code',
    '',
    '`policies/azure/` imports nothing of cdktf; the engine loads the catalogue once (about 280 KB of JSON, a few ms).',
    '',
    '- `azureType(type)` / `azureDataSource(type)`: the entry (`AzureType` in `policies/azure/types.ts`) or',
    '  undefined; `typesWhere(test)`: the types a rule covers, sorted; `isDataBearingType(type)`: data-bearing',
    '  roles, unclassified and unknown Azure types included.',
    '- `entry.location` is `own`, `inherited` (from the first written of `entry.parents`), `global` or `none`;',
    '  `entry.refs` are the attributes that point at other resources or endpoints and `entry.endpoints` the',
    "  resource's own; `attributePath('a.b')` turns a catalogue path into model segments (`['a', 0, 'b']`).",
    '- `azureRegion(value)` (`policies/azure/regions.ts`): the public Azure region a string names in either',
    '  spelling (`West Europe`, `westeurope`), marked `norway` for the two in Norway.',
    '',
    '## Keeping it current',
    '',
    '- `npm run catalogue` regenerates the catalogue and this page after a provider upgrade or a new decision;',
    '  `__tests__/azure/catalogue.test.ts` fails naming every type of the installed bindings the catalogue',
    '  lacks, and when the committed files are stale.',
    '- To see which types another provider build adds or drops (the CDK Terrain provider',
    '  `@cdktn/provider-azurerm` 16.1.0 = azurerm 4.73), point the test at its package directory:',
    '  `CATALOGUE_COMPARE_PROVIDER=/path/to/node_modules/@cdktn/provider-azurerm npx jest __tests__/azure`.',
    '',
    '## Roles',
    '',
    ...table(['role', 'types', 'decided by type', 'decided by family'], counts),
    '',
    '## Families',
    '',
    'Types no single decision names take the role of the first family whose pattern matches their name.',
    '',
    ...table(
      ['pattern', 'role', 'types'],
      FAMILY_DECISIONS.map((f) => [
        code(f.pattern.source.replace(/\|/g, '\\|')),
        code(f.role),
        String(
          entries.filter(
            ([type, e]) => e.decided === 'family' && FAMILY_DECISIONS.find((g) => g.pattern.test(type)) === f,
          ).length,
        ),
      ]),
    ),
    '',
    '## Decisions by type',
    '',
    ...table(
      ['type', 'role', 'location', 'ARM type', 'notes'],
      decided.map(([type, e]) => [code(type), code(e.role), where(e), e.arm ? code(e.arm) : '', notes(e)]),
    ),
    '',
    '## Unclassified',
    '',
    `${unclassified.length} resource types await a decision:`,
    '',
    unclassified.map(code).join(', '),
    '',
  ].join('\n');
}

/** The files exactly as they must be committed. */
export function generateCatalogueFiles(providerDir = PROVIDER_DIR): { json: string; markdown: string } {
  const data = buildCatalogue(readProviderBindings(providerDir));
  return { json: renderCatalogueJson(data), markdown: renderCatalogueMarkdown(data) };
}

function main(argv: readonly string[]): number {
  const wanted = generateCatalogueFiles();
  const files: [string, string][] = [
    [CATALOGUE_JSON, wanted.json],
    [CATALOGUE_DOC, wanted.markdown],
  ];
  if (argv.includes('--check')) {
    const stale = files.filter(([path, text]) => {
      try {
        return readFileSync(path, 'utf8') !== text;
      } catch {
        return true;
      }
    });
    for (const [path] of stale) console.error(`${path} is stale; run npm run catalogue.`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const [path, text] of files) writeFileSync(path, text);
  console.log(`Wrote ${files.map(([p]) => p.slice(ROOT.length + 1)).join(' and ')}.`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
