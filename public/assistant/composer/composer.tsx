/**
 * §1.5 composer: Enter sends, Shift+Enter is a newline, nothing happens while an IME composes. The draft
 * lives in sessionStorage per conversation; a failed send puts the text back (the service bumps
 * `composerRevision`, which remounts this with the restored text).
 */
import { EuiButton, EuiFlexGroup, EuiFlexItem, EuiTextArea } from '@elastic/eui';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { isSendKey, useAssistantService } from '../service';
import { messages as t } from '../translations';

export interface ComposerProps {
  conversationKey: string;
  disabled: boolean;
  canSend: boolean;
  streaming: boolean;
  hasContexts: boolean;
  onSend(text: string): void;
  onStop(): void;
}

export function Composer({ conversationKey, disabled, canSend, streaming, hasContexts, onSend, onStop }: ComposerProps) {
  const intl = useIntl();
  const service = useAssistantService();
  const [text, setText] = useState(() => service.getComposerText(conversationKey));
  const ref = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  const change = (value: string) => {
    setText(value);
    service.setComposerText(conversationKey, value);
  };
  const sendable = canSend && !streaming && !disabled && (text.trim() !== '' || hasContexts);
  const send = () => {
    if (!sendable) return;
    const value = text;
    setText('');
    onSend(value);
  };

  return (
    <EuiFlexGroup gutterSize="s" alignItems="flexEnd" responsive={false}>
      <EuiFlexItem>
        <EuiTextArea
          inputRef={(el) => {
            ref.current = el;
          }}
          fullWidth
          resize="vertical"
          rows={2}
          style={{ minHeight: 64, maxHeight: 350 }}
          value={text}
          disabled={disabled}
          placeholder={intl.formatMessage(t.composerPlaceholder)}
          aria-label={intl.formatMessage(t.composerLabel)}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (isSendKey({ ...e, isComposing: e.nativeEvent.isComposing, keyCode: e.keyCode })) {
              e.preventDefault();
              send();
            }
          }}
          data-test-subj="assistantComposer"
        />
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        {streaming ? (
          <EuiButton color="danger" iconType="stop" onClick={onStop} data-test-subj="assistantStop">
            {intl.formatMessage(t.stop)}
          </EuiButton>
        ) : (
          <EuiButton fill iconType="kqlFunction" disabled={!sendable} onClick={send} data-test-subj="assistantSend">
            {intl.formatMessage(t.send)}
          </EuiButton>
        )}
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
