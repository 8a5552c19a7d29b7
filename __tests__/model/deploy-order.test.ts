import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../policies/model/types';
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

  test('a manifest in any order: stacks and dependencies sorted, bootstrap from the stack’s own marker', () => {
    const out = mkdtempSync(join(tmpdir(), 'waves-'));
    try {
      const write = (name: string, bootstrap: boolean) => {
        mkdirSync(join(out, 'stacks', name), { recursive: true });
        const meta = bootstrap ? { '//': { norway_policy: { bootstrap: true } } } : {};
        writeFileSync(join(out, 'stacks', name, 'cdk.tf.json'), JSON.stringify(meta));
      };
      const entry = (name: string, dependencies: string[]) => ({
        name,
        dependencies,
        synthesizedStackPath: `stacks/${name}/cdk.tf.json`,
      });
      write('zeta', false);
      write('base', true);
      write('alpha', false);
      writeFileSync(
        join(out, 'manifest.json'),
        JSON.stringify({
          version: '0.21.0',
          stacks: {
            zeta: entry('zeta', ['base', 'alpha']),
            base: entry('base', []),
            alpha: entry('alpha', ['base']),
          },
        }),
      );
      const stacks = readStacks(out);
      expect(stacks).toEqual([
        { name: 'alpha', directory: 'stacks/alpha', dependencies: ['base'], bootstrap: false },
        { name: 'base', directory: 'stacks/base', dependencies: [], bootstrap: true },
        { name: 'zeta', directory: 'stacks/zeta', dependencies: ['alpha', 'base'], bootstrap: false },
      ]);
      expect(deployWaves(stacks)).toEqual([['alpha'], ['zeta']]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('the errors name the manifest they are about and every stack of a cycle, sorted', () => {
    expect(() =>
      deployWaves([stack('c', ['a']), stack('a', ['b']), stack('b', ['c'])], 'out/manifest.json'),
    ).toThrow(
      new InputError(
        'out/manifest.json',
        'stacks a, b, c depend on each other in a cycle; no deployment order exists',
      ),
    );
    expect(() => deployWaves([stack('a', ['ghost', 'spook'])])).toThrow(
      new InputError('cdktf.out', 'stack a depends on ghost, spook, which the manifest does not contain'),
    );
  });
});
