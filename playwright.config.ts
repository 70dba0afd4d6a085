import { defineConfig } from '@playwright/test'
import { availableTargets } from './e2e/launch'

/** One project per target that can run here: the Electron app and/or the renderer in Chromium. */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  globalSetup: './e2e/globalSetup.ts',
  projects: availableTargets().map((target) => ({ name: target })),
})
