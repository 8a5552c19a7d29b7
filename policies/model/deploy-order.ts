/**
 * Deployment order of the stacks in a cdktf.out: waves in which every stack's dependencies were deployed
 * in an earlier wave. CI runs one wave after another, each as a matrix of parallel per-stack jobs, so
 * Terraform (with its locked remote state per stack) does the deploying, not a home-made orchestrator.
 */
import { loadCdktfOut, readManifest } from './load-cdktf-out';
import { InputError } from './types';

export interface StackInfo {
  readonly name: string;
  /** Directory of the stack's cdk.tf.json, relative to the cdktf.out directory. */
  readonly directory: string;
  readonly dependencies: readonly string[];
  /** The bootstrap stack keeps local state and is applied by an operator, never by CI. */
  readonly bootstrap: boolean;
}

export interface DeployPlan {
  readonly stacks: readonly StackInfo[];
  /** Names of the stacks CI deploys (all but bootstrap), in waves; each wave sorted by name. */
  readonly waves: readonly (readonly string[])[];
}

export function readStacks(dir: string): StackInfo[] {
  const manifest = readManifest(dir);
  const models = loadCdktfOut(dir);
  return manifest
    .map((s) => ({
      name: s.name,
      directory: s.synthesizedStackPath.replace(/\\/g, '/').replace(/\/[^/]*$/, ''),
      dependencies: [...s.dependencies].sort(),
      bootstrap: models.find((m) => m.stack === s.name)?.bootstrap ?? false,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Group stacks into waves. Dependencies on stacks CI does not deploy (bootstrap) count as met; a cycle or
 * a dependency on a stack that does not exist is an error, because no order could be right.
 */
export function deployWaves(stacks: readonly StackInfo[], origin = 'cdktf.out'): string[][] {
  const known = new Set(stacks.map((s) => s.name));
  const deployable = stacks.filter((s) => !s.bootstrap);
  const done = new Set(stacks.filter((s) => s.bootstrap).map((s) => s.name));
  for (const stack of deployable) {
    const missing = stack.dependencies.filter((d) => !known.has(d));
    if (missing.length > 0)
      throw new InputError(
        origin,
        `stack ${stack.name} depends on ${missing.join(', ')}, which the manifest does not contain`,
      );
  }
  const waves: string[][] = [];
  let remaining = deployable;
  while (remaining.length > 0) {
    const wave = remaining
      .filter((s) => s.dependencies.every((d) => done.has(d)))
      .map((s) => s.name)
      .sort();
    if (wave.length === 0) {
      throw new InputError(
        origin,
        `stacks ${remaining
          .map((s) => s.name)
          .sort()
          .join(', ')} depend on each other in a cycle; no deployment order exists`,
      );
    }
    waves.push(wave);
    for (const name of wave) done.add(name);
    remaining = remaining.filter((s) => !done.has(s.name));
  }
  return waves;
}

export function deployPlan(dir: string): DeployPlan {
  const stacks = readStacks(dir);
  return { stacks, waves: deployWaves(stacks, dir) };
}
