import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRecord, ClientSummary } from '../../../../shared/api/clientTypes';
import { defaultTakenFields, isBlankMergeField, MERGE_FIELDS, sameMergeField, type MergeField } from '../../../../shared/domain/clientMerge';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { useDebounced } from '../../components/GlobalSearch';
import { useNotice } from '../../components/Notice';
import { formatDate, fullName, nameWithBirthDate } from '../../format';
import { useApiForm } from '../../hooks/useApiForm';
import { useEnumLabel } from '../../hooks/useEnumOptions';
import { useDistrictName } from '../../hooks/useRegions';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { navigate } from '../../router';

type Side = 'shown' | 'other';

/**
 * Two records of one person become one: find the other record, then choose which record survives and,
 * for every field where the two differ, whose value to keep — the records side by side. The merged-away
 * record stays readable on the survivor's page.
 */
export function MergeDialog({ keep, open, onClose }: { keep: ClientRecord; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(keep.surname);
  const [otherId, setOtherId] = useState<string | null>(null);
  const q = useDebounced(query.trim(), 250);
  const found = useQuery({
    queryKey: ['clients:list', 'merge', q],
    queryFn: () => call('clients:list', { query: q, limit: 8, offset: 0, sort: 'name', dir: 'asc' }),
    enabled: open && q.length >= 2 && !otherId,
  });
  const other = useQuery({ queryKey: ['clients:get', otherId], queryFn: () => call('clients:get', { id: otherId! }), enabled: open && !!otherId });
  const close = () => {
    setOtherId(null);
    onClose();
  };

  if (otherId && other.data) return <MergeChoice shown={keep} other={other.data.client} open={open} onClose={close} />;
  return (
    <ConfirmDialog open={open} title={t('clients.mergeTitle')} confirmLabel={t('clients.mergeConfirm')} danger busy onCancel={close} onConfirm={() => undefined}>
      <Field label={t('clients.mergeSearch')} value={query} onChange={setQuery} type="text" />
      <ul className="list-plain" aria-label={t('search.results')}>
        {(found.data?.rows ?? [])
          .filter((c) => c.id !== keep.id)
          .map((c: ClientSummary) => (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => setOtherId(c.id)}>
                {fullName(c)}
              </button>{' '}
              <span className="muted small">{[formatDate(c.birthDate), c.phone].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
      </ul>
    </ConfirmDialog>
  );
}

function MergeChoice({ shown, other, open, onClose }: { shown: ClientRecord; other: ClientRecord; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const qc = useQueryClient();
  const form = useApiForm('clients:merge');
  const show = useFieldValue();
  const [survivor, setSurvivor] = useState<Side>('shown');
  // Which record's value each field keeps: the filled one where one record is empty, else the one on screen.
  const [pick, setPick] = useState<Record<MergeField, Side>>(() => {
    const fromOther = new Set(defaultTakenFields(shown, other));
    return Object.fromEntries(MERGE_FIELDS.map((f) => [f, fromOther.has(f) ? 'other' : 'shown'])) as Record<MergeField, Side>;
  });
  const records: Record<Side, ClientRecord> = { shown, other };
  const differing = MERGE_FIELDS.filter((f) => !sameMergeField(f, shown, other));
  const same = MERGE_FIELDS.filter((f) => !differing.includes(f) && !isBlankMergeField(f, shown));
  const sides: Side[] = ['shown', 'other'];
  const kept = records[survivor];
  const gone = records[survivor === 'shown' ? 'other' : 'shown'];

  async function merge() {
    const take = differing.filter((f) => pick[f] !== survivor);
    const saved = await form.submit({ keepId: kept.id, mergeId: gone.id, take });
    if (!saved) return;
    qc.setQueryData(['clients:get', kept.id], saved);
    qc.removeQueries({ queryKey: ['clients:get', gone.id] });
    void qc.invalidateQueries({ queryKey: ['clients:list'] });
    notify(t('clients.merged'));
    onClose();
    if (kept.id !== shown.id) navigate('clients', kept.id);
  }

  return (
    <ConfirmDialog open={open} wide title={t('clients.mergeTitle')} confirmLabel={t('clients.mergeConfirm')} danger busy={form.busy} onCancel={onClose} onConfirm={() => void merge()}>
      <table className="simple compare">
        <caption className="visually-hidden">{t('clients.mergeCompare')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('clients.mergeField')}</th>
            {sides.map((side) => (
              <th key={side} scope="col">
                {t(side === 'shown' ? 'clients.mergeShown' : 'clients.mergeOther')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="is-survivor-choice">
            <th scope="row" id="merge-survivor">
              {t('clients.mergeSurvivor')}
            </th>
            {sides.map((side) => (
              <td key={side}>
                <label>
                  <input type="radio" name="merge-survivor" aria-describedby="merge-survivor" checked={survivor === side} onChange={() => setSurvivor(side)} />
                  <span className={survivor === side ? 'chosen' : ''}>{nameWithBirthDate(records[side])}</span>
                </label>
                <span className="muted small">{t('clients.mergeCreated', { date: formatDate(records[side].createdAt) })}</span>
              </td>
            ))}
          </tr>
          {differing.map((f) => (
            <tr key={f}>
              <th scope="row" id={`merge-${f}`}>
                {t(`clients.mergeFields.${f}`)}
              </th>
              {sides.map((side) => (
                <td key={side}>
                  <label>
                    <input type="radio" name={`merge-${f}`} aria-describedby={`merge-${f}`} checked={pick[f] === side} onChange={() => setPick((p) => ({ ...p, [f]: side }))} />
                    <span className={pick[f] === side ? 'chosen' : ''}>{show(f, records[side]) || t('clients.mergeEmpty')}</span>
                  </label>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {same.length > 0 && <p className="small muted">{t('clients.mergeSame', { fields: same.map((f) => t(`clients.mergeFields.${f}`)).join(', ') })}</p>}
      <p>{t('clients.mergeText', { other: nameWithBirthDate(gone), name: nameWithBirthDate(kept) })}</p>
      {/* Whichever record stays and whatever is chosen, the mark is not lost (mergedProtection). */}
      {(kept.sensitive ?? gone.sensitive) && <p data-testid="merge-keeps-mark">{t('protection.mergeKeepsMark')}</p>}
      <FormErrorSummary form={form} />
    </ConfirmDialog>
  );
}

/** A merge field's value as the client page writes it. */
function useFieldValue(): (field: MergeField, r: ClientRecord) => string {
  const { t } = useTranslation();
  const districtName = useDistrictName();
  const label = {
    sex: useEnumLabel('sex'),
    residence: useEnumLabel('residence'),
    employment: useEnumLabel('employment'),
    education: useEnumLabel('education'),
    consent: useEnumLabel('consentMethod'),
  };
  return (field, r) => {
    switch (field) {
      case 'sex':
        return label.sex(r.sex);
      case 'birthDate':
        return r.birthDate ? formatDate(r.birthDate) : r.ageRecorded !== null ? t('clients.mergeAgeTold', { age: r.ageRecorded }) : '';
      case 'idDocument':
        return r.idDocNumber ? [r.idDocType, r.idDocNumber].filter(Boolean).join(' ') : '';
      case 'residence':
        return [districtName(r.residenceDistrictId), r.residenceJamoat, r.residenceVillage, r.residenceAddress].filter(Boolean).join(', ');
      case 'residenceType':
        return label.residence(r.residenceType);
      case 'languages':
        return r.languages.join(', ');
      case 'employment':
        return label.employment(r.employment);
      case 'education':
        return label.education(r.education);
      case 'socialAssistance':
        return r.socialAssistance === null ? '' : t(r.socialAssistance ? 'common.yes' : 'common.no');
      case 'consent':
        return [formatDate(r.consentOn), label.consent(r.consentMethod)].filter(Boolean).join(', ');
      default:
        return r[field];
    }
  };
}
