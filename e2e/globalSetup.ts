/** Says which targets this run covers, and fails the run when none can. */
import { availableTargets, chromiumExecutable, electronExecutable } from './launch'

export default function globalSetup(): void {
  const targets = availableTargets()
  const electron = electronExecutable() ? 'will run' : 'not run (Electron binary not installed)'
  const chromium = chromiumExecutable() ? 'will run' : 'not run (no Chromium at /usr/bin/chromium or PLAYWRIGHT_CHROMIUM_EXECUTABLE)'
  console.log(`e2e targets: electron ${targets.includes('electron') ? 'will run' : electron}; chromium ${targets.includes('chromium') ? 'will run' : chromium}`)
  if (targets.length === 0) throw new Error('No e2e target can run: install Electron or Chromium')
}
