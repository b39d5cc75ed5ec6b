// «Все записи»: every protocol entry in the viewer's scope and the page's filters, read through
// the server-paged grid: the API query with its order, the row, the columns and their sort fields.
import type { ColDef } from 'ag-grid-community';

import { gql } from '../../api/graphql';
import type { FetchPage } from '../../components/server-grid';
import { toOrderBy } from '../../components/server-grid';
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import { pupilName, stageKey, statusKey } from './olympiadLabels';
import type { OlympiadStage, OlympiadStatus } from './olympiads.queries';
import { VSOSH } from './olympiads.queries';

/** A filter value meaning «no restriction» in the address (`municipality=all`, `year=all`). */
export const ALL = 'all';

export interface BrowseFilters {
  /** A municipality id, or ALL (every one in the viewer's scope). */
  municipalityId: string;
  /** An academic year, or ALL. */
  academicYear: string;
  stage: OlympiadStage | '';
  subject: string;
}

export const OLYMPIAD_RECORD_PAGE_QUERY = /* GraphQL */ `
  query OlympiadRecordPage(
    $filter: OlympiadRecordFilter
    $orderBy: [OlympiadRecordOrder!]
    $first: Int
    $offset: Int
  ) {
    olympiadRecords(filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) {
      totalCount
      nodes {
        id
        academicYear
        stage
        gradeActual
        gradePerformed
        score
        maxScore
        status
        subject {
          code
          name
          nameEn
        }
        student {
          code
          fullName
        }
        organization {
          code
          shortName
          name
        }
        municipality {
          name
        }
      }
    }
  }
`;

export interface BrowseNode {
  id: string;
  academicYear: string;
  stage: OlympiadStage;
  gradeActual: number;
  gradePerformed: number;
  score: number;
  maxScore: number;
  status: OlympiadStatus;
  subject: { code: string; name: string; nameEn: string };
  /** fullName is null when the viewer may not see personal data. */
  student: { code: string; fullName: string | null };
  organization: { code: string; shortName: string | null; name: string };
  municipality: { name: string };
}

interface RecordPageData {
  olympiadRecords: { totalCount: number; nodes: BrowseNode[] };
}

export type RecordOrderField =
  | 'ACADEMIC_YEAR'
  | 'STAGE'
  | 'SUBJECT'
  | 'SCORE'
  | 'STATUS'
  | 'GRADE'
  | 'STUDENT_CODE'
  | 'ORGANIZATION'
  | 'MUNICIPALITY';

/** The grid's sortable columns and the API field each sorts by; the others do not sort. */
export const RECORD_SORT_FIELDS: Readonly<Record<string, RecordOrderField>> = {
  studentCode: 'STUDENT_CODE',
  academicYear: 'ACADEMIC_YEAR',
  stage: 'STAGE',
  subject: 'SUBJECT',
  municipality: 'MUNICIPALITY',
  organization: 'ORGANIZATION',
  gradeActual: 'GRADE',
  score: 'SCORE',
  status: 'STATUS',
};

/** The API filter of the view's choices (ВсОШ only, like the rest of the page). */
export function toBrowseFilter(filters: BrowseFilters) {
  return {
    olympiadCode: VSOSH,
    ...(filters.academicYear !== ALL ? { academicYear: filters.academicYear } : {}),
    ...(filters.municipalityId !== ALL ? { municipalityId: { eq: filters.municipalityId } } : {}),
    ...(filters.stage ? { stage: [filters.stage] } : {}),
    ...(filters.subject ? { subjectCode: { eq: filters.subject } } : {}),
  };
}

/** One block of entries for the grid, in the grid's sort. */
export function recordPageFetcher(filters: BrowseFilters): FetchPage<BrowseNode> {
  const filter = toBrowseFilter(filters);
  return async ({ offset, limit, sort }, signal) => {
    const orderBy = toOrderBy(sort, RECORD_SORT_FIELDS);
    const data = await gql<RecordPageData>(
      OLYMPIAD_RECORD_PAGE_QUERY,
      { filter, first: limit, offset, ...(orderBy.length > 0 ? { orderBy } : {}) },
      signal,
    );
    return { rows: data.olympiadRecords.nodes, totalCount: data.olympiadRecords.totalCount };
  };
}

type Cell = { data?: BrowseNode; value?: unknown };

export function buildBrowseColumns(t: Translate, lang: Lang): ColDef<BrowseNode>[] {
  const sortable = (colId: string) => colId in RECORD_SORT_FIELDS;
  const column = (
    colId: string,
    headerName: string,
    value: (row: BrowseNode) => unknown,
    extra: ColDef<BrowseNode> = {},
  ): ColDef<BrowseNode> => ({
    colId,
    headerName,
    sortable: sortable(colId),
    valueGetter: (p) => (p.data ? value(p.data) : undefined),
    ...extra,
  });
  const number = { cellClass: 'ind-num', width: 96 };
  return [
    column('studentCode', t('oly.col.studentCode'), (r) => r.student.code, {
      width: 140,
      pinned: 'left',
    }),
    column('fullName', t('oly.col.fullName'), (r) => r.student.fullName, {
      width: 220,
      valueFormatter: (p: Cell) => (p.data ? pupilName(t, p.data.student.fullName) : ''),
      cellClassRules: { 'oly-hidden': (p: Cell) => p.data?.student.fullName === null },
    }),
    column('academicYear', t('oly.col.academicYear'), (r) => r.academicYear, { width: 110 }),
    column('stage', t('oly.col.stage'), (r) => t(stageKey(r.stage)), { width: 140 }),
    column(
      'subject',
      t('oly.col.subject'),
      (r) => (lang === 'ru' ? r.subject.name : r.subject.nameEn || r.subject.name),
      { width: 170 },
    ),
    column('municipality', t('oly.col.municipality'), (r) => r.municipality.name, { width: 180 }),
    column(
      'organization',
      t('oly.col.organization'),
      (r) => r.organization.shortName ?? r.organization.name,
      { width: 200, tooltipValueGetter: (p) => p.data?.organization.name },
    ),
    column('gradeActual', t('oly.col.gradeActual'), (r) => r.gradeActual, {
      ...number,
      width: 100,
    }),
    column('gradePerformed', t('oly.col.gradePerformed'), (r) => r.gradePerformed, {
      ...number,
      width: 110,
    }),
    column('score', t('oly.col.score'), (r) => r.score, {
      ...number,
      valueFormatter: (p: Cell) => formatNumber(lang, p.value as number | undefined, 2),
    }),
    column('maxScore', t('oly.col.maxScore'), (r) => r.maxScore, {
      ...number,
      valueFormatter: (p: Cell) => formatNumber(lang, p.value as number | undefined, 2),
    }),
    column('status', t('oly.col.status'), (r) => t(statusKey(r.status)), {
      width: 130,
      cellClassRules: {
        'oly-diploma': (p: Cell) => Boolean(p.data && p.data.status !== 'PARTICIPANT'),
      },
    }),
  ];
}
