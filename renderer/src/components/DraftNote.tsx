import { useTranslation } from 'react-i18next';
import { formatTime } from '../format';
import type { DraftControl } from '../hooks/useDraft';

/** Says that the form shows an unsaved entry brought back (after a lock, a crash…), with a way to drop it. */
export function DraftNote({ draft }: { draft: DraftControl }) {
  const { t } = useTranslation();
  if (!draft.restoredAt) return null;
  return (
    <div className="alert alert--info draft-note" role="status">
      {t('workday.draftRestored', { time: formatTime(draft.restoredAt) })}{' '}
      <button type="button" className="link" onClick={draft.discard}>
        {t('workday.draftDiscard')}
      </button>
    </div>
  );
}
