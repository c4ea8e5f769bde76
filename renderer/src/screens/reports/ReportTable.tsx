import type { ReactNode } from 'react';
import { cellText, type CountCell, type DrillTarget, type PercentCell, type ReportSection } from '../../../../shared/reports/reportLayout';
import { formatCount } from '../../format';

/** A count: a link to its consultations when there are any and the role may read records (onDrill), else the number or its "<5" / "x" mark; a per cent as the exports write it. */
export function CountValue({ cell, onDrill }: { cell: CountCell | PercentCell; onDrill: ((t: DrillTarget) => void) | null }) {
  const drill = cell.kind === 'count' ? cell.drill : null;
  const { value } = cell;
  if (onDrill && drill && typeof value === 'number' && value > 0) {
    return (
      <button type="button" className="link" onClick={() => onDrill(drill)}>
        {formatCount(value)}
      </button>
    );
  }
  return <>{cellText(cell, formatCount)}</>;
}

/** A table section of the report: its title, any words under it, and its rows (the first cell heads the row). */
export function ReportTable({ section, onDrill, children }: { section: ReportSection; onDrill: ((t: DrillTarget) => void) | null; children?: ReactNode }) {
  const titleId = `report-${section.name.replace(/[^\w-]/g, '-')}-title`;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{section.title}</h2>
      {children}
      <div className="table-scroll">
      <table className={`report-table report-${section.name}`} aria-labelledby={titleId}>
        <thead>
          <tr>
            {section.columns.map((c, j) => (
              <th key={j} scope="col" className={c.kind !== 'text' ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {section.rows.map((row) => (
            <tr key={`${row.group ?? ''}:${row.key}`} data-row={row.key}>
              {row.cells.map((c, j) =>
                c.kind === 'text' ? (
                  j === 0 ? (
                    <th key={j} scope="row">
                      {c.text}
                    </th>
                  ) : (
                    <td key={j}>{c.text}</td>
                  )
                ) : (
                  <td key={j} className="num">
                    <CountValue cell={c} onDrill={onDrill} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {section.note && <p className="muted small">{section.note}</p>}
    </section>
  );
}
