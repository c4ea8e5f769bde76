import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../shared/api/contactPointTypes';
import type { AppStatus } from '../../../../shared/api/types';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { DateField } from '../../components/form/DateField';
import { DistrictPicker } from '../../components/form/DistrictPicker';
import { PhoneField } from '../../components/form/PhoneField';
import { TextAreaField } from '../../components/form/TextAreaField';
import { useNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useApiForm } from '../../hooks/useApiForm';
import { useSetStatus } from '../../hooks/useAppStatus';
import { href, navigate } from '../../router';
import { FormErrorSummary } from '../../components/FormErrorSummary';

interface Values {
  code: string;
  name: string;
  districtId: string;
  address: string;
  organisation: string;
  establishedOn: string;
  closedOn: string;
  notes: string;
}

export function ContactPointForm({ id, status }: { id?: string; status: AppStatus }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const qc = useQueryClient();
  const setStatus = useSetStatus();
  const form = useApiForm('contactPoints:save');
  const list = useQuery({ queryKey: ['contactPoints:list'], queryFn: () => call('contactPoints:list', { includeClosed: true }) });
  const point = list.data?.find((p) => p.id === id);
  const [v, setV] = useState<Values>({ code: '', name: '', districtId: '', address: '', organisation: '', establishedOn: '', closedOn: '', notes: '' });
  const [ownError, setOwnError] = useState<ApiError['info'] | null>(null);
  const set = (key: keyof Values) => (value: string) => setV((s) => ({ ...s, [key]: value }));
  useEffect(() => {
    if (point) setV({ code: point.code, name: point.name, districtId: point.districtId, address: point.address, organisation: point.organisation, establishedOn: point.establishedOn, closedOn: point.closedOn ?? '', notes: point.notes });
  }, [point]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const saved = await form.submit({ ...(id ? { id } : {}), ...v });
    if (!saved) return;
    notify(t('common.saved'));
    await qc.invalidateQueries({ queryKey: ['contactPoints:list'] });
    if (!id) navigate('contactPoints', saved.id);
  }

  async function makeOwn() {
    if (!id) return;
    setOwnError(null);
    try {
      setStatus(await call('contactPoints:setOwn', { contactPointId: id }));
      await qc.invalidateQueries({ queryKey: ['contactPoints:list'] });
      notify(t('common.saved'));
    } catch (e) {
      setOwnError(e instanceof ApiError ? e.info : { code: 'INTERNAL', message: '' });
    }
  }

  const fe = form.fieldErrors;
  const isOwn = status.installation?.contactPointId === id && !!id;
  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={id ? `${t('contactPoints.editTitle')} ${point?.code ?? ''}` : t('contactPoints.new')}
        back={{ href: href('contactPoints'), label: t('contactPoints.title') }}
        subtitle={isOwn ? <span className="badge badge--ok">{t('contactPoints.thisInstallation')}</span> : undefined}
        actions={
          id && !isOwn ? (
            <button type="button" onClick={() => void makeOwn()}>
              {t('contactPoints.setThis')}
            </button>
          ) : undefined
        }
      />
      <ErrorMessage error={ownError} />
      <form className="panel" onSubmit={onSubmit} noValidate>
        <div className="grid grid--2">
          <Field label={t('contactPoints.code')} value={v.code} onChange={set('code')} error={fe.code} autoFocus={!id} />
          <Field label={t('contactPoints.name')} value={v.name} onChange={set('name')} error={fe.name} />
          <DistrictPicker value={v.districtId} onChange={set('districtId')} error={fe.districtId} />
          <Field label={t('contactPoints.address')} value={v.address} onChange={set('address')} error={fe.address} />
          <Field label={t('contactPoints.organisation')} value={v.organisation} onChange={set('organisation')} error={fe.organisation} />
          <DateField label={t('contactPoints.establishedOn')} value={v.establishedOn} onChange={set('establishedOn')} error={fe.establishedOn} />
          <DateField label={t('contactPoints.closedOn')} value={v.closedOn} onChange={set('closedOn')} error={fe.closedOn} />
        </div>
        <TextAreaField label={t('common.notes')} value={v.notes} onChange={set('notes')} error={fe.notes} />
        <FormErrorSummary form={form} />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.busy}>
            {form.busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
      {id && <Staff contactPointId={id} />}
    </section>
  );
}

function Staff({ contactPointId }: { contactPointId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notify = useNotice();
  const form = useApiForm('staff:save');
  const staff = useQuery({ queryKey: ['staff:list', contactPointId], queryFn: () => call('staff:list', { contactPointId, includeInactive: true }) });
  const empty = { fullName: '', position: '', phone: '' };
  const [v, setV] = useState(empty);
  const set = (key: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [key]: value }));
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const saved = await form.submit({ contactPointId, ...v, active: true });
    if (!saved) return;
    setV(empty);
    notify(t('common.saved'));
    await qc.invalidateQueries({ queryKey: ['staff:list', contactPointId] });
    void qc.invalidateQueries({ queryKey: ['contactPoints:list'] });
  }
  async function toggle(m: StaffMember) {
    await form.submit({ id: m.id, contactPointId, userId: m.userId, fullName: m.fullName, position: m.position, phone: m.phone, active: !m.active });
    await qc.invalidateQueries({ queryKey: ['staff:list', contactPointId] });
  }
  return (
    <section className="panel" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('contactPoints.staff')}</h2>
      {(staff.data ?? []).length === 0 ? (
        <p className="empty">{t('contactPoints.noStaff')}</p>
      ) : (
        <table className="simple">
          <thead>
            <tr>
              <th scope="col">{t('contactPoints.staffName')}</th>
              <th scope="col">{t('contactPoints.staffPosition')}</th>
              <th scope="col">{t('contactPoints.staffPhone')}</th>
              <th scope="col">{t('contactPoints.staffActive')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.data!.map((m) => (
              <tr key={m.id}>
                <td>{m.fullName}</td>
                <td>{m.position}</td>
                <td>{m.phone}</td>
                <td>
                  <label className="checkbox">
                    <input type="checkbox" checked={m.active} onChange={() => void toggle(m)} />
                    <span>{m.active ? t('common.yes') : t('common.no')}</span>
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="row" onSubmit={onSubmit} noValidate aria-label={t('contactPoints.addStaff')}>
        <Field label={t('contactPoints.staffName')} value={v.fullName} onChange={set('fullName')} error={form.fieldErrors.fullName} />
        <Field label={t('contactPoints.staffPosition')} value={v.position} onChange={set('position')} error={form.fieldErrors.position} />
        <PhoneField label={t('contactPoints.staffPhone')} value={v.phone} onChange={set('phone')} error={form.fieldErrors.phone} />
        <div className="field">
          <button type="submit" disabled={form.busy}>
            {t('contactPoints.addStaff')}
          </button>
        </div>
      </form>
      <FormErrorSummary form={form} />
    </section>
  );
}
