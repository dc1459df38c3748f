/** Notes on one alert, rendered as markdown, with add and delete. */
import { EuiButton, EuiButtonIcon, EuiComment, EuiCommentList, EuiMarkdownFormat, EuiSpacer, EuiText, EuiTextArea } from '@elastic/eui';
import { useEffect, useState } from 'react';
import type { Note } from '../../common/api';
import type { AlertsApi } from '../api/alerts_api';

export function NotesTab({ alertId, api, onError }: { alertId: string; api: AlertsApi; onError(title: string, e: Error): void }) {
  const [notes, setNotes] = useState<Note[] | undefined>();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.getNotes([alertId]).then(
      (res) => !cancelled && setNotes(res.notes),
      (e: Error) => onError('Could not load notes', e),
    );
    return () => {
      cancelled = true;
    };
  }, [api, alertId, reload, onError]);

  const add = async () => {
    setBusy(true);
    try {
      await api.persistNote({ eventId: alertId, note: draft });
      setDraft('');
      setReload((r) => r + 1);
    } catch (e) {
      onError('Could not add the note', e as Error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (noteId: string) => {
    try {
      await api.deleteNote(noteId);
      setReload((r) => r + 1);
    } catch (e) {
      onError('Could not delete the note', e as Error);
    }
  };

  return (
    <div data-test-subj="alertNotes">
      {notes === undefined ? (
        <EuiText size="s">Loading notes…</EuiText>
      ) : notes.length === 0 ? (
        <EuiText size="s" color="subdued" data-test-subj="alertNotesEmpty">
          No notes yet.
        </EuiText>
      ) : (
        <EuiCommentList>
          {notes.map((n) => (
            <EuiComment
              key={n.noteId}
              username={n.updatedBy}
              timestamp={new Date(n.updated).toLocaleString()}
              event="added a note"
              actions={<EuiButtonIcon iconType="trash" aria-label="Delete note" color="danger" onClick={() => void remove(n.noteId)} />}
              data-test-subj="alertNote"
            >
              <EuiMarkdownFormat textSize="s">{n.note}</EuiMarkdownFormat>
            </EuiComment>
          ))}
        </EuiCommentList>
      )}
      <EuiSpacer />
      <EuiTextArea fullWidth placeholder="Add a note (markdown)" value={draft} onChange={(e) => setDraft(e.target.value)} rows={4} data-test-subj="alertNoteInput" aria-label="New note" />
      <EuiSpacer size="s" />
      <EuiButton size="s" onClick={() => void add()} isDisabled={!draft.trim()} isLoading={busy} data-test-subj="alertAddNote">
        Add note
      </EuiButton>
    </div>
  );
}
