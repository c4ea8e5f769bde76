import { createHash } from 'node:crypto';
import { hearingInput, taskInput } from '../../shared/api/caseInputs';
import type { CaseOutcome, CaseStatus, CaseType } from '../../shared/domain/enums';
import { filingFileName } from '../../shared/domain/fileNames';
import type { AppRows } from './appRows';
import type { Rng } from './prng';

// The life of a case after it is opened, as dated events: tasks, preparation, filing (with the filing
// stored as a document), hearings, decision, enforcement, closing. Every move is one the workflow of
// shared/domain/caseWorkflow.ts allows. Events later than the data set's "now" never happen, so the
// newest cases are still open, filed or waiting for a hearing.

export interface FilingSample {
  templateId: string;
  title: string;
  content: Buffer;
  sha256: string;
  templateVersion: string;
  legalRefVersion: string;
}

export interface CaseLifeContext {
  rows: AppRows;
  rng: Rng;
  userId: string;
  /** Schedules fn on a day (index from the first day); days past the end are dropped. */
  at: (day: number, fn: () => void) => void;
  samples: Map<CaseType, FilingSample>;
  /** How many more filings may be stored (the size's document count). */
  documentsLeft: () => number;
  onDocument: () => void;
  dayIso: (day: number) => string;
}

export interface OpenedCase {
  id: string;
  clientId: string;
  clientFullName: string;
  caseType: CaseType;
  day: number;
  courtPlace: string;
}

const TASKS = ['Гирифтани нусхаи шаҳодатнома', 'Пардохти боҷи давлатӣ', 'Ҷамъ овардани маълумотномаҳо', 'Тайёр кардани ариза', 'Занг задан ба муштарӣ'];

export function planCaseLife(ctx: CaseLifeContext, c: OpenedCase): void {
  const { rows, rng, userId } = ctx;
  let status: CaseStatus = 'open';
  const move = (to: CaseStatus, day: number, outcome: CaseOutcome | null = null) => {
    rows.caseStatus(c.id, status, to, ctx.dayIso(day), outcome, userId);
    status = to;
  };

  for (let i = rng.int(1, 2); i > 0; i--) {
    const due = c.day + rng.int(5, 30);
    const taskId = rows.task(taskInput.parse({ caseId: c.id, title: rng.pick(TASKS), dueOn: ctx.dayIso(due) }));
    if (rng.chance(0.8)) ctx.at(due - rng.int(0, 4), () => rows.completeTask(taskId, ctx.dayIso(due)));
  }

  // Some clients give up or settle before anything is filed.
  if (rng.chance(0.08)) {
    const day = c.day + rng.int(10, 90);
    ctx.at(day, () => move('closed', day, rng.chance(0.5) ? 'withdrawn' : 'settled'));
    return;
  }
  let day = c.day;
  if (rng.chance(0.7)) {
    day += rng.int(2, 15);
    const d = day;
    ctx.at(d, () => move('preparing_documents', d));
  }
  day += rng.int(7, 40);
  const filedOn = day;
  const hearingDays: number[] = [];
  let h = filedOn + rng.int(20, 60);
  for (let i = rng.weighted([[0, 10], [1, 45], [2, 30], [3, 15]] as const); i > 0; i--) {
    hearingDays.push(h);
    h += rng.int(14, 35);
  }
  ctx.at(filedOn, () => {
    move('filed', filedOn);
    const sample = ctx.samples.get(c.caseType);
    if (sample && ctx.documentsLeft() > 0 && rng.chance(0.85)) {
      const date = ctx.dayIso(filedOn);
      rows.filing(
        {
          caseId: c.id,
          clientId: c.clientId,
          title: sample.title,
          fileName: filingFileName(sample.title, c.clientFullName.split(' ')[0] ?? '', date),
          content: sample.content,
          sha256: sample.sha256,
          language: 'tg',
          templateId: sample.templateId,
          templateVersion: sample.templateVersion,
          legalRefVersion: sample.legalRefVersion,
          // The stored bytes are a sample; the hash still differs per case, as the app's does.
          dataHash: createHash('sha256').update(`${sample.templateId}|${c.id}|${date}`).digest('hex'),
        },
        userId,
      );
      ctx.onDocument();
    }
    for (const hd of hearingDays) {
      rows.hearing(hearingInput.parse({ caseId: c.id, date: ctx.dayIso(hd), time: `${String(rng.int(9, 16)).padStart(2, '0')}:${rng.pick(['00', '30'])}`, place: c.courtPlace }));
    }
  });
  if (hearingDays.length) {
    const first = hearingDays[0]!;
    ctx.at(first, () => move('hearing', first));
  }
  const decidedOn = (hearingDays[hearingDays.length - 1] ?? filedOn + rng.int(20, 60)) + rng.int(0, 7);
  const outcome = rng.weighted<CaseOutcome>([['granted', 55], ['partly_granted', 15], ['rejected', 10], ['settled', 12], ['withdrawn', 8]]);
  if (outcome === 'withdrawn' || (outcome === 'settled' && rng.chance(0.5))) {
    ctx.at(decidedOn, () => move('closed', decidedOn, outcome));
    return;
  }
  ctx.at(decidedOn, () => move('decided', decidedOn, outcome));
  let closeOn = decidedOn + rng.int(10, 60);
  if ((c.caseType === 'alimony_share' || c.caseType === 'alimony_fixed_sum') && (outcome === 'granted' || outcome === 'partly_granted') && rng.chance(0.6)) {
    const enforceOn = decidedOn + rng.int(10, 30);
    ctx.at(enforceOn, () => move('enforcement', enforceOn));
    closeOn = enforceOn + rng.int(30, 180);
  }
  if (rng.chance(0.9)) ctx.at(closeOn, () => move('closed', closeOn, outcome));
}
