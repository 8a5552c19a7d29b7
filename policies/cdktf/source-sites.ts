/**
 * Where in the TypeScript a stack's constructs were created, so SARIF and the guard point reviewers at
 * `stacks/workload-stack.ts:120` rather than at generated JSON. Captured once per top-level construct
 * of a stack, as it is added (one stack trace, one mapped frame); every resource below inherits the
 * site of its top-level construct. Written into each resource's and data source's `"//"` metadata at
 * synth, where the loader reads it like any other input's source location.
 */
import * as path from 'node:path';
import type { TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { isTerraformBlock, writeBlockMetadata } from './block-metadata';

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

/**
 * The frame that called `new` for the child: the first frame outside node_modules past the constructors
 * of the child's own classes. Those constructors run innermost first and end with the most derived
 * class's (the one `new` named, always on the stack); the caller is the frame after it. Frames are told
 * apart by name. An anonymous class's name is `''`, as is every anonymous function's, and its frame may
 * carry another (the variable holding the class), so a name is trusted only when it is a named class's
 * of the chain: a frame of the run named otherwise is an anonymous class's. When that cannot tell the
 * most derived constructor (it and another class of its chain are anonymous, and V8 leaves out default
 * constructors called through `super`), no site is recorded rather than a wrong one.
 */
function siteOf(child: IConstruct, root: string): SourceSite | undefined {
  const chain: string[] = [];
  for (let p = Object.getPrototypeOf(child); p && p !== Object.prototype; p = Object.getPrototypeOf(p))
    chain.push(typeof p.constructor === 'function' ? p.constructor.name : '');
  const mostDerived = chain[0] ?? '';
  const named = new Set(chain.filter((name) => name !== ''));
  const anonymous = chain.filter((name) => name === '').length;
  if (mostDerived === '' && anonymous > 1) return undefined;
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
  const outside = (f: NodeJS.CallSite) => {
    const file = f.getFileName();
    return (
      file !== undefined &&
      file !== null &&
      !file.startsWith('node:') &&
      !/[\\/]node_modules[\\/]/.test(file) &&
      file !== __filename
    );
  };
  // The child's constructor frames run from the base-most class's (`Construct`) to the most derived's.
  // Before them: the hook and the constructor of the child's node.
  const start = frames.findIndex((f) => f.isConstructor() && named.has(f.getFunctionName() ?? ''));
  if (start < 0) return undefined;
  let end = -1;
  for (let i = start; i < frames.length && end < 0; i++) {
    const f = frames[i];
    const name = f.getFunctionName() ?? '';
    if (mostDerived !== '') {
      if (f.isConstructor() && name === mostDerived) end = i;
    } else if (!f.isConstructor()) {
      return undefined;
    } else if (!named.has(name)) {
      // The one anonymous class of the chain, the most derived: V8 may give its frame the name of the
      // variable that holds it, so any name but a named class's is its.
      end = i;
    }
  }
  const frame = end < 0 ? undefined : frames.slice(end + 1).find(outside);
  if (!frame) return undefined;
  const [file, line] = mapped(frame);
  if (!file || !line) return undefined;
  return { file: path.relative(root, file).split(path.sep).join('/'), line };
}

/** The frame's position in the TypeScript source, through the source mapper when there is one. */
function mapped(frame: NodeJS.CallSite): [string | undefined, number | undefined] {
  const prepare = mapper ?? (Error.prepareStackTrace as PrepareStackTrace | undefined);
  if (prepare) {
    // `    at fn (file:line:col)` or, for an anonymous frame, `    at file:line:col`. The file may hold
    // parentheses (`/src/app (copy)/x.ts`); a function name holds no ` (`, and an anonymous frame ends
    // with its column, never with `)`.
    const last = (
      String(prepare(new Error(), [frame]))
        .split('\n')
        .pop() ?? ''
    )
      .trim()
      .replace(/^at\s+/, '');
    const open = last.indexOf(' (');
    const location = last.endsWith(')') && open >= 0 ? last.slice(open + 2, -1) : last;
    const match = /^(.+):(\d+):\d+$/.exec(location);
    if (match) return [match[1], Number(match[2])];
  }
  return [frame.getFileName() ?? undefined, frame.getLineNumber() ?? undefined];
}

/** Write each resource's and data source's site (its top-level construct's) into its `"//"` metadata. */
export function writeCreationSites(stack: TerraformStack): void {
  for (const child of stack.node.children) {
    const site = sites.get(child);
    if (!site) continue;
    for (const c of child.node.findAll())
      if (isTerraformBlock(c)) writeBlockMetadata(c, 'source', { ...site });
  }
}
