import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../../shared/api/clientTypes';
import { call } from '../../api/client';
import { DataTable, type PageRequest } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/form/SelectField';
import { useDebounced } from '../../components/GlobalSearch';
import { PageHeader } from '../../components/PageHeader';
import { RestrictedMark } from '../../components/RecordTables';
import { formatDate, fullName } from '../../format';
import { useEnumOptions } from '../../hooks/useEnumOptions';
import { useDistrictName } from '../../hooks/useRegions';
import { href, navigate } from '../../router';
import { useMay } from '../../hooks/useMay';

export function ClientList() {
  const { t } = useTranslation();
  const districtName = useDistrictName();
  const sexOptions = useEnumOptions('sex');
  const [query, setQuery] = useState('');
  const [sex, setSex] = useState('');
  const [migrant, setMigrant] = useState('');
  const q = useDebounced(query.trim(), 250);
  const filters = {
    query: q,
    ...(sex ? { sex: sex as 'F' | 'M' } : {}),
    ...(migrant ? { migrantHousehold: migrant === 'yes' } : {}),
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
        <Field className="field--search" label={t('common.search')} value={query} onChange={setQuery} placeholder={t('clients.searchPlaceholder')} type="text" />
        <SelectField label={t('clients.sex')} value={sex} onChange={setSex} options={sexOptions} emptyLabel={t('common.all')} />
        <SelectField label={t('clients.filterMigrant')} value={migrant} onChange={setMigrant} options={[{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }]} emptyLabel={t('common.all')} />
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
