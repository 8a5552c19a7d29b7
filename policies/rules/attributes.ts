/**
 * Judging attributes the way every rule must: through the rule context (never the input's shape), with
 * the azurerm 4.x default written down where a missing attribute means "the provider decides".
 * Every helper fails closed: a value that cannot be resolved is a problem, never a pass.
 */
import type { RuleContext } from './rule';
import { type Resolved } from '../model/resolve';
import type { TfModel, TfResource } from '../model/types';
import { asBlocks, isRecord, parsePath, PathSegment } from '../model/values';

export type Path = string | readonly PathSegment[];

const segmentsOf = (path: Path): PathSegment[] => (typeof path === 'string' ? parsePath(path) : [...path]);
/** `['blob_properties', 0, 'versioning_enabled']` → `blob_properties.versioning_enabled`; other indexes as `[n]`. */
const nameOf = (path: Path): string => {
  if (typeof path !== 'string') return nameOfSegments(path);
  // Rules name the same few dotted paths on every resource (`firstSet` on each call): named once.
  let name = NAMES.get(path);
  if (name === undefined) {
    name = nameOfSegments(parsePath(path));
    if (NAMES.size < 10_000) NAMES.set(path, name);
  }
  return name;
};
const NAMES = new Map<string, string>();
const nameOfSegments = (path: readonly PathSegment[]): string =>
  path
    .map((p, i) => (typeof p === 'number' ? (p === 0 ? '' : `[${p}]`) : `${i === 0 ? '' : '.'}${p}`))
    .join('');

/**
 * Resolve the first of several names for one attribute that is set: the azurerm 4.x name first, then
 * the 3.x one (`https_traffic_only_enabled`, then `enable_https_traffic_only`).
 */
export function firstSet(
  context: RuleContext,
  resource: TfResource,
  paths: readonly Path[],
): { name: string; resolved: Resolved } {
  for (const path of paths) {
    // The resolver takes a dotted path as it is (and keys its memo by it): no copy per call.
    const resolved = context.read(resource, path);
    if (resolved.kind !== 'absent') return { name: nameOf(path), resolved };
  }
  return { name: nameOf(paths[0]), resolved: { kind: 'absent' } };
}

/** Terraform JSON may carry booleans as strings ("true"); anything else is not a boolean. */
export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

export interface BoolExpectation {
  /** The value the attribute must have. */
  readonly want: boolean;
  /** The azurerm 4.x default when the attribute is not written. */
  readonly providerDefault: boolean;
}

/** A problem when the boolean attribute (under any of its names) is not provably `want`. */
export function boolProblem(
  context: RuleContext,
  resource: TfResource,
  paths: readonly Path[],
  expect: BoolExpectation,
): string | undefined {
  const { name, resolved } = firstSet(context, resource, paths);
  switch (resolved.kind) {
    case 'absent':
      return expect.providerDefault === expect.want
        ? undefined
        : `${name} is not set, and the provider default is ${expect.providerDefault}`;
    case 'known': {
      const value = asBoolean(resolved.value);
      if (value === expect.want) return undefined;
      return `${name} is ${JSON.stringify(resolved.value)}`;
    }
    case 'oneOf':
      return resolved.values.every((v) => asBoolean(v) === expect.want)
        ? undefined
        : `${name} may be ${resolved.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'unknown':
      return `${name} cannot be verified before apply (${resolved.reason})`;
  }
}

export interface StringExpectation {
  /** Accepted values, compared case-insensitively. */
  readonly allowed: readonly string[];
  /** The azurerm 4.x default when the attribute is not written; undefined when there is none we accept. */
  readonly providerDefault?: string;
}

/** A problem when the string attribute (under any of its names) is not provably one of `allowed`. */
export function stringProblem(
  context: RuleContext,
  resource: TfResource,
  paths: readonly Path[],
  expect: StringExpectation,
): string | undefined {
  const { name, resolved } = firstSet(context, resource, paths);
  const ok = (v: unknown) =>
    typeof v === 'string' && expect.allowed.some((a) => a.toLowerCase() === v.toLowerCase());
  const allowed = expect.allowed.map((a) => JSON.stringify(a)).join(' or ');
  switch (resolved.kind) {
    case 'absent':
      if (expect.providerDefault !== undefined && ok(expect.providerDefault)) return undefined;
      return expect.providerDefault === undefined
        ? `${name} is not set (expected ${allowed})`
        : `${name} is not set, and the provider default is ${JSON.stringify(expect.providerDefault)} (expected ${allowed})`;
    case 'known':
      return ok(resolved.value)
        ? undefined
        : `${name} is ${JSON.stringify(resolved.value)} (expected ${allowed})`;
    case 'oneOf':
      return resolved.values.every(ok)
        ? undefined
        : `${name} may be ${resolved.values.map((v) => JSON.stringify(v)).join(' or ')} (expected ${allowed})`;
    case 'unknown':
      return `${name} cannot be verified before apply (${resolved.reason})`;
  }
}

/** How many blocks stand at `path`, or why that cannot be known (a dynamic block, an unknown list). */
export type BlockCount =
  { readonly kind: 'count'; readonly count: number } | { readonly kind: 'unknown'; readonly reason: string };

export function blockCount(context: RuleContext, resource: TfResource, path: Path): BlockCount {
  if (context.isDynamicBlock(resource, path))
    return { kind: 'unknown', reason: `${nameOf(path)} is built by a dynamic block` };
  const resolved = context.read(resource, segmentsOf(path));
  switch (resolved.kind) {
    case 'absent':
      return { kind: 'count', count: 0 };
    case 'known':
      if (Array.isArray(resolved.value) || isRecord(resolved.value))
        return { kind: 'count', count: asBlocks(resolved.value).length };
      return { kind: 'unknown', reason: `${nameOf(path)} is not a block` };
    case 'oneOf':
    case 'unknown':
      return {
        kind: 'unknown',
        reason: `${nameOf(path)} cannot be verified before apply (${resolved.reason})`,
      };
  }
}

/** Key for a resource across models, for indexes built once per rule run. */
export function resourceKey(model: TfModel, resource: TfResource): string {
  return `${model.origin}\u0000${resource.address}`;
}

/** A sentence naming relation resources whose target could not be resolved, for "has no …" messages. */
export function unresolvedNote(what: string, addresses: readonly string[]): string {
  if (addresses.length === 0) return '';
  const shown = addresses.slice(0, 3).join(', ');
  const more = addresses.length > 3 ? ` and ${addresses.length - 3} more` : '';
  return ` (${what} ${shown}${more} could not be resolved to a resource, so it does not count)`;
}
