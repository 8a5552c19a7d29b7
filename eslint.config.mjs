import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const providerBarrel = {
  name: '@cdktf/provider-azurerm',
  message: "Import '@cdktf/provider-azurerm/lib/<resource>' (the barrel costs ~1 s and ~400 MB).",
};
// Keeps the framework swappable (docs/cdktn.md): `@cdktf/hcl2json` is a standalone HCL parser, not the framework.
const frameworkBoundary = {
  regex: '^(cdktf|cdktn)(/|$)|^@(cdktf|cdktn)/(?!hcl2json(/|$))',
  message:
    'Import cdktf only under constructs/, stacks/, policies/cdktf/, main.ts, __tests__/ or bench/ (docs/cdktn.md).',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'cdktf.out/',
      'coverage/',
      'reports/',
      '.stryker-tmp/',
      '__tests__/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [providerBarrel], patterns: [frameworkBoundary] }],
    },
  },
  {
    // The framework (cdktf today, CDK Terrain through npm aliases) is imported only where infrastructure is built.
    files: ['constructs/**', 'stacks/**', 'policies/cdktf/**', 'main.ts', '__tests__/**', 'bench/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [providerBarrel] }] },
  },
  {
    files: ['bin/*.js', 'scripts/*.js', 'tools/config/*.js', '__tests__/setup/*.js', '*.js', '*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The policy engine must run without cdktf: plans and plain Terraform come from people who never used it.
    files: [
      'policies/azure/**',
      'policies/model/**',
      'policies/rules/**',
      'policies/engine/**',
      'policies/analysis/**',
      'policies/reporters/**',
      'policies/cli.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Package names only: the pure `constructs/core/region.ts` (no cdktf import) is shared on purpose.
          patterns: [
            frameworkBoundary,
            {
              regex: '^(cdktf|constructs)(/|$)|^@cdktf/provider-',
              message: 'The policy engine must not depend on cdktf.',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is given the rule set: it implements the rule API (rules/rule.ts) and imports only its types.
    files: ['policies/engine/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)rules(/(?!rule$).*)?$',
              message: 'The engine is given its rules (CheckOptions.rules); it must not import rule files.',
            },
            {
              regex: '(^|/)rules/rule$',
              allowTypeImports: true,
              message: 'The engine imports the rule API as types only (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    // Constructs are the library: stacks compose them and add the policy engine's suppressions
    // (stacks/*-approval.ts), so a construct imports neither.
    files: ['constructs/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(policies|stacks)(/|$)',
              message:
                'Constructs must not import policies/** or stacks/**: the stack adds suppressions and approvals (stacks/*-approval.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Reporters only format the engine result and its analysis: they load no model code, types included.
    files: ['policies/reporters/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)model(/|$)',
              message: 'Reporters only format: they must not import policies/model/** (types included).',
            },
            {
              // analysis/places and analysis/changes are pure; the other analysis modules and the engine
              // load the model at run time, so reporters take only their types.
              regex: '(^|/)(analysis/(?!(places|changes)$)[^/]+|engine/[^/]+)$',
              allowTypeImports: true,
              message:
                'Reporters import the analysis and the engine as types only (import type); pure helpers live in analysis/places.ts and analysis/changes.ts.',
            },
          ],
        },
      ],
    },
  },
);
