// Owns: each lesson demo's "What just happened?" sentence, told from a finished run's recorded events
// (never from the plan), one per Run button (the variant ids of demos.js and crate/src/lessons/mod.rs).
// In later.js, not in the first load: a sentence is needed only once a run has ended, and by then the
// demo's views (later.js) are loaded or on their way (demo-view.js DemoView.end).
import { ENDINGS, ms } from './model.js';

/** blocking.rs's timer waits this long (lesson ms) beside the 2 s wait. */
const BLOCKING_TIMER_MS = 1000;

/** The blocking demo's 1s timer: how late it fired, in whole ms, from its recorded events. */
function timerLate(m) {
  const late = m.lateness('timer', (BLOCKING_TIMER_MS * 1e6) / m.plan.speed);
  return late === null ? '?' : Math.round(late / 1000);
}

function manyHappened(m) {
  const g = m.groups.get('sleep_task');
  const n = g ? g.n : 0;
  const last = g && g.endTimes.length ? Math.max(...g.endTimes) : 0;
  return `${n} futures were pending at the same time; the last finished at ${ms(last)}, about one 1s sleep (at this speed), not ${n} of them.`;
}

/** Variant id → its sentence for a finished run's model. */
const HAPPENED = {
  'lazy/call': (m) => (m.byName('my_async_task')?.ending === ENDINGS.never
    ? 'my_async_task() returned a Future that was dropped without ever being polled: its body never ran, so “Task finished” was never produced.'
    : 'my_async_task was polled: that should not happen without .await.'),
  'lazy/await': (m) => {
    const t = m.byName('my_async_task');
    return `.await polled my_async_task ${t.polls.length === 1 ? 'once' : `${t.polls.length} times`}; it had nothing to wait for, so it was Ready at once (${ms(t.readyAt)}) and returned “Task finished”.`;
  },
  'sleep/run': (m) => {
    const main = m.byName('main');
    const pending = main.polls.length > 1 ? main.polls[1].start - main.polls[0].end : 0;
    return `main was Pending for ${ms(pending)} while the timer ran: the event loop was free the whole time, so the page stayed responsive.`;
  },
  'join/join': (m) => {
    const u = m.byName('fetch_user_data');
    const p = m.byName('fetch_product_data');
    const overlap = Math.min(u.end, p.end) - Math.max(u.created, p.created);
    return `Both fetches were in flight together (for ${ms(overlap)}); the run took ${ms(m.endT)}, about the longest fetch (${Math.max(m.plan.user, m.plan.product)} ms of lesson time), not the sum.`;
  },
  'join/sequential': (m) => {
    const u = m.byName('fetch_user_data');
    const p = m.byName('fetch_product_data');
    return `fetch_product_data was only created at ${ms(p.created)}, after fetch_user_data finished at ${ms(u.readyAt)}: the waits added up, and the run took ${ms(m.endT)}.`;
  },
  'select/select': (m) => {
    const fetches = [...m.futures.values()].filter((x) => x.name.startsWith('fetch_'));
    const winner = fetches.find((x) => x.ending === ENDINGS.ready);
    const loser = fetches.find((x) => x.ending === ENDINGS.pending);
    if (!winner) return `Neither fetch finished; the run took ${ms(m.endT)}.`;
    return `${winner.name} finished first at ${ms(winner.readyAt)}, so select! returned its value${loser ? ` and dropped ${loser.name} while it was still pending: its timer was cleared and its line never printed` : ''}.`;
  },
  'no-await/call': (m) => (m.byName('my_task')?.ending === ENDINGS.never
    ? `my_task() built a Future that was dropped at once, never polled: its sleep never started and its line never printed. The run ended at ${ms(m.endT)}.`
    : 'my_task was polled: that should not happen without .await.'),
  'no-await/spawn': (m) => `main finished at ${ms(m.byName('main').readyAt)}, but spawn_local had handed my_task to the event loop, which woke it after its sleep and ran it to the end at ${ms(m.byName('my_task').readyAt)}: the line the tutorial says will never be printed was printed, because this time the future was run.`,
  'blocking/blocking': (m) => `The busy loop held the only thread for its whole wait: the 1s timer could not fire until it ended (${timerLate(m)} ms late), and the page was frozen meanwhile.`,
  'blocking/sleep': (m) => `Both waits were timers, so the thread stayed free: the 1s timer fired ${timerLate(m)} ms late, which is normal timer jitter.`,
  'many/1000': manyHappened,
  'many/10000': manyHappened,
  // The page's ?test=panic button: it only ever crashes, which has its own sentence.
  'test/panic': () => '',
};

/** The variant ids that have a sentence: tests/facts.spec.js holds them to demos.js's. */
export const HAPPENED_IDS = Object.keys(HAPPENED);

/** "What just happened?" for a finished lesson run: from the run's recorded events, never the plan. */
export function whatHappened(model) {
  if (model.state === 'crashed') return 'The Rust code panicked, so this run ended abruptly.';
  if (model.state === 'stopped') {
    return `Stopped at ${ms(model.endT)}: every future still alive was dropped at once and its timers cleared, so no further line could appear.`;
  }
  const happened = model.variant && Object.hasOwn(HAPPENED, model.variant) ? HAPPENED[model.variant] : null;
  return happened ? happened(model) : `The run took ${ms(model.endT)}; ${model.futures.size} futures took part.`;
}
