// Work cut into tasks, so that none of them is long.

/** Resolves in a task of its own (a message to itself: unlike a timer's, not delayed in a
 * hidden page), after the browser has had the chance to paint what was drawn before. */
export const nextTask = () => new Promise((resolve) => {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => {
    port1.close();
    resolve(undefined);
  };
  port2.postMessage(null);
});
