import { contactPointIdByCode, findContactPoint, listContactPointRows, listStaffRows, saveContactPoint as saveContactPointRow, saveStaff as saveStaffRow, staffRow, type ContactPointFields, type StaffFields } from '../../db/queries/contactPoints';
import { META_KEYS, setMeta } from '../../db/queries/meta';
import { userExists } from '../../db/queries/users';
import { audit, type Db } from '../../db/queries/writeContext';
import type { ContactPointRow } from '../../db/schema';
import type { ContactPoint, StaffMember } from '../../shared/api/contactPointTypes';
import { AppError } from '../../shared/api/errors';
import { fieldError } from './fieldPaths';
import { withWrite, type Unlocked } from './index';

// Contact points (Action Plan 1.2.3), the one this installation is, and their staff.

/** The live contact point of this id, or NOT_FOUND on the field that named it. */
export async function requireContactPoint(db: Db, id: string, path: string): Promise<ContactPointRow> {
  const cp = await findContactPoint(db, id);
  if (!cp) throw new AppError('NOT_FOUND', 'No such contact point', [{ path, key: 'invalid' }]);
  return cp;
}

export async function listContactPoints(s: Unlocked, includeClosed: boolean): Promise<ContactPoint[]> {
  const ownId = s.installation.contactPointId;
  return (await listContactPointRows(s.db, includeClosed)).map((r) => ({
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

/** Saves a contact point whose code no other one has. */
export async function saveContactPoint(s: Unlocked, input: ContactPointFields): Promise<ContactPoint> {
  const id = await withWrite(s, async (ctx) => {
    const clash = await contactPointIdByCode(ctx.trx, input.code);
    if (clash && clash !== input.id) throw fieldError('This code is already used', 'code', 'duplicate');
    return saveContactPointRow(ctx, input);
  });
  return (await listContactPoints(s, true)).find((c) => c.id === id)!;
}

/** Which contact point this installation is (null: none, e.g. a hub). */
export async function setOwnContactPoint(s: Unlocked, contactPointId: string | null): Promise<void> {
  await withWrite(s, async (ctx) => {
    if (contactPointId) await requireContactPoint(ctx.trx, contactPointId, 'contactPointId');
    await setMeta(ctx.trx, META_KEYS.contactPointId, contactPointId ?? '');
    // A choice on the screen replaces a code named at set-up whose contact point was not there yet.
    await setMeta(ctx.trx, META_KEYS.contactPointCode, '');
    await audit(ctx, 'installation.contact_point', 'meta', contactPointId);
  });
  s.installation.contactPointId = contactPointId;
}

function toStaff(r: Awaited<ReturnType<typeof staffRow>>): StaffMember {
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

export async function listStaff(s: Unlocked, contactPointId: string | null, includeInactive: boolean): Promise<StaffMember[]> {
  return (await listStaffRows(s.db, contactPointId, includeInactive)).map(toStaff);
}

export async function saveStaff(s: Unlocked, input: StaffFields): Promise<StaffMember> {
  return withWrite(s, async (ctx) => {
    if (input.contactPointId) await requireContactPoint(ctx.trx, input.contactPointId, 'contactPointId');
    if (input.userId && !(await userExists(ctx.trx, input.userId))) throw fieldError('No such user', 'userId', 'invalid');
    return toStaff(await staffRow(ctx.trx, await saveStaffRow(ctx, input)));
  });
}
