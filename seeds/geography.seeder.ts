import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import {
  Municipality,
  MunicipalityType,
  Region,
} from '../server/modules/geography/geography.entity';

// The starting set of municipalities (issue #2) with their regions.
// Region codes are the numbers of the federal subjects (Constitution art. 65 order / vehicle codes).
const REGIONS = [
  { code: '05', name: 'Республика Дагестан', federalDistrict: 'Северо-Кавказский' },
  { code: '19', name: 'Республика Хакасия', federalDistrict: 'Сибирский' },
  { code: '47', name: 'Ленинградская область', federalDistrict: 'Северо-Западный' },
  { code: '66', name: 'Свердловская область', federalDistrict: 'Уральский' },
];

const MUNICIPALITIES = [
  {
    region: '47',
    code: '47-kingisepp',
    name: 'Кингисеппский муниципальный район',
    shortName: 'Кингисеппский р-н',
    type: MunicipalityType.MUNICIPAL_DISTRICT,
  },
  {
    region: '66',
    code: '66-malyshevsky',
    name: 'Малышевский городской округ',
    shortName: 'Малышевский ГО',
    type: MunicipalityType.URBAN_OKRUG,
  },
  {
    region: '19',
    code: '19-chernogorsk',
    name: 'город Черногорск',
    shortName: 'г. Черногорск',
    type: MunicipalityType.URBAN_OKRUG,
  },
  {
    region: '05',
    code: '05-kizlyar',
    name: 'городской округ «город Кизляр»',
    shortName: 'г. Кизляр',
    type: MunicipalityType.URBAN_OKRUG,
  },
  {
    region: '05',
    code: '05-sergokala',
    name: 'Сергокалинский район',
    shortName: 'Сергокалинский р-н',
    type: MunicipalityType.MUNICIPAL_DISTRICT,
  },
];

export class GeographySeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const regions = new Map<string, Region>();
    for (const data of REGIONS) {
      const region = (await em.findOne(Region, { code: data.code })) ?? em.create(Region, data);
      regions.set(data.code, region);
    }
    for (const { region: code, ...data } of MUNICIPALITIES) {
      const region = regions.get(code)!;
      const exists = region.id ? await em.findOne(Municipality, { region, name: data.name }) : null;
      if (!exists) {
        em.create(Municipality, { ...data, region });
      }
    }
    await em.flush();
  }
}
