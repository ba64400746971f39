/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 30000,
  setupFiles: ['<rootDir>/tests/support/setup.ts'],
  reporters: ['default', '<rootDir>/tests/support/skipped-tests-reporter.js'],
};
