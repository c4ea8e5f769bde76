import { REGIONS } from '../../shared/reference/regions';
import type { HandlerMap } from './types';

export const appHandlers: HandlerMap<'app:status' | 'prefs:setLanguage' | 'reference:regions'> = {
  'app:status': async (_input, { app }) => app.status(),
  'prefs:setLanguage': async ({ language }, { app }) => {
    app.setLanguage(language);
    return { language };
  },
  'reference:regions': async () => REGIONS,
};
