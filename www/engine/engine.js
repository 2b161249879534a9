// The page's side of the engine (engine-worker.js): every parse and evaluation happens in a
// module worker. Evaluations follow the latest edit (model: printfn/fend's web client): one
// runs at a time, a newer request replaces any waiting one, and one that has run too long
// when a newer arrives is stopped by restarting the worker (model: 01mf02/jaq's jaq-play).
// A stale or cancelled evaluation resolves to null; other calls always get their answer.
// The worker's session (the last evaluation, the last plan) is replayed after a restart.
// A long text crosses once: both sides keep the last one (sent by the page, or decoded from
// a file by the worker), and a call that sends it again sends a mark of it.

import { startWorker } from '../io/assets.js';

/** The worker's calls, by name. @typedef {typeof import('./engine-worker.js').calls} Calls */
/** A call's arguments, without the request id the worker passes first.
 * @template F @typedef {F extends (id: any, ...args: infer A) => any ? A : never} CallArgs */

/** How long a stale evaluation may go on before the worker is restarted for the newer one:
 * restarting costs an instantiation of the wasm (a few milliseconds, compiled once). */
const STALE_MS = 250;

/** A text at least this long crosses to the worker once (a nation's table is 44 MB to copy
 * on the page's thread): sent again, as the evaluation and the editor's cells both ask for
 * it, it is a mark of the text the worker kept. */
const LONG_TEXT = 1 << 16;

/** The calls that read the worker's session, and the calls that make it. */
const READS_SESSION = new Set(['pickCounty', 'schools', 'result', 'applyPlan']);

export class Engine {
  #worker;
  #next = 1;
  /** Calls sent and not answered, by id: `{ fn, args, resolve, reject }`. */
  #pending = new Map();
  /** The evaluation running: `{ id, started }`, and the one waiting for it to end. */
  #running = null;
  #waiting = null;
  /** The arguments of the last evaluation answered and of the last plan made: the session. */
  #session = { evaluate: null, plan: null };
  /** The worker was restarted since the session was made: replay it before reading it. */
  #replay = false;
  /** Why no worker could start here: every call fails with it. */
  #broken = null;
  /** The long text the worker keeps (engine-worker.js `unmark`): the last one sent, or the
   * one it decoded from a file; and the id of the last message that sent one. */
  #kept = null;
  #keptFrom = 0;

  /** @param {{ progress?: (info: { rows: number } | null) => void, lang?: () => string }} [hooks]
   * progress of the running evaluation (its rows), and null when none runs; the page's
   * language, sent with every call (the worker starts the first module that writes it). */
  constructor(hooks = {}) {
    this.hooks = hooks;
    this.#start();
  }

  /** Calls `fn` of the worker (engine-worker.js `calls`) with `args`; resolves to its value,
   * typed from the call's own (and so from the wasm's declarations, junheng.d.ts).
   * @template {keyof Calls} K @param {K} fn @param {CallArgs<Calls[K]>} args
   * @returns {Promise<Awaited<ReturnType<Calls[K]>>>} */
  call(fn, ...args) {
    if (READS_SESSION.has(fn) && this.#replay) this.#replaySession();
    const answer = new Promise((resolve, reject) => this.#send({ fn, args, resolve, reject }));
    if (fn === 'plan') answer.then(() => { this.#session.plan = args; }, () => {});
    return answer;
  }

  /** Makes the session again in a new worker: the last evaluation, then the last plan. */
  #replaySession() {
    this.#replay = false;
    const ignore = () => {};
    if (this.#session.evaluate) this.#send({ fn: 'replay', args: this.#session.evaluate, resolve: ignore, reject: ignore });
    if (this.#session.plan) this.#send({ fn: 'plan', args: this.#session.plan, resolve: ignore, reject: ignore });
  }

  /** Evaluates the latest data: the result without its schools, or null when a newer
   * request or `cancel` overtook it. @returns {Promise<any>} */
  evaluate(text, options, county = '') {
    return new Promise((resolve, reject) => {
      this.#waiting?.resolve(null);
      this.#waiting = { fn: 'evaluate', args: [text, options, county], resolve, reject };
      if (this.#running && performance.now() - this.#running.started > STALE_MS) this.#restart();
      this.#evaluateWaiting();
    });
  }

  /** Stops any evaluation (its promise resolves to null); the data is untouched. */
  cancel() {
    this.#waiting?.resolve(null);
    this.#waiting = null;
    if (this.#running) this.#restart();
  }

  #start() {
    this.#kept = null;
    this.#keptFrom = 0;
    try {
      this.#worker = startWorker();
    } catch (error) {
      this.#worker = null;
      this.#broken = error?.message ?? 'engine failed';
      return;
    }
    this.#worker.addEventListener('message', ({ data }) => this.#answer(data));
    this.#worker.addEventListener('error', (event) => {
      // A worker that cannot start fails every call, saying so (`unavailable`).
      for (const call of this.#pending.values()) call.reject(Object.assign(new Error(event.message || 'engine failed'), { unavailable: true }));
      this.#pending.clear();
    });
  }

  /** Stops the worker and starts another; calls other than evaluations are sent again. */
  #restart() {
    this.#worker?.terminate();
    const resend = [...this.#pending.values()].filter((call) => call.fn !== 'evaluate');
    for (const call of this.#pending.values()) if (call.fn === 'evaluate') call.resolve(null);
    this.#pending.clear();
    this.#running = null;
    this.hooks.progress?.(null);
    this.#start();
    this.#replay = true;
    for (const call of resend) {
      if (READS_SESSION.has(call.fn) && this.#replay) this.#replaySession();
      this.#send(call);
    }
  }

  #evaluateWaiting() {
    if (this.#running || !this.#waiting) return;
    const call = this.#waiting;
    this.#waiting = null;
    this.#running = { id: this.#send(call), started: performance.now() };
  }

  #send(call) {
    const id = this.#next++;
    if (this.#broken) {
      call.reject(Object.assign(new Error(this.#broken), { unavailable: true }));
      return id;
    }
    this.#pending.set(id, call);
    this.#worker.postMessage({ id, fn: call.fn, args: call.args.map((arg) => this.#mark(arg, id)), lang: this.hooks.lang?.() ?? 'zh' });
    return id;
  }

  /** Message `id`'s argument as sent: a long text the worker has already as a mark, a new
   * one to keep. */
  #mark(arg, id) {
    if (typeof arg !== 'string' || arg.length < LONG_TEXT) return arg;
    if (arg === this.#kept) return { keptText: true };
    this.#kept = arg;
    this.#keptFrom = id;
    return { keepText: arg };
  }

  #answer({ id, value, error, progress, keptAfter }) {
    const call = this.#pending.get(id);
    if (!call) return;
    if (progress) return this.hooks.progress?.(progress);
    // The worker keeps the text it answered with, unless the page has sent one since that the
    // worker had not seen then: that one arrives after it, and both keep that one instead.
    if (keptAfter === this.#keptFrom) this.#kept = value.text;
    this.#pending.delete(id);
    if (this.#running?.id === id) {
      this.#running = null;
      this.hooks.progress?.(null);
      // Overtaken while running: its answer is stale, and the newer request goes next.
      const stale = this.#waiting !== null;
      this.#evaluateWaiting();
      if (stale) return call.resolve(null);
      if (error === undefined && value) this.#session.evaluate = call.args;
    }
    if (error === undefined) call.resolve(value);
    else call.reject(new Error(error));
  }
}
