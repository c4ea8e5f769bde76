// iCalendar text (RFC 5545) of a lawyer's hearings, for a phone's or a desktop's calendar. Written by
// hand: the format is small, and the rules that matter are exactly these — lines end in CRLF; a line
// longer than 75 octets is folded (CRLF and one space) without splitting a UTF-8 character; text escapes
// backslash, semicolon, comma and line breaks; every event has a UID (stable: the hearing's id, so a
// calendar that imports the file again updates the event instead of doubling it) and a DTSTAMP (UTC).
// Times are local to Tajikistan: Asia/Dushanbe, described by its own VTIMEZONE (UTC+5 all year, no
// daylight saving since 1991) so the event stays at the court's hour on a laptop set to another zone.

export const ICS_TIME_ZONE = 'Asia/Dushanbe';
const PRODID = '-//Legal Aid Desk//Hearings//EN';
const UID_DOMAIN = 'legal-aid-desk';

export interface IcsEvent {
  /** Stable per hearing. */
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM, or empty: an all-day event. */
  time: string;
  /** Minutes; for timed events. */
  durationMinutes: number;
  summary: string;
  location: string;
  description: string;
}

/** Escapes a TEXT value (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // A continuation line starts with a space, which counts towards its 75 octets.
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function localStamp(date: string, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TIME_ZONE}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0500',
  'TZOFFSETTO:+0500',
  'TZNAME:+05',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The whole calendar: one VEVENT per hearing, stamped `now`. */
export function buildIcs(events: IcsEvent[], calendarName: string, now: Date): string {
  const stamp = utcStamp(now);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(calendarName)}`, `X-WR-TIMEZONE:${ICS_TIME_ZONE}`];
  if (events.some((e) => e.time)) lines.push(...VTIMEZONE);
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.id}@${UID_DOMAIN}`, `DTSTAMP:${stamp}`);
    if (e.time) {
      lines.push(`DTSTART;TZID=${ICS_TIME_ZONE}:${localStamp(e.date, e.time)}`, `DURATION:PT${e.durationMinutes}M`);
    } else {
      lines.push(`DTSTART;VALUE=DATE:${e.date.replace(/-/g, '')}`, `DTEND;VALUE=DATE:${nextDay(e.date)}`);
    }
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    lines.push('TRANSP:OPAQUE', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
