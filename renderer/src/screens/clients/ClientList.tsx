import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../../shared/api/clientTypes';
import { call } from '../../api/client';
import { DataTable, type PageRequest } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/form/SelectField';
import { DistrictPicker } from '../../components/form/DistrictPicker';
import { PageHeader } from '../../components/PageHeader';
import { RestrictedMark } from '../../components/RecordTables';
import { formatDate, fullName } from '../../format';
import { useEnumOptions } from '../../hooks/useEnumOptions';
import { useDistrictName } from '../../hooks/useRegions';
import { href, navigate } from '../../router';
import { useMay } from '../../hooks/useMay';
import { recordIdOrEmpty, useAddressSearch, useKnownDistrict, useLawyerOptions, useListFilters } from '../../hooks/useListFilters';
import type { ChannelInput } from '../../../../shared/api/contract';

type ListInput = ChannelInput<'clients:list'>;

/** The filters the address may hold: #/clients?q=…&sex=F&migrant=yes&abandoned=1&issue=…&district=…&lawyer=… */
const FILTERS = ['q', 'sex', 'migrant', 'abandoned', 'issue', 'district', 'lawyer'] as const;

export function ClientList() {
  const { t } = useTranslation();
  const districtName = useDistrictName();
  const sexOptions = useEnumOptions('sex');
  const issueOptions = useEnumOptions('issue');
  const yesNo = [{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }];
  const lawyerOptions = useLawyerOptions(t('listFilters.left'));
  const { values, set, oneOf } = useListFilters(FILTERS);
  const search = useAddressSearch(values.q, (q) => set({ q }));
  const sex = oneOf(values.sex, sexOptions);
  const migrant = oneOf(values.migrant, yesNo);
  const issue = oneOf(values.issue, issueOptions);
  const district = useKnownDistrict(values.district);
  const lawyer = recordIdOrEmpty(values.lawyer);
  const abandoned = values.abandoned === '1';
  const filters: Partial<ListInput> = {
    query: search.settled,
    ...(sex ? { sex: sex as ListInput['sex'] } : {}),
    ...(migrant ? { migrantHousehold: migrant === 'yes' } : {}),
    ...(abandoned ? { abandoned: true as const } : {}),
    ...(issue ? { issue: issue as ListInput['issue'] } : {}),
    ...(district ? { residenceDistrictId: district } : {}),
    ...(lawyer ? { lawyerUserId: lawyer } : {}),
  };
  const columns = useMemo<ColumnDef<ClientSummary, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('clients.name'),
        cell: ({ row }) =>
          row.original.restricted ? (
            <RestrictedMark />
          ) : (
            <a href={href('clients', row.original.id)} tabIndex={-1}>
              {fullName(row.original)}
            </a>
          ),
      },
      { id: 'birthDate', header: t('clients.birthDate'), cell: ({ row }) => formatDate(row.original.birthDate) },
      { id: 'age', header: t('clients.ageShort'), enableSorting: false, cell: ({ row }) => row.original.age ?? '' },
      { id: 'sex', header: t('clients.sex'), enableSorting: false, cell: ({ row }) => (row.original.restricted ? '' : t(`enum.sex.${row.original.sex}`)) },
      { id: 'phone', header: t('clients.phone'), enableSorting: false, cell: ({ row }) => row.original.phone },
      { id: 'district', header: t('clients.district'), enableSorting: false, cell: ({ row }) => districtName(row.original.residenceDistrictId) },
      { id: 'migrant', header: t('clients.filterMigrant'), enableSorting: false, cell: ({ row }) => (row.original.migrantHousehold ? t('common.yes') : '') },
      { id: 'createdAt', header: t('clients.registered'), cell: ({ row }) => formatDate(row.original.createdAt.slice(0, 10)) },
    ],
    [t, districtName],
  );
  const fetchPage = (req: PageRequest) =>
    call('clients:list', { ...filters, offset: req.offset, limit: req.limit, sort: (req.sort?.id ?? 'name') as 'name', dir: req.sort?.desc ? 'desc' : 'asc' });
  const may = useMay();
  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={t('clients.title')}
        actions={
          may('clients:save') && (
            <a className="button primary" href={href('clients', 'new')}>
              {t('clients.new')}
            </a>
          )
        }
      />
      <div className="filters" role="search" aria-label={t('clients.title')}>
        <Field className="field--search" label={t('common.search')} value={search.text} onChange={search.setText} placeholder={t('clients.searchPlaceholder')} type="text" />
        <SelectField label={t('clients.sex')} value={sex} onChange={(v) => set({ sex: v })} options={sexOptions} emptyLabel={t('common.all')} />
        <SelectField label={t('clients.filterMigrant')} value={migrant} onChange={(v) => set({ migrant: v })} options={yesNo} emptyLabel={t('common.all')} />
        <SelectField label={t('listFilters.withoutSupport')} value={abandoned ? '1' : ''} onChange={(v) => set({ abandoned: v })} options={[{ value: '1', label: t('listFilters.onlyWithoutSupport') }]} emptyLabel={t('common.all')} />
        <SelectField label={t('listFilters.issue')} value={issue} onChange={(v) => set({ issue: v })} options={issueOptions} emptyLabel={t('common.all')} />
        <SelectField label={t('listFilters.lawyer')} value={lawyer} onChange={(v) => set({ lawyer: v })} options={lawyerOptions} emptyLabel={t('common.all')} />
        <DistrictPicker label={t('listFilters.homeDistrict')} value={district} onChange={(v) => set({ district: v })} />
      </div>
      <DataTable
        label={t('clients.listLabel')}
        queryKey={['clients:list', filters]}
        fetchPage={fetchPage}
        columns={columns}
        widths={['2.4fr', '8rem', '5rem', '6rem', '10rem', '1.2fr', '7rem', '8rem']}
        initialSort={[{ id: 'name', desc: false }]}
        onOpen={(row) => !row.restricted && navigate('clients', row.id)}
      />
    </section>
  );
}
