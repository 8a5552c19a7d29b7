/**
 * Places anywhere: every region a resource names, at any attribute path, found in one walk per resource
 * that every rule shares. A place is a region-valued string (either spelling: `westeurope`, `West
 * Europe`), a region inside an id (`/locations/<region>/`), or a value at a location-like attribute
 * (`remote_volume_location`, `linked_hub[].location`) that is an expression or unknown until apply and so
 * must be resolved. Deployments inside deployments (ARM templates, azapi bodies) are walked as well, JSON
 * strings parsed: their resources carry places of their own.
 */
import { azureRegion } from '../azure/regions';
import type { TfResource } from './types';
import { isRecord, type PathSegment } from './values';

export interface Place {
  /** Where the place stands; a parsed JSON string is entered as its attribute followed by the document's path. */
  readonly path: readonly PathSegment[];
  /** `region`: a literal region name; `in-id`: a region inside an id; `to-resolve`: an expression or unknown. */
  readonly kind: 'region' | 'in-id' | 'to-resolve';
  /** The region named (normalised), for `region` and `in-id`. */
  readonly region?: string;
  /** The text as written, for messages. */
  readonly text?: string;
  /** Inside a parsed JSON document (an ARM template, an azapi body): resolve against it, not the resolver. */
  readonly inDocument?: true;
}

/** Attributes whose value is a location: `location`, `*_location`, `region`, `*_region`, and their lists. */
const LOCATION_KEY = /(^|_)(location|region)s?$/;
/** `/providers/Microsoft.Sql/locations/westeurope/…` inside an id. */
const LOCATION_IN_ID = /\/locations\/([A-Za-z0-9]+)(?:\/|$)/i;
/** Strings short and plain enough to be a region name (display names have spaces and digits). */
const REGION_LIKE = /^[A-Za-z][A-Za-z0-9 ]{2,30}$/;
/** Resources that deploy other resources from a document: those strings are parsed and walked too. */
const DEPLOYMENT_TYPES = new Set([
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
/** Metadata, not placement. */
const SKIPPED_KEYS = new Set(['tags', '//']);
const MAX_DOCUMENT = 4 * 1024 * 1024;

const MEMO = new WeakMap<TfResource, readonly Place[]>();

/** The places a resource names, its own `location` included (at path `['location']`). */
export function placesOf(resource: TfResource): readonly Place[] {
  let places = MEMO.get(resource);
  if (!places) {
    const out: Place[] = [];
    const deploys = DEPLOYMENT_TYPES.has(resource.type);
    walk(resource.values, [], out, resource.valuesAreExpressions, deploys, false);
    if (!resource.valuesAreExpressions && resource.change)
      collectUnknown(resource.change.afterUnknown, [], out);
    places = out;
    MEMO.set(resource, places);
  }
  return places;
}

/** A document parsed from a JSON string, or undefined when the string is not one. */
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

function walk(
  value: unknown,
  path: PathSegment[],
  out: Place[],
  expressions: boolean,
  deploys: boolean,
  inDocument: boolean,
): void {
  if (typeof value === 'string') {
    visitString(value, path, out, expressions, deploys, inDocument);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, [...path, i], out, expressions, deploys, inDocument));
    return;
  }
  if (!isRecord(value)) return;
  for (const key of Object.keys(value)) {
    if (SKIPPED_KEYS.has(key)) continue;
    walk(value[key], [...path, key], out, expressions, deploys, inDocument);
  }
}

function visitString(
  text: string,
  path: PathSegment[],
  out: Place[],
  expressions: boolean,
  deploys: boolean,
  inDocument: boolean,
): void {
  const key = lastKey(path);
  if (REGION_LIKE.test(text)) {
    const region = azureRegion(text);
    if (region) {
      out.push({
        path,
        kind: 'region',
        region: region.name,
        text,
        ...(inDocument ? { inDocument: true } : {}),
      });
      return;
    }
  }
  if (text.includes('/locations/') || text.includes('/Locations/')) {
    const match = LOCATION_IN_ID.exec(text);
    const region = match ? azureRegion(match[1]) : undefined;
    if (region) out.push({ path, kind: 'in-id', region: region.name, text });
  }
  if (deploys) {
    const document = parseDocument(text);
    if (document?.ok) {
      walk(document.value, path, out, false, deploys, true);
      return;
    }
  }
  if (key !== undefined && LOCATION_KEY.test(key)) {
    // An expression (synth/HCL), or an ARM template expression (`[parameters('location')]`).
    const isExpression = (expressions && text.includes('${')) || (inDocument && text.startsWith('['));
    if (isExpression)
      out.push({ path, kind: 'to-resolve', text, ...(inDocument ? { inDocument: true } : {}) });
  }
}

/** Location-like attributes that a plan knows only after apply. */
function collectUnknown(unknown: unknown, path: PathSegment[], out: Place[]): void {
  if (unknown === true) {
    const key = lastKey(path);
    if (key !== undefined && LOCATION_KEY.test(key)) out.push({ path, kind: 'to-resolve' });
    return;
  }
  if (Array.isArray(unknown)) unknown.forEach((item, i) => collectUnknown(item, [...path, i], out));
  else if (isRecord(unknown))
    for (const key of Object.keys(unknown)) collectUnknown(unknown[key], [...path, key], out);
}

function lastKey(path: readonly PathSegment[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

/** `['geo_location', 0, 'location']` → `geo_location[0].location`. */
export function describePlacePath(path: readonly PathSegment[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
