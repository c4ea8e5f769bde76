import type { BreakdownDimension, BreakdownKey, Count, IndicatorReport } from '../api/reportTypes';
import { REGIONS } from '../reference/regions';
import { MULTI_VALUED_DIMENSIONS } from './indicatorDefinitions';
import type { Headline, HeadlineKey } from './indicatorReport';
import { HEADLINE_KEYS, HEADLINE_NOT_ABOUT_PEOPLE, HEADLINE_PATHS } from './reportTrends';

// Small-cell suppression for reports that leave the contact point (DOMAIN.md: "no woman can be singled
// out"). Pure: runs the same in the app, the CLI and the hub.
//
// 1. Primary: every count of people or consultations from 1 to threshold-1 is shown as "<threshold"
//    (zeros stay: an empty cell names nobody; counts of contact points and sessions are not about people).
// 2. Complementary: a table whose cells add up to a shown total would give a single hidden cell away
//    (total minus the others). When exactly one cell of such a group is hidden, the smallest other
//    non-zero cell is hidden too, shown as "x" (preferring a cell that is not also a headline number). Groups: each additive breakdown dimension against its
//    headline total, the districts of each region against the region's cell, venue/kind/outcome
//    splits against their totals. Repeated until nothing changes.
// 3. Linked cells carry the same number in two places (the abandoned headline and the "yes" cell of the
//    abandoned breakdown, 1.2.3/1.2.4 consultations and 1.2.10 by venue): hiding one hides the other.
// 4. The series (each month's headline numbers) and the previous period's numbers are cells too: small
//    ones are hidden, a headline number's months form a group against it (both ways: no hidden month from
//    a shown total, no hidden total from shown months), and within a month 1.2.10 adds 1.2.3 and 1.2.4.
//    Changes and shares worked out from a hidden number are hidden where they are laid out
//    (shared/domain/reportTrends.ts changeOf, shareOf).
// Limits (README "Reports"): the groups are the tables of one report; a reader who combines several
// reports of overlapping periods, or two different breakdowns, can still narrow some cells.

type Path = string;

/** What a cell hidden beside a small one shows (a small one shows "<threshold"). */
export const COMPLEMENTARY_MARK = 'x';
const SEP = '\u0001';

function getAt(obj: unknown, parts: string[]): unknown {
  let cur = obj as Record<string, unknown> | undefined;
  for (const p of parts) cur = cur?.[p] as Record<string, unknown> | undefined;
  return cur;
}

function setAt(obj: unknown, parts: string[], value: Count): void {
  const parent = getAt(obj, parts.slice(0, -1)) as Record<string, unknown>;
  parent[parts[parts.length - 1]!] = value;
}

interface Group {
  total: Path;
  cells: Path[];
}

const BREAKDOWN_TOTALS: Record<BreakdownKey, Path> = {
  '1.2.3.womenFromMigrantHouseholds': ['indicators', '1.2.3', 'womenFromMigrantHouseholds'].join(SEP),
  '1.2.3.consultations': ['indicators', '1.2.3', 'consultations'].join(SEP),
  '1.2.4.womenFromMigrantHouseholds': ['indicators', '1.2.4', 'womenFromMigrantHouseholds'].join(SEP),
  '1.2.4.abandonedWomen': ['indicators', '1.2.4', 'abandonedWomen'].join(SEP),
  '1.2.4.consultations': ['indicators', '1.2.4', 'consultations'].join(SEP),
  '1.2.10.consultations': ['indicators', '1.2.10', 'consultations'].join(SEP),
};

const p = (...parts: string[]): Path => parts.join(SEP);

const headlinePath = (key: HeadlineKey): Path => p('indicators', ...HEADLINE_PATHS[key]);

// Counts of contact points and sessions name no person: never suppressed.
const NOT_ABOUT_PEOPLE = new Set<Path>(HEADLINE_NOT_ABOUT_PEOPLE.map(headlinePath));

function groupsAndLinks(report: IndicatorReport): { groups: Group[]; links: Path[][]; values: Map<Path, number>; notAboutPeople: Set<Path> } {
  const values = new Map<Path, number>();
  const notAboutPeople = new Set(NOT_ABOUT_PEOPLE);
  const groups: Group[] = [];
  const links: Path[][] = [];
  const ind = report.indicators;
  const put = (path: Path, v: Count) => values.set(path, Number(v));

  for (const [k, v] of Object.entries(ind['1.2.3'])) put(p('indicators', '1.2.3', k), v);
  for (const [k, v] of Object.entries(ind['1.2.4'])) put(p('indicators', '1.2.4', k), v);
  put(p('indicators', '1.2.10', 'consultations'), ind['1.2.10'].consultations);
  for (const key of ['byVenue', 'byKind', 'byVenueAndKind'] as const) {
    const cells = Object.keys(ind['1.2.10'][key]).map((k) => p('indicators', '1.2.10', key, k));
    Object.entries(ind['1.2.10'][key]).forEach(([k, v]) => put(p('indicators', '1.2.10', key, k), v));
    groups.push({ total: p('indicators', '1.2.10', 'consultations'), cells });
  }
  put(p('indicators', '2.2.1.b', 'alimonyCasesClosed'), ind['2.2.1.b'].alimonyCasesClosed);
  put(p('indicators', '2.2.1.b', 'resolvedSuccessfully'), ind['2.2.1.b'].resolvedSuccessfully);
  const outcomes = Object.keys(ind['2.2.1.b'].byOutcome).map((k) => p('indicators', '2.2.1.b', 'byOutcome', k));
  Object.entries(ind['2.2.1.b'].byOutcome).forEach(([k, v]) => put(p('indicators', '2.2.1.b', 'byOutcome', k), v));
  groups.push({ total: p('indicators', '2.2.1.b', 'alimonyCasesClosed'), cells: outcomes });
  groups.push({
    total: p('indicators', '2.2.1.b', 'resolvedSuccessfully'),
    cells: ['granted', 'partly_granted', 'settled'].map((k) => p('indicators', '2.2.1.b', 'byOutcome', k)),
  });

  links.push([p('indicators', '1.2.3', 'consultations'), p('indicators', '1.2.10', 'byVenue', 'contact_point')]);
  links.push([p('indicators', '1.2.4', 'consultations'), p('indicators', '1.2.10', 'byVenue', 'mobile_session')]);
  links.push([p('indicators', '1.2.3', 'abandonedWomen'), p('breakdowns', '1.2.3.womenFromMigrantHouseholds', 'abandoned', 'yes')]);
  links.push([p('indicators', '1.2.4', 'abandonedWomen'), p('breakdowns', '1.2.4.womenFromMigrantHouseholds', 'abandoned', 'yes')]);

  // The series and the previous period: each month's number and the previous period's as cells of their
  // own. A headline number's months form a group against it — consultations, sessions and cases add up
  // to it; the women of the months add up to at least it and, in a one-month period, equal it — so that
  // neither a month nor the period's number can be worked out from the others. Within each month and the
  // previous period, 1.2.10 is 1.2.3 and 1.2.4 consultations added.
  const stretches: [string[], Headline][] = [
    ...report.series.map((m, k): [string[], Headline] => [['series', String(k), 'values'], m.values]),
    [['previous', 'values'], report.previous.values],
  ];
  for (const [at, values] of stretches) {
    for (const key of HEADLINE_KEYS) {
      const path = p(...at, key);
      put(path, values[key]);
      if (HEADLINE_NOT_ABOUT_PEOPLE.includes(key)) notAboutPeople.add(path);
    }
    groups.push({ total: p(...at, 'consultations1210'), cells: [p(...at, 'consultations123'), p(...at, 'consultations124')] });
  }
  for (const key of HEADLINE_KEYS) {
    if (HEADLINE_NOT_ABOUT_PEOPLE.includes(key) || report.series.length === 0) continue;
    groups.push({ total: headlinePath(key), cells: report.series.map((_, k) => p('series', String(k), 'values', key)) });
  }

  for (const [bk, breakdown] of Object.entries(report.breakdowns) as [BreakdownKey, IndicatorReport['breakdowns'][BreakdownKey]][]) {
    for (const [dim, cells] of Object.entries(breakdown) as [BreakdownDimension, Record<string, Count>][]) {
      const paths = Object.keys(cells).map((k) => p('breakdowns', bk, dim, k));
      Object.entries(cells).forEach(([k, v]) => put(p('breakdowns', bk, dim, k), v));
      if (MULTI_VALUED_DIMENSIONS.includes(dim)) continue;
      groups.push({ total: BREAKDOWN_TOTALS[bk], cells: paths });
      if (dim === 'district') {
        for (const region of REGIONS) {
          const ids = new Set(region.divisions.map((d) => d.id));
          const inRegion = Object.keys(cells).filter((k) => ids.has(k)).map((k) => p('breakdowns', bk, dim, k));
          if (inRegion.length) groups.push({ total: p('breakdowns', bk, 'region', region.code), cells: inRegion });
        }
      }
    }
  }
  return { groups, links, values, notAboutPeople };
}

export function suppressSmallCells(report: IndicatorReport, threshold: number): IndicatorReport {
  const out = JSON.parse(JSON.stringify(report)) as IndicatorReport;
  const { groups, links, values, notAboutPeople } = groupsAndLinks(report);
  const small = new Set<Path>();
  for (const [path, v] of values) if (v >= 1 && v < threshold && !notAboutPeople.has(path)) small.add(path);
  const linked = new Set(links.flat());
  const hidden = new Set<Path>(small);
  const secondary = new Set<Path>();
  const hide = (path: Path) => {
    if (hidden.has(path)) return false;
    hidden.add(path);
    secondary.add(path);
    return true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const link of links) if (link.some((x) => hidden.has(x))) for (const x of link) changed = hide(x) || changed;
    for (const g of groups) {
      const hiddenCells = g.cells.filter((c) => hidden.has(c) && (values.get(c) ?? 0) > 0);
      const totalHidden = hidden.has(g.total);
      // A shown total with one hidden cell gives the cell away (total minus the others); a hidden total
      // with every cell shown gives the total away (the cells added: months summing to a hidden total).
      if (totalHidden ? hiddenCells.length !== 0 : hiddenCells.length !== 1) continue;
      const candidates = g.cells.filter((c) => !hidden.has(c) && (values.get(c) ?? 0) > 0);
      if (totalHidden && candidates.length === 0) continue;
      // Prefer a cell that is not also a headline number, so the headlines stay readable.
      candidates.sort((a, b) => Number(linked.has(a)) - Number(linked.has(b)) || (values.get(a) ?? 0) - (values.get(b) ?? 0) || a.localeCompare(b));
      changed = hide(candidates[0] ?? g.total) || changed;
    }
  }
  for (const path of small) setAt(out, path.split(SEP), `<${threshold}`);
  for (const path of secondary) setAt(out, path.split(SEP), COMPLEMENTARY_MARK);
  out.suppression = { applied: true, threshold, smallCells: small.size, complementaryCells: secondary.size };
  return out;
}

/** True when a count was hidden (a string such as "<5" or "x"). */
export function isSuppressed(v: Count): v is string {
  return typeof v === 'string';
}
