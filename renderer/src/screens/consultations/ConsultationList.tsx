import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConsultationSummary } from '../../../../shared/api/consultationTypes';
import type { ChannelInput } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { DataTable, type PageRequest } from '../../components/DataTable';
import { DateField } from '../../components/form/DateField';
import { SelectField } from '../../components/form/SelectField';
import { PageHeader } from '../../components/PageHeader';
import { RestrictedMark } from '../../components/RecordTables';
import { formatDate } from '../../format';
import { useEnumLabel, useEnumOptions } from '../../hooks/useEnumOptions';
import { useDistrictName } from '../../hooks/useRegions';
import { href, navigate } from '../../router';
import { useMay } from '../../hooks/useMay';
import { recordIdOrEmpty, useLawyerOptions, useListFilters } from '../../hooks/useListFilters';

type ListInput = ChannelInput<'consultations:list'>;
const isIso = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The filters the address may hold: #/consultations?venue=…&session=…&issue=…&lawyer=…&from=YYYY-MM-DD&to=YYYY-MM-DD */
const FILTERS = ['venue', 'session', 'issue', 'lawyer', 'from', 'to'] as const;

export function ConsultationList() {
  const { t } = useTranslation();
  const districtName = useDistrictName();
  const venueOptions = useEnumOptions('venueKind');
  const issue = useEnumLabel('issue');
  const issueOptions = useEnumOptions('issue');
  const lawyerOptions = useLawyerOptions(t('listFilters.left'));
  // The newest sessions to choose from; an older one still works from an address (a session's page links here).
  const sessions = useQuery({ queryKey: ['mobileSessions:list', 'choices'], queryFn: () => call('mobileSessions:list', { sort: 'date', dir: 'desc', limit: 500 }) });
  const sessionOptions = (sessions.data?.rows ?? []).map((m) => ({ value: m.id, label: `${formatDate(m.date)} · ${m.code} · ${m.village}` }));
  const { values, set, oneOf } = useListFilters(FILTERS);
  const venueKind = oneOf(values.venue, venueOptions);
  const issueCode = oneOf(values.issue, issueOptions);
  const session = recordIdOrEmpty(values.session);
  const lawyer = recordIdOrEmpty(values.lawyer);
  const from = isIso(values.from) ? values.from : '';
  const to = isIso(values.to) ? values.to : '';
  const filters: Partial<ListInput> = {
    ...(venueKind ? { venueKind: venueKind as ListInput['venueKind'] } : {}),
    ...(session ? { mobileSessionId: session } : {}),
    ...(issueCode ? { issue: issueCode as ListInput['issue'] } : {}),
    ...(lawyer ? { lawyerUserId: lawyer } : {}),
    from,
    to,
  };
  const columns = useMemo<ColumnDef<ConsultationSummary, unknown>[]>(
    () => [
      { id: 'date', header: t('consultations.date'), cell: ({ row }) => formatDate(row.original.date) },
      { id: 'client', header: t('consultations.client'), enableSorting: false, cell: ({ row }) => (row.original.restricted ? <RestrictedMark /> : row.original.clientName) },
      { id: 'venue', header: t('consultations.venue'), enableSorting: false, cell: ({ row }) => `${t(`enum.venueKind.${row.original.venueKind}`)}${row.original.sessionCode ? ` · ${row.original.sessionCode}` : ''}` },
      { id: 'district', header: t('common.district'), enableSorting: false, cell: ({ row }) => districtName(row.original.districtId) },
      { id: 'issues', header: t('consultations.issues'), enableSorting: false, cell: ({ row }) => row.original.issues.map(issue).join(', ') },
      { id: 'kind', header: t('consultations.kind'), enableSorting: false, cell: ({ row }) => t(`enum.consultationKind.${row.original.kind}`) },
      { id: 'lawyer', header: t('consultations.lawyer'), enableSorting: false, cell: ({ row }) => row.original.lawyerName },
    ],
    [t, districtName, issue],
  );
  const fetchPage = (req: PageRequest) => call('consultations:list', { ...filters, offset: req.offset, limit: req.limit, sort: 'date', dir: req.sort && !req.sort.desc ? 'asc' : 'desc' });
  const may = useMay();
  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={t('consultations.title')}
        actions={
          may('consultations:save') && (
            <a className="button primary" href={href('consultations', 'new')}>
              {t('consultations.new')}
            </a>
          )
        }
      />
      <div className="filters">
        <SelectField label={t('consultations.venueKind')} value={venueKind} onChange={(v) => set({ venue: v })} options={venueOptions} emptyLabel={t('common.all')} />
        <SelectField
          label={t('listFilters.session')}
          value={session}
          onChange={(v) => set({ session: v })}
          options={session && !sessionOptions.some((o) => o.value === session) ? [...sessionOptions, { value: session, label: t('listFilters.chosenSession') }] : sessionOptions}
          emptyLabel={t('common.all')}
        />
        <SelectField label={t('listFilters.issue')} value={issueCode} onChange={(v) => set({ issue: v })} options={issueOptions} emptyLabel={t('common.all')} />
        <SelectField label={t('listFilters.lawyer')} value={lawyer} onChange={(v) => set({ lawyer: v })} options={lawyerOptions} emptyLabel={t('common.all')} />
        <DateField label={t('common.from')} value={from} onChange={(v) => (isIso(v) || v === '' ? set({ from: v }) : undefined)} />
        <DateField label={t('common.to')} value={to} onChange={(v) => (isIso(v) || v === '' ? set({ to: v }) : undefined)} />
      </div>
      <DataTable
        label={t('consultations.listLabel')}
        queryKey={['consultations:list', filters]}
        fetchPage={fetchPage}
        columns={columns}
        widths={['8rem', '1.6fr', '1.3fr', '1fr', '2.2fr', '1.3fr', '1fr']}
        initialSort={[{ id: 'date', desc: true }]}
        onOpen={(row) => !row.restricted && navigate('consultations', row.id)}
      />
    </section>
  );
}
