import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/db/**/*.test.ts', 'test/api/**/*.test.ts', 'test/documents/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/exchange/**/*.test.ts', 'test/bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
