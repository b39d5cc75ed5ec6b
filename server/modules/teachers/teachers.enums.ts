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

// Individual educational route (ИОМ, DOMAIN.md §2): its status and the kinds of its steps.
export enum RouteStatus {
  OPEN = 'open',
  CLOSED = 'closed',
  CANCELLED = 'cancelled',
}
registerEnumType(RouteStatus, {
  name: 'RouteStatus',
  valuesConfig: {
    OPEN: { description: 'Открыт: дефициты ещё не преодолены.' },
    CLOSED: { description: 'Закрыт: повторная диагностика их не показала.' },
    CANCELLED: { description: 'Отменён.' },
  },
});

export enum RouteStepKind {
  REFRESHER_COURSE = 'refresher_course',
  INTERNSHIP = 'internship',
  MENTORING = 'mentoring',
  METHODICAL_ASSOCIATION = 'methodical_association',
  SELF_STUDY = 'self_study',
}
registerEnumType(RouteStepKind, {
  name: 'RouteStepKind',
  valuesConfig: {
    REFRESHER_COURSE: { description: 'Курсы повышения квалификации.' },
    INTERNSHIP: { description: 'Стажировка.' },
    MENTORING: { description: 'Наставничество.' },
    METHODICAL_ASSOCIATION: { description: 'Методическое объединение.' },
    SELF_STUDY: { description: 'Самообразование.' },
  },
});

export enum StepStatus {
  PLANNED = 'planned',
  IN_PROGRESS = 'in_progress',
  DONE = 'done',
  CANCELLED = 'cancelled',
}
registerEnumType(StepStatus, { name: 'StepStatus' });

// Mentorship of teachers (DOMAIN.md §2 [K: letter АЗ-1128/08 of 21.12.2021]).
export enum MentorshipForm {
  TEACHER_TEACHER = 'teacher_teacher',
  LEADER_TEACHER = 'leader_teacher',
  EMPLOYER_STUDENT = 'employer_student',
}
registerEnumType(MentorshipForm, {
  name: 'MentorshipForm',
  valuesConfig: {
    TEACHER_TEACHER: { description: 'Педагог — педагог.' },
    LEADER_TEACHER: { description: 'Руководитель ОО — педагог.' },
    EMPLOYER_STUDENT: { description: 'Работодатель — студент педвуза/колледжа.' },
  },
});

export enum MentorshipDelivery {
  TRADITIONAL = 'traditional',
  SHORT_TERM = 'short_term',
  SITUATIONAL = 'situational',
  SPEED = 'speed',
  REVERSE = 'reverse',
  GROUP = 'group',
  VIRTUAL = 'virtual',
}
registerEnumType(MentorshipDelivery, {
  name: 'MentorshipDelivery',
  valuesConfig: {
    TRADITIONAL: { description: 'Традиционное (долгосрочное).' },
    SHORT_TERM: { description: 'Краткосрочное (целеполагающее).' },
    SITUATIONAL: { description: 'Ситуационное.' },
    SPEED: { description: 'Скоростное.' },
    REVERSE: { description: 'Реверсивное.' },
    GROUP: { description: 'Групповое.' },
    VIRTUAL: { description: 'Виртуальное.' },
  },
});

export enum MentorshipStatus {
  PLANNED = 'planned',
  ACTIVE = 'active',
  COMPLETED = 'completed',
  TERMINATED = 'terminated',
}
registerEnumType(MentorshipStatus, { name: 'MentorshipStatus' });
