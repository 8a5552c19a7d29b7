/** Synthesize the default platform once into a temporary directory and read it back, as the CLI would. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import { loadConfig } from '../../stacks/config/load';
import type { PlatformConfig } from '../../stacks/config/schema';
import { buildPlatform, Platform } from '../../stacks/platform-app';
import { TODAY } from './today';

export interface SynthesizedPlatform {
  readonly outdir: string;
  readonly config: PlatformConfig;
  readonly platform: Platform;
  readonly manifest: { stacks: Record<string, { dependencies: string[]; annotations: unknown[] }> };
  /** `cdk.tf.json` of a stack by id. */
  stack(id: string): TerraformJson;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON is read by path in assertions
export type TerraformJson = Record<string, any>;

export function synthDefaultPlatform(): SynthesizedPlatform {
  const outdir = mkdtempSync(path.join(tmpdir(), 'norway-platform-'));
  const { config } = loadConfig({ env: {} });
  const app = new App({ outdir });
  const platform = buildPlatform(app, config, { policy: { today: TODAY } });
  app.synth();
  const manifest = JSON.parse(readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const cache = new Map<string, TerraformJson>();
  return {
    outdir,
    config,
    platform,
    manifest,
    stack(id) {
      if (!cache.has(id))
        cache.set(id, JSON.parse(readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8')));
      return cache.get(id)!;
    },
  };
}

/** Resource counts by type, data sources as `data.<type>`. */
export function resourceTypeCounts(json: TerraformJson): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [section, prefix] of [
    ['resource', ''],
    ['data', 'data.'],
  ] as const) {
    for (const [type, instances] of Object.entries(json[section] ?? {})) {
      counts[`${prefix}${type}`] = Object.keys(instances as object).length;
    }
  }
  return counts;
}
