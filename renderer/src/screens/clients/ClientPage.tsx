import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { SensitiveMark } from '../../components/SensitiveMark';
import { CaseTable, ConsultationTable } from '../../components/RecordTables';
import { formatDate, formatDateTime, fullName } from '../../format';
import { useEnumLabel } from '../../hooks/useEnumOptions';
import { useAddress } from '../../hooks/useRegions';
import { href } from '../../router';
import { AbandonmentPanel } from './AbandonmentPanel';
import { EraseButton } from './EraseButton';
import { MergeDialog } from './MergeDialog';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { useMay } from '../../hooks/useMay';

function Facts({ items }: { items: Array<[string, ReactNode]> }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      {items.map(([label, value]) => (
        <div key={label} className="facts__row">
          <dt>{label}</dt>
          <dd>{value === '' || value === null || value === undefined ? t('common.none') : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Everything about one client: identity, household, children, "abandoned", consultations, cases. */
export function ClientPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const address = useAddress();
  const label = {
    sex: useEnumLabel('sex'),
    childSex: useEnumLabel('childSex'),
    residence: useEnumLabel('residence'),
    employment: useEnumLabel('employment'),
    education: useEnumLabel('education'),
    consent: useEnumLabel('consentMethod'),
    relation: useEnumLabel('relationToMigrant'),
    marital: useEnumLabel('maritalStatus'),
  };
  const q = useQuery({ queryKey: ['clients:get', id], queryFn: () => call('clients:get', { id }) });
  const [merging, setMerging] = useState(false);
  const may = useMay();
  if (q.isPending) return <p>{t('app.loading')}</p>;
  if (q.error) return <ErrorMessage error={q.error instanceof ApiError ? q.error.info : { code: 'INTERNAL', message: '' }} />;
  const { client: c, merged, phones, household: h, children, abandonment, consultations, cases } = q.data;
  const yn = (b: boolean | null) => (b === null ? t('common.unknown') : b ? t('common.yes') : t('common.no'));

  return (
    <section aria-labelledby="section-title">
      <PageHeader
        title={fullName(c)}
        back={{ href: href('clients'), label: t('clients.title') }}
        subtitle={
          <>
            {[label.sex(c.sex), c.birthDate ? formatDate(c.birthDate) : '', c.age !== null ? t('common.years', { count: c.age }) : ''].filter(Boolean).join(' · ')}
            {c.sensitive && <span className="badge badge--danger">{t('protection.marked', { kind: t(`enum.sensitive.${c.sensitive}`) })}</span>}
          </>
        }
        actions={
          c.erasedAt ? (
            <span className="badge badge--danger">{t('security.erase.done')}</span>
          ) : (
            <>
              {may('consultations:save') && (
                <a className="button primary" href={href('consultations', 'new', c.id)}>
                  {t('clients.newConsultation')}
                </a>
              )}
              {may('cases:save') && (
                <a className="button" href={href('cases', 'new', c.id)}>
                  {t('clients.newCase')}
                </a>
              )}
              {may('clients:save') && (
                <a className="button" href={href('clients', c.id, 'edit')}>
                  {t('common.edit')}
                </a>
              )}
              {may('clients:merge') && (
                <button type="button" onClick={() => setMerging(true)}>
                  {t('clients.merge')}
                </button>
              )}
              {may('clients:erase') && <EraseButton clientId={c.id} />}
            </>
          )
        }
      />
      <div className="cards">
        <section className="panel" aria-labelledby="c-identity">
          <h2 id="c-identity">{t('clients.identity')}</h2>
          <Facts
            items={[
              [t('clients.surname'), c.surname],
              [t('clients.givenName'), c.givenName],
              [t('clients.patronymic'), c.patronymic],
              [t('clients.birthDate'), formatDate(c.birthDate)],
              [t('clients.ageShort'), c.age ?? ''],
              [t('clients.idDocType'), c.idDocType],
              [t('clients.idDocNumber'), c.idDocNumber],
            ]}
          />
        </section>
        <section className="panel" aria-labelledby="c-phones">
          <h2 id="c-phones">{t('clients.phones')}</h2>
          {phones.length === 0 ? (
            <p className="empty">{t('common.none')}</p>
          ) : (
            <ul className="list-plain">
              {phones.map((p) => (
                <li key={p.id}>
                  {p.phone} {p.label && <span className="muted">· {p.label}</span>}
                </li>
              ))}
            </ul>
          )}
          <h2>{t('clients.residence')}</h2>
          <Facts
            items={[
              [t('clients.residenceAddress'), address({ address: c.residenceAddress, village: c.residenceVillage, jamoat: c.residenceJamoat, districtId: c.residenceDistrictId })],
              [t('clients.residenceType'), label.residence(c.residenceType)],
              [t('clients.languages'), c.languages.join(', ')],
            ]}
          />
        </section>
        <section className="panel" aria-labelledby="c-background">
          <h2 id="c-background">{t('clients.background')}</h2>
          <Facts
            items={[
              [t('clients.employment'), label.employment(c.employment)],
              [t('clients.education'), label.education(c.education)],
              [t('clients.socialAssistance'), yn(c.socialAssistance)],
            ]}
          />
          <h2>{t('clients.consent')}</h2>
          <Facts
            items={[
              [t('clients.consentOn'), formatDate(c.consentOn)],
              [t('clients.consentMethod'), label.consent(c.consentMethod)],
            ]}
          />
        </section>
        <section className="panel" aria-labelledby="c-household">
          <h2 id="c-household">{t('clients.household')}</h2>
          {h ? (
            <>
              <Facts
                items={[
                  [t('clients.relation'), label.relation(h.relation)],
                  [t('clients.migrantName'), fullName({ surname: h.migrantSurname, givenName: h.migrantGivenName, patronymic: h.migrantPatronymic })],
                  [t('clients.country'), [h.country, h.city].filter(Boolean).join(', ')],
                  [t('clients.departureDate'), formatDate(h.departureDate)],
                  [t('clients.lastContactDate'), formatDate(h.lastContactDate)],
                  [t('clients.lastRemittanceDate'), formatDate(h.lastRemittanceDate)],
                  [t('clients.maritalStatus'), label.marital(h.maritalStatus)],
                ]}
              />
              <h3>{t('clients.abandonment')}</h3>
              {abandonment && may('clients:setAbandonedOverride') && <AbandonmentPanel clientId={c.id} status={abandonment} />}
            </>
          ) : (
            <p className="empty">{t('clients.noHousehold')}</p>
          )}
        </section>
      </div>
      <section className="panel" aria-labelledby="c-children">
        <h2 id="c-children">{t('clients.children')}</h2>
        {children.length === 0 ? (
          <p className="empty">{t('clients.noChildren')}</p>
        ) : (
          <table className="simple">
            <thead>
              <tr>
                <th scope="col">{t('clients.childName')}</th>
                <th scope="col">{t('clients.childBirthDate')}</th>
                <th scope="col">{t('clients.childSex')}</th>
                <th scope="col">{t('clients.birthCertificate')}</th>
                <th scope="col">{t('clients.paternityRegistered')}</th>
              </tr>
            </thead>
            <tbody>
              {children.map((ch) => (
                <tr key={ch.id}>
                  <td>{fullName(ch)}</td>
                  <td>{formatDate(ch.birthDate)}</td>
                  <td>{label.childSex(ch.sex)}</td>
                  <td>{ch.birthCertificate || yn(ch.hasBirthCertificate)}</td>
                  <td>{yn(ch.paternityRegistered)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="c-consultations">
        <h2 id="c-consultations">{t('clients.consultations')}</h2>
        <ConsultationTable rows={consultations} />
      </section>
      <section className="panel" aria-labelledby="c-cases">
        <h2 id="c-cases">{t('clients.cases')}</h2>
        <CaseTable rows={cases} />
      </section>
      {!c.erasedAt && <DocumentsPanel owner={{ clientId: c.id }} consent />}
      {c.notes && (
        <section className="panel">
          <h2>{t('common.notes')}</h2>
          <p>{c.notes}</p>
        </section>
      )}
      {merged.length > 0 && (
        <section className="panel" aria-labelledby="c-merged">
          <h2 id="c-merged">{t('clients.mergedRecords')}</h2>
          <p className="small muted">{t('clients.mergedRecordsHint')}</p>
          <table className="simple">
            <thead>
              <tr>
                <th scope="col">{t('clients.mergedName')}</th>
                <th scope="col">{t('clients.birthDate')}</th>
                <th scope="col">{t('clients.idDocNumber')}</th>
                <th scope="col">{t('clients.mergedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {merged.map((m) => (
                <tr key={m.id}>
                  <td>{fullName(m)}</td>
                  <td>{formatDate(m.birthDate)}</td>
                  <td>{m.idDocNumber}</td>
                  <td>{formatDateTime(m.mergedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {!c.erasedAt && <SensitiveMark key={c.sensitive ?? ''} of="client" id={c.id} value={c.sensitive} />}
      {merging && <MergeDialog keep={c} open onClose={() => setMerging(false)} />}
    </section>
  );
}
