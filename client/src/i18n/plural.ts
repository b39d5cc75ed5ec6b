/** The UI languages. Plural forms live in the messages themselves (ICU `plural`, see format.ts). */
export type Lang = 'ru' | 'en';
