/** scripts/environment-waves.js: the deploy workflow's dev-before-prod waves from a real cdktf.out. */
import { deployPlan } from '../../policies/model/deploy-order';
import { synthDefaultPlatform } from '../helpers/synth-default';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { environmentWaves } = require('../../scripts/environment-waves.js');

describe('environment waves', () => {
  const out = synthDefaultPlatform();
  const plan = deployPlan(out.outdir);

  test('splits the default platform into dev and prod waves, dependency order kept', () => {
    const { lines, problems } = environmentWaves(plan, out.outdir, ['dev', 'prod'], 4);
    expect(problems).toEqual([]);
    // The identity stack spans both environments (no tag of its own): it goes last, after prod.
    expect(lines).toEqual([
      'dev-wave-1=["platform-dev-norwayeast"]',
      'dev-wave-2=["workload-dalen-dev","workload-fjellheim-dev","workload-kystbyen-dev"]',
      'dev-wave-3=[]',
      'dev-wave-4=[]',
      'prod-wave-1=["platform-prod-norwayeast"]',
      'prod-wave-2=["platform-prod-norwaywest","workload-dalen-prod","workload-kystbyen-prod"]',
      'prod-wave-3=["workload-fjellheim-prod"]',
      'prod-wave-4=["identity"]',
    ]);
  });

  test('fails when a stack belongs to no listed environment or the waves do not fit', () => {
    const { problems } = environmentWaves(plan, out.outdir, ['dev'], 1);
    expect(problems).toEqual([
      'stack identity has no single environment tag',
      'stack platform-prod-norwayeast has environment prod, not one of dev',
      'stack platform-prod-norwaywest has environment prod, not one of dev',
      'stack workload-dalen-prod has environment prod, not one of dev',
      'stack workload-fjellheim-prod has environment prod, not one of dev',
      'stack workload-kystbyen-prod has environment prod, not one of dev',
      'dev needs 2 deployment waves; the workflow runs 1',
    ]);
  });
});
