/**
 * HCL → JSON with `@cdktf/hcl2json` (Go compiled to WebAssembly, works offline), called synchronously.
 *
 * The package's public `parse()` is async only because it instantiates the WebAssembly module
 * asynchronously; the Go function it then calls answers synchronously. We instantiate the same module
 * synchronously and call that function directly, so `loadPath` and the CLI stay synchronous. The
 * package version is pinned in package.json; `__tests__/model/load-hcl.test.ts` guards this contract.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MAX_NESTING, nestingDepth } from './read-json';
import { InputError } from './types';

type GoCallback = (error: string | null, result?: string) => void;
interface Hcl2JsonExports {
  parse?: (filename: string, contents: string, callback: GoCallback) => void;
}
interface GoRuntime {
  importObject: object;
  run(instance: object): Promise<void>;
}
/** The slice of the WebAssembly global we use (the project's TypeScript lib has no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => object;
}

const GLOBAL_NAME = '__parse_terraform_config_wasm__';
/** The name the parser sees; messages are rewritten to the real file. */
const PARSE_NAME = 'input.tf';

let bridge: Hcl2JsonExports | undefined;

function instantiate(): Hcl2JsonExports {
  const dir = dirname(require.resolve('@cdktf/hcl2json/package.json'));
  // Defines globalThis.Go (the Go runtime glue that ships with the package); a plain script, not a module.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(dir, 'wasm', 'bridge_wasm_exec.js'));
  const Go = (globalThis as unknown as { Go: new () => GoRuntime }).Go;
  const go = new Go();
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const module = new wasm.Module(gunzipSync(readFileSync(join(dir, 'main.wasm.gz'))));
  const instance = new wasm.Instance(module, go.importObject);
  const exports: Hcl2JsonExports = {};
  const holder = globalThis as unknown as Record<string, unknown>;
  const previous = holder[GLOBAL_NAME];
  // The Go program registers its functions on this global as soon as it starts (synchronously).
  holder[GLOBAL_NAME] = exports;
  void go.run(instance).then(() => {
    // The Go program only returns when it dies (a panic); start afresh next time.
    if (bridge === exports) bridge = undefined;
  });
  if (previous === undefined) delete holder[GLOBAL_NAME];
  else holder[GLOBAL_NAME] = previous;
  return exports;
}

/** Parse one HCL file into hcl2json's JSON shape (blocks are arrays of bodies). Throws InputError. */
export function parseHcl(file: string, text: string): Record<string, unknown> {
  bridge ??= instantiate();
  const parse = bridge.parse;
  if (typeof parse !== 'function')
    throw new InputError(file, 'the HCL parser (@cdktf/hcl2json) did not start');
  let answered = false;
  let error: string | null = null;
  let result: string | undefined;
  try {
    parse(PARSE_NAME, text, (e, r) => {
      answered = true;
      error = e;
      result = r;
    });
  } catch (thrown) {
    bridge = undefined;
    throw new InputError(file, `the HCL parser failed on this file (${(thrown as Error).message})`);
  }
  if (!answered) {
    bridge = undefined;
    throw new InputError(file, 'the HCL parser did not answer for this file');
  }
  if (error !== null) throw new InputError(file, describeSyntaxError(error));
  const parsed: unknown = JSON.parse(result ?? 'null');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(file, 'the HCL parser returned no configuration');
  }
  if (nestingDepth(parsed) > MAX_NESTING)
    throw new InputError(
      file,
      `lists, objects and blocks nest deeper than ${MAX_NESTING} levels (the file counts as one level, each list or object as one, each block as two: its list and its body); nest them less deeply`,
    );
  return parsed as Record<string, unknown>;
}

/** A position in the parsed text as the parser writes it: `input.tf:2,6`, then `-9` or `-3,1` for its end. */
const POSITION = String.raw`input\.tf:(\d+),(\d+)(?:-\d+(?:,\d+)?)?`;
/** The first diagnostic, up to the next one (a position followed by `: `), the closing bracket or the end. */
const FIRST_DIAGNOSTIC = new RegExp(String.raw`${POSITION}: (.*?)(?= ${POSITION}: |\]$|$)`, 's');
/** A position the detail mentions (`was already set at input.tf:1,1-2`). */
const MENTIONED_POSITION = new RegExp(POSITION, 'g');

/**
 * `parse config: [input.tf:2,6-3,1: Invalid expression; Expected the start of an expression…]`
 * → `line 2, column 6: Invalid expression (Expected the start of an expression…)` (the first diagnostic).
 * Positions the detail mentions are written the same way: `…already set at line 1, column 1. …`.
 */
export function describeSyntaxError(message: string): string {
  const match = FIRST_DIAGNOSTIC.exec(message);
  if (!match) return `syntax error: ${message.replace(/^parse config: /, '')}`;
  const [, line, column, text] = match;
  const [summary, ...detail] = text.split('; ');
  const more = detail.join('; ').trim().replace(MENTIONED_POSITION, 'line $1, column $2');
  return `line ${line}, column ${column}: ${summary.trim()}${more ? ` (${more.replace(/\.$/, '')})` : ''}`;
}
