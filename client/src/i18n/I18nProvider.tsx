// The app's texts: dictionaries ru.ts and en.ts (plus feature dictionaries spread into them) of
// ICU MessageFormat strings, rendered by FormatJS (intl-messageformat) — see format.ts for how
// to write placeholders and plurals. `t(key, params)` picks the current language's message.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

import { en } from './en';
import { formatMessage } from './format';
import type { Lang } from './plural';
import { ru } from './ru';
import type { Entry, MessageKey, Params } from './ru';

const STORAGE_KEY = 'msoko.lang';
const DICTIONARIES: Record<Lang, Record<MessageKey, Entry>> = { ru, en };

export type Translate = (key: MessageKey, params?: Params) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ru';
  } catch {
    // Storage can be blocked (private mode); Russian is the default anyway.
    return 'ru';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, still switched for this tab.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18nValue>(() => {
    const dict = DICTIONARIES[lang];
    return { lang, setLang, t: (key, params) => formatMessage(lang, dict[key], params) };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (value === null) {
    throw new Error('useI18n must be used inside <I18nProvider>');
  }
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
