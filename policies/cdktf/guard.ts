/**
 * The synth-time guard: an aspect that runs the policy engine on a stack's Terraform JSON and adds an
 * error annotation at the offending construct, so `cdktf synth` fails naming rule id, path and fix.
 * It reads `stack.toTerraform()`, so raw provider resources and `addOverride` cannot slip past it.
 */
import { Annotations, App, Aspects, IAspect, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { checkModels, CheckOptions } from '../engine/engine';
import type { Finding, Report } from '../engine/report';
import { loadTerraformJson } from '../model/load-terraform-json';
import type { TfModel } from '../model/types';
import { applySuppressions } from './suppress';
import { maskFor } from '../report/mask';

/** Other stacks of the same app, loaded once per app, so cross-stack references resolve. */
const appModels = new WeakMap<App, Map<TerraformStack, TfModel>>();

export function stackToModel(stack: TerraformStack): TfModel {
  applySuppressions(stack);
  return loadTerraformJson(stack.toTerraform(), { file: `stack ${stack.node.id}`, stack: stack.node.id, kind: 'synth' });
}

function siblingModels(stack: TerraformStack): TfModel[] {
  let app: App;
  try {
    app = App.of(stack);
  } catch {
    return [];
  }
  let cache = appModels.get(app);
  if (!cache) {
    cache = new Map();
    appModels.set(app, cache);
  }
  const models: TfModel[] = [];
  for (const other of app.node.findAll().filter(TerraformStack.isStack)) {
    if (other === stack) continue;
    let model = cache.get(other);
    if (!model) {
      model = stackToModel(other);
      cache.set(other, model);
    }
    models.push(model);
  }
  return models;
}

/**
 * Check one stack (with its app's other stacks for reference resolution) and return the report.
 * Called outside synth (tests, matchers), it first applies the stack's own aspects at the stack node,
 * such as NorwayStack's default tags, so it sees what synth would write.
 */
export function checkStack(stack: TerraformStack, options: Omit<CheckOptions, 'reportOn'> = {}): Report {
  for (const aspect of Aspects.of(stack).all) if (!(aspect instanceof PolicyGuard)) aspect.visit(stack);
  return checkFinishedStack(stack, options);
}

/** The guard's path: aspects before it have already run. */
function checkFinishedStack(stack: TerraformStack, options: Omit<CheckOptions, 'reportOn'>): Report {
  const model = stackToModel(stack);
  return checkModels([model, ...siblingModels(stack)], { ...options, reportOn: [model] });
}

export class PolicyGuard implements IAspect {
  private readonly checked = new WeakSet<TerraformStack>();

  constructor(private readonly options: Omit<CheckOptions, 'reportOn'> = {}) {}

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) || this.checked.has(node)) return;
    this.checked.add(node);
    // Annotations are printed by `cdktf synth` and kept in manifest.json: no secret values in them.
    const checked = checkFinishedStack(node, this.options);
    const report = maskFor(checked.workspace).report(checked);
    const byPath = new Map(node.node.findAll().map((c) => [c.node.path, c] as const));
    for (const finding of report.findings) {
      if (finding.suppressed) continue;
      const target = (finding.constructPath && byPath.get(finding.constructPath)) || node;
      const text = annotationText(finding);
      if (finding.severity === 'error') Annotations.of(target).addError(text);
      else Annotations.of(target).addWarning(text);
    }
  }
}

export function annotationText(finding: Finding): string {
  return `[${finding.ruleId}] ${finding.message} Fix: ${finding.fix}`;
}
