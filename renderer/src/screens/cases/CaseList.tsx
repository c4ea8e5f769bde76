import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/api/caseTypes';
import type { ChannelInput } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { DataTable, type PageRequest } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/form/SelectField';
import { PageHeader } from '../../components/PageHeader';
import { RestrictedMark } from '../../components/RecordTables';
import { formatDate } from '../../format';
import { useEnumOptions } from '../../hooks/useEnumOptions';
import { useMay } from '../../hooks/useMay';
import { href, navigate } from '../../router';
import { recordIdOrEmpty, useAddressSearch, useLawyerOptions, useListFilters } from '../../hooks/useListFilters';

type CaseListInput = ChannelInput<'cases:list'>;

/** The filters the address may hold: #/cases?q=…&type=…&status=active|all|<status>&lawyer=…&overdue=1 (no status: the open ones). */
const FILTERS = ['q', 'type', 'status', 'lawyer', 'overdue'] as const;

export function CaseList() {
  const { t } = useTranslation();
  const may = useMay();
  const typeOptions = useEnumOptions('caseType');
  const statusOptions = useEnumOptions('caseStatus');
  const lawyerOptions = useLawyerOptions(t('listFilters.left'));
  const { values, set, oneOf } = useListFilters(FILTERS);
  const search = useAddressSearch(values.q, (q) => set({ q }));
  const caseType = oneOf(values.type, typeOptions);
  // The list opens on the open cases; "all" is kept in the address as a word of its own.
  const status = values.status === 'all' ? '' : oneOf(values.status, statusOptions) || 'active';
  const lawyer = recordIdOrEmpty(values.lawyer);
  const overdue = values.overdue === '1';
  const filters: Partial<CaseListInput> = {
    query: search.settled,
    ...(caseType ? { caseType: caseType as CaseListInput['caseType'] } : {}),
    ...(status ? { status: status as CaseListInput['status'] } : {}),
    ...(lawyer ? { responsibleUserId: lawyer } : {}),
    ...(overdue ? { overdue: true } : {}),
  };
  const columns = useMemo<ColumnDef<CaseSummary, unknown>[]>(
    () => [
      { id: 'number', header: t('cases.number'), cell: ({ row }) => row.original.number },
      { id: 'client', header: t('cases.client'), enableSorting: false, cell: ({ row }) => (row.original.restricted ? <RestrictedMark /> : row.original.clientName) },
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
        <Field className="field--search" label={t('common.search')} value={search.text} onChange={search.setText} placeholder={t('cases.searchPlaceholder')} type="text" />
        <SelectField label={t('cases.filterType')} value={caseType} onChange={(v) => set({ type: v })} options={typeOptions} emptyLabel={t('common.all')} />
        <SelectField
          label={t('cases.filterStatus')}
          value={status}
          onChange={(v) => set({ status: v === 'active' ? '' : v || 'all' })}
          options={[{ value: 'active', label: t('cases.openOnly') }, ...statusOptions]}
          emptyLabel={t('common.all')}
        />
        <SelectField label={t('listFilters.lawyer')} value={lawyer} onChange={(v) => set({ lawyer: v })} options={lawyerOptions} emptyLabel={t('common.all')} />
        <SelectField label={t('listFilters.deadlines')} value={overdue ? '1' : ''} onChange={(v) => set({ overdue: v })} options={[{ value: '1', label: t('listFilters.onlyOverdue') }]} emptyLabel={t('common.all')} hint={overdue ? t('listFilters.overdueRule') : undefined} />
      </div>
      <DataTable
        label={t('cases.listLabel')}
        queryKey={['cases:list', filters]}
        fetchPage={fetchPage}
        columns={columns}
        widths={['9rem', '2fr', '2fr', '1.4fr', '8rem', '9rem', '8rem', '1.2fr']}
        initialSort={[{ id: 'openedOn', desc: true }]}
        onOpen={(row) => !row.restricted && navigate('cases', row.id)}
      />
    </section>
  );
}
