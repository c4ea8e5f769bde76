import type { InstallationRole, Language, UserRole } from '../domain/enums';

// Output types of the API (what crosses the bridge back to the renderer).

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
}

export interface AppStatus {
  state: 'no-database' | 'locked' | 'unlocked';
  language: Language;
  user: SessionUser | null;
  installation: { id: string; name: string; role: InstallationRole; contactPointId: string | null } | null;
  dataDir: string;
  appVersion: string;
  schemaVersion: number | null;
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
