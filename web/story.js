// "What just happened?": one sentence per run, written from the run's recorded events (never from
// the plan), so it is true even when timers fire late.
import { ENDINGS, ms } from './model.js';

export function story(model) {
  if (model.state === 'crashed') return 'The Rust code panicked, so this run ended abruptly.';
  if (model.state === 'stopped') {
    return `Stopped at ${ms(model.endT)}: every future still alive was dropped at once and its timers cleared, so no further line could appear.`;
  }
  const f = (name) => model.byName(name);
  const total = ms(model.endT);
  switch (model.variant) {
    case 'lazy/call': {
      const t = f('my_async_task');
      return t && t.ending === ENDINGS.never
        ? 'my_async_task() returned a Future that was dropped without ever being polled: its body never ran, so “Task finished” was never produced.'
        : 'my_async_task was polled: that should not happen without .await.';
    }
    case 'lazy/await': {
      const t = f('my_async_task');
      return `.await polled my_async_task ${t.polls.length === 1 ? 'once' : `${t.polls.length} times`}; it had nothing to wait for, so it was Ready at once (${ms(t.readyAt)}) and returned “Task finished”.`;
    }
    case 'sleep/run': {
      const m = f('main');
      const pending = m.polls.length > 1 ? m.polls[1].start - m.polls[0].end : 0;
      return `main was Pending for ${ms(pending)} while the timer ran: the event loop was free the whole time, so the page stayed responsive.`;
    }
    case 'join/join': {
      const u = f('fetch_user_data');
      const p = f('fetch_product_data');
      const overlap = Math.min(u.end, p.end) - Math.max(u.created, p.created);
      const longest = Math.max(model.plan.user, model.plan.product);
      return `Both fetches were in flight together (for ${ms(overlap)}); the run took ${total}, about the longest fetch (${longest} ms of lesson time), not the sum.`;
    }
    case 'join/sequential': {
      const u = f('fetch_user_data');
      const p = f('fetch_product_data');
      return `fetch_product_data was only created at ${ms(p.created)}, after fetch_user_data finished at ${ms(u.readyAt)}: the waits added up, and the run took ${total}.`;
    }
    case 'select/select': {
      const winner = [...model.futures.values()].find((x) => x.name.startsWith('fetch_') && x.ending === ENDINGS.ready);
      const loser = [...model.futures.values()].find((x) => x.name.startsWith('fetch_') && x.ending === ENDINGS.pending);
      if (!winner) return `Neither fetch finished; the run took ${total}.`;
      return `${winner.name} finished first at ${ms(winner.readyAt)}, so select! returned its value${loser ? ` and dropped ${loser.name} while it was still pending: its timer was cleared and its line never printed` : ''}.`;
    }
    case 'no-await/call': {
      const t = f('my_task');
      return t && t.ending === ENDINGS.never
        ? `my_task() built a Future that was dropped at once, never polled: its sleep never started and its line never printed. The run ended at ${total}.`
        : 'my_task was polled: that should not happen without .await.';
    }
    case 'no-await/spawn': {
      const m = f('main');
      const t = f('my_task');
      return `main finished at ${ms(m.readyAt)}, but spawn_local had handed my_task to the event loop, which woke it after its sleep and ran it to the end at ${ms(t.readyAt)}: the line the tutorial says will never be printed was printed, because this time the future was run.`;
    }
    case 'blocking/blocking':
    case 'blocking/sleep': {
      const line = model.lines.find((l) => l.text.startsWith('Timer fired'));
      const late = line ? line.text.match(/(\d+) ms late/) : null;
      const lateMs = late ? Number(late[1]) : null;
      return model.variant === 'blocking/blocking'
        ? `The busy loop held the only thread for its whole wait: the 1s timer could not fire until it ended (${lateMs} ms late), and the page was frozen meanwhile.`
        : `Both waits were timers, so the thread stayed free: the 1s timer fired ${lateMs} ms late, which is normal timer jitter.`;
    }
    case 'many/1000':
    case 'many/10000': {
      const all = [...model.futures.values()].filter((x) => x.name === 'sleep_task');
      const last = Math.max(...all.map((x) => x.readyAt ?? 0));
      return `${all.length} futures were pending at the same time; the last finished at ${ms(last)}, about one 1s sleep (at this speed), not ${all.length} of them.`;
    }
    default:
      return `The run took ${total}; ${model.futures.size} futures took part.`;
  }
}
