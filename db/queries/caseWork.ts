import { AppError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import type { Db, WriteCtx } from './writeContext';
import { insertRow, updateRow } from '../write';
import { audit } from './writeContext';

// Hearings and tasks of a case.

export interface HearingFields {
  id?: string;
  caseId: string;
  date: string;
  time: string;
  place: string;
  result: string;
  notes: string;
}

export interface TaskFields {
  id?: string;
  caseId: string | null;
  title: string;
  dueOn: string | null;
  assigneeUserId: string | null;
}

export async function hearingRows(db: Db, caseId: string) {
  return db.selectFrom('hearings').selectAll().where('case_id', '=', caseId).where('deleted_at', 'is', null).orderBy('date').orderBy('time').execute();
}

export async function taskRows(db: Db, caseId: string) {
  return db.selectFrom('tasks').selectAll().where('case_id', '=', caseId).where('deleted_at', 'is', null).orderBy('done_on').orderBy('due_on').execute();
}

export async function hearingRow(db: Db, id: string) {
  return db.selectFrom('hearings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function taskRow(db: Db, id: string) {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The columns a hearing's form sets (saveHearing, and the national seed). */
export function hearingColumns(input: HearingFields) {
  return { case_id: input.caseId, date: input.date, time: input.time, place: input.place, result: input.result, notes: input.notes };
}

/** The columns a task's form sets (saveTask, and the national seed). */
export function taskColumns(input: TaskFields) {
  return { case_id: input.caseId, title: input.title, due_on: input.dueOn, assignee_user_id: input.assigneeUserId };
}

/** Returns the hearing's id. A hearing is edited only as a hearing of the case it belongs to. */
export async function saveHearing(ctx: WriteCtx, input: HearingFields): Promise<string> {
  const values = hearingColumns(input);
  if (input.id) {
    const current = await ctx.trx.selectFrom('hearings').select('case_id').where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!current || current.case_id !== input.caseId) throw new AppError('NOT_FOUND', 'No such hearing');
    const fields = await updateRow(ctx.trx, ctx.w, 'hearings', input.id, values);
    await audit(ctx, 'hearing.update', 'hearings', input.id, { caseId: input.caseId, fields });
    return input.id;
  }
  const id = await insertRow(ctx.trx, ctx.w, 'hearings', values);
  await audit(ctx, 'hearing.create', 'hearings', id, { caseId: input.caseId });
  return id;
}

/** Returns the task's id. */
export async function saveTask(ctx: WriteCtx, input: TaskFields): Promise<string> {
  const values = taskColumns(input);
  if (input.id) {
    const fields = await updateRow(ctx.trx, ctx.w, 'tasks', input.id, values);
    await audit(ctx, 'task.update', 'tasks', input.id, { caseId: input.caseId, fields });
    return input.id;
  }
  const id = await insertRow(ctx.trx, ctx.w, 'tasks', { ...values, done_on: null });
  await audit(ctx, 'task.create', 'tasks', id, { caseId: input.caseId });
  return id;
}

export async function completeTask(ctx: WriteCtx, id: string, done: boolean, doneOn: string | null, today: string = todayIso()): Promise<void> {
  await updateRow(ctx.trx, ctx.w, 'tasks', id, { done_on: done ? (doneOn ?? today) : null });
  await audit(ctx, done ? 'task.complete' : 'task.reopen', 'tasks', id);
}

