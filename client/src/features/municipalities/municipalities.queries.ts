export const MUNICIPALITIES_QUERY = /* GraphQL */ `
  query Municipalities {
    municipalities(first: 100) {
      nodes {
        id
        name
        shortName
        region {
          id
          name
        }
      }
    }
  }
`;

export interface MunicipalityNode {
  id: string;
  name: string;
  shortName: string | null;
  region: { id: string; name: string } | null;
}

export interface MunicipalitiesData {
  municipalities: { nodes: MunicipalityNode[] };
}
