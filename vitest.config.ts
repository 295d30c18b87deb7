import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every test fails if it leaves Object.prototype (or another built-in prototype) changed.
    setupFiles: ['test/setup/prototype-guard.ts'],
    // Worker-thread and CLI tests spawn processes; two cores run them best two at a time.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
