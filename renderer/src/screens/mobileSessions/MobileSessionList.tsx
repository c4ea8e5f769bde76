import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MobileSessionSummary } from '../../../../shared/api/mobileSessionTypes';
import type { ChannelInput } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { DataTable, type PageRequest } from '../../components/DataTable';
import { DateField } from '../../components/form/DateField';
import { SelectField } from '../../components/form/SelectField';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { useEnumOptions } from '../../hooks/useEnumOptions';
import { useAddress } from '../../hooks/useRegions';
import { href, navigate } from '../../router';
import { useMay } from '../../hooks/useMay';

export function MobileSessionList() {
  const { t } = useTranslation();
  const address = useAddress();
  const statusOptions = useEnumOptions('sessionStatus');
  const [status, setStatus] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters = { status: status || undefined, from: /^\d{4}-/.test(from) ? from : '', to: /^\d{4}-/.test(to) ? to : '' } as Partial<ChannelInput<'mobileSessions:list'>>;
  const columns = useMemo<ColumnDef<MobileSessionSummary, unknown>[]>(
    () => [
      { id: 'date', header: t('sessions.date'), cell: ({ row }) => formatDate(row.original.date) },
      { id: 'code', header: t('sessions.code'), cell: ({ row }) => row.original.code },
      { id: 'place', header: t('sessions.place'), enableSorting: false, cell: ({ row }) => address({ village: row.original.village, jamoat: row.original.jamoat, districtId: row.original.districtId }) },
      { id: 'partner', header: t('sessions.partner'), enableSorting: false, cell: ({ row }) => row.original.partnerAuthority },
      { id: 'status', header: t('common.status'), cell: ({ row }) => <span className={`badge badge--${row.original.status === 'conducted' ? 'ok' : row.original.status === 'cancelled' ? 'danger' : 'warn'}`}>{t(`enum.sessionStatus.${row.original.status}`)}</span> },
      { id: 'seen', header: t('sessions.seen'), enableSorting: false, cell: ({ row }) => row.original.clientCount },
    ],
    [t, address],
  );
  const fetchPage = (req: PageRequest) =>
    call('mobileSessions:list', { ...filters, offset: req.offset, limit: req.limit, sort: (req.sort?.id ?? 'date') as 'date', dir: req.sort ? (req.sort.desc ? 'desc' : 'asc') : 'desc' });
  const may = useMay();
  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={t('sessions.title')}
        actions={
          may('mobileSessions:save') && (
            <a className="button primary" href={href('mobileSessions', 'new')}>
              {t('sessions.plan')}
            </a>
          )
        }
      />
      <div className="filters">
        <SelectField label={t('sessions.filterStatus')} value={status} onChange={setStatus} options={statusOptions} emptyLabel={t('common.all')} />
        <DateField label={t('common.from')} value={from} onChange={setFrom} />
        <DateField label={t('common.to')} value={to} onChange={setTo} />
      </div>
      <DataTable
        label={t('sessions.listLabel')}
        queryKey={['mobileSessions:list', filters]}
        fetchPage={fetchPage}
        columns={columns}
        widths={['8rem', '9rem', '2fr', '1.5fr', '10rem', '7rem']}
        initialSort={[{ id: 'date', desc: true }]}
        onOpen={(row) => navigate('mobileSessions', row.id)}
      />
    </section>
  );
}
