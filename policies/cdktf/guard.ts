/**
 * The synth-time guard: an aspect that runs the policy engine on a stack's Terraform JSON and adds an
 * error annotation at the offending construct, so `cdktf synth` fails naming rule id, path and fix.
 * It reads `stack.toTerraform()`, so raw provider resources and `addOverride` cannot slip past it.
 */
import { Annotations, App, Aspects, IAspect, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { checkModels, CheckOptions } from '../engine/engine';
import type { Finding, Report } from '../engine/report';
import { loadTerraformJson } from '../model/load-terraform-json';
import type { TfModel } from '../model/types';
import { applySuppressions } from './suppress';
import { maskFor } from '../report/mask';
import { buildWorkspace } from '../model/build';

/** cdktf names the remote state behind a cross-stack reference `cross-stack-reference-input-<stack>`. */
const CROSS_STACK_PREFIX = 'cross-stack-reference-input-';

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

/** The stack as synth will write it: its own stack-level aspects (e.g. NorwayStack's default tags) first. */
function finishedModel(stack: TerraformStack): TfModel {
  for (const aspect of Aspects.of(stack).all) if (!(aspect instanceof PolicyGuard)) aspect.visit(stack);
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
 * Check one stack (with the stacks it references, for reference resolution) and return the report.
 * Called outside synth (tests, matchers), it applies the stack's own aspects first, so it sees what
 * synth would write; it reads every stack afresh, since the app may have changed since the last call.
 */
export function checkStack(stack: TerraformStack, options: Omit<CheckOptions, 'reportOn'> = {}): Report {
  const model = finishedModel(stack);
  let others: TfModel[] = [];
  try {
    others = App.of(stack)
      .node.findAll()
      .filter((s): s is TerraformStack => TerraformStack.isStack(s) && s !== stack)
      .map(finishedModel);
  } catch {
    // A stack outside an app has no siblings.
  }
  return checkModels([model, ...others], { ...options, reportOn: [model] });
}

/** The guard's path during synth: aspects before it have already run. */
function checkFinishedStack(stack: TerraformStack, options: Omit<CheckOptions, 'reportOn'>): Report {
  const model = stackToModel(stack);
  return checkModels([model, ...siblingModels(stack, model)], { ...options, reportOn: [model] });
}

/** Child id of the construct that carries a stack's closing count: the last node, so it prints last. */
export const GUARD_SUMMARY_ID = 'PolicySummary';

export class PolicyGuard implements IAspect {
  private readonly checked = new WeakSet<TerraformStack>();

  constructor(private readonly options: Omit<CheckOptions, 'reportOn'> = {}) {}

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) || this.checked.has(node)) return;
    this.checked.add(node);
    // Annotations are printed by `cdktf synth` and kept in manifest.json: no secret values in them.
    const checked = checkFinishedStack(node, this.options);
    // Mask with this stack's own secrets: collecting every stack's on every guard run grew quadratically.
    const report = maskFor(
      buildWorkspace(checked.workspace.models.filter((m) => m.stack === node.node.id)),
    ).report(checked);
    const byPath = new Map(node.node.findAll().map((c) => [c.node.path, c] as const));
    let shown = 0;
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
  return `[${finding.ruleId}] ${finding.message} Fix: ${finding.fix}${at}`.replace(/\s*\r?\n\s*/g, ' ');
}

/** The closing count of one stack's synth-time findings. */
export function summaryText(stackId: string, report: Report): string {
  const { errors, warnings, suppressed } = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `norway-policy: stack ${stackId}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${suppressed} suppressed${errors > 0 ? ' (synth fails)' : ''}.`;
}
