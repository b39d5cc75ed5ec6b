// Russian words of the GraphQL console (spread into the app's dictionary in i18n/ru.ts).
import type { Entry } from '../../i18n/ru';

export const CONSOLE_MESSAGES_RU = {
  'console.nav': 'Консоль GraphQL',
  'console.title': 'Консоль GraphQL',
  'console.intro':
    'Запросы выполняются от вашего имени и с вашими правами: сервер вернёт только то, что вам разрешено видеть.',
  'console.loading': 'Загрузка консоли…',
  'console.loadFailed': 'Не удалось загрузить консоль: {message}',
  'console.noAccess': 'Консоль недоступна учётной записи панели показателей.',
  'console.keyboard':
    'Ctrl+Enter выполняет запрос. В редакторах Tab вставляет отступ; Ctrl+M переключает Tab на переход к следующему элементу страницы.',
  'console.defaultQuery':
    "# Выберите пример выше или напишите запрос; Ctrl+Enter выполняет его.\n# Справочник схемы — значок книги слева.\n\nquery '{\n  me {\n    login\n    role\n  }\n}'\n",
  'console.examples': 'Примеры запросов',
  'console.example.comparison': 'Сравнение муниципалитетов',
  'console.example.trend': 'Динамика показателя',
  'console.example.funnel': 'Воронка олимпиады',
  'console.example.roadmaps': 'Дорожные карты',
  'console.example.preparing': 'Готовим примеры для вашей области доступа…',
  'console.curl.copy': 'Копировать как curl',
  'console.curl.warning':
    'Команда содержит ключ вашего сеанса: любой, у кого она окажется, действует от вашего имени. Не пересылайте её.',
  'console.curl.copied': 'Команда скопирована в буфер обмена.',
  'console.curl.copyFailed': 'Буфер обмена недоступен: скопируйте команду вручную.',
  'console.curl.command': 'Команда curl',
  'console.curl.badVariables': 'Переменные запроса — не JSON-объект: исправьте их и повторите.',
  'console.curl.noQuery': 'Запрос пуст.',
  'console.curl.confirmHint':
    'Ключ сеанса хранится в защищённом cookie и странице недоступен. Чтобы вставить его в команду, подтвердите пароль.',
  'console.curl.password': 'Пароль',
  'console.curl.confirm': 'Подтвердить и скопировать',
  'console.curl.cancel': 'Отмена',
  'console.curl.wrongPassword': 'Пароль не подошёл: {message}',
  'console.refused.session':
    'В консоли нельзя входить и выходить (signIn, signOut): она работает только от имени того, кто вошёл в приложение.',
} satisfies Record<string, Entry>;
