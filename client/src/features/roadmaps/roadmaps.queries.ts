export const CYCLE_COMPONENTS_QUERY = /* GraphQL */ `
  query CycleComponents {
    cycleComponents {
      code
      name
    }
  }
`;

export const ROADMAPS_QUERY = /* GraphQL */ `
  query Roadmaps($municipalityId: ID!) {
    roadmaps(filter: { municipalityId: { eq: $municipalityId } }) {
      nodes {
        id
        title
        periodStart
        periodEnd
        orderNumber
        orderDate
        sections {
          id
          number
          title
          direction {
            code
            shortName
          }
        }
      }
    }
  }
`;

// One selection for the list and the saved rows, so a saved row reads like a loaded one.
const ACTIVITY_FIELDS = /* GraphQL */ `
  id
  version
  number
  text
  deadlineText
  responsibleText
  schedule {
    kind
    months
    years
    from
    to
    event
    qualifier
  }
  cycleComponent {
    code
    name
  }
  section {
    id
    number
    title
    direction {
      code
      shortName
    }
  }
  executors {
    id
    name
    fullName
  }
`;

export const ACTIVITIES_QUERY = /* GraphQL */ `
  query Activities($filter: ActivityFilter, $orderBy: [ActivityOrder!], $first: Int, $offset: Int) {
    activities(filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ${ACTIVITY_FIELDS}
      }
    }
  }
`;

export const UPSERT_ACTIVITIES_MUTATION = /* GraphQL */ `
  mutation UpsertActivities($rows: [ActivityInput!]!, $dryRun: Boolean) {
    upsertActivities(rows: $rows, dryRun: $dryRun) {
      ok
      dryRun
      created
      updated
      rows {
        ${ACTIVITY_FIELDS}
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

export interface CycleComponentNode {
  code: number;
  name: string;
}

export interface SectionNode {
  id: string;
  number: string;
  title: string;
  direction: { code: string; shortName: string } | null;
}

export interface RoadmapNode {
  id: string;
  title: string;
  periodStart: string | null;
  periodEnd: string | null;
  orderNumber: string | null;
  orderDate: string | null;
  sections: SectionNode[];
}

export interface ActivityNode {
  id: string;
  version: number;
  number: string;
  text: string;
  deadlineText: string | null;
  responsibleText: string | null;
  schedule: { kind: string } | null;
  cycleComponent: CycleComponentNode | null;
  section: SectionNode;
  executors: { id: string; name: string; fullName?: string | null }[];
}

export interface MutationError {
  index: number;
  id: string | null;
  field: string | null;
  code: string;
  message: string;
}

export interface ActivityInput {
  id?: string;
  version?: number;
  sectionId?: string;
  number?: string;
  text?: string;
  deadlineText?: string | null;
  responsibleText?: string | null;
  cycleComponentCode?: number | null;
}

export interface CycleComponentsData {
  cycleComponents: CycleComponentNode[];
}

export interface RoadmapsData {
  roadmaps: { nodes: RoadmapNode[] };
}

export interface ActivitiesData {
  activities: { totalCount: number; nodes: ActivityNode[] };
}

export interface UpsertActivitiesData {
  upsertActivities: {
    ok: boolean;
    created: number;
    updated: number;
    rows: ActivityNode[];
    errors: MutationError[];
  };
}
