import type { Kysely } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_legal_references';
import * as m0003 from './0003_list_indexes';
import * as m0004 from './0004_search_indexes';
import * as m0005 from './0005_row_change_log';
import * as m0006 from './0006_report_indexes';
import * as m0007 from './0007_list_indexes';
import * as m0008 from './0008_foreign_key_indexes';
import * as m0009 from './0009_report_facts';
import * as m0010 from './0010_audit_witness';
import * as m0011 from './0011_referral_facts';
import * as m0012 from './0012_proposed_changes';
import * as m0013 from './0013_search_terms';
import * as m0014 from './0014_court_addresses';
import * as m0015 from './0015_drafts';
import * as m0016 from './0016_hearing_changes';
import * as m0017 from './0017_fees_and_registry_addresses';
import * as m0018 from './0018_child_birth_certificate';
import * as m0019 from './0019_list_filter_indexes';
import * as m0020 from './0020_sensitive_records';
import * as m0021 from './0021_document_scans';
import * as m0022 from './0022_case_transfers';
import * as m0023 from './0023_calendar_indexes';
import * as m0024 from './0024_reminder_indexes';

// Registered by static import, in order. Never edit a migration that has shipped: add the next one.
export interface Migration {
  version: number;
  name: string;
  up: (db: Kysely<unknown>) => Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: m0001.up },
  { version: 2, name: 'legal_references', up: m0002.up },
  { version: 3, name: 'list_indexes', up: m0003.up },
  { version: 4, name: 'search_indexes', up: m0004.up },
  { version: 5, name: 'row_change_log', up: m0005.up },
  { version: 6, name: 'report_indexes', up: m0006.up },
  { version: 7, name: 'list_count_indexes', up: m0007.up },
  { version: 8, name: 'foreign_key_indexes', up: m0008.up },
  { version: 9, name: 'report_facts', up: m0009.up },
  { version: 10, name: 'audit_witness', up: m0010.up },
  { version: 11, name: 'referral_facts', up: m0011.up },
  { version: 12, name: 'proposed_changes', up: m0012.up },
  { version: 13, name: 'search_terms', up: m0013.up },
  { version: 14, name: 'court_addresses', up: m0014.up },
  { version: 15, name: 'drafts', up: m0015.up },
  { version: 16, name: 'hearing_changes', up: m0016.up },
  { version: 17, name: 'fees_and_registry_addresses', up: m0017.up },
  { version: 18, name: 'child_birth_certificate', up: m0018.up },
  { version: 19, name: 'list_filter_indexes', up: m0019.up },
  { version: 20, name: 'sensitive_records', up: m0020.up },
  { version: 21, name: 'document_scans', up: m0021.up },
  { version: 22, name: 'case_transfers', up: m0022.up },
  { version: 23, name: 'calendar_indexes', up: m0023.up },
  { version: 24, name: 'reminder_indexes', up: m0024.up },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
