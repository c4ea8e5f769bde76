import { homedir } from 'node:os';
import { join } from 'node:path';

// Where the data lives when nobody says otherwise: the same folder Electron's app.getPath('userData')
// gives for "Legal Aid Desk", so Electron and browser mode share one database.
export const APP_FOLDER = 'Legal Aid Desk';
export const DB_FILE = 'legal-aid.db';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.LEGAL_AID_DATA_DIR) return env.LEGAL_AID_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}
