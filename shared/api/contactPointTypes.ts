// Output types of the contact-point and staff channels.

export interface ContactPoint {
  id: string;
  code: string;
  name: string;
  districtId: string;
  address: string;
  organisation: string;
  establishedOn: string;
  closedOn: string | null;
  notes: string;
  staffCount: number;
  /** This installation is this contact point. */
  isOwn: boolean;
}

export interface StaffMember {
  id: string;
  contactPointId: string | null;
  userId: string | null;
  fullName: string;
  position: string;
  phone: string;
  active: boolean;
}
