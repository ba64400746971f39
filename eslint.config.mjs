import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Plain JavaScript jest loads itself (its config and a reporter), outside the TypeScript project.
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'data/',
      '*.js',
      '*.mjs',
      'tests/support/skipped-tests-reporter.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
