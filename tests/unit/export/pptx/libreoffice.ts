import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';

/**
 * LibreOffice for the render check: finds `soffice`, and renders a .pptx to PDF with the deck's
 * own family (Noto Sans SC, from @fontsource, as TrueType) standing in for 微软雅黑, as the file's
 * theme names it. LibreOffice runs with its own profile and font configuration in `work`, so the
 * machine's settings change nothing.
 */

/** The `soffice` to use: SOFFICE_PATH, else the one on PATH; null when there is none. */
export function findSoffice(): string | null {
  const fromEnv = process.env.SOFFICE_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const bin = found.stdout.trim().split('\n')[0];
  return found.status === 0 && bin ? bin : null;
}

/** What the test says when LibreOffice is missing: the check cannot run, and how to make it run. */
export const NO_SOFFICE =
  'LibreOffice (soffice) is not installed, so the PowerPoint render check cannot run — ' +
  'install it with "sudo apt-get install libreoffice-impress" (.ci/run installs it in CI), or set SOFFICE_PATH';

/** Writes TrueType cuts of Noto Sans SC (regular, bold) holding the glyphs of `text`, and a fontconfig file mapping 微软雅黑 to them. */
async function fontSetup(work: string, text: string): Promise<string> {
  const fonts = path.join(work, 'fonts');
  mkdirSync(fonts, { recursive: true });
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const pkg = path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  const glyphs = [...new Set([...text, ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))])].join('');
  for (const weight of [400, 700]) {
    const woff2 = readFileSync(path.join(pkg, 'files', `noto-sans-sc-chinese-simplified-${weight}-normal.woff2`));
    writeFileSync(
      path.join(fonts, `noto-sans-sc-${weight}.ttf`),
      await subsetFont(woff2, glyphs, { targetFormat: 'truetype' }),
    );
  }
  const family = execFileSync('fc-scan', ['--format', '%{family[0]}', path.join(fonts, 'noto-sans-sc-400.ttf')], {
    encoding: 'utf8',
  }).trim();
  const conf = path.join(work, 'fonts.conf');
  const alias = (name: string): string =>
    `<alias binding="same"><family>${name}</family><prefer><family>Noto Sans SC</family></prefer></alias>`;
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n<dir>${fonts}</dir>\n<cachedir>${path.join(work, 'fc-cache')}</cachedir>\n` +
      // @fontsource's cut names its family "Noto Sans SC Thin" (from the variable master): call it what it is.
      `<match target="scan"><test name="family"><string>${family}</string></test><edit name="family" mode="assign" binding="same"><string>Noto Sans SC</string></edit></match>\n` +
      `${alias('微软雅黑')}\n${alias('Microsoft YaHei')}\n</fontconfig>\n`,
  );
  return conf;
}

/** Renders `pptx` to PDF in `work` with LibreOffice; returns the PDF's bytes and what LibreOffice printed. */
export async function renderPdf(
  soffice: string,
  pptx: string,
  work: string,
  text: string,
): Promise<{ pdf: Buffer; log: string }> {
  const conf = await fontSetup(work, text);
  const out = path.join(work, 'pdf');
  mkdirSync(out, { recursive: true });
  const run = spawnSync(
    soffice,
    [
      `-env:UserInstallation=file://${path.join(work, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      pptx,
    ],
    { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: conf }, timeout: 170_000 },
  );
  const log = `${run.stdout}${run.stderr}`;
  const pdf = path.join(out, `${path.basename(pptx, '.pptx')}.pdf`);
  if (run.status !== 0 || !existsSync(pdf))
    throw new Error(`LibreOffice could not convert ${pptx} (exit ${run.status}): ${log}`);
  return { pdf: readFileSync(pdf), log };
}
