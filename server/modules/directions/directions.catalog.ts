// Canonical directions of the municipal quality-management mechanisms (МУМ).
// Source: Rosobrnadzor letter of 20.04.2021 N 08-70; names as in ФИОКО «МУМ-2021»
// (see shared/docs/DOMAIN.md §1). Sub-directions sit under the direction the field files them in.

export interface DirectionSeed {
  code: string;
  name: string;
  shortName: string;
  parentCode: string | null;
  group: 'I' | 'II' | 'OTHER';
  sortOrder: number;
}

export const DIRECTIONS: readonly DirectionSeed[] = [
  {
    code: 'NORM',
    name: 'Нормативно-правовое обеспечение',
    shortName: 'Нормативное обеспечение',
    parentCode: null,
    group: 'OTHER',
    sortOrder: 0,
  },
  {
    code: '1.1',
    name: 'Система оценки качества подготовки обучающихся',
    shortName: 'Оценка качества подготовки',
    parentCode: null,
    group: 'I',
    sortOrder: 10,
  },
  {
    code: '1.1.OBJ',
    name: 'Система обеспечения объективности процедур оценки качества образования',
    shortName: 'Объективность оценки',
    parentCode: '1.1',
    group: 'I',
    sortOrder: 11,
  },
  {
    code: '1.2',
    name:
      'Система работы со школами с низкими результатами обучения и/или школами, ' +
      'функционирующими в неблагоприятных социальных условиях',
    shortName: 'ШНОР / ШНСУ',
    parentCode: null,
    group: 'I',
    sortOrder: 20,
  },
  {
    code: '1.3',
    name: 'Система выявления, поддержки и развития способностей и талантов у детей и молодежи',
    shortName: 'Таланты',
    parentCode: null,
    group: 'I',
    sortOrder: 30,
  },
  {
    code: '1.4',
    name: 'Система работы по самоопределению и профессиональной ориентации обучающихся',
    shortName: 'Профориентация',
    parentCode: null,
    group: 'I',
    sortOrder: 40,
  },
  {
    code: '2.1',
    name: 'Система мониторинга эффективности руководителей образовательных организаций',
    shortName: 'Эффективность руководителей',
    parentCode: null,
    group: 'II',
    sortOrder: 50,
  },
  {
    code: '2.2',
    name: 'Система обеспечения профессионального развития педагогических работников',
    shortName: 'Профразвитие педагогов',
    parentCode: null,
    group: 'II',
    sortOrder: 60,
  },
  {
    code: '2.2.MET',
    name: 'Система методической работы',
    shortName: 'Методическая работа',
    parentCode: '2.2',
    group: 'II',
    sortOrder: 61,
  },
  {
    code: '2.3',
    name: 'Система организации воспитания и социализации обучающихся',
    shortName: 'Воспитание',
    parentCode: null,
    group: 'II',
    sortOrder: 70,
  },
  {
    code: '2.4',
    name: 'Система мониторинга качества дошкольного образования',
    shortName: 'Дошкольное образование',
    parentCode: null,
    group: 'II',
    sortOrder: 80,
  },
];

// The management cycle scored per direction (DOMAIN.md §1, sources S2–S3).
export interface CycleComponentSeed {
  code: number;
  name: string;
}

export const CYCLE_COMPONENTS: readonly CycleComponentSeed[] = [
  { code: 1, name: 'Цели' },
  { code: 2, name: 'Показатели' },
  { code: 3, name: 'Методы сбора и обработки информации' },
  { code: 4, name: 'Мониторинг показателей' },
  { code: 5, name: 'Анализ результатов мониторинга' },
  { code: 6, name: 'Адресные рекомендации' },
  { code: 7, name: 'Меры, мероприятия' },
  { code: 8, name: 'Управленческие решения' },
  { code: 9, name: 'Анализ эффективности принятых мер' },
];
