// The host page's own script (external: the page's CSP allows no inline script). It reads
// the first calculator's results as they come, from its `result` event.

const calculator = document.getElementById('inline');
const composite = document.getElementById('composite');

calculator.addEventListener('result', (event) => {
  const primary = event.detail.levels.primary;
  composite.textContent = primary ? primary.composite_cv.toFixed(3) : '—';
});
