import { useEffect } from 'react';

/**
 * The bars that stay on screen while the page scrolls (the top bar, a form's save bar, the Tajik
 * letter bar) carry `data-fixed-bar`. A field under one of them is hidden from the person typing in
 * it (WCAG 2.4.11), so the page is scrolled until the field clears every bar, with a small margin.
 */
const MARGIN = 12;

function barsAround(el: Element): DOMRect[] {
  return [...document.querySelectorAll<HTMLElement>('[data-fixed-bar]')]
    .filter((bar) => !bar.contains(el))
    .map((bar) => bar.getBoundingClientRect())
    .filter((r) => r.height > 0);
}

/**
 * Scrolls the page so that `el` is in view and not under a fixed bar: 'center' puts it in the middle
 * of the window (after a refused save), 'nearest' moves the page only as far as needed (Tab).
 */
export function revealFocused(el: Element, block: 'center' | 'nearest'): void {
  if (block === 'center') el.scrollIntoView({ block: 'center', inline: 'nearest' });
  const box = el.getBoundingClientRect();
  let top = 0;
  let bottom = window.innerHeight;
  for (const bar of barsAround(el)) {
    // Only a bar beside the field, horizontally, can hide it; one in the upper half pushes from above.
    if (bar.right <= box.left || bar.left >= box.right) continue;
    if (bar.top + bar.height / 2 < window.innerHeight / 2) top = Math.max(top, bar.bottom);
    else bottom = Math.min(bottom, bar.top);
  }
  if (box.bottom + MARGIN > bottom) window.scrollBy({ top: box.bottom + MARGIN - bottom });
  else if (box.top - MARGIN < top) window.scrollBy({ top: box.top - MARGIN - top });
}

/**
 * Keeps whatever takes the focus clear of the fixed bars, in every screen. The check waits a frame:
 * the letter bar appears only once a text field has the focus.
 */
export function useKeepFocusInView(): void {
  useEffect(() => {
    let frame = 0;
    const onFocusIn = (e: FocusEvent) => {
      const el = e.target;
      if (!(el instanceof HTMLElement) || el === document.body || el.id === 'main') return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (document.activeElement === el) revealFocused(el, 'nearest');
      });
    };
    document.addEventListener('focusin', onFocusIn);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
}
