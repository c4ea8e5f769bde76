import type { z } from 'zod';
import type { ContactPoint, StaffMember } from '../../shared/api/caseTracking';
import type { contactPointInput, staffInput } from '../../shared/api/caseTrackingInputs';
import { AppError } from '../../shared/api/errors';
import { insertRow, updateRow } from '../write';
import { audit, type Db, type WriteCtx } from './writeContext';

// Contact points (Action Plan 1.2.3) and their staff.

export async function listContactPoints(db: Db, ownId: string | null, includeClosed: boolean): Promise<ContactPoint[]> {
  let q = db
    .selectFrom('contact_points as cp')
    .selectAll('cp')
    .select((eb) =>
      eb
        .selectFrom('staff')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('staff.contact_point_id', '=', 'cp.id')
        .where('staff.deleted_at', 'is', null)
        .where('staff.active', '=', 1)
        .as('staff_count'),
    )
    .where('cp.deleted_at', 'is', null);
  if (!includeClosed) q = q.where('cp.closed_on', 'is', null);
  const rows = await q.orderBy('cp.code').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    districtId: r.district_id,
    address: r.address,
    organisation: r.organisation,
    establishedOn: r.established_on,
    closedOn: r.closed_on,
    notes: r.notes,
    staffCount: Number(r.staff_count ?? 0),
    isOwn: r.id === ownId,
  }));
}

export async function getContactPoint(db: Db, id: string) {
  const row = await db.selectFrom('contact_points').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such contact point', [{ path: 'contactPointId', key: 'invalid' }]);
  return row;
}

/** Whether a contact point was open on a date: established by then and not yet closed (saveConsultation, and the register import). */
export function openOn(cp: { established_on: string; closed_on: string | null }, date: string): boolean {
  return date >= cp.established_on && (!cp.closed_on || date <= cp.closed_on);
}

/** The columns a contact point's form sets (saveContactPoint, and the national seed). */
export function contactPointColumns(input: z.output<typeof contactPointInput>) {
  return {
    code: input.code,
    name: input.name,
    district_id: input.districtId,
    address: input.address,
    organisation: input.organisation,
    established_on: input.establishedOn,
    closed_on: input.closedOn,
    notes: input.notes,
  };
}

export async function saveContactPoint(ctx: WriteCtx, input: z.output<typeof contactPointInput>): Promise<string> {
  const clash = await ctx.trx
    .selectFrom('contact_points')
    .select('id')
    .where('code', '=', input.code)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (clash && clash.id !== input.id) throw new AppError('VALIDATION', 'This code is already used', [{ path: 'code', key: 'duplicate' }]);
  const values = contactPointColumns(input);
  if (input.id) {
    const changed = await updateRow(ctx.trx, ctx.w, 'contact_points', input.id, values);
    await audit(ctx, 'contact_point.update', 'contact_points', input.id, { fields: changed });
    return input.id;
  }
  const id = await insertRow(ctx.trx, ctx.w, 'contact_points', values);
  await audit(ctx, 'contact_point.create', 'contact_points', id);
  return id;
}

function toStaff(r: { id: string; contact_point_id: string | null; user_id: string | null; full_name: string; position: string; phone: string; active: number }): StaffMember {
  return {
    id: r.id,
    contactPointId: r.contact_point_id,
    userId: r.user_id,
    fullName: r.full_name,
    position: r.position,
    phone: r.phone,
    active: r.active !== 0,
  };
}

export async function listStaff(db: Db, contactPointId: string | null, includeInactive: boolean): Promise<StaffMember[]> {
  let q = db.selectFrom('staff').selectAll().where('deleted_at', 'is', null);
  if (contactPointId) q = q.where('contact_point_id', '=', contactPointId);
  if (!includeInactive) q = q.where('active', '=', 1);
  return (await q.orderBy('full_name').execute()).map(toStaff);
}

export async function saveStaff(ctx: WriteCtx, input: z.output<typeof staffInput>): Promise<StaffMember> {
  if (input.contactPointId) await getContactPoint(ctx.trx, input.contactPointId);
  if (input.userId) {
    const user = await ctx.trx.selectFrom('users').select('id').where('id', '=', input.userId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!user) throw new AppError('VALIDATION', 'No such user', [{ path: 'userId', key: 'invalid' }]);
  }
  const values = {
    contact_point_id: input.contactPointId,
    user_id: input.userId,
    full_name: input.fullName,
    position: input.position,
    phone: input.phone,
    active: input.active ? 1 : 0,
  };
  let id = input.id;
  if (id) {
    const changed = await updateRow(ctx.trx, ctx.w, 'staff', id, values);
    await audit(ctx, 'staff.update', 'staff', id, { fields: changed });
  } else {
    id = await insertRow(ctx.trx, ctx.w, 'staff', values);
    await audit(ctx, 'staff.create', 'staff', id);
  }
  const row = await ctx.trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toStaff(row);
}
