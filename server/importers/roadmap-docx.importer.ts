// .docx roadmap → ImportedRoadmap: mammoth turns the document into HTML, the real table cells are
// read from it (exact, unlike PDF text), prose before the table gives title and order.
import mammoth from 'mammoth';
import { assembleSections, finishRoadmap } from './roadmap-assemble';
import { readHtml } from './roadmap-html';
import type { SourceLine } from './roadmap-lines';
import { findAbbreviations } from './roadmap-meta';
import { tableToItems } from './roadmap-table';
import type { ImportedRoadmap, ImportWarning } from './roadmap.types';

const asLines = (texts: string[]): SourceLine[] =>
  texts.map((text, i) => ({ no: i + 1, text, gap: 0 }));

/** Maps mammoth's HTML of a roadmap document to the roadmap (exported for unit tests). */
export const importRoadmapHtml = (html: string): ImportedRoadmap => {
  const doc = readHtml(html);
  const { items, warnings: found } = tableToItems(doc.rows);
  const warnings: ImportWarning[] = [...found];
  const abbreviations = findAbbreviations(asLines(doc.after));
  const sections = assembleSections(items, abbreviations, warnings);
  return finishRoadmap(sections, abbreviations, warnings, asLines(doc.before));
};

/** Imports a .docx roadmap; line numbers in warnings are table row numbers. */
export const importRoadmapDocx = async (buffer: Buffer): Promise<ImportedRoadmap> => {
  const { value } = await mammoth.convertToHtml({ buffer });
  return importRoadmapHtml(value);
};
