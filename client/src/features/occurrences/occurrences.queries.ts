export const OCCURRENCES_QUERY = /* GraphQL */ `
  query ActivityOccurrences($filter: ActivityOccurrenceFilter, $first: Int, $offset: Int) {
    activityOccurrences(
      filter: $filter
      first: $first
      offset: $offset
      orderBy: [{ field: DUE_DATE, direction: ASC }]
    ) {
      totalCount
      nodes {
        id
        version
        dueDate
        status
        overdue
        reportText
        evidenceUrl
        activity {
          id
          number
          text
          section {
            number
            title
          }
          roadmap {
            municipality {
              id
              name
            }
          }
        }
      }
    }
  }
`;

export const UPSERT_OCCURRENCES_MUTATION = /* GraphQL */ `
  mutation UpsertActivityOccurrences($rows: [ActivityOccurrenceInput!]!, $dryRun: Boolean) {
    upsertActivityOccurrences(rows: $rows, dryRun: $dryRun) {
      ok
      dryRun
      created
      updated
      rows {
        id
        version
        status
        overdue
        reportText
        evidenceUrl
      }
      errors {
        index
        id
        field
        code
        message
      }
    }
  }
`;

export const OCCURRENCE_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;

export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

export interface OccurrenceNode {
  id: string;
  version: number;
  dueDate: string;
  status: OccurrenceStatus;
  overdue: boolean;
  reportText: string | null;
  evidenceUrl: string | null;
  activity: {
    id: string;
    number: string;
    text: string;
    section: { number: string; title: string } | null;
    roadmap: { municipality: { id: string; name: string } } | null;
  };
}

export interface OccurrenceFilter {
  municipalityId?: { eq: string };
  status?: { in: OccurrenceStatus[] };
  overdue?: boolean;
  dueDate?: { gte?: string; lte?: string };
  text?: { contains: string };
}

export interface OccurrenceInput {
  id?: string;
  version?: number;
  activityId?: string;
  dueDate?: string;
  status?: OccurrenceStatus;
  reportText?: string | null;
  evidenceUrl?: string | null;
}

export interface OccurrencesData {
  activityOccurrences: { totalCount: number; nodes: OccurrenceNode[] };
}

export interface UpsertOccurrencesData {
  upsertActivityOccurrences: {
    ok: boolean;
    rows: {
      id: string;
      version: number;
      status: OccurrenceStatus;
      overdue: boolean;
      reportText: string | null;
      evidenceUrl: string | null;
    }[];
    errors: {
      index: number;
      id: string | null;
      field: string | null;
      code: string;
      message: string;
    }[];
  };
}
