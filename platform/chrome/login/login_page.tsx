/** The login form: POST /internal/security/login, then back to where the user wanted to go. */
import {
  EuiButton,
  EuiCallOut,
  EuiFieldPassword,
  EuiFieldText,
  EuiForm,
  EuiFormRow,
  EuiIcon,
  EuiPanel,
  EuiSpacer,
  EuiTitle,
} from '@elastic/eui';
import { useState, type FormEvent } from 'react';
import { HttpFetchError, type HttpSetup } from '../../core/public';

export const LOGIN_URL = '/internal/security/login';

/** Only same-site relative paths are followed after login (no open redirect). */
export function safeNextUrl(search: string, fallback: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return fallback;
  return next;
}

export function LoginPage({ http, onLoggedIn }: { http: HttpSetup; onLoggedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await http.post(LOGIN_URL, { body: { username, password }, prependBasePath: false });
      onLoggedIn();
    } catch (err) {
      const status = err instanceof HttpFetchError ? err.response?.status : undefined;
      setError(status === 401 ? 'Username or password is incorrect. Please try again.' : `Login failed: ${(err as Error).message}`);
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f7f8fc' }}>
      <EuiPanel style={{ width: 400 }} paddingSize="l" data-test-subj="loginForm">
        <div style={{ textAlign: 'center' }}>
          <EuiIcon type="logoElastic" size="xxl" />
          <EuiSpacer size="m" />
          <EuiTitle size="m">
            <h1>Welcome to Elastic</h1>
          </EuiTitle>
        </div>
        <EuiSpacer size="l" />
        {error && (
          <>
            <EuiCallOut color="danger" title={error} data-test-subj="loginErrorMessage" size="s" />
            <EuiSpacer size="m" />
          </>
        )}
        <EuiForm component="form" onSubmit={submit}>
          <EuiFormRow label="Username">
            <EuiFieldText name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} data-test-subj="loginUsername" autoFocus />
          </EuiFormRow>
          <EuiFormRow label="Password">
            <EuiFieldPassword name="password" type="dual" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} data-test-subj="loginPassword" />
          </EuiFormRow>
          <EuiSpacer size="m" />
          <EuiButton type="submit" fill fullWidth isLoading={busy} isDisabled={!username || !password} data-test-subj="loginSubmit">
            Log in
          </EuiButton>
        </EuiForm>
      </EuiPanel>
    </div>
  );
}
