// Roadmap document as plain text (Word TAB export or PDF text) → ImportedRoadmap.
import { learnResponsibleWords } from './roadmap-columns';
import { assembleSections, finishRoadmap } from './roadmap-assemble';
import { scanFlowTable } from './roadmap-flow';
import {
  ABBREVIATIONS_RE,
  detectLayout,
  isHeaderLine,
  type SourceLine,
  toLines,
} from './roadmap-lines';
import { findAbbreviations } from './roadmap-meta';
import type { RawItem } from './roadmap-rows';
import { scanTabTable } from './roadmap-tab';
import type { ImportedRoadmap, ImportWarning } from './roadmap.types';

interface Table {
  before: SourceLine[];
  items: RawItem[];
  warnings: ImportWarning[];
}

const readTab = (lines: SourceLine[]): Table => {
  const start = Math.max(
    0,
    lines.findIndex((l) => l.text.startsWith('\t')),
  );
  const { items, warnings } = scanTabTable(lines.slice(start));
  return { before: lines.slice(0, start), items, warnings };
};

const readFlow = (lines: SourceLine[]): Table => {
  const header = lines.findIndex((l) => isHeaderLine(l.text));
  const stop = lines.findIndex((l, i) => i > header && ABBREVIATIONS_RE.test(l.text));
  const body = lines
    .slice(header + 1, stop < 0 ? lines.length : stop)
    .filter((l) => !isHeaderLine(l.text));
  const learned = learnResponsibleWords(body.map((l) => l.text));
  const { items, warnings } = scanFlowTable(body, { learned });
  return { before: lines.slice(0, Math.max(0, header)), items, warnings };
};

/** Imports a roadmap from document text; never throws on odd input — it warns instead. */
export const importRoadmapText = (text: string): ImportedRoadmap => {
  const lines = toLines(typeof text === 'string' ? text : '');
  const table = detectLayout(lines) === 'tab' ? readTab(lines) : readFlow(lines);
  const abbreviations = findAbbreviations(lines);
  const warnings = [...table.warnings];
  const sections = assembleSections(table.items, abbreviations, warnings);
  const roadmap = finishRoadmap(sections, abbreviations, warnings, table.before);
  // Only the text reader orders its warnings by line; the .docx one keeps the order found.
  return { ...roadmap, warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
};
