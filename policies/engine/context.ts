/** The engine's side of the rule API: the context a rule runs in (the types live in rules/rule.ts). */
import type { Resolver } from '../model/resolve';
import type { TfModel, TfResource, Workspace } from '../model/types';
import type { CheckedSuppression, PolicySettings, RuleContext, RuleMeta } from '../rules/rule';

/** What a context knows about the check as a whole. */
export interface CheckScope {
  readonly rules: readonly RuleMeta[];
  readonly today: string;
  readonly suppressions: readonly CheckedSuppression[];
}

const NO_SCOPE: CheckScope = { rules: [], today: '', suppressions: [] };

/** The context a rule runs in: the helpers read through `resolver`, resources of `model` in `model`. */
export function ruleContext(
  model: TfModel,
  workspace: Workspace,
  resolver: Resolver,
  resources: readonly TfResource[],
  settings: PolicySettings = {},
  scope: CheckScope = NO_SCOPE,
): RuleContext {
  // A resource of the judged model is read there (a plan judged as applied has its own view); any other
  // (a target in another stack) in the model it was loaded into.
  const members = membersOf(model);
  // Rules read several attributes of one resource in a row: the last answer is kept (it never changes).
  let lastResource: TfResource | undefined;
  let lastModel = model;
  const modelOf = (resource: TfResource): TfModel => {
    if (resource !== lastResource) {
      lastModel = members.has(resource) ? model : (resolver.modelOf(resource) ?? model);
      lastResource = resource;
    }
    return lastModel;
  };
  return {
    settings,
    model,
    workspace,
    resources,
    read: (resource, path) => resolver.value(modelOf(resource), resource, path),
    target: (resource, path) => resolver.target(modelOf(resource), resource, path),
    locationOf: (resource) => resolver.locationOf(modelOf(resource), resource),
    isWritten: (resource, path) => resolver.isWritten(resource, path),
    isLiteral: (resource, path) => resolver.isLiteral(resource, path),
    isDynamicBlock: (resource, path) => resolver.isDynamicBlock(resource, path),
    isConfigured: (resource, path) => resolver.isConfigured(resource, path),
    named: (type, name) => resolver.named(type, name).map((found) => found.resource),
    rules: scope.rules,
    today: scope.today,
    suppressions: scope.suppressions,
  };
}

/** The resources of a model as an identity set: one per model, shared by every rule's context. */
const MEMBERS = new WeakMap<TfModel, ReadonlySet<TfResource>>();

function membersOf(model: TfModel): ReadonlySet<TfResource> {
  let members = MEMBERS.get(model);
  if (!members) MEMBERS.set(model, (members = new Set(model.resources)));
  return members;
}
