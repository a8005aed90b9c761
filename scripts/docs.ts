/**
 * `npm run docs`: writes the generated parts of the docs from the code, so they cannot drift:
 * the chart kinds and options reference in docs/authoring.md (src/charts/docs.ts). The unit test
 * tests/unit/charts/docs.test.ts fails when the file differs from what this would write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chartOptionsMarkdown, withChartOptions } from '../src/charts/docs.ts';
import { KINDS } from '../src/charts/registry.ts';

const FILE = 'docs/authoring.md';
const before = readFileSync(FILE, 'utf8');
const after = withChartOptions(before, chartOptionsMarkdown(KINDS));
if (after === null) {
  console.error(`${FILE}: the chart-options markers are missing; put them back around the options reference`);
  process.exit(1);
}
if (after === before) console.log(`${FILE}: up to date`);
else {
  writeFileSync(FILE, after);
  console.log(`${FILE}: chart options written`);
}
