import type { Envelope } from '../../shared/api/envelope';
import { addDays, weekOf } from '../../shared/domain/dates';

// The app calls the bench makes, as data: which channel with which input, how often. Kept apart from
// the bench's instruments so that the memory process's serving thread loads what the app's own serving
// thread loads (the host and little else), not the whole app beside its worker.

/**
 * The credentials of the bench's cached databases: fixed and public on purpose. These databases hold
 * synthetic data only and must never hold real data.
 */
export const BENCH_PASSPHRASE = 'legal-aid-bench-only-not-a-secret';
export const BENCH_USER = 'admin';
/** The paired contact point the exchange bench makes beside the cached database (synthetic too). */
export const BENCH_PEER_PASSPHRASE = 'bench peer, synthetic data only';

/** How often each call runs with --quick (a check that the bench works, not a measurement). */
export const QUICK_LIMITS = { maxRuns: 2, maxWarmup: 1 };

/** Search terms and records taken from the data (scenarios.ts finds them). */
export interface Probes {
  namePrefix: string;
  latinName: string;
  phone: string;
  demoCaseId: string | null;
  yearFrom: string;
  fiveYearsFrom: string;
  to: string;
  /** The contact point with the most cases: the calendar a contact point's staff open. */
  busiestContactPointId: string | null;
}

export interface QuerySpec {
  id: string;
  label: string;
  channel: string;
  input: unknown;
  runs: number;
}

/** Calls made before a query is timed: the first finds cold pages and code. */
export function warmupOf(q: QuerySpec): number {
  return q.runs >= 10 ? 2 : 1;
}

/** Whatever answers a call: the dispatcher in this thread, or the app worker through its host. */
export type Caller = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

/** One call; an error answer stops the bench, naming the channel. */
export async function callWith(caller: Caller, channel: string, input: unknown): Promise<unknown> {
  const r = await caller(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

export async function unlockWith(caller: Caller): Promise<void> {
  await callWith(caller, 'login:unlock', { username: BENCH_USER, passphrase: BENCH_PASSPHRASE });
}

function monthGrid(p: Probes) {
  const from = weekOf(`${p.to.slice(0, 7)}-01`).from;
  return { from, to: addDays(from, 41), contactPointId: p.busiestContactPointId };
}

/** The searches, lists and reports the bench times, each with how often. */
export function querySpecs(p: Probes): QuerySpec[] {
  return [
    { id: 'search.namePrefix', label: `search:global, name prefix "${p.namePrefix}"`, channel: 'search:global', input: { query: p.namePrefix }, runs: 30 },
    { id: 'search.latin', label: `search:global, Latin spelling "${p.latinName}"`, channel: 'search:global', input: { query: p.latinName }, runs: 30 },
    { id: 'search.phone', label: `search:global, phone "${p.phone}"`, channel: 'search:global', input: { query: p.phone }, runs: 30 },
    { id: 'search.clientsList', label: `clients:list with query (Latin spelling)`, channel: 'clients:list', input: { query: p.latinName, sort: 'name', dir: 'asc' }, runs: 30 },
    { id: 'list.clients', label: 'clients:list first page: women from migrant households, by name', channel: 'clients:list', input: { sex: 'F', migrantHousehold: true, sort: 'name', dir: 'asc' }, runs: 20 },
    { id: 'list.consultations', label: 'consultations:list first page: mobile sessions of the last year, newest first', channel: 'consultations:list', input: { from: p.yearFrom, to: p.to, venueKind: 'mobile_session', sort: 'date', dir: 'desc' }, runs: 20 },
    { id: 'list.cases', label: 'cases:list first page: active cases, newest first', channel: 'cases:list', input: { status: 'active', sort: 'openedOn', dir: 'desc' }, runs: 20 },
    // The month grid (six weeks) of the data's last month, as a contact point's staff see it: every lawyer.
    { id: 'calendar.month', label: 'calendar:range, the six weeks of a month at the busiest contact point', channel: 'calendar:range', input: monthGrid(p), runs: 20 },
    { id: 'caseload.table', label: 'cases:caseload, every lawyer of the installation', channel: 'cases:caseload', input: {}, runs: 20 },
    { id: 'report.1y', label: `reports:indicators, one year (${p.yearFrom} – ${p.to}), every breakdown`, channel: 'reports:indicators', input: { from: p.yearFrom, to: p.to }, runs: 9 },
    { id: 'report.5y', label: `reports:indicators, five years (${p.fiveYearsFrom} – ${p.to}), every breakdown`, channel: 'reports:indicators', input: { from: p.fiveYearsFrom, to: p.to }, runs: 5 },
  ];
}

/** The photo as browser mode sends it to documents:attach (inline base64). */
export function photoInput(clientId: string, photo: Buffer) {
  return { clientId, type: 'passport', fileName: 'photo.jpg', file: { base64: photo.toString('base64') } };
}

/** The year's report as a file (reports:export). */
export function yearReportInput(probes: Probes, format: 'pdf' | 'xlsx') {
  return { from: probes.yearFrom, to: probes.to, format, language: 'tg' };
}

/** The calls of the app's work that make files: the filing previewed, a photo stored, the year's report as PDF and XLSX. */
export function fileCalls(probes: Probes, clientId: string | null, photo: Buffer): { channel: string; input: unknown; times: number }[] {
  return [
    ...(probes.demoCaseId ? [{ channel: 'filings:preview', input: { caseId: probes.demoCaseId, templateId: 'alimony-share', language: 'tg' }, times: 12 }] : []),
    ...(clientId ? [{ channel: 'documents:attach', input: photoInput(clientId, photo), times: 6 }] : []),
    { channel: 'reports:export', input: yearReportInput(probes, 'pdf'), times: 4 },
    { channel: 'reports:export', input: yearReportInput(probes, 'xlsx'), times: 4 },
  ];
}
