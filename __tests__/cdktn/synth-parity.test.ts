/**
 * The default platform synthesized on cdktf and on CDK Terrain differs in exactly the places docs/cdktn.md
 * lists. The comparison runs in `npm run test:cdktn`, which sets NORWAY_IAC_PARITY_REFERENCE (cdktf's
 * cdktf.out) and NORWAY_IAC_PARITY_CANDIDATE (CDK Terrain's); in `npm test` only the comparison itself
 * is tested.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Difference, jsonDifferences, outDirDifferences } from './synth-diff';

// The last cdktf releases: they will not change.
const CDKTF = { framework: '0.21.0', azurerm: '4.55.0' };

describe('jsonDifferences', () => {
  test.each<[string, unknown, unknown, Difference[]]>([
    ['equal documents', { a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }, []],
    [
      'a changed leaf',
      { a: { b: '1' } },
      { a: { b: '2' } },
      [{ file: 'f', path: ['a', 'b'], reference: '1', candidate: '2' }],
    ],
    [
      'a key on one side',
      { a: 1 },
      { a: 1, b: 2 },
      [{ file: 'f', path: ['b'], reference: undefined, candidate: 2 }],
    ],
    ['a longer array', [1], [1, 2], [{ file: 'f', path: [1], reference: undefined, candidate: 2 }]],
    [
      'an object against an array',
      { a: {} },
      { a: [] },
      [{ file: 'f', path: ['a'], reference: {}, candidate: [] }],
    ],
    [
      'a number against its string',
      { a: 1 },
      { a: '1' },
      [{ file: 'f', path: ['a'], reference: 1, candidate: '1' }],
    ],
    [
      'null against a missing key',
      { a: null },
      {},
      [{ file: 'f', path: ['a'], reference: null, candidate: undefined }],
    ],
  ])('%s', (_name, reference, candidate, expected) => {
    expect(jsonDifferences('f', reference, candidate)).toEqual(expected);
  });
});

describe('outDirDifferences', () => {
  function outDir(files: Record<string, unknown>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'norway-parity-'));
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), JSON.stringify(content));
    }
    return dir;
  }

  test('lists a stack on one side only, and differing leaves inside files on both', () => {
    // GIVEN two outputs that share one stack, one of them with a second stack
    const reference = outDir({ 'manifest.json': { version: '1' }, 'stacks/a/cdk.tf.json': { x: 1 } });
    const candidate = outDir({
      'manifest.json': { version: '2' },
      'stacks/a/cdk.tf.json': { x: 1 },
      'stacks/b/cdk.tf.json': {},
    });
    // WHEN / THEN
    expect(outDirDifferences(reference, candidate)).toEqual([
      { file: 'manifest.json', path: ['version'], reference: '1', candidate: '2' },
      { file: 'stacks/b/cdk.tf.json', path: [], reference: undefined, candidate: 'present' },
    ]);
  });

  test('fails when a directory is not a synthesized output', () => {
    const reference = outDir({ 'manifest.json': {} });
    expect(() => outDirDifferences(reference, tmpdir())).toThrow(/is not a cdktf.out \(no manifest.json\)/);
  });
});

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
}

const referenceDir = process.env.NORWAY_IAC_PARITY_REFERENCE;
const candidateDir = process.env.NORWAY_IAC_PARITY_CANDIDATE;

(referenceDir && candidateDir ? describe : describe.skip)(
  'default platform: cdktf against CDK Terrain',
  () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const framework = require('cdktf/package.json') as { name: string; version: string };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const azurerm = require('@cdktf/provider-azurerm/package.json') as {
      name: string;
      cdktn?: { provider: { version: string } };
    };

    test('this run is on CDK Terrain, one copy of it', () => {
      expect(framework.name).toBe('cdktn');
      expect(azurerm.name).toBe('@cdktn/provider-azurerm');
      // The azurerm bindings require `cdktn`, our code `cdktf`: both must load the same module.
      expect(realpathSync(path.dirname(require.resolve('cdktf/package.json')))).toBe(
        realpathSync(path.dirname(require.resolve('cdktn/package.json'))),
      );
    });

    test('differs only in the framework and azurerm provider versions (docs/cdktn.md)', () => {
      // GIVEN both outputs of `npm run synth`
      const differences = outDirDifferences(referenceDir!, candidateDir!);
      const stacks = Object.keys(readJson<{ stacks: object }>(referenceDir!, 'manifest.json').stacks).sort();
      // A stack without azurerm (an Entra ID stack: azuread keeps its cdktf build) pins no azurerm version.
      const pinsAzurerm = (stack: string) =>
        readJson<{ terraform?: { required_providers?: Record<string, unknown> } }>(
          referenceDir!,
          `stacks/${stack}/cdk.tf.json`,
        ).terraform?.required_providers?.azurerm !== undefined;
      // THEN every difference is one of the documented ones, with exactly these values, and each occurs
      const version = (file: string, at: string[], reference: string, candidate?: string): Difference => ({
        file,
        path: at,
        reference,
        candidate,
      });
      const expected = [
        version('manifest.json', ['version'], CDKTF.framework, framework.version),
        ...stacks.flatMap((stack) => [
          version(
            `stacks/${stack}/cdk.tf.json`,
            ['//', 'metadata', 'version'],
            CDKTF.framework,
            framework.version,
          ),
          ...(pinsAzurerm(stack)
            ? [
                version(
                  `stacks/${stack}/cdk.tf.json`,
                  ['terraform', 'required_providers', 'azurerm', 'version'],
                  CDKTF.azurerm,
                  azurerm.cdktn?.provider.version,
                ),
              ]
            : []),
        ]),
      ];
      // The default platform: bootstrap, three platform stacks, six workload stacks, all on azurerm.
      expect(stacks.filter(pinsAzurerm).length).toBeGreaterThanOrEqual(10);
      expect(differences).toEqual(expected);
    });
  },
);
