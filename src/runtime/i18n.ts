/**
 * Every string a user meets in the interface, in one table per language. Add a language by
 * adding a table with the same keys; `t()` reads the active one.
 */
export const zhCN = {
  deckLabel: '演示文稿',
  prevSlide: '上一页',
  nextSlide: '下一页',
  upSlide: '上一张（本部分）',
  downSlide: '下一张（本部分）',
  resume: '继续演示',
  jumpToSlide: '跳转到页码或页面标识',
  helpTitle: '键盘快捷键',
  helpClose: '关闭',
  helpButton: '快捷键帮助',
  keyNext: '下一步（翻页笔：下一页）',
  keyPrev: '上一步（翻页笔：上一页）',
  keyLeftRight: '切换部分',
  keyUpDown: '本部分内上下翻页',
  keyFirstLast: '第一页 / 最后一页',
  keyOverview: '总览（再按一次返回）',
  keyBlack: '黑屏（再按一次恢复）',
  keyFullscreen: '全屏',
  keySpeaker: '打开演讲者视图（讲稿、下一页、计时）',
  keyJump: '跳转到指定页',
  keyHelp: '显示本帮助',
  slideNumber: '第 {n} 页，共 {total} 页',
  editorialTag: '编者概括',
  speakerTitle: '演讲者视图',
  speakerCurrent: '当前页',
  speakerNext: '下一页',
  speakerNotes: '讲稿',
  speakerElapsed: '已用时间',
  speakerClock: '当前时间',
  speakerPace: '进度',
  speakerReset: '重新计时',
  speakerPause: '暂停计时',
  speakerContinue: '继续计时',
  speakerEnd: '（最后一页）',
  speakerNoNotes: '本页没有讲稿。',
  speakerPartPlan: '{part}：计划 {planned} 分钟，已用 {used}',
  speakerAhead: '提前 {t}',
  speakerBehind: '落后 {t}',
  speakerOnTime: '进度正常',
  speakerDisconnected: '未连接到演示窗口：请从演示页按 S 打开演讲者视图。',
  speakerBlocked: '浏览器阻止了弹出窗口：请允许本页打开新窗口后再按 S。',
  speakerFontBigger: '放大讲稿字号',
  speakerFontSmaller: '缩小讲稿字号',
} as const;

export type UiKey = keyof typeof zhCN;
export type UiStrings = Record<UiKey, string>;

let active: UiStrings = zhCN;

/** Switches the interface language table (e.g. to a future English table). */
export function setUiStrings(table: UiStrings): void {
  active = table;
}

/** The interface string for `key`, with `{name}` placeholders filled from `vars`. */
export function t(key: UiKey, vars: Record<string, string | number> = {}): string {
  return active[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
