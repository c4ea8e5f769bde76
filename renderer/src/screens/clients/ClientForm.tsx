import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaritalStatus, RelationToMigrant, Sex } from '../../../../shared/domain/enums';
import { DOCUMENT_TYPES } from '../../../../shared/reference/phrases';
import { placeWord } from '../../../../shared/reference/addresses';
import { cityChoices, countryChoices } from '../../../../shared/reference/places';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { DateField } from '../../components/form/DateField';
import { DistrictPicker } from '../../components/form/DistrictPicker';
import { PhoneField } from '../../components/form/PhoneField';
import { SelectField } from '../../components/form/SelectField';
import { Suggestions } from '../../components/form/Suggestions';
import { TextAreaField } from '../../components/form/TextAreaField';
import { useNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useApiForm } from '../../hooks/useApiForm';
import { useEnumOptions } from '../../hooks/useEnumOptions';
import { href, navigate } from '../../router';
import { clientValuesFrom, emptyChild, emptyClient, toClientInput, type ClientValues, type HouseholdValues, type YesNo } from './clientModel';
import { pick } from '../filings/labels';
import { DuplicateList, useDuplicates } from './DuplicateCandidates';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { DraftNote } from '../../components/DraftNote';
import { useDraft } from '../../hooks/useDraft';

/** Register a client or edit one; a new record shows likely duplicates before it is saved. */
export function ClientForm({ id }: { id?: string }) {
  const { t, i18n } = useTranslation();
  const notify = useNotice();
  const qc = useQueryClient();
  const form = useApiForm('clients:save');
  const existing = useQuery({ queryKey: ['clients:get', id], queryFn: () => call('clients:get', { id: id! }), enabled: !!id });
  const [v, setV] = useState<ClientValues>(emptyClient);
  const [confirmedDifferent, setConfirmedDifferent] = useState(false);
  const dupRef = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState(!id);
  useEffect(() => {
    if (!existing.data) return;
    setV(clientValuesFrom(existing.data));
    setLoaded(true);
  }, [existing.data]);
  const draft = useDraft({ formKey: `client:${id ?? 'new'}`, clientId: id ?? null, ready: loaded, values: v, apply: setV });

  const set =
    <K extends keyof ClientValues>(key: K) =>
    (value: ClientValues[K]) =>
      setV((s) => ({ ...s, [key]: value }));
  const setH =
    <K extends keyof HouseholdValues>(key: K) =>
    (value: HouseholdValues[K]) =>
      setV((s) => ({ ...s, household: { ...s.household, [key]: value } }));

  const dups = useDuplicates({ ...(id ? { excludeId: id } : {}), surname: v.surname, givenName: v.givenName, birthDate: v.birthDate, phones: v.phones.map((p) => p.phone), idDocNumber: v.idDocNumber }, !id);
  const candidates = id ? [] : (dups.data ?? []);

  const o = {
    sex: useEnumOptions('sex'),
    childSex: useEnumOptions('childSex'),
    relation: useEnumOptions('relationToMigrant'),
    marital: useEnumOptions('maritalStatus'),
    employment: useEnumOptions('employment'),
    education: useEnumOptions('education'),
    residence: useEnumOptions('residence'),
    consent: useEnumOptions('consentMethod'),
  };
  const yesNo = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  const fe = form.fieldErrors;

  async function save() {
    const saved = await form.submit(toClientInput(v));
    if (!saved) return;
    draft.saved();
    notify(t('common.saved'));
    qc.setQueryData(['clients:get', saved.client.id], saved);
    void qc.invalidateQueries({ queryKey: ['clients:list'] });
    navigate('clients', saved.client.id);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (candidates.length > 0 && !confirmedDifferent) {
      dupRef.current?.querySelector('button')?.focus();
      return;
    }
    await save();
  }

  if (id && existing.error) return <ErrorMessage error={existing.error instanceof ApiError ? existing.error.info : { code: 'INTERNAL', message: '' }} />;
  return (
    <section aria-labelledby="section-title">
      <PageHeader title={id ? t('clients.editTitle') : t('clients.newTitle')} back={{ href: id ? href('clients', id) : href('clients'), label: t('common.back') }} />
      <DraftNote draft={draft} />
      <form onSubmit={onSubmit} noValidate>
        <div ref={dupRef}>
          <DuplicateList candidates={candidates} title={t('clients.duplicatesTitle')} actionLabel={t('clients.openExisting')} onAction={(c) => navigate('clients', c.client.id)} />
          {candidates.length > 0 && !confirmedDifferent && (
            <p className="actions">
              <button
                type="button"
                onClick={() => {
                  setConfirmedDifferent(true);
                  void save();
                }}
              >
                {t('clients.saveAnyway')}
              </button>
            </p>
          )}
        </div>
        <div className="panel">
          <h2>{t('clients.identity')}</h2>
          <div className="grid">
            <Field label={t('clients.surname')} value={v.surname} onChange={set('surname')} error={fe.surname} autoFocus autoComplete="off" />
            <Field label={t('clients.givenName')} value={v.givenName} onChange={set('givenName')} error={fe.givenName} autoComplete="off" />
            <Field label={t('clients.patronymic')} value={v.patronymic} onChange={set('patronymic')} error={fe.patronymic} autoComplete="off" />
            <SelectField label={t('clients.sex')} value={v.sex} onChange={(x) => set('sex')(x as Sex)} options={o.sex} error={fe.sex} />
            <DateField label={t('clients.birthDate')} value={v.birthDate} onChange={set('birthDate')} error={fe.birthDate} />
            <Field label={t('clients.age')} value={v.age} onChange={set('age')} error={fe.age} inputMode="numeric" disabled={!!v.birthDate} />
            <Field label={t('clients.idDocType')} value={v.idDocType} onChange={set('idDocType')} error={fe.idDocType} list="ref-document-types" autoComplete="off" />
            <Suggestions id="ref-document-types" options={DOCUMENT_TYPES.map((d) => pick(d.name, i18n.language))} />
            <Field label={t('clients.idDocNumber')} value={v.idDocNumber} onChange={set('idDocNumber')} error={fe.idDocNumber} />
          </div>
        </div>

        <div className="panel">
          <h2>{t('clients.phones')}</h2>
          {v.phones.map((p, i) => (
            <div className="row" key={i}>
              <PhoneField label={t('clients.phone')} value={p.phone} onChange={(x) => set('phones')(v.phones.map((q, j) => (j === i ? { ...q, phone: x } : q)))} error={fe[`phones.${i}.phone`]} />
              <Field label={t('clients.phoneLabel')} value={p.label} onChange={(x) => set('phones')(v.phones.map((q, j) => (j === i ? { ...q, label: x } : q)))} />
              <button type="button" className="small" onClick={() => set('phones')(v.phones.filter((_, j) => j !== i))} aria-label={`${t('common.remove')}: ${t('clients.phone')} ${i + 1}`}>
                {t('common.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set('phones')([...v.phones, { phone: '', label: '' }])}>
            {t('clients.addPhone')}
          </button>
        </div>

        <div className="panel">
          <h2>{t('clients.residence')}</h2>
          <div className="grid">
            <DistrictPicker value={v.residenceDistrictId} onChange={set('residenceDistrictId')} error={fe.residenceDistrictId} />
            <Field label={t('clients.residenceJamoat')} value={v.residenceJamoat} onChange={set('residenceJamoat')} error={fe.residenceJamoat} affix={placeWord('jamoat', i18n.language)} />
            <Field label={t('clients.residenceVillage')} value={v.residenceVillage} onChange={set('residenceVillage')} error={fe.residenceVillage} affix={placeWord('village', i18n.language)} />
            <Field label={t('clients.residenceAddress')} value={v.residenceAddress} onChange={set('residenceAddress')} error={fe.residenceAddress} />
            <SelectField label={t('clients.residenceType')} value={v.residenceType} onChange={set('residenceType')} options={o.residence} />
            <Field label={t('clients.languages')} value={v.languages} onChange={set('languages')} hint={t('clients.languagesHint')} error={fe.languages} />
          </div>
        </div>

        <div className="panel">
          <h2>{t('clients.background')}</h2>
          <div className="grid">
            <SelectField label={t('clients.employment')} value={v.employment} onChange={set('employment')} options={o.employment} />
            <SelectField label={t('clients.education')} value={v.education} onChange={set('education')} options={o.education} />
            <SelectField label={t('clients.socialAssistance')} value={v.socialAssistance} onChange={(x) => set('socialAssistance')(x as YesNo)} options={yesNo} emptyLabel={t('common.unknown')} />
          </div>
          <h2>{t('clients.consent')}</h2>
          <div className="grid">
            <DateField label={t('clients.consentOn')} value={v.consentOn} onChange={set('consentOn')} error={fe.consentOn} />
            <SelectField label={t('clients.consentMethod')} value={v.consentMethod} onChange={set('consentMethod')} options={o.consent} emptyLabel={t('common.choose')} error={fe.consentMethod} />
          </div>
        </div>

        <div className="panel">
          <h2>{t('clients.household')}</h2>
          <label className="check-inline">
            <input type="checkbox" checked={v.hasHousehold} onChange={(e) => set('hasHousehold')(e.target.checked)} />
            {t('desk.isMigrant')}
          </label>
          {v.hasHousehold && (
            <div className="grid">
              <SelectField label={t('clients.relation')} value={v.household.relation} onChange={(x) => setH('relation')(x as RelationToMigrant)} options={o.relation} />
              <Field label={t('clients.migrantSurname')} value={v.household.migrantSurname} onChange={setH('migrantSurname')} error={fe['household.migrantSurname']} />
              <Field label={t('clients.migrantGivenName')} value={v.household.migrantGivenName} onChange={setH('migrantGivenName')} error={fe['household.migrantGivenName']} />
              <Field label={t('clients.migrantPatronymic')} value={v.household.migrantPatronymic} onChange={setH('migrantPatronymic')} />
              <DateField label={t('clients.migrantBirthDate')} value={v.household.migrantBirthDate} onChange={setH('migrantBirthDate')} error={fe['household.migrantBirthDate']} />
              <Field label={t('clients.country')} value={v.household.country} onChange={setH('country')} error={fe['household.country']} list="ref-countries" autoComplete="off" />
              <Suggestions id="ref-countries" options={countryChoices(i18n.language)} />
              <Field label={t('clients.city')} value={v.household.city} onChange={setH('city')} error={fe['household.city']} list="ref-cities" autoComplete="off" />
              <Suggestions id="ref-cities" options={cityChoices(i18n.language, v.household.country)} />
              <DateField label={t('clients.departureDate')} value={v.household.departureDate} onChange={setH('departureDate')} error={fe['household.departureDate']} />
              <DateField label={t('clients.lastContactDate')} value={v.household.lastContactDate} onChange={setH('lastContactDate')} error={fe['household.lastContactDate']} />
              <DateField label={t('clients.lastRemittanceDate')} value={v.household.lastRemittanceDate} onChange={setH('lastRemittanceDate')} error={fe['household.lastRemittanceDate']} />
              <SelectField label={t('clients.maritalStatus')} value={v.household.maritalStatus} onChange={(x) => setH('maritalStatus')(x as MaritalStatus)} options={o.marital} />
            </div>
          )}
        </div>

        <div className="panel">
          <h2>{t('clients.children')}</h2>
          {v.children.map((ch, i) => {
            const setC = (key: keyof typeof ch) => (x: string) => set('children')(v.children.map((c, j) => (j === i ? { ...c, [key]: x } : c)));
            return (
              <fieldset className="checkbox-group" key={i}>
                <legend>
                  {t('clients.child')} {i + 1}
                </legend>
                <div className="grid">
                  <Field label={t('clients.childGivenName')} value={ch.givenName} onChange={setC('givenName')} error={fe[`children.${i}.givenName`]} />
                  <Field label={t('clients.childSurname')} value={ch.surname} onChange={setC('surname')} error={fe[`children.${i}.surname`]} />
                  <DateField label={t('clients.childBirthDate')} value={ch.birthDate} onChange={setC('birthDate')} error={fe[`children.${i}.birthDate`]} />
                  <SelectField label={t('clients.childSex')} value={ch.sex} onChange={setC('sex')} options={o.childSex} emptyLabel={t('common.unknown')} />
                  <SelectField label={t('clients.hasBirthCertificate')} value={ch.hasBirthCertificate} onChange={setC('hasBirthCertificate')} options={yesNo} emptyLabel={t('common.unknown')} />
                  <Field label={t('clients.birthCertificateNumber')} value={ch.birthCertificate} onChange={setC('birthCertificate')} error={fe[`children.${i}.birthCertificate`]} />
                  <SelectField label={t('clients.paternityRegistered')} value={ch.paternityRegistered} onChange={setC('paternityRegistered')} options={yesNo} emptyLabel={t('common.unknown')} />
                </div>
                <button type="button" className="small" onClick={() => set('children')(v.children.filter((_, j) => j !== i))}>
                  {t('common.remove')}
                </button>
              </fieldset>
            );
          })}
          <button type="button" onClick={() => set('children')([...v.children, emptyChild()])}>
            {t('clients.addChild')}
          </button>
        </div>

        <div className="panel">
          <TextAreaField label={t('common.notes')} value={v.notes} onChange={set('notes')} error={fe.notes} />
          <FormErrorSummary form={form} />
          <div className="actions">
            <button type="submit" className="primary" disabled={form.busy}>
              {form.busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
