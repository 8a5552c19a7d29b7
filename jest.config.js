/** The suites that start terraform against the stand-in provider. */
const TERRAFORM_SUITES = [
  '/__tests__/scripts/tf-plan.test.ts',
  '/__tests__/scripts/tf-plan.policy.test.ts',
  '/__tests__/tools/tf-stand-in/terraform.test.ts',
];

/** Jest runs TypeScript through @swc/jest (7x faster than ts-jest); `tsc --noEmit` type-checks once in `npm test`. */
module.exports = {
  testEnvironment: 'node',
  // One worker per core: the default (cores - 1) leaves one of CI's two cores idle.
  maxWorkers: '100%',
  // Tests live in __tests__/; a team's own `*.test.ts` next to its stacks or constructs is found too.
  roots: ['<rootDir>/__tests__', '<rootDir>/stacks', '<rootDir>/constructs'],
  testMatch: ['**/*.test.ts'],
  // Suites that run terraform itself (seconds per stack) run as `npm run test:terraform`, in CI after
  // `npm test`, so the main suite stays fast.
  testPathIgnorePatterns: ['/node_modules/', ...TERRAFORM_SUITES],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/__tests__/setup/fast-stack-traces.js'],
};
