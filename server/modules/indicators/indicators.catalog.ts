// The seeded indicator catalogue (issue #4, item 1). Configurable data, not official lists:
// the directions are those of letter 08-70 (DOMAIN.md §1); the indicators are the ones regional
// methodologies typically use (DOMAIN.md §1 «Example municipal indicators» [K/I], §3.3 [I]).
// Tags per entry: [R, S…] read in a public source, [K] common knowledge of the field,
// [I] a design suggestion. Shares and rates are RATIO_OF_SUMS with stored numerator and
// denominator, so they re-aggregate upward (DOMAIN.md §3.3).
import {
  AggregationRule,
  IndicatorLevel,
  IndicatorUnit,
  PeriodKind,
  Polarity,
} from './indicators.enums';

export interface IndicatorSeed {
  /** Stable code "<direction>.<NAME>", the natural key of imports. */
  code: string;
  name: string;
  nameEn: string;
  description: string;
  directionCode: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  level: IndicatorLevel;
  aggregation: AggregationRule;
  periodKind: PeriodKind;
  numeratorDefinition: string;
  /** Null unless the indicator is a ratio. */
  denominatorDefinition: string | null;
  source: string;
  target: number | null;
  /**
   * Written by the hub's own analysis, not entered: the assessment analysis
   * (server/modules/assessments/analysis) or the teacher analytics
   * (server/modules/teachers/analytics) or the olympiad analytics
   * (server/modules/olympiads). The demo generator leaves these out.
   */
  computedBy?: 'assessment_analysis' | 'teacher_analytics' | 'olympiad_analytics';
}

const { PERCENT, COUNT, SCORE, PER_1000, INDEX_0_100 } = IndicatorUnit;
const { HIGHER_BETTER, LOWER_BETTER } = Polarity;
const { ORGANIZATION, MUNICIPALITY } = IndicatorLevel;
const { RATIO_OF_SUMS, SUM, ENROLMENT_WEIGHTED_MEAN, MIN, MAX } = AggregationRule;
const { ACADEMIC_YEAR, YEAR, QUARTER } = PeriodKind;

const FIS_OKO = 'ФИС ОКО';
const RIS_GIA = 'РИС ГИА';
const OO1 = 'Форма ФСН № ОО-1';
const REGIONAL = 'Региональный мониторинг';
const VSOSH = 'Протоколы ВсОШ (региональная информационная система олимпиад)';

// A share of organizations: each organization contributes 1 to the denominator and 0 or 1 to
// the numerator, so the ratio of sums over a municipality is the share of its organizations.
const EACH_SCHOOL = 'Общеобразовательные организации (1 за каждую ОО)';

/** Sorted by direction; codes are unique (checked by tests). */
export const INDICATOR_CATALOG: readonly IndicatorSeed[] = [
  // ─── 1.1 Система оценки качества подготовки обучающихся ───
  {
    // [K] «успеваемость» = share of marks 3–5 (DOMAIN.md §3.3)
    code: '1.1.VPR_BASIC',
    name: 'Доля обучающихся, достигших базового уровня подготовки по результатам ВПР (отметки «3», «4», «5»)',
    nameEn: 'Share of VPR works at or above the basic level (marks 3–5)',
    description:
      'Успеваемость по ВПР в 4–8 классах по русскому языку и математике: доля работ с отметками «3», «4», «5».',
    directionCode: '1.1',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition:
      'Число работ ВПР (4–8 классы, русский язык и математика) с отметками «3», «4», «5»',
    denominatorDefinition: 'Число работ ВПР (4–8 классы, русский язык и математика)',
    source: FIS_OKO,
    target: 90,
  },
  {
    // [K] «качество знаний» = share of marks 4–5 (DOMAIN.md §3.3, S26)
    code: '1.1.VPR_HIGH',
    name: 'Доля обучающихся, достигших повышенного и высокого уровня по результатам ВПР (отметки «4» и «5»)',
    nameEn: 'Share of VPR works at the advanced or high level (marks 4–5)',
    description:
      '«Качество знаний» по ВПР в 4–8 классах по русскому языку и математике: доля работ с отметками «4» и «5».',
    directionCode: '1.1',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition:
      'Число работ ВПР (4–8 классы, русский язык и математика) с отметками «4» и «5»',
    denominatorDefinition: 'Число работ ВПР (4–8 классы, русский язык и математика)',
    source: FIS_OKO,
    target: 50,
  },
  {
    // [K] «подтвердили» block of the ФИС ОКО reports (DOMAIN.md §2 SchoolProcedureStats)
    code: '1.1.VPR_CONFIRMED',
    name: 'Доля обучающихся, подтвердивших отметку по журналу результатами ВПР',
    nameEn: 'Share of VPR works whose mark equals the journal mark',
    description:
      'Соответствие отметок за ВПР отметкам по журналу («подтвердили»); низкая доля — признак необъективности текущего оценивания или ВПР.',
    directionCode: '1.1',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Число работ ВПР, отметка за которые равна отметке по журналу',
    denominatorDefinition: 'Число работ ВПР (4–8 классы, русский язык и математика)',
    source: FIS_OKO,
    target: 75,
  },
  {
    // [K] graduates without a certificate (DOMAIN.md §1 example 1.1)
    code: '1.1.NO_CERT_11',
    name: 'Доля выпускников 11 классов, не получивших аттестат о среднем общем образовании',
    nameEn: 'Share of 11th-grade leavers without the secondary school certificate',
    description: 'Выпускники текущего года, не прошедшие ГИА-11 и не получившие аттестат.',
    directionCode: '1.1',
    unit: PERCENT,
    polarity: LOWER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition:
      'Выпускники 11 классов, не получившие аттестат о среднем общем образовании',
    denominatorDefinition: 'Выпускники 11 классов текущего года',
    source: `${RIS_GIA}; ФИС ФРДО`,
    target: 0.5,
  },
  {
    // [K]
    code: '1.1.NO_CERT_9',
    name: 'Доля выпускников 9 классов, не получивших аттестат об основном общем образовании',
    nameEn: 'Share of 9th-grade leavers without the basic school certificate',
    description:
      'Выпускники 9 классов, не прошедшие ГИА-9 (с учётом пересдач в дополнительные сроки).',
    directionCode: '1.1',
    unit: PERCENT,
    polarity: LOWER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition:
      'Выпускники 9 классов, не получившие аттестат об основном общем образовании',
    denominatorDefinition: 'Выпускники 9 классов текущего года',
    source: `${RIS_GIA}; ФИС ФРДО`,
    target: 1,
  },
  {
    // [K] mean ЕГЭ (DOMAIN.md §1 example 1.1); weighted by enrolment when rolled up
    code: '1.1.EGE_MEAN_RUS',
    name: 'Средний тестовый балл ЕГЭ по русскому языку',
    nameEn: 'Mean USE (ЕГЭ) test score in Russian',
    description:
      'Средний тестовый балл (0–100) выпускников текущего года; по МО и региону — среднее, взвешенное по численности обучающихся ОО.',
    directionCode: '1.1',
    unit: SCORE,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: ENROLMENT_WEIGHTED_MEAN,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Средний тестовый балл ЕГЭ по русскому языку выпускников ОО текущего года',
    denominatorDefinition: null,
    source: RIS_GIA,
    target: 70,
  },
  {
    // [K]
    code: '1.1.EGE_MEAN_MATH',
    name: 'Средний тестовый балл ЕГЭ по математике профильного уровня',
    nameEn: 'Mean USE (ЕГЭ) test score in mathematics (profile level)',
    description:
      'Средний тестовый балл (0–100) выпускников текущего года; по МО и региону — среднее, взвешенное по численности обучающихся ОО.',
    directionCode: '1.1',
    unit: SCORE,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: ENROLMENT_WEIGHTED_MEAN,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition:
      'Средний тестовый балл ЕГЭ по математике профильного уровня выпускников ОО текущего года',
    denominatorDefinition: null,
    source: RIS_GIA,
    target: 60,
  },
  {
    // [K]
    code: '1.1.EGE_100',
    name: 'Число выпускников, получивших 100 баллов на ЕГЭ',
    nameEn: 'Number of USE (ЕГЭ) results of 100 points',
    description:
      'Стобалльные результаты ЕГЭ по всем предметам (один выпускник может иметь несколько).',
    directionCode: '1.1',
    unit: COUNT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: SUM,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Число результатов ЕГЭ в 100 баллов',
    denominatorDefinition: null,
    source: RIS_GIA,
    target: null,
  },
  {
    // [K] share of schools with non-objectivity signs (DOMAIN.md §1, §3.1; 5–8 % a year, §4)
    code: '1.1.OBJ_SIGNS',
    name: 'Доля ОО с признаками необъективности результатов ВПР',
    nameEn: 'Share of schools with signs of non-objective VPR results',
    description:
      'ОО, включённые в перечень школ с признаками необъективных результатов по итогам анализа ВПР.',
    directionCode: '1.1',
    unit: PERCENT,
    polarity: LOWER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'ОО с признаками необъективности результатов ВПР (1 — да, 0 — нет)',
    denominatorDefinition: 'ОО, участвовавшие в ВПР (1 за каждую ОО)',
    source: `${FIS_OKO} (перечень ФИОКО / Рособрнадзора)`,
    target: 3,
    computedBy: 'assessment_analysis',
  },
  {
    // [I] risk index built from the §3.1 signs; MAX shows the worst school of a municipality
    code: '1.1.OBJ_RISK_MAX',
    name: 'Индекс риска необъективности результатов оценочных процедур (наибольший по ОО)',
    nameEn: 'Risk index of non-objective assessment results (highest school)',
    description:
      'Индекс ОО 0–100 по признакам: превышение над регионом, профиль выполнения заданий, отметки ВПР и журнала, распределение отметок. По МО — наибольший среди ОО.',
    directionCode: '1.1',
    unit: INDEX_0_100,
    polarity: LOWER_BETTER,
    level: ORGANIZATION,
    aggregation: MAX,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Индекс риска необъективности ОО (0–100)',
    denominatorDefinition: null,
    source: `${REGIONAL} объективности (расчёт по данным ФИС ОКО)`,
    target: 50,
  },

  // ─── 1.2 Школы с низкими результатами / в неблагоприятных социальных условиях ───
  {
    // [K] share of ШНОР (DOMAIN.md §1 example 1.2; 7–10 % of schools, §4)
    code: '1.2.SHNOR_SHARE',
    name: 'Доля школ с низкими образовательными результатами (ШНОР)',
    nameEn: 'Share of schools with low educational results',
    description:
      'ОО, отнесённые к ШНОР по региональным критериям (в т. ч. участники проекта 500+).',
    directionCode: '1.2',
    unit: PERCENT,
    polarity: LOWER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'ОО, отнесённые к ШНОР (1 — да, 0 — нет)',
    denominatorDefinition: EACH_SCHOOL,
    source: `${REGIONAL} (критерии ФИОКО, проект 500+)`,
    target: 5,
    computedBy: 'assessment_analysis',
  },
  {
    // [K] share improving (DOMAIN.md §1 example 1.2)
    code: '1.2.SHNOR_IMPROVED',
    name: 'Доля ШНОР, показавших положительную динамику образовательных результатов',
    nameEn: 'Share of low-performing schools whose results improved',
    description: 'ШНОР, улучшившие результаты ВПР/ГИА по сравнению с предыдущим годом.',
    directionCode: '1.2',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'ШНОР с положительной динамикой результатов (1 — да, 0 — нет)',
    denominatorDefinition: 'ОО, отнесённые к ШНОР (1 за каждую ШНОР)',
    source: `${REGIONAL}; ${FIS_OKO}`,
    target: 50,
  },
  {
    // [R, S13] identify → risk factors → per-school roadmap; [R, S21] 500+ roadmaps
    code: '1.2.SHNOR_PLAN',
    name: 'Доля ШНОР, реализующих программу (дорожную карту) повышения качества образования',
    nameEn: 'Share of low-performing schools with an improvement programme (roadmap)',
    description:
      'ШНОР, у которых есть утверждённая программа перехода в эффективный режим работы (по рисковому профилю).',
    directionCode: '1.2',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'ШНОР с утверждённой программой (дорожной картой) (1 — да, 0 — нет)',
    denominatorDefinition: 'ОО, отнесённые к ШНОР (1 за каждую ШНОР)',
    source: `${REGIONAL} (проект 500+)`,
    target: 100,
  },
  {
    // [K] ШНСУ share; context rather than performance, lower is better [I]
    code: '1.2.SHNSU_SHARE',
    name: 'Доля школ, функционирующих в неблагоприятных социальных условиях (ШНСУ)',
    nameEn: 'Share of schools in unfavourable social conditions',
    description: 'ОО из нижнего квартиля индекса социального благополучия школ (ИСБШ).',
    directionCode: '1.2',
    unit: PERCENT,
    polarity: LOWER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'ОО, отнесённые к ШНСУ (1 — да, 0 — нет)',
    denominatorDefinition: EACH_SCHOOL,
    source: `${REGIONAL} (анкетирование, социальный паспорт ОО)`,
    target: null,
    computedBy: 'assessment_analysis',
  },
  {
    // [R, S17] St Petersburg's ШНОР criterion (lower quartile of grade-4 ВПР), here for all schools
    code: '1.2.VPR_LOW_QUARTILE',
    name: 'Доля обучающихся 4-х классов, результаты ВПР которых находятся в нижнем квартиле результатов по региону',
    nameEn: 'Share of 4th-graders whose VPR result is in the regional lower quartile',
    description:
      'Нижний квартиль регионального распределения первичного балла ВПР (русский язык и математика, 4 класс).',
    directionCode: '1.2',
    unit: PERCENT,
    polarity: LOWER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Участники ВПР 4 классов с результатом в нижнем квартиле по региону',
    denominatorDefinition: 'Участники ВПР 4 классов',
    source: `${FIS_OKO} (расчёт регионального центра оценки качества)`,
    target: 25,
  },
  {
    // [I] ИСБШ (components [R, S25]); MIN shows the most disadvantaged school
    code: '1.2.ISBSH_MIN',
    name: 'Индекс социального благополучия школы (ИСБШ), наименьший по ОО',
    nameEn: 'School social well-being index (lowest school)',
    description:
      'ИСБШ 0–100 по социальному паспорту: образование родителей, неполные семьи, профилактический учёт, малообеспеченность. По МО — наименьший среди ОО.',
    directionCode: '1.2',
    unit: INDEX_0_100,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: MIN,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'ИСБШ ОО (0–100)',
    denominatorDefinition: null,
    source: `${REGIONAL} (анкетирование, социальный паспорт ОО)`,
    target: null,
  },

  // Social passport of the school: the ИСБШ components (DOMAIN.md §3.2; [R, S25] for the first
  // three, [K] for the others). Context, not performance; ШНСУ is computed from them.
  {
    // [R, S25] component of ИСБШ
    code: '1.2.SOC_PARENTS_HE',
    name: 'Доля обучающихся, оба родителя которых имеют высшее образование',
    nameEn: 'Share of pupils both of whose parents have higher education',
    description: 'Компонент ИСБШ: образование родителей по социальному паспорту школы.',
    directionCode: '1.2',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Обучающиеся, оба родителя которых имеют высшее образование',
    denominatorDefinition: 'Обучающиеся ОО',
    source: `${REGIONAL} (социальный паспорт ОО)`,
    target: null,
  },
  {
    // [R, S25] component of ИСБШ
    code: '1.2.SOC_SINGLE_PARENT',
    name: 'Доля обучающихся из неполных семей',
    nameEn: 'Share of pupils from single-parent families',
    description: 'Компонент ИСБШ: обучающиеся из неполных семей по социальному паспорту школы.',
    directionCode: '1.2',
    unit: PERCENT,
    polarity: LOWER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Обучающиеся из неполных семей',
    denominatorDefinition: 'Обучающиеся ОО',
    source: `${REGIONAL} (социальный паспорт ОО)`,
    target: null,
  },
  {
    // [R, S25] component of ИСБШ
    code: '1.2.SOC_PREVENTION',
    name: 'Доля обучающихся, состоящих на профилактическом учёте',
    nameEn: 'Share of pupils on prevention registers',
    description: 'Компонент ИСБШ: обучающиеся на внутришкольном учёте, учёте КДН и ПДН.',
    directionCode: '1.2',
    unit: PERCENT,
    polarity: LOWER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Обучающиеся, состоящие на профилактическом учёте',
    denominatorDefinition: 'Обучающиеся ОО',
    source: `${REGIONAL} (социальный паспорт ОО)`,
    target: null,
  },
  {
    // [K] component of ИСБШ
    code: '1.2.SOC_LOW_INCOME',
    name: 'Доля обучающихся из малообеспеченных семей',
    nameEn: 'Share of pupils from low-income families',
    description:
      'Компонент ИСБШ: обучающиеся из малообеспеченных семей по социальному паспорту школы.',
    directionCode: '1.2',
    unit: PERCENT,
    polarity: LOWER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Обучающиеся из малообеспеченных семей',
    denominatorDefinition: 'Обучающиеся ОО',
    source: `${REGIONAL} (социальный паспорт ОО)`,
    target: null,
  },
  {
    // [K] component of ИСБШ
    code: '1.2.SOC_NON_NATIVE',
    name: 'Доля обучающихся, для которых русский язык не является родным',
    nameEn: 'Share of pupils whose first language is not Russian',
    description:
      'Компонент ИСБШ: языковой барьер (фактор риска ФИОКО «языковые и культурные барьеры»).',
    directionCode: '1.2',
    unit: PERCENT,
    polarity: LOWER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Обучающиеся, для которых русский язык не родной',
    denominatorDefinition: 'Обучающиеся ОО',
    source: `${REGIONAL} (социальный паспорт ОО)`,
    target: null,
  },

  // ─── 1.3 Выявление, поддержка и развитие способностей и талантов ───
  {
    // [K] school-stage coverage = unique participants / pupils of grades 4–11 (DOMAIN.md §3.3)
    code: '1.3.VSOSH_SCHOOL_COVER',
    name: 'Доля обучающихся 4–11 классов, принявших участие в школьном этапе ВсОШ',
    nameEn:
      'Share of pupils in grades 4–11 taking part in the school stage of the All-Russian olympiad',
    description: 'Охват школьным этапом всероссийской олимпиады школьников (уникальные участники).',
    directionCode: '1.3',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Уникальные участники школьного этапа ВсОШ (4–11 классы)',
    denominatorDefinition: 'Обучающиеся 4–11 классов',
    source: VSOSH,
    target: 50,
    computedBy: 'olympiad_analytics',
  },
  {
    // [I] funnel conversion (DOMAIN.md §3.3; ≈ 20 % reach the municipal stage, §4)
    code: '1.3.VSOSH_MUN_CONVERSION',
    name: 'Доля участников школьного этапа ВсОШ (7–11 классы), ставших участниками муниципального этапа',
    nameEn:
      'Share of school-stage olympiad participants (grades 7–11) reaching the municipal stage',
    description: 'Конверсия школьного этапа в муниципальный.',
    directionCode: '1.3',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Участники муниципального этапа ВсОШ (7–11 классы)',
    denominatorDefinition: 'Участники школьного этапа ВсОШ (7–11 классы)',
    source: VSOSH,
    target: null,
    computedBy: 'olympiad_analytics',
  },
  {
    // [K] municipal winners and prize-winners (DOMAIN.md §1 example 1.3)
    code: '1.3.VSOSH_MUN_WP',
    name: 'Число победителей и призёров муниципального этапа ВсОШ',
    nameEn: 'Winners and prize-winners of the municipal stage of the All-Russian olympiad',
    description: 'Дипломы победителей и призёров муниципального этапа по всем предметам.',
    directionCode: '1.3',
    unit: COUNT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: SUM,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Победители и призёры муниципального этапа ВсОШ (дипломы)',
    denominatorDefinition: null,
    source: VSOSH,
    target: null,
    computedBy: 'olympiad_analytics',
  },
  {
    // [K] per-1000 rate of regional W+P among grades 9–11 (DOMAIN.md §3.3)
    code: '1.3.VSOSH_REG_WP_1000',
    name: 'Число победителей и призёров регионального этапа ВсОШ в расчёте на 1000 обучающихся 9–11 классов',
    nameEn: 'Regional-stage olympiad winners and prize-winners per 1000 pupils in grades 9–11',
    description: 'Результативность регионального этапа всероссийской олимпиады школьников.',
    directionCode: '1.3',
    unit: PER_1000,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Победители и призёры регионального этапа ВсОШ (9–11 классы)',
    denominatorDefinition: 'Обучающиеся 9–11 классов',
    source: VSOSH,
    target: null,
    computedBy: 'olympiad_analytics',
  },
  {
    // [K] extra-curricular coverage at school (DOMAIN.md §1 example 1.3)
    code: '1.3.EXTRA_SCHOOL',
    name: 'Доля обучающихся, охваченных дополнительными общеобразовательными программами на базе ОО',
    nameEn: 'Share of pupils in supplementary education programmes run by the school',
    description:
      'Кружки, секции, школьные спортивные клубы и театры, реализуемые ОО (уникальные обучающиеся).',
    directionCode: '1.3',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition:
      'Обучающиеся, занимающиеся по дополнительным общеобразовательным программам ОО',
    denominatorDefinition: 'Обучающиеся ОО',
    source: `${OO1}; ${REGIONAL}`,
    target: null,
  },
  {
    // [K] national-project coverage of children 5–18; quarterly from the navigator [I]
    code: '1.3.EXTRA_COVER_5_18',
    name: 'Доля детей в возрасте от 5 до 18 лет, охваченных дополнительным образованием',
    nameEn: 'Share of children aged 5–18 enrolled in supplementary education',
    description:
      'Уникальные дети с записью на программы дополнительного образования (региональный навигатор), к численности детей 5–18 лет.',
    directionCode: '1.3',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: MUNICIPALITY,
    aggregation: RATIO_OF_SUMS,
    periodKind: QUARTER,
    numeratorDefinition:
      'Дети 5–18 лет, обучающиеся по дополнительным общеобразовательным программам',
    denominatorDefinition: 'Численность детей 5–18 лет, проживающих в МО',
    source: 'Региональный навигатор дополнительного образования; Росстат',
    target: 80,
  },

  // ─── 1.4 Самоопределение и профессиональная ориентация ───
  {
    // [K] профпробы (DOMAIN.md §1 example 1.4)
    code: '1.4.PROF_TRIALS',
    name: 'Доля обучающихся 6–11 классов, принявших участие в профессиональных пробах',
    nameEn: 'Share of pupils in grades 6–11 taking part in vocational trials',
    description: 'Профессиональные пробы на базе СПО, вузов и предприятий (очно или онлайн).',
    directionCode: '1.4',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Обучающиеся 6–11 классов, прошедшие хотя бы одну профессиональную пробу',
    denominatorDefinition: 'Обучающиеся 6–11 классов',
    source: `${REGIONAL} (профориентационный минимум, «Билет в будущее»)`,
    target: 50,
  },
  {
    // [K] career-programme participation (DOMAIN.md §1 example 1.4)
    code: '1.4.CAREER_PROGRAMME',
    name: 'Доля обучающихся 6–11 классов, охваченных программами профориентации (профориентационный минимум)',
    nameEn: 'Share of pupils in grades 6–11 in career-guidance programmes',
    description:
      'Участники профориентационного минимума, проекта «Билет в будущее» и других программ.',
    directionCode: '1.4',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Обучающиеся 6–11 классов, участвующие в программах профориентации',
    denominatorDefinition: 'Обучающиеся 6–11 классов',
    source: `${REGIONAL} (платформа «Билет в будущее»)`,
    target: 90,
  },
  {
    // [K] 9th-grade leavers entering СПО (DOMAIN.md §1 example 1.4); polarity is policy [I]
    code: '1.4.SPO_AFTER_9',
    name: 'Доля выпускников 9 классов, продолживших обучение по программам среднего профессионального образования',
    nameEn: 'Share of 9th-grade leavers continuing in vocational (SPO) programmes',
    description:
      'Поступление выпускников 9 классов в профессиональные образовательные организации.',
    directionCode: '1.4',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Выпускники 9 классов, зачисленные в ПОО на программы СПО',
    denominatorDefinition:
      'Выпускники 9 классов, получившие аттестат об основном общем образовании',
    source: `${REGIONAL} (мониторинг дальнейшего обучения выпускников)`,
    target: null,
  },
  {
    // [K] profile classes in grades 10–11
    code: '1.4.PROFILE_10_11',
    name: 'Доля обучающихся 10–11 классов, обучающихся по программам профильного обучения',
    nameEn: 'Share of pupils in grades 10–11 in profile (specialised) programmes',
    description: 'Профильные классы и индивидуальные учебные планы профильного уровня.',
    directionCode: '1.4',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Обучающиеся 10–11 классов профильного обучения',
    denominatorDefinition: 'Обучающиеся 10–11 классов',
    source: OO1,
    target: null,
  },

  // ─── 2.1 Мониторинг эффективности руководителей ОО ───
  {
    // [K] leaders trained (DOMAIN.md §1 example 2.1; goals of S14)
    code: '2.1.LEADERS_TRAINED',
    name: 'Доля руководителей и заместителей руководителей ОО, прошедших повышение квалификации по вопросам управления за последние 3 года',
    nameEn: 'Share of school heads and deputies trained in management within three years',
    description: 'Курсы ПК и переподготовка по управлению в образовании (не менее 36 часов).',
    directionCode: '2.1',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition:
      'Руководители и заместители руководителей ОО, прошедшие ПК по управлению за 3 года',
    denominatorDefinition: 'Руководители и заместители руководителей ОО',
    source: `ФИС ФРДО (сведения о ДПО); ${REGIONAL}`,
    target: 100,
  },
  {
    // [K] leaders assessed (DOMAIN.md §1 example 2.1)
    code: '2.1.LEADERS_ASSESSED',
    name: 'Доля руководителей ОО, прошедших оценку управленческих компетенций',
    nameEn: 'Share of heads of organizations whose managerial competences were assessed',
    description:
      'Диагностика управленческих компетенций или аттестация руководителя за последние 3 года.',
    directionCode: '2.1',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Руководители ОО, прошедшие оценку компетенций (1 — да, 0 — нет)',
    denominatorDefinition: 'Руководители ОО (1 за каждую ОО)',
    source: REGIONAL,
    target: 100,
  },
  {
    // [R, S14] managerial reserve is a municipal list
    code: '2.1.RESERVE',
    name: 'Численность управленческого резерва руководителей образовательных организаций',
    nameEn: 'Size of the managerial reserve for heads of organizations',
    description:
      'Лица, включённые в кадровый резерв руководителей ОО приказом МОУО, на конец года.',
    directionCode: '2.1',
    unit: COUNT,
    polarity: HIGHER_BETTER,
    level: MUNICIPALITY,
    aggregation: SUM,
    periodKind: YEAR,
    numeratorDefinition: 'Лица в муниципальном управленческом резерве',
    denominatorDefinition: null,
    source: 'Приказ МОУО о кадровом резерве',
    target: null,
  },
  {
    // [I]
    code: '2.1.RESERVE_COVERAGE',
    name: 'Доля должностей руководителей ОО, обеспеченных управленческим резервом',
    nameEn: 'Share of head positions covered by the managerial reserve',
    description:
      'Должности руководителей ОО, на которые в резерве есть хотя бы один подготовленный кандидат.',
    directionCode: '2.1',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: MUNICIPALITY,
    aggregation: RATIO_OF_SUMS,
    periodKind: YEAR,
    numeratorDefinition: 'Должности руководителей ОО, обеспеченные кандидатами из резерва',
    denominatorDefinition: 'Должности руководителей муниципальных ОО',
    source: 'Приказ МОУО о кадровом резерве',
    target: 70,
  },

  // ─── 2.2 Профессиональное развитие педагогических работников ───
  {
    // [R, S8–S9] deficit diagnostics; share diagnosed [I] (DOMAIN.md §3.3)
    code: '2.2.DIAGNOSED',
    name: 'Доля педагогических работников, прошедших диагностику профессиональных дефицитов',
    nameEn: 'Share of teachers who took a professional-deficit diagnostic',
    description: 'Диагностика ЦНППМ / регионального института развития образования за учебный год.',
    directionCode: '2.2',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition:
      'Педагогические работники, прошедшие диагностику профессиональных дефицитов',
    denominatorDefinition: 'Педагогические работники ОО',
    source: 'ЦНППМ (региональный мониторинг)',
    target: 50,
    computedBy: 'teacher_analytics',
  },
  {
    // [R, S8] diagnostics «с возможностью получения индивидуального плана»; share [I]
    code: '2.2.IOM',
    name: 'Доля педагогов с выявленными профессиональными дефицитами, обучающихся по индивидуальному образовательному маршруту (ИОМ)',
    nameEn: 'Share of teachers with identified deficits following an individual learning route',
    description:
      'ИОМ, составленный по результатам диагностики (курсы ПК, стажировки, наставничество).',
    directionCode: '2.2',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Педагоги с выявленными дефицитами, обучающиеся по ИОМ',
    denominatorDefinition: 'Педагоги с выявленными профессиональными дефицитами',
    source: 'ЦНППМ (региональный мониторинг)',
    target: 100,
    computedBy: 'teacher_analytics',
  },
  {
    // [K] mentoring coverage of young teachers (≤ 3 years' experience, DOMAIN.md §3.3)
    code: '2.2.MENTORED',
    name: 'Доля молодых педагогов (стаж до 3 лет), за которыми закреплён наставник',
    nameEn: 'Share of young teachers (up to 3 years of experience) with a mentor',
    description: 'Наставничество по форме «педагог — педагог» (целевая модель наставничества).',
    directionCode: '2.2',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Молодые педагоги со стажем до 3 лет, за которыми закреплён наставник',
    denominatorDefinition: 'Молодые педагоги со стажем до 3 лет',
    source: REGIONAL,
    target: 100,
    computedBy: 'teacher_analytics',
  },
  {
    // [K] first/highest category share
    code: '2.2.CATEGORY',
    name: 'Доля педагогических работников, имеющих первую или высшую квалификационную категорию',
    nameEn: 'Share of teachers with the first or highest qualification category',
    description: 'Включая категории «педагог-методист» и «педагог-наставник» (с 2023 года).',
    directionCode: '2.2',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Педагогические работники с первой или высшей категорией',
    denominatorDefinition: 'Педагогические работники ОО',
    source: `${OO1}; региональная аттестационная комиссия`,
    target: 65,
  },
  {
    // [K] calendar-year training records
    code: '2.2.PK_3Y',
    name: 'Доля педагогических работников, прошедших повышение квалификации за последние 3 года',
    nameEn: 'Share of teachers who completed in-service training within three years',
    description: 'По состоянию на 31 декабря; учитываются программы ДПО из федерального реестра.',
    directionCode: '2.2',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: YEAR,
    numeratorDefinition: 'Педагогические работники, прошедшие ПК за последние 3 года',
    denominatorDefinition: 'Педагогические работники ОО',
    source: 'ФИС ФРДО (сведения о ДПО)',
    target: 100,
  },
  {
    // [K]
    code: '2.2.VACANCIES',
    name: 'Доля вакантных ставок учителей',
    nameEn: 'Share of vacant teacher positions',
    description: 'Вакантные ставки учителей на начало учебного года.',
    directionCode: '2.2',
    unit: PERCENT,
    polarity: LOWER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Вакантные ставки учителей',
    denominatorDefinition: 'Ставки учителей по штатному расписанию',
    source: `${OO1}; ${REGIONAL}`,
    target: 2,
  },

  // ─── 2.3 Воспитание и социализация ───
  {
    // [K] «рабочая программа воспитания» (DOMAIN.md §1 example 2.3)
    code: '2.3.EDU_PROGRAMME',
    name: 'Доля ОО, реализующих рабочую программу воспитания и календарный план воспитательной работы',
    nameEn: 'Share of schools implementing an upbringing work programme',
    description: 'Рабочая программа воспитания в составе ООП, соответствующая федеральной.',
    directionCode: '2.3',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'ОО, реализующие рабочую программу воспитания (1 — да, 0 — нет)',
    denominatorDefinition: EACH_SCHOOL,
    source: REGIONAL,
    target: 100,
  },
  {
    // [K] children's-association coverage (DOMAIN.md §1 example 2.3)
    code: '2.3.CHILD_ASSOCIATIONS',
    name: 'Доля обучающихся, участвующих в деятельности детских общественных объединений',
    nameEn: "Share of pupils in children's public associations",
    description:
      '«Движение первых», юнармия, волонтёрские отряды, школьные медиа и другие объединения.',
    directionCode: '2.3',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Обучающиеся — участники детских общественных объединений',
    denominatorDefinition: 'Обучающиеся ОО',
    source: REGIONAL,
    target: 50,
  },
  {
    // [K]
    code: '2.3.ADVISER',
    name: 'Доля ОО, в которых введена должность советника директора по воспитанию',
    nameEn: 'Share of schools with a deputy-head adviser on upbringing',
    description:
      'Советник директора по воспитанию и взаимодействию с детскими общественными объединениями.',
    directionCode: '2.3',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition:
      'ОО с введённой должностью советника директора по воспитанию (1 — да, 0 — нет)',
    denominatorDefinition: EACH_SCHOOL,
    source: REGIONAL,
    target: 100,
  },
  {
    // [K] offences per 1000 pupils, from the municipal commission (КДН и ЗП)
    code: '2.3.OFFENCES_1000',
    name: 'Число правонарушений, совершённых несовершеннолетними обучающимися, на 1000 обучающихся',
    nameEn: 'Offences committed by pupils per 1000 pupils',
    description:
      'Правонарушения и преступления несовершеннолетних обучающихся ОО за календарный год.',
    directionCode: '2.3',
    unit: PER_1000,
    polarity: LOWER_BETTER,
    level: MUNICIPALITY,
    aggregation: RATIO_OF_SUMS,
    periodKind: YEAR,
    numeratorDefinition:
      'Правонарушения и преступления, совершённые несовершеннолетними обучающимися',
    denominatorDefinition: 'Обучающиеся общеобразовательных организаций МО',
    source: 'Комиссия по делам несовершеннолетних и защите их прав (КДН и ЗП)',
    target: null,
  },

  // ─── 2.4 Мониторинг качества дошкольного образования ───
  {
    // [K] ДОО in the federal МКДО (DOMAIN.md §1 example 2.4)
    code: '2.4.MKDO_PARTICIPATION',
    name: 'Доля ДОО, принявших участие в мониторинге качества дошкольного образования (МКДО)',
    nameEn: 'Share of preschools taking part in the federal preschool quality monitoring',
    description: 'Федеральный мониторинг качества дошкольного образования, календарный год.',
    directionCode: '2.4',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: YEAR,
    numeratorDefinition: 'ДОО — участники МКДО (1 — да, 0 — нет)',
    denominatorDefinition: 'Дошкольные образовательные организации (1 за каждую ДОО)',
    source: 'ФИОКО (федеральный МКДО)',
    target: null,
  },
  {
    // [K] their levels (DOMAIN.md §1 example 2.4)
    code: '2.4.MKDO_BASIC_LEVEL',
    name: 'Доля ДОО, достигших базового уровня качества и выше по результатам МКДО',
    nameEn: 'Share of monitored preschools at the basic quality level or higher',
    description: 'Среди ДОО — участников МКДО текущего года.',
    directionCode: '2.4',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: YEAR,
    numeratorDefinition:
      'ДОО — участники МКДО с уровнем качества «базовый» и выше (1 — да, 0 — нет)',
    denominatorDefinition: 'ДОО — участники МКДО (1 за каждую ДОО)',
    source: 'ФИОКО (федеральный МКДО)',
    target: 90,
  },
  {
    // [K] staff with higher pedagogical education, preschool staffing form
    code: '2.4.DOO_TEACHERS_HE',
    name: 'Доля педагогических работников ДОО, имеющих высшее педагогическое образование',
    nameEn: 'Share of preschool teachers with higher pedagogical education',
    description: 'По форме федерального статистического наблюдения № 85-К.',
    directionCode: '2.4',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: ORGANIZATION,
    aggregation: RATIO_OF_SUMS,
    periodKind: ACADEMIC_YEAR,
    numeratorDefinition: 'Педагогические работники ДОО с высшим педагогическим образованием',
    denominatorDefinition: 'Педагогические работники ДОО',
    source: 'Форма ФСН № 85-К',
    target: null,
  },
  {
    // [K] availability of preschool education for ages 3–7 (national indicator)
    code: '2.4.ACCESS_3_7',
    name: 'Доступность дошкольного образования для детей в возрасте от 3 до 7 лет',
    nameEn: 'Availability of preschool education for children aged 3–7',
    description:
      'Дети 3–7 лет, получающие дошкольное образование, к ним же плюс стоящим в очереди.',
    directionCode: '2.4',
    unit: PERCENT,
    polarity: HIGHER_BETTER,
    level: MUNICIPALITY,
    aggregation: RATIO_OF_SUMS,
    periodKind: YEAR,
    numeratorDefinition: 'Дети 3–7 лет, получающие дошкольное образование',
    denominatorDefinition:
      'Дети 3–7 лет, получающие дошкольное образование, и дети 3–7 лет в очереди на получение места',
    source: 'ФГИС «Доступность дошкольного образования»; форма ФСН № 85-К',
    target: 100,
  },
];
