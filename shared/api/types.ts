import type { InstallationRole, Language, UserRole } from '../domain/enums';

// Output types of the API (what crosses the bridge back to the renderer).

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
}

export interface AppStatus {
  /** 'recovery': the database cannot be opened or failed its integrity check; only a backup can be restored. */
  state: 'no-database' | 'locked' | 'recovery' | 'unlocked';
  language: Language;
  user: SessionUser | null;
  installation: { id: string; name: string; role: InstallationRole; contactPointId: string | null } | null;
  dataDir: string;
  appVersion: string;
  schemaVersion: number | null;
}

/** The app's one idle clock as the interface sees it: milliseconds left before it locks (null: locked). */
export interface IdleState {
  remainingMs: number | null;
}

export interface LocalizedName {
  tg: string;
  ru: string;
  en: string;
}

export interface DistrictRef {
  id: string;
  kind: string;
  name: LocalizedName;
  unverified?: string[];
}

export interface RegionRef {
  code: string;
  name: LocalizedName;
  divisions: DistrictRef[];
}
