import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGS, DEFAULT_LANGUAGE } from '../../shared/i18n';

void i18next.use(initReactI18next).init({
  resources: {
    tg: { translation: CATALOGS.tg },
    ru: { translation: CATALOGS.ru },
    en: { translation: CATALOGS.en },
  },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
