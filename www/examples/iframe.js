// The host page's side of the iframe mode: the frame takes the height the calculator
// reports, the page sends its table once the calculator says it can take it
// ("junheng:ready"), and shows each result's verdict. Messages are checked by origin both
// ways: the calculator's own origin is the frame's.

const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('calculator'));
const origin = new URL(frame.src).origin;
const send = /** @type {HTMLButtonElement} */ (document.getElementById('send'));
const status = document.getElementById('status');

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== origin) return;
  const message = event.data;
  if (message?.type === 'junheng:ready') send.disabled = false;
  if (message?.type === 'junheng:height') frame.style.height = `${message.height}px`;
  if (message?.type === 'junheng:result') {
    const passed = message.result.overall?.passed;
    status.textContent = message.result.errors.length ? '数据有误，见计算器' : passed ? '结果：达到要求' : '结果：未达到要求';
  }
  if (message?.type === 'junheng:error') status.textContent = message.message;
});

// A message sent before the frame is ready would be lost: the button waits for it.
send.addEventListener('click', () => {
  const text = /** @type {HTMLTextAreaElement} */ (document.getElementById('table')).value;
  frame.contentWindow.postMessage({ type: 'junheng:load', text, standard: 'basic2012' }, origin);
});
