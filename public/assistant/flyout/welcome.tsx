/** §1.3 welcome and empty states W1–W6. */
import { EuiCallOut, EuiCard, EuiFlexGrid, EuiFlexItem, EuiIcon, EuiSkeletonText, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import { useIntl } from 'react-intl';
import { messages as t } from '../translations';
import type { WelcomeState } from './welcome_state';

const PROVIDER_TILES = [
  { id: 'openai', title: 'OpenAI', icon: 'sparkles' },
  { id: 'other', title: 'OpenAI-compatible / local', icon: 'compute' },
  { id: 'anthropic', title: 'Anthropic', icon: 'sparkles' },
  { id: 'bedrock', title: 'Amazon Bedrock', icon: 'logoAWS' },
  { id: 'gemini', title: 'Google Gemini', icon: 'logoGCP' },
] as const;

export function WelcomeCallouts({ state, defaultConnectorName, kbMode, onAddConnector, onStarter }: {
  state: WelcomeState;
  defaultConnectorName?: string;
  kbMode?: string;
  onAddConnector(provider: string): void;
  onStarter(prompt: string): void;
}) {
  const intl = useIntl();
  switch (state) {
    case 'loading':
      return <EuiSkeletonText lines={3} data-test-subj="assistantWelcomeLoading" />;
    case 'W1':
      return (
        <div data-test-subj="assistantWelcomeW1">
          <EuiTitle size="s">
            <h3>{intl.formatMessage(t.w1Title)}</h3>
          </EuiTitle>
          <EuiText size="s" color="subdued">
            <p>{intl.formatMessage(t.w1Body)}</p>
          </EuiText>
          <EuiSpacer size="m" />
          <EuiFlexGrid columns={3} gutterSize="s">
            {PROVIDER_TILES.map((tile) => (
              <EuiFlexItem key={tile.id}>
                <EuiCard
                  layout="horizontal"
                  icon={<EuiIcon type={tile.icon} size="l" />}
                  title={tile.title}
                  titleSize="xs"
                  description=""
                  onClick={() => onAddConnector(tile.id)}
                  data-test-subj={`assistantConnectorTile-${tile.id}`}
                />
              </EuiFlexItem>
            ))}
          </EuiFlexGrid>
        </div>
      );
    case 'W2':
      return <EuiCallOut color="warning" iconType="info" title={intl.formatMessage(t.w2)} data-test-subj="assistantWelcomeW2" />;
    case 'W3':
      return <EuiCallOut color="warning" iconType="lock" title={intl.formatMessage(t.w3)} data-test-subj="assistantWelcomeW3" />;
    case 'W4':
      return <EuiCallOut color="primary" iconType="eye" title={intl.formatMessage(t.w4)} data-test-subj="assistantWelcomeW4" />;
    case 'W6':
      return <EuiCallOut color="warning" iconType="warning" size="s" title={intl.formatMessage(t.w6, { name: defaultConnectorName ?? '—' })} data-test-subj="assistantWelcomeW6" />;
    case 'W5': {
      const tiles = [
        { id: 'alerts', title: t.tileAlerts, prompt: t.tileAlertsPrompt, icon: 'securitySignal' },
        { id: 'query', title: t.tileQuery, prompt: t.tileQueryPrompt, icon: 'search' },
        { id: 'knowledge', title: t.tileKnowledge, prompt: t.tileKnowledgePrompt, icon: 'documentation' },
        { id: 'suggest', title: t.tileSuggest, prompt: t.tileSuggestPrompt, icon: 'questionInCircle' },
      ];
      return (
        <div data-test-subj="assistantWelcomeW5">
          <EuiTitle size="s">
            <h3>{intl.formatMessage(t.w5Greeting)}</h3>
          </EuiTitle>
          {kbMode && (
            <EuiText size="xs" color="subdued">
              <p>{intl.formatMessage(t.w5KbHint, { mode: kbMode === 'semantic' ? 'semantic' : 'keyword' })}</p>
            </EuiText>
          )}
          <EuiSpacer size="m" />
          <EuiFlexGrid columns={2} gutterSize="s">
            {tiles.map((tile) => (
              <EuiFlexItem key={tile.id}>
                <EuiCard
                  layout="horizontal"
                  icon={<EuiIcon type={tile.icon} />}
                  title={intl.formatMessage(tile.title)}
                  titleSize="xs"
                  description={intl.formatMessage(tile.prompt)}
                  onClick={() => onStarter(intl.formatMessage(tile.prompt))}
                  data-test-subj={`assistantStarter-${tile.id}`}
                />
              </EuiFlexItem>
            ))}
          </EuiFlexGrid>
        </div>
      );
    }
    default:
      return null;
  }
}
