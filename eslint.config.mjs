import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdktf.out/', 'coverage/', 'reports/', '.stryker-tmp/', '__tests__/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@cdktf/provider-azurerm', message: "Import '@cdktf/provider-azurerm/lib/<resource>' (the barrel costs ~1 s and ~400 MB)." }] },
      ],
    },
  },
  {
    files: ['bin/*.js', 'scripts/*.js', '__tests__/setup/*.js', '*.js', '*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The policy engine must run without cdktf: plans and plain Terraform come from people who never used it.
    files: ['policies/azure/**', 'policies/model/**', 'policies/rules/**', 'policies/engine/**', 'policies/report/**', 'policies/reporters/**', 'policies/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Package names only: the pure `constructs/core/region.ts` (no cdktf import) is shared on purpose.
          patterns: [{ regex: '^(cdktf|constructs)(/|$)|^@cdktf/provider-', message: 'The policy engine must not depend on cdktf.' }],
        },
      ],
    },
  },
);
