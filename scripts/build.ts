/**
 * Builds every part of the app with esbuild: the main process and the CLI (Node, CommonJS), the
 * preload (one CommonJS file, as sandboxed preloads cannot load modules), and the renderer bundle.
 */
import { build, type BuildOptions } from 'esbuild'
import { cp, mkdir, rm } from 'node:fs/promises'

/** Native or data-file-reading packages stay in node_modules and ship as production dependencies. */
const NODE_EXTERNALS = ['electron', '@resvg/resvg-js', 'pdfkit', 'svg-to-pdfkit']

const common: BuildOptions = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' }

export async function buildApp(): Promise<void> {
  await rm('dist', { recursive: true, force: true })
  await Promise.all([
    build({
      ...common,
      entryPoints: { 'main/index': 'main/index.ts' },
      outdir: 'dist',
      outExtension: { '.js': '.cjs' },
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: NODE_EXTERNALS,
    }),
    build({
      ...common,
      entryPoints: { 'preload/index': 'main/preload/index.ts' },
      outdir: 'dist',
      outExtension: { '.js': '.cjs' },
      platform: 'browser',
      format: 'cjs',
      target: 'chrome130',
      external: ['electron'],
    }),
    build({
      ...common,
      entryPoints: { app: 'renderer/main.ts' },
      outdir: 'dist/renderer',
      platform: 'browser',
      format: 'iife',
      target: 'chrome130',
      loader: { '.ttf': 'file' },
      assetNames: 'assets/[name]-[hash]',
    }),
  ])
  await mkdir('dist/renderer', { recursive: true })
  await cp('renderer/index.html', 'dist/renderer/index.html')
}

await buildApp()
