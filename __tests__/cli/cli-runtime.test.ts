import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_V8_FLAGS, INTERRUPT_BUDGET, MAX_INLINED_BYTECODE_SIZE } from '../../policies/cli-runtime';

describe('the CLI process V8 settings', () => {
  test('raise the interrupt budget to four times the default and inline only small functions', () => {
    expect(CLI_V8_FLAGS).toEqual([
      `--interrupt-budget=${INTERRUPT_BUDGET}`,
      `--max-inlined-bytecode-size=${MAX_INLINED_BYTECODE_SIZE}`,
    ]);
    expect(INTERRUPT_BUDGET).toBe(270_336);
    expect(MAX_INLINED_BYTECODE_SIZE).toBe(60);
  });

  test.each(CLI_V8_FLAGS)('this node accepts %s (a misspelt flag would be ignored at run time)', (flag) => {
    const run = spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  test('the entry point applies them before the CLI loads', () => {
    const bin = readFileSync(join(__dirname, '..', '..', 'bin', 'norway-policy.js'), 'utf8');
    const tune = bin.indexOf("require('../dist/policies/cli-runtime.js').tuneForOneRun()");
    expect(tune).toBeGreaterThan(0);
    expect(bin.indexOf("require('../dist/policies/cli.js')")).toBeGreaterThan(tune);
  });
});
