// .docx roadmap → ImportedRoadmap: mammoth turns the document into HTML, the real table cells are
// read from it (exact, unlike PDF text), prose before the table gives title and order.
import mammoth from 'mammoth';
import { assembleSections } from './roadmap-assemble';
import { readHtml } from './roadmap-html';
import { isHeaderLine, type SourceLine } from './roadmap-lines';
import { findAbbreviations, findOrder, findPeriod, findTitle } from './roadmap-meta';
import { rowsToItems, type TableCell } from './roadmap-table';
import type { ImportedRoadmap, ImportWarning } from './roadmap.types';

const asLines = (texts: string[]): SourceLine[] =>
  texts.map((text, i) => ({ no: i + 1, text, gap: 0 }));

const cellsText = (row: TableCell[]): string => row.map((c) => c.lines.join(' ')).join(' ');

const isColumnNumbers = (row: TableCell[]): boolean =>
  row.length > 1 && row.every((c, i) => c.lines.join(' ').trim() === String(i + 1));

/** Maps mammoth's HTML of a roadmap document to the roadmap (exported for unit tests). */
export const importRoadmapHtml = (html: string): ImportedRoadmap => {
  const doc = readHtml(html);
  const header = doc.rows.find((r) => r.length >= 3 && isHeaderLine(cellsText(r)));
  const width = header ? header.length : Math.max(0, ...doc.rows.map((r) => r.length));
  const body = doc.rows.filter((r) => r !== header && !isColumnNumbers(r));
  const { items, warnings: found } = rowsToItems(body, width);
  const warnings: ImportWarning[] = [...found];
  const abbreviations = findAbbreviations(asLines(doc.after));
  const sections = assembleSections(items, abbreviations, warnings);
  if (!sections.some((s) => s.activities.length)) {
    warnings.push({
      line: null,
      code: 'NO_TABLE_FOUND',
      message: 'В документе не найдена таблица мероприятий дорожной карты',
    });
  }
  const before = asLines(doc.before);
  const title = findTitle(before);
  const order = findOrder(before);
  const schedules = sections.flatMap((s) => s.activities.map((a) => a.schedule));
  return {
    title,
    ...order,
    period: findPeriod(title, schedules, order.orderDate),
    abbreviations,
    sections,
    warnings,
  };
};

/** Imports a .docx roadmap; line numbers in warnings are table row numbers. */
export const importRoadmapDocx = async (buffer: Buffer): Promise<ImportedRoadmap> => {
  const { value } = await mammoth.convertToHtml({ buffer });
  return importRoadmapHtml(value);
};
