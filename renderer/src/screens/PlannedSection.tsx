import { useTranslation } from 'react-i18next';
import type { SectionId } from '../sections';

/** A section of the navigation whose screens are not in this version yet. */
export function PlannedSection({ section }: { section: SectionId }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="section-title">
      <h1 id="section-title">{t(`nav.${section}`)}</h1>
      <p className="muted">{t('section.notYet')}</p>
    </section>
  );
}
