import { registerEnumType } from 'type-graphql';

// Qualification categories (DOMAIN.md §2 Teacher; the last two from the 2023 attestation order [K]).
export enum QualificationCategory {
  NONE = 'none',
  POSITION_MATCH = 'position_match',
  FIRST = 'first',
  HIGHEST = 'highest',
  METHODIST = 'methodist',
  MENTOR = 'mentor',
}
registerEnumType(QualificationCategory, {
  name: 'QualificationCategory',
  valuesConfig: {
    NONE: { description: 'Без категории.' },
    POSITION_MATCH: { description: 'Соответствие занимаемой должности.' },
    FIRST: { description: 'Первая категория.' },
    HIGHEST: { description: 'Высшая категория.' },
    METHODIST: { description: 'Педагог-методист.' },
    MENTOR: { description: 'Педагог-наставник.' },
  },
});

// Competency areas of a deficit diagnostic (DOMAIN.md §2 DeficitDiagnostic [R, S8–S9]; digital
// and communicative where the instrument has them [K]).
export enum CompetencyArea {
  NORMATIVE_LEGAL = 'normative_legal',
  SUBJECT = 'subject',
  METHODICAL = 'methodical',
  PSYCHOLOGICAL_PEDAGOGICAL = 'psychological_pedagogical',
  DIGITAL = 'digital',
  COMMUNICATIVE = 'communicative',
}
registerEnumType(CompetencyArea, {
  name: 'CompetencyArea',
  valuesConfig: {
    NORMATIVE_LEGAL: { description: 'Нормативно-правовая.' },
    SUBJECT: { description: 'Предметная.' },
    METHODICAL: { description: 'Методическая.' },
    PSYCHOLOGICAL_PEDAGOGICAL: { description: 'Психолого-педагогическая.' },
    DIGITAL: { description: 'Цифровая.' },
    COMMUNICATIVE: { description: 'Коммуникативная.' },
  },
});
