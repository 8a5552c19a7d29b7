/**
 * Reference resolution. A value may be a literal, a reference to another resource's attribute, a variable,
 * a local, a cdktf cross-stack reference, or something only known after apply. We follow what we can and
 * say `unknown` (with the reason) for everything else, so rules fail closed.
 */
import { parseExpression, parseTraversal } from './expressions';
import { getPath, getStep, parsePath, PathSegment } from './values';
import { instancesInModule } from './indexes';
import type { TfModel, TfResource, VariableDecl, Workspace } from './types';

export type Resolved =
  | { readonly kind: 'known'; readonly value: unknown }
  /** Not known exactly, but bounded (e.g. a variable whose validation allows only these values). */
  | { readonly kind: 'oneOf'; readonly values: readonly unknown[]; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string }
  | { readonly kind: 'absent' };

export type Target =
  /** The value refers to a resource in the checked configuration. */
  | { readonly kind: 'resource'; readonly model: TfModel; readonly resource: TfResource }
  /** A literal id of something outside the checked configuration. */
  | { readonly kind: 'external'; readonly value: string }
  | { readonly kind: 'unknown'; readonly reason: string }
  | { readonly kind: 'absent' };

/** What a reference points at before the remaining attribute path is read. */
type Hop =
  | { readonly kind: 'resource'; readonly model: TfModel; readonly resources: readonly TfResource[]; readonly rest: readonly PathSegment[] }
  | Resolved;

const MAX_DEPTH = 32;
const ABSENT: Resolved = Object.freeze({ kind: 'absent' });
/** cdktf names the remote state behind a cross-stack reference `cross-stack-reference-input-<stack>`. */
const CROSS_STACK_PREFIX = 'cross-stack-reference-input-';

export class Resolver {
  /** Per model and resource, path → result: keys stay short strings, not origin + address + path. */
  private readonly memo = new WeakMap<TfModel, WeakMap<TfResource, Map<string, Resolved>>>();
  private byId?: Map<string, { readonly model: TfModel; readonly resource: TfResource }>;

  constructor(private readonly workspace: Workspace) {}

  /** Resolve the value at `path` of `resource` (a dotted string or segments). */
  value(model: TfModel, resource: TfResource, path: string | readonly PathSegment[], depth = 0): Resolved {
    // A plan value known now is read directly: cheaper than the memo, and it never depends on `depth`
    // short of the cycle guard.
    if (!resource.valuesAreExpressions && depth <= MAX_DEPTH) {
      const segments = segmentsOf(path);
      if (!isUnknownAt(resource.change?.afterUnknown, segments)) {
        const raw = getPath(resource.values, segments);
        return raw === undefined || raw === null ? ABSENT : { kind: 'known', value: raw };
      }
    }
    let byResource = this.memo.get(model);
    if (!byResource) this.memo.set(model, (byResource = new WeakMap()));
    let byPath = byResource.get(resource);
    if (!byPath) byResource.set(resource, (byPath = new Map()));
    const key = memoKey(path);
    const cached = byPath.get(key);
    if (cached) return cached;
    const segments = segmentsOf(path);
    const result = this.computeValue(model, resource, segments, depth);
    byPath.set(key, result);
    return result;
  }

  /** Resolve an attribute that holds another resource's id (a replication target, a log destination…). */
  target(model: TfModel, resource: TfResource, path: string | readonly PathSegment[]): Target {
    const segments = segmentsOf(path);
    if (!resource.valuesAreExpressions) {
      if (isUnknownAt(resource.change?.afterUnknown, segments)) {
        const hop = this.followPlanReferences(model, resource, segments, 0);
        return hop ? this.hopToTarget(hop) : { kind: 'unknown', reason: `${describePath(segments)} is only known after apply` };
      }
      const raw = getPath(resource.values, segments);
      if (raw === undefined || raw === null) return { kind: 'absent' };
      if (typeof raw !== 'string') return { kind: 'unknown', reason: `${describePath(segments)} is not a resource id` };
      return this.targetById(raw);
    }
    const raw = getPath(resource.values, segments);
    if (raw === undefined || raw === null) return { kind: 'absent' };
    if (typeof raw !== 'string') return { kind: 'unknown', reason: `${describePath(segments)} is not a resource id` };
    const expression = parseExpression(raw);
    if (expression.kind === 'literal') return this.targetById(expression.value);
    if (expression.kind === 'complex') return { kind: 'unknown', reason: `${describePath(segments)} is a computed expression (${raw})` };
    return this.hopToTarget(this.follow(model, resource.source.module, expression.traversal, 0));
  }

  private hopToTarget(hop: Hop): Target {
    if (hop.kind === 'resource') {
      if (hop.resources.length === 1) return { kind: 'resource', model: hop.model, resource: hop.resources[0] };
      return { kind: 'unknown', reason: `it refers to ${hop.resources.length} instances of ${hop.resources[0].configAddress}` };
    }
    if (hop.kind === 'known') return typeof hop.value === 'string' ? this.targetById(hop.value) : { kind: 'unknown', reason: 'it is not a resource id' };
    if (hop.kind === 'oneOf') return { kind: 'unknown', reason: hop.reason };
    return hop;
  }

  /** A literal id: in a plan, match it against the ids of resources we know; otherwise it is outside. */
  private targetById(id: string): Target {
    const found = this.idIndex().get(id.toLowerCase());
    return found ? { kind: 'resource', model: found.model, resource: found.resource } : { kind: 'external', value: id };
  }

  /**
   * Known ids (lower-cased) → the first resource holding them, in workspace order. Built once, on the
   * first id lookup: a scan per lookup made checks of large plans quadratic.
   */
  private idIndex(): Map<string, { readonly model: TfModel; readonly resource: TfResource }> {
    if (this.byId) return this.byId;
    const index = new Map<string, { readonly model: TfModel; readonly resource: TfResource }>();
    for (const model of this.workspace.models) {
      for (const resource of model.resources) {
        const own = resource.values.id;
        if (resource.valuesAreExpressions || typeof own !== 'string') continue;
        const key = own.toLowerCase();
        if (!index.has(key)) index.set(key, { model, resource });
      }
    }
    this.byId = index;
    return index;
  }

  private computeValue(model: TfModel, resource: TfResource, path: readonly PathSegment[], depth: number): Resolved {
    if (depth > MAX_DEPTH) return { kind: 'unknown', reason: 'references nest too deep (a cycle?)' };
    if (!resource.valuesAreExpressions) {
      // `value` reads a plan value that is known now directly; here it is one known only after apply.
      const hop = this.followPlanReferences(model, resource, path, depth);
      return hop ? this.finish(hop, depth) : { kind: 'unknown', reason: `${describePath(path)} of ${resource.address} is only known after apply` };
    }
    // Synthesized JSON or HCL: walk the path, resolving an expression wherever one stands.
    let current: unknown = resource.values;
    for (let i = 0; i < path.length; i++) {
      if (typeof current === 'string') return this.resolveExpressionThenPath(model, resource.source.module, current, path.slice(i), depth);
      current = getPath(current, [path[i]]);
    }
    if (current === undefined || current === null) return { kind: 'absent' };
    if (typeof current === 'string') return this.resolveExpressionThenPath(model, resource.source.module, current, [], depth);
    return { kind: 'known', value: current };
  }

  private resolveExpressionThenPath(model: TfModel, modulePath: string, text: string, rest: readonly PathSegment[], depth: number): Resolved {
    const expression = parseExpression(text);
    if (expression.kind === 'literal') return rest.length === 0 ? { kind: 'known', value: expression.value } : { kind: 'absent' };
    if (expression.kind === 'complex') return { kind: 'unknown', reason: `the expression ${text} is computed by Terraform` };
    return this.finish(this.follow(model, modulePath, [...expression.traversal, ...rest], depth + 1), depth);
  }

  private finish(hop: Hop, depth: number): Resolved {
    if (hop.kind !== 'resource') return hop;
    const results = hop.resources.map((r) => this.value(hop.model, r, hop.rest, depth + 1));
    if (results.length === 1) return results[0];
    const known = results.filter((r): r is { kind: 'known'; value: unknown } => r.kind === 'known');
    if (known.length === results.length && known.every((r) => JSON.stringify(r.value) === JSON.stringify(known[0].value))) return known[0];
    return { kind: 'unknown', reason: `${hop.resources[0].configAddress} has ${results.length} instances that differ or are unknown` };
  }

  /** For plan values known only after apply: follow the first reference the configuration records. */
  private followPlanReferences(model: TfModel, resource: TfResource, path: readonly PathSegment[], depth: number): Hop | undefined {
    const attribute = path.filter((p) => typeof p === 'string').join('.');
    const references = resource.references?.get(attribute);
    if (!references || references.length === 0) return undefined;
    const traversal = parseTraversal(references[0]);
    if (!traversal) return undefined;
    return this.follow(model, resource.source.module, traversal, depth + 1);
  }

  /** Follow a traversal (`azurerm_x.y.location`, `var.v`, `local.l`, `data.x.y.z`) from within `modulePath`. */
  private follow(model: TfModel, modulePath: string, traversal: readonly PathSegment[], depth: number): Hop {
    if (depth > MAX_DEPTH) return { kind: 'unknown', reason: 'references nest too deep (a cycle?)' };
    const [head, second] = traversal;
    const text = traversal.join('.');
    switch (head) {
      case 'var':
        return this.followVariable(model, modulePath, String(second), traversal.slice(2), depth);
      case 'local': {
        const locals = modulePath ? (model.moduleScopes?.get(configPrefix(modulePath).slice(0, -1))?.locals ?? model.locals) : model.locals;
        if (!locals.has(String(second))) return { kind: 'unknown', reason: `local.${String(second)} is not defined` };
        return this.resolveRaw(model, modulePath, locals.get(String(second)), traversal.slice(2), depth);
      }
      case 'data': {
        if (traversal[1] === 'terraform_remote_state') return this.followRemoteState(String(traversal[2]), traversal.slice(3), depth);
        return this.followResource(model, modulePath, `data.${String(traversal[1])}.${String(traversal[2])}`, traversal.slice(3), text);
      }
      case 'module':
      case 'each':
      case 'count':
      case 'self':
      case 'path':
      case 'terraform':
        return { kind: 'unknown', reason: `${text} is not resolvable before apply` };
      default:
        return this.followResource(model, modulePath, `${String(head)}.${String(second)}`, traversal.slice(2), text);
    }
  }

  private followResource(model: TfModel, modulePath: string, relative: string, rest: readonly PathSegment[], text: string): Hop {
    const prefix = configPrefix(modulePath);
    // Inside a module instance (`module.m["a"]`), a reference means that instance's resource; another
    // instance's value would be a guess.
    let instances = modulePath
      ? instancesInModule(model, `${prefix}${relative}`, modulePath)
      : (model.byConfigAddress.get(`${prefix}${relative}`) ?? []);
    if (instances.length === 0) return { kind: 'unknown', reason: `${text} refers to ${prefix}${relative}, which is not in this configuration` };
    let remaining = rest;
    const [first] = rest;
    if (instances.length > 1 && (typeof first === 'number' || (typeof first === 'string' && instances.some((r) => r.index === first)))) {
      instances = instances.filter((r) => r.index === first);
      remaining = rest.slice(1);
      if (instances.length === 0) return { kind: 'unknown', reason: `${text}: no such instance` };
    } else if (instances.length === 1 && instances[0].index === first) {
      // `r[0].x` of a count of one, `r["k"].x` of a for_each over one key: the index names the instance.
      remaining = rest.slice(1);
    }
    return { kind: 'resource', model, resources: instances, rest: remaining };
  }

  private followVariable(model: TfModel, modulePath: string, name: string, rest: readonly PathSegment[], depth: number): Hop {
    if (modulePath) {
      const parent = modulePath.replace(/\.?module\.[^.]+(\[[^\]]*\])?$/, '');
      const scope = model.moduleScopes?.get(configPrefix(modulePath).slice(0, -1));
      if (scope) {
        const variable = scope.variables.get(name);
        const bounded = variable && rest.length === 0 ? boundByValidation(name, variable.validations) : undefined;
        if (bounded) return bounded;
        if (scope.inputs.has(name)) return this.resolveRaw(model, parent, scope.inputs.get(name), rest, depth);
        if (!variable) return { kind: 'unknown', reason: `var.${name} is not declared in ${modulePath}` };
        return this.fromDeclaration(model, modulePath, variable, rest, depth);
      }
      const inputs = model.moduleInputs?.get(configPrefix(modulePath).replace(/\.$/, ''));
      const references = inputs?.get(name);
      const traversal = references?.[0] !== undefined ? parseTraversal(references[0]) : undefined;
      if (traversal) return this.follow(model, parent, [...traversal, ...rest], depth + 1);
      return { kind: 'unknown', reason: `module input var.${name} of ${modulePath} is not resolvable` };
    }
    const variable = model.variables.get(name);
    if (!variable) return { kind: 'unknown', reason: `var.${name} is not declared` };
    return this.fromDeclaration(model, modulePath, variable, rest, depth);
  }

  private fromDeclaration(model: TfModel, modulePath: string, variable: VariableDecl, rest: readonly PathSegment[], depth: number): Hop {
    const name = variable.name;
    if (variable.hasValue) return known(getPath(variable.value, rest));
    // A validation is a guarantee for every value a user may pass; a default is only the value when none is passed.
    const bounded = rest.length === 0 ? boundByValidation(name, variable.validations) : undefined;
    if (bounded) return bounded;
    if (variable.hasDefault) return this.resolveRaw(model, modulePath, variable.default, rest, depth);
    return { kind: 'unknown', reason: `var.${name} has no default and no validation that limits it` };
  }

  /** A cdktf cross-stack reference: read the producing stack's output within the workspace. */
  private followRemoteState(name: string, rest: readonly PathSegment[], depth: number): Hop {
    if (!name.startsWith(CROSS_STACK_PREFIX) || rest[0] !== 'outputs') {
      return { kind: 'unknown', reason: `data.terraform_remote_state.${name} is read from another state at apply time` };
    }
    const stack = name.slice(CROSS_STACK_PREFIX.length);
    const producer = this.workspace.byStack.get(stack);
    if (!producer) return { kind: 'unknown', reason: `it refers to stack ${stack}, which is not among the checked inputs` };
    const output = String(rest[1]);
    if (!producer.outputs.has(output)) return { kind: 'unknown', reason: `stack ${stack} has no output ${output}` };
    return this.resolveRaw(producer, '', producer.outputs.get(output), rest.slice(2), depth);
  }

  /** Resolve a raw configuration value (literal or expression string), then read `rest` inside it. */
  private resolveRaw(model: TfModel, modulePath: string, raw: unknown, rest: readonly PathSegment[], depth: number): Hop {
    if (typeof raw === 'string') {
      const expression = parseExpression(raw);
      if (expression.kind === 'reference') return this.follow(model, modulePath, [...expression.traversal, ...rest], depth + 1);
      if (expression.kind === 'complex') return { kind: 'unknown', reason: `the expression ${raw} is computed by Terraform` };
      return rest.length === 0 ? known(expression.value) : { kind: 'absent' };
    }
    return known(getPath(raw, rest));
  }
}

function known(value: unknown): Resolved {
  return value === undefined || value === null ? { kind: 'absent' } : { kind: 'known', value };
}

/**
 * A validation of the form `contains(["a", "b"], var.x)` bounds the variable to those values. Anything
 * else is not understood and leaves the variable unknown.
 */
export function boundByValidation(name: string, validations: readonly { readonly condition: unknown }[]): Resolved | undefined {
  for (const { condition } of validations) {
    if (typeof condition !== 'string') continue;
    const text = condition.replace(/^\$\{\s*/, '').replace(/\s*\}$/, '');
    const match = /^contains\(\s*\[([^\]]*)\]\s*,\s*(?:lower\()?\s*var\.([A-Za-z_][\w-]*)\s*\)?\s*\)$/.exec(text);
    if (!match || match[2] !== name) continue;
    const values = [...match[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    if (values.length > 0) return { kind: 'oneOf', values, reason: `var.${name} is limited by its validation to ${values.join(', ')}` };
  }
  return undefined;
}

/** Whether the plan marks `path` (or a parent of it) as known only after apply. */
export function isUnknownAt(afterUnknown: unknown, path: readonly PathSegment[]): boolean {
  let current = afterUnknown;
  for (const segment of path) {
    if (current === true) return true;
    // getStep finds nothing inside `undefined`, `false` or any other non-object.
    current = getStep(current, segment);
  }
  return current === true;
}

/** `module.a[0].module.b["x"]` → `module.a.module.b.` (configuration addresses carry no instance keys). */
function configPrefix(modulePath: string): string {
  if (!modulePath) return '';
  return `${modulePath.replace(/\[[^\]]*\]/g, '')}.`;
}

/** Dotted paths parsed once: rules ask for the same few paths on every resource. Shared, so read-only. */
const PARSED_PATHS = new Map<string, readonly PathSegment[]>();

/**
 * A path's key in the memo. A dotted path is its own key (no split and join on every lookup), and
 * segments join to the same key, unless one holds a dot: `['tags', 'kubernetes.io/x']` must not share
 * a key with `['tags', 'kubernetes', 'io/x']`.
 */
function memoKey(path: string | readonly PathSegment[]): string {
  if (typeof path === 'string') return path;
  return path.some((segment) => typeof segment === 'string' && segment.includes('.'))
    ? JSON.stringify(path)
    : path.join('.');
}

function segmentsOf(path: string | readonly PathSegment[]): readonly PathSegment[] {
  if (typeof path !== 'string') return path;
  let segments = PARSED_PATHS.get(path);
  if (segments === undefined) {
    segments = Object.freeze(parsePath(path));
    // Paths come from rules, not input; a cap keeps the memo bounded whatever calls it.
    if (PARSED_PATHS.size < 10_000) PARSED_PATHS.set(path, segments);
  }
  return segments;
}

function describePath(path: readonly PathSegment[]): string {
  return path.filter((p) => typeof p === 'string').join('.');
}
