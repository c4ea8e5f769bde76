import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../shared/api/errors';
import { useLocalName, useRegions } from '../../hooks/useRegions';
import { SelectField } from './SelectField';

/** Region, then district or city, from the reference data, with names in the current language. */
export function DistrictPicker({ value, onChange, error, label, required }: { value: string; onChange: (districtId: string) => void; error?: FieldError | undefined; label?: string; required?: boolean }) {
  const { t } = useTranslation();
  const regions = useRegions().data ?? [];
  const local = useLocalName();
  const regionOf = (id: string) => regions.find((r) => r.divisions.some((d) => d.id === id))?.code ?? '';
  const [region, setRegion] = useState(() => regionOf(value));
  useEffect(() => {
    if (value && regionOf(value) && regionOf(value) !== region) setRegion(regionOf(value));
  }, [value, regions.length]);
  const current = regions.find((r) => r.code === region);
  return (
    <div className="district-picker">
      <SelectField
        label={t('common.region')}
        value={region}
        onChange={(code) => {
          setRegion(code);
          onChange('');
        }}
        emptyLabel={t('common.choose')}
        options={regions.map((r) => ({ value: r.code, label: local(r.name) }))}
      />
      <SelectField
        label={label ?? t('common.district')}
        value={value}
        onChange={onChange}
        emptyLabel={t('common.choose')}
        options={(current?.divisions ?? []).map((d) => ({ value: d.id, label: local(d.name) }))}
        error={error}
        required={required}
        disabled={!current}
      />
    </div>
  );
}
