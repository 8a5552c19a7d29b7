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

/** The model a finding came from: its file is the model's origin, or lies inside it (HCL directories). */
export function modelOf(models: readonly TfModel[], finding: Finding): TfModel | undefined {
  const exact = models.find((m) => m.origin === finding.file);
  if (exact) return exact;
  return models.find(
    (m) =>
      (finding.stack === undefined || m.stack === undefined || m.stack === finding.stack) &&
      m.byAddress.has(finding.address) &&
      (finding.file.startsWith(`${m.origin}/`) ||
        m.byAddress.get(finding.address)?.source.file === finding.file),
  );
}
