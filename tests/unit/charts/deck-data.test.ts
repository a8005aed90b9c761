import { describe, expect, it } from 'vitest';
import { loadDeckData, parseDatasetFile } from '../../../src/charts/data/deck-data.ts';
import { validateChart } from '../../../src/charts/validate.ts';
import { DeckError, problemsOf } from '../../../src/markdown/errors.ts';
import type { ChartSpec } from '../../../src/markdown/types.ts';

const data = loadDeckData(process.cwd());
const CSVS = [...data.tables.keys()];

const messages = (text: string): string[] => {
  try {
    parseDatasetFile('assets/data/x.yaml', text, 'x', CSVS);
  } catch (e) {
    return problemsOf(e as DeckError).map((p) => p.message);
  }
  return [];
};

const spec = (kind: string, dataset: string): ChartSpec => ({
  id: 'c',
  slideId: 's',
  kind,
  dataset,
  options: {},
  file: 't.md',
  line: 1,
});

describe('the deck data folder', () => {
  it('describes every CSV with a sidecar and names the datasets the slides use in dataset files', () => {
    expect(CSVS.sort()).toEqual([
      'china_hukou_urbanisation',
      'china_megacities_census2020',
      'china_urbanisation_nbs',
      'un_wup_urban_pct_projections_2024_2050',
      'wb_urban_pct_1960_2024',
    ]);
    const wb = data.datasets.get('wb-urban-share')!;
    expect(wb.roles).toEqual({
      estimates: 'wb_urban_pct_1960_2024',
      projections: 'un_wup_urban_pct_projections_2024_2050',
      national: 'china_urbanisation_nbs',
    });
    expect(wb.info.licence).toContain('CC BY 4.0');
    for (const d of data.datasets.values()) expect(d.info.source).not.toBe('');
  });
});

describe('parseDatasetFile()', () => {
  it('reports every mistake at its own line, with the nearest name', () => {
    expect(messages('title: 某数据集\nsorce: 某局\ntables:\n  national: china_urbanisation_nb\n')).toEqual([
      'assets/data/x.yaml:1: 数据集文件缺少 source（图表下方的来源一行） — 加一行 source: …',
      'assets/data/x.yaml:2:1: 数据集文件里未知的字段“sorce”（dataset field） — 您是否想写 source？可用的字段：title、source、footnote、provenance、licence、tables',
      `assets/data/x.yaml:4:3: 表“china_urbanisation_nb”不在数据文件夹里，或没有数据说明（dataset table） — 您是否想写 china_urbanisation_nbs？可用的 CSV：${CSVS.join('、')}；把 china_urbanisation_nb.csv 和说明它的 china_urbanisation_nb.yaml 放进数据文件夹`,
    ]);
  });
});

describe('validateChart() against the deck data', () => {
  it('says which table a dataset lacks for a kind, and which columns a table lacks', () => {
    expect(validateChart(spec('gap', 'nbs-urbanisation'), data)).toEqual({
      problem: '数据集“nbs-urbanisation”没有 gap 图要读的表 hukou（dataset）',
      hint: '写成 dataset: hukou-urbanisation，或换一种图表类型；在 assets/data/nbs-urbanisation.yaml 的 tables: 下加上 hukou: CSV 名',
      key: 'dataset',
    });
    const odd = new Map(data.datasets).set('odd', {
      ...data.datasets.get('nbs-urbanisation')!,
      name: 'odd',
      roles: { national: 'china_hukou_urbanisation' },
    });
    const problem = validateChart(spec('trend', 'odd'), { tables: data.tables, datasets: odd });
    expect(problem?.problem).toBe(
      '数据“china_hukou_urbanisation”缺少 trend 图要的列 measure、urban_pct、urban_pop_million、rural_pop_million（column）',
    );
  });

  it('draws a built-in kind from the dataset file made for it when the block names none', () => {
    expect(validateChart(spec('trend', ''), data)).toBeNull();
    expect(validateChart(spec('compare', ''), data)).toBeNull();
  });
});
