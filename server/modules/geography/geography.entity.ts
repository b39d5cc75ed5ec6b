import {
  Collection,
  Entity,
  Enum,
  ManyToOne,
  OneToMany,
  Property,
  type Ref,
  Unique,
} from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';

// Types of upper-level municipalities (Rosstat classification, DOMAIN.md §2, S16).
export enum MunicipalityType {
  MUNICIPAL_DISTRICT = 'municipal_district',
  MUNICIPAL_OKRUG = 'municipal_okrug',
  URBAN_OKRUG = 'urban_okrug',
  URBAN_OKRUG_WITH_DIVISION = 'urban_okrug_with_division',
  INTRACITY_TERRITORY = 'intracity_territory',
}
registerEnumType(MunicipalityType, { name: 'MunicipalityType' });

export enum OrganizationKind {
  SCHOOL = 'school',
  PRESCHOOL = 'preschool',
  SUPPLEMENTARY = 'supplementary',
  OTHER = 'other',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

export enum Settlement {
  URBAN = 'urban',
  RURAL = 'rural',
}
registerEnumType(Settlement, { name: 'Settlement' });

// Type of a general-education school (DOMAIN.md §2 School.kind [K]). Lyceums and gymnasiums are
// «selective» for the objectivity analysis: high results are expected there (ФИОКО 2018).
export enum SchoolType {
  NOSH = 'nosh',
  OOSH = 'oosh',
  SOSH = 'sosh',
  SOSH_UIOP = 'sosh_uiop',
  GYMNASIUM = 'gymnasium',
  LYCEUM = 'lyceum',
  BOARDING = 'boarding',
  CADET = 'cadet',
  EVENING = 'evening',
  CORRECTIONAL = 'correctional',
  EDUCATION_CENTRE = 'education_centre',
}
registerEnumType(SchoolType, {
  name: 'SchoolType',
  valuesConfig: {
    NOSH: { description: 'Начальная общеобразовательная школа.' },
    OOSH: { description: 'Основная общеобразовательная школа.' },
    SOSH: { description: 'Средняя общеобразовательная школа.' },
    SOSH_UIOP: { description: 'СОШ с углублённым изучением отдельных предметов.' },
    GYMNASIUM: { description: 'Гимназия.' },
    LYCEUM: { description: 'Лицей.' },
    BOARDING: { description: 'Школа-интернат.' },
    CADET: { description: 'Кадетская школа.' },
    EVENING: { description: 'Вечерняя (сменная) школа.' },
    CORRECTIONAL: { description: 'Школа для обучающихся с ОВЗ.' },
    EDUCATION_CENTRE: { description: 'Центр образования.' },
  },
});

@ObjectType()
@Entity({ tableName: 'region' })
export class Region extends BaseEntity {
  @Field(() => String, { description: 'Code of the federal subject, e.g. "47".' })
  @Property({ type: 'string', length: 8, unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  federalDistrict: string | null = null;

  @OneToMany(() => Municipality, (municipality) => municipality.region)
  municipalities = new Collection<Municipality>(this);
}

@ObjectType()
@Entity({ tableName: 'municipality' })
@Unique({ properties: ['region', 'name'] })
export class Municipality extends BaseEntity<'demo'> {
  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  region!: Ref<Region>;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  name!: string;

  @Field(() => String, { description: 'Name as used in tables and charts.' })
  @Property({ type: 'string', length: 120 })
  shortName!: string;

  @Field(() => MunicipalityType)
  @Enum({ items: () => MunicipalityType, nativeEnumName: 'municipality_type' })
  type!: MunicipalityType;

  @Field(() => String, {
    description: 'Hub code, the natural key of imports (e.g. "66-malyshevsky").',
  })
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Field(() => Boolean, { description: 'Synthetic demonstration data, not a real municipality.' })
  @Property({ type: 'boolean', default: false })
  demo = false;

  @Field(() => String, { nullable: true, description: 'OKTMO code.' })
  @Property({ type: 'string', length: 11, nullable: true })
  oktmo: string | null = null;

  @OneToMany(() => Organization, (organization) => organization.municipality)
  organizations = new Collection<Organization>(this);
}

@ObjectType()
@Entity({ tableName: 'organization' })
export class Organization extends BaseEntity<
  'lowResults' | 'unfavourableConditions' | 'riskZone' | 'demo' | 'schoolType' | 'objectivityRisk'
> {
  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict', index: true })
  municipality!: Ref<Municipality>;

  @Field(() => String, { description: 'Hub code, the natural key of imports.' })
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Field(() => Boolean, { description: 'Synthetic demonstration data, not a real organization.' })
  @Property({ type: 'boolean', default: false })
  demo = false;

  @Field(() => String)
  @Property({ type: 'string', length: 500 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  shortName: string | null = null;

  @Field(() => OrganizationKind)
  @Enum({ items: () => OrganizationKind, nativeEnumName: 'organization_kind' })
  kind!: OrganizationKind;

  @Field(() => Settlement, { nullable: true })
  @Enum({ items: () => Settlement, nativeEnumName: 'settlement', nullable: true })
  settlement: Settlement | null = null;

  @Field(() => SchoolType, { nullable: true, description: 'Type of a general-education school.' })
  @Enum({ items: () => SchoolType, nativeEnumName: 'school_type', nullable: true })
  schoolType: SchoolType | null = null;

  @Field(() => Boolean, {
    description: 'Has signs of non-objective results in the latest analysed year.',
  })
  @Property({ type: 'boolean', default: false })
  objectivityRisk = false;

  @Field(() => Boolean, { description: 'School with low results (ШНОР).' })
  @Property({ type: 'boolean', default: false })
  lowResults = false;

  @Field(() => Boolean, { description: 'School in unfavourable social conditions (ШНСУ).' })
  @Property({ type: 'boolean', default: false })
  unfavourableConditions = false;

  @Field(() => Boolean, { description: 'In the risk zone of declining results.' })
  @Property({ type: 'boolean', default: false })
  riskZone = false;

  @Field(() => Number, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  enrolment: number | null = null;
}
