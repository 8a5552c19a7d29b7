/**
 * How a team adds its own stacks and constructs without editing the project's files: a module in the
 * extensions directory (`extensions/` in the project root, or the directory `NORWAY_IAC_EXTENSIONS` or
 * the cdktf context key `norwayIacExtensions` names) exports `extension`. `main.ts` loads every module
 * there, in file-name order, and `buildPlatform` runs them after the platform's own stacks.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { App } from 'cdktf';
import type { PlatformConfig } from './config/schema';
import type { NorwayStackProps, StateBackendConfig } from './norway-stack';
import type { Platform } from './platform-app';

export const EXTENSIONS_ENV_VAR = 'NORWAY_IAC_EXTENSIONS';
export const EXTENSIONS_CONTEXT_KEY = 'norwayIacExtensions';
export const DEFAULT_EXTENSIONS_DIR = 'extensions';

/** What an extension gets: the app, the validated configuration and the platform's stacks. */
export interface ExtensionContext {
  readonly app: App;
  readonly config: PlatformConfig;
  readonly platform: Platform;
  /** The remote-state backend every non-bootstrap stack uses; pass it to a `NorwayStack`. */
  readonly state: StateBackendConfig;
  /** The synth-time guard's options the platform's stacks got; pass them on. */
  readonly policy?: NorwayStackProps['policy'];
}

export interface PlatformExtension {
  /** Shown in errors. */
  readonly name: string;
  /**
   * `privatelink.*` zones this extension's private endpoints register in (e.g.
   * `privatelink.postgres.database.azure.com`). The hubs create them beside their own, so two teams
   * needing the same zone share it instead of clashing. @default - none
   */
  readonly privateDnsZones?: readonly string[];
  /** Adds the team's stacks; they depend on platform stacks through cross-stack references. */
  extend(context: ExtensionContext): void;
}

export class ExtensionError extends Error {}

/** Where extensions are looked for: environment variable, then context key, then `extensions/`. */
export function extensionsDir(
  context: unknown,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): string {
  const named = env[EXTENSIONS_ENV_VAR] ?? (typeof context === 'string' ? context : undefined);
  return path.resolve(cwd, named ?? DEFAULT_EXTENSIONS_DIR);
}

const MODULE = /\.(ts|js)$/;

/**
 * Every extension module in `dir` (none when the default directory does not exist). A named
 * directory that is missing, or a module without a valid `extension`, is an error: a team's stacks
 * silently left out of synth would look like a deletion to the next plan.
 */
export function loadExtensions(dir: string, options: { required?: boolean } = {}): PlatformExtension[] {
  if (!existsSync(dir)) {
    if (options.required) throw new ExtensionError(`Extensions directory ${dir} does not exist.`);
    return [];
  }
  if (!statSync(dir).isDirectory()) throw new ExtensionError(`Extensions path ${dir} is not a directory.`);
  const files = readdirSync(dir)
    .filter((f) => MODULE.test(f) && !f.endsWith('.d.ts') && !/\.test\.(ts|js)$/.test(f))
    .sort();
  return files.map((file) => {
    const where = path.join(dir, file);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- extensions are found at run time
    const loaded = require(where) as { extension?: unknown; default?: unknown };
    const extension = (loaded.extension ?? loaded.default) as Partial<PlatformExtension> | undefined;
    const problems: string[] = [];
    if (!extension || typeof extension !== 'object')
      problems.push('export `extension` (a PlatformExtension)');
    else {
      if (typeof extension.name !== 'string' || extension.name.length === 0)
        problems.push('`name` is a non-empty string');
      if (typeof extension.extend !== 'function') problems.push('`extend(context)` is a function');
      const zones = extension.privateDnsZones;
      if (zones !== undefined && !(Array.isArray(zones) && zones.every((z) => typeof z === 'string')))
        problems.push('`privateDnsZones` is a list of zone names');
    }
    if (problems.length > 0) throw new ExtensionError(`Extension ${where}: ${problems.join('; ')}.`);
    return extension as PlatformExtension;
  });
}
