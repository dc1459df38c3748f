/** Unit and integration tests. Browser components (*.test.tsx) run in jsdom, everything else in node. */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } },
  ],
};
const transformIgnorePatterns = ['/node_modules/(?!(uuid)/)'];
/** The host maps `@kbn/*` specifiers the plugin imports (workflow-engine §0), as tsconfig `paths` does for tsc, tsx and esbuild. */
const moduleNameMapper = { '^@kbn/workflows-extensions/(common|server|public)$': '<rootDir>/platform/plugins/workflows_extensions/$1/index.ts' };
const testPathIgnorePatterns = ['/node_modules/', '/test/e2e/', '/target/'];

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/**/*.test.ts'],
      testPathIgnorePatterns,
      transform,
      moduleNameMapper,
      transformIgnorePatterns,
    },
    {
      displayName: 'browser',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/**/*.test.tsx'],
      testPathIgnorePatterns,
      setupFilesAfterEnv: ['<rootDir>/test/setup_browser_tests.ts'],
      transform,
      moduleNameMapper,
      transformIgnorePatterns,
    },
  ],
};
