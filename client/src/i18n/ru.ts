import { ruPlural } from './plural';

export type Params = Record<string, string | number>;
export type Entry = string | ((p: Params) => string);

export const ru = {
  'app.title': 'МСОКО-хаб',
  'nav.roadmaps': 'Дорожные карты',
  'nav.occurrences': 'Исполнение',
  'nav.coverage': 'Покрытие',
  'nav.import': 'Импорт',
  'lang.label': 'Язык',

  'common.loading': 'Загрузка…',
  'common.error': 'Ошибка: {message}',
  'common.retry': 'Повторить',
  'common.all': 'Все',
  'common.notSelected': '— не выбрано —',
  'common.apply': 'Применить',
  'common.reset': 'Сбросить',

  'common.range': '{from}–{to} из {total}',
  'common.prevPage': 'Предыдущая страница',
  'common.nextPage': 'Следующая страница',

  'grid.save': 'Сохранить',
  'grid.saving': 'Сохранение…',
  'grid.undo': 'Отменить',
  'grid.redo': 'Повторить',
  'grid.fillDown': 'Заполнить вниз',
  'grid.addRow': 'Добавить строку',
  'grid.deleteRows': 'Удалить выбранные',
  'grid.discard': 'Отменить изменения',
  'grid.reload': 'Обновить',
  'grid.dirty': (p: Params) =>
    `Изменено: ${p.n} ${ruPlural(Number(p.n), 'строка', 'строки', 'строк')}`,
  'grid.clean': 'Изменений нет',
  'grid.saved': 'Изменения сохранены',
  'grid.errorsTitle': 'Изменения не сохранены. Исправьте ошибки и сохраните снова.',
  'grid.errorCell': 'Строка {row}, поле «{field}»: {message}',
  'grid.errorRow': 'Строка {row}: {message}',
  'grid.conflict':
    'Запись изменена другим пользователем после загрузки. Обновите данные и повторите правку.',
  'grid.conflictAction': 'Обновить',
  'grid.conflictRows': 'Строки: {rows}',
  'grid.pasteProblems': 'Часть значений не вставлена:',
  'grid.hint':
    'Ctrl+V — вставить блок из Excel, Ctrl+D — заполнить вниз, ' +
    'Ctrl+Z / Ctrl+Y — отменить / повторить',
  'grid.leaveWarning': 'Есть несохранённые изменения. Уйти со страницы?',
  'grid.required': 'Обязательное поле',
  'grid.badValue': 'Не удалось распознать значение «{text}»',
  'grid.newRowMark': 'новая',

  'roadmaps.municipality': 'Муниципалитет',
  'roadmaps.roadmap': 'Дорожная карта',
  'roadmaps.noRoadmaps': 'У муниципалитета нет дорожных карт',
  'roadmaps.pickMunicipality': 'Выберите муниципалитет',
  'roadmaps.section': 'Раздел для новой строки',
  'roadmaps.period': 'Период: {from} — {to}',
  'roadmaps.order': 'Приказ № {number} от {date}',
  'col.number': '№',
  'col.text': 'Мероприятие',
  'col.deadline': 'Сроки',
  'col.responsible': 'Ответственные',
  'col.schedule': 'Периодичность',
  'col.cycle': 'Компонент цикла',
  'col.executors': 'Исполнители',
  'col.dueDate': 'Срок',
  'col.status': 'Статус',
  'col.overdue': 'Просрочено',
  'col.report': 'Отчёт',
  'col.evidence': 'Подтверждение',
  'col.municipality': 'Муниципалитет',

  'schedule.once': 'однократно',
  'schedule.annual': 'ежегодно',
  'schedule.semiannual': 'раз в полугодие',
  'schedule.quarterly': 'ежеквартально',
  'schedule.monthly': 'ежемесячно',
  'schedule.permanent': 'постоянно',
  'schedule.by_event': 'по графику события',
  'schedule.on_demand': 'по потребности',
  'schedule.period': 'в течение периода',
  'schedule.unknown': 'не распознано',

  'status.PLANNED': 'запланировано',
  'status.IN_PROGRESS': 'выполняется',
  'status.DONE': 'выполнено',
  'status.CANCELLED': 'отменено',
  'status.unknown': 'Неизвестный статус «{text}»',
  'overdue.badge': 'просрочено',

  'occ.status': 'Статус',
  'occ.onlyOverdue': 'только просроченные',
  'occ.dueFrom': 'Срок с',
  'occ.dueTo': 'по',
  'occ.search': 'Поиск по тексту',
  'occ.allMunicipalities': 'Все муниципалитеты',
  'occ.allStatuses': 'Все статусы',
  'occ.badUrl': 'Ссылка должна начинаться с http:// или https://',

  'coverage.asOf': 'На дату',
  'coverage.title': 'Покрытие направлений МУМ дорожными картами',
  'coverage.legend':
    'В ячейке: число мероприятий · доля выполненных из подлежащих исполнению на дату',
  'coverage.noDue': 'нет сроков',
  'coverage.cellTitle': 'Мероприятий: {activities}; к исполнению: {due}; выполнено: {done}',
  'coverage.empty': 'Нет данных',

  'import.heading': 'Импорт дорожной карты',
  'import.hint':
    'Загрузите документ дорожной карты (.docx или текст из Word/PDF в .txt), ' +
    'проверьте разбор и сохраните.',
  'import.file': 'Файл документа',
  'import.titleOverride': 'Название (необязательно)',
  'import.titlePlaceholder': 'Как в документе',
  'import.preview': 'Проверить',
  'import.previewing': 'Проверка…',
  'import.commit': 'Импортировать',
  'import.committing': 'Сохранение…',
  'import.untitled': 'Без названия',
  'import.activityCount': (p: Params) =>
    `${p.n} ${ruPlural(Number(p.n), 'мероприятие', 'мероприятия', 'мероприятий')}`,
  'import.warningsTitle': (p: Params) =>
    `${p.n} ${ruPlural(Number(p.n), 'предупреждение', 'предупреждения', 'предупреждений')}`,
  'import.warningLine': 'строка {line}: {message}',
  'import.noWarnings': 'Предупреждений нет',
  'import.activitiesTable': 'Мероприятия документа',
  'import.direction': 'направление {code}',
  'import.noDirection': 'направление не определено',
  'import.done': 'Дорожная карта сохранена',
  'import.doneDetails': '«{title}», {municipality}.',
  'import.openRoadmap': 'Открыть дорожную карту',
  'import.badDocument': 'Документ не принят: {message}',
  'import.duplicate': 'Эта дорожная карта уже загружена в муниципалитет.',
  'import.openExisting': 'Открыть загруженную',
  'import.notFound': 'Муниципалитет не найден. Обновите страницу и выберите его снова.',
  'import.serverFailed':
    'Сервер не смог обработать документ. Попробуйте ещё раз или сохраните текст документа в .txt.',
  'import.failed': 'Импорт не выполнен: {message}',
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof ru;
