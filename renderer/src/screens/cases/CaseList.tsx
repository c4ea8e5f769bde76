import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/api/caseTypes';
import type { ChannelInput } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { DataTable, type PageRequest } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/form/SelectField';
import { useDebounced } from '../../components/GlobalSearch';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { useEnumOptions } from '../../hooks/useEnumOptions';
import { useMay } from '../../hooks/useMay';
import { href, navigate } from '../../router';

type CaseListInput = ChannelInput<'cases:list'>;

export function CaseList() {
  const { t } = useTranslation();
  const may = useMay();
  const typeOptions = useEnumOptions('caseType');
  const statusOptions = useEnumOptions('caseStatus');
  const [query, setQuery] = useState('');
  const [caseType, setCaseType] = useState('');
  const [status, setStatus] = useState('active');
  const q = useDebounced(query.trim(), 250);
  const filters: Partial<CaseListInput> = { query: q, ...(caseType ? { caseType: caseType as CaseListInput['caseType'] } : {}), ...(status ? { status: status as CaseListInput['status'] } : {}) };
  const columns = useMemo<ColumnDef<CaseSummary, unknown>[]>(
    () => [
      { id: 'number', header: t('cases.number'), cell: ({ row }) => row.original.number },
      { id: 'client', header: t('cases.client'), enableSorting: false, cell: ({ row }) => row.original.clientName },
      { id: 'caseType', header: t('cases.type'), cell: ({ row }) => t(`enum.caseType.${row.original.caseType}`) },
      { id: 'status', header: t('cases.status'), cell: ({ row }) => t(`enum.caseStatus.${row.original.status}`) },
      { id: 'openedOn', header: t('cases.openedOn'), cell: ({ row }) => formatDate(row.original.openedOn) },
      { id: 'court', header: t('cases.courtCaseNumber'), enableSorting: false, cell: ({ row }) => row.original.courtCaseNumber },
      { id: 'nextHearing', header: t('cases.nextHearing'), enableSorting: false, cell: ({ row }) => formatDate(row.original.nextHearingOn) },
      { id: 'responsible', header: t('cases.responsible'), enableSorting: false, cell: ({ row }) => row.original.responsibleName },
    ],
    [t],
  );
  const fetchPage = (req: PageRequest) =>
    call('cases:list', { ...filters, offset: req.offset, limit: req.limit, sort: (req.sort?.id ?? 'openedOn') as 'openedOn', dir: req.sort ? (req.sort.desc ? 'desc' : 'asc') : 'desc' });
  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={t('cases.title')}
        subtitle={t('cases.newHint')}
        actions={
          may('cases:caseload') && (
            <a className="button" href={href('cases', 'caseload')}>
              {t('caseload.title')}
            </a>
          )
        }
      />
      <div className="filters" role="search" aria-label={t('cases.title')}>
        <Field className="field--search" label={t('common.search')} value={query} onChange={setQuery} placeholder={t('cases.searchPlaceholder')} type="text" />
        <SelectField label={t('cases.filterType')} value={caseType} onChange={setCaseType} options={typeOptions} emptyLabel={t('common.all')} />
        <SelectField label={t('cases.filterStatus')} value={status} onChange={setStatus} options={[{ value: 'active', label: t('cases.openOnly') }, ...statusOptions]} emptyLabel={t('common.all')} />
      </div>
      <DataTable
        label={t('cases.listLabel')}
        queryKey={['cases:list', filters]}
        fetchPage={fetchPage}
        columns={columns}
        widths={['9rem', '2fr', '2fr', '1.4fr', '8rem', '9rem', '8rem', '1.2fr']}
        initialSort={[{ id: 'openedOn', desc: true }]}
        onOpen={(row) => navigate('cases', row.id)}
      />
    </section>
  );
}
