import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { BreakdownDimension } from '../../shared/api/reportTypes';
import { CATALOGS } from '../../shared/i18n';
import { cellText, groupRows, layoutReport, type ReportCell, type ReportSection } from '../../shared/reports/reportLayout';
import { formatNumber } from '../../shared/i18n/format';
import { keyLabel, reportText } from '../../shared/reports/reportText';
import { sampleReport } from '../support/indicatorReport';

// The one layout of the indicator report that the screen, the PDF, the XLSX and the CSV walk: which
// sections, in which order, with which words, and how hidden cells are marked.

const ru = reportText('ru');
const tg = reportText('tg');

function named(sections: ReportSection[], name: ReportSection['name']): ReportSection {
  const found = sections.find((s) => s.name === name);
  if (!found) throw new Error(`no section ${name}`);
  return found;
}

const words = (cells: ReportCell[]) => cells.map((c) => (c.kind === 'text' ? c.text : c.value));

describe('report layout', () => {
  it('orders named sections: headline, comparison, months, the two splits, the three charts, then one section per breakdown on a new page', () => {
    const layout = layoutReport(sampleReport(), ru);
    expect(layout.sections.map((s) => s.name)).toEqual([
      'headline',
      'comparison',
      'series',
      'consultationsByVenueAndKind',
      'alimonyByOutcome',
      'womenByAge',
      'consultationsByRegion',
      'consultationsByDistrict',
      'breakdown:1.2.3.womenFromMigrantHouseholds',
      'breakdown:1.2.3.consultations',
      'breakdown:1.2.4.womenFromMigrantHouseholds',
      'breakdown:1.2.4.abandonedWomen',
      'breakdown:1.2.4.consultations',
      'breakdown:1.2.10.consultations',
    ]);
    expect(layout.sections.filter((s) => s.startsNewPage).map((s) => s.name)).toEqual(['breakdown:1.2.3.womenFromMigrantHouseholds']);
    expect(layout.sections.filter((s) => s.chart).map((s) => s.name)).toEqual(['womenByAge', 'consultationsByRegion', 'consultationsByDistrict']);
    // Charts hold no table: the spreadsheets leave them out; every table has a sheet of its own.
    expect(layout.sections.filter((s) => s.chart).every((s) => s.sheet === null && s.rows.length === 0)).toBe(true);
    expect(layout.sections.map((s) => s.sheet).filter(Boolean)).toEqual([
      'Headline',
      'Previous period',
      'Months',
      '1.2.10',
      '2.2.1.b',
      '1.2.3 women',
      '1.2.3 consultations',
      '1.2.4 women',
      '1.2.4 abandoned',
      '1.2.4 consultations',
      '1.2.10 consultations',
    ]);
  });

  it('words the sections in Russian and in Tajik', () => {
    const inRu = layoutReport(sampleReport(), ru).sections;
    const inTg = layoutReport(sampleReport(), tg).sections;
    expect(named(inRu, 'headline').title).toBe('Основные индикаторы');
    expect(named(inTg, 'headline').title).toBe('Нишондиҳандаҳои асосӣ');
    expect(words(named(inRu, 'headline').rows.find((r) => r.key === 'women123')!.cells)).toEqual(['1.2.3 b. Женщины из семей мигрантов, обратившиеся за помощью в контактный пункт', 7]);
    expect(words(named(inTg, 'headline').rows.find((r) => r.key === 'women123')!.cells)).toEqual(['1.2.3 b. Занони оилаҳои муҳоҷирон, ки ба нуқтаи тамос барои кӯмак муроҷиат карданд', 7]);

    const women = (sections: ReportSection[]) => named(sections, 'breakdown:1.2.3.womenFromMigrantHouseholds');
    expect(women(inRu).title).toBe('1.2.3 b. Женщины из семей мигрантов (контактные пункты)');
    expect(women(inRu).rows.map((r) => words(r.cells))).toContainEqual(['Пол', 'Женский', 7, 100]);
    expect(women(inTg).rows.map((r) => words(r.cells))).toContainEqual(['Ҷинс', 'Зан', 7, 100]);
    expect(women(inRu).rows.map((r) => words(r.cells))).toContainEqual(['Регион (где оказана помощь)', 'Согдийская область', 7, 100]);
    expect(women(inTg).rows.map((r) => words(r.cells))).toContainEqual(['Минтақа (ҷойи расонидани кӯмак)', 'Вилояти Суғд', 7, 100]);
    expect(groupRows(women(inRu), 'issue').map((r) => r.category)).toEqual(['Взыскание алиментов', 'Расторжение брака', 'Вопрос не указан']);
    expect(groupRows(women(inTg), 'ageBand').map((r) => r.category)).toEqual(['То 18-сола', '18–29', '30–44', '45–59', '60 ва боло', 'Номаълум']);

    // The filters line names the region in the reader's language.
    expect(layoutReport(sampleReport(), ru).meta[1]).toBe('Фильтры: Регион: Согдийская область');
    expect(named(inTg, 'consultationsByRegion').chart!.categories).toEqual(['Вилояти Суғд', 'Шаҳри Душанбе']);
  });

  it('marks hidden cells: "<5" as small, "x" as hidden beside it, exact numbers unmarked', () => {
    const layout = layoutReport(sampleReport(), ru);
    const ages = groupRows(named(layout.sections, 'breakdown:1.2.3.womenFromMigrantHouseholds'), 'ageBand');
    expect(ages.map((r) => [r.key, r.count.value, r.count.mark])).toEqual([
      ['<18', '<5', 'small'],
      ['18-29', 'x', 'complementary'],
      ['30-44', 5, null],
      ['45-59', 0, null],
      ['60+', 0, null],
      ['unknown', 0, null],
    ]);
    const abandoned = named(layout.sections, 'headline').rows.find((r) => r.key === 'abandoned123')!.cells[1]!;
    expect(abandoned).toMatchObject({ kind: 'count', value: '<5', mark: 'small' });
    expect(layout.suppressed).toBe(true);
    expect(layout.suppressionNote).toContain('«<5»');
  });

  it('sets the previous period beside the headline with the change, the months under it, and a share beside each cell', () => {
    const layout = layoutReport(sampleReport(), ru);
    const comparison = named(layout.sections, 'comparison');
    expect(comparison.columns.map((c) => c.label)).toEqual(['Индикатор', 'Этот период (01.01.2025 – 31.12.2025)', 'Предыдущий период (01.01.2024 – 31.12.2024)', 'Изменение', 'Изменение, %']);
    const row = (key: string) => words(comparison.rows.find((r) => r.key === `change:${key}`)!.cells).slice(1);
    expect(row('women123')).toEqual([7, 5, 2, 40]);
    expect(row('consultations123')).toEqual([12, 10, 2, 20]);
    // A change worked out from a hidden number is hidden too; none to compare with gives no per cent.
    expect(row('abandoned123')).toEqual(['<5', '<5', 'x', 'x']);
    expect(row('women124')).toEqual([0, 0, 0, null]);
    const cells = comparison.rows.find((r) => r.key === 'change:women123')!.cells;
    expect(cells.slice(3).map((c) => (c.kind === 'text' ? c.text : cellText(c, (n) => formatNumber(n, 'ru'))))).toEqual(['+2', '+40 %']);

    const months = named(layout.sections, 'series');
    expect(months.rows.map((r) => r.key)).toEqual(['2025-01', '2025-02', 'total']);
    expect(words(months.rows[0]!.cells).slice(0, 5)).toEqual(['2025-01', 3, 0, 5, '<5']);
    expect(words(months.rows[2]!.cells).slice(0, 4)).toEqual(['Весь период', 3, 1, 7]);

    const ages = groupRows(named(layout.sections, 'breakdown:1.2.3.womenFromMigrantHouseholds'), 'ageBand');
    expect(ages.map((r) => [r.key, r.share?.value])).toEqual([
      ['<18', 'x'],
      ['18-29', 'x'],
      ['30-44', 71.4],
      ['45-59', 0],
      ['60+', 0],
      ['unknown', 0],
    ]);
  });

  it('points each count of people at the consultations behind it, and counts of places at none', () => {
    const layout = layoutReport(sampleReport(), ru);
    const headline = named(layout.sections, 'headline');
    const drill = (key: string) => {
      const cell = headline.rows.find((r) => r.key === key)!.cells[1]!;
      return cell.kind === 'count' ? cell.drill : undefined;
    };
    expect(drill('contactPointsOperating')).toBeNull();
    expect(drill('abandoned123')).toEqual({ target: '1.2.3.womenFromMigrantHouseholds', dimension: 'abandoned', key: 'yes', label: '1.2.3 b. … из них оставленные' });
    const region = groupRows(named(layout.sections, 'breakdown:1.2.3.womenFromMigrantHouseholds'), 'region')[0]!;
    expect(region.count.drill).toEqual({
      target: '1.2.3.womenFromMigrantHouseholds',
      dimension: 'region',
      key: 'TJ-SU',
      label: '1.2.3 b. Женщины из семей мигрантов (контактные пункты) — Регион (где оказана помощь): Согдийская область',
    });
  });

  it('notes a multi-valued dimension where its cells may add up to more than the total', () => {
    const sections = layoutReport(sampleReport(), ru).sections;
    const women = named(sections, 'breakdown:1.2.3.womenFromMigrantHouseholds');
    expect(women.breakdown!.groups.filter((g) => g.note).map((g) => g.dimension)).toEqual(['issue']);
    expect(women.note).toMatch(/^Одна консультация может касаться нескольких вопросов/);
    expect(named(sections, 'breakdown:1.2.3.consultations').note).toBeNull();
  });

  it('lays out a breakdown dimension it was never told about, labelled by its enum words', () => {
    const report = sampleReport();
    const referral = 'referral' as BreakdownDimension;
    report.breakdowns['1.2.10.consultations'][referral] = { court: 3, police: 0, unknown: 9 };
    const section = named(layoutReport(report, ru).sections, 'breakdown:1.2.10.consultations');
    expect(section.breakdown!.groups.map((g) => g.dimension)).toEqual(['region', 'venue', 'referral']);
    expect(groupRows(section, referral).map((r) => [r.category, r.count.value])).toEqual([
      ['Суд', 3],
      ['Милиция', 0],
      ['Неизвестно', 9],
    ]);
    expect(keyLabel(tg, referral, 'no-such-code')).toBe('no-such-code');
  });

  it('labels women with no education as such, not as a consultation with no issue recorded', () => {
    expect(keyLabel(ru, 'education', 'none')).toBe('Без образования');
    expect(keyLabel(tg, 'education', 'none')).not.toBe(keyLabel(tg, 'issue', 'none'));
    expect(keyLabel(tg, 'education', 'none')).toBe(CATALOGS.tg.enum.education.none);
  });

  it('gives the screen (i18next) the same words as the exports (the catalogs)', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { tg: { translation: CATALOGS.tg }, ru: { translation: CATALOGS.ru } }, lng: 'ru', fallbackLng: false, interpolation: { escapeValue: false }, showSupportNotice: false });
    for (const language of ['ru', 'tg'] as const) {
      const t = i18n.getFixedT(language);
      const screen = layoutReport(sampleReport(), { language, t: (key, params) => t(key, params ?? {}) });
      expect(screen).toEqual(layoutReport(sampleReport(), reportText(language)));
    }
  });
});
