/**
 * Builds every part of the app with esbuild: the main process and the CLI (Node, CommonJS), the
 * preload (one CommonJS file, as sandboxed preloads cannot load modules), and the renderer bundle.
 */
import { build, type BuildOptions } from 'esbuild'
import { access, cp, mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Native or data-file-reading packages stay in node_modules and ship as production dependencies.
 * Everything else is bundled, so it belongs in devDependencies: `dependencies` in package.json is
 * exactly this list minus `electron` (test/packaging checks that, and what lands in app.asar).
 */
export const NODE_EXTERNALS = ['electron', '@resvg/resvg-js', 'pdfkit', 'svg-to-pdfkit']

const common: BuildOptions = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' }

/** `outDir` lets the packaging test build into its own temp folder instead of the shared `dist/`. */
export async function buildApp(outDir = 'dist'): Promise<void> {
  await rm(outDir, { recursive: true, force: true })
  await Promise.all([
    build({
      ...common,
      entryPoints: { 'main/index': 'main/index.ts' },
      outdir: outDir,
      outExtension: { '.js': '.cjs' },
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: NODE_EXTERNALS,
    }),
    build({
      ...common,
      entryPoints: { 'cli/annalist': 'main/cli/index.ts' },
      outdir: outDir,
      outExtension: { '.js': '.cjs' },
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: NODE_EXTERNALS,
      banner: { js: '#!/usr/bin/env node' },
    }),
    build({
      ...common,
      entryPoints: { 'preload/index': 'main/preload/index.ts' },
      outdir: outDir,
      outExtension: { '.js': '.cjs' },
      platform: 'browser',
      format: 'cjs',
      target: 'chrome130',
      external: ['electron'],
    }),
    build({
      ...common,
      entryPoints: { app: 'renderer/main.ts' },
      outdir: path.join(outDir, 'renderer'),
      platform: 'browser',
      format: 'iife',
      target: 'chrome130',
      // 1.8 MB of script parsed on every window opening; minified it is read in a fraction of the time.
      minify: true,
      loader: { '.ttf': 'file' },
      // Named as they are, so index.html can ask for the faces before the script that needs them runs.
      assetNames: 'assets/[name]',
    }),
  ])
  await mkdir(path.join(outDir, 'renderer'), { recursive: true })
  await cp('renderer/index.html', path.join(outDir, 'renderer', 'index.html'))
  await checkPreloads(path.join(outDir, 'renderer'))
}

/**
 * index.html names the font it preloads by the asset's file name, which the stylesheet names too: a
 * renamed face would otherwise lose its preload without a word (the window still loads it, later).
 */
async function checkPreloads(rendererDir: string): Promise<void> {
  const page = await readFile(path.join(rendererDir, 'index.html'), 'utf8')
  for (const [, href] of page.matchAll(/<link rel="preload" href="([^"]+)"/g)) {
    await access(path.join(rendererDir, href!)).catch(() => {
      throw new Error(`index.html preloads ${href}, which the build did not write`)
    })
  }
}

// Build only when run as a script (`tsx scripts/build.ts`), not when a test imports buildApp.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await buildApp()
