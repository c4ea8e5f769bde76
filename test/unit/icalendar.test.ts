import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine } from '../../electron/documents/icalendar';

// The iCalendar rules the hearings export rests on (RFC 5545 3.1 and 3.3.11), on the edge cases.

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and line breaks, and nothing else', () => {
    expect(escapeText('Суд: толори 2; ҳуҷра 5, ошёнаи 1\\А\r\nсатри нав\nва\rбоз')).toBe('Суд: толори 2\\; ҳуҷра 5\\, ошёнаи 1\\\\А\\nсатри нав\\nва\\nбоз');
  });

  it('folds at 75 octets, never inside a UTF-8 character, and unfolds to the same line', () => {
    for (const line of ['SUMMARY:' + 'ҷ'.repeat(100), 'LOCATION:' + 'a'.repeat(66) + 'ӯ'.repeat(3) + '😀'.repeat(40), 'X:' + 'b'.repeat(73)]) {
      const folded = foldLine(line);
      const physical = folded.split('\r\n');
      for (const [i, p] of physical.entries()) {
        expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
        if (i > 0) expect(p.startsWith(' ')).toBe(true);
        // Each piece is whole characters: encoding and decoding it changes nothing.
        expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
        expect(p).not.toContain('\uFFFD');
      }
      expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    }
    expect(foldLine('X:' + 'b'.repeat(73))).toBe('X:' + 'b'.repeat(73)); // exactly 75 octets: not folded
    expect(foldLine('X:' + 'b'.repeat(74)).split('\r\n')).toHaveLength(2);
  });

  it('writes a timed hearing in Asia/Dushanbe with its VTIMEZONE, an untimed one as a whole day', () => {
    const text = buildIcs(
      [
        { id: 'a', date: '2026-12-31', time: '16:05', durationMinutes: 60, summary: 'S', location: '', description: '' },
        { id: 'b', date: '2026-12-31', time: '', durationMinutes: 60, summary: 'T', location: 'L', description: 'D' },
      ],
      'Ҷаласаҳо',
      new Date('2026-12-03T21:05:09.123Z'),
    );
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toEqual(expect.arrayContaining(['DTSTAMP:20261203T210509Z', 'DTSTART;TZID=Asia/Dushanbe:20261231T160500', 'DURATION:PT60M', 'DTSTART;VALUE=DATE:20261231', 'DTEND;VALUE=DATE:20270101', 'UID:a@legal-aid-desk', 'UID:b@legal-aid-desk', 'TZID:Asia/Dushanbe']));
    expect(lines.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
    // Only untimed hearings: no time zone is needed, none is written.
    expect(buildIcs([{ id: 'b', date: '2026-12-31', time: '', durationMinutes: 60, summary: 'T', location: '', description: '' }], 'x', new Date())).not.toContain('VTIMEZONE');
  });
});
