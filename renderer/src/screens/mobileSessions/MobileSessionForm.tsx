import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../../shared/api/types';
import { bareName, placeWord } from '../../../../shared/reference/addresses';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { DateField } from '../../components/form/DateField';
import { DistrictPicker } from '../../components/form/DistrictPicker';
import { SelectField } from '../../components/form/SelectField';
import { TextAreaField } from '../../components/form/TextAreaField';
import { useNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useApiForm } from '../../hooks/useApiForm';
import { href, navigate } from '../../router';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { DraftNote } from '../../components/DraftNote';
import { useDraft } from '../../hooks/useDraft';

interface Values {
  code: string;
  contactPointId: string;
  date: string;
  districtId: string;
  jamoat: string;
  village: string;
  partnerAuthority: string;
  notes: string;
  team: string;
}

/** Plan a mobile session (or edit a planned one). The team is typed one person per line: "name, role". */
export function MobileSessionForm({ id, status }: { id?: string; status: AppStatus }) {
  const { t, i18n } = useTranslation();
  const notify = useNotice();
  const client = useQueryClient();
  const form = useApiForm('mobileSessions:save');
  const points = useQuery({ queryKey: ['contactPoints:list'], queryFn: () => call('contactPoints:list', { includeClosed: false }) });
  const existing = useQuery({ queryKey: ['mobileSessions:get', id], queryFn: () => call('mobileSessions:get', { id: id! }), enabled: !!id });
  const [v, setV] = useState<Values>({ code: '', contactPointId: status.installation?.contactPointId ?? '', date: '', districtId: '', jamoat: '', village: '', partnerAuthority: '', notes: '', team: '' });
  const set = (key: keyof Values) => (value: string) => setV((s) => ({ ...s, [key]: value }));
  const [loaded, setLoaded] = useState(!id);

  useEffect(() => {
    const d = existing.data;
    if (!d) return;
    const s = d.session;
    setLoaded(true);
    setV({ code: s.code, contactPointId: s.contactPointId, date: s.date, districtId: s.districtId, jamoat: bareName('jamoat', s.jamoat), village: bareName('village', s.village), partnerAuthority: s.partnerAuthority, notes: s.notes, team: d.team.map((m) => [m.name, m.role].filter(Boolean).join(', ')).join('\n') });
  }, [existing.data]);
  // A session planned on a laptop is often typed between clients: an idle lock keeps what was entered.
  const draft = useDraft({ formKey: `mobileSession:${id ?? 'new'}`, ready: loaded, values: v, apply: setV });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const team = v.team
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [name = '', ...role] = line.split(',');
        const old = existing.data?.team.find((m) => m.name === name.trim());
        return { ...(old ? { id: old.id, staffId: old.staffId } : {}), name: name.trim(), role: role.join(',').trim() };
      });
    const saved = await form.submit({ ...(id ? { id } : {}), code: v.code, contactPointId: v.contactPointId, date: v.date, districtId: v.districtId, jamoat: v.jamoat, village: v.village, partnerAuthority: v.partnerAuthority, notes: v.notes, team });
    if (!saved) return;
    draft.saved();
    notify(t('common.saved'));
    await client.invalidateQueries({ queryKey: ['mobileSessions:list'] });
    client.setQueryData(['mobileSessions:get', saved.session.id], saved);
    navigate('mobileSessions', saved.session.id);
  }

  const fe = form.fieldErrors;
  return (
    <section aria-labelledby="section-title">
      <PageHeader title={id ? t('sessions.editTitle') : t('sessions.planTitle')} back={{ href: id ? href('mobileSessions', id) : href('mobileSessions'), label: t('common.back') }} />
      <DraftNote draft={draft} />
      <form className="panel" onSubmit={onSubmit} noValidate>
        <div className="grid grid--2">
          <DateField label={t('sessions.date')} value={v.date} onChange={set('date')} error={fe.date} autoFocus />
          <SelectField
            label={t('sessions.contactPoint')}
            value={v.contactPointId}
            onChange={set('contactPointId')}
            options={(points.data ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
            emptyLabel={t('common.choose')}
            error={fe.contactPointId}
          />
          <DistrictPicker value={v.districtId} onChange={set('districtId')} error={fe.districtId} />
          <Field label={t('sessions.jamoat')} value={v.jamoat} onChange={set('jamoat')} error={fe.jamoat} affix={placeWord('jamoat', i18n.language)} />
          <Field label={t('sessions.village')} value={v.village} onChange={set('village')} error={fe.village} affix={placeWord('village', i18n.language)} />
          <Field label={t('sessions.partner')} value={v.partnerAuthority} onChange={set('partnerAuthority')} error={fe.partnerAuthority} />
          <Field label={t('sessions.code')} value={v.code} onChange={set('code')} error={fe.code} hint={t('sessions.codeHint')} />
        </div>
        <TextAreaField label={t('sessions.team')} value={v.team} onChange={set('team')} error={Object.entries(fe).find(([k]) => k.startsWith('team'))?.[1]} hint={t('sessions.teamHint')} rows={4} />
        <TextAreaField label={t('common.notes')} value={v.notes} onChange={set('notes')} error={fe.notes} />
        <FormErrorSummary form={form} />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.busy}>
            {form.busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
