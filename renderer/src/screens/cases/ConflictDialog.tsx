import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../../shared/api/clientTypes';
import type { FieldError } from '../../../../shared/api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextAreaField } from '../../components/form/TextAreaField';
import { formatDate, fullName } from '../../format';

/**
 * The warning shown before a case is saved when its respondent may be a client of this office: the
 * matching records (a record the user may not see only as restricted), and the lawyer's decision —
 * save anyway with a reason, or cancel. Both decisions are audited by the server.
 */
export function ConflictDialog({
  matches,
  busy,
  error,
  onProceed,
  onCancel,
}: {
  matches: DuplicateCandidate[] | null;
  busy: boolean;
  error: FieldError | undefined;
  onProceed: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <ConfirmDialog open={matches !== null} title={t('protection.conflictTitle')} confirmLabel={t('protection.conflictProceed')} busy={busy} onConfirm={() => onProceed(reason)} onCancel={onCancel}>
      <p>{t('protection.conflictIntro')}</p>
      <ul className="list-plain conflict-matches" aria-label={t('protection.conflictTitle')}>
        {(matches ?? []).map((m) => (
          <li key={m.client.id}>
            {m.client.restricted ? (
              <strong>{t('protection.restrictedMatch')}</strong>
            ) : (
              <strong>{fullName(m.client)}</strong>
            )}{' '}
            <span className="muted small">
              {[formatDate(m.client.birthDate), m.client.phone, m.reasons.map((r) => t(`desk.matchReason.${r}`)).join(', ')].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <TextAreaField label={t('protection.conflictReason')} value={reason} onChange={setReason} error={error} required />
    </ConfirmDialog>
  );
}
