// Text cut short with an ellipsis or a line clamp (a long name or email in a narrow column) can still
// be read in full: the element gets its whole text as a title while it is cut, and none when it fits.

/** A ref callback for a truncated or line-clamped element: re-checks on hover and focus too. */
export function titleIfCut(el: HTMLElement | null): void {
  if (!el) return;
  const update = () => {
    const text = el.textContent?.trim() ?? '';
    if (text && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) el.title = text;
    else el.removeAttribute('title');
  };
  update();
  if (!el.dataset.titleIfCut) {
    el.dataset.titleIfCut = '1';
    el.addEventListener('pointerenter', update);
    el.addEventListener('focusin', update);
  }
}
