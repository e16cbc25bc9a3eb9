// ESLint flat config: typescript-eslint on every runtime, plus the import boundaries between
// runtimes (docs/architecture.md): shared imports nothing else, app and server never meet.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const forbid = (...groups) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: groups.map((group) => ({ group: [group], message: 'Crosses a runtime boundary.' })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/shared/**'],
    rules: forbid(
      '**/app/**',
      '**/client-core/**',
      '**/server/**',
      '**/content/**',
      '**/sw/**',
      'node:*',
    ),
  },
  { files: ['src/app/**'], rules: forbid('**/server/**', '**/content/**', 'node:*') },
  // Every piece of client state has one owner (CONVENTIONS): the offline stores sit below the app
  // state that combines them, so offline/ never imports state/ …
  {
    files: ['src/app/offline/**'],
    rules: forbid('**/server/**', '**/content/**', 'node:*', '**/state/**'),
  },
  // … and components and screens change a store only through its actions: no assignment to the
  // `.value` of a signal reached through an object (`state.update.status.value = …`). A component's
  // own useSignal (`open.value = true`) stays allowed.
  {
    files: ['src/app/components/**', 'src/app/screens/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ":matches(AssignmentExpression, UpdateExpression) > MemberExpression[property.name='value'][object.type='MemberExpression']",
          message: "Call the store's action instead of assigning its signal.",
        },
      ],
    },
  },
  // The worker-safe core (storage, outbox, sync engine, HTTP client, lock) and the service worker
  // import no UI: no Preact, no signals, no router, nothing of the page (CONVENTIONS).
  {
    files: ['src/client-core/**', 'src/sw/**'],
    rules: forbid(
      '**/app/**',
      '**/server/**',
      '**/content/**',
      'node:*',
      'preact',
      'preact/*',
      'preact-iso',
      '@preact/*',
      'workbox-window',
    ),
  },
  {
    files: ['src/server/**', 'src/content/**'],
    rules: forbid('**/app/**', '**/client-core/**', '**/sw/**'),
  },
  // Accounts and sync meet only through sessions/ and db/ (CONVENTIONS: auth/ and sync/ stay apart).
  { files: ['src/server/auth/**'], rules: forbid('**/app/**', '**/sw/**', '**/sync/**') },
  { files: ['src/server/sync/**'], rules: forbid('**/app/**', '**/sw/**', '**/auth/**') },
);
