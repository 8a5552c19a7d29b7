/** policies/cdktf/source-sites.ts: the file and line recorded for the code that created a construct. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runInThisContext } from 'node:vm';
import { App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import {
  creationSite,
  recordCreationSites,
  useSourceMapper,
  writeCreationSites,
} from '../../policies/cdktf/source-sites';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { loadCdktfOut } from '../../policies/model/load-cdktf-out';
import { checkModels } from '../../policies/engine/engine';
import { RES_001 } from '../../policies/rules/residency/res-001-norway-location';
import { NorwayStack } from '../../stacks/norway-stack';
import { TODAY } from '../helpers/today';

// jest's swc transform does not map stack frames back to TypeScript lines (main.ts under ts-node does;
// __tests__/stacks/extensions.test.ts checks that end to end). So the constructs whose line is asserted
// are created by plain JavaScript run under a file name of our choosing: the lines V8 reports for it are
// the lines written below, and `lineOf` reads the expected line from this text.
const ROOT = '/src/norway-iac';
const WORKLOAD_FILE = `${ROOT}/stacks/workload.js`;
const LIBRARY_FILE = `${ROOT}/node_modules/construct-library/index.js`;

const WORKLOAD_JS = `(({ Construct, ResourceGroup, StorageAccount, DataAzurermClientConfig, TerraformOutput, library }) => {
  class Workload extends Construct {
    constructor(scope, id) {
      super(scope, id);
      const rg = new ResourceGroup(this, 'rg', { name: 'rg-' + id, location: 'norwayeast' });
      new StorageAccount(this, 'sa', {
        name: 'st' + id,
        location: rg.location,
        resourceGroupName: rg.name,
        accountTier: 'Standard',
        accountReplicationType: 'ZRS',
      });
    }
  }
  class ArchiveWorkload extends Workload {}
  function namedResourceGroup(stack, id) {
    return new ResourceGroup(stack, id, { name: 'rg-' + id, location: 'norwayeast' }); // site: helper
  }
  return {
    resourceGroup: (stack, id, location = 'norwayeast') =>
      new ResourceGroup(stack, id, { name: 'rg-' + id, location }), // site: resourceGroup
    workload: (stack, id) => new Workload(stack, id), // site: workload
    archive: (stack, id) => new ArchiveWorkload(stack, id), // site: archive
    clientConfig: (stack, id) => new DataAzurermClientConfig(stack, id), // site: clientConfig
    output: (stack, id) => new TerraformOutput(stack, id, { value: id }), // site: output
    helped: (stack, id) => namedResourceGroup(stack, id),
    fromLibrary: (stack, id) => library.resourceGroup(stack, id), // site: fromLibrary
    deepInLibrary: (stack, id) => library.deep(60, stack, id),
  };
})`;

const LIBRARY_JS = `(({ ResourceGroup }) => ({
  resourceGroup: (stack, id) => new ResourceGroup(stack, id, { name: 'rg-' + id, location: 'norwayeast' }),
  deep: function deep(depth, stack, id) {
    return depth === 0
      ? new ResourceGroup(stack, id, { name: 'rg-' + id, location: 'norwayeast' })
      : deep(depth - 1, stack, id);
  },
}))`;

type Factory = (stack: Construct, id: string, location?: string) => IConstruct;
type Workloads = Record<
  | 'resourceGroup'
  | 'workload'
  | 'archive'
  | 'clientConfig'
  | 'output'
  | 'helped'
  | 'fromLibrary'
  | 'deepInLibrary',
  Factory
>;

const classes = { Construct, ResourceGroup, StorageAccount, DataAzurermClientConfig, TerraformOutput };
const library = (runInThisContext(LIBRARY_JS, { filename: LIBRARY_FILE }) as (c: typeof classes) => unknown)(
  classes,
);
const workloads = (runInThisContext(WORKLOAD_JS, { filename: WORKLOAD_FILE }) as (c: object) => Workloads)({
  ...classes,
  library,
});

/** The 1-based line of WORKLOAD_JS that carries `// site: <marker>`. */
function lineOf(marker: string): number {
  const index = WORKLOAD_JS.split('\n').findIndex((line) => line.endsWith(`// site: ${marker}`));
  if (index < 0) throw new Error(`no line marked ${marker}`);
  return index + 1;
}

/** A stack whose sites are recorded relative to `root`. */
function recordedStack(app: App, id: string, root: string = ROOT): TerraformStack {
  const stack = new TerraformStack(app, id);
  recordCreationSites(stack, root);
  return stack;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON is read by path
type TerraformJson = Record<string, any>;

/** `"//".norway_policy.source` of every resource and data source, by construct path. */
function sourcesByPath(json: TerraformJson): Record<string, unknown> {
  const blocks = [json.resource, json.data].flatMap((section) =>
    Object.values(section ?? {}).flatMap((byName) => Object.values(byName as TerraformJson)),
  );
  return Object.fromEntries(
    blocks.map((body: TerraformJson) => [body['//'].metadata.path, body['//'].norway_policy?.source]),
  );
}

const WORKLOAD = 'stacks/workload.js';

describe('recordCreationSites', () => {
  const app = Testing.app();

  test('records the file and line of the code that created a construct added to the stack', () => {
    const stack = recordedStack(app, 'direct');
    const rg = workloads.resourceGroup(stack, 'rg');
    expect(creationSite(rg)).toEqual({ file: WORKLOAD, line: lineOf('resourceGroup') });
  });

  test.each([
    ['the line that creates a construct class, not its constructor', 'workload', 'workload'],
    ['the line that creates a subclass, past both constructors', 'archive', 'archive'],
    ['the line in a helper function that calls new, not the helper’s caller', 'helped', 'helper'],
    [
      'the line that calls a construct library, not the library in node_modules',
      'fromLibrary',
      'fromLibrary',
    ],
    ['the line that creates a data source', 'clientConfig', 'clientConfig'],
  ] as const)('records %s', (_, factory, marker) => {
    const stack = recordedStack(app, `site-${factory}`);
    const construct = workloads[factory](stack, 'x');
    expect(creationSite(construct)).toEqual({ file: WORKLOAD, line: lineOf(marker) });
  });

  test.each([
    [ROOT, 'stacks/workload.js'],
    [`${ROOT}/`, 'stacks/workload.js'],
    [`${ROOT}/stacks`, 'workload.js'],
    [`${ROOT}/tools`, '../stacks/workload.js'],
    ['/elsewhere', '../src/norway-iac/stacks/workload.js'],
  ])('with root %s the file is recorded as %s', (root, file) => {
    const stack = recordedStack(app, `root-${root.replace(/\W/g, '-')}`, root);
    expect(creationSite(workloads.resourceGroup(stack, 'rg'))).toEqual({
      file,
      line: lineOf('resourceGroup'),
    });
  });

  test('the root defaults to the working directory synth runs in', () => {
    const file = path.join(process.cwd(), 'stacks', 'in-project.js');
    const inProject = (runInThisContext(WORKLOAD_JS, { filename: file }) as (c: object) => Workloads)({
      ...classes,
      library,
    });
    const stack = new TerraformStack(app, 'default-root');
    recordCreationSites(stack);
    expect(creationSite(inProject.resourceGroup(stack, 'rg'))).toEqual({
      file: 'stacks/in-project.js',
      line: lineOf('resourceGroup'),
    });
  });

  test('a construct created in this test file is recorded at this file, relative to the project root', () => {
    const stack = new TerraformStack(app, 'this-file');
    recordCreationSites(stack);
    const rg = new ResourceGroup(stack, 'rg', { name: 'rg-here', location: 'norwayeast' });
    // Under jest the line is the transpiled one (see the top of this file); the file is exact.
    expect(creationSite(rg)).toEqual({
      file: '__tests__/cdktf/source-sites.test.ts',
      line: expect.any(Number),
    });
  });

  test('records nothing for a construct added before the stack was hooked', () => {
    const stack = new TerraformStack(app, 'late-hook');
    const early = workloads.resourceGroup(stack, 'early');
    recordCreationSites(stack, ROOT);
    const late = workloads.resourceGroup(stack, 'late');
    expect([creationSite(early), creationSite(late)]).toEqual([
      undefined,
      { file: WORKLOAD, line: lineOf('resourceGroup') },
    ]);
  });

  test('records only the constructs added directly to the stack, not those below them', () => {
    const stack = recordedStack(app, 'top-level-only');
    const workload = workloads.workload(stack, 'app');
    expect(creationSite(workload)).toEqual({ file: WORKLOAD, line: lineOf('workload') });
    expect(workload.node.findAll().map((c) => [c.node.path, creationSite(c)])).toEqual([
      ['top-level-only/app', { file: WORKLOAD, line: lineOf('workload') }],
      ['top-level-only/app/rg', undefined],
      ['top-level-only/app/sa', undefined],
    ]);
  });

  test('records nothing when every frame it looks at is inside node_modules', () => {
    // The library recurses past the 40 frames read, so no frame outside node_modules is seen.
    const stack = recordedStack(app, 'deep');
    const rg = workloads.deepInLibrary(stack, 'deep');
    expect(rg.node.path).toBe('deep/deep');
    expect(creationSite(rg)).toBeUndefined();
  });

  test('hooking a stack leaves its construct tree as it was', () => {
    const stack = recordedStack(app, 'tree');
    workloads.resourceGroup(stack, 'rg');
    workloads.workload(stack, 'app');
    expect(stack.node.children.map((c) => c.node.id)).toEqual(['rg', 'app']);
    expect(stack.node.findChild('app').node.children.map((c) => c.node.id)).toEqual(['rg', 'sa']);
  });
});

// Anonymous construct classes, created from anonymous arrow functions (the callbacks of map).
const ANONYMOUS_FILE = `${ROOT}/stacks/anonymous.js`;
const ANONYMOUS_JS = `(({ Construct, ResourceGroup }) => {
  const Spare = [class extends Construct {
    constructor(scope, id) {
      super(scope, id);
    }
  }][0];
  const Named = class Named extends Construct {};
  return {
    inline: (stack, id) => [id].map((i) => new (class extends Construct {})(stack, i))[0], // site: inline
    elsewhere: (stack, id) => [id].map((i) => new Spare(stack, i))[0], // site: elsewhere
    overNamed: (stack, id) => [id].map((i) => new (class extends Named {})(stack, i))[0], // site: overNamed
    namedOver: (stack, id) => [id].map((i) => new (class Outer extends Spare {})(stack, i))[0], // site: namedOver
    twoAnonymous: (stack, id) => [id].map((i) => new (class extends Spare {})(stack, i))[0],
    fromAnonymous: (stack, id) =>
      [id].map(
        (i) =>
          new (class extends Construct {
            constructor(scope, inner) {
              super(scope, inner + '-group');
              new ResourceGroup(stack, inner, { name: 'rg-' + inner, location: 'norwayeast' }); // site: fromAnonymous
            }
          })(stack, i),
      )[0],
  };
})`;
const anonymous = (
  runInThisContext(ANONYMOUS_JS, { filename: ANONYMOUS_FILE }) as (c: object) => Record<string, Factory>
)(classes);
const anonymousLine = (marker: string) =>
  ANONYMOUS_JS.split('\n').findIndex((line) => line.endsWith(`// site: ${marker}`)) + 1;

describe('recordCreationSites with anonymous construct classes', () => {
  const app = Testing.app();
  const ANONYMOUS = 'stacks/anonymous.js';

  test.each([
    ['an anonymous class created where it is written', 'inline'],
    ['an anonymous class written elsewhere: the line of the new, not of the class', 'elsewhere'],
    ['an anonymous class extending a named one', 'overNamed'],
    ['a named class extending an anonymous one', 'namedOver'],
  ])('records the line of the new for %s', (_, factory) => {
    const stack = recordedStack(app, `anonymous-${factory}`);
    expect(creationSite(anonymous[factory](stack, 'x'))).toEqual({
      file: ANONYMOUS,
      line: anonymousLine(factory),
    });
  });

  test('records nothing for an anonymous class extending another anonymous one: its frames cannot be told from a caller’s', () => {
    const stack = recordedStack(app, 'anonymous-two');
    expect(creationSite(anonymous.twoAnonymous(stack, 'x'))).toBeUndefined();
  });

  test('a construct created in an anonymous class’s constructor is recorded there, and the anonymous one at its new', () => {
    const stack = recordedStack(app, 'anonymous-caller');
    const outer = anonymous.fromAnonymous(stack, 'x');
    expect([creationSite(outer), creationSite(stack.node.findChild('x'))]).toEqual([
      { file: ANONYMOUS, line: anonymousLine('fromAnonymous') - 3 },
      { file: ANONYMOUS, line: anonymousLine('fromAnonymous') },
    ]);
  });
});

describe('creationSite', () => {
  const app = Testing.app();

  test('is undefined for a stack, and for a construct of a stack that was never hooked', () => {
    const stack = new TerraformStack(app, 'plain');
    const rg = workloads.resourceGroup(stack, 'rg');
    expect([creationSite(stack), creationSite(rg)]).toEqual([undefined, undefined]);
  });

  test('is recorded for a construct that is not a resource (an output)', () => {
    const stack = recordedStack(app, 'output');
    expect(creationSite(workloads.output(stack, 'out'))).toEqual({ file: WORKLOAD, line: lineOf('output') });
  });
});

describe('useSourceMapper', () => {
  const app = Testing.app();
  const saved = Error.prepareStackTrace;
  afterEach(() => {
    useSourceMapper(undefined);
    Error.prepareStackTrace = saved;
  });

  let stacks = 0;
  /** The site recorded for a resource group the workload file creates, with `prepare` as the mapper. */
  function siteWith(prepare: Parameters<typeof useSourceMapper>[0]) {
    useSourceMapper(prepare);
    const stack = recordedStack(app, `mapper-${++stacks}`);
    return creationSite(workloads.resourceGroup(stack, 'rg'));
  }

  test.each([
    [
      'a named frame',
      `Error\n    at build (${ROOT}/stacks/data.ts:42:7)`,
      { file: 'stacks/data.ts', line: 42 },
    ],
    [
      'a constructor frame',
      `Error\n    at new Data (${ROOT}/stacks/data.ts:42:7)`,
      { file: 'stacks/data.ts', line: 42 },
    ],
    ['an anonymous frame', `Error\n    at ${ROOT}/stacks/data.ts:42:7`, { file: 'stacks/data.ts', line: 42 }],
    [
      'a module’s top-level code',
      `Error\n    at Object.<anonymous> (${ROOT}/main.ts:9:1)`,
      { file: 'main.ts', line: 9 },
    ],
    [
      'a path with spaces',
      `Error\n    at build (${ROOT}/my stacks/data.ts:7:3)`,
      { file: 'my stacks/data.ts', line: 7 },
    ],
    [
      'a path with parentheses',
      `Error\n    at build (/src/app (copy)/stacks/data.ts:42:7)`,
      { file: '../app (copy)/stacks/data.ts', line: 42 },
    ],
    [
      'an anonymous frame in a path with parentheses',
      `Error\n    at /src/app (copy)/stacks/data.ts:42:7`,
      { file: '../app (copy)/stacks/data.ts', line: 42 },
    ],
    [
      'a frame after a message line',
      `Error: mapped\n    at build (${ROOT}/stacks/data.ts:120:5)`,
      { file: 'stacks/data.ts', line: 120 },
    ],
  ])('records the mapped position of %s', (_, mapped, site) => {
    expect(siteWith(() => mapped)).toEqual(site);
  });

  test.each([
    ['nothing', ''],
    ['a message without frames', 'Error'],
    ['a native frame', 'Error\n    at build (native)'],
    ['a frame without a position', 'Error\n    at build (<anonymous>)'],
    ['a non-string', undefined],
  ])('falls back to the unmapped position when the mapper returns %s', (_, mapped) => {
    expect(siteWith(() => mapped)).toEqual({
      file: WORKLOAD,
      line: lineOf('resourceGroup'),
    });
  });

  test('with the root holding parentheses, a mapped frame there is recorded relative to it', () => {
    useSourceMapper(() => 'Error\n    at build (/src/app (copy)/stacks/data.ts:42:7)');
    const stack = recordedStack(app, 'mapper-copy', '/src/app (copy)');
    expect(creationSite(workloads.resourceGroup(stack, 'rg'))).toEqual({ file: 'stacks/data.ts', line: 42 });
  });

  test('records nothing when the mapped position has no line', () => {
    expect(siteWith(() => `Error\n    at build (${ROOT}/stacks/data.ts:0:0)`)).toBeUndefined();
  });

  test('the mapper is given a fresh error and exactly the creation frame', () => {
    const calls: unknown[] = [];
    siteWith((error, frames) => {
      calls.push([error instanceof Error, frames.map((f) => [f.getFileName(), f.getLineNumber()])]);
      return '';
    });
    expect(calls).toEqual([[true, [[WORKLOAD_FILE, lineOf('resourceGroup')]]]]);
  });

  test('the mapper is preferred to Error.prepareStackTrace, which serves when there is none', () => {
    Error.prepareStackTrace = () => `Error\n    at ambient (${ROOT}/ambient.ts:3:1)`;
    expect(siteWith(() => `Error\n    at kept (${ROOT}/kept.ts:5:1)`)).toEqual({
      file: 'kept.ts',
      line: 5,
    });
    expect(siteWith(undefined)).toEqual({ file: 'ambient.ts', line: 3 });
  });

  test('with neither a mapper nor Error.prepareStackTrace the frame’s own position is recorded', () => {
    Reflect.deleteProperty(Error, 'prepareStackTrace');
    expect(siteWith(undefined)).toEqual({ file: WORKLOAD, line: lineOf('resourceGroup') });
  });
});

describe('writeCreationSites', () => {
  const app = Testing.app();

  test('writes each resource’s site, its top-level construct’s, into its "//" metadata', () => {
    const stack = recordedStack(app, 'written');
    workloads.resourceGroup(stack, 'rg');
    workloads.workload(stack, 'app');
    writeCreationSites(stack);
    expect(sourcesByPath(stack.toTerraform())).toEqual({
      'written/rg': { file: WORKLOAD, line: lineOf('resourceGroup') },
      'written/app/rg': { file: WORKLOAD, line: lineOf('workload') },
      'written/app/sa': { file: WORKLOAD, line: lineOf('workload') },
    });
  });

  test('the loader reads the written site as each resource’s creation site', () => {
    const stack = recordedStack(app, 'loaded');
    workloads.resourceGroup(stack, 'rg');
    workloads.archive(stack, 'archive');
    writeCreationSites(stack);
    const model = loadTerraformJson(stack.toTerraform(), { file: 'stack loaded', stack: 'loaded' });
    expect(model.resources.map((r) => [r.address, r.source.constructPath, r.source.creation])).toEqual([
      ['azurerm_resource_group.rg', 'loaded/rg', { file: WORKLOAD, line: lineOf('resourceGroup') }],
      [
        'azurerm_resource_group.archive_rg_A8F1D233',
        'loaded/archive/rg',
        { file: WORKLOAD, line: lineOf('archive') },
      ],
      [
        'azurerm_storage_account.archive_sa_4D79D949',
        'loaded/archive/sa',
        { file: WORKLOAD, line: lineOf('archive') },
      ],
    ]);
  });

  test('writes no site for resources whose top-level construct has none, and nothing outside resources', () => {
    const stack = new TerraformStack(app, 'unknown');
    workloads.resourceGroup(stack, 'early');
    recordCreationSites(stack, ROOT);
    workloads.deepInLibrary(stack, 'deep');
    workloads.resourceGroup(stack, 'known');
    new TerraformOutput(stack, 'out', { value: 'x' });
    writeCreationSites(stack);
    const json = stack.toTerraform();
    expect(sourcesByPath(json)).toEqual({
      'unknown/early': undefined,
      'unknown/deep': undefined,
      'unknown/known': { file: WORKLOAD, line: lineOf('resourceGroup') },
    });
    expect(json.output.out).toEqual({ value: 'x' });
    const model = loadTerraformJson(json, { file: 'stack unknown', stack: 'unknown' });
    expect(model.resources.map((r) => [r.address, r.source.creation])).toEqual([
      ['azurerm_resource_group.early', undefined],
      ['azurerm_resource_group.deep', undefined],
      ['azurerm_resource_group.known', { file: WORKLOAD, line: lineOf('resourceGroup') }],
    ]);
  });

  test('writes a data source’s site into its "//" too, and the loader reads it', () => {
    const stack = recordedStack(app, 'data');
    workloads.clientConfig(stack, 'cc');
    workloads.resourceGroup(stack, 'rg');
    writeCreationSites(stack);
    const json = stack.toTerraform();
    expect(sourcesByPath(json)).toEqual({
      'data/cc': { file: WORKLOAD, line: lineOf('clientConfig') },
      'data/rg': { file: WORKLOAD, line: lineOf('resourceGroup') },
    });
    const model = loadTerraformJson(json, { file: 'stack data', stack: 'data' });
    expect(model.resources.map((r) => [r.address, r.source.constructPath, r.source.creation])).toEqual([
      ['azurerm_resource_group.rg', 'data/rg', { file: WORKLOAD, line: lineOf('resourceGroup') }],
      ['data.azurerm_client_config.cc', 'data/cc', { file: WORKLOAD, line: lineOf('clientConfig') }],
    ]);
  });

  test('writing twice leaves the same JSON', () => {
    const stack = recordedStack(app, 'twice');
    workloads.workload(stack, 'app');
    writeCreationSites(stack);
    const once = JSON.stringify(stack.toTerraform());
    writeCreationSites(stack);
    expect(JSON.stringify(stack.toTerraform())).toBe(once);
  });
});

describe('creation sites through NorwayStack and synth', () => {
  test('cdk.tf.json carries each resource’s site and a finding on it points at that line', () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'source-sites-'));
    const app = new App({ outdir, stackTraces: false });
    const file = path.join(process.cwd(), 'stacks', 'synth-workload.js');
    const inProject = (runInThisContext(WORKLOAD_JS, { filename: file }) as (c: object) => Workloads)({
      ...classes,
      library,
    });
    const stack = new NorwayStack(app, 'sited', {
      region: 'norwayeast',
      bootstrap: true,
      policy: { today: TODAY, rules: [] },
    });
    inProject.resourceGroup(stack, 'abroad', 'westeurope');
    inProject.workload(stack, 'app');
    inProject.clientConfig(stack, 'cc');
    app.synth();

    const site = (marker: string) => ({ file: 'stacks/synth-workload.js', line: lineOf(marker) });
    const json = JSON.parse(readFileSync(path.join(outdir, 'stacks/sited/cdk.tf.json'), 'utf8'));
    expect(sourcesByPath(json)).toEqual({
      'sited/abroad': site('resourceGroup'),
      'sited/app/rg': site('workload'),
      'sited/app/sa': site('workload'),
      'sited/cc': site('clientConfig'),
    });
    expect(
      loadCdktfOut(outdir)[0].resources.find((r) => r.address === 'data.azurerm_client_config.cc')?.source
        .creation,
    ).toEqual(site('clientConfig'));
    const report = checkModels(loadCdktfOut(outdir), { rules: [RES_001], today: TODAY });
    expect(report.findings.map((f) => [f.ruleId, f.address, f.creation])).toEqual([
      ['RES-001', 'azurerm_resource_group.abroad', site('resourceGroup')],
    ]);
  });
});
