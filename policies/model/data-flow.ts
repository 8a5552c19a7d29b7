/**
 * Data flow: every place a resource names and every path data can take from it, found in one walk per
 * resource that every rule shares.
 *
 * - A place is a region-valued string at any attribute path (either spelling: `westeurope`, `West
 *   Europe`), a region inside an id (`/locations/<region>/`), or a location-like attribute
 *   (`remote_volume_location`, `linked_hub[].location`) whose value is an expression or unknown until
 *   apply and so must be resolved, or a literal that names no region the tool knows (`global`, a region
 *   added after the table) and so cannot be verified.
 * - An edge is a value that points at another resource or endpoint: an ARM id, a reference to another
 *   resource's id, an Azure service endpoint or connection string, a URL to a host outside Azure.
 *
 * Deployments inside deployments (ARM templates, azapi bodies) are walked as well, JSON strings parsed:
 * their resources carry places and edges of their own.
 */
import { geographyWithoutNorway, literalPlace } from '../azure/location-attributes';
import { azureRegion, type AzureRegion } from '../azure/regions';
import type { TfResource } from './types';
import { isRecord, type PathSegment } from './values';

export interface Place {
  /** Where the place stands; a parsed JSON string is entered as its attribute followed by the document's path. */
  readonly path: readonly PathSegment[];
  /**
   * `region`: a literal region name; `in-id`: a region inside an id; `in-host`: a region in the host of
   * a URL (the text is the host); `to-resolve`: an expression or unknown; `unrecognised`: a literal at a
   * location-like attribute that names no known region.
   */
  readonly kind: 'region' | 'in-id' | 'in-host' | 'to-resolve' | 'unrecognised';
  /** The region named (normalised), for `region`, `in-id` and `in-host`. */
  readonly region?: string;
  /** The text as written, for messages. */
  readonly text?: string;
  /** For `unrecognised`: the values allowed when the attribute names a place of another kind (a peering location). */
  readonly allowed?: readonly string[];
  /** For `unrecognised`: why no value of the attribute is in Norway (a service's geographies). */
  readonly noNorway?: string;
  /** Inside a parsed JSON document (an ARM template, an azapi body): not resolvable by the resolver. */
  readonly inDocument?: true;
}

/**
 * A path data can take. `resource`: an ARM id of a resource in a resource group, or a reference to
 * another resource's id (synth, or a plan value unknown until apply whose configuration names one);
 * `endpoint`: an Azure service endpoint or connection string (`https://<account>.blob.core.windows.net/…`,
 * `Endpoint=sb://<ns>.servicebus.windows.net/`), naming the service's resource; `internet`: a URL to a host
 * outside Azure at a URL-like attribute (a webhook).
 */
export interface Edge {
  readonly path: readonly PathSegment[];
  readonly kind: 'resource' | 'endpoint' | 'internet';
  readonly text?: string;
  /** For endpoints: the Terraform type and the lower-cased name of the resource the host names. */
  readonly service?: { readonly type: string; readonly name: string };
  readonly inDocument?: true;
}

/**
 * Attributes whose value is one location: `location`, `*_location`, `region`, `*_region`, and in ARM
 * and azapi bodies `*Location`, `*Region`. (A list such as Conditional Access `included_locations` names
 * named locations, not regions; literal regions in lists are places anyway.)
 */
function isLocationKey(key: string): boolean {
  // Both words end in `n`: most keys are told apart by their last letter.
  if (key.charCodeAt(key.length - 1) !== 0x6e /* n */) return false;
  return endsWithWord(key, 'location', 'Location') || endsWithWord(key, 'region', 'Region');
}

/** `key` is `word`, ends in `_word`, or ends in `Word` after a lower-case letter or digit. */
function endsWithWord(key: string, word: string, camel: string): boolean {
  const before = key.length - word.length - 1;
  if (key.endsWith(word)) return before < 0 || key[before] === '_';
  return before >= 0 && key.endsWith(camel) && /[a-z0-9]/.test(key[before]);
}

/** Attributes holding another resource's id. */
const ID_KEY = /(^|_)ids?$/;
/** Attributes holding a URL that data is sent to. */
const URL_KEY = /(^|_)(url|uri|endpoint|webhook|callback)s?$/;
/** `/providers/Microsoft.Sql/locations/westeurope/…` inside an id. */
const LOCATION_IN_ID = /\/locations\/([A-Za-z0-9]+)(?:\/|$)/i;
/** Strings short and plain enough to be a region name (display names have spaces and digits). */
const REGION_LIKE = /^[A-Za-z][A-Za-z0-9 ]{2,30}$/;
/** An ARM id of a resource in a resource group: a resource with a place. */
const ARM_RESOURCE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\//i;
/** `${azurerm_x.y.id}` (optionally followed by a literal id suffix), or a remote state output holding an id. */
const REFERENCE_TO_ID =
  /^\$\{\s*(?:data\.terraform_remote_state\.[^}]+\.outputs\.[^}]*id|[a-z0-9_]+\.[A-Za-z0-9_-]+(?:\[[^\]]+\])?\.(?:id|resource_id))\s*\}[A-Za-z0-9/_.-]*$/;
/** Azure service endpoints by host: the Terraform type whose resource the host names. */
const ENDPOINT_HOSTS: readonly (readonly [RegExp, string])[] = [
  [
    /^([a-z0-9]+)\.(?:privatelink\.)?(?:blob|queue|table|file|dfs|web)\.core\.windows\.net$/,
    'azurerm_storage_account',
  ],
  [/^([a-z0-9-]+)\.(?:privatelink\.)?vault\.azure\.net$/, 'azurerm_key_vault'],
  [/^([a-z0-9-]+)\.servicebus\.windows\.net$/, 'azurerm_servicebus_namespace'],
  [/^([a-z0-9-]+)\.database\.windows\.net$/, 'azurerm_mssql_server'],
  [/^([a-z0-9-]+)\.postgres\.database\.azure\.com$/, 'azurerm_postgresql_flexible_server'],
  [/^([a-z0-9]+)\.azurecr\.io$/, 'azurerm_container_registry'],
  [/^([a-z0-9-]+)\.documents\.azure\.com$/, 'azurerm_cosmosdb_account'],
];
/** Every host of a URL or connection string: `scheme://host`. */
const HOSTS = /[a-z][a-z0-9+.-]*:\/\/([^/:?#;\s"']+)/gi;
/** A numbered front end of a region: `westeurope-5`. */
const NUMBERED = /-\d{1,3}$/;
/** Azure's and Microsoft's own hosts (sign-in, management, service front ends): no destination outside Azure. */
const AZURE_HOST =
  /(^|\.)(azure\.com|azure\.net|windows\.net|azurecr\.io|microsoft\.com|microsoftonline\.com)$/;
/** Resources that deploy other resources from a document: those strings are parsed and walked too. */
export const DEPLOYMENT_TYPES = new Set([
  'azurerm_resource_group_template_deployment',
  'azurerm_subscription_template_deployment',
  'azurerm_management_group_template_deployment',
  'azurerm_tenant_template_deployment',
  'azurerm_template_deployment',
  'azurerm_managed_application_definition',
  'azurerm_managed_application',
  'azapi_resource',
  'azapi_update_resource',
]);
/** The attributes of a deployment type that hold a document of resources (ARM template, azapi body). */
export const DOCUMENT_ATTRIBUTES = new Set([
  'template_content',
  'parameters_content',
  'template_body',
  'parameters_body',
  'main_template',
  'create_ui_definition',
  'parameter_values',
  'body',
]);
/**
 * The resource's own identity: its `id` names the resource itself, not a path to another one (where
 * the resource lives is its location's question, RES-001's). Only at the top level: a nested `id`
 * (`subnet[0].id`, a template's `properties.subnet.id`) points elsewhere.
 */
const OWN_ID = 'id';
/** Metadata, not placement: `tags` and cdktf's `//` are not walked. */
const isSkippedKey = (key: string): boolean => key === 'tags' || key === '//';
const MAX_DOCUMENT = 4 * 1024 * 1024;
/** Spread into places and edges found outside (and inside) a parsed document; one object each, not one per string. */
const OUTSIDE: { inDocument?: true } = Object.freeze({});
const INSIDE: { inDocument?: true } = Object.freeze({ inDocument: true as const });

/** A document of a deployment type the walk could not read: what it deploys cannot be judged. */
export interface UnreadableDocument {
  readonly path: readonly PathSegment[];
  /** Why, as a clause: `is not valid JSON (…)`, `is computed by Terraform`. */
  readonly problem: string;
}

interface DataFlow {
  readonly places: Place[];
  readonly edges: Edge[];
  readonly unreadable: UnreadableDocument[];
}

const MEMO = new WeakMap<TfResource, DataFlow>();

/** The places a resource names, its own `location` included (at path `['location']`). */
export function placesOf(resource: TfResource): readonly Place[] {
  return dataFlowOf(resource).places;
}

/** The documents of a deployment (templates, bodies) that could not be read, and why. */
export function unreadableDocumentsOf(resource: TfResource): readonly UnreadableDocument[] {
  return dataFlowOf(resource).unreadable;
}

/** The paths data can take from a resource: the ids, endpoints and URLs it points at. */
export function edgesOf(resource: TfResource): readonly Edge[] {
  return dataFlowOf(resource).edges;
}

function dataFlowOf(resource: TfResource): DataFlow {
  let flow = MEMO.get(resource);
  if (!flow) {
    flow = { places: [], edges: [], unreadable: [] };
    new Walk(resource, flow).run();
    MEMO.set(resource, flow);
  }
  return flow;
}

/** A document parsed from a JSON string. */
export interface ParsedDocument {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: string;
}

/** Parse a string that looks like a JSON document (an ARM template, an azapi body); undefined otherwise. */
export function parseDocument(text: string): ParsedDocument | undefined {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return undefined;
  if (text.length > MAX_DOCUMENT) return { ok: false, error: `it is larger than ${MAX_DOCUMENT} bytes` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

class Walk {
  private readonly deploys: boolean;

  constructor(
    private readonly resource: TfResource,
    private readonly out: DataFlow,
  ) {
    this.deploys = DEPLOYMENT_TYPES.has(resource.type);
  }

  run(): void {
    this.value(this.resource.values, [], undefined, false);
    if (!this.resource.valuesAreExpressions && this.resource.change)
      this.unknown(this.resource.change.afterUnknown, []);
  }

  /** `key` is the path's last attribute name (`lastKey(path)`), carried down rather than searched for. */
  private value(value: unknown, path: PathSegment[], key: string | undefined, inDocument: boolean): void {
    if (typeof value === 'string') this.string(value, path, key, inDocument);
    else if (Array.isArray(value))
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        this.value(value[i], path, key, inDocument);
        path.pop();
      }
    else if (isRecord(value))
      // `for…in` visits what `Object.keys` lists (parsed values have own keys only), without an array.
      for (const inner in value)
        if (!isSkippedKey(inner)) {
          // One path array for the whole walk: copied only where a place or edge is recorded.
          path.push(inner);
          this.value(value[inner], path, inner, inDocument);
          path.pop();
        }
  }

  private string(text: string, path: PathSegment[], key: string | undefined, inDocument: boolean): void {
    const doc = inDocument ? INSIDE : OUTSIDE;
    // Cheap tests first: this runs for every string of every resource, and most are neither.
    if (text.length >= 3 && text.length <= 31 && REGION_LIKE.test(text)) {
      const region = regionNamed(text);
      const geography = region && key !== undefined ? geographyWithoutNorway(key) : undefined;
      if (geography) {
        this.out.places.push({ path: [...path], kind: 'unrecognised', text, ...geography, ...doc });
        return;
      }
      if (region) {
        this.out.places.push({ path: [...path], kind: 'region', region: region.name, text, ...doc });
        return;
      }
    }
    if (text.includes('ocations/') && (text.includes('/locations/') || text.includes('/Locations/'))) {
      const match = LOCATION_IN_ID.exec(text);
      const region = match ? azureRegion(match[1]) : undefined;
      // An id that names its region (a long-term retention backup) is placed by it: no edge to resolve.
      if (region) {
        this.out.places.push({ path: [...path], kind: 'in-id', region: region.name, text, ...doc });
        return;
      }
    }
    const expression = this.resource.valuesAreExpressions && !inDocument && text.includes('${');
    if (this.deploys) {
      const isDocument = path.length === 1 && key !== undefined && DOCUMENT_ATTRIBUTES.has(key);
      if (isDocument && expression) {
        this.out.unreadable.push({ path: [...path], problem: 'is computed by Terraform' });
        return;
      }
      const document = parseDocument(text);
      if (document?.ok) {
        this.value(document.value, path, key, true);
        return;
      }
      if (isDocument) {
        const why = document ? `is not valid JSON (${document.error})` : 'is not a JSON document';
        this.out.unreadable.push({ path: [...path], problem: why });
        return;
      }
    }
    if (key !== undefined && isLocationKey(key)) {
      // An expression (synth/HCL), or an ARM template expression (`[parameters('location')]`).
      if (expression || ((inDocument || this.deploys) && text.startsWith('[')))
        this.out.places.push({ path: [...path], kind: 'to-resolve', text, ...doc });
      // A region literal was recognised above; any other literal (but none at all) cannot be verified.
      else if (text.trim() !== '') {
        const place = literalPlace(key, text, enclosingKey(path));
        if (place) this.out.places.push({ path: [...path], kind: 'unrecognised', text, ...place, ...doc });
      }
      return;
    }
    if (path.length === 1 && key === OWN_ID) return;
    this.edge(text, path, key, expression, doc);
  }

  private edge(
    text: string,
    path: PathSegment[],
    key: string | undefined,
    expression: boolean,
    doc: { inDocument?: true },
  ): void {
    if (expression) {
      if (REFERENCE_TO_ID.test(text) || (ARM_RESOURCE_ID.test(text) && key !== undefined && ID_KEY.test(key)))
        this.out.edges.push({ path: [...path], kind: 'resource', text });
      return;
    }
    if (text.charCodeAt(0) === 0x2f /* / */ && ARM_RESOURCE_ID.test(text)) {
      this.out.edges.push({ path: [...path], kind: 'resource', text, ...doc });
      return;
    }
    // Endpoints and URLs have a scheme, connection strings `Key=value`: most strings have neither.
    if (!text.includes('://') && !text.includes('=')) return;
    if (text.includes('://')) this.regionsInHosts(text, path, doc);
    const service = endpointOf(text);
    if (service) {
      this.out.edges.push({ path: [...path], kind: 'endpoint', text, service, ...doc });
      return;
    }
    if (key !== undefined && URL_KEY.test(key)) {
      const host = hostOf(text);
      if (host && !AZURE_HOST.test(host))
        this.out.edges.push({ path: [...path], kind: 'internet', text, ...doc });
    }
  }

  /**
   * Regional endpoints name their region in the host (`westeurope.api.cognitive.microsoft.com`,
   * `IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/`): each such host is a
   * place, recorded by its host alone (the rest of a connection string may hold a key).
   */
  private regionsInHosts(text: string, path: PathSegment[], doc: { inDocument?: true }): void {
    for (const match of text.matchAll(HOSTS)) {
      const host = match[1].toLowerCase();
      for (const label of host.split('.')) {
        const region = label.length >= 6 ? regionNamed(label.replace(NUMBERED, '')) : undefined;
        if (region) {
          this.out.places.push({ path: [...path], kind: 'in-host', region: region.name, text: host, ...doc });
          break;
        }
      }
    }
  }

  /** Location-like and id-like attributes a plan knows only after apply (configured ones only). */
  private unknown(unknown: unknown, path: PathSegment[]): void {
    if (unknown === true) {
      const key = lastKey(path);
      if (this.deploys && path.length === 1 && key !== undefined && DOCUMENT_ATTRIBUTES.has(key)) {
        this.out.unreadable.push({ path: [...path], problem: 'is known only after apply' });
        return;
      }
      if (key === undefined || (path.length === 1 && key === OWN_ID)) return;
      // The key is tested first: most unknowns (ids, names, fqdns) are neither, and need no references.
      if (isLocationKey(key)) {
        if (this.hasReferences(path)) this.out.places.push({ path: [...path], kind: 'to-resolve' });
      } else if (ID_KEY.test(key) && this.hasReferences(path))
        this.out.edges.push({ path: [...path], kind: 'resource' });
      return;
    }
    if (Array.isArray(unknown))
      for (let i = 0; i < unknown.length; i++) {
        path.push(i);
        this.unknown(unknown[i], path);
        path.pop();
      }
    else if (isRecord(unknown))
      for (const key in unknown) {
        path.push(key);
        this.unknown(unknown[key], path);
        path.pop();
      }
  }

  private hasReferences(path: readonly PathSegment[]): boolean {
    const attribute = path.filter((p) => typeof p === 'string').join('.');
    return (this.resource.references?.get(attribute)?.length ?? 0) > 0;
  }
}

/** Region-like strings repeat across resources (`Inbound`, `Tcp`, `norwayeast`): each is looked up once. */
const REGIONS_BY_TEXT = new Map<string, AzureRegion | null>();

function regionNamed(text: string): AzureRegion | undefined {
  let region = REGIONS_BY_TEXT.get(text);
  if (region === undefined) {
    region = azureRegion(text) ?? null;
    // Texts come from the input: a cap keeps the memo bounded whatever it holds.
    if (REGIONS_BY_TEXT.size < 100_000) REGIONS_BY_TEXT.set(text, region);
  }
  return region ?? undefined;
}

function hostOf(text: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#;]+)/i.exec(text);
  return match?.[1].toLowerCase();
}

/** The Azure resource an endpoint URL or connection string names. */
function endpointOf(text: string): { type: string; name: string } | undefined {
  const account = /(?:^|;)\s*AccountName=([a-z0-9]+)\s*(?:;|$)/i.exec(text);
  if (account) return { type: 'azurerm_storage_account', name: account[1].toLowerCase() };
  const endpoint = /(?:^|;)\s*Endpoint=([a-z]+:\/\/[^;]+)/i.exec(text);
  const host = hostOf(endpoint ? endpoint[1] : text);
  if (!host) return undefined;
  for (const [pattern, type] of ENDPOINT_HOSTS) {
    const match = pattern.exec(host);
    if (match) return { type, name: match[1] };
  }
  return undefined;
}

/** The last attribute name of a path (`storage_account[0].storage_resource_id` → `storage_resource_id`). */
export function lastKey(path: readonly PathSegment[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

/** The attribute name before the last one (`location_data[0].region` → `location_data`). */
function enclosingKey(path: readonly PathSegment[]): string | undefined {
  let last = true;
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] !== 'string') continue;
    if (!last) return path[i] as string;
    last = false;
  }
  return undefined;
}

/** `['geo_location', 0, 'location']` → `geo_location[0].location`. */
export function describePlacePath(path: readonly PathSegment[]): string {
  if (path.length === 1 && typeof path[0] === 'string') return path[0];
  let text = '';
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    text += typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`;
  }
  return text;
}
