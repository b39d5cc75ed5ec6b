import './app/app.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { AuthProvider } from './features/auth/AuthProvider';
import { SignInPage } from './features/auth/SignInPage';
import { I18nProvider } from './i18n/I18nProvider';

const root = document.getElementById('root');
if (root === null) {
  throw new Error('#root is missing in index.html');
}

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <AuthProvider signInPage={<SignInPage />}>
        <App />
      </AuthProvider>
    </I18nProvider>
  </StrictMode>,
);
