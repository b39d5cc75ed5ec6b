// The organizations of a scale municipality (schools named like the demo's, kindergartens, a
// supplementary centre) and the geography tables of a region as bulk rows.
import { OrganizationKind, Settlement } from '../../server/modules/geography/geography.entity';
import type { Row } from '../demo/demo.bulk';
import {
  KINDERGARTENS,
  schoolName,
  schoolNumbers,
  type SchoolType,
  VILLAGES,
} from '../demo/demo.names';
import { between, shuffle, streamFor } from '../demo/demo.random';
import type { ScaleMunicipality, ScaleRegion, ScaleSchool } from './scale.geography';
import type { TableData } from './scale.types';

const SCHOOL_TYPE: Readonly<Record<SchoolType, string>> = {
  SOSH: 'sosh',
  SOSH_UIOP: 'sosh_uiop',
  GYMNASIUM: 'gymnasium',
  LYCEUM: 'lyceum',
  OOSH: 'oosh',
  NOSH: 'nosh',
};

export interface ScaleOrganization {
  code: string;
  municipality: number;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  settlement: Settlement;
  schoolType: string | null;
  enrolment: number;
  lowResults: boolean;
  school: ScaleSchool | null;
}

export function schoolOrganizations(
  schools: ScaleSchool[],
  municipality: ScaleMunicipality,
): ScaleOrganization[] {
  const rng = streamFor('scale', municipality.code, 'names');
  const numbers = schoolNumbers(rng, schools.length);
  const villages = shuffle(rng, VILLAGES);
  return schools.map((school, i) => {
    const label =
      school.settlement === Settlement.URBAN ? String(numbers[i]) : villages[i % villages.length];
    const [name, shortName] = schoolName(school.type, school.settlement, label);
    const enrolment = school.pupils.get(2024)!.reduce((sum, x) => sum + x, 0);
    return {
      code: school.code,
      municipality: school.municipality,
      name,
      shortName,
      kind: OrganizationKind.SCHOOL,
      settlement: school.settlement,
      schoolType: SCHOOL_TYPE[school.type],
      enrolment,
      lowResults: school.quality < -1.4,
      school,
    };
  });
}

export function otherOrganizations(
  municipality: ScaleMunicipality,
  m: number,
  schools: number,
): ScaleOrganization[] {
  const rng = streamFor('scale', municipality.code, 'preschools');
  const names = shuffle(rng, KINDERGARTENS);
  const preschools = Math.max(1, Math.round(schools * 0.25));
  const urbanPreschools = Math.round(preschools * municipality.urbanShare);
  const kindergartens = Array.from({ length: preschools }, (_, i): ScaleOrganization => {
    const title = names[i % names.length];
    return {
      code: `${municipality.code}-D${String(i + 1).padStart(3, '0')}`,
      municipality: m,
      name: `МБДОУ «Детский сад № ${i + 1} «${title}»`,
      shortName: `Д/с № ${i + 1} «${title}»`,
      kind: OrganizationKind.PRESCHOOL,
      settlement: i < urbanPreschools ? Settlement.URBAN : Settlement.RURAL,
      schoolType: null,
      enrolment: between(rng, 40, 260),
      lowResults: false,
      school: null,
    };
  });
  const centre: ScaleOrganization = {
    code: `${municipality.code}-U01`,
    municipality: m,
    name: `МБУ ДО «Центр дополнительного образования» (${municipality.shortName})`,
    shortName: `ЦДО (${municipality.shortName})`,
    kind: OrganizationKind.SUPPLEMENTARY,
    settlement: municipality.urbanShare > 0.5 ? Settlement.URBAN : Settlement.RURAL,
    schoolType: null,
    enrolment: between(rng, 300, 1500),
    lowResults: false,
    school: null,
  };
  return [...kindergartens, centre];
}

/** The region, municipality and organization rows of a region (local ids). */
export function geographyTables(region: ScaleRegion): TableData[] {
  return [
    {
      table: 'region',
      hasId: true,
      refs: {},
      columns: [
        ['id', 'int'],
        ['code', 'text'],
        ['name', 'text'],
        ['federal_district', 'text'],
      ],
      rows: [
        { id: 0, code: region.code, name: region.name, federal_district: region.federalDistrict },
      ],
    },
    {
      table: 'municipality',
      hasId: true,
      refs: { region_id: 'region' },
      columns: [
        ['id', 'int'],
        ['region_id', 'int'],
        ['code', 'text'],
        ['name', 'text'],
        ['short_name', 'text'],
        ['type', 'municipality_type'],
        ['demo', 'boolean'],
      ],
      rows: region.municipalities.map(
        (m, id): Row => ({
          id,
          region_id: 0,
          code: m.code,
          name: m.name,
          short_name: m.shortName,
          type: m.type,
          demo: 'true',
        }),
      ),
    },
    {
      table: 'organization',
      hasId: true,
      refs: { municipality_id: 'municipality' },
      columns: [
        ['id', 'int'],
        ['municipality_id', 'int'],
        ['code', 'text'],
        ['demo', 'boolean'],
        ['name', 'text'],
        ['short_name', 'text'],
        ['kind', 'organization_kind'],
        ['settlement', 'settlement'],
        ['school_type', 'school_type'],
        ['enrolment', 'int'],
        ['low_results', 'boolean'],
      ],
      rows: region.organizations.map(
        (o, id): Row => ({
          id,
          municipality_id: o.municipality,
          code: o.code,
          demo: 'true',
          name: o.name,
          short_name: o.shortName,
          kind: o.kind,
          settlement: o.settlement,
          school_type: o.schoolType,
          enrolment: o.enrolment,
          low_results: o.lowResults ? 'true' : 'false',
        }),
      ),
    },
  ];
}
