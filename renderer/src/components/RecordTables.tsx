import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/api/caseTypes';
import type { ConsultationSummary } from '../../../shared/api/consultationTypes';
import { formatDate } from '../format';
import { useEnumLabel } from '../hooks/useEnumOptions';
import { href } from '../router';

/** A short list of consultations (client page, case page). */
export function ConsultationTable({ rows, showClient = false }: { rows: ConsultationSummary[]; showClient?: boolean }) {
  const { t } = useTranslation();
  const issue = useEnumLabel('issue');
  const kind = useEnumLabel('consultationKind');
  const venue = useEnumLabel('venueKind');
  if (rows.length === 0) return <p className="empty">{t('clients.noConsultations')}</p>;
  return (
    <table className="simple">
      <thead>
        <tr>
          <th scope="col">{t('consultations.date')}</th>
          {showClient && <th scope="col">{t('consultations.client')}</th>}
          <th scope="col">{t('consultations.venue')}</th>
          <th scope="col">{t('consultations.issues')}</th>
          <th scope="col">{t('consultations.kind')}</th>
          <th scope="col">{t('consultations.lawyer')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td>{c.restricted ? formatDate(c.date) : <a href={href('consultations', c.id)}>{formatDate(c.date)}</a>}</td>
            {showClient && <td>{c.restricted ? <RestrictedMark /> : <a href={href('clients', c.clientId)}>{c.clientName}</a>}</td>}
            <td>
              {venue(c.venueKind)}
              {c.sessionCode ? ` · ${c.sessionCode}` : ''}
            </td>
            <td>{c.restricted && !showClient ? <RestrictedMark /> : c.issues.map(issue).join(', ')}</td>
            <td>{kind(c.kind)}</td>
            <td>{c.lawyerName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A short list of cases (client page). */
export function CaseTable({ rows }: { rows: CaseSummary[] }) {
  const { t } = useTranslation();
  const type = useEnumLabel('caseType');
  const status = useEnumLabel('caseStatus');
  if (rows.length === 0) return <p className="empty">{t('clients.noCases')}</p>;
  return (
    <table className="simple">
      <thead>
        <tr>
          <th scope="col">{t('cases.number')}</th>
          <th scope="col">{t('cases.type')}</th>
          <th scope="col">{t('cases.status')}</th>
          <th scope="col">{t('cases.openedOn')}</th>
          <th scope="col">{t('cases.courtCaseNumber')}</th>
          <th scope="col">{t('cases.nextHearing')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td>{c.restricted ? c.number : <a href={href('cases', c.id)}>{c.number}</a>}</td>
            <td>
              {type(c.caseType)}
              {c.restricted && (
                <>
                  {' · '}
                  <RestrictedMark />
                </>
              )}
            </td>
            <td>{status(c.status)}</td>
            <td>{formatDate(c.openedOn)}</td>
            <td>{c.courtCaseNumber}</td>
            <td>{formatDate(c.nextHearingOn)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** In place of what a restricted record would show (shared/domain/sensitivity.ts). */
export function RestrictedMark() {
  const { t } = useTranslation();
  return <span className="badge restricted-mark">{t('protection.restricted')}</span>;
}
