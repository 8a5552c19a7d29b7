/**
 * The synth-time guard: an aspect that runs the policy engine on a stack's Terraform JSON and adds an
 * error annotation at the offending construct, so `cdktf synth` fails naming rule id, path and fix.
 * It reads `stack.toTerraform()`, so raw provider resources and `addOverride` cannot slip past it.
 */
import { Annotations, App, Aspects, IAspect, TerraformElement, TerraformStack } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct, IConstruct } from 'constructs';
import { checkModels, CheckOptions } from '../engine/engine';
import type { Finding, CheckResult } from '../engine/result';
import { ALL_RULES } from '../rules';
import type { PolicySettings, Rule } from '../rules/rule';
import { loadTerraformJson, POLICY_METADATA_KEY, UNATTACHED_KEY } from '../model/load-terraform-json';
import type { TfModel } from '../model/types';
import { isRecord } from '../model/values';
import { applySuppressions, writtenUnattached } from './suppress';
import { blockBodyPath, isTerraformBlock, writtenBlockMetadata } from './block-metadata';
import { maskFor } from '../analysis/mask';

/** cdktf names the remote state behind a cross-stack reference `cross-stack-reference-input-<stack>`. */
const CROSS_STACK_PREFIX = 'cross-stack-reference-input-';

/** What the guard, `checkStack` and the matchers check a stack with. */
export interface PolicyOptions extends Omit<CheckOptions, 'rules' | 'reportOn'> {
  /** The rules to run. @default - the whole catalogue */
  readonly rules?: readonly Rule[];
}

/**
 * Per app, during synth: the stacks, and each stack's model once it has been read. Every stack is read
 * once (by its own guard, or earlier when a stack guarded before it references it), so the guard's cost
 * grows by a constant per stack.
 */
interface AppModels {
  readonly stacks: ReadonlyMap<string, TerraformStack>;
  readonly models: Map<TerraformStack, TfModel>;
}
const appModels = new WeakMap<App, AppModels>();

export function stackToModel(stack: TerraformStack): TfModel {
  applySuppressions(stack);
  return loadTerraformJson(stack.toTerraform(), {
    file: `stack ${stack.node.id}`,
    stack: stack.node.id,
    kind: 'synth',
  });
}

/** The stack's own stack-level aspects (e.g. NorwayStack's default tags), as synth runs them. */
function runOwnAspects(stack: TerraformStack): void {
  for (const aspect of Aspects.of(stack).all) if (!(aspect instanceof PolicyGuard)) aspect.visit(stack);
}

/** The stack as synth will write it. */
function finishedModel(stack: TerraformStack): TfModel {
  runOwnAspects(stack);
  return stackToModel(stack);
}

function modelsOf(app: App): AppModels {
  let cached = appModels.get(app);
  if (!cached) {
    const stacks = new Map(
      app.node
        .findAll()
        .filter(TerraformStack.isStack)
        .map((s) => [s.node.id, s] as const),
    );
    cached = { stacks, models: new Map() };
    appModels.set(app, cached);
  }
  return cached;
}

/**
 * The models a stack is checked against: the stacks it references through cdktf cross-stack references,
 * and every stack already read (the bootstrap stack with the state account comes first in our apps).
 * The CLI over cdktf.out sees every stack; this is the synth-time convenience.
 */
function siblingModels(stack: TerraformStack, model: TfModel): TfModel[] {
  let app: App;
  try {
    app = App.of(stack);
  } catch {
    return [];
  }
  const cached = modelsOf(app);
  for (const remote of model.byType.get('terraform_remote_state') ?? []) {
    if (!remote.name.startsWith(CROSS_STACK_PREFIX)) continue;
    const producer = cached.stacks.get(remote.name.slice(CROSS_STACK_PREFIX.length));
    if (producer && !cached.models.has(producer)) cached.models.set(producer, finishedModel(producer));
  }
  cached.models.set(stack, model);
  return [...cached.models].filter(([other]) => other !== stack).map(([, m]) => m);
}

/**
 * Check one stack against its estate: every stack of its app. Called outside synth (tests, matchers), it
 * first does what synth does before writing: each stack's own aspects, then cdktf's preparation, which
 * turns references between stacks into remote state and outputs. Without it a reference to another
 * stack's resource reads as a resource missing from this one. Every stack is read afresh, since the app
 * may have changed since the last call.
 */
export function checkStack(stack: TerraformStack, options: PolicyOptions = {}): CheckResult {
  // The stack's own guard settings (home tenant, approved ranges) apply unless the caller names others.
  const guard = Aspects.of(stack).all.find((a): a is PolicyGuard => a instanceof PolicyGuard);
  options = { ...options, settings: { ...guard?.settings, ...options.settings } };
  let stacks: TerraformStack[] = [stack];
  try {
    stacks = App.of(stack).node.findAll().filter(TerraformStack.isStack);
  } catch {
    // A stack outside an app has no siblings.
  }
  for (const s of stacks) runOwnAspects(s);
  try {
    for (const s of stacks) s.prepareStack();
  } catch {
    // An app synth would refuse (a cycle between stacks) is judged as written: references between its
    // stacks stay references, and what they cannot resolve fails closed.
  }
  const model = stackToModel(stack);
  const others = stacks.filter((s) => s !== stack).map(stackToModel);
  return checkModels([model, ...others], {
    ...options,
    rules: options.rules ?? ALL_RULES,
    reportOn: [model],
  });
}

/** The guard's path during synth: aspects before it have already run. */
function checkFinishedStack(stack: TerraformStack, options: PolicyOptions): CheckResult {
  const model = stackToModel(stack);
  return checkModels([model, ...siblingModels(stack, model)], {
    ...options,
    rules: options.rules ?? ALL_RULES,
    reportOn: [model],
  });
}

/** Stacks NorwayStack marked bootstrap itself; TFS-001 still admits only the one the settings name. */
const BOOTSTRAP_MARKED = new WeakSet<TerraformStack>();

/** Mark `stack` as the bootstrap stack in its policy metadata (the one stack that may keep local state). */
export function markBootstrapStack(stack: TerraformStack): void {
  stack.addOverride(`//.${POLICY_METADATA_KEY}.bootstrap`, true);
  BOOTSTRAP_MARKED.add(stack);
}

/**
 * Construct paths whose `"//"` (the guard's metadata: suppressions, the bootstrap mark) was overridden
 * by anything but `suppress()` and `markBootstrapStack`: a hand-written suppression or bootstrap mark
 * would bypass the construct API the guard and reviewers rely on. The policy metadata of a block is
 * written through the stack's overrides (see block-metadata.ts), so an element's own `"//"` override
 * is never ours, and a block's `"//"` among the stack's overrides must be exactly what was written.
 */
export function metadataOverrides(stack: TerraformStack): string[] {
  // The creation site (`source`, written by NorwayStack) points reviewers at code; it decides nothing.
  const overrides = (element: IConstruct) =>
    (element as unknown as { rawOverrides?: Record<string, unknown> }).rawOverrides ?? {};
  const raw = (element: IConstruct) => withoutSource(overrides(element)['//']);
  const found: string[] = [];
  const unattached = writtenUnattached(stack);
  const expectStack =
    BOOTSTRAP_MARKED.has(stack) || unattached
      ? {
          [POLICY_METADATA_KEY]: {
            ...(BOOTSTRAP_MARKED.has(stack) ? { bootstrap: true } : {}),
            ...(unattached ? { [UNATTACHED_KEY]: unattached } : {}),
          },
        }
      : undefined;
  if (!sameJson(pruned(raw(stack)), expectStack)) found.push(stack.node.path);
  const blocks = new Map<string, IConstruct>();
  for (const node of stack.node.findAll()) {
    if (node === stack || !(node instanceof TerraformElement)) continue;
    if (!sameJson(pruned(raw(node)), undefined)) found.push(node.node.path);
    if (isTerraformBlock(node)) blocks.set(blockBodyPath(node), node);
  }
  for (const section of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries(asRecord(overrides(stack)[section]))) {
      for (const [name, body] of Object.entries(asRecord(byName))) {
        const at = `${section}.${type}.${name}`;
        const written = withoutSource(writtenBlockMetadata(stack, at));
        if (sameJson(pruned(withoutSource(asRecord(body)['//'])), pruned(written))) continue;
        const path = blocks.get(at)?.node.path ?? stack.node.path;
        if (!found.includes(path)) found.push(path);
      }
    }
  }
  return found;
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** `value` without undefined entries and the objects they leave empty: what JSON would carry. */
function pruned(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const kept = Object.entries(value)
    .map(([k, v]) => [k, pruned(v)] as const)
    .filter(([, v]) => v !== undefined);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function withoutSource(meta: unknown): unknown {
  if (typeof meta !== 'object' || meta === null) return meta;
  const policy = (meta as Record<string, unknown>)[POLICY_METADATA_KEY];
  if (typeof policy !== 'object' || policy === null || !('source' in policy)) return meta;
  const rest = Object.fromEntries(Object.entries(policy).filter(([k]) => k !== 'source'));
  const others = Object.fromEntries(Object.entries(meta).filter(([k]) => k !== POLICY_METADATA_KEY));
  return Object.keys(rest).length > 0
    ? { ...others, [POLICY_METADATA_KEY]: rest }
    : Object.keys(others).length > 0
      ? others
      : undefined;
}

/** Child id of the construct that carries a stack's closing count: the last node, so it prints last. */
export const GUARD_SUMMARY_ID = 'PolicySummary';

export class PolicyGuard implements IAspect {
  private readonly checked = new WeakSet<TerraformStack>();

  constructor(private readonly options: PolicyOptions = {}) {}

  /** The settings this guard judges with (home tenant, approved ranges). */
  get settings(): PolicySettings | undefined {
    return this.options.settings;
  }

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) || this.checked.has(node)) return;
    this.checked.add(node);
    // Aspects run top-down: ones on children (or added later) would run after a check made here. Custom
    // synthesis runs after every aspect and validation, leaves first and the stack last, just before
    // cdktf collects the annotations and writes the JSON; so the guard judges what is written.
    addCustomSynthesis(node, { onSynthesize: () => this.check(node) });
  }

  private check(node: TerraformStack): void {
    // Annotations are printed by `cdktf synth` and kept in manifest.json: no secret values in them.
    const checked = checkFinishedStack(node, this.options);
    // Mask with this stack's own secrets: collecting every stack's on every guard run grew quadratically.
    const report = maskFor(checked.workspace.models.filter((m) => m.stack === node.node.id)).findings(
      checked,
    );
    const byPath = new Map(node.node.findAll().map((c) => [c.node.path, c] as const));
    let shown = 0;
    for (const path of metadataOverrides(node)) {
      Annotations.of(byPath.get(path) ?? node).addError(
        `[TFS-003] ${path}: addOverride("//…") rewrites the policy metadata (suppressions, the bootstrap mark). Fix: suppress with suppress() and a reason and expiry; mark the bootstrap stack through NorwayStack.`,
      );
      shown++;
    }
    for (const finding of report.findings) {
      if (finding.suppressed) continue;
      const target = (finding.constructPath && byPath.get(finding.constructPath)) || node;
      const text = annotationText(finding);
      if (finding.severity === 'error') Annotations.of(target).addError(text);
      else Annotations.of(target).addWarning(text);
      shown++;
    }
    if (shown === 0) return;
    // cdktf prints annotations in construct order, so a last child puts the count after the findings.
    const summary = node.node.tryFindChild(GUARD_SUMMARY_ID) ?? new Construct(node, GUARD_SUMMARY_ID);
    Annotations.of(summary).addInfo(summaryText(node.node.id, report));
  }
}

/** One line: `[RES-001] <address>: <message> Fix: <fix>` (cdktf prefixes level and construct path). */
export function annotationText(finding: Finding): string {
  const at = finding.creation ? ` (at ${finding.creation.file}:${finding.creation.line})` : '';
  return `[${finding.ruleId}] ${finding.address}: ${finding.message} Fix: ${finding.fix}${at}`.replace(
    /\s*\r?\n\s*/g,
    ' ',
  );
}

/** The closing count of one stack's synth-time findings. */
export function summaryText(stackId: string, report: CheckResult): string {
  const { errors, warnings, suppressed } = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `norway-policy: stack ${stackId}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${suppressed} suppressed${errors > 0 ? ' (synth fails)' : ''}.`;
}
