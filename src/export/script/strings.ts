/**
 * The speaker's script's own wording. Kept out of src/common/i18n.ts on purpose: the deck's web
 * font is cut to the strings under src/common (src/vite/font-plugin.ts), and the script's words
 * never appear in the deck; the script's fonts are cut to its own text.
 */
export const SCRIPT_STRINGS = {
  title: '{title}（演讲用讲稿）',
  subject: '演讲用讲稿：讲话全文、演讲提示、编者备注、翻页位置和每部分计划时间',
  total: '共 {parts} 个部分，{slides} 张幻灯片，计划 {minutes} 分钟',
  plan: '计划 {minutes} 分钟（第 {from} 至 {to} 分钟）',
  advance: '翻到',
  pageNumber: '演讲用讲稿　第 {n} 页 / 共 {total} 页',
} as const;

/** A script string with its `{name}` placeholders filled in. */
export function s(key: keyof typeof SCRIPT_STRINGS, vars: Record<string, string | number> = {}): string {
  return SCRIPT_STRINGS[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
