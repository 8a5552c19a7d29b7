import { join } from 'node:path';
import { deployWaves, readStacks, StackInfo } from '../../policies/model/deploy-order';

describe('deployment waves', () => {
  const stack = (name: string, dependencies: string[] = [], bootstrap = false): StackInfo => ({
    name,
    directory: `stacks/${name}`,
    dependencies,
    bootstrap,
  });

  test('dependencies first; bootstrap is never deployed by CI but counts as met', () => {
    const waves = deployWaves([
      stack('bootstrap', [], true),
      stack('platform-b', ['bootstrap']),
      stack('platform-a', ['bootstrap']),
      stack('app', ['platform-a']),
    ]);
    expect(waves).toEqual([['platform-a', 'platform-b'], ['app']]);
  });

  test('fails on a cycle and on a dependency that does not exist', () => {
    expect(() => deployWaves([stack('a', ['b']), stack('b', ['a'])])).toThrow(
      /stacks a, b depend on each other in a cycle/,
    );
    expect(() => deployWaves([stack('a', ['ghost'])])).toThrow(
      /stack a depends on ghost, which the manifest does not contain/,
    );
  });

  test('reads names, dependencies and the bootstrap marker from a synthesized cdktf.out', () => {
    // Written by app.synth() of NorwayStacks bootstrap (bootstrap: true) ← platform ← workload.
    const outdir = join(__dirname, '..', 'fixtures', 'cdktf', 'waves');
    const stacks = readStacks(outdir);
    expect(stacks).toEqual([
      { name: 'bootstrap', directory: 'stacks/bootstrap', dependencies: [], bootstrap: true },
      { name: 'platform', directory: 'stacks/platform', dependencies: ['bootstrap'], bootstrap: false },
      { name: 'workload', directory: 'stacks/workload', dependencies: ['platform'], bootstrap: false },
    ]);
    expect(deployWaves(stacks)).toEqual([['platform'], ['workload']]);
  });
});
