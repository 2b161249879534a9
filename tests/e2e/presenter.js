// What a presenter-mode test measures, run in the page (Playwright's evaluate, or WebDriver's
// script in WebKit): where the parts of the open presenter view are on the screen.

/** Self-contained (a browser runs its source): the title, the CV line, every column head of
 * the step table and the chart inside the window; any sideways scroll; the chart's smallest
 * type as seen on the screen (its font size times the SVG's scale). */
export function measurePresenter() {
  const root = document.querySelector('junheng-calculator').shadowRoot;
  const view = root.querySelector('[data-testid="explain"].presenting');
  const inside = (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
  };
  const box = view.querySelector('.steps').closest('.table-scroll');
  const texts = [...view.querySelectorAll('[data-testid="explain-chart"] text')];
  return {
    title: inside(view.querySelector('#explain-title')),
    cv: inside(view.querySelector('[data-testid="step-cv"]')),
    columns: [...view.querySelectorAll('.steps thead th')].every(inside),
    sideways: box.scrollWidth > box.clientWidth + 1 || document.documentElement.scrollWidth > innerWidth,
    chart: inside(view.querySelector('[data-testid="explain-chart"] svg')),
    smallest: Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)),
  };
}

/** Everything of a measure but the type size: what must hold at every screen size. */
export const FITS = { title: true, cv: true, columns: true, sideways: false, chart: true };
