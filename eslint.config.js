// ESLint flat config. Besides the usual typescript-eslint checks it enforces the one-way
// dependency rule of DESIGN.md: shared/ imports nothing of electron/, renderer/ or server/ and
// no platform API; those three import shared/ but never each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const crossing = (name) => ({
  group: [`**/${name}/**`, `**/${name}`],
  message: `Only shared/ may be imported across folders; ${name}/ is off limits here (DESIGN.md, folder layout).`,
});
const platformModules = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'electron', 'react', 'react-dom', 'three', 'socket.io', 'socket.io-client', 'better-sqlite3', 'fastify', 'dexie'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [crossing('electron'), crossing('renderer'), crossing('server'), { group: platformModules, message: 'shared/ is pure: no Node, DOM, Electron or React.' }],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [crossing('electron'), crossing('renderer')] }] },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [crossing('server'), crossing('renderer')] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [crossing('server'), crossing('electron')] }] },
  },
);
