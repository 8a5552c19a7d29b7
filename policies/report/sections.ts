/** Findings grouped by the input (stack, plan, directory) they belong to, in a stable order. */
import type { Finding, Report } from '../engine/report';
import type { TfModel } from '../model/types';

export interface InputSection {
  readonly model: TfModel;
  /** `stack platform-prod`, `plan plans/prod.json`, `terraform infra/`. */
  readonly label: string;
  readonly findings: readonly Finding[];
}

export interface Sections {
  /** The reported inputs, sorted by label. */
  readonly inputs: readonly InputSection[];
  /** Findings that belong to no input, e.g. a broken suppression in a policy file. */
  readonly other: readonly Finding[];
}

export function labelOf(model: TfModel): string {
  if (model.kind === 'plan')
    return model.stack ? `plan ${model.stack} (${model.origin})` : `plan ${model.origin}`;
  if (model.kind === 'hcl') return `terraform ${model.origin}`;
  return model.stack ? `stack ${model.stack}` : `configuration ${model.origin}`;
}

/** The models the report is about: those named in `report.inputs`, in the workspace. */
export function reportedModels(report: Report): TfModel[] {
  const origins = new Set(report.inputs.map((i) => i.file));
  return report.workspace.models.filter((m) => origins.has(m.origin));
}

export function sections(report: Report): Sections {
  const models = reportedModels(report);
  const byModel = new Map<TfModel, Finding[]>(models.map((m) => [m, []]));
  const other: Finding[] = [];
  for (const finding of report.findings) {
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
