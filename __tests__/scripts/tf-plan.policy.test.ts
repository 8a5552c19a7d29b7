/**
 * Every real plan of the default platform passes `norway-policy check <plan> --context cdktf.out`: the
 * synthesized stacks resolve what a workload plan reads from its platform stack. Skips itself, saying
 * why, while the CLI has no `--context` (it arrives on another branch).
 */
import { runCli } from '../../policies/cli';
import { tfPlan, type StackResult } from '../../scripts/tf-plan';
import { synthDefaultPlatform, type SynthesizedPlatform } from '../helpers/synth-default';
import { TERRAFORM } from '../helpers/tf-stand-in';
import { TODAY } from '../helpers/today';

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli([...args, '--today', TODAY], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('every real plan passes the policy check with the estate', () => {
  let platform: SynthesizedPlatform;
  let results: StackResult[];
  beforeAll(async () => {
    platform = synthDefaultPlatform();
    results = await tfPlan({ outDir: platform.outdir, log: () => undefined, terraform: TERRAFORM });
  }, 180_000);

  it('plans every stack', () => {
    expect(results.map((r) => r.stack).sort()).toEqual(Object.keys(platform.manifest.stacks).sort());
  });

  it('passes each plan with --context cdktf.out, 0 errors', () => {
    for (const r of results) {
      const out = cli(['check', r.planPath!, '--context', platform.outdir]);
      expect([r.stack, out.code, out.stderr]).toEqual([r.stack, 0, '']);
      expect(out.stdout).toMatch(/PASS: .* 0 errors, 0 warnings/);
    }
  });

  it('a workload plan alone fails closed: its workspace is in another stack', () => {
    const workload = results.find((r) => r.stack === 'workload-dalen-dev')!;
    const out = cli(['check', workload.planPath!]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/RES-005 azurerm_monitor_diagnostic_setting\.Storage_Diagnostics_6A13EE95/);
    expect(out.stdout).toMatch(/not in the checked estate; pass its stack, plan or state with --context/);
  });
});
