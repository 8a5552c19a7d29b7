/**
 * The analysis step: everything reports show beyond the findings, derived once from the engine result —
 * the findings per input, the data residency map, the inventory, the plan summary, where state lives,
 * source lines — with every secret masked once. Reporters (`policies/reporters/`) take the analysis and
 * only format it; they never see the models.
 *
 * What only some formats show (findings per input, the residency map, inventories) is computed on first
 * use and then kept, so a text report does not pay for a Markdown one.
 */
import type { CheckResult, Finding, InputSummary, Verdict } from '../engine/result';
import { Resolver } from '../model/resolve';
import type { TfModel } from '../model/types';
import { findingsByInput, modelOf, reportedModels } from './inputs';
import { inventory, Inventory } from './inventory';
import { maskFor } from './mask';
import { planSummary, PlanSummary } from './plan-summary';
import { DataResidency, residencyByModel, StatePlace, statePlace } from './residency-map';
import { planJsonLine, terraformJsonLine } from './source-lines';

/** One checked input (stack, plan, Terraform directory) as reports describe it. */
export interface InputSection {
  /** `stack platform-prod`, `plan plans/prod.json`, `terraform infra/`. */
  readonly label: string;
  /** The file or directory the input was read from. */
  readonly origin: string;
  readonly kind: InputSummary['kind'];
  readonly stack?: string;
  /** Managed resources (data sources not counted). */
  readonly managedResources: number;
  /** The input's findings (masked), in the result's order. */
  readonly findings: readonly Finding[];
  /** Resources by type and location; deleted ones excluded. */
  readonly inventory: Inventory;
  /** What the plan does; undefined for inputs that are not plans. */
  readonly plan?: PlanSummary;
  /** The data-bearing resources of this input and where their data goes. */
  readonly residency: readonly DataResidency[];
  /** Where the input's Terraform state lives; undefined without a backend. */
  readonly state?: StatePlace;
}

export interface Analysis {
  /** The engine's verdict with every finding's texts masked. */
  readonly result: Verdict;
  /** The reported inputs, sorted by label. */
  readonly inputs: readonly InputSection[];
  /** Findings that belong to no input, e.g. a broken suppression in a policy file. */
  readonly other: readonly Finding[];
  /** The plan summaries of the inputs that are plans, in input order. */
  readonly plans: readonly PlanSummary[];
  /** The residency map of every reported input, in input order. */
  readonly residency: readonly DataResidency[];
  /** The line of a finding's resource in its JSON input, when the finding carries none (best effort). */
  sourceLine(finding: Finding): number | undefined;
  /** Replace every secret of the checked inputs in `text`: the net cast over every formatted report. */
  maskText(text: string): string;
}

export function analyse(result: CheckResult): Analysis {
  const { workspace, ...verdict } = result;
  const mask = maskFor(workspace.models);
  const masked = mask.findings(verdict);
  const models = reportedModels(result, workspace);
  const grouped = once(() => findingsByInput(models, masked.findings));
  const resolver = once(() => new Resolver(workspace));
  const residency = once(() =>
    residencyByModel(
      workspace,
      grouped().inputs.map((s) => s.model),
      resolver(),
    ),
  );
  const inputs = once(() =>
    grouped().inputs.map(({ model, label, findings }) =>
      section(model, label, findings, {
        inventory: () => inventory(workspace, model, resolver()),
        plan: () => planSummary(model),
        residency: () => residency().get(model) ?? [],
        state: () => statePlace(workspace, model, resolver()),
      }),
    ),
  );
  const plans = once(() => inputs().flatMap((s) => (s.plan ? [s.plan] : [])));
  const allResidency = once(() => inputs().flatMap((s) => s.residency));
  return {
    result: masked,
    get inputs() {
      return inputs();
    },
    get other() {
      return grouped().other;
    },
    get plans() {
      return plans();
    },
    get residency() {
      return allResidency();
    },
    sourceLine: (finding) => findLine(finding, modelOf(models, finding)),
    maskText: (text) => mask.text(text),
  };
}

interface Lazy {
  readonly inventory: () => Inventory;
  readonly plan: () => PlanSummary | undefined;
  readonly residency: () => readonly DataResidency[];
  readonly state: () => StatePlace | undefined;
}

function section(model: TfModel, label: string, findings: readonly Finding[], lazy: Lazy): InputSection {
  const inv = once(lazy.inventory);
  const plan = once(lazy.plan);
  const residency = once(lazy.residency);
  const state = once(lazy.state);
  return {
    label,
    origin: model.origin,
    kind: model.kind,
    ...(model.stack !== undefined ? { stack: model.stack } : {}),
    managedResources: model.resources.filter((r) => r.mode === 'managed').length,
    findings,
    get inventory() {
      return inv();
    },
    get plan() {
      return plan();
    },
    get residency() {
      return residency();
    },
    get state() {
      return state();
    },
  };
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

function findLine(finding: Finding, model: TfModel | undefined): number | undefined {
  if (finding.line !== undefined) return finding.line;
  if (!model || !finding.file.endsWith('.json')) return undefined;
  const resource = model.byAddress.get(finding.address);
  if (!resource) return undefined;
  // A state (`terraform show -json` of it) lists its resources by address, as a plan does.
  if (model.kind === 'plan' || model.kind === 'state') return planJsonLine(finding.file, finding.address);
  return terraformJsonLine(finding.file, resource.type, resource.name, resource.mode);
}
