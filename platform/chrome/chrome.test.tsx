import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createBasePath, createHttpService, DEFAULT_APP_CATEGORIES, startCoreSystem, type BrowserPluginDescriptor, type CoreSetup, type CoreStart } from '../core/public';
import { createManagementRegistry } from '../plugins/management/public/registry';
import { LoginPage, safeNextUrl } from './login/login_page';
import { buildNavGroups } from './side_nav/nav_model';
import { Shell } from './shell/shell';

const metadata = {
  version: '9.1.0',
  basePath: '',
  spaceId: 'default',
  user: { username: 'elastic', roles: ['superuser'] },
  plugins: [{ id: 'demo' }, { id: 'disabled' }],
  featureFlags: { 'demo.flag': true },
};

function jsonFetch(status: number, body: unknown) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    // jsdom has no Response: the fields http.fetch reads are enough.
    return { ok: status < 300, status, statusText: '', headers: new Map([['content-type', 'application/json']]), text: async () => JSON.stringify(body) };
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

jest.setTimeout(60_000);

describe('browser shell', () => {
  it('loads plugins, mounts the app for the URL, renders nav controls and side nav, navigates and opens overlays', async () => {
    window.history.pushState(null, '', '/app/demo/page');
    const unmounted = jest.fn();
    const seen: { flag?: boolean; startServices?: CoreStart } = {};
    const demo: BrowserPluginDescriptor = {
      id: 'demo',
      requiredPlugins: [],
      optionalPlugins: [],
      load: async () => ({
        plugin: () => ({
          setup(core: CoreSetup) {
            core.application.register({
              id: 'demo',
              title: 'Demo App',
              category: DEFAULT_APP_CATEGORIES.security,
              deepLinks: [{ id: 'page', title: 'Demo page', path: '/page' }],
              mount: ({ element, history }) => {
                const render = () => (element.innerHTML = `<p data-test-subj="demoContent">demo ${history.location.pathname}</p>`);
                render();
                const stop = history.listen(render);
                return () => {
                  stop();
                  unmounted();
                };
              },
            });
            void core.getStartServices().then(([start]) => (seen.startServices = start));
            return {};
          },
          start(core: CoreStart) {
            seen.flag = core.featureFlags.getBooleanValue('demo.flag', false);
            core.chrome.navControls.registerRight({ mount: (el) => ((el.innerHTML = '<button data-test-subj="aiAssistantButton">AI Assistant</button>'), () => undefined) });
            return {};
          },
        }),
      }),
    };
    const { core } = await startCoreSystem({ metadata, win: window, plugins: [demo], fetchImpl: jsonFetch(200, {}).fetchImpl });
    render(<Shell core={core} />);

    expect((await screen.findByTestId('demoContent')).textContent).toBe('demo /page');
    expect(screen.getByTestId('aiAssistantButton')).toBeInTheDocument();
    expect(screen.getByTestId('kbnSideNav')).toHaveTextContent('Security');
    expect(screen.getByTestId('navLink-demo-page')).toHaveAttribute('href', '/app/demo/page');
    expect(screen.getByTestId('spaceBadge')).toHaveTextContent('default');
    expect(seen.flag).toBe(true);
    await waitFor(() => expect(seen.startServices).toBe(core));

    await act(async () => core.application.navigateToApp('demo', { path: '/other' }));
    expect(window.location.pathname).toBe('/app/demo/other');
    expect(screen.getByTestId('demoContent').textContent).toBe('demo /other');

    let confirmed: Promise<boolean> = Promise.resolve(false);
    act(() => {
      confirmed = core.overlays.openConfirm('Delete it?', { title: 'Really', confirmButtonText: 'Yes' });
    });
    fireEvent.click(await screen.findByText('Yes'));
    await expect(confirmed).resolves.toBe(true);

    act(() => core.history.push('/app/unknown'));
    expect(await screen.findByTestId('appNotFoundPageContent')).toBeInTheDocument();
    await waitFor(() => expect(unmounted).toHaveBeenCalled());
  });

  it('reports a plugin failing during setup with its id', async () => {
    const broken: BrowserPluginDescriptor = {
      id: 'demo',
      requiredPlugins: [],
      optionalPlugins: [],
      load: async () => ({ plugin: () => ({ setup: () => { throw new Error('boom'); }, start: () => ({}) }) }),
    };
    await expect(startCoreSystem({ metadata, win: window, plugins: [broken] })).rejects.toThrow('Plugin "demo" failed during setup: boom');
  });

  it('login page posts credentials and shows a clear error on 401', async () => {
    const bad = jsonFetch(401, { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' });
    const onLoggedIn = jest.fn();
    const { unmount } = render(<LoginPage http={createHttpService({ basePath: createBasePath('', 'default'), fetchImpl: bad.fetchImpl })} onLoggedIn={onLoggedIn} />);
    fireEvent.change(screen.getByTestId('loginUsername'), { target: { value: 'elastic' } });
    fireEvent.change(screen.getByTestId('loginPassword'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByTestId('loginSubmit'));
    expect(await screen.findByTestId('loginErrorMessage')).toHaveTextContent('Username or password is incorrect');
    expect(bad.calls[0]?.url).toBe('/internal/security/login');
    expect(JSON.parse(String(bad.calls[0]?.init.body))).toEqual({ username: 'elastic', password: 'nope' });
    expect(onLoggedIn).not.toHaveBeenCalled();
    unmount();

    const good = jsonFetch(200, { username: 'elastic' });
    render(<LoginPage http={createHttpService({ basePath: createBasePath('', 'default'), fetchImpl: good.fetchImpl })} onLoggedIn={onLoggedIn} />);
    fireEvent.change(screen.getByTestId('loginUsername'), { target: { value: 'elastic' } });
    fireEvent.change(screen.getByTestId('loginPassword'), { target: { value: 'right' } });
    fireEvent.click(screen.getByTestId('loginSubmit'));
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledTimes(1));
  });

  it('pure helpers: safe next URLs, nav grouping, management registry', () => {
    expect(safeNextUrl('?next=%2Fapp%2Fsecurity%2Falerts', '/')).toBe('/app/security/alerts');
    expect(safeNextUrl('?next=//evil.example', '/')).toBe('/');
    expect(safeNextUrl('?next=https://evil.example', '/')).toBe('/');
    const groups = buildNavGroups(
      [
        { id: 'management', title: 'Stack Management', appRoute: '/app/management', category: DEFAULT_APP_CATEGORIES.management },
        { id: 'workflows', title: 'Workflows', appRoute: '/app/workflows', order: 2000, category: DEFAULT_APP_CATEGORIES.security },
        { id: 'securitySolutionUI', title: 'Security', appRoute: '/app/security', order: 1000, category: DEFAULT_APP_CATEGORIES.security, deepLinks: [{ id: 'alerts', title: 'Alerts', path: '/alerts' }] },
      ],
      (id, p) => `/app/${id}${p}`,
    );
    expect(groups.map((g) => [g.label, g.links.map((l) => l.title)])).toEqual([
      ['Security', ['Alerts', 'Workflows']],
      ['Management', ['Stack Management']],
    ]);
    const registry = createManagementRegistry();
    registry.register({ id: 'b', title: 'B', order: 2, mount: () => () => undefined });
    registry.register({ id: 'a', title: 'A', order: 1, mount: () => () => undefined });
    expect(registry.list().map((a) => a.id)).toEqual(['a', 'b']);
    expect(() => registry.register({ id: 'a', title: 'again', mount: () => () => undefined })).toThrow('Management app "a" is already registered');
  });
});
