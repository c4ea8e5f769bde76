import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../../shared/api/clientTypes';
import type { AppStatus } from '../../../../shared/api/types';
import type { ChannelInput } from '../../../../shared/api/contract';
import { todayIso } from '../../../../shared/domain/dates';
import type { ConsultationKind, MaritalStatus, RelationToMigrant, Sex } from '../../../../shared/domain/enums';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { CheckboxGroup } from '../../components/form/CheckboxGroup';
import { DateField } from '../../components/form/DateField';
import { PhoneField } from '../../components/form/PhoneField';
import { SelectField } from '../../components/form/SelectField';
import { TextAreaField } from '../../components/form/TextAreaField';
import { useNotice } from '../../components/Notice';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DraftNote } from '../../components/DraftNote';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, fullName } from '../../format';
import { useApiForm } from '../../hooks/useApiForm';
import { useDraft } from '../../hooks/useDraft';
import { useEnumLabel, useEnumOptions } from '../../hooks/useEnumOptions';
import { useAddress } from '../../hooks/useRegions';
import { href } from '../../router';
import { DuplicateList, useDuplicates } from '../clients/DuplicateCandidates';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { toBool, type YesNo } from '../clients/clientModel';

// The session desk: on the day of a mobile session, one compact form registers a woman and records her
// consultation. Keyboard only: Tab walks the fields, Enter saves (Shift+Enter for a new line in the
// advice), Escape asks before clearing; after saving the form clears and the focus is back on the
// surname. What is typed is kept as an unsaved entry until it is saved or cleared, so an idle lock in
// the middle of an intake loses nothing.

/** A child as the desk asks about her or him: enough to start a birth-certificate or alimony case. */
interface DeskChild {
  givenName: string;
  birthDate: string;
  sex: '' | Sex;
  hasBirthCertificate: YesNo;
}

const emptyDeskChild = (): DeskChild => ({ givenName: '', birthDate: '', sex: '', hasBirthCertificate: '' });

interface DeskValues {
  surname: string;
  givenName: string;
  patronymic: string;
  sex: Sex;
  birthDate: string;
  age: string;
  phone: string;
  consent: boolean;
  isMigrant: boolean;
  relation: RelationToMigrant;
  husbandSurname: string;
  husbandGivenName: string;
  country: string;
  city: string;
  departureDate: string;
  lastRemittanceDate: string;
  maritalStatus: MaritalStatus;
  children: DeskChild[];
  issues: string[];
  kind: ConsultationKind;
  advice: string;
  referrals: string[];
}

const emptyDesk = (): DeskValues => ({
  surname: '',
  givenName: '',
  patronymic: '',
  sex: 'F',
  birthDate: '',
  age: '',
  phone: '',
  consent: false,
  isMigrant: true,
  relation: 'wife',
  husbandSurname: '',
  husbandGivenName: '',
  country: '',
  city: '',
  departureDate: '',
  lastRemittanceDate: '',
  maritalStatus: 'unknown',
  children: [],
  issues: [],
  kind: 'legal',
  advice: '',
  referrals: [],
});

export function DeskScreen({ sessionId, status }: { sessionId: string; status: AppStatus }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const client = useQueryClient();
  const address = useAddress();
  const issueLabel = useEnumLabel('issue');
  const session = useQuery({ queryKey: ['mobileSessions:get', sessionId], queryFn: () => call('mobileSessions:get', { id: sessionId }) });
  const form = useApiForm('desk:register');
  const [v, setV] = useState<DeskValues>(emptyDesk);
  const [existing, setExisting] = useState<ClientSummary | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useDraft({
    formKey: `desk:${sessionId}`,
    values: { desk: v, existing },
    apply: (d) => {
      // An entry kept by an earlier version may lack newer parts (the children): they start empty.
      setV({ ...emptyDesk(), ...d.desk });
      setExisting(d.existing);
    },
  });
  const pristine = JSON.stringify(v) === JSON.stringify(emptyDesk()) && existing === null;
  const set =
    <K extends keyof DeskValues>(key: K) =>
    (value: DeskValues[K]) =>
      setV((s) => ({ ...s, [key]: value }));

  const dups = useDuplicates({ surname: v.surname, givenName: v.givenName, birthDate: v.birthDate, phones: v.phone ? [v.phone] : [] }, existing === null);
  const options = {
    sex: useEnumOptions('sex'),
    childSex: useEnumOptions('childSex'),
    relation: useEnumOptions('relationToMigrant'),
    marital: useEnumOptions('maritalStatus'),
    issues: useEnumOptions('issue'),
    kind: useEnumOptions('consultationKind'),
    referral: useEnumOptions('referral'),
  };
  const fe = form.fieldErrors;
  const yesNo = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  const setChild = (i: number, patch: Partial<DeskChild>) => setV((s) => ({ ...s, children: s.children.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const childrenRef = useRef<HTMLFieldSetElement>(null);
  function addChild() {
    setV((s) => ({ ...s, children: [...s.children, emptyDeskChild()] }));
    // The new row's name is where the lawyer types next.
    requestAnimationFrame(() => [...(childrenRef.current?.querySelectorAll<HTMLInputElement>('[data-child-name]') ?? [])].at(-1)?.focus());
  }
  function removeChild(i: number) {
    setV((s) => ({ ...s, children: s.children.filter((_, j) => j !== i) }));
    requestAnimationFrame(() => childrenRef.current?.querySelector<HTMLButtonElement>('[data-add-child]')?.focus());
  }

  function reset() {
    form.reset();
    setV(emptyDesk());
    setExisting(null);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('input')?.focus());
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const s = session.data?.session;
    if (!s) return;
    const consultation = {
      lawyerUserId: status.user?.id ?? null,
      lawyerName: status.user?.displayName ?? '',
      kind: v.kind,
      issues: v.issues as ChannelInput<'desk:register'>['consultation']['issues'],
      advice: v.advice,
      referrals: v.referrals.map((r) => ({ referral: r as never, note: '' })),
    };
    const input: ChannelInput<'desk:register'> = existing
      ? { mobileSessionId: sessionId, clientId: existing.id, consultation }
      : {
          mobileSessionId: sessionId,
          consultation,
          client: {
            surname: v.surname,
            givenName: v.givenName,
            patronymic: v.patronymic,
            sex: v.sex,
            birthDate: v.birthDate,
            age: v.birthDate || v.age.trim() === '' ? null : Number(v.age),
            phones: v.phone.trim() ? [{ phone: v.phone, label: '' }] : [],
            residenceDistrictId: s.districtId,
            residenceJamoat: s.jamoat,
            residenceVillage: s.village,
            consentOn: v.consent ? todayIso() : '',
            consentMethod: v.consent ? 'oral' : null,
            household: v.isMigrant
              ? {
                  relation: v.relation,
                  migrantSurname: v.husbandSurname,
                  migrantGivenName: v.husbandGivenName,
                  country: v.country,
                  city: v.city,
                  departureDate: v.departureDate,
                  lastRemittanceDate: v.lastRemittanceDate,
                  maritalStatus: v.maritalStatus,
                }
              : null,
            children: v.children.map((ch) => ({
              givenName: ch.givenName,
              birthDate: ch.birthDate,
              sex: ch.sex || null,
              hasBirthCertificate: toBool(ch.hasBirthCertificate),
            })),
          },
        };
    const saved = await form.submit(input);
    if (!saved) return;
    draft.saved();
    notify(t('desk.savedFor', { name: fullName(saved.client.client) }));
    await client.invalidateQueries({ queryKey: ['mobileSessions:get', sessionId] });
    void client.invalidateQueries({ queryKey: ['clients:list'] });
    void client.invalidateQueries({ queryKey: ['consultations:list'] });
    reset();
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    const target = e.target as HTMLElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      askClear();
    } else if (e.key === 'Enter' && !e.shiftKey && target.tagName !== 'BUTTON' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  /** Clearing throws away what was typed: asked first, unless there is nothing to lose. */
  function askClear() {
    if (pristine) reset();
    else setConfirmClear(true);
  }

  function clear() {
    setConfirmClear(false);
    draft.discard();
    reset();
  }

  if (session.isPending) return <p>{t('app.loading')}</p>;
  if (session.error) return <ErrorMessage error={session.error instanceof ApiError ? session.error.info : { code: 'INTERNAL', message: '' }} />;
  const s = session.data.session;
  const place = address({ village: s.village, jamoat: s.jamoat, districtId: s.districtId });
  const err = (path: string) => fe[`client.${path}`];
  const seen = session.data.consultations;

  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={t('desk.title')}
        back={{ href: href('mobileSessions', sessionId), label: `${s.code} · ${formatDate(s.date)}` }}
        subtitle={
          <>
            {formatDate(s.date)} · {place} · <span className="badge">{t(`enum.sessionStatus.${s.status}`)}</span>
          </>
        }
      />
      {s.date !== todayIso() && <p className="alert alert--info small">{t('desk.notOpen')}</p>}
      <div className="desk">
        <form ref={formRef} className="desk__form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-describedby="desk-keys">
          <p id="desk-keys" className="small muted">
            {t('desk.keyboard')}
          </p>
          <DraftNote draft={draft} />
          {existing ? (
            <div className="duplicates" role="status">
              <strong>{t('desk.usingExisting', { name: fullName(existing) })}</strong>{' '}
              <button type="button" className="link" onClick={() => setExisting(null)}>
                {t('desk.registerNew')}
              </button>
            </div>
          ) : (
            <DuplicateList
              candidates={dups.data ?? []}
              title={t('desk.duplicatesTitle')}
              hint={t('desk.duplicatesHint')}
              actionLabel={t('desk.useClient')}
              onAction={(c) => {
                setExisting(c.client);
                formRef.current?.querySelector<HTMLElement>('fieldset[data-part="consultation"] input')?.focus();
              }}
            />
          )}
          <fieldset className="desk__group" disabled={existing !== null}>
            <legend>{t('desk.person')}</legend>
            <div className="desk__grid">
              <Field label={t('clients.surname')} value={v.surname} onChange={set('surname')} error={err('surname')} autoFocus autoComplete="off" />
              <Field label={t('clients.givenName')} value={v.givenName} onChange={set('givenName')} error={err('givenName')} autoComplete="off" />
              <Field label={t('clients.patronymic')} value={v.patronymic} onChange={set('patronymic')} error={err('patronymic')} autoComplete="off" />
              <DateField label={t('clients.birthDate')} value={v.birthDate} onChange={set('birthDate')} error={err('birthDate')} />
              <Field label={t('clients.ageShort')} value={v.age} onChange={set('age')} error={err('age')} inputMode="numeric" autoComplete="off" />
              <PhoneField label={t('clients.phone')} value={v.phone} onChange={set('phone')} error={fe['client.phones.0.phone']} />
              <SelectField label={t('clients.sex')} value={v.sex} onChange={(x) => set('sex')(x as Sex)} options={options.sex} />
            </div>
            <label className="check-inline">
              <input type="checkbox" checked={v.consent} onChange={(e) => set('consent')(e.target.checked)} />
              {t('desk.consentOral')}
            </label>
          </fieldset>
          <fieldset className="desk__group" disabled={existing !== null}>
            <legend>{t('desk.household')}</legend>
            <label className="check-inline">
              <input type="checkbox" checked={v.isMigrant} onChange={(e) => set('isMigrant')(e.target.checked)} />
              {t('desk.isMigrant')}
            </label>
            {v.isMigrant && (
              <div className="desk__grid">
                <SelectField label={t('clients.relation')} value={v.relation} onChange={(x) => set('relation')(x as RelationToMigrant)} options={options.relation} />
                <Field label={t('desk.husbandSurname')} value={v.husbandSurname} onChange={set('husbandSurname')} error={err('household.migrantSurname')} autoComplete="off" />
                <Field label={t('desk.husbandGivenName')} value={v.husbandGivenName} onChange={set('husbandGivenName')} error={err('household.migrantGivenName')} autoComplete="off" />
                <Field label={t('clients.country')} value={v.country} onChange={set('country')} error={err('household.country')} autoComplete="off" />
                <Field label={t('clients.city')} value={v.city} onChange={set('city')} error={err('household.city')} autoComplete="off" />
                <DateField label={t('clients.departureDate')} value={v.departureDate} onChange={set('departureDate')} error={err('household.departureDate')} />
                <DateField label={t('clients.lastRemittanceDate')} value={v.lastRemittanceDate} onChange={set('lastRemittanceDate')} error={err('household.lastRemittanceDate')} />
                <SelectField label={t('clients.maritalStatus')} value={v.maritalStatus} onChange={(x) => set('maritalStatus')(x as MaritalStatus)} options={options.marital} />
              </div>
            )}
          </fieldset>
          <fieldset className="desk__group" disabled={existing !== null} ref={childrenRef}>
            <legend>{t('clients.children')}</legend>
            {v.children.map((ch, i) => (
              <div className="desk__child" key={i} role="group" aria-label={`${t('clients.child')} ${i + 1}`}>
                <Field label={t('clients.childName')} value={ch.givenName} onChange={(x) => setChild(i, { givenName: x })} error={err(`children.${i}.givenName`)} autoComplete="off" data-child-name />
                <DateField label={t('clients.childBirthDate')} value={ch.birthDate} onChange={(x) => setChild(i, { birthDate: x })} error={err(`children.${i}.birthDate`)} />
                <SelectField label={t('clients.childSex')} value={ch.sex} onChange={(x) => setChild(i, { sex: x as DeskChild['sex'] })} options={options.childSex} emptyLabel={t('common.unknown')} />
                <SelectField label={t('clients.hasBirthCertificate')} value={ch.hasBirthCertificate} onChange={(x) => setChild(i, { hasBirthCertificate: x as YesNo })} options={yesNo} emptyLabel={t('common.unknown')} />
                <button type="button" className="small" onClick={() => removeChild(i)} aria-label={`${t('common.remove')}: ${t('clients.child')} ${i + 1}`}>
                  {t('common.remove')}
                </button>
              </div>
            ))}
            <button type="button" className="small" onClick={addChild} data-add-child>
              {t('clients.addChild')}
            </button>
          </fieldset>
          <fieldset className="desk__group" data-part="consultation">
            <legend>{t('desk.consultation')}</legend>
            <CheckboxGroup legend={t('consultations.issues')} values={v.issues} onChange={set('issues')} options={options.issues} error={fe['consultation.issues']} columns={3} arrowKeys />
            <SelectField className="desk__wide" label={t('consultations.kind')} value={v.kind} onChange={(x) => set('kind')(x as ConsultationKind)} options={options.kind} />
            <TextAreaField label={t('consultations.advice')} value={v.advice} onChange={set('advice')} error={fe['consultation.advice']} rows={2} hint={t('desk.adviceHint')} />
            <CheckboxGroup legend={t('consultations.referrals')} values={v.referrals} onChange={set('referrals')} options={options.referral} columns={3} arrowKeys />
          </fieldset>
          <div className="desk__bar" data-fixed-bar>
            <button type="submit" className="primary" disabled={form.busy}>
              {form.busy ? t('desk.saving') : t('desk.save')} <span className="kbd">Enter</span>
            </button>
            <button type="button" onClick={askClear}>
              {t('desk.clear')} <span className="kbd">Esc</span>
            </button>
            <FormErrorSummary form={form} />
          </div>
        </form>
        <ConfirmDialog open={confirmClear} title={t('workday.clearTitle')} confirmLabel={t('workday.clearConfirm')} danger onConfirm={clear} onCancel={() => setConfirmClear(false)}>
          <p>{t('workday.clearBody')}</p>
        </ConfirmDialog>
        <section className="panel desk__seen" aria-labelledby="seen-title">
          <h2 id="seen-title">
            {t('desk.seenToday')} ({seen.length})
          </h2>
          {seen.length === 0 ? (
            <p className="empty">{t('sessions.noSeen')}</p>
          ) : (
            <ol>
              {[...seen].reverse().map((c) => (
                <li key={c.id}>
                  <a href={href('clients', c.clientId)}>{c.clientName}</a>
                  <div className="small muted">{c.issues.map(issueLabel).join(', ')}</div>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </section>
  );
}
