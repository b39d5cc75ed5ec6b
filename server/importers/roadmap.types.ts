// Shared shapes of the roadmap-document importer («дорожная карта» → sections → activities).
import type { ScheduleKind } from '../modules/roadmaps/roadmaps.enums';

/** Inclusive span of a roadmap; months default to January / December. */
export interface RoadmapPeriod {
  startYear: number;
  endYear: number;
  startMonth?: number;
  endMonth?: number;
}

export interface ParsedSchedule {
  kind: ScheduleKind;
  months: number[];
  years: number[];
  from: string | null;
  to: string | null;
  event: string | null;
  qualifier: string | null;
  raw: string;
}

export type ImportWarningCode =
  | 'NUMBERING_GAP'
  | 'UNNUMBERED_ROWS_MERGED'
  | 'MERGED_CELL_ASSUMED'
  | 'MISSING_DEADLINE'
  | 'MISSING_RESPONSIBLE'
  | 'UNPLACED_LINE'
  | 'DUPLICATE_NUMBER'
  | 'NO_TABLE_FOUND';

export interface ImportWarning {
  line: number | null;
  code: ImportWarningCode | string;
  message: string;
}

export interface ImportedExecutor {
  name: string;
  fullName: string | null;
}

export interface ImportedActivity {
  number: string;
  text: string;
  deadlineText: string;
  responsibleText: string;
  schedule: ParsedSchedule;
  executors: ImportedExecutor[];
  cycleComponent: number | null;
  sourceLine: number;
}

export interface ImportedSection {
  number: string;
  title: string;
  directionCode: string | null;
  activities: ImportedActivity[];
}

export interface Abbreviation {
  short: string;
  full: string;
}

export interface ImportedRoadmap {
  title: string | null;
  orderNumber: string | null;
  orderDate: string | null;
  period: RoadmapPeriod | null;
  abbreviations: Abbreviation[];
  sections: ImportedSection[];
  warnings: ImportWarning[];
}
