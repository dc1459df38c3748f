/**
 * The assistant's browser surfaces. Setup: the Stack Management settings app. Start: the AssistantService
 * (streams live outside React), the header button, the alert flyout "Chat" action, the global shortcut,
 * the `?assistant=<id>` deep link and the flyout root.
 */
import { QueryClient } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import type { CoreSetup, CoreStart } from '../platform/core/public';
import { createAssistantApi } from './api';
import { createAlertChatAction } from './assistant/alert_chat_action';
import { AssistantProviders } from './assistant/assistant_providers';
import { LazyAssistantFlyout } from './assistant/flyout/lazy_assistant_flyout';
import { createHeaderButton } from './assistant/header_button';
import { AssistantService, installToggleShortcut, isMacPlatform, takeDeepLink, type NavigatorLike } from './assistant/service';
import { createAssistantStartApi, type AssistantStartApi } from './assistant/start_api';
export type { AssistantStartApi } from './assistant/start_api';
import type { SecurityAiAssistantSetupDeps, SecurityAiAssistantStartDeps } from './plugin';
import { SETTINGS_APP_ID, mountSettingsApp } from './settings';

interface AssistantRuntime {
  service: AssistantService;
  queryClient: QueryClient;
  api: ReturnType<typeof createAssistantApi>;
  spaceId: string;
}

let runtime: Promise<AssistantRuntime> | undefined;
let resolveRuntime: ((r: AssistantRuntime) => void) | undefined;

function runtimePromise(): Promise<AssistantRuntime> {
  runtime ??= new Promise((resolve) => {
    resolveRuntime = resolve;
  });
  return runtime;
}

function createRuntime(core: CoreStart, ownerKey: string): AssistantRuntime {
  const api = createAssistantApi(core.http);
  const spaceId = core.spaces.getSpaceId();
  const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } });
  const service = new AssistantService({
    api,
    queryClient,
    stream: { basePath: core.http.basePath },
    spaceId,
    ownerKey,
    localStorage: window.localStorage,
    sessionStorage: window.sessionStorage,
  });
  return { service, queryClient, api, spaceId };
}

export function setupAssistantUi(core: CoreSetup<SecurityAiAssistantStartDeps>, plugins: SecurityAiAssistantSetupDeps): void {
  plugins.management?.registerApp({
    id: SETTINGS_APP_ID,
    title: 'AI Assistant for Security',
    order: 100,
    euiIconType: 'sparkles',
    mount: async (params) => {
      const [coreStart] = await core.getStartServices();
      const { service, queryClient, api, spaceId } = await runtimePromise();
      return mountSettingsApp(params, { api, spaceId, queryClient, service }, coreStart.notifications);
    },
  });
}

export function startAssistantUi(core: CoreStart, plugins: SecurityAiAssistantStartDeps): AssistantStartApi {
  const api = createAssistantStartApi(runtimePromise().then((rt) => rt.service));
  void core.security.authc.getCurrentUser().then(
    (user) => {
      const profileUid = (user as { profile_uid?: unknown }).profile_uid;
      start(core, plugins, typeof profileUid === 'string' && profileUid ? profileUid : user.username);
    },
    (error: Error) => core.notifications.toasts.addError(error, { title: 'The AI Assistant could not start' }),
  );
  return api;
}

function start(core: CoreStart, plugins: SecurityAiAssistantStartDeps, ownerKey: string): void {
  const rt = createRuntime(core, ownerKey);
  runtimePromise();
  resolveRuntime?.(rt);
  const { service } = rt;

  plugins.securitySolution?.registerHeaderAction({ id: 'securityAiAssistant', order: 10, Component: createHeaderButton(service) });
  plugins.securitySolution?.registerAlertFlyoutHeaderAction({ id: 'securityAiAssistantChat', order: 10, Component: createAlertChatAction(service) });

  // Cmd+; / Ctrl+; toggles from anywhere, inputs included (capture phase), but not while an IME composes.
  const mac = isMacPlatform(navigator as Navigator & NavigatorLike);
  installToggleShortcut(window, mac, () => service.toggle());
  window.addEventListener('pagehide', () => service.stopAll());

  const container = document.createElement('div');
  container.setAttribute('data-test-subj', 'assistantRoot');
  document.body.appendChild(container);
  createRoot(container).render(
    <AssistantProviders {...rt}>
      <LazyAssistantFlyout notifications={core.notifications} notesAvailable={plugins.securitySolution !== undefined} storage={window.localStorage} />
    </AssistantProviders>,
  );

  const deepLink = takeDeepLink(window);
  if (deepLink) service.open({ conversationId: deepLink });
}
