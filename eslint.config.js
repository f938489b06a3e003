// @ts-check
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The architecture's import rules, made visible: see ../shared/design/ARCHITECTURE.md, "The shape". */
const restrict = (patterns, message) => ({ 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', '.cache/**'] },
  ...tseslint.configs.recommended,
  {
    // Type information for the two promise rules below: the project service reads tsconfig.json, so the linted
    // program is the one `tsc --noEmit -p .` checks.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // A promise nobody awaits loses its rejection (an unhandled rejection in main, a silent failure in the UI)
      // and its ordering; fire-and-forget is allowed only as an explicit `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Plain JavaScript is outside tsconfig.json, so it has no type information to lint with.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // A missing dependency is a stale value on screen: as strict as the rules of hooks.
      'react-hooks/exhaustive-deps': 'error',
      // The data hooks and the fields that follow a store set state at the start of an effect (loading, a reset
      // from elsewhere); moving each of them into render is a change of its own, with its end-to-end tests.
      'react-hooks/set-state-in-effect': 'off',
      // Only says that the React Compiler would skip a component (TanStack Virtual); we do not run the compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: restrict(['**/electron/**', 'electron', 'node:*', 'better-sqlite3-multiple-ciphers'], 'The renderer talks to the core only through the API object (shared/api).'),
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(['**/electron/**', '**/renderer/**', 'electron', 'node:*'], 'shared/ is imported by both sides and imports neither.'),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts'],
    rules: restrict(['electron', '**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], 'The core runs in plain Node: no Electron, no renderer.'),
  },
  {
    // Shared by the Electron app:// protocol and the browser host, so it may import neither.
    files: ['electron/web-assets/**/*.ts'],
    rules: restrict(
      ['electron', '**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/host/**', '**/electron/core/**'],
      'electron/web-assets is plain Node, shared by electron/main and electron/host.',
    ),
  },
  {
    // A migration runs the same for a new vault as for one upgraded years later only if it uses
    // nothing that can change after it shipped: live code is copied in (or into migrations/frozen/),
    // never imported. Types are erased at runtime, so they may come from anywhere. The runner
    // (index.ts) is not a migration and may import live code.
    files: ['electron/core/vault/migrations/**/*.ts'],
    ignores: ['electron/core/vault/migrations/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./|/)',
              allowTypeImports: true,
              message: 'A migration is frozen: copy what it needs into it or into migrations/frozen/, never import live code (type imports are fine).',
            },
          ],
        },
      ],
    },
  },
  {
    // The frozen copies belong to the migrations; live code that used them would thaw them.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', 'test/bench/**/*.ts'],
    ignores: ['electron/core/vault/migrations/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)migrations/frozen(/|$)', message: 'migrations/frozen/ is for the migrations only: live code keeps its own version.' }] },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: restrict(['**/renderer/**'], 'Electron glue does not import the renderer.'),
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
