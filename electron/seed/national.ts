import { createHash } from 'node:crypto';
import { caseInput } from '../../shared/api/caseInputs';
import { consultationInput } from '../../shared/api/consultationInputs';
import { contactPointInput } from '../../shared/api/contactPointInputs';
import { mobileSessionInput } from '../../shared/api/mobileSessionInputs';
import type { CaseType } from '../../shared/domain/enums';
import { HybridClock, nodeIdFromInstallation } from '../../shared/sync/hlc';
import type { UnlockedDatabase } from '../app/database';
import { AppRows, type ClientState } from './appRows';
import { BulkWriter } from './bulkWriter';
import { planCaseLife, type FilingSample } from './caseLife';
import { seedDemoInto } from './demo';
import { CASE_FOR_ISSUE, DISTRICTS, DISTRICTS_BY_REGION, REFERRAL_MIX, dayIso, generateClient, issuesFor, lawyerNames, respondentName, type DistrictPick } from './generators';
import { Rng } from './prng';

// The national-scale synthetic data sets (`seed --size national-1y|national-5y`): a simulated timeline,
// day by day, up to a fixed "now" (SEED_NOW), so that rows, change stamps and change_log come out in the
// order the app would have written them over the years. Contact points, mobile sessions (planned,
// then conducted by their first consultation, or cancelled), new and returning clients, consultations
// with the issue mix of generators.ts, cases with their whole life (caseLife.ts) and stored filings.
// The demo data set (demo.ts) is recorded through the app's own repository functions on its day.

export const SEED_NOW = '2026-10-31';
const DAY_MS = 86_400_000;
const DEMO_DAY = '2024-04-10';

export interface SizeSpec {
  contactPoints: number;
  sessions: number;
  clients: number;
  consultations: number;
  cases: number;
  documents: number;
  days: number;
}

export const NATIONAL_SIZES = {
  'national-1y': { contactPoints: 60, sessions: 600, clients: 30_000, consultations: 80_000, cases: 12_000, documents: 6_000, days: 365 },
  'national-5y': { contactPoints: 60, sessions: 3_000, clients: 150_000, consultations: 400_000, cases: 60_000, documents: 30_000, days: 1826 },
} as const satisfies Record<string, SizeSpec>;

export interface NationalOptions {
  seed: number;
  changeLog: boolean;
  /** Filled filings to store (one per case type with a template), made by filingSamples.ts. */
  samples: Map<CaseType, FilingSample>;
  progress?: (message: string) => void;
}

export interface NationalResult {
  counts: Record<string, number>;
  changes: number;
  seconds: number;
}

interface Cp {
  id: string;
  code: string;
  district: DistrictPick;
  weight: number;
  lawyers: string[];
  pool: ClientEntry[];
}

interface ClientEntry {
  state: ClientState;
  migrantName: string | null;
  fullName: string;
}

function codeFor(d: DistrictPick, used: Set<string>): string {
  const letters = d.id.split('-')[1]!.replace(/[^a-z]/g, '').toUpperCase();
  for (let i = 3; i <= letters.length; i++) {
    const code = letters.slice(0, 2) + letters[i - 1];
    if (!used.has(code) && code !== 'KHJ') return (used.add(code), code);
  }
  for (let n = 1; ; n++) if (!used.has(`${letters.slice(0, 2)}${n}`)) return (used.add(`${letters.slice(0, 2)}${n}`), `${letters.slice(0, 2)}${n}`);
}

export async function seedNational(db: UnlockedDatabase, spec: SizeSpec, o: NationalOptions): Promise<NationalResult> {
  const started = Date.now();
  const rng = new Rng(o.seed);
  const endMs = Date.parse(`${SEED_NOW}T00:00:00Z`);
  const startMs = endMs - (spec.days - 1) * DAY_MS;
  const dayOf = (day: number) => dayIso(startMs + day * DAY_MS);
  let simMs = startMs + 7 * 3600_000;
  const clock = new HybridClock(nodeIdFromInstallation(db.installation.id), undefined, () => simMs);
  const raw = db.raw;
  const w = new BulkWriter({ raw, clock, origin: db.installation.id, rng: rng.fork(1), user: db.user, changeLog: o.changeLog });
  const rows = new AppRows(w);
  const userId = db.user.id;
  const counts = { contactPoints: 0, sessions: 0, clients: 0, consultations: 0, cases: 0, documents: 0 };
  const events = new Map<number, Array<() => void>>();
  const at = (day: number, fn: () => void) => {
    if (day >= spec.days) return;
    (events.get(day) ?? events.set(day, []).get(day)!).push(fn);
  };
  const tick = () => {
    simMs += 1000 + Math.floor(rng.next() * 60_000);
    w.nowMs = simMs;
  };
  w.nowMs = simMs;

  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -262144');
  raw.exec('BEGIN');
  let sinceCommit = 0;
  const commit = () => {
    w.flush();
    raw.exec('COMMIT');
    sinceCommit = 0;
  };

  // Contact points: one per district, cities busier, all open before the period starts.
  const shuffled = [...DISTRICTS].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const chosen = [...shuffled.filter((d) => d.kind === 'city'), ...shuffled.filter((d) => d.kind !== 'city')].slice(0, spec.contactPoints);
  const used = new Set<string>();
  const cps: Cp[] = [];
  for (const d of chosen) {
    tick();
    const code = codeFor(d, used);
    const id = rows.contactPoint(
      contactPointInput.parse({
        code,
        name: `Нуқтаи тамоси ҳуқуқии ${d.name}`,
        districtId: d.id,
        address: `${d.name}, бинои ҷамоат`,
        organisation: 'Маркази давлатии ёрии ҳуқуқӣ',
        establishedOn: `${rng.int(2015, 2020)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
      }),
    );
    cps.push({ id, code, district: d, weight: d.kind === 'city' ? 3 : 1, lawyers: lawyerNames(rng, 3), pool: [] });
    counts.contactPoints += 1;
  }
  const cpWeights = cps.map((c) => [c, c.weight] as const);

  // Mobile sessions: announced two weeks ahead, a few cancelled, the rest held.
  const sessionsInRange = spec.sessions;
  const mobileShare = 0.3;
  const perSession = (spec.consultations * mobileShare) / (sessionsInRange * 0.96);
  const planAhead = Math.max(1, Math.round(sessionsInRange / 100));
  for (let i = 0; i < sessionsInRange + planAhead; i++) {
    const future = i >= sessionsInRange;
    const day = future ? spec.days + rng.int(1, 45) : Math.min(spec.days - 1, Math.floor(((i + rng.next()) * spec.days) / sessionsInRange));
    const announce = Math.max(0, Math.min(spec.days - 1, day - 14));
    const cp = rng.weighted(cpWeights);
    const district = rng.chance(0.5) ? cp.district : rng.pick(DISTRICTS_BY_REGION.get(cp.district.region)!);
    const cancelled = rng.chance(0.04);
    at(announce, () => {
      const village = rng.pick(['Навобод', 'Дилкушо', 'Ободӣ', 'Зарафшон', 'Сомониён', 'Қалъача', 'Пахтакор']);
      const id = rows.session(
        mobileSessionInput.parse({ date: dayOf(day), districtId: district.id, jamoat: village, village, partnerAuthority: `Ҷамоати деҳоти ${village}`, team: [{ name: cp.lawyers[0]!, role: 'ҳуқуқшинос' }] }),
        cp,
      );
      counts.sessions += 1;
      if (future) return;
      if (cancelled) at(Math.max(announce, day - 2), () => rows.sessionStatus(id, 'planned', 'cancelled', dayOf(Math.max(announce, day - 2)), false));
      else at(day, () => {
        const n = Math.max(1, Math.round(perSession * (0.6 + 0.8 * rng.next())));
        for (let k = 0; k < n; k++) consult({ cp, districtId: district.id, sessionId: id, first: k === 0 }, day);
      });
    });
  }

  const remaining = () => ({ clients: spec.clients - counts.clients, consultations: spec.consultations - counts.consultations, cases: spec.cases - counts.cases });
  const planned = spec.consultations;
  const samples = o.samples;

  function consult(v: { cp: Cp; districtId: string; sessionId: string | null; first: boolean }, day: number) {
    tick();
    const date = dayOf(day);
    const left = remaining();
    const pNew = Math.min(1, left.clients / Math.max(1, planned - counts.consultations));
    let entry: ClientEntry;
    if (v.cp.pool.length === 0 || rng.chance(v.sessionId ? Math.min(1, pNew * 1.4) : pNew)) {
      const district = DISTRICTS.find((d) => d.id === v.districtId) ?? v.cp.district;
      const g = generateClient(rng, date, district);
      const state = rows.client(g.input, date);
      entry = { state, migrantName: g.migrantName, fullName: [g.input.surname, g.input.givenName, g.input.patronymic].filter(Boolean).join(' ') };
      v.cp.pool.push(entry);
      if (v.cp.pool.length > 400) v.cp.pool.shift();
      counts.clients += 1;
    } else entry = v.cp.pool[v.cp.pool.length - 1 - Math.floor(rng.next() ** 2 * v.cp.pool.length)]!;

    const issues = issuesFor(rng);
    const lawyer = rng.pick(v.cp.lawyers);
    let caseId: string | null = null;
    const caseTypes = issues.map((i) => CASE_FOR_ISSUE[i]).find(Boolean);
    if (caseTypes && entry.state.snap.sex === 'F' && rng.chance(Math.min(1, (left.cases / Math.max(1, left.consultations)) * 1.4))) {
      const caseType = rng.weighted(caseTypes);
      const kase = rows.kase(
        caseInput.parse({
          clientId: entry.state.id,
          caseType,
          openedOn: date,
          responsibleName: lawyer,
          courtDistrictId: v.cp.district.id,
          respondentName: entry.migrantName ?? respondentName(rng),
          respondentWhereabouts: entry.state.household ? 'дар муҳоҷирати меҳнатӣ' : '',
          monthlyAlimonyDiram: caseType === 'alimony_fixed_sum' ? rng.int(5, 30) * 10_000 : null,
        }),
        v.cp,
        userId,
      );
      caseId = kase.id;
      counts.cases += 1;
      planCaseLife(
        { rows, rng, userId, at, samples, documentsLeft: () => spec.documents - counts.documents, onDocument: () => (counts.documents += 1), dayIso: dayOf },
        { id: kase.id, clientId: entry.state.id, clientFullName: entry.fullName, caseType, day, courtPlace: `Суди ноҳияи ${v.cp.district.name}` },
      );
    }
    const kind = rng.weighted([['legal', 88], ['psychological', 9], ['medical', 3]] as const);
    const input = consultationInput.parse({
      clientId: entry.state.id,
      venueKind: v.sessionId ? 'mobile_session' : 'contact_point',
      ...(v.sessionId ? { mobileSessionId: v.sessionId } : { contactPointId: v.cp.id, date }),
      lawyerName: lawyer,
      kind,
      issues,
      advice: 'Ҳуқуқҳо ва тартиби муроҷиат ба суд шарҳ дода шуданд.',
      referrals: rng.chance(0.3) ? [{ referral: rng.weighted(REFERRAL_MIX), note: '' }] : [],
      followUpOn: rng.chance(0.2) ? dayOf(day + rng.int(7, 30)) : null,
      caseId,
    });
    rows.consultation(input, entry.state, { date, contactPointId: v.cp.id, districtId: v.districtId }, v.sessionId && v.first ? date : null);
    counts.consultations += 1;
  }

  // Contact point visits on working days (Monday–Saturday), spread by each point's weight.
  const workingDays = Array.from({ length: spec.days }, (_, d) => new Date(startMs + d * DAY_MS).getUTCDay() !== 0).filter(Boolean).length;
  const perDay = (spec.consultations * (1 - mobileShare)) / workingDays;
  const demoDay = Math.max(0, Math.round((Date.parse(`${DEMO_DAY}T00:00:00Z`) - startMs) / DAY_MS));

  for (let day = 0; day < spec.days; day++) {
    simMs = Math.max(simMs, startMs + day * DAY_MS + 7 * 3600_000);
    w.nowMs = simMs;
    if (day === demoDay && demoDay < spec.days) {
      commit();
      const demoWriter = { clock, origin: db.installation.id, now: () => new Date(simMs) };
      await db.db.transaction().execute((trx) => seedDemoInto({ trx, w: demoWriter, user: db.user }));
      w.reloadAuditHead();
      raw.exec('BEGIN');
    }
    const todays = events.get(day) ?? [];
    events.delete(day);
    // Sessions announced or held today first, then the desks, then the cases' own events.
    for (let i = 0; i < todays.length; i++) todays[i]!();
    if (new Date(startMs + day * DAY_MS).getUTCDay() !== 0) {
      const n = Math.round(perDay * (0.7 + 0.6 * rng.next()));
      for (let k = 0; k < n && counts.consultations < spec.consultations; k++) {
        const cp = rng.weighted(cpWeights);
        consult({ cp, districtId: cp.district.id, sessionId: null, first: false }, day);
      }
    }
    for (const fn of events.get(day) ?? []) fn();
    events.delete(day);
    sinceCommit += 1;
    if (sinceCommit >= 20) {
      commit();
      raw.exec('BEGIN');
    }
    if (day % 30 === 29 || day === spec.days - 1) {
      const s = Math.round((Date.now() - started) / 1000);
      o.progress?.(`seed ${dayOf(day)}: ${counts.clients} clients, ${counts.consultations} consultations, ${counts.cases} cases, ${counts.documents} documents, ${w.changes} changes (${s} s)`);
    }
  }
  w.audit('seed.national', 'database', null, { ...counts, changeLog: o.changeLog });
  commit();
  raw.pragma('synchronous = FULL');
  raw.pragma('cache_size = -2000');
  return { counts, changes: w.changes, seconds: (Date.now() - started) / 1000 };
}

/** A stable 32-bit seed from any text (`--seed` accepts numbers; other text is hashed). */
export function seedNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text) >>> 0;
  return createHash('sha256').update(text).digest().readUInt32LE(0);
}
