import { DocumentsPanel } from '../documents/DocumentsPanel';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../shared/api/contract';
import type { AppStatus } from '../../../../shared/api/types';
import { ApiError, call } from '../../api/client';
import { ClientPicker } from '../../components/ClientPicker';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { CheckboxGroup } from '../../components/form/CheckboxGroup';
import { DateField } from '../../components/form/DateField';
import { SelectField } from '../../components/form/SelectField';
import { TextAreaField } from '../../components/form/TextAreaField';
import { useNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { saveFile } from '../../api/files';
import { formatDate } from '../../format';
import { useApiForm } from '../../hooks/useApiForm';
import { useEnumLabel, useEnumOptions } from '../../hooks/useEnumOptions';
import { href, navigate } from '../../router';
import { abandonedWord } from '../clients/AbandonmentPanel';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { DraftNote } from '../../components/DraftNote';
import { useDraft } from '../../hooks/useDraft';
import { useAddress } from '../../hooks/useRegions';

type Input = ChannelInput<'consultations:save'>;

interface Values {
  clientId: string;
  date: string;
  venueKind: 'contact_point' | 'mobile_session';
  contactPointId: string;
  mobileSessionId: string;
  lawyerName: string;
  issues: string[];
  kind: string;
  advice: string;
  referrals: string[];
  followUpOn: string;
  caseId: string;
}

/** Record a consultation (or look at / correct one), and print the receipt for the client. */
export function ConsultationForm({ id, clientId, status }: { id?: string; clientId?: string; status: AppStatus }) {
  const { t, i18n } = useTranslation();
  const address = useAddress();
  const notify = useNotice();
  const qc = useQueryClient();
  const form = useApiForm('consultations:save');
  const existing = useQuery({ queryKey: ['consultations:get', id], queryFn: () => call('consultations:get', { id: id! }), enabled: !!id });
  const [v, setV] = useState<Values>({
    clientId: clientId ?? '',
    date: '',
    venueKind: 'contact_point',
    contactPointId: status.installation?.contactPointId ?? '',
    mobileSessionId: '',
    lawyerName: status.user?.displayName ?? '',
    issues: [],
    kind: 'legal',
    advice: '',
    referrals: [],
    followUpOn: '',
    caseId: '',
  });
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setV((s) => ({ ...s, [key]: value }));
  const [loaded, setLoaded] = useState(!id);
  useEffect(() => {
    const c = existing.data;
    if (!c) return;
    setLoaded(true);
    setV({ clientId: c.clientId, date: c.date, venueKind: c.venueKind, contactPointId: c.contactPointId, mobileSessionId: c.mobileSessionId ?? '', lawyerName: c.lawyerName, issues: c.issues, kind: c.kind, advice: c.advice, referrals: c.referrals.map((r) => r.referral), followUpOn: c.followUpOn ?? '', caseId: c.caseId ?? '' });
  }, [existing.data]);
  const draft = useDraft({ formKey: `consultation:${id ?? `new:${clientId ?? ''}`}`, clientId: v.clientId || null, ready: loaded, values: v, apply: setV });

  const points = useQuery({ queryKey: ['contactPoints:list'], queryFn: () => call('contactPoints:list', { includeClosed: false }) });
  const sessions = useQuery({ queryKey: ['mobileSessions:list', 'recent'], queryFn: () => call('mobileSessions:list', { offset: 0, limit: 100, sort: 'date', dir: 'desc' }), enabled: v.venueKind === 'mobile_session' });
  const client = useQuery({ queryKey: ['clients:get', v.clientId], queryFn: () => call('clients:get', { id: v.clientId }), enabled: !!v.clientId });
  const o = { venue: useEnumOptions('venueKind'), issue: useEnumOptions('issue'), kind: useEnumOptions('consultationKind'), referral: useEnumOptions('referral'), caseType: useEnumLabel('caseType') };
  const [receiptLang, setReceiptLang] = useState(i18n.language === 'ru' ? 'ru' : 'tg');
  const [printing, setPrinting] = useState(false);
  const [printError, setPrintError] = useState<ApiError['info'] | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const old = existing.data;
    const saved = await form.submit({
      ...(id ? { id } : {}),
      clientId: v.clientId,
      date: v.date,
      venueKind: v.venueKind,
      contactPointId: v.venueKind === 'contact_point' ? v.contactPointId : '',
      mobileSessionId: v.venueKind === 'mobile_session' ? v.mobileSessionId : '',
      lawyerUserId: old ? old.lawyerUserId : (status.user?.id ?? null),
      lawyerName: v.lawyerName,
      issues: v.issues as Input['issues'],
      kind: v.kind as Input['kind'],
      advice: v.advice,
      referrals: v.referrals.map((r) => ({ referral: r as never, note: old?.referrals.find((x) => x.referral === r)?.note ?? '' })),
      followUpOn: v.followUpOn,
      caseId: v.caseId,
    });
    if (!saved) return;
    draft.saved();
    notify(t('common.saved'));
    qc.setQueryData(['consultations:get', saved.id], saved);
    void qc.invalidateQueries({ queryKey: ['consultations:list'] });
    void qc.invalidateQueries({ queryKey: ['clients:get', saved.clientId] });
    if (!id) navigate('consultations', saved.id);
  }

  async function printReceipt() {
    if (!id) return;
    setPrinting(true);
    setPrintError(null);
    try {
      const pdf = await call('receipts:consultation', { consultationId: id, language: receiptLang as 'tg' | 'ru' });
      if (await saveFile(pdf)) notify(t('consultations.receiptReady'));
      // A printed receipt is kept with the client's documents.
      await qc.invalidateQueries({ queryKey: ['documents:list'] });
    } catch (e) {
      setPrintError(e instanceof ApiError ? e.info : { code: 'INTERNAL', message: '' });
    } finally {
      setPrinting(false);
    }
  }

  const fe = form.fieldErrors;
  const snap = existing.data?.snapshot;
  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={id ? `${t('consultations.editTitle')} ${existing.data ? formatDate(existing.data.date) : ''}` : t('consultations.newTitle')}
        back={{ href: v.clientId ? href('clients', v.clientId) : href('consultations'), label: t('common.back') }}
        actions={
          id ? (
            <div className="row">
              <SelectField
                label={t('consultations.receiptLanguage')}
                value={receiptLang}
                onChange={setReceiptLang}
                options={[
                  { value: 'tg', label: t('language.tg') },
                  { value: 'ru', label: t('language.ru') },
                ]}
              />
              <div className="field">
                <button type="button" className="primary" onClick={() => void printReceipt()} disabled={printing}>
                  {t('consultations.printReceipt')}
                </button>
              </div>
            </div>
          ) : undefined
        }
      />
      <DraftNote draft={draft} />
      <ErrorMessage error={printError} />
      <form onSubmit={onSubmit} noValidate>
        <div className="panel">
          <div className="grid grid--2">
            {id ? (
              <div className="field">
                <span className="field__label">{t('consultations.client')}</span>
                <a href={href('clients', v.clientId)}>{existing.data?.clientName}</a>
              </div>
            ) : (
              <ClientPicker label={t('consultations.client')} clientId={v.clientId} onChange={set('clientId')} error={fe.clientId} />
            )}
            <DateField label={t('consultations.date')} value={v.date} onChange={set('date')} error={fe.date} hint={v.venueKind === 'mobile_session' ? t('consultations.dateHint') : undefined} />
            <SelectField label={t('consultations.venueKind')} value={v.venueKind} onChange={(x) => set('venueKind')(x as Values['venueKind'])} options={o.venue} error={fe.venueKind} />
            {v.venueKind === 'contact_point' ? (
              <SelectField label={t('consultations.contactPoint')} value={v.contactPointId} onChange={set('contactPointId')} options={(points.data ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))} emptyLabel={t('common.choose')} error={fe.contactPointId} />
            ) : (
              <SelectField
                label={t('consultations.session')}
                value={v.mobileSessionId}
                onChange={set('mobileSessionId')}
                options={(sessions.data?.rows ?? []).map((s) => ({ value: s.id, label: `${formatDate(s.date)} · ${s.code} · ${address({ village: s.village, jamoat: s.jamoat })}` }))}
                emptyLabel={t('common.choose')}
                error={fe.mobileSessionId}
              />
            )}
            <Field label={t('consultations.lawyer')} value={v.lawyerName} onChange={set('lawyerName')} error={fe.lawyerName} />
            <SelectField label={t('consultations.kind')} value={v.kind} onChange={set('kind')} options={o.kind} error={fe.kind} />
          </div>
          <CheckboxGroup legend={t('consultations.issues')} values={v.issues} onChange={set('issues')} options={o.issue} error={fe.issues} columns={3} />
          <TextAreaField label={t('consultations.advice')} value={v.advice} onChange={set('advice')} error={fe.advice} rows={4} />
          <CheckboxGroup legend={t('consultations.referrals')} values={v.referrals} onChange={set('referrals')} options={o.referral} columns={3} />
          <div className="grid grid--2">
            <DateField label={t('consultations.followUp')} value={v.followUpOn} onChange={set('followUpOn')} error={fe.followUpOn} />
            <SelectField
              label={t('consultations.case')}
              value={v.caseId}
              onChange={set('caseId')}
              options={(client.data?.cases ?? []).map((c) => ({ value: c.id, label: `${c.number} · ${o.caseType(c.caseType)}` }))}
              emptyLabel={t('consultations.noCase')}
              error={fe.caseId}
            />
          </div>
          <FormErrorSummary form={form} />
          <div className="actions">
            <button type="submit" className="primary" disabled={form.busy}>
              {form.busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </div>
      </form>
      {snap && (
        <section className="panel" aria-labelledby="snap-title">
          <h2 id="snap-title">{t('consultations.snapshot')}</h2>
          <dl className="facts">
            <dt>{t('clients.sex')}</dt>
            <dd>{t(`enum.sex.${snap.sex}`)}</dd>
            <dt>{t('clients.ageShort')}</dt>
            <dd>{snap.age ?? t('common.unknown')}</dd>
            <dt>{t('consultations.migrant')}</dt>
            <dd>{snap.migrantHousehold ? t('common.yes') : t('common.no')}</dd>
            {snap.maritalStatus && (
              <>
                <dt>{t('clients.maritalStatus')}</dt>
                <dd>{t(`enum.maritalStatus.${snap.maritalStatus}`)}</dd>
              </>
            )}
            {snap.migrantHousehold && (
              <>
                <dt>{t('consultations.abandoned')}</dt>
                <dd>{abandonedWord(t, snap.abandoned)}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      {id && existing.data && <DocumentsPanel owner={{ consultationId: id }} />}
    </section>
  );
}
