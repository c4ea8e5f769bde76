import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../../shared/api/types';
import { call } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../router';
import { FilingWizard } from './FilingWizard';
import { LegalRefsScreen } from './LegalRefsScreen';

/** #/filings (choose a case), #/filings/new/CASE_ID (the wizard), #/filings/legal (legal references). */
export function FilingsSection({ parts, status }: { parts: string[]; status: AppStatus }) {
  const [first, caseId] = parts;
  if (first === 'new' && caseId) return <FilingWizard key={caseId} caseId={caseId} />;
  if (first === 'legal') return <LegalRefsScreen status={status} />;
  return <FilingsHome status={status} />;
}

function FilingsHome({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const cases = useQuery({ queryKey: ['cases:list', 'filings'], queryFn: () => call('cases:list', { status: 'active', limit: 200 }) });
  const isAdmin = status.user?.role === 'administrator';
  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={t('filings.title')}
        subtitle={t('filings.intro')}
        actions={isAdmin ? <a className="button" href={href('filings', 'legal')}>{t('filings.legalRefsLink')}</a> : undefined}
      />
      {cases.data && cases.data.rows.length === 0 && <p>{t('filings.noCases')}</p>}
      {cases.data && cases.data.rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('filings.chooseCase')}</th>
              <th scope="col">{t('cases.client')}</th>
              <th scope="col">{t('cases.type')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('filings.prepare')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {cases.data.rows.map((c) => (
              <tr key={c.id}>
                <td>{c.number}</td>
                <td>{c.clientName}</td>
                <td>{t(`enum.caseType.${c.caseType}`, { defaultValue: c.caseType })}</td>
                <td>
                  <a href={href('filings', 'new', c.id)}>{t('filings.prepare')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
