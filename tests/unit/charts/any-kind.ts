import { readFileSync } from 'node:fs';
import { parseTable } from '../../../src/charts/data/csv.ts';
import { loadTables } from '../../../src/charts/data/load.ts';
import { parseSidecar } from '../../../src/charts/data/sidecar.ts';
import type { ChartKind } from '../../../src/charts/kind.ts';
import { chartPayload, genericPayload } from '../../../src/charts/validate.ts';
import type { ChartSpec } from '../../../src/markdown/types.ts';

const tables = loadTables(process.cwd());

/** A CSV and its sidecar (tests/fixtures/charts/data/), as the generic kinds draw them. */
const FIXTURE = 'tests/fixtures/charts/data/某市城镇化';
const sidecar = parseSidecar(`${FIXTURE}.yaml`, readFileSync(`${FIXTURE}.yaml`, 'utf8'), '某市城镇化.csv');
const sidecars = new Map([
  [
    '某市城镇化',
    { sidecar, rows: parseTable(`${FIXTURE}.csv`, readFileSync(`${FIXTURE}.csv`, 'utf8'), sidecar.schema) },
  ],
]);

/**
 * Any registered kind's payload as the build prepares it from a ```chart block: a built-in kind
 * from this deck's data, a generic kind from the fixture CSV (two number columns).
 */
export function payloadOf(kind: ChartKind, options: Record<string, unknown> = {}): ReturnType<typeof chartPayload> {
  const spec: ChartSpec = { id: 'c', slideId: 's', kind: kind.name, dataset: '', options, file: 't.md', line: 1 };
  return kind.generic
    ? genericPayload(
        { ...spec, dataset: '某市城镇化', options: { y: ['urban_pct', 'hukou_pct'], ...options } },
        sidecars,
      )
    : chartPayload(spec, tables);
}
