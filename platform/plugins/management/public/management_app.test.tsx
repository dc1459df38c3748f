import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createBrowserHistory, createChromeService, createScopedHistory, type AppMountParameters, type CoreStart } from '../../../core/public';
import { ManagementAppRoot } from './management_app';
import { createManagementRegistry } from './registry';

jest.setTimeout(60_000);

describe('Stack Management app', () => {
  it('lists registered settings apps and mounts the selected one with its own history and breadcrumbs', async () => {
    window.history.pushState(null, '', '/app/management');
    const browserHistory = createBrowserHistory(window);
    const chrome = createChromeService(document);
    const core = { chrome } as unknown as CoreStart;
    const registry = createManagementRegistry();
    const unmount = jest.fn();
    registry.register({
      id: 'securityAiAssistant',
      title: 'AI Assistant',
      mount: ({ element, basePath, history, setBreadcrumbs }) => {
        element.innerHTML = `<p data-test-subj="aiSettings">settings at ${basePath} ${history.location.pathname}</p>`;
        setBreadcrumbs([{ text: 'Connectors' }]);
        return unmount;
      },
    });
    const params: AppMountParameters = {
      element: document.createElement('div'),
      appBasePath: '/app/management',
      history: createScopedHistory(browserHistory, '/app/management'),
      setHeaderActionMenu: () => undefined,
    };
    render(<ManagementAppRoot core={core} registry={registry} params={params} />);
    fireEvent.click(await screen.findByTestId('managementCard-securityAiAssistant'));
    expect(window.location.pathname).toBe('/app/management/securityAiAssistant');
    await waitFor(() => expect(screen.getByTestId('aiSettings')).toHaveTextContent('settings at /app/management/securityAiAssistant /'));
    let crumbs: string[] = [];
    chrome.getBreadcrumbs$().subscribe((b) => (crumbs = b.map((c) => c.text))).unsubscribe();
    expect(crumbs).toEqual(['Stack Management', 'AI Assistant', 'Connectors']);
    expect(document.title).toBe('AI Assistant - Stack Management - Elastic');

    act(() => browserHistory.push('/app/management/unknownApp'));
    expect(await screen.findByTestId('managementAppNotFound')).toHaveTextContent('No settings app "unknownApp" is registered.');
    await waitFor(() => expect(unmount).toHaveBeenCalled());
  });
});
