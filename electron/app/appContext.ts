import { join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import type { AppStatus } from '../../shared/api/types';
import type { Language } from '../../shared/domain/enums';
import type { KdfParams } from '../../db/keyring';
import { migrationState } from '../../db/migrate';
import { readSettings } from './settings';
import { databaseExists, type UnlockedDatabase } from './database';
import { FileTokens, type FileDialogs } from './fileTokens';
import { DB_FILE } from './paths';
import { readPrefs, writePrefs, type Prefs } from './prefs';
import { filesNeedRecovery } from './recovery';
import { throttlePathFor, UnlockThrottle } from './unlockThrottle';
import { APP_VERSION } from './version';

export interface AppOptions {
  dataDir: string;
  /** Tests use cheaper key derivation; the app never sets this. */
  kdf?: KdfParams;
  now?: () => number;
  /** The main process's open and save dialogs (Electron); browser mode has none. */
  fileDialogs?: FileDialogs;
}

/**
 * The state of one running app (Electron or browser mode): where its data is, whether the database is
 * unlocked and by whom. Handlers receive it; nothing here knows about Electron or HTTP.
 */
export class AppContext {
  readonly dataDir: string;
  readonly dbPath: string;
  readonly prefsPath: string;
  readonly kdf: KdfParams | undefined;
  readonly files: FileTokens;
  readonly throttle: UnlockThrottle;
  private current: UnlockedDatabase | null = null;
  private lastActivity = 0;
  private idleLockMs = 15 * 60 * 1000;
  /** Damage was found in the database (at an unlock or during work) since the app started. */
  private damageFound = false;
  private readonly now: () => number;
  /** What this session opened besides the database (the hub's PostgreSQL store), closed with it. */
  private closeAtLock: Array<() => Promise<void>> = [];

  constructor(options: AppOptions) {
    this.dataDir = options.dataDir;
    this.dbPath = join(options.dataDir, DB_FILE);
    this.prefsPath = join(options.dataDir, 'preferences.json');
    this.kdf = options.kdf;
    this.now = options.now ?? Date.now;
    this.files = new FileTokens(options.fileDialogs ?? null);
    this.throttle = new UnlockThrottle(throttlePathFor(this.dbPath), this.now);
  }

  get prefs(): Prefs {
    return readPrefs(this.prefsPath);
  }

  setPrefs(patch: Partial<Prefs>): void {
    writePrefs(this.prefsPath, { ...this.prefs, ...patch });
  }

  setLanguage(language: Language): void {
    this.setPrefs({ language });
  }

  get unlocked(): UnlockedDatabase | null {
    return this.current;
  }

  /** The unlocked database, or a LOCKED error for handlers that need it. */
  requireUnlocked(): UnlockedDatabase {
    if (!this.current) throw new AppError('LOCKED', 'The database is locked');
    return this.current;
  }

  async setUnlocked(db: UnlockedDatabase): Promise<void> {
    await this.lock();
    this.current = db;
    this.lastActivity = this.now();
    this.setIdleLockMinutes((await readSettings(db.db)).idleLockMinutes);
    // Rewritten at every unlock: owner-only, and without what earlier versions kept (the last user name).
    this.setPrefs({});
  }

  async lock(): Promise<void> {
    const current = this.current;
    this.current = null;
    this.files.clear();
    const closers = this.closeAtLock;
    this.closeAtLock = [];
    for (const close of closers) await close().catch(() => undefined);
    if (current) {
      current.dbKey.fill(0);
      await current.close();
    }
  }

  closeWhenLocked(close: () => Promise<void>): void {
    this.closeAtLock.push(close);
  }

  setIdleLockMinutes(minutes: number): void {
    this.idleLockMs = minutes * 60 * 1000;
  }

  /**
   * The app's one idle clock. Every call that needs the session counts as use, and so does the
   * interface's report of keystrokes and clicks (`idle:activity`), so someone typing a long form is
   * never locked out of saving it. Locks the database when nobody used it for the configured idle time,
   * whatever the interface does (a closed laptop lid, a browser tab left open).
   */
  async enforceIdleLock(): Promise<void> {
    if (!this.current) return;
    if (this.idleLeftMs() < 0) {
      await this.lock();
      throw new AppError('LOCKED', 'Locked after a period without use');
    }
    this.lastActivity = this.now();
  }

  /** What is left of the idle time (null: locked), without counting the question as use. */
  async idleRemainingMs(): Promise<number | null> {
    if (!this.current) return null;
    const left = this.idleLeftMs();
    if (left >= 0) return left;
    await this.lock();
    return null;
  }

  private idleLeftMs(): number {
    return this.lastActivity + this.idleLockMs - this.now();
  }

  /** The database proved damaged: it is closed, and until a backup is restored only recovery is offered. */
  async enterRecovery(): Promise<void> {
    this.damageFound = true;
    // Closing a damaged file may fail as well; it is moved aside by the restore either way.
    await this.lock().catch(() => undefined);
  }

  leaveRecovery(): void {
    this.damageFound = false;
  }

  get needsRecovery(): boolean {
    return this.damageFound || filesNeedRecovery(this.dbPath);
  }

  /**
   * Every passphrase tried (unlock, recovery) goes through here: one attempt at a time, this user's
   * wait checked and the attempt counted before the passphrase is tried, kept across restarts.
   */
  attemptUnlock<T>(username: string, unlock: () => Promise<T>): Promise<T> {
    return this.throttle.attempt(username, unlock);
  }

  checkThrottle(username: string): void {
    this.throttle.check(username);
  }

  recordFailedAttempt(username: string): void {
    this.throttle.recordFailure(username);
  }

  async status(): Promise<AppStatus> {
    const prefs = this.prefs;
    const s = this.current;
    return {
      state: s ? 'unlocked' : this.needsRecovery ? 'recovery' : databaseExists(this.dbPath) ? 'locked' : 'no-database',
      language: prefs.language,
      user: s?.user ?? null,
      installation: s?.installation ?? null,
      dataDir: this.dataDir,
      appVersion: APP_VERSION,
      schemaVersion: s ? (await migrationState(s.db)).current : null,
    };
  }
}
