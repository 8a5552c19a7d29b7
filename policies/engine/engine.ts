/**
 * The policy engine: run the rules it is given over every model, apply the suppressions the judging rule
 * (TFS-003) found valid, return one report. The synth-time guard, the jest helpers and the CLI all call
 * `checkModels` with their rule set (the catalogue by default), so they cannot drift.
 */
import { buildModel, buildWorkspace } from '../model/build';
import { Resolver } from '../model/resolve';
import type { DeclaredSuppression, TfModel, TfResource } from '../model/types';
import type {
  CheckedSuppression,
  PolicySettings,
  Rule,
  RuleContext,
  RuleMeta,
  Violation,
} from '../rules/rule';
import { ruleContext } from './context';
import type { Finding, CheckResult } from './result';
import { describeOrigin, effectiveToday, toValidSuppression, ValidSuppression } from './suppressions';

export interface CheckOptions {
  /** The rules to run: the caller chooses (the CLI, guard and matchers default to the whole catalogue). */
  readonly rules: readonly Rule[];
  /** Suppressions from policy files (for plans and plain Terraform). */
  readonly suppressions?: readonly DeclaredSuppression[];
  /** The day suppressions are judged against; default today (UTC). A past day only applies under test. */
  readonly today?: string;
  /** Suppressions may expire at most this many months ahead; lower than 12 only. @default 12 */
  readonly maxSuppressionMonths?: number;
  /** The home tenant and approved ranges the access and network rules judge against. @default - none (fail closed) */
  readonly settings?: PolicySettings;
  /** Only report findings for these models (others are still used to resolve references). */
  readonly reportOn?: readonly TfModel[];
}

/** A collected suppression and the inputs it applies to (undefined: every input, as a policy file's). */
interface Collected extends CheckedSuppression {
  readonly origins?: ReadonlySet<string>;
}

function collectedEntry(
  declared: DeclaredSuppression,
  stack?: string,
  origins?: ReadonlySet<string>,
): Collected {
  const declaredAt = describeOrigin(declared);
  const { spec } = declared;
  const address = declared.address ?? (typeof spec.address === 'string' ? spec.address : declaredAt);
  // The stack names where a construct suppression lives: the same address exists in many stacks.
  return { declared, declaredAt, address, stack, origins };
}

export function checkModels(models: readonly TfModel[], options: CheckOptions): CheckResult {
  const { rules } = options;
  const today = effectiveToday(options.today);
  const workspace = buildWorkspace(models);
  const resolver = new Resolver(workspace);
  const reportOn = options.reportOn ?? models;
  const metas: RuleMeta[] = rules.map(({ check: _check, ...meta }) => meta);
  // Rules that judge resources see no suppressions; the rule that judges them runs once, below.
  const modelScope = { rules: metas, today, suppressions: [] };

  const raw: Finding[] = [];
  // A policy file's suppressions apply to every input.
  const collected: Collected[] = (options.suppressions ?? []).map((declared) => collectedEntry(declared));
  // Each suppression in code is collected once, so TFS-003 judges it once, with every input it applies
  // to: a stack's code and its plan, both reported, share the suppressions written in the code.
  const originsOf = new Map<DeclaredSuppression, Set<string>>();
  const collect = (declared: DeclaredSuppression, origin: string, stack?: string) => {
    const origins = originsOf.get(declared);
    if (origins) {
      origins.add(origin);
      return;
    }
    const first = new Set([origin]);
    originsOf.set(declared, first);
    collected.push(collectedEntry(declared, stack, first));
  };

  for (const model of reportOn) {
    for (const declared of model.suppressions) collect(declared, model.origin, model.stack);
    // A plan or state of a stack whose code is in the estate keeps the suppressions written in that code.
    for (const code of models) {
      if (
        code.kind !== 'synth' ||
        model.kind === 'synth' ||
        code.stack === undefined ||
        code.stack !== model.stack
      )
        continue;
      for (const declared of code.suppressions) collect(declared, model.origin, model.stack);
    }
    const afterApply = afterApplyView(model);
    for (const rule of rules) {
      if (rule.judgesSuppressions || (rule.inputs && !rule.inputs.includes(model.kind))) continue;
      const subject = judgesChanges(rule) ? model : afterApply;
      const context = ruleContext(
        subject,
        workspace,
        resolver,
        resourcesFor(subject, rule),
        options.settings ?? {},
        modelScope,
      );
      runRule(rule, model, context, raw);
    }
  }

  const suppressions = judgeSuppressions(rules, collected, raw, {
    workspace,
    resolver,
    metas,
    today,
    settings: {
      ...options.settings,
      maxSuppressionMonths: options.maxSuppressionMonths ?? options.settings?.maxSuppressionMonths,
    },
  });
  // A finding about suppressions is never suppressed: a suppression must not hide a broken suppression.
  const judges = new Set(rules.filter((r) => r.judgesSuppressions).map((r) => r.id));
  const findings = raw
    .map((finding) => (judges.has(finding.ruleId) ? finding : applySuppressions(finding, suppressions)))
    .sort(compareFindings);
  const active = findings.filter((f) => !f.suppressed);
  return {
    summary: {
      resources: reportOn.reduce((n, m) => n + m.resources.length, 0),
      errors: active.filter((f) => f.severity === 'error').length,
      warnings: active.filter((f) => f.severity === 'warning').length,
      suppressed: findings.length - active.length,
    },
    findings,
    inputs: reportOn.map((m) => ({
      file: m.origin,
      kind: m.kind,
      stack: m.stack,
      resources: m.resources.length,
    })),
    rules: metas,
    workspace,
    checkedOn: today,
  };
}

/** Run one rule; a rule that throws is a finding on the input (fail closed), and false is returned. */
function runRule(
  rule: Rule,
  model: TfModel,
  context: RuleContext,
  raw: Finding[],
  violations?: Violation[],
): boolean {
  try {
    for (const violation of rule.check(context)) {
      violations?.push(violation);
      raw.push(toFinding(rule, model, violation));
    }
    return true;
  } catch (error) {
    raw.push(
      toFinding(rule, model, {
        address: model.origin,
        message: `The rule failed on this input and could not check it: ${(error as Error).message}. Report this as a bug; until then the input counts as failing.`,
      }),
    );
    return false;
  }
}

/** Where policy-file suppressions are judged: a model of its own, with nothing in it. */
const SUPPRESSIONS_MODEL: TfModel = buildModel({
  kind: 'synth',
  origin: 'suppressions',
  resources: [],
  variables: new Map(),
  locals: new Map(),
  outputs: new Map(),
  bootstrap: false,
  suppressions: [],
});

/**
 * Run the rules that judge suppressions, once, over every collected suppression; return the ones to
 * apply: those a judging rule ran over and reported nothing against. With no judging rule in the set,
 * or one that failed, none applies (fail closed).
 */
function judgeSuppressions(
  rules: readonly Rule[],
  collected: readonly Collected[],
  raw: Finding[],
  check: {
    readonly workspace: ReturnType<typeof buildWorkspace>;
    readonly resolver: Resolver;
    readonly metas: readonly RuleMeta[];
    readonly today: string;
    readonly settings: PolicySettings;
  },
): ValidSuppression[] {
  const judges = rules.filter((rule) => rule.judgesSuppressions);
  if (judges.length === 0) return [];
  const context = ruleContext(SUPPRESSIONS_MODEL, check.workspace, check.resolver, [], check.settings, {
    rules: check.metas,
    today: check.today,
    suppressions: collected,
  });
  const violations: Violation[] = [];
  let judged = true;
  for (const rule of judges) judged = runRule(rule, SUPPRESSIONS_MODEL, context, raw, violations) && judged;
  if (!judged) return [];
  const rejected = new Set(violations.map((v) => v.suppression?.declared));
  return collected.flatMap((s) =>
    rejected.has(s.declared) ? [] : (toValidSuppression(s.declared, s.origins) ?? []),
  );
}

/** Rules that read only plans judge the change itself, deletions included. (A rule with `inputs: []` never runs.) */
function judgesChanges(rule: Rule): boolean {
  return rule.inputs !== undefined && rule.inputs.every((kind) => kind === 'plan');
}

/**
 * What exists once a plan is applied: resources the plan only deletes are gone, so configuration rules
 * neither flag them nor count them as covering another resource (a lock or diagnostic setting being
 * deleted protects nothing). Deleting data is CHG-001's business.
 */
function afterApplyView(model: TfModel): TfModel {
  const isDeleted = (r: TfResource) => r.change?.actions.length === 1 && r.change.actions[0] === 'delete';
  const deleted = model.resources.filter(isDeleted);
  if (deleted.length === 0) return model;
  // The model's indexes less what is deleted: what buildModel of the kept resources gives, in the same
  // order, without indexing every resource again.
  const gone = new Set(deleted);
  const without = (index: ReadonlyMap<string, readonly TfResource[]>, keys: Iterable<string>) => {
    const copy = new Map(index);
    for (const key of new Set(keys)) {
      const kept = (copy.get(key) ?? []).filter((r) => !gone.has(r));
      if (kept.length > 0) copy.set(key, kept);
      else copy.delete(key);
    }
    return copy;
  };
  // Rules look resources up by type and configuration address; the address index is copied (every
  // resource of a plan) only if something asks for it.
  let byAddress: ReadonlyMap<string, TfResource> | undefined;
  return {
    ...model,
    resources: model.resources.filter((r) => !gone.has(r)),
    get byAddress() {
      if (!byAddress) {
        const copy = new Map(model.byAddress);
        for (const resource of deleted) copy.delete(resource.address);
        byAddress = copy;
      }
      return byAddress;
    },
    byConfigAddress: without(
      model.byConfigAddress,
      deleted.map((r) => r.configAddress),
    ),
    byType: without(
      model.byType,
      deleted.map((r) => r.type),
    ),
  };
}

function resourcesFor(model: TfModel, rule: Rule): readonly TfResource[] {
  if (rule.resourceTypes === 'all') return model.resources;
  if (rule.resourceTypes.length === 1) return model.byType.get(rule.resourceTypes[0]) ?? [];
  return rule.resourceTypes.flatMap((type) => model.byType.get(type) ?? []);
}

function toFinding(rule: Rule, model: TfModel, violation: Violation): Finding {
  const resource = violation.resource;
  const suppression = violation.suppression;
  if (suppression)
    // A finding about a suppression is where the suppression is declared.
    return {
      ruleId: rule.id,
      severity: rule.severity,
      title: rule.title,
      address: suppression.address,
      stack: suppression.stack,
      file: suppression.declaredAt,
      constructPath: suppression.declaredAt.startsWith('construct ')
        ? suppression.declaredAt.slice('construct '.length)
        : undefined,
      message: violation.message,
      fix: rule.fix,
      suppressed: false,
    };
  return {
    ruleId: rule.id,
    severity: rule.severity,
    title: rule.title,
    address: resource?.address ?? violation.address ?? model.origin,
    stack: resource?.source.stack ?? model.stack,
    constructPath: resource?.source.constructPath,
    file: resource?.source.file ?? model.origin,
    line: resource?.source.line,
    ...(resource?.source.creation ? { creation: resource.source.creation } : {}),
    message: violation.message,
    fix: rule.fix,
    suppressed: false,
  };
}

function applySuppressions(finding: Finding, suppressions: readonly ValidSuppression[]): Finding {
  const match = suppressions.find(
    (s) =>
      s.ruleId === finding.ruleId &&
      s.matches(finding.address) &&
      (s.origins === undefined || s.origins.has(finding.file)),
  );
  if (!match) return finding;
  return {
    ...finding,
    suppressed: true,
    suppression: { reason: match.reason, expires: match.expires, declaredAt: match.declaredAt },
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

/** `localeCompare` without arguments is this collator's compare; one collator instead of one per call. */
const COLLATOR = new Intl.Collator();

/** Active findings before suppressed ones; then errors first, rule id, stack, address. */
function compareFindings(a: Finding, b: Finding): number {
  const compare = COLLATOR.compare;
  return (
    Number(a.suppressed) - Number(b.suppressed) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compare(a.ruleId, b.ruleId) ||
    compare(a.stack ?? '', b.stack ?? '') ||
    compare(a.address, b.address) ||
    compare(a.message, b.message)
  );
}
