import { AppError } from '../../shared/api/errors';
import type { ContactPointRow } from '../schema';
import { insertRow, updateRow } from '../write';
import { getMeta, META_KEYS } from './meta';
import { audit, type Db, type WriteCtx } from './writeContext';

// Contact points (Action Plan 1.2.3) and their staff.

/** The contact points with how many active staff each has. */
export async function listContactPointRows(db: Db, includeClosed: boolean) {
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
  return q.orderBy('cp.code').execute();
}

export async function getContactPoint(db: Db, id: string): Promise<ContactPointRow> {
  const row = await findContactPoint(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'No such contact point');
  return row;
}

export async function findContactPoint(db: Db, id: string): Promise<ContactPointRow | undefined> {
  return db.selectFrom('contact_points').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** The live contact point that has this code, if any. */
export async function contactPointIdByCode(db: Db, code: string): Promise<string | undefined> {
  return (await db.selectFrom('contact_points').select('id').where('code', '=', code).where('deleted_at', 'is', null).executeTakeFirst())?.id;
}

/**
 * Which contact point this installation is: the one chosen on the Contact points screen, or else the
 * live one with the code named when it was set up (`init --contact-point CODE` may name a contact point
 * whose register is imported later). Null when there is none (a hub).
 */
export async function ownContactPointId(db: Db): Promise<string | null> {
  const id = await getMeta(db, META_KEYS.contactPointId);
  if (id) return id;
  const code = await getMeta(db, META_KEYS.contactPointCode);
  return code ? ((await contactPointIdByCode(db, code)) ?? null) : null;
}

/** Whether a contact point was open on a date: established by then and not yet closed (the consultation service, and the register import). */
export function openOn(cp: { established_on: string; closed_on: string | null }, date: string): boolean {
  return date >= cp.established_on && (!cp.closed_on || date <= cp.closed_on);
}

/** What a contact point's form sets. */
export interface ContactPointFields {
  id?: string;
  code: string;
  name: string;
  districtId: string;
  address: string;
  organisation: string;
  establishedOn: string;
  closedOn: string | null;
  notes: string;
}

/** The columns a contact point's form sets (saveContactPoint, and the national seed). */
export function contactPointColumns(input: ContactPointFields) {
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

/** Returns the contact point's id. */
export async function saveContactPoint(ctx: WriteCtx, input: ContactPointFields): Promise<string> {
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

export interface StaffFields {
  id?: string;
  contactPointId: string | null;
  userId: string | null;
  fullName: string;
  position: string;
  phone: string;
  active: boolean;
}

export async function listStaffRows(db: Db, contactPointId: string | null, includeInactive: boolean) {
  let q = db.selectFrom('staff').selectAll().where('deleted_at', 'is', null);
  if (contactPointId) q = q.where('contact_point_id', '=', contactPointId);
  if (!includeInactive) q = q.where('active', '=', 1);
  return q.orderBy('full_name').execute();
}

export async function staffRow(db: Db, id: string) {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The live staff member's name, if there is one of this id. */
export async function staffName(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('staff').select('full_name').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst())?.full_name;
}

/** Returns the staff member's id. */
export async function saveStaff(ctx: WriteCtx, input: StaffFields): Promise<string> {
  const values = {
    contact_point_id: input.contactPointId,
    user_id: input.userId,
    full_name: input.fullName,
    position: input.position,
    phone: input.phone,
    active: input.active ? 1 : 0,
  };
  if (input.id) {
    const changed = await updateRow(ctx.trx, ctx.w, 'staff', input.id, values);
    await audit(ctx, 'staff.update', 'staff', input.id, { fields: changed });
    return input.id;
  }
  const id = await insertRow(ctx.trx, ctx.w, 'staff', values);
  await audit(ctx, 'staff.create', 'staff', id);
  return id;
}
