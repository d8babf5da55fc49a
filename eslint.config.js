import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'scratch/',
      'bench-results/',
      'test/fixtures/**/files/',
      'sample-data/*.csv*',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['public/**/*.js'], languageOptions: { globals: { ...globals.worker } } },
  {
    // The forecast's fit must give the same bits in the browser and the CLI: see fdmath.ts.
    files: ['src/analytics/forecast/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['log', 'exp', 'pow', 'log1p', 'expm1', 'log2', 'log10', 'cbrt', 'sinh', 'cosh', 'tanh'].map(
          (property) => ({
            object: 'Math',
            property,
            message: 'engine-dependent last bits: use ./fdmath (stdlib) instead',
          }),
        ),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "BinaryExpression[operator='**']", message: 'engine-dependent: use pow from ./fdmath' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
);
