import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../../shared/api/clientTypes';
import type { ChannelInput } from '../../../../shared/api/contract';
import type { AppStatus } from '../../../../shared/api/types';
import { formatSomoni, parseSomoni } from '../../../../shared/domain/money';
import { abroadChoices } from '../../../../shared/reference/places';
import { call } from '../../api/client';
import { ClientPicker } from '../../components/ClientPicker';
import { Field } from '../../components/Field';
import { DateField } from '../../components/form/DateField';
import { DistrictPicker } from '../../components/form/DistrictPicker';
import { SelectField } from '../../components/form/SelectField';
import { Suggestions } from '../../components/form/Suggestions';
import { TextAreaField } from '../../components/form/TextAreaField';
import { useNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useApiForm } from '../../hooks/useApiForm';
import { useEnumOptions } from '../../hooks/useEnumOptions';
import { href, navigate } from '../../router';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { DraftNote } from '../../components/DraftNote';
import { useDraft } from '../../hooks/useDraft';
import { ConflictDialog } from './ConflictDialog';

interface Values {
  clientId: string;
  caseType: string;
  number: string;
  openedOn: string;
  responsibleName: string;
  courtName: string;
  courtDistrictId: string;
  courtCaseNumber: string;
  judge: string;
  respondentName: string;
  respondentBirthDate: string;
  respondentAddress: string;
  respondentWhereabouts: string;
  respondentPhone: string;
  monthlyAlimony: string;
  arrearsRecovered: string;
  notes: string;
}

/** Open a case for a client, or edit its particulars (status changes are made on the case page). */
export function CaseForm({ id, clientId, status }: { id?: string; clientId?: string; status: AppStatus }) {
  const { t, i18n } = useTranslation();
  // The courts of the legal references (names an administrator keeps), offered for the court field.
  const refs = useQuery({ queryKey: ['legalRefs:list'], queryFn: () => call('legalRefs:list', {}) });
  const courtNames = (refs.data ?? []).filter((r) => /^court_(?!address_)/.test(r.key)).map((r) => (i18n.language === 'ru' ? r.textRu : r.textTg));
  const notify = useNotice();
  const qc = useQueryClient();
  const types = useEnumOptions('caseType');
  const form = useApiForm('cases:save');
  const checker = useApiForm('cases:checkConflicts');
  const existing = useQuery({ queryKey: ['cases:get', id], queryFn: () => call('cases:get', { id: id! }), enabled: !!id });
  const [v, setV] = useState<Values>({
    clientId: clientId ?? '',
    caseType: '',
    number: '',
    openedOn: '',
    responsibleName: status.user?.displayName ?? '',
    courtName: '',
    courtDistrictId: '',
    courtCaseNumber: '',
    judge: '',
    respondentName: '',
    respondentBirthDate: '',
    respondentAddress: '',
    respondentWhereabouts: '',
    respondentPhone: '',
    monthlyAlimony: '',
    arrearsRecovered: '',
    notes: '',
  });
  const set = (key: keyof Values) => (value: string) => setV((s) => ({ ...s, [key]: value }));
  const [loaded, setLoaded] = useState(!id);
  useEffect(() => {
    const c = existing.data?.case;
    if (!c) return;
    setLoaded(true);
    setV({
      clientId: c.clientId,
      caseType: c.caseType,
      number: c.number,
      openedOn: c.openedOn,
      responsibleName: c.responsibleName,
      courtName: c.courtName,
      courtDistrictId: c.courtDistrictId ?? '',
      courtCaseNumber: c.courtCaseNumber,
      judge: c.judge,
      respondentName: c.respondentName,
      respondentBirthDate: c.respondentBirthDate ?? '',
      respondentAddress: c.respondentAddress,
      respondentWhereabouts: c.respondentWhereabouts,
      respondentPhone: c.respondentPhone,
      monthlyAlimony: formatSomoni(c.monthlyAlimonyDiram).replace(/\u00a0/g, ''),
      arrearsRecovered: formatSomoni(c.arrearsRecoveredDiram).replace(/\u00a0/g, ''),
      notes: c.notes,
    });
  }, [existing.data]);
  const draft = useDraft({ formKey: `case:${id ?? `new:${clientId ?? ''}`}`, clientId: v.clientId || null, ready: loaded, values: v, apply: setV });

  // The respondent's matches with the office's clients, while the lawyer decides (null: no warning open).
  const [conflict, setConflict] = useState<DuplicateCandidate[] | null>(null);

  function input(): ChannelInput<'cases:save'> {
    const c = existing.data?.case;
    return {
      ...(id ? { id } : {}),
      clientId: v.clientId,
      caseType: v.caseType as never,
      number: v.number,
      openedOn: v.openedOn,
      contactPointId: c?.contactPointId ?? status.installation?.contactPointId ?? '',
      responsibleUserId: c ? c.responsibleUserId : (status.user?.id ?? null),
      responsibleName: v.responsibleName,
      courtName: v.courtName,
      courtDistrictId: v.courtDistrictId,
      courtCaseNumber: v.courtCaseNumber,
      judge: v.judge,
      respondentName: v.respondentName,
      respondentBirthDate: v.respondentBirthDate,
      respondentAddress: v.respondentAddress,
      respondentWhereabouts: v.respondentWhereabouts,
      respondentPhone: v.respondentPhone,
      monthlyAlimonyDiram: parseSomoni(v.monthlyAlimony),
      arrearsRecoveredDiram: parseSomoni(v.arrearsRecovered),
      notes: v.notes,
    };
  }

  /** Whether the respondent is new or changed: then it is checked against the office's clients before saving. */
  function respondentToCheck(): boolean {
    const c = existing.data?.case;
    const now = [v.respondentName.trim(), v.respondentBirthDate, v.respondentPhone.trim()];
    const before = c ? [c.respondentName, c.respondentBirthDate ?? '', c.respondentPhone] : ['', '', ''];
    return (now[0] !== '' || now[2] !== '') && now.some((x, i) => x !== before[i]);
  }

  async function save(decision?: { reason: string; clientIds: string[] }) {
    const saved = await form.submit({ ...input(), ...(decision ? { conflict: decision } : {}) });
    if (!saved) return;
    setConflict(null);
    draft.saved();
    notify(t('common.saved'));
    qc.setQueryData(['cases:get', saved.case.id], saved);
    void qc.invalidateQueries({ queryKey: ['cases:list'] });
    void qc.invalidateQueries({ queryKey: ['clients:get', saved.case.clientId] });
    navigate('cases', saved.case.id);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (v.clientId && respondentToCheck()) {
      const found = await checker.submit({
        ...(id ? { caseId: id } : {}),
        clientId: v.clientId,
        respondentName: v.respondentName,
        respondentBirthDate: v.respondentBirthDate,
        respondentPhone: v.respondentPhone,
      });
      if (!found) return;
      // Never saved silently over a match: the lawyer decides first.
      if (found.matches.length > 0) {
        setConflict(found.matches);
        return;
      }
    }
    await save();
  }

  async function cancelConflict() {
    const matches = conflict ?? [];
    setConflict(null);
    await call('cases:declineConflict', { ...(id ? { caseId: id } : {}), clientId: v.clientId, clientIds: matches.map((m) => m.client.id) });
    notify(t('protection.conflictCancelled'));
  }

  const fe = form.fieldErrors;
  return (
    <section aria-labelledby="section-title">
      <PageHeader title={id ? `${t('cases.editTitle')} ${existing.data?.case.number ?? ''}` : t('cases.newTitle')} back={{ href: id ? href('cases', id) : v.clientId ? href('clients', v.clientId) : href('cases'), label: t('common.back') }} />
      <DraftNote draft={draft} />
      <form onSubmit={onSubmit} noValidate>
        <div className="panel">
          <div className="grid grid--2">
            {id ? null : <ClientPicker label={t('cases.client')} clientId={v.clientId} onChange={set('clientId')} error={fe.clientId} />}
            <SelectField label={t('cases.type')} value={v.caseType} onChange={set('caseType')} options={types} emptyLabel={t('common.choose')} error={fe.caseType} required autoFocus={!!v.clientId} />
            <DateField label={t('cases.openedOn')} value={v.openedOn} onChange={set('openedOn')} error={fe.openedOn} hint={t('cases.todayHint')} />
            <Field label={t('cases.number')} value={v.number} onChange={set('number')} error={fe.number} hint={t('sessions.codeHint')} />
            <Field label={t('cases.responsible')} value={v.responsibleName} onChange={set('responsibleName')} error={fe.responsibleName} />
          </div>
        </div>
        <div className="panel">
          <h2>{t('cases.court')}</h2>
          <div className="grid grid--2">
            <Field label={t('cases.courtName')} value={v.courtName} onChange={set('courtName')} error={fe.courtName} hint={t('cases.courtNameHint')} list="ref-courts" autoComplete="off" />
            <Suggestions id="ref-courts" options={courtNames} />
            <DistrictPicker value={v.courtDistrictId} onChange={set('courtDistrictId')} error={fe.courtDistrictId} label={t('cases.courtDistrict')} />
            <Field label={t('cases.courtCaseNumber')} value={v.courtCaseNumber} onChange={set('courtCaseNumber')} error={fe.courtCaseNumber} />
            <Field label={t('cases.judge')} value={v.judge} onChange={set('judge')} error={fe.judge} />
          </div>
          <h2>{t('cases.respondent')}</h2>
          <div className="grid grid--2">
            <Field label={t('cases.respondentName')} value={v.respondentName} onChange={set('respondentName')} error={fe.respondentName} />
            <DateField label={t('cases.respondentBirthDate')} value={v.respondentBirthDate} onChange={set('respondentBirthDate')} error={fe.respondentBirthDate} />
            <Field label={t('cases.respondentAddress')} value={v.respondentAddress} onChange={set('respondentAddress')} error={fe.respondentAddress} />
            <Field
              label={t('cases.respondentWhereabouts')}
              value={v.respondentWhereabouts}
              onChange={set('respondentWhereabouts')}
              error={fe.respondentWhereabouts}
              list="ref-abroad"
              autoComplete="off"
            />
            <Suggestions id="ref-abroad" options={abroadChoices(i18n.language)} />
            <Field label={t('protection.respondentPhone')} value={v.respondentPhone} onChange={set('respondentPhone')} error={fe.respondentPhone} type="tel" inputMode="tel" autoComplete="off" />
          </div>
          {existing.data?.case.conflictNote && <p className="small muted">{t('protection.conflictNote', { note: existing.data.case.conflictNote })}</p>}
          <h2>{t('cases.amounts')}</h2>
          <div className="grid grid--2">
            <Field label={t('cases.monthlyAlimony')} value={v.monthlyAlimony} onChange={set('monthlyAlimony')} error={fe.monthlyAlimonyDiram} inputMode="decimal" />
            <Field label={t('cases.arrearsRecovered')} value={v.arrearsRecovered} onChange={set('arrearsRecovered')} error={fe.arrearsRecoveredDiram} inputMode="decimal" />
          </div>
          <TextAreaField label={t('cases.notes')} value={v.notes} onChange={set('notes')} error={fe.notes} />
          <FormErrorSummary form={form} />
          <FormErrorSummary form={checker} />
          <div className="actions">
            <button type="submit" className="primary" disabled={form.busy || checker.busy}>
              {form.busy || checker.busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </div>
      </form>
      <ConflictDialog
        matches={conflict}
        busy={form.busy}
        error={form.fieldErrors['conflict.reason']}
        onProceed={(reason) => void save({ reason, clientIds: (conflict ?? []).map((m) => m.client.id) })}
        onCancel={() => void cancelConflict()}
      />
    </section>
  );
}
