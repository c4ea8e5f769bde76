import { abandonmentEn, enumsEn } from './parts/enumsEn';
import { exchangeEn } from './parts/exchangeEn';
import { screensEn } from './parts/screensEn';
import { filingsEn } from './parts/filingsEn';
import { reportsEn } from './parts/reportsEn';
import { securityEn } from './parts/securityEn';
// English catalog: the shape every other catalog must match (checked by the type system and a test).
export const en = {
  app: {
    name: 'Legal Aid Desk',
    tagline: 'Free legal aid for women from migrant households',
    offline: 'Works offline: nothing leaves this computer',
    loading: 'Loading…',
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Main sections',
    dashboard: 'Dashboard',
    clients: 'Clients',
    consultations: 'Consultations',
    cases: 'Cases',
    mobileSessions: 'Mobile sessions',
    contactPoints: 'Contact points',
    filings: 'Filings',
    reports: 'Reports',
    exchange: 'Exchange',
    settings: 'Settings',
  },
  language: {
    label: 'Language',
    tg: 'Тоҷикӣ',
    ru: 'Русский',
    en: 'English',
  },
  setup: {
    title: 'Create the encrypted database',
    intro:
      'This computer has no Legal Aid Desk database yet. Create one: you will be its administrator. All data is encrypted with your passphrase; without it nobody, including you, can read the data.',
    installationName: 'Name of this contact point or team',
    username: 'Your user name',
    displayName: 'Your full name',
    passphrase: 'Passphrase (at least 10 characters)',
    passphraseConfirm: 'Repeat the passphrase',
    passphraseHint: 'Use a sentence you can remember. Write it down and keep it in a safe place: a lost passphrase cannot be recovered.',
    submit: 'Create database',
    creating: 'Creating the database…',
  },
  unlock: {
    title: 'Unlock',
    intro: 'The database is encrypted. Enter your user name and passphrase.',
    username: 'User name',
    passphrase: 'Passphrase',
    submit: 'Unlock',
    unlocking: 'Checking the passphrase…',
  },
  shell: {
    signedInAs: 'Signed in as {{name}}',
    lock: 'Lock',
    installation: 'Installation: {{name}}',
  },
  dashboard: {
    title: 'Dashboard',
    welcome: 'Welcome, {{name}}',
    databaseReady: 'The encrypted database is open (schema version {{version}}).',
  },
  section: {
    notYet: 'This section is part of the product plan and arrives in a later version of the app.',
  },
  settings: {
    title: 'Settings',
    languageHelp: 'The interface language is remembered on this computer.',
    dataLocation: 'Data folder',
    version: 'App version',
    schema: 'Database schema version',
    keyboardTitle: 'Typing Tajik letters',
    keyboardHelp:
      'When a text field has focus, the letter bar at the bottom of the window inserts ғ ӣ қ ӯ ҳ ҷ. From the keyboard: Alt + г, и, к, у, х, ч (or Alt + g, i, k, u, h, j); add Shift for capitals.',
  },
  palette: {
    label: 'Tajik letters',
    insert: 'Insert {{letter}}',
    capitals: 'Capitals',
  },
  error: {
    VALIDATION: 'Some fields need attention.',
    BAD_REQUEST: 'The request could not be processed.',
    UNKNOWN_CHANNEL: 'This action is not known to the app.',
    NO_DATABASE: 'There is no database here yet.',
    DATABASE_EXISTS: 'A database already exists here.',
    LOCKED: 'The database is locked. Unlock it to continue.',
    WRONG_PASSPHRASE: 'Wrong user name or passphrase.',
    TOO_MANY_ATTEMPTS: 'Too many wrong attempts. Try again in {{seconds}} seconds.',
    FORBIDDEN: 'Your role does not allow this action.',
    NOT_FOUND: 'The record was not found. It may have been deleted.',
    CONFLICT: 'A record with the same value already exists.',
    INVALID_TRANSITION: 'This status change is not allowed.',
    SCHEMA_TOO_NEW: 'This database was written by a newer version of Legal Aid Desk. Install the newer version.',
    DATABASE_CORRUPT: 'The database file is damaged. Restore it from a backup.',
    DATABASE_BUSY: 'The database is in use by another program. Close it and try again.',
    READ_ONLY: 'The database cannot be written: the file or folder is read-only.',
    DISK_FULL: 'The disk is full. Nothing was saved; free some space and try again.',
    PACKAGE_REFUSED: 'The package was refused; nothing was changed.',
    INTERNAL: 'Something went wrong. Nothing was saved. Try again.',
    NETWORK: 'The app’s background service does not answer. Restart the app.',
  },
  validation: {
    required: 'Required.',
    tooLong: 'Too long.',
    invalid: 'Not valid.',
    invalidDate: 'Not a real date (dd.mm.yyyy).',
    futureDate: 'The date cannot be in the future.',
    passphraseTooShort: 'At least 10 characters.',
    passphraseMismatch: 'The passphrases do not match.',
    usernameChars: 'Letters, digits, dot, dash and underscore only.',
    phone: 'A Tajik number: +992 and 9 digits.',
    dateOrder: 'This date cannot be before the start date.',
    ageRange: 'An age between 0 and 120.',
    fileTooLarge: 'The file is too large: at most {{megabytes}} MB.',
    taken: 'Already taken.',
    lastAdministrator: 'The last active administrator must stay an active administrator.',
    ownAccount: 'You cannot disable your own account.',
    disabledAccount: 'Enable the account first.',
  },
  files: {
    choose: 'Choose a file…',
    noneChosen: 'No file chosen',
    limit: 'At most {{megabytes}} MB.',
  },
  enum: enumsEn,
  abandonment: abandonmentEn,
  security: securityEn,
  ...screensEn,
  filings: filingsEn,
  ...reportsEn,
  ...exchangeEn,
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalog = Widen<typeof en>;
