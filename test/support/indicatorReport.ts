import type { IndicatorReport } from '../../shared/api/reportTypes';
import type { Headline } from '../../shared/domain/indicatorReport';

const NONE: Headline = {
  contactPointsOperating: 0,
  contactPointsEstablishedInPeriod: 0,
  women123: 0,
  abandoned123: 0,
  consultations123: 0,
  sessions124: 0,
  women124: 0,
  abandoned124: 0,
  consultations124: 0,
  consultations1210: 0,
  alimonyClosed: 0,
  alimonyResolved: 0,
};

/**
 * A small indicator report written out by hand (as the engine returns it, suppressed): 1.2.3 has 7 women,
 * two of them under 18 shown as "<5" and the 18–29 cell hidden as "x" beside it; one issue cell is
 * "<5"; everything else is an exact number. Two months of series (the year's other months left out)
 * and 2024 as the previous period.
 */
export function sampleReport(): IndicatorReport {
  return {
    definitionsVersion: '2026-11-1',
    period: { from: '2025-01-01', to: '2025-12-31' },
    filters: { region: 'TJ-SU', districtId: null, contactPointCode: null },
    indicators: {
      '1.2.3': { contactPointsOperating: 3, contactPointsEstablishedInPeriod: 1, womenFromMigrantHouseholds: 7, abandonedWomen: '<5', consultations: 12 },
      '1.2.4': { mobileSessionsConducted: 2, womenFromMigrantHouseholds: 0, abandonedWomen: 0, consultations: 0 },
      '1.2.10': {
        consultations: 12,
        byVenue: { contact_point: 12, mobile_session: 0 },
        byKind: { legal: 10, psychological: 2 },
        byVenueAndKind: { 'contact_point:legal': 10, 'contact_point:psychological': 2 },
      },
      '2.2.1.b': { alimonyCasesClosed: 0, resolvedSuccessfully: 0, byOutcome: { granted: 0 } },
    },
    breakdowns: {
      '1.2.3.womenFromMigrantHouseholds': {
        sex: { F: 7 },
        ageBand: { '<18': '<5', '18-29': 'x', '30-44': 5, '45-59': 0, '60+': 0, unknown: 0 },
        region: { 'TJ-SU': 7 },
        issue: { alimony: 6, divorce: '<5', none: 0 },
      },
      '1.2.3.consultations': { sex: { F: 11, M: '<5' } },
      '1.2.4.womenFromMigrantHouseholds': { ageBand: { '<18': 0, '18-29': 0, '30-44': 0, '45-59': 0, '60+': 0, unknown: 0 } },
      '1.2.4.abandonedWomen': { sex: { F: 0 } },
      '1.2.4.consultations': { sex: { F: 0 } },
      '1.2.10.consultations': { region: { 'TJ-SU': 12, 'TJ-DU': 0 }, venue: { contact_point: 12, mobile_session: 0 } },
    },
    series: [
      { month: '2025-01', from: '2025-01-01', to: '2025-01-31', values: { ...NONE, contactPointsOperating: 3, women123: 5, abandoned123: '<5', consultations123: 7, consultations1210: 7 } },
      { month: '2025-02', from: '2025-02-01', to: '2025-02-28', values: { ...NONE, contactPointsOperating: 3, contactPointsEstablishedInPeriod: 1, women123: 'x', consultations123: 5, consultations1210: 5, sessions124: 2 } },
    ],
    previous: {
      period: { from: '2024-01-01', to: '2024-12-31' },
      values: { ...NONE, contactPointsOperating: 2, women123: 5, abandoned123: '<5', consultations123: 10, consultations1210: 10, sessions124: 1 },
    },
    multiValuedDimensions: ['issue'],
    suppression: { applied: true, threshold: 5, smallCells: 4, complementaryCells: 1 },
    generated: { at: '2026-01-05T09:30:00.000Z', installationId: 'i-1', installationName: 'Khujand', dataStamp: null, appVersion: '0.1.0', auditHead: { seq: 42, hash: 'ab'.repeat(32) } },
  };
}
