import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first. A folder may import from the layers below its own, never from
 * its own layer's other folders or from above: a wrong import fails `npm run lint` (and so
 * `npm test`). docs/architecture.md explains the layers.
 */
const LAYERS = [
  ['config.ts'],
  ['common', 'deck-folder.ts'],
  ['markdown'],
  ['charts', 'structure', 'import'],
  ['vite', 'runtime', 'export'],
];

/**
 * One `no-restricted-imports` block per folder and depth: imports are relative, so a file n
 * folders below src/ reaches another folder as `../` n times, then its name.
 */
function layerRules() {
  const blocks = [];
  LAYERS.forEach((layer, i) => {
    const above = LAYERS.slice(i + 1).flat();
    for (const folder of layer) {
      const banned = [...above, ...layer.filter((f) => f !== folder)].map((f) => f.replace('.', '\\.'));
      const inFolder = !folder.endsWith('.ts');
      for (let depth = inFolder ? 1 : 0; depth <= (inFolder ? 4 : 0); depth++) {
        const up = depth === 0 ? '\\./' : '\\.\\./'.repeat(depth);
        blocks.push({
          files: [inFolder ? `src/${folder}/${'*/'.repeat(depth - 1)}*.ts` : `src/${folder}`],
          rules: {
            'no-restricted-imports': [
              'error',
              {
                patterns: [
                  {
                    regex: `^${up}(${banned.join('|')})(/|$)`,
                    message: `src/${folder} is in layer ${i + 1} of ${LAYERS.map((l) => l.join('/')).join(' ← ')}: it may import only from the layers below it (docs/architecture.md, Layers).`,
                  },
                  {
                    regex: `^${up}${depth === 0 ? '' : '\\.\\./'}(scripts|tests)/`,
                    message: 'src/ never imports from scripts/ or tests/.',
                  },
                ],
              },
            ],
          },
        });
      }
    }
  });
  return blocks;
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'export/',
      'decks/',
      'examples/*/dist/',
      'examples/*/export/',
      '.cache/',
      'node_modules/',
      'assets/fonts/generated/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...layerRules(),
  {
    // An absence asserted after a fixed sleep can pass without testing anything: wait on a condition.
    files: ['tests/e2e/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'waitForTimeout', message: 'Wait on a condition (expect.poll, waitForFunction), not a time.' },
      ],
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-empty-pattern': 'off',
    },
  },
  {
    // Markup the build writes goes through one escaping helper (src/markdown/html.ts), so no value
    // reaches the page unescaped: an untagged template that writes a tag with values is an error.
    files: ['src/markdown/**/*.ts', 'src/vite/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':not(TaggedTemplateExpression) > TemplateLiteral[expressions.length>0] > TemplateElement[value.raw=/<\\/?[a-zA-Z]/]',
          message: 'Write markup with values through markup`…` (src/markdown/html.ts), which escapes every value.',
        },
      ],
    },
  },
);
