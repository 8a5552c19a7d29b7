/** The checked inputs (stacks, plans, directories) a result reports on, and the findings of each. */
import type { Finding, Verdict } from '../engine/result';
import type { TfModel, Workspace } from '../model/types';

export interface ModelFindings {
  readonly model: TfModel;
  /** `stack platform-prod`, `plan plans/prod.json`, `terraform infra/`. */
  readonly label: string;
  readonly findings: readonly Finding[];
}

export interface FindingsByInput {
  /** The reported inputs, sorted by label. */
  readonly inputs: readonly ModelFindings[];
  /** Findings that belong to no input, e.g. a broken suppression in a policy file. */
  readonly other: readonly Finding[];
}

export function labelOf(model: TfModel): string {
  if (model.kind === 'plan')
    return model.stack ? `plan ${model.stack} (${model.origin})` : `plan ${model.origin}`;
  // A state always names a stack (the loader takes it from the file name): its file tells it from the code.
  if (model.kind === 'state')
    return model.stack ? `state ${model.stack} (${model.origin})` : `state ${model.origin}`;
  if (model.kind === 'hcl') return `terraform ${model.origin}`;
  return model.stack ? `stack ${model.stack}` : `configuration ${model.origin}`;
}

/** The models the result is about: those named in `result.inputs`, in workspace order. */
export function reportedModels(result: Verdict, workspace: Workspace): TfModel[] {
  const origins = new Set(result.inputs.map((i) => i.file));
  return workspace.models.filter((m) => origins.has(m.origin));
}

/** Group `findings` by the model (of `models`) each came from. */
export function findingsByInput(models: readonly TfModel[], findings: readonly Finding[]): FindingsByInput {
  const byModel = new Map<TfModel, Finding[]>(models.map((m) => [m, []]));
  const other: Finding[] = [];
  for (const finding of findings) {
    const model = modelOf(models, finding);
    if (model) byModel.get(model)!.push(finding);
    else other.push(finding);
  }
  const inputs = models
    .map((model) => ({ model, label: labelOf(model), findings: byModel.get(model)! }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { inputs, other };
}

/**
 * The model a finding came from: its file is the model's origin, or a file the model read the finding's
 * resource from (a module outside an HCL directory), or lies inside the model's directory; a suppression
 * written in a stack's code (`construct <path>`) belongs to that stack.
 */
export function modelOf(models: readonly TfModel[], finding: Finding): TfModel | undefined {
  const exact = models.find((m) => m.origin === finding.file);
  if (exact) return exact;
  let best: TfModel | undefined;
  let bestReadThere = false;
  let bestDepth = -1;
  for (const m of models) {
    const resource = m.byAddress.get(finding.address);
    if (!resource) continue;
    const readThere = resource.source.file === finding.file;
    // When the file lies inside the model's directory, the origin's length (longer is more specific).
    const depth = finding.file.startsWith(`${m.origin}/`) ? m.origin.length : -1;
    if (!readThere && depth === -1) continue;
    // The model that read the resource from this file first; then the innermost directory holding it
    // (`dir/sub/main.tf` is `dir/sub`'s, though `dir` declares the same address); then the first.
    const better = !best || (readThere !== bestReadThere ? readThere : depth > bestDepth);
    if (!better) continue;
    best = m;
    bestReadThere = readThere;
    bestDepth = depth;
  }
  if (best) return best;
  if (finding.stack !== undefined && finding.file.startsWith('construct ')) {
    // The stack's code, where the suppression is written; without it, the stack's plan or state it was
    // judged with.
    const ofStack = models.filter((m) => m.stack === finding.stack);
    return ofStack.find((m) => m.kind === 'synth') ?? ofStack[0];
  }
  return undefined;
}
