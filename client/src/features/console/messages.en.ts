// English words of the GraphQL console (spread into the app's dictionary in i18n/en.ts).
import type { Entry } from '../../i18n/ru';
import type { CONSOLE_MESSAGES_RU } from './messages.ru';

export const CONSOLE_MESSAGES_EN: Record<keyof typeof CONSOLE_MESSAGES_RU, Entry> = {
  'console.nav': 'GraphQL console',
  'console.title': 'GraphQL console',
  'console.intro':
    'Queries run as you, with your rights: the server returns only what you are allowed to see.',
  'console.loading': 'Loading the console…',
  'console.loadFailed': 'The console could not be loaded: {message}',
  'console.noAccess': 'The console is not available to dashboard accounts.',
  'console.keyboard':
    'Ctrl+Enter runs the query. In the editors Tab indents; Ctrl+M makes Tab move to the next element of the page.',
  'console.defaultQuery':
    "# Pick an example above or write a query; Ctrl+Enter runs it.\n# The schema reference is the book icon on the left.\n\nquery '{\n  me {\n    login\n    role\n  }\n}'\n",
  'console.examples': 'Example queries',
  'console.example.comparison': 'Compare municipalities',
  'console.example.trend': 'Indicator trend',
  'console.example.funnel': 'Olympiad funnel',
  'console.example.roadmaps': 'Roadmaps',
  'console.example.preparing': 'Preparing the examples for your scope…',
  'console.curl.copy': 'Copy as curl',
  'console.curl.warning':
    'The command contains your session token: whoever has it acts as you. Do not share it.',
  'console.curl.copied': 'The command is on the clipboard.',
  'console.curl.copyFailed': 'The clipboard is not available: copy the command by hand.',
  'console.curl.command': 'curl command',
  'console.curl.badVariables': 'The variables are not a JSON object: fix them and try again.',
  'console.curl.noQuery': 'The query is empty.',
  'console.curl.confirmHint':
    'The session token is kept in a protected cookie the page cannot read. Confirm your password to put it into the command.',
  'console.curl.password': 'Password',
  'console.curl.confirm': 'Confirm and copy',
  'console.curl.cancel': 'Cancel',
  'console.curl.wrongPassword': 'The password was not accepted: {message}',
  'console.refused.session':
    'Signing in and out (signIn, signOut) is not possible in the console: it runs only as the person signed in to the app.',
};
