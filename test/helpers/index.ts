export { startTestPlatform, REPO_ROOT, TEST_PASSWORD } from './start_test_platform';
export type { StartTestPlatformOptions, TestPlatform, TestRequestOptions, TestResponse } from './start_test_platform';
