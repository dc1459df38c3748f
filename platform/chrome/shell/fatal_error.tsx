import { EuiButton, EuiCallOut, EuiCodeBlock, EuiPageTemplate, EuiProvider } from '@elastic/eui';
import { EuiThemeBorealis } from '@elastic/eui-theme-borealis';

/** Shown when the browser core or a plugin cannot start: the message names what failed. */
export function FatalError({ error }: { error: Error }) {
  return (
    <EuiProvider theme={EuiThemeBorealis} colorMode="light">
      <EuiPageTemplate>
        <EuiPageTemplate.Section>
          <EuiCallOut color="danger" iconType="error" title="Something went wrong while loading Elastic" data-test-subj="fatalErrorCallout">
            <EuiCodeBlock language="text" paddingSize="s" transparentBackground>
              {error.message}
            </EuiCodeBlock>
            <EuiButton color="danger" onClick={() => window.location.reload()}>
              Reload page
            </EuiButton>
          </EuiCallOut>
        </EuiPageTemplate.Section>
      </EuiPageTemplate>
    </EuiProvider>
  );
}
