export const VALUE_UNITS_QUERY = /* GraphQL */ `
  query IndicatorValueUnits($municipalityId: ID!) {
    municipality(id: $municipalityId) {
      id
      code
      name
      shortName
      demo
    }
    organizations(filter: { municipalityId: { eq: $municipalityId } }, first: 500) {
      totalCount
      nodes {
        id
        code
        name
        shortName
        kind
        demo
      }
    }
  }
`;

export const INDICATOR_VALUES_QUERY = /* GraphQL */ `
  query IndicatorValuesOfPeriod($filter: IndicatorValueFilter, $first: Int, $offset: Int) {
    indicatorValues(filter: $filter, first: $first, offset: $offset) {
      totalCount
      nodes {
        id
        version
        value
        numerator
        denominator
        period
        indicator {
          code
        }
        organization {
          id
        }
      }
    }
  }
`;

export const UPSERT_INDICATOR_VALUES_MUTATION = /* GraphQL */ `
  mutation UpsertIndicatorValues($rows: [IndicatorValueInput!]!, $dryRun: Boolean) {
    upsertIndicatorValues(rows: $rows, dryRun: $dryRun) {
      ok
      created
      updated
      deleted
      errors {
        index
        id
        field
        code
        message
      }
      rows {
        id
        version
        value
        numerator
        denominator
        period
        indicator {
          code
        }
        organization {
          id
        }
      }
    }
  }
`;

export interface UnitNode {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  demo: boolean;
}

export interface ValueUnitsData {
  municipality: UnitNode | null;
  organizations: { totalCount: number; nodes: (UnitNode & { kind: string })[] };
}

/** A stored value as the grid needs it. */
export interface StoredValueNode {
  id: string;
  version: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  period: string;
  indicator: { code: string };
  organization: { id: string } | null;
}

export interface IndicatorValuesData {
  indicatorValues: { totalCount: number; nodes: StoredValueNode[] };
}

export interface IndicatorValueInput {
  indicatorCode: string;
  period: string;
  organizationCode?: string;
  municipalityCode?: string;
  value?: number;
  numerator?: number | null;
  denominator?: number | null;
  comment?: string | null;
  version?: number;
  /** Deletes the stored value of the key (no figures needed). */
  delete?: boolean;
}

export interface UpsertIndicatorValuesData {
  upsertIndicatorValues: {
    ok: boolean;
    created: number;
    updated: number;
    deleted: number;
    errors: {
      index: number;
      id: string | null;
      field: string | null;
      code: string;
      message: string;
    }[];
    rows: StoredValueNode[];
  };
}
