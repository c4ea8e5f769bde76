import { useTranslation } from 'react-i18next';

/** How each number is counted, in plain words (the same rules as README "Reports"). */
export function DefinitionsPanel({ version }: { version: string }) {
  const { t } = useTranslation();
  return (
    <details className="report-definitions">
      <summary>{t('reports.definitions.title')}</summary>
      <p>{t('reports.definitions.version', { version })}</p>
      <ul>
        {(['r123a', 'r123b', 'r124a', 'r124b', 'r1210', 'r221b', 'first', 'place', 'suppression'] as const).map((k) => (
          <li key={k}>{t(`reports.definitions.${k}`)}</li>
        ))}
      </ul>
    </details>
  );
}
