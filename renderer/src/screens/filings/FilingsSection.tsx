import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/api/caseTypes';
import type { ChannelInput } from '../../../../shared/api/contract';
import type { AppStatus } from '../../../../shared/api/types';
import { call } from '../../api/client';
import { DataTable, type PageRequest } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/form/SelectField';
import { PageHeader } from '../../components/PageHeader';
import { useAddressSearch, useListFilters } from '../../hooks/useListFilters';
import { href, navigate } from '../../router';
import { FilingWizard } from './FilingWizard';
import { LegalRefsScreen } from './LegalRefsScreen';

/** #/filings (choose a case), #/filings/new/CASE_ID (the wizard), #/filings/legal (legal references). */
export function FilingsSection({ parts, status }: { parts: string[]; status: AppStatus }) {
  const [first, caseId] = parts;
  if (first === 'new' && caseId) return <FilingWizard key={caseId} caseId={caseId} />;
  if (first === 'legal') return <LegalRefsScreen status={status} />;
  return <FilingsHome status={status} />;
}

/** The filters the address may hold: #/filings?q=…&all=1 (closed cases too). */
const FILTERS = ['q', 'all'] as const;

/** The cases to prepare a filing for: searched like the client list, paged by the server (any case can be found). */
function FilingsHome({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const isAdmin = status.user?.role === 'administrator';
  const { values, set } = useListFilters(FILTERS);
  const search = useAddressSearch(values.q, (q) => set({ q }));
  const all = values.all === '1';
  const filters: Partial<ChannelInput<'cases:list'>> = { query: search.settled, ...(all ? {} : { status: 'active' as const }) };
  const columns = useMemo<ColumnDef<CaseSummary, unknown>[]>(
    () => [
      { id: 'number', header: t('filings.chooseCase'), cell: ({ row }) => row.original.number },
      { id: 'client', header: t('cases.client'), enableSorting: false, cell: ({ row }) => row.original.clientName },
      { id: 'caseType', header: t('cases.type'), cell: ({ row }) => t(`enum.caseType.${row.original.caseType}`, { defaultValue: row.original.caseType }) },
      { id: 'status', header: t('cases.status'), enableSorting: false, cell: ({ row }) => t(`enum.caseStatus.${row.original.status}`) },
      {
        id: 'prepare',
        header: () => <span className="visually-hidden">{t('filings.prepare')}</span>,
        enableSorting: false,
        cell: ({ row }) => (
          <a href={href('filings', 'new', row.original.id)} tabIndex={-1}>
            {t('filings.prepare')}
          </a>
        ),
      },
    ],
    [t],
  );
  const fetchPage = (req: PageRequest) =>
    call('cases:list', { ...filters, offset: req.offset, limit: req.limit, sort: (req.sort?.id ?? 'openedOn') as 'openedOn', dir: req.sort ? (req.sort.desc ? 'desc' : 'asc') : 'desc' });
  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={t('filings.title')}
        subtitle={t('filings.intro')}
        actions={isAdmin ? <a className="button" href={href('filings', 'legal')}>{t('filings.legalRefsLink')}</a> : undefined}
      />
      <div className="filters" role="search" aria-label={t('filings.title')}>
        <Field className="field--search" label={t('common.search')} value={search.text} onChange={search.setText} placeholder={t('listFilters.filingsSearch')} type="text" />
        <SelectField
          label={t('cases.filterStatus')}
          value={all ? '' : 'active'}
          onChange={(v) => set({ all: v ? '' : '1' })}
          options={[{ value: 'active', label: t('cases.openOnly') }]}
          emptyLabel={t('common.all')}
        />
      </div>
      <DataTable
        label={t('listFilters.filingsCasesLabel')}
        queryKey={['cases:list', 'filings', filters]}
        fetchPage={fetchPage}
        columns={columns}
        widths={['10rem', '2fr', '2fr', '1.4fr', '12rem']}
        initialSort={[{ id: 'number', desc: true }]}
        onOpen={(row) => navigate('filings', 'new', row.id)}
      />
    </section>
  );
}
