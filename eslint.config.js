import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layer rules live in .dependency-cruiser.cjs (the tool that sees the whole import graph); the
// restricted imports below repeat the most important ones so editors flag them as you type.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'bench/.data/**', 'wasm/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [...nodeBuiltins, 'electron', '**/electron/**'] }],
    },
  },
  {
    files: ['renderer/src/stores/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...nodeBuiltins, 'electron', '**/electron/**', '**/features/**', '**/components/**', '**/api/**'] }] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/contract/**', 'shared/rpc/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...nodeBuiltins, 'electron', 'zod', '**/electron/**', '**/renderer/**'] }] },
  },
  {
    files: ['shared/contract/**/*.ts', 'shared/rpc/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...nodeBuiltins, 'electron', '**/electron/**', '**/renderer/**'] }] },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/host/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['**/renderer/**', '**/main/**', '**/preload/**'] }] },
  },
);
