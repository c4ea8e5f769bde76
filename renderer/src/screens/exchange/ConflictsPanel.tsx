import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ISO_DATE_RE } from '../../../../shared/domain/dates';
import { valueKey } from '../../../../shared/i18n/fieldWords';
import { call } from '../../api/client';
import { formatDate, formatDateTime } from '../../format';
import { href } from '../../router';
import type { SectionId } from '../../sections';
import { RefusalMessage } from './RefusalMessage';
import { useAction } from './useAction';
import { useRecordWords } from './useRecordWords';

/** The page of a record of these tables (the page applies its own visibility rule); others have none. */
const PAGES: Readonly<Record<string, SectionId>> = { clients: 'clients', cases: 'cases', consultations: 'consultations', mobile_sessions: 'mobileSessions', contact_points: 'contactPoints' };

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The queue of values that lost a merge against a concurrent change: confirm the outcome or swap. */
export function ConflictsPanel() {
  const { t } = useTranslation();
  const { kind, field } = useRecordWords();
  /** A value as the forms show it: a code's word, a date as dd.mm.yyyy, a moment in local time. */
  const shown = (table: string, column: string, v: unknown) => {
    if (v === null || v === undefined) return '—';
    const word = valueKey(table, column, v);
    if (word) return t(word);
    if (typeof v !== 'string') return JSON.stringify(v);
    return ISO_DATE_RE.test(v) ? formatDate(v) : ISO_MOMENT.test(v) ? formatDateTime(v) : v;
  };
  const fieldCell = (table: string, column: string) => {
    const words = field(table, column);
    return words.known ? words.text : <code>{words.text}</code>;
  };
  const client = useQueryClient();
  const conflicts = useQuery({ queryKey: ['exchange:conflicts'], queryFn: () => call('exchange:conflicts', { includeResolved: false }) });
  const { busy, error, run } = useAction();

  async function resolve(id: string, action: 'confirm' | 'swap') {
    const rest = await run(() => call('exchange:resolveConflict', { id, action }));
    if (rest) client.setQueryData(['exchange:conflicts'], rest);
  }

  return (
    <section aria-labelledby="exchange-conflicts">
      <h2 id="exchange-conflicts">{t('exchange.conflictsTitle')}</h2>
      <p className="muted">{t('exchange.conflictsHelp')}</p>
      {conflicts.data?.length === 0 && <p>{t('exchange.noConflicts')}</p>}
      {!!conflicts.data?.length && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('exchange.record')}</th>
              <th scope="col">{t('exchange.field')}</th>
              <th scope="col">{t('exchange.kept')}</th>
              <th scope="col">{t('exchange.lost')}</th>
              <th scope="col">
                <span className="sr-only">{t('exchange.confirm')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {conflicts.data.map((c) => (
              <tr key={c.id}>
                <td>
                  {PAGES[c.tableName] ? <a href={href(PAGES[c.tableName]!, c.rowId)}>{kind(c.tableName)}</a> : kind(c.tableName)}{' '}
                  <code className="small nowrap">{c.rowId.slice(-8)}</code>
                </td>
                <td>{fieldCell(c.tableName, c.columnName)}</td>
                <td>{shown(c.tableName, c.columnName, c.keptValue)}</td>
                <td>
                  {shown(c.tableName, c.columnName, c.lostValue)}
                  {c.recordDeleted && <div className="muted small">{t('exchange.recordDeleted')}</div>}
                </td>
                <td>
                  <button type="button" disabled={busy} onClick={() => void resolve(c.id, 'confirm')}>
                    {t('exchange.confirm')}
                  </button>
                  {!c.recordDeleted && (
                    <>
                      {' '}
                      <button type="button" disabled={busy} onClick={() => void resolve(c.id, 'swap')}>
                        {t('exchange.swap')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RefusalMessage error={error} />
    </section>
  );
}
