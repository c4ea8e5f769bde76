import type { z } from 'zod';
import type { Hearing, Task } from '../../shared/api/caseTracking';
import type { hearingInput, taskInput } from '../../shared/api/caseTrackingInputs';
import { AppError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import { insertRow, updateRow } from '../write';
import { getCaseRow, toHearing, toTask } from './cases';
import { audit, type WriteCtx } from './writeContext';

// Hearings and tasks of a case.

/** The columns a hearing's form sets (saveHearing, and the national seed). */
export function hearingColumns(input: z.output<typeof hearingInput>) {
  return { case_id: input.caseId, date: input.date, time: input.time, place: input.place, result: input.result, notes: input.notes };
}

/** The columns a task's form sets (saveTask, and the national seed). */
export function taskColumns(input: z.output<typeof taskInput>) {
  return { case_id: input.caseId, title: input.title, due_on: input.dueOn, assignee_user_id: input.assigneeUserId };
}

export async function saveHearing(ctx: WriteCtx, input: z.output<typeof hearingInput>, today: string = todayIso()): Promise<Hearing> {
  await getCaseRow(ctx.trx, input.caseId);
  // A result is what happened: it cannot be written for a hearing still to come.
  if (input.result && input.date > today) throw new AppError('VALIDATION', 'A future hearing has no result yet', [{ path: 'result', key: 'futureDate' }]);
  const values = hearingColumns(input);
  let id = input.id;
  if (id) {
    const current = await ctx.trx.selectFrom('hearings').select('case_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!current || current.case_id !== input.caseId) throw new AppError('NOT_FOUND', 'No such hearing');
    const fields = await updateRow(ctx.trx, ctx.w, 'hearings', id, values);
    await audit(ctx, 'hearing.update', 'hearings', id, { caseId: input.caseId, fields });
  } else {
    id = await insertRow(ctx.trx, ctx.w, 'hearings', values);
    await audit(ctx, 'hearing.create', 'hearings', id, { caseId: input.caseId });
  }
  return toHearing(await ctx.trx.selectFrom('hearings').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

export async function saveTask(ctx: WriteCtx, input: z.output<typeof taskInput>): Promise<Task> {
  if (input.caseId) await getCaseRow(ctx.trx, input.caseId);
  if (input.assigneeUserId) {
    const u = await ctx.trx.selectFrom('users').select('id').where('id', '=', input.assigneeUserId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!u) throw new AppError('VALIDATION', 'No such user', [{ path: 'assigneeUserId', key: 'invalid' }]);
  }
  const values = taskColumns(input);
  let id = input.id;
  if (id) {
    const fields = await updateRow(ctx.trx, ctx.w, 'tasks', id, values);
    await audit(ctx, 'task.update', 'tasks', id, { caseId: input.caseId, fields });
  } else {
    id = await insertRow(ctx.trx, ctx.w, 'tasks', { ...values, done_on: null });
    await audit(ctx, 'task.create', 'tasks', id, { caseId: input.caseId });
  }
  return toTask(await ctx.trx.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

export async function completeTask(ctx: WriteCtx, id: string, done: boolean, doneOn: string | null, today: string = todayIso()): Promise<Task> {
  await updateRow(ctx.trx, ctx.w, 'tasks', id, { done_on: done ? (doneOn ?? today) : null });
  await audit(ctx, done ? 'task.complete' : 'task.reopen', 'tasks', id);
  return toTask(await ctx.trx.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
