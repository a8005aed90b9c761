import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The layer-rule messages ESLint reports for `import … from 'specifier'` in `file`. */
async function layerErrors(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${specifier}';\nexport const y = x;\n`, {
    filePath: file,
  });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rule (eslint.config.js)', () => {
  it.each([
    ['src/config.ts', './common/i18n.ts'],
    ['src/common/i18n.ts', '../markdown/types.ts'],
    ['src/markdown/compile.ts', '../charts/kinds.ts'],
    ['src/markdown/compile.ts', '../structure/outline.ts'],
    ['src/charts/kinds.ts', '../runtime/deck-data.ts'],
    ['src/charts/kinds.ts', '../vite/deck-plugin.ts'],
    ['src/charts/data/csv.ts', '../../export/pdf.ts'],
    ['src/charts/kinds.ts', '../structure/wrap.ts'],
    ['src/structure/layout.ts', '../charts/draw.ts'],
    ['src/structure/layout.ts', '../runtime/i18n.ts'],
    ['src/export/pdf.ts', '../runtime/print-plugin.ts'],
    ['src/runtime/main.ts', '../export/pdf.ts'],
    ['src/runtime/study/search.ts', '../../vite/deck-plugin.ts'],
    ['src/vite/deck-plugin.ts', '../runtime/main.ts'],
    ['src/runtime/speaker/speaker-view.ts', '../../../scripts/bench.ts'],
    ['src/markdown/compile.ts', '../../tests/unit/structure/helpers.ts'],
    ['src/import/detect.ts', '../vite/deck-plugin.ts'],
    ['src/import/draft.ts', '../charts/kinds.ts'],
    ['src/markdown/compile.ts', '../import/import.ts'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await layerErrors(file, specifier)).toHaveLength(1);
  });

  it.each([
    ['src/common/i18n.ts', '../config.ts'],
    ['src/markdown/compile.ts', '../common/i18n.ts'],
    ['src/charts/kinds.ts', '../markdown/errors.ts'],
    ['src/charts/data/load.ts', '../../config.ts'],
    ['src/charts/kinds.ts', './data/datasets.ts'],
    ['src/structure/outline.ts', '../markdown/types.ts'],
    ['src/runtime/structure-plugin.ts', '../structure/mount.ts'],
    ['src/runtime/study/search.ts', '../deck-data.ts'],
    ['src/runtime/study/search.ts', '../../charts/kinds.ts'],
    ['src/export/pdf.ts', '../markdown/views.ts'],
    ['src/vite/extensions.ts', '../charts/extension.ts'],
    ['src/export/pptx/slides.ts', '../charts.ts'],
    ['src/import/decode.ts', '../markdown/errors.ts'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await layerErrors(file, specifier)).toEqual([]);
  });

  it('names the layers and where they are explained', async () => {
    expect(await layerErrors('src/charts/kinds.ts', '../runtime/deck-data.ts')).toEqual([
      "'../runtime/deck-data.ts' import is restricted from being used by a pattern. src/charts is in layer 4 of config.ts ← common/deck-folder.ts ← markdown ← charts/structure/import ← vite/runtime/export: it may import only from the layers below it (docs/architecture.md, Layers).",
    ]);
  });
});
