import type { DraftDeck, DraftSlide } from './draft.ts';
import { quotationsIn } from './quotes.ts';
import { spokenLength, trimEnd } from './text.ts';
import type { ImportInput, Structure, Unit } from './types.ts';
import { minutesOf } from './write.ts';

/** A sentence with figures and units: a place a chart might help. */
export interface ChartCandidate {
  line: number;
  slideId: string;
  sentence: string;
  figures: string[];
}

/** Numbers with a unit (66.16%, 1.2亿人, 三个百分点), not bare years or dates. */
const FIGURE =
  /(?:\d[\d,，.．]*|[一二三四五六七八九十百千万亿两]+)\s*(?:%|％|个百分点|百分点|万人|亿人|万元|亿元|万亿元|万户|万吨|万平方米|平方公里|平方米|公里|千米|万辆|万个|多万|余万|万|亿|人次|人|元|吨|座|家|户|辆|所|项|件|倍|岁)|百分之[一二三四五六七八九十点〇零]+/gu;
const DATE_ONLY = /^\d{4}$|^[一二三四五六七八九十]+$/;

/** Sentences that state figures with units (not years, not 一是/三个方面). */
export function chartCandidates(units: readonly Unit[], slideOf: (u: Unit) => string): ChartCandidate[] {
  const out: ChartCandidate[] = [];
  for (const u of units) {
    if (u.zone === 'title' || u.zone === 'trailer') continue;
    const figures = [...u.text.matchAll(FIGURE)]
      .map((m) => m[0])
      .filter((f) => /\d/.test(f) || /[万亿百千]|百分/.test(f))
      .filter((f) => !DATE_ONLY.test(f.replace(/\D+$/u, '')) || /%|％|百分/.test(f));
    if (figures.length > 0) out.push({ line: u.line, slideId: slideOf(u), sentence: trimEnd(u.text), figures });
  }
  return out;
}

/**
 * The import report (Markdown, in Chinese): what was read, the parts and sections found, the
 * slides drafted, quotations, chart candidates, and what a person should check.
 */
export function writeReport(
  input: ImportInput,
  structure: Structure,
  deck: DraftDeck,
  rate: number,
  outDir: string,
): string {
  const u = input.unit;
  const slides = deck.parts.flatMap((p) => p.slides);
  const slideOf = (unit: Unit): string =>
    slides.find((s) => s.notes.some((n) => n.kind !== 'editor' && n.units.includes(unit)))?.id ?? '';
  const speech = structure.units.filter((x) => x.zone !== 'title' && x.zone !== 'trailer');
  const chars = speech.reduce((n, x) => n + spokenLength(x.text), 0);
  const minutes = deck.parts.reduce((n, p) => n + minutesOf(p.chars, rate), 0);
  const lines: string[] = [];
  const push = (...l: string[]): number => lines.push(...l);

  push(`# 导入报告：${deck.title}`, '');
  push(`- 来源：\`${input.file}\`（${input.format}），${input.blocks.length} 段，${structure.units.length} 句`);
  push(`- 输出：\`${outDir}/slides/\`，${deck.parts.length} 个文件，${slides.length} 页幻灯片`);
  push(`- 字数：${chars} 字（不计标点和空白；标题和出处不计）`);
  push(`- 预计时长：约 ${Math.round(minutes * 10) / 10} 分钟（按 ${rate} 字/分钟估算，可用 --rate 调整）`);
  push(
    `- 会议：${deck.occasion || '（原文未载明）'}；日期：${deck.date || '（原文未载明）'}；讲话人、主办单位、地点：原文未载明，请在 \`slides/00-opening.md\` 的 deck: 中填写`,
  );
  push('');

  push('## 结构', '');
  push(`- 标题：${structure.title ? `“${structure.title}”` : '未找到'}`);
  const salutation = structure.units.find((x) => x.salutation);
  push(`- 称呼：${salutation ? `第 ${salutation.line} ${u}“${salutation.text.trim()}”` : '未找到'}`);
  push(
    `- 框架：${structure.frame ? `“${structure.frame.name}”（第 ${structure.frame.line} ${u}），各部分标签取自框架：${structure.frame.labels.join('、')}` : '讲稿未点明框架，各部分标为“第一部分”“第二部分”……'}`,
  );
  push('');
  if (structure.parts.length > 0) {
    push('| 部分 | 标签 | 位置 | 标题 | 小节 | 幻灯片 | 分钟 |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const part of deck.parts) {
      const detected = part.kind === 'part' ? structure.parts[Number(part.id.replace('part-', '')) - 1] : undefined;
      const where = detected ? `第 ${detected.line} ${u}` : '';
      const sections = detected ? detected.sections.map((s) => s.marker || '·').join(' ') || '—' : '—';
      push(
        `| ${part.id} | ${part.label} | ${where} | ${cell(part.title)} | ${sections} | ${part.slides.length} | ${minutesOf(part.chars, rate)} |`,
      );
    }
    push('');
  } else {
    push('没有找到部分（“一、二、三、”或 Word 的“标题 1”样式）：全文放在开篇里，每段一页。', '');
  }
  if (structure.missing.length > 0) {
    push(
      `**缺失**：讲稿的框架“${structure.frame!.name}”中的 ${structure.missing.join('、')} 在原文中没有对应的部分。`,
      '',
    );
  }

  push('## 幻灯片', '');
  push('| 页 | 标题 | 类型 | 原文位置 |', '| --- | --- | --- | --- |');
  const roles: Record<DraftSlide['role'], string> = {
    title: '标题页',
    agenda: '结构图',
    part: '部分',
    section: '小节',
    point: '要点',
    quote: '引语',
    text: '正文',
    closing: '结束语',
  };
  for (const s of slides) push(`| \`#${s.id}\` | ${cell(s.heading)} | ${roles[s.role]} | 第 ${s.line} ${u} |`);
  push('');

  push('## 引语', '');
  const quoted = slides.filter((s) => s.quotation);
  if (quoted.length === 0) push('没有找到注明出处的引语。');
  for (const s of quoted)
    push(`- \`#${s.id}\`（第 ${s.line} ${u}）：“${s.quotation!.quote}” —— ${s.quotation!.attribution}`);
  const attributed = new Set(quoted.map((s) => s.quotation!.quote));
  const others = speech
    .flatMap((x) => quotationsIn(x.text).map((q) => ({ q, x })))
    .filter(({ q }) => !attributed.has(q) && [...q].length >= 6);
  if (others.length > 0) {
    push('', '原文没有说明出处的引语（未做成引语页；如需要，请查明出处后再加）：', '');
    for (const { q, x } of others) push(`- 第 ${x.line} ${u}（\`#${slideOf(x)}\`）：“${q}”`);
  }
  push('');

  push('## 图表候选', '');
  const candidates = chartCandidates(structure.units, slideOf);
  if (candidates.length === 0) push('没有带数字和单位的句子。');
  else push('以下句子含有数字和单位，可以考虑配图表（数据文件放在 `assets/data/`，写法见作者手册“图表”）：', '');
  for (const c of candidates)
    push(`- 第 ${c.line} ${u}（\`#${c.slideId}\`）：${c.figures.join('、')} —— “${c.sentence}”`);
  push('');

  push('## 需要人工核对', '');
  const uncertain = [
    ...structure.findings.map((f) => `第 ${f.line} ${u}：${f.message}`),
    ...slides
      .filter((s) => s.shortened)
      .map((s) => `\`#${s.id}\`（第 ${s.line} ${u}）：标题太长，已截短为“${s.heading}”，请改写`),
    ...input.remarks,
  ];
  if (uncertain.length === 0) push('无。');
  for (const x of uncertain) push(`- ${x}`);
  push('');

  push('## 导入后请检查', '');
  push('- 幻灯片上的标题和要点都摘自原文，未改写：请逐页精简，确认要点与讲话意思一致。');
  push(
    '- 备注是讲稿全文，每一句都在，顺序不变；导入时加的说明在 ::: note（编者备注）和 ::: direction（演讲提示）块里，' +
      '原文末尾的出处信息在 ::: source 块里，都不算讲话原文。',
  );
  push('- 引语页的出处照原文写；原文没有说明出处的引语，不要替它补出处。');
  push('- 在 `slides/00-opening.md` 的 deck: 中填写讲话人、主办单位、日期和地点（原文没有的留空）。');
  push('- 各部分的 minutes（计划时长）按字数估算，请按实际安排调整。');
  push('- 有图表候选时，准备数据后再加图表；没有数据不要加。');
  return lines.join('\n') + '\n';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
