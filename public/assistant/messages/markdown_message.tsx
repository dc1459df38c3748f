/**
 * Assistant text as markdown (EuiMarkdownFormat, no raw HTML). G12: images are rendered as links and never
 * fetched, so a model cannot exfiltrate data through an image URL.
 */
import { EuiLink, EuiMarkdownFormat, getDefaultEuiMarkdownParsingPlugins, getDefaultEuiMarkdownProcessingPlugins } from '@elastic/eui';
import { useMemo, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { messages } from '../translations';

function ImageAsLink({ src, alt, label }: { src?: string; alt?: string; label: (text: string) => string }) {
  return (
    <EuiLink href={src} target="_blank" rel="noopener noreferrer nofollow" external data-test-subj="assistantImageLink">
      {label(alt || src || '')}
    </EuiLink>
  );
}

export function MarkdownMessage({ text, 'data-test-subj': testSubj }: { text: string; 'data-test-subj'?: string }) {
  const intl = useIntl();
  const { parsingPluginList, processingPluginList } = useMemo(() => {
    const processing = getDefaultEuiMarkdownProcessingPlugins({ exclude: ['tooltip'] });
    const rehypeOptions = processing[1][1];
    const label = (t: string) => intl.formatMessage(messages.imageLink, { label: t });
    rehypeOptions.components = {
      ...rehypeOptions.components,
      img: (props: { src?: string; alt?: string }): ReactNode => <ImageAsLink src={props.src} alt={props.alt} label={label} />,
    };
    return { parsingPluginList: getDefaultEuiMarkdownParsingPlugins({ exclude: ['tooltip'] }), processingPluginList: processing };
  }, [intl]);
  return (
    <EuiMarkdownFormat textSize="s" parsingPluginList={parsingPluginList} processingPluginList={processingPluginList} data-test-subj={testSubj}>
      {text}
    </EuiMarkdownFormat>
  );
}
