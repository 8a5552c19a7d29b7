/**
 * Where in the TypeScript a stack's constructs were created, so SARIF and the guard point reviewers at
 * `stacks/workload-stack.ts:120` rather than at generated JSON. Captured once per top-level construct
 * of a stack, as it is added (one stack trace, one mapped frame); every resource below inherits the
 * site of its top-level construct. Written into each resource's `"//"` metadata at synth, where the
 * loader reads it like any other input's source location.
 */
import * as path from 'node:path';
import { TerraformDataSource, TerraformResource, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { POLICY_METADATA_KEY } from '../model/load-terraform-json';

export interface SourceSite {
  readonly file: string;
  readonly line: number;
}

type PrepareStackTrace = (error: Error, frames: NodeJS.CallSite[]) => unknown;

/** A source-mapping `Error.prepareStackTrace` (ts-node's) kept when the app removes it for speed. */
let mapper: PrepareStackTrace | undefined;
export function useSourceMapper(prepare: PrepareStackTrace | undefined): void {
  mapper = prepare;
}

const sites = new WeakMap<IConstruct, SourceSite>();

/** The recorded creation site of a stack's top-level construct. */
export function creationSite(construct: IConstruct): SourceSite | undefined {
  return sites.get(construct);
}

/**
 * Record the creation site of every construct added directly to `stack`. Hooks the stack node's
 * `addChild` (the one call every construct makes on its scope); without that hook (another constructs
 * version) no site is recorded and findings keep pointing at the JSON.
 */
export function recordCreationSites(stack: TerraformStack, root: string = process.cwd()): void {
  const node = stack.node as unknown as { addChild?: (child: IConstruct, id: string) => void };
  const original = node.addChild;
  if (typeof original !== 'function') return;
  node.addChild = function (child: IConstruct, id: string) {
    original.call(this, child, id);
    const site = siteOf(child, root);
    if (site) sites.set(child, site);
  };
}

/** The first frame outside node_modules and outside the constructors of the child's own classes. */
function siteOf(child: IConstruct, root: string): SourceSite | undefined {
  const classes = new Set<string>();
  for (let p = Object.getPrototypeOf(child); p && p !== Object.prototype; p = Object.getPrototypeOf(p))
    classes.add(p.constructor.name);
  const saved = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  let frames: NodeJS.CallSite[] = [];
  try {
    Error.stackTraceLimit = 40;
    Error.prepareStackTrace = (_, callSites) => callSites;
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, siteOf);
    frames = (holder.stack as NodeJS.CallSite[] | undefined) ?? [];
  } finally {
    Error.prepareStackTrace = saved;
    Error.stackTraceLimit = limit;
  }
  const frame = frames.find((f) => {
    const file = f.getFileName();
    return (
      file !== undefined &&
      file !== null &&
      !file.startsWith('node:') &&
      !/[\\/]node_modules[\\/]/.test(file) &&
      file !== __filename &&
      !classes.has(f.getFunctionName() ?? '')
    );
  });
  if (!frame) return undefined;
  const [file, line] = mapped(frame);
  if (!file || !line) return undefined;
  return { file: path.relative(root, file).split(path.sep).join('/'), line };
}

/** The frame's position in the TypeScript source, through the source mapper when there is one. */
function mapped(frame: NodeJS.CallSite): [string | undefined, number | undefined] {
  const prepare = mapper ?? (Error.prepareStackTrace as PrepareStackTrace | undefined);
  if (prepare) {
    // `    at fn (file:line:col)` or, for an anonymous frame, `    at file:line:col`.
    const last = (
      String(prepare(new Error(), [frame]))
        .split('\n')
        .pop() ?? ''
    ).trim();
    const location = /\(([^()]+)\)$/.exec(last)?.[1] ?? last.replace(/^at\s+/, '');
    const match = /^(.+):(\d+):\d+$/.exec(location);
    if (match) return [match[1], Number(match[2])];
  }
  return [frame.getFileName() ?? undefined, frame.getLineNumber() ?? undefined];
}

/** Write each resource's site (its top-level construct's) into its `"//"` metadata. */
export function writeCreationSites(stack: TerraformStack): void {
  for (const child of stack.node.children) {
    const site = sites.get(child);
    if (!site) continue;
    for (const c of child.node.findAll()) {
      if (c instanceof TerraformResource || c instanceof TerraformDataSource)
        c.addOverride(`//.${POLICY_METADATA_KEY}.source`, { ...site });
    }
  }
}
