export const IMPORT_ROADMAP_MUTATION = /* GraphQL */ `
  mutation ImportRoadmap($input: ImportRoadmapInput!, $dryRun: Boolean!) {
    importRoadmap(input: $input, dryRun: $dryRun) {
      ok
      dryRun
      roadmap {
        id
        title
        municipality {
          id
          name
        }
      }
      title
      orderNumber
      orderDate
      periodStart
      periodEnd
      activityCount
      sections {
        number
        title
        directionCode
        activities {
          number
          text
          deadlineText
          responsibleText
          scheduleKind
          executors
          cycleComponent
          line
        }
      }
      warnings {
        line
        code
        message
      }
      errors {
        index
        field
        code
        message
      }
    }
  }
`;

export const IMPORT_DIRECTIONS_QUERY = /* GraphQL */ `
  query ImportDirections {
    directions {
      code
      shortName
      name
    }
  }
`;

export interface DirectionNode {
  code: string;
  shortName: string;
  name: string;
}

export interface ImportDirectionsData {
  directions: DirectionNode[];
}

/** A corrected row of the preview grid; the server stores these instead of the parsed ones. */
export interface ImportActivityInput {
  sectionNumber: string;
  sectionTitle: string;
  directionCode: string | null;
  number: string;
  text: string;
  deadlineText: string;
  responsibleText: string;
  cycleComponentCode: number | null;
}

/** Exactly one of `text` / `contentBase64` (the server refuses both or neither). */
export interface ImportRoadmapInput {
  municipalityId: string;
  fileName: string;
  text?: string;
  contentBase64?: string;
  title?: string;
  activities?: ImportActivityInput[];
}

export interface ImportedActivityPreview {
  number: string;
  text: string;
  deadlineText: string;
  responsibleText: string;
  scheduleKind: string;
  executors: string[];
  cycleComponent: number | null;
  line: number | null;
}

export interface ImportedSectionPreview {
  number: string;
  title: string;
  directionCode: string | null;
  activities: ImportedActivityPreview[];
}

export interface ImportWarning {
  line: number | null;
  code: string;
  message: string;
}

export interface ImportRowError {
  index: number;
  field: string | null;
  code: string;
  message: string;
}

export interface ImportRoadmapResult {
  ok: boolean;
  dryRun: boolean;
  roadmap: { id: string; title: string; municipality: { id: string; name: string } } | null;
  title: string | null;
  orderNumber: string | null;
  orderDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  activityCount: number;
  sections: ImportedSectionPreview[];
  warnings: ImportWarning[];
  errors: ImportRowError[];
}

export interface ImportRoadmapData {
  importRoadmap: ImportRoadmapResult;
}
