import { AppError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import type { Db, WriteCtx } from './writeContext';
import { insertRow, tombstoneRow, updateRow } from '../write';
import { audit } from './writeContext';

// Hearings and tasks of a case: added, edited, postponed (hearings, with the earlier dates kept), done and
// removed with a reason (a tombstone that keeps the reason on the row).

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

/** Every postponement of the case's live hearings, the earliest first. */
export async function postponementRows(db: Db, caseId: string) {
  return db
    .selectFrom('hearing_postponements as p')
    .innerJoin('hearings as h', 'h.id', 'p.hearing_id')
    .selectAll('p')
    .where('h.case_id', '=', caseId)
    .where('h.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}

/** The case's removed hearings and tasks with why they were removed, the latest removal first. */
export async function removedHearingRows(db: Db, caseId: string) {
  return db.selectFrom('hearings').selectAll().where('case_id', '=', caseId).where('deleted_at', 'is not', null).orderBy('deleted_at', 'desc').execute();
}

export async function removedTaskRows(db: Db, caseId: string) {
  return db.selectFrom('tasks').selectAll().where('case_id', '=', caseId).where('deleted_at', 'is not', null).orderBy('deleted_at', 'desc').execute();
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

/** A live hearing of the case (edits name both, so a hearing is only changed from its own case). */
export async function liveHearingOf(db: Db, id: string, caseId: string) {
  const row = await db.selectFrom('hearings').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row || row.case_id !== caseId) throw new AppError('NOT_FOUND', 'No such hearing');
  return row;
}

export interface Postponement {
  id: string;
  caseId: string;
  date: string;
  time: string;
  reason: string;
}

/** Moves a hearing to its new date and time and records the move; the service checks the dates first. */
export async function postponeHearing(ctx: WriteCtx, input: Postponement): Promise<void> {
  const current = await liveHearingOf(ctx.trx, input.id, input.caseId);
  await insertRow(ctx.trx, ctx.w, 'hearing_postponements', {
    hearing_id: input.id,
    from_date: current.date,
    from_time: current.time,
    to_date: input.date,
    to_time: input.time,
    reason: input.reason,
    user_id: ctx.user.id,
  });
  await updateRow(ctx.trx, ctx.w, 'hearings', input.id, { date: input.date, time: input.time });
  // The reason is free text about the case: the audit keeps the dates' move, not the words.
  await audit(ctx, 'hearing.postpone', 'hearings', input.id, { caseId: input.caseId });
}

/** Removes a hearing entered by mistake or cancelled: the reason stays on the tombstoned row. */
export async function removeHearing(ctx: WriteCtx, id: string, caseId: string, reason: string): Promise<void> {
  await liveHearingOf(ctx.trx, id, caseId);
  await updateRow(ctx.trx, ctx.w, 'hearings', id, { removal_reason: reason });
  await tombstoneRow(ctx.trx, ctx.w, 'hearings', id);
  await audit(ctx, 'hearing.remove', 'hearings', id, { caseId });
}

/** Removes a task of the case: the reason stays on the tombstoned row. */
export async function removeTask(ctx: WriteCtx, id: string, caseId: string, reason: string): Promise<void> {
  const task = await ctx.trx.selectFrom('tasks').select('case_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!task || task.case_id !== caseId) throw new AppError('NOT_FOUND', 'No such task');
  await updateRow(ctx.trx, ctx.w, 'tasks', id, { removal_reason: reason });
  await tombstoneRow(ctx.trx, ctx.w, 'tasks', id);
  await audit(ctx, 'task.remove', 'tasks', id, { caseId });
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

