import type { Page } from '@playwright/test';

/** Reading-view probes shared by the study, history and learner-journey tests. */

/** The slide whose top is at the top of the reading page (under the sticky bar). */
export function slideAtTop(page: Page): Promise<string> {
  return page.evaluate(() => {
    const line = (document.querySelector<HTMLElement>('.study-bar')?.offsetHeight ?? 0) + 8;
    let best = '';
    for (const s of document.querySelectorAll<HTMLElement>('.reveal .slides > section > section[id]')) {
      if (s.getBoundingClientRect().top <= line) best = s.id;
    }
    return best;
  });
}

/** The slide id the deck has remembered (`deck.<hash>.position` in localStorage), or '' before any. */
export function storedSlide(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith('.position'));
    try {
      return key ? String((JSON.parse(localStorage.getItem(key) ?? '{}') as { slideId?: string }).slideId ?? '') : '';
    } catch {
      return '';
    }
  });
}
