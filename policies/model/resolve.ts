/**
 * Reference resolution. A value may be a literal, a reference to another resource's attribute, a variable,
 * a local, a cdktf cross-stack reference, or something only known after apply. We follow what we can and
 * say `unknown` (with the reason) for everything else, so rules fail closed.
 */
import { parseExpression, parseTraversal } from './expressions';
import { asBlocks, getPath, getStep, isRecord, parsePath, PathSegment } from './values';
import { instancesInModule } from './indexes';
import { parentArmId, parseArmId, parseVaultObjectUrl, type ArmId } from './arm-id';
import { armTypeOf } from './arm-types';
import { azureRegion } from '../azure/regions';
import { parentAttributeOf } from './parents';
import type { TfModel, TfResource, VariableDecl, Workspace } from './types';

/** What a message says when an id or a stack is not among the inputs: the fix is to pass it. */
export const NOT_IN_ESTATE = 'not in the checked estate; pass its stack, plan or state with --context';

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
  | {
      readonly kind: 'resource';
      readonly model: TfModel;
      readonly resources: readonly TfResource[];
      readonly rest: readonly PathSegment[];
    }
  | Resolved;

const MAX_DEPTH = 32;
const MAX_PARENT_HOPS = 8;
/** Stands for a subscription an id template leaves to Terraform: any subscription matches it. */
const ANY_SUBSCRIPTION = '*';
/** Attributes holding a resource's own id; Key Vault keys are also named by their versionless ids. */
const ID_ATTRIBUTES = ['id', 'versionless_id', 'resource_versionless_id'] as const;
const ABSENT: Resolved = Object.freeze({ kind: 'absent' });
/** cdktf names the remote state behind a cross-stack reference `cross-stack-reference-input-<stack>`. */
const CROSS_STACK_PREFIX = 'cross-stack-reference-input-';
/** `${azurerm_storage_account.sa.id}/blobServices/default`: a reference followed by a literal id suffix. */
const REFERENCE_WITH_SUFFIX = /^\$\{\s*([^{}]+?)\s*\}(\/[A-Za-z0-9/_.-]*)$/;

interface Located {
  readonly model: TfModel;
  readonly resource: TfResource;
}

/** Key Vault object types by the kind their URLs name (`https://<vault>.vault.azure.net/<kind>/<name>`). */
const VAULT_OBJECT_KINDS: ReadonlyMap<string, string> = new Map([
  ['azurerm_key_vault_key', 'keys'],
  ['azurerm_key_vault_secret', 'secrets'],
  ['azurerm_key_vault_certificate', 'certificates'],
]);

/** What `named` finds for a name the estate does not hold: one empty list, shared (read-only). */
const NONE_NAMED: readonly Located[] = Object.freeze([]);

export class Resolver {
  /** Per model and resource, path → result: keys stay short strings, not origin + address + path. */
  private readonly memo = new WeakMap<TfModel, WeakMap<TfResource, Map<string, Resolved>>>();
  private byId?: Map<string, Located>;
  private byArmName?: Map<string, Located[]>;
  private vaultObjects?: Map<string, Located[]>;
  private byName?: Map<string, Map<string, Located[]>>;
  /** Literal ids already looked up: the estate does not change during a check. */
  private readonly byIdMemo = new Map<string, Target>();
  /** Per model, where each resource lives (asked by many rules, for targets again and again). */
  private readonly locations = new WeakMap<TfModel, WeakMap<TfResource, Resolved>>();

  constructor(private readonly workspace: Workspace) {}

  /**
   * The model a resource was loaded into (the first, when two inputs share one). Each model's own index
   * answers: an estate has a few dozen models, and a table of every resource would cost more to build
   * than the few resources asked about (targets in other stacks, what a plan deletes) ever save.
   */
  modelOf(resource: TfResource): TfModel | undefined {
    return this.workspace.models.find((model) => model.byAddress.get(resource.address) === resource);
  }

  /**
   * The managed resources of the estate of `type` whose `name` is `name` (case-insensitive): what an
   * endpoint host (`<account>.blob.core.windows.net`) names. Indexed once, on first use.
   */
  named(type: string, name: string): readonly { readonly model: TfModel; readonly resource: TfResource }[] {
    // Indexed per type, on the first ask for it: endpoints name a few types, so the names of the others
    // are never resolved. Each list keeps workspace order, as one index over every type did.
    this.byName ??= new Map();
    let byType = this.byName.get(type);
    if (!byType) {
      byType = new Map();
      for (const model of this.workspace.models) {
        for (const resource of model.resources) {
          if (resource.type !== type || resource.mode !== 'managed') continue;
          const own = this.knownString(model, resource, 'name');
          if (own === undefined) continue;
          const list = byType.get(own);
          if (list) list.push({ model, resource });
          else byType.set(own, [{ model, resource }]);
        }
      }
      this.byName.set(type, byType);
    }
    return byType.get(name.toLowerCase()) ?? NONE_NAMED;
  }

  /**
   * Whether the configuration sets the attribute at all: a literal, a reference, or a plan value known
   * only after apply. Asks "is an id given?" where `value` would say absent for a reference to another
   * resource's computed id in synthesized JSON.
   */
  isWritten(resource: TfResource, path: string | readonly PathSegment[]): boolean {
    if (typeof path === 'string' && isPlainAttribute(path)) return isWrittenAttribute(resource, path);
    const segments = segmentsOf(path);
    const raw = getPath(resource.values, segments);
    if (raw !== undefined && raw !== null) return true;
    return !resource.valuesAreExpressions && isUnknownAt(resource.change?.afterUnknown, segments);
  }

  /**
   * Whether the configuration sets the value itself: written in synthesized JSON or HCL; in a plan or
   * state, known, or unknown with references the configuration records. A plan's unknown without
   * references is a value the provider computes.
   */
  isConfigured(resource: TfResource, path: string | readonly PathSegment[]): boolean {
    const segments = segmentsOf(path);
    const raw = getPath(resource.values, segments);
    if (resource.valuesAreExpressions) return raw !== undefined && raw !== null;
    if (raw !== undefined && raw !== null && !isUnknownAt(resource.change?.afterUnknown, segments))
      return true;
    return (resource.references?.get(describePath(segments))?.length ?? 0) > 0;
  }

  /** Whether the attribute is written as a literal in the configuration (not a reference or expression). */
  isLiteral(resource: TfResource, path: string | readonly PathSegment[]): boolean {
    if (!resource.valuesAreExpressions) return false;
    const raw = getPath(resource.values, segmentsOf(path));
    if (raw === undefined || raw === null) return false;
    return typeof raw !== 'string' || parseExpression(raw).kind === 'literal';
  }

  /** Whether blocks at `path` are generated by a `dynamic` block (their number is Terraform's to decide). */
  isDynamicBlock(resource: TfResource, path: string | readonly PathSegment[]): boolean {
    if (!resource.valuesAreExpressions) return false;
    const segments = segmentsOf(path);
    const container =
      segments.length === 1 ? resource.values : getPath(resource.values, segments.slice(0, -1));
    const last = String(segments[segments.length - 1]);
    // cdktf writes generated blocks under `dynamic` next to the static ones (also inside nested blocks).
    return asBlocks(isRecord(container) ? container.dynamic : undefined).some((d) =>
      Object.prototype.hasOwnProperty.call(d, last),
    );
  }

  /**
   * Where a resource lives: its own location; for a child without one, its parent's (the type's parent
   * attribute, else the first common parent attribute it sets), followed through the estate. A child
   * whose parent is not in the estate has an unknown place.
   */
  locationOf(model: TfModel, resource: TfResource, hops = 0): Resolved {
    if (hops > 0) return this.computeLocation(model, resource, hops);
    let byResource = this.locations.get(model);
    if (!byResource) this.locations.set(model, (byResource = new WeakMap()));
    let location = byResource.get(resource);
    if (!location) byResource.set(resource, (location = this.computeLocation(model, resource, 0)));
    return location;
  }

  private computeLocation(model: TfModel, resource: TfResource, hops: number): Resolved {
    if (this.isWritten(resource, 'location')) {
      const own = this.value(model, resource, 'location');
      // A location the provider computes (a plan's unknown with no configuration behind it, as for a
      // Container App) is its parent's: judged there.
      const computed = own.kind === 'unknown' && !this.isConfigured(resource, 'location');
      if (!computed || !parentAttributeOf(resource, (r, p) => this.isWritten(r, p), true)) return own;
    }
    if (hops >= MAX_PARENT_HOPS)
      return { kind: 'unknown', reason: `the parents of ${resource.address} nest too deep` };
    const parentAttribute = parentAttributeOf(resource, (r, p) => this.isWritten(r, p), true);
    if (!parentAttribute) return { kind: 'unknown', reason: `${resource.address} has no location to verify` };
    const parent = this.target(model, resource, parentAttribute);
    switch (parent.kind) {
      case 'resource':
        return this.locationOf(parent.model, parent.resource, hops + 1);
      case 'external':
        return {
          kind: 'unknown',
          reason: `the parent of ${resource.address} (${parent.value}) is ${NOT_IN_ESTATE}`,
        };
      case 'unknown':
        return {
          kind: 'unknown',
          reason: `the parent of ${resource.address} cannot be resolved: ${parent.reason}`,
        };
      case 'absent':
        return { kind: 'unknown', reason: `${resource.address} names no parent (${parentAttribute})` };
    }
  }

  /** Resolve the value at `path` of `resource` (a dotted string or segments). */
  value(model: TfModel, resource: TfResource, path: string | readonly PathSegment[], depth = 0): Resolved {
    // A plan value known now is read directly: cheaper than the memo, and it never depends on `depth`
    // short of the cycle guard.
    if (!resource.valuesAreExpressions && depth <= MAX_DEPTH) {
      if (typeof path === 'string' && isPlainAttribute(path)) {
        // One top-level attribute (`location`, `tags`): what the general path below does, in one step.
        const unknown = resource.change?.afterUnknown;
        if (unknown !== true && getStep(unknown, path) !== true) {
          const raw = getStep(resource.values, path);
          return raw === undefined || raw === null ? ABSENT : { kind: 'known', value: raw };
        }
      } else {
        const segments = segmentsOf(path);
        if (!isUnknownAt(resource.change?.afterUnknown, segments)) {
          const raw = getPath(resource.values, segments);
          return raw === undefined || raw === null ? ABSENT : { kind: 'known', value: raw };
        }
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

  /**
   * Resolve an attribute that holds another resource's id (a replication target, a log destination…).
   * A reference names the resource even where the plan already knows the id (an existing resource), so
   * references are followed first; a known id is then looked up in the estate by id, by ARM id parts
   * (type, resource group, names) or as a Key Vault object URL.
   */
  target(model: TfModel, resource: TfResource, path: string | readonly PathSegment[]): Target {
    const segments = segmentsOf(path);
    if (!resource.valuesAreExpressions) {
      if (isUnknownAt(resource.change?.afterUnknown, segments)) {
        const hop = this.followPlanReferences(model, resource, segments, 0);
        return hop
          ? this.hopToTarget(hop)
          : { kind: 'unknown', reason: `${describePath(segments)} is only known after apply` };
      }
      const raw = getPath(resource.values, segments);
      if (raw === undefined || raw === null) return { kind: 'absent' };
      if (typeof raw !== 'string')
        return { kind: 'unknown', reason: `${describePath(segments)} is not a resource id` };
      // A known id is the truth; a reference only names the resource where the id cannot be matched
      // (a resource of this plan whose id the plan does not show), never against an id it contradicts.
      const byId = this.targetById(raw);
      if (byId.kind === 'resource') return byId;
      const hop = this.followPlanReferences(model, resource, segments, 0);
      if (hop?.kind === 'resource' && hop.model === model && hop.resources.length === 1) {
        // The attribute the reference reads (`id`, or `object_id` of the client config) must agree.
        const read = this.value(hop.model, hop.resources[0], hop.rest.length > 0 ? hop.rest : ['id']);
        const agrees = read.kind !== 'known' || String(read.value).toLowerCase() === raw.toLowerCase();
        if (agrees) return this.hopToTarget(hop);
      }
      return byId;
    }
    const raw = getPath(resource.values, segments);
    if (raw === undefined || raw === null) return { kind: 'absent' };
    if (typeof raw !== 'string')
      return { kind: 'unknown', reason: `${describePath(segments)} is not a resource id` };
    const suffixed = REFERENCE_WITH_SUFFIX.exec(raw);
    const expression = parseExpression(suffixed ? `\${${suffixed[1]}}` : raw);
    if (expression.kind === 'literal') return this.targetById(expression.value);
    // `/subscriptions/${data.azurerm_client_config.c.subscription_id}/resourceGroups/rg/providers/…`: the
    // subscription is the deployer's; type, group and names still name the resource.
    const inSubscription = /^\/subscriptions\/\$\{[^{}]+\}(\/resourceGroups\/[^{}$]+)$/.exec(raw);
    if (inSubscription) return this.targetById(`/subscriptions/${ANY_SUBSCRIPTION}${inSubscription[1]}`);
    if (expression.kind === 'complex')
      return { kind: 'unknown', reason: `${describePath(segments)} is a computed expression (${raw})` };
    const hop = this.follow(model, resource.source.module, expression.traversal, 0);
    // `${x.id}/blobServices/default` lives in x.
    if (suffixed && hop.kind === 'resource') return this.hopToTarget({ ...hop, rest: [] });
    return this.hopToTarget(hop);
  }

  private hopToTarget(hop: Hop): Target {
    if (hop.kind === 'resource') {
      if (hop.resources.length === 1)
        return { kind: 'resource', model: hop.model, resource: hop.resources[0] };
      return {
        kind: 'unknown',
        reason: `it refers to ${hop.resources.length} instances of ${hop.resources[0].configAddress}`,
      };
    }
    if (hop.kind === 'known')
      return typeof hop.value === 'string'
        ? this.targetById(hop.value)
        : { kind: 'unknown', reason: 'it is not a resource id' };
    if (hop.kind === 'oneOf') return { kind: 'unknown', reason: hop.reason };
    return hop;
  }

  /**
   * A literal id, looked up in the estate: the exact id a plan or state knows; else an ARM id by type,
   * resource group and names (a child id falls back to the nearest ancestor in the estate, where it
   * lives); else a Key Vault object URL by vault and object name. Anything else is outside the estate.
   */
  private targetById(id: string): Target {
    let target = this.byIdMemo.get(id);
    if (!target) {
      target = this.computeTargetById(id);
      // Ids come from the input: a cap keeps the memo bounded whatever it holds.
      if (this.byIdMemo.size < 1_000_000) this.byIdMemo.set(id, target);
    }
    return target;
  }

  private computeTargetById(id: string): Target {
    const lower = normaliseId(id);
    const exact = this.idIndex().get(lower) ?? this.idIndex().get(lower.replace(/\/[^/]*$/, ''));
    if (exact) return { kind: 'resource', model: exact.model, resource: exact.resource };
    const arm = parseArmId(id);
    if (arm) {
      for (let at: ArmId | undefined = arm; at; at = parentArmId(at)) {
        const found = this.byArmParts(at);
        if (found.length === 1)
          return { kind: 'resource', model: found[0].model, resource: found[0].resource };
        if (found.length > 1)
          return {
            kind: 'unknown',
            reason: `the id ${id} matches ${found.length} resources of the estate (${found.map((f) => f.resource.address).join(', ')})`,
          };
      }
      return { kind: 'external', value: id };
    }
    const url = parseVaultObjectUrl(id);
    if (url) {
      const found = (this.vaultObjectIndex().get(`${url.kind}|${url.name}`) ?? []).filter((candidate) => {
        const vault = this.target(candidate.model, candidate.resource, 'key_vault_id');
        if (vault.kind !== 'resource') return false;
        const name = this.value(vault.model, vault.resource, 'name');
        return name.kind === 'known' && String(name.value).toLowerCase() === url.vault;
      });
      if (found.length === 1) return { kind: 'resource', model: found[0].model, resource: found[0].resource };
    }
    return { kind: 'external', value: id };
  }

  /**
   * Known ids (lower-cased) → the first resource holding them, in workspace order: `id`, and the
   * versionless ids keys are often named by (a versioned id falls back to its versionless form). Built
   * once, on the first id lookup: a scan per lookup made checks of large plans quadratic.
   */
  private idIndex(): Map<string, Located> {
    if (this.byId) return this.byId;
    const index = new Map<string, Located>();
    for (const model of this.workspace.models) {
      for (const resource of model.resources) {
        if (resource.valuesAreExpressions) continue;
        for (const attribute of ID_ATTRIBUTES) {
          const own = resource.values[attribute];
          if (typeof own !== 'string') continue;
          const key = normaliseId(own);
          if (!index.has(key)) index.set(key, { model, resource });
        }
      }
    }
    this.byId = index;
    return index;
  }

  /**
   * Resources of the estate by ARM type, resource group and names, from their configuration, plan or
   * state. The same resource read from two inputs (a stack and its plan) counts once: by address and
   * stack. Built once, on the first ARM id that is not known exactly.
   */
  private byArmParts(id: ArmId): readonly Located[] {
    if (!this.byArmName) {
      const index = new Map<string, Located[]>();
      const seen = new Set<string>();
      for (const model of this.workspace.models) {
        for (const resource of model.resources) {
          const fact = resource.mode === 'managed' ? armTypeOf(resource.type) : undefined;
          if (!fact) continue;
          const names = fact.nameAttributes.map((attribute) => this.knownString(model, resource, attribute));
          const group =
            fact.armType === 'microsoft.resources/resourcegroups'
              ? names[0]
              : this.knownString(model, resource, 'resource_group_name');
          if (names.some((n) => n === undefined) || group === undefined) continue;
          const key = `${fact.armType}|${group}|${names.join('/')}`;
          const identity = `${resource.source.stack ?? model.origin}\u0000${resource.address}`;
          if (seen.has(`${key}\u0000${identity}`)) continue;
          seen.add(`${key}\u0000${identity}`);
          const list = index.get(key);
          if (list) list.push({ model, resource });
          else index.set(key, [{ model, resource }]);
        }
      }
      this.byArmName = index;
    }
    const candidates =
      this.byArmName.get(`${id.armType}|${id.resourceGroup ?? ''}|${id.names.join('/')}`) ?? [];
    // Where a candidate's own id is known, its subscription must agree too.
    return candidates.filter(({ resource }) => {
      const own =
        typeof resource.values.id === 'string' && !resource.valuesAreExpressions
          ? parseArmId(resource.values.id)
          : undefined;
      return (
        !own?.subscription ||
        !id.subscription ||
        id.subscription === ANY_SUBSCRIPTION ||
        own.subscription === id.subscription
      );
    });
  }

  /** Key Vault keys, secrets and certificates by kind and lower-cased name. */
  private vaultObjectIndex(): Map<string, Located[]> {
    if (this.vaultObjects) return this.vaultObjects;
    const index = new Map<string, Located[]>();
    for (const model of this.workspace.models) {
      for (const resource of model.resources) {
        const kind = resource.mode === 'managed' ? VAULT_OBJECT_KINDS.get(resource.type) : undefined;
        const name = kind ? this.knownString(model, resource, 'name') : undefined;
        if (!kind || name === undefined) continue;
        const key = `${kind}|${name}`;
        const list = index.get(key);
        if (list) list.push({ model, resource });
        else index.set(key, [{ model, resource }]);
      }
    }
    this.vaultObjects = index;
    return index;
  }

  private knownString(model: TfModel, resource: TfResource, attribute: string): string | undefined {
    const resolved = this.value(model, resource, attribute);
    return resolved.kind === 'known' && typeof resolved.value === 'string'
      ? resolved.value.toLowerCase()
      : undefined;
  }

  private computeValue(
    model: TfModel,
    resource: TfResource,
    path: readonly PathSegment[],
    depth: number,
  ): Resolved {
    if (depth > MAX_DEPTH) return { kind: 'unknown', reason: 'references nest too deep (a cycle?)' };
    if (!resource.valuesAreExpressions) {
      // `value` reads a plan value that is known now directly; here it is one known only after apply.
      const hop = this.followPlanReferences(model, resource, path, depth);
      return hop
        ? this.finish(hop, depth)
        : {
            kind: 'unknown',
            reason: `${describePath(path)} of ${resource.address} is only known after apply`,
          };
    }
    // Synthesized JSON or HCL: walk the path, resolving an expression wherever one stands.
    let current: unknown = resource.values;
    for (let i = 0; i < path.length; i++) {
      if (typeof current === 'string')
        return this.resolveExpressionThenPath(
          model,
          resource.source.module,
          current,
          path.slice(i),
          depth,
          resource,
        );
      current = getPath(current, [path[i]]);
    }
    if (current === undefined || current === null) return this.fromTwin(model, resource, path, depth);
    if (typeof current === 'string')
      return this.resolveExpressionThenPath(model, resource.source.module, current, [], depth, resource);
    return { kind: 'known', value: current };
  }

  /**
   * A data source's attribute the configuration does not write (`data.azurerm_client_config.c.tenant_id`)
   * is what Terraform read: known where the estate holds a plan or state of the same stack.
   */
  private fromTwin(
    model: TfModel,
    resource: TfResource,
    path: readonly PathSegment[],
    depth: number,
  ): Resolved {
    if (resource.mode !== 'data' || model.stack === undefined) return ABSENT;
    for (const other of this.workspace.models) {
      if (other === model || other.stack !== model.stack || (other.kind !== 'plan' && other.kind !== 'state'))
        continue;
      const twin = other.byAddress.get(resource.address);
      if (twin) return this.value(other, twin, path, depth + 1);
    }
    return ABSENT;
  }

  private resolveExpressionThenPath(
    model: TfModel,
    modulePath: string,
    text: string,
    rest: readonly PathSegment[],
    depth: number,
    self?: TfResource,
  ): Resolved {
    const expression = parseExpression(text);
    if (expression.kind === 'literal')
      return rest.length === 0 ? { kind: 'known', value: expression.value } : { kind: 'absent' };
    if (expression.kind === 'complex')
      return { kind: 'unknown', reason: `the expression ${text} is computed by Terraform` };
    return this.finish(
      this.follow(model, modulePath, [...expression.traversal, ...rest], depth + 1, self),
      depth,
    );
  }

  private finish(hop: Hop, depth: number): Resolved {
    if (hop.kind !== 'resource') return hop;
    const results = hop.resources.map((r) => this.value(hop.model, r, hop.rest, depth + 1));
    if (results.length === 1) return results[0];
    const known = results.filter((r): r is { kind: 'known'; value: unknown } => r.kind === 'known');
    if (
      known.length === results.length &&
      known.every((r) => JSON.stringify(r.value) === JSON.stringify(known[0].value))
    )
      return known[0];
    return {
      kind: 'unknown',
      reason: `${hop.resources[0].configAddress} has ${results.length} instances that differ or are unknown`,
    };
  }

  /**
   * For plan values known only after apply: the references the configuration records. Terraform lists a
   * reference and its prefixes (`azurerm_x.y.id`, `azurerm_x.y`); the longest of each stands for the
   * value. One reference is followed; several must all resolve to the same resource or value, or the
   * value is unknown — an expression that mixes a Norway location with anything unknown is unknown.
   */
  private followPlanReferences(
    model: TfModel,
    resource: TfResource,
    path: readonly PathSegment[],
    depth: number,
  ): Hop | undefined {
    const attribute = path.filter((p) => typeof p === 'string').join('.');
    const references = resource.references?.get(attribute);
    if (!references || references.length === 0) return undefined;
    let longest = longestOf(references);
    // An element of a list written as `[a.id, b.id]`: Terraform lists the references in the order they
    // are written, one per element, so element i is the i-th.
    const last = path[path.length - 1];
    if (typeof last === 'number' && longest.length > 1) {
      const list = getPath(resource.change?.afterUnknown, path.slice(0, -1));
      if (Array.isArray(list) && list.length === longest.length) longest = [longest[last]];
    }
    const traversals = longest.map(traversalOf).filter((t): t is readonly PathSegment[] => t !== undefined);
    if (traversals.length === 0) return undefined;
    const hops = traversals.map((traversal) =>
      this.follow(model, resource.source.module, traversal, depth + 1),
    );
    if (hops.length === 1) return hops[0];
    const first = hops[0];
    if (
      first.kind === 'resource' &&
      hops.every(
        (h) =>
          h.kind === 'resource' &&
          h.resources.length === 1 &&
          first.resources.length === 1 &&
          h.resources[0] === first.resources[0],
      )
    ) {
      return first;
    }
    const values = hops.map((h) => this.finish(h, depth));
    if (
      values.every(
        (v) =>
          v.kind === 'known' &&
          JSON.stringify(v.value) === JSON.stringify((values[0] as { value: unknown }).value),
      )
    )
      return values[0];
    return {
      kind: 'unknown',
      reason: `${attribute} of ${resource.address} is computed from ${longest.join(', ')}`,
    };
  }

  /** Follow a traversal (`azurerm_x.y.location`, `var.v`, `local.l`, `data.x.y.z`) from within `modulePath`. */
  private follow(
    model: TfModel,
    modulePath: string,
    traversal: readonly PathSegment[],
    depth: number,
    self?: TfResource,
  ): Hop {
    if (depth > MAX_DEPTH) return { kind: 'unknown', reason: 'references nest too deep (a cycle?)' };
    const [head, second] = traversal;
    const text = traversal.join('.');
    switch (head) {
      case 'var':
        return this.followVariable(model, modulePath, String(second), traversal.slice(2), depth);
      case 'local': {
        const locals = modulePath
          ? (model.moduleScopes?.get(configPrefix(modulePath).slice(0, -1))?.locals ?? model.locals)
          : model.locals;
        if (!locals.has(String(second)))
          return { kind: 'unknown', reason: `local.${String(second)} is not defined` };
        return this.resolveRaw(model, modulePath, locals.get(String(second)), traversal.slice(2), depth);
      }
      case 'data': {
        if (traversal[1] === 'terraform_remote_state')
          return this.followRemoteState(model, modulePath, String(traversal[2]), traversal.slice(3), depth);
        return this.followResource(
          model,
          modulePath,
          `data.${String(traversal[1])}.${String(traversal[2])}`,
          traversal.slice(3),
          text,
        );
      }
      case 'module':
        return this.followModuleOutput(model, modulePath, traversal, depth);
      case 'each':
        return this.followEach(model, modulePath, traversal, depth, self);
      case 'count':
      case 'self':
      case 'path':
      case 'terraform':
        return { kind: 'unknown', reason: `${text} is not resolvable before apply` };
      default:
        return this.followResource(
          model,
          modulePath,
          `${String(head)}.${String(second)}`,
          traversal.slice(2),
          text,
        );
    }
  }

  /**
   * `module.<name>.<output>`: the output's expression inside the module (plain Terraform: the module's
   * `output` block; a plan: the references `configuration` records for it).
   */
  private followModuleOutput(
    model: TfModel,
    modulePath: string,
    traversal: readonly PathSegment[],
    depth: number,
  ): Hop {
    const [, name, output] = traversal;
    const text = traversal.join('.');
    if (typeof output !== 'string')
      return { kind: 'unknown', reason: `${text} is not resolvable before apply (a module instance)` };
    const call = `${configPrefix(modulePath)}module.${String(name)}`;
    const child = `${modulePath ? `${modulePath}.` : ''}module.${String(name)}`;
    const rest = traversal.slice(3);
    const scope = model.moduleScopes?.get(call);
    if (scope?.outputs.has(output))
      return this.resolveRaw(model, child, scope.outputs.get(output), rest, depth);
    const references = model.moduleOutputs?.get(call)?.get(output);
    if (references && references.length > 0) {
      const longest = longestReferences(references);
      const traversalInside = longest.length === 1 ? parseTraversal(longest[0]) : undefined;
      if (traversalInside) return this.follow(model, child, [...traversalInside, ...rest], depth + 1);
      return { kind: 'unknown', reason: `${text} is computed from ${longest.join(', ')}` };
    }
    return { kind: 'unknown', reason: `${text} is not resolvable before apply` };
  }

  /**
   * `each.key` / `each.value` of a resource whose `for_each` is a literal collection (or resolves to one):
   * bounded to the collection's keys or values. A plan has expanded the instances already.
   */
  private followEach(
    model: TfModel,
    modulePath: string,
    traversal: readonly PathSegment[],
    depth: number,
    self?: TfResource,
  ): Hop {
    const text = traversal.join('.');
    const which = traversal[1];
    if (!self || self.forEach === undefined || (which !== 'key' && which !== 'value'))
      return { kind: 'unknown', reason: `${text} is not resolvable before apply` };
    const collection = this.finish(this.resolveRaw(model, modulePath, self.forEach, [], depth), depth);
    if (collection.kind !== 'known')
      return {
        kind: 'unknown',
        reason: `${text}: the for_each of ${self.address} is not known (${collection.kind === 'absent' ? 'empty' : collection.reason})`,
      };
    const value = collection.value;
    const entries: [unknown, unknown][] = Array.isArray(value)
      ? value.map((v) => [v, v])
      : isRecord(value)
        ? Object.entries(value)
        : [];
    if (entries.length === 0)
      return { kind: 'unknown', reason: `${text}: the for_each of ${self.address} is not a collection` };
    const rest = traversal.slice(2);
    const picked = entries.map(([key, v]) =>
      which === 'key' ? (rest.length === 0 ? key : undefined) : getPath(v, rest),
    );
    if (picked.some((p) => p === undefined || p === null))
      return {
        kind: 'unknown',
        reason: `${text} is not set for every key of the for_each of ${self.address}`,
      };
    const distinct = [...new Map(picked.map((p) => [JSON.stringify(p), p])).values()];
    if (distinct.some((p) => typeof p === 'string' && parseExpression(p).kind !== 'literal'))
      return { kind: 'unknown', reason: `${text} holds expressions` };
    if (distinct.length === 1) return { kind: 'known', value: distinct[0] };
    return { kind: 'oneOf', values: distinct, reason: `${text} ranges over the for_each of ${self.address}` };
  }

  private followResource(
    model: TfModel,
    modulePath: string,
    relative: string,
    rest: readonly PathSegment[],
    text: string,
  ): Hop {
    const prefix = configPrefix(modulePath);
    // Inside a module instance (`module.m["a"]`), a reference means that instance's resource; another
    // instance's value would be a guess.
    let instances = modulePath
      ? instancesInModule(model, `${prefix}${relative}`, modulePath)
      : (model.byConfigAddress.get(`${prefix}${relative}`) ?? []);
    if (instances.length === 0)
      return {
        kind: 'unknown',
        reason: `${text} refers to ${prefix}${relative}, which is not in this configuration`,
      };
    let remaining = rest;
    const [first] = rest;
    if (
      instances.length > 1 &&
      (typeof first === 'number' || (typeof first === 'string' && instances.some((r) => r.index === first)))
    ) {
      instances = instances.filter((r) => r.index === first);
      remaining = rest.slice(1);
      if (instances.length === 0) return { kind: 'unknown', reason: `${text}: no such instance` };
    } else if (instances.length === 1 && instances[0].index === first) {
      // `r[0].x` of a count of one, `r["k"].x` of a for_each over one key: the index names the instance.
      remaining = rest.slice(1);
    }
    return { kind: 'resource', model, resources: instances, rest: remaining };
  }

  private followVariable(
    model: TfModel,
    modulePath: string,
    name: string,
    rest: readonly PathSegment[],
    depth: number,
  ): Hop {
    if (modulePath) {
      const parent = modulePath.replace(/\.?module\.[^.]+(\[[^\]]*\])?$/, '');
      const scope = model.moduleScopes?.get(configPrefix(modulePath).slice(0, -1));
      if (scope) {
        const variable = scope.variables.get(name);
        const bounded = variable ? boundByValidation(name, variable.validations, rest) : undefined;
        if (bounded) return bounded;
        if (scope.inputs.has(name))
          return this.resolveRaw(model, parent, scope.inputs.get(name), rest, depth);
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

  private fromDeclaration(
    model: TfModel,
    modulePath: string,
    variable: VariableDecl,
    rest: readonly PathSegment[],
    depth: number,
  ): Hop {
    const name = variable.name;
    // A plan (or state) holds the value Terraform used: a fact.
    if (variable.hasValue && (model.kind === 'plan' || model.kind === 'state'))
      return known(getPath(variable.value, rest));
    // A validation is a guarantee for every value a user may pass; a default is only the value when none is passed.
    const bounded = boundByValidation(name, variable.validations, rest);
    if (bounded) return bounded;
    // A child module's default is fixed by the code that calls it (and a plan used it); a root module's
    // is not: `-var`, `TF_VAR_<name>` or a tfvars file may set any value at plan time.
    if ((modulePath || model.kind === 'plan' || model.kind === 'state') && variable.hasDefault)
      return this.resolveRaw(model, modulePath, variable.default, rest, depth);
    if (variable.hasValue || variable.hasDefault) {
      const given = variable.hasValue ? variable.value : variable.default;
      const source = variable.hasValue ? 'is set in a tfvars file' : 'has a default';
      return {
        kind: 'unknown',
        reason:
          `var.${name} ${source} (${describeValue(given)}), but -var, TF_VAR_${name} or another ` +
          `tfvars file may set any value; only a validation restricts it: ${validationHint(name, given)}`,
      };
    }
    return { kind: 'unknown', reason: `var.${name} has no default and no validation that limits it` };
  }

  /**
   * `data.terraform_remote_state.<name>.outputs.<key>`: the producing stack's output, and the resource
   * behind it, from the estate. The producer is the stack cdktf names (`cross-stack-reference-input-
   * <stack>`) or the input whose backend key (or stack name) is the one the data source reads. A plan
   * that read the state while planning knows the outputs itself.
   */
  private followRemoteState(
    model: TfModel,
    modulePath: string,
    name: string,
    rest: readonly PathSegment[],
    depth: number,
  ): Hop {
    const address = `${configPrefix(modulePath)}data.terraform_remote_state.${name}`;
    const [source] = model.byConfigAddress.get(address) ?? [];
    if (rest[0] !== 'outputs')
      return { kind: 'unknown', reason: `${address} is read from another state at apply time` };
    if (source && !source.valuesAreExpressions) {
      const read = this.value(model, source, ['outputs', ...rest.slice(1)], depth + 1);
      if (read.kind === 'known') return read;
    }
    const producer = this.producerOf(name, source, model);
    const output = String(rest[1]);
    if (!producer) {
      const which = name.startsWith(CROSS_STACK_PREFIX)
        ? `stack ${name.slice(CROSS_STACK_PREFIX.length)}`
        : `the state ${address} reads`;
      return { kind: 'unknown', reason: `output ${output} comes from ${which}, which is ${NOT_IN_ESTATE}` };
    }
    if (!producer.outputs.has(output))
      return {
        kind: 'unknown',
        reason: `${producer.stack ? `stack ${producer.stack}` : producer.origin} has no output ${output}`,
      };
    return this.resolveRaw(producer, '', producer.outputs.get(output), rest.slice(2), depth);
  }

  private producerOf(name: string, source: TfResource | undefined, reader: TfModel): TfModel | undefined {
    if (name.startsWith(CROSS_STACK_PREFIX))
      return this.workspace.byStack.get(name.slice(CROSS_STACK_PREFIX.length));
    const key = source ? this.value(reader, source, 'config.key') : undefined;
    if (key?.kind !== 'known' || typeof key.value !== 'string') return undefined;
    const wanted = key.value;
    return (
      this.workspace.models.find((m) => m !== reader && m.backend?.config.key === wanted) ??
      this.workspace.byStack.get(wanted.replace(/\.tfstate$/, ''))
    );
  }

  /** Resolve a raw configuration value (literal or expression string), then read `rest` inside it. */
  private resolveRaw(
    model: TfModel,
    modulePath: string,
    raw: unknown,
    rest: readonly PathSegment[],
    depth: number,
  ): Hop {
    if (typeof raw === 'string') {
      const expression = parseExpression(raw);
      if (expression.kind === 'reference')
        return this.follow(model, modulePath, [...expression.traversal, ...rest], depth + 1);
      if (expression.kind === 'complex')
        return { kind: 'unknown', reason: `the expression ${raw} is computed by Terraform` };
      return rest.length === 0 ? known(expression.value) : { kind: 'absent' };
    }
    return known(getPath(raw, rest));
  }
}

/** Terraform lists a reference and its prefixes (`azurerm_x.y.id`, `azurerm_x.y`); the longest stand for the value. */
/**
 * `longestReferences` of a plan resource's references to one attribute, kept per references list: the
 * lists belong to the loaded input and never change, and RES-004 and the other rules that follow the same
 * attribute ask again. Read-only, like the lists themselves.
 */
const LONGEST = new WeakMap<readonly string[], readonly string[]>();

function longestOf(references: readonly string[]): readonly string[] {
  let longest = LONGEST.get(references);
  if (!longest) LONGEST.set(references, (longest = Object.freeze(longestReferences(references))));
  return longest;
}

/**
 * Plan references parsed once: the same few (`azurerm_resource_group.rg`, a shared workspace) recur on
 * thousands of resources. Shared, so read-only; a cap keeps it bounded, as the references come from input.
 */
const PARSED_TRAVERSALS = new Map<string, readonly PathSegment[] | null>();

function traversalOf(text: string): readonly PathSegment[] | undefined {
  let traversal = PARSED_TRAVERSALS.get(text);
  if (traversal === undefined) {
    const parsed = parseTraversal(text);
    traversal = parsed ? Object.freeze(parsed) : null;
    if (PARSED_TRAVERSALS.size < 100_000) PARSED_TRAVERSALS.set(text, traversal);
  }
  return traversal ?? undefined;
}

function longestReferences(references: readonly string[]): string[] {
  return references.filter(
    (r) =>
      !references.some((other) => other !== r && (other.startsWith(`${r}.`) || other.startsWith(`${r}[`))),
  );
}

function known(value: unknown): Resolved {
  return value === undefined || value === null ? { kind: 'absent' } : { kind: 'known', value };
}

/**
 * A validation that restricts a variable to listed values: `contains(["a", "b"], var.x)` (or over
 * `lower(var.x)`), `var.x == "a"`, or, for a list, `alltrue([for r in var.x : contains(["a"], r)])`
 * (which bounds each element). It is read exactly: a list holding anything but quoted literals
 * (`var.other`), a condition with more to it (`|| true`) or any other form restricts nothing, and the
 * variable stays unknown.
 */
export function boundByValidation(
  name: string,
  validations: readonly { readonly condition: unknown }[],
  rest: readonly PathSegment[] = [],
): Resolved | undefined {
  for (const { condition } of validations) {
    if (typeof condition !== 'string') continue;
    const bound = restriction(
      name,
      condition
        .replace(/^\$\{\s*/, '')
        .replace(/\s*\}$/, '')
        .trim(),
    );
    if (!bound || rest.length !== (bound.each ? 1 : 0)) continue;
    if (bound.each && typeof rest[0] !== 'number') continue;
    const listed = bound.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
    return {
      kind: 'oneOf',
      values: bound.values,
      reason: `var.${name}${bound.each ? ' (each element)' : ''} is limited by its validation to ${listed}`,
    };
  }
  return undefined;
}

const NAME = '[A-Za-z_][\\w-]*';
/** `"a", "b"` and nothing else: only quoted literals restrict. */
const LITERAL_LIST = /^\s*"(?:[^"\\]|\\.)*"(?:\s*,\s*"(?:[^"\\]|\\.)*")*\s*,?\s*$/;
const CONTAINS = new RegExp(
  `^contains\\(\\s*\\[([^\\]]*)\\]\\s*,\\s*(?:lower\\(\\s*(${NAME}(?:\\.${NAME})?)\\s*\\)|(${NAME}(?:\\.${NAME})?))\\s*\\)$`,
);
const EQUALS = new RegExp(`^var\\.(${NAME})\\s*==\\s*("(?:[^"\\\\]|\\\\.)*"|true|false|-?\\d+(?:\\.\\d+)?)$`);
const ALL_ELEMENTS = new RegExp(
  `^alltrue\\(\\s*\\[\\s*for\\s+(${NAME})\\s+in\\s+var\\.(${NAME})\\s*:\\s*(.*)\\]\\s*\\)$`,
);

function restriction(name: string, text: string): { values: unknown[]; each: boolean } | undefined {
  const equals = EQUALS.exec(text);
  if (equals) return equals[1] === name ? { values: [JSON.parse(equals[2])], each: false } : undefined;
  const all = ALL_ELEMENTS.exec(text);
  if (all) {
    if (all[2] !== name) return undefined;
    const inner = containsOver(all[3].trim());
    return inner && inner.subject === all[1] ? { values: inner.values, each: true } : undefined;
  }
  const inner = containsOver(text);
  return inner && inner.subject === `var.${name}` ? { values: inner.values, each: false } : undefined;
}

function containsOver(text: string): { values: string[]; subject: string } | undefined {
  const match = CONTAINS.exec(text);
  if (!match || !LITERAL_LIST.test(match[1])) return undefined;
  const values = [...match[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
  return { values, subject: match[2] ?? match[3] };
}

/** The validation that would make a variable a promise, for the reason a reader acts on. */
export function validationHint(name: string, example: unknown): string {
  if (typeof example === 'boolean' || typeof example === 'number')
    return `validation { condition = var.${name} == ${JSON.stringify(example)} }`;
  if (typeof example !== 'string')
    return `a validation block whose condition limits var.${name} to allowed values`;
  const values = azureRegion(example) ? ['norwayeast', 'norwaywest'] : [example];
  return `validation { condition = contains([${values.map((v) => JSON.stringify(v)).join(', ')}], var.${name}) }`;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Whether the plan marks `path` (or a parent of it) as known only after apply. */
/**
 * `Resolver.isWritten` for one top-level attribute, without a path: rules that test many attributes of
 * every resource ask this first.
 */
export function isWrittenAttribute(resource: TfResource, attribute: string): boolean {
  const raw = getStep(resource.values, attribute);
  if (raw !== undefined && raw !== null) return true;
  if (resource.valuesAreExpressions) return false;
  const unknown = resource.change?.afterUnknown;
  return unknown === true || getStep(unknown, attribute) === true;
}

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

/** An id as the index keys it: lower case, without trailing slashes (the test first: ids rarely have one). */
function normaliseId(id: string): string {
  const lower = id.toLowerCase();
  return lower.endsWith('/') ? lower.replace(/\/+$/, '') : lower;
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

/**
 * A dotted path of one attribute name (`location`, not `tags.x`, `a[0]` or `0`): `parsePath` would make it
 * `[path]`, so it can be read without one.
 */
function isPlainAttribute(path: string): boolean {
  if (path === '' || path.includes('.')) return false;
  const first = path.charCodeAt(0);
  // All digits would be an index; a name starting with a digit goes the general way, which is rare.
  return !(first >= 0x30 && first <= 0x39);
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
