export const IMPORT_ROADMAP_MUTATION = /* GraphQL */ `
  mutation ImportRoadmap($input: ImportRoadmapInput!, $dryRun: Boolean!) {
    importRoadmap(input: $input, dryRun: $dryRun) {
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
        }
      }
      warnings {
        line
        code
        message
      }
    }
  }
`;

/** Exactly one of `text` / `contentBase64` (the server refuses both or neither). */
export interface ImportRoadmapInput {
  municipalityId: string;
  fileName: string;
  text?: string;
  contentBase64?: string;
  title?: string;
}

export interface ImportedActivityPreview {
  number: string;
  text: string;
  deadlineText: string;
  responsibleText: string;
  scheduleKind: string;
  executors: string[];
  cycleComponent: number | null;
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

export interface ImportRoadmapResult {
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
}

export interface ImportRoadmapData {
  importRoadmap: ImportRoadmapResult;
}
