/**
 * The test sequencer Stryker's runs use: it must never drop a test file that holds a covering test, or a
 * mutant would be reported as surviving when a test would kill it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MutationSequencer = require('./mutation-sequencer.js');

const dir = mkdtempSync(join(tmpdir(), 'sequencer-'));
const config = { cacheDirectory: dir, id: 'mutation', name: 'mutation' };
const context = { config, hasteFS: { getSize: () => 100 } };
const file = (name: string) => ({ path: `/project/.stryker-tmp/sandbox-Ab12/__tests__/${name}`, context });
const TESTS = [file('a.test.ts'), file('b.test.ts'), file('new.test.ts')];
const INDEX = join(dir, 'index.json');
writeFileSync(
  INDEX,
  JSON.stringify({
    testResults: [
      {
        name: '/project/__tests__/a.test.ts',
        assertionResults: [{ fullName: 'rules RES-001 (plan) [synth]' }, { fullName: 'rules a.b' }],
      },
      { name: '/project/__tests__/b.test.ts', assertionResults: [{ fullName: 'engine sorts findings' }] },
    ],
  }),
);

/** As Stryker's jest runner builds the pattern from the covering tests' full names. */
const patternOf = (names: string[]) =>
  names.map((n) => `(${n.replace(/[.*+\-?^${}()|[\]\\]/g, '\\$&')})`).join('|');

function selected(names: string[] | undefined): string[] {
  const before = process.env.STRYKER_TEST_INDEX;
  process.env.STRYKER_TEST_INDEX = INDEX;
  try {
    const sequencer = new MutationSequencer({
      contexts: [],
      globalConfig: { testNamePattern: names ? patternOf(names) : undefined },
    });
    return (sequencer.sort(TESTS) as { path: string }[]).map((t) => t.path.split('/').pop() as string).sort();
  } finally {
    if (before === undefined) delete process.env.STRYKER_TEST_INDEX;
    else process.env.STRYKER_TEST_INDEX = before;
  }
}

describe('mutation test sequencer', () => {
  it('keeps the files holding a covering test, and files the index does not know', () => {
    expect(selected(['rules RES-001 (plan) [synth]'])).toEqual(['a.test.ts', 'new.test.ts']);
    expect(selected(['engine sorts findings', 'rules a.b'])).toEqual([
      'a.test.ts',
      'b.test.ts',
      'new.test.ts',
    ]);
  });

  it('runs every file when a covering test is missing from the index (the index is stale)', () => {
    expect(selected(['rules RES-001 (plan) [synth]', 'a test written after the index'])).toEqual([
      'a.test.ts',
      'b.test.ts',
      'new.test.ts',
    ]);
  });

  it('runs every file without a name pattern (the dry run)', () => {
    expect(selected(undefined)).toEqual(['a.test.ts', 'b.test.ts', 'new.test.ts']);
  });
});
