// The calculator's parts as steps (results, plan, data, the other answers): a bar that stays in
// view, names where the reader is (aria-current) and takes them to a part without the long
// scroll. Every part stays on the page, so no control is ever hidden behind a tab.

/** How far below the top of the window a part must start to be the one being read (the
 * bar's height and a little more). */
const READING_LINE = 120;

/** Wires the bar in `root`: a click moves to the part and focuses it; the part being read
 * (the last to start above the reading line) is the current step. @param {ShadowRoot} root */
export function mountPartsNav(root) {
  const bar = /** @type {HTMLElement} */ (root.getElementById('parts-nav'));
  const buttons = /** @type {HTMLButtonElement[]} */ ([...bar.querySelectorAll('[data-step]')]);
  const part = (button) => /** @type {HTMLElement} */ (root.getElementById(button.dataset.step));
  const mark = (current) => {
    for (const b of buttons) {
      if (b === current) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
    }
  };
  bar.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('[data-step]');
    if (!button) return;
    const target = part(button);
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  });
  // The parts follow one another in the bar's order: the current one is the last to have
  // started above the reading line, or the last part once the page can scroll no further.
  let queued = false;
  const follow = () => {
    queued = false;
    const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    const started = buttons.map((b) => part(b).getBoundingClientRect().top).findLastIndex((top) => top <= READING_LINE);
    mark(buttons[atEnd ? buttons.length - 1 : Math.max(started, 0)]);
  };
  window.addEventListener('scroll', () => {
    if (!queued) requestAnimationFrame(follow);
    queued = true;
  }, { passive: true });
  follow();
}
