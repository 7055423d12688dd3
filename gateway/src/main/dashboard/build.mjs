// Bundles the dashboard into the gateway's static resources (META-INF/resources, served at /):
// the page's own files from src/ and uPlot from node_modules, so that nothing is fetched from a CDN.
// Usage: node build.mjs [OUT_DIR]   (Maven passes target/classes/META-INF/resources)
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, '../../../target/classes/META-INF/resources'));
mkdirSync(out, { recursive: true });
cpSync(join(here, 'src'), out, { recursive: true });
const uplot = join(here, 'node_modules/uplot/dist');
// one script and one style sheet: uPlot first, then the page
writeFileSync(
  join(out, 'dashboard.js'),
  readFileSync(join(uplot, 'uPlot.iife.min.js'), 'utf8') + '\n' + readFileSync(join(here, 'src/app.js'), 'utf8'));
writeFileSync(
  join(out, 'dashboard.css'),
  readFileSync(join(uplot, 'uPlot.min.css'), 'utf8') + '\n' + readFileSync(join(here, 'src/style.css'), 'utf8'));
console.log('dashboard bundled into ' + out);
