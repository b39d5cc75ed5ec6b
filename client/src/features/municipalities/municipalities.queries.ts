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

export const REGIONS_QUERY = /* GraphQL */ `
  query Regions {
    regions {
      id
      name
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

export interface RegionNode {
  id: string;
  name: string;
}

export interface RegionsData {
  regions: RegionNode[];
}
