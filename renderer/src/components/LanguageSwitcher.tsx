import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/domain/enums';
import { call } from '../api/client';
import { STATUS_KEY } from '../hooks/useAppStatus';

/** One click to another language; the choice is remembered on this computer. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  async function choose(language: Language) {
    await i18n.changeLanguage(language);
    document.documentElement.lang = language;
    await call('prefs:setLanguage', { language });
    await client.invalidateQueries({ queryKey: STATUS_KEY });
  }
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className={i18n.language === lng ? 'is-active' : ''}
          aria-pressed={i18n.language === lng}
          onClick={() => void choose(lng)}
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
