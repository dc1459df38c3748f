import { startTestPlatform } from '../test/helpers';
import type { TestPlatform } from '../test/helpers';
import { ASSISTANT_FEATURE_ID, FEATURE_FLAGS, INTERNAL_API_VERSION, ROUTES } from '../common/constants';
import type { AssistantStatus } from './plugin';

const version = { 'elastic-api-version': INTERNAL_API_VERSION };
const noRoles = { username: 'norole', password: 'norole-password' };
const viewer = { username: 'looker', password: 'looker-password' };

let kbn: TestPlatform;
beforeAll(async () => {
  kbn = await startTestPlatform({
    plugins: ['securityAiAssistant'],
    config: {
      [`feature_flags.overrides.${FEATURE_FLAGS.preinstalledWorkflowsEnabled.key}`]: true,
      'security.users': [
        { ...noRoles, roles: [] },
        { ...viewer, roles: ['viewer'] },
      ],
    },
  });
}, 60_000);
afterAll(() => kbn?.stop());

describe('securityAiAssistant plugin', () => {
  it('registers the assistant feature privilege', () => {
    const feature = kbn.platform.coreStart.features.getKibanaFeatures().find((f) => f.id === ASSISTANT_FEATURE_ID);
    expect(feature?.privileges?.read.api).toEqual(['securitySolutionAssistant-read']);
    expect(feature?.privileges?.all.api).toEqual([
      'securitySolutionAssistant-all',
      'securitySolutionAssistant-read',
      'securitySolutionAssistant-updateAnonymization',
      'securitySolutionAssistant-manageGlobalKnowledgeBase',
    ]);
  });

  it('reports which platform plugins exist and the feature flags (defaults and overrides)', async () => {
    const res = await kbn.get<AssistantStatus>(ROUTES.status, { headers: version });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      plugins: {
        actions: { available: false },
        workflowsExtensions: { available: false },
        workflowsManagement: { available: false },
        securitySolution: { available: false },
      },
      featureFlags: { registerAlertValidationStepsEnabled: true, preinstalledWorkflowsEnabled: true },
    });
    expect((await kbn.get(ROUTES.status, { headers: version, auth: viewer })).status).toBe(200);
  });

  it('requires the assistant privilege and an API version', async () => {
    const forbidden = await kbn.get<{ message: string }>(ROUTES.status, { headers: version, auth: noRoles });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toBe(
      `API [GET ${ROUTES.status}] is unauthorized for user, this action is granted by the Kibana privileges [securitySolutionAssistant-read]`
    );
    expect((await kbn.get(ROUTES.status)).status).toBe(400);
  });
});
