// The demo geography: organizations for the five seeded municipalities and synthetic peer
// municipalities (clearly named as such) in their regions, each with its own organizations.
import { MunicipalityType } from '../../server/modules/geography/geography.entity';
import { KINDERGARTENS, schoolNumbers, VILLAGES } from './demo.names';
import { preschool, school, supplementaryCentre } from './demo.organizations';
import { between, normal, shuffle, streamFor } from './demo.random';
import type { DemoMunicipality, DemoOrganization, MunicipalityPlan } from './demo.types';

export { DEMO_YEARS, type DemoMunicipality, type DemoOrganization } from './demo.types';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function municipalityTraits(code: string): { effect: number; trend: number } {
  const rng = streamFor('municipality', code);
  return { effect: 0.45 * normal(rng), trend: 0.04 + 0.12 * normal(rng) };
}

// The five seeded municipalities: two towns, a town-and-villages district, a small okrug and a
// rural district.
const HOME: {
  code: string;
  regionCode: string;
  schools: number;
  urban: number;
  preschools: number;
}[] = [
  { code: '47-kingisepp', regionCode: '47', schools: 18, urban: 8, preschools: 5 },
  { code: '66-malyshevsky', regionCode: '66', schools: 10, urban: 4, preschools: 3 },
  { code: '19-chernogorsk', regionCode: '19', schools: 14, urban: 12, preschools: 6 },
  { code: '05-kizlyar', regionCode: '05', schools: 12, urban: 10, preschools: 5 },
  { code: '05-sergokala', regionCode: '05', schools: 16, urban: 0, preschools: 3 },
];

/** Synthetic peers per seeded region. */
export const DEMO_PEERS_PER_REGION: Readonly<Record<string, number>> = {
  '05': 7,
  '19': 6,
  '47': 6,
  '66': 7,
};

function plans(): MunicipalityPlan[] {
  const home = HOME.map((spec) => ({
    municipality: {
      code: spec.code,
      regionCode: spec.regionCode,
      peer: null,
      ...municipalityTraits(spec.code),
    },
    schools: spec.schools,
    urbanSchools: spec.urban,
    preschools: spec.preschools,
  }));
  const peers = Object.entries(DEMO_PEERS_PER_REGION).flatMap(([regionCode, count]) =>
    Array.from({ length: count }, (_, index) => {
      const code = `${regionCode}-demo-${pad(index + 1)}`;
      const rng = streamFor('peer', code);
      const okrug = rng() < 0.25;
      const schools = okrug ? between(rng, 10, 18) : between(rng, 10, 14);
      const urbanShare = okrug ? 0.85 : 0.22 + 0.1 * rng();
      return {
        municipality: {
          code,
          regionCode,
          peer: {
            name: `${okrug ? 'Демо-округ' : 'Демо-район'} ${index + 1} (синтетический)`,
            shortName: `${okrug ? 'Демо-ГО' : 'Демо-р-н'} ${index + 1}`,
            type: okrug ? MunicipalityType.URBAN_OKRUG : MunicipalityType.MUNICIPAL_DISTRICT,
          },
          ...municipalityTraits(code),
        },
        schools,
        urbanSchools: Math.round(schools * urbanShare),
        preschools: between(rng, 2, 5),
      };
    }),
  );
  return [...home, ...peers];
}

function organizationsOf(plan: MunicipalityPlan): DemoOrganization[] {
  const rng = streamFor('names', plan.municipality.code);
  const urbanNumbers = schoolNumbers(rng, plan.urbanSchools);
  const villages = shuffle(rng, VILLAGES);
  const schools = Array.from({ length: plan.schools }, (_, index) => {
    const urban = index < plan.urbanSchools;
    const label = urban
      ? String(urbanNumbers[index])
      : villages[(index - plan.urbanSchools) % villages.length];
    return school(plan, index, label, urban);
  });
  const kindergartenNumbers = schoolNumbers(rng, plan.preschools);
  const kindergartens = shuffle(rng, KINDERGARTENS);
  const urbanPreschools = Math.round((plan.preschools * plan.urbanSchools) / plan.schools);
  const preschools = Array.from({ length: plan.preschools }, (_, index) => {
    const urban = index < urbanPreschools;
    const label = urban
      ? String(kindergartenNumbers[index])
      : kindergartens[index % kindergartens.length];
    return preschool(plan, index, label, urban);
  });
  return [...schools, ...preschools, supplementaryCentre(plan)];
}

export interface DemoGeography {
  /** Seeded and synthetic municipalities (only the peers are inserted). */
  municipalities: DemoMunicipality[];
  organizations: DemoOrganization[];
}

export function generateDemoGeography(): DemoGeography {
  const all = plans();
  return {
    municipalities: all.map((plan) => plan.municipality),
    organizations: all.flatMap(organizationsOf),
  };
}
