// Event streams shaped exactly as crate/src/trace.rs reports them (tuples [kind, future, tUs, text]),
// for the lesson's runs. The shape matters more than the numbers: a Woken is reported just before the
// woken future's next poll, stamped with the earlier time its waker fired; a future dropped by its
// parent is dropped inside the parent's poll; Stop drops everything, then reports Stopped.
import { K } from '../../web/model.js';

/** join! with user = 3000 ms, product = 1000 ms: both fetches pending together; done at ~3 s. */
export const join = () => [
  [K.Created, 1, 0, 'main'],
  [K.Poll, 1, 10],
  [K.Line, 1, 20, 'Fetching data concurrently...'],
  [K.Created, 2, 30, 'fetch_user_data'],
  [K.Created, 3, 40, 'fetch_product_data'],
  [K.Poll, 2, 50], [K.Pending, 2, 60],
  [K.Poll, 3, 70], [K.Pending, 3, 80],
  [K.Pending, 1, 90],
  // The product timer fires at 1,000,500 µs: it wakes fetch_product_data, whose waker wakes main.
  [K.Woken, 1, 1_000_500], [K.Poll, 1, 1_000_600],
  [K.Poll, 2, 1_000_610], [K.Pending, 2, 1_000_620],
  [K.Woken, 3, 1_000_500], [K.Poll, 3, 1_000_630],
  [K.Line, 3, 1_000_640, 'Product data fetched after 1s.'],
  [K.Ready, 3, 1_000_650], [K.Dropped, 3, 1_000_655],
  [K.Pending, 1, 1_000_660],
  // The user timer fires at 3,000,400 µs.
  [K.Woken, 1, 3_000_400], [K.Poll, 1, 3_000_500],
  [K.Woken, 2, 3_000_400], [K.Poll, 2, 3_000_510],
  [K.Line, 2, 3_000_520, 'User data fetched after 3s.'],
  [K.Ready, 2, 3_000_530], [K.Dropped, 2, 3_000_535],
  [K.Line, 1, 3_000_540, 'Total execution time is ~3s, not 4s.'],
  [K.Line, 1, 3_000_545, 'Result 1: User'],
  [K.Line, 1, 3_000_550, 'Result 2: Product'],
  [K.Ready, 1, 3_000_560], [K.Dropped, 1, 3_000_570],
  [K.Done, 0, 3_000_580],
];

/** select! with the same fetches: product wins at 1 s; user is dropped inside main's poll. */
export const select = () => [
  [K.Created, 1, 0, 'main'],
  [K.Poll, 1, 10],
  [K.Line, 1, 20, 'Racing the two fetches with select!...'],
  [K.Created, 2, 30, 'fetch_user_data'],
  [K.Created, 3, 40, 'fetch_product_data'],
  [K.Poll, 2, 50], [K.Pending, 2, 60],
  [K.Poll, 3, 70], [K.Pending, 3, 80],
  [K.Pending, 1, 90],
  [K.Woken, 1, 1_000_500], [K.Poll, 1, 1_000_600],
  [K.Woken, 3, 1_000_500], [K.Poll, 3, 1_000_610],
  [K.Line, 3, 1_000_620, 'Product data fetched after 1s.'],
  [K.Ready, 3, 1_000_630], [K.Dropped, 3, 1_000_635],
  [K.DroppedPending, 2, 1_000_640],
  [K.Line, 1, 1_000_650, 'select! is done: the product branch won; the other fetch was dropped.'],
  [K.Ready, 1, 1_000_660], [K.Dropped, 1, 1_000_670],
  [K.Done, 0, 1_000_680],
];

/** The no-await pitfall: my_task() is built and dropped at once, never polled. */
export const noAwait = () => [
  [K.Created, 1, 0, 'main'],
  [K.Poll, 1, 10],
  [K.Line, 1, 20, 'Calling my_task() without .await...'],
  [K.Created, 2, 30, 'my_task'],
  [K.DroppedNeverPolled, 2, 35],
  [K.Ready, 1, 50], [K.Dropped, 1, 60],
  [K.Done, 0, 70],
];

/** The blocking demo: blocking_wait busy-loops 2 s inside one poll, so the 1 s timer fires late. */
export const blocking = () => [
  [K.Created, 1, 0, 'main'],
  [K.Poll, 1, 10],
  [K.Line, 1, 20, 'Starting a 1s timer and a 2s blocking wait...'],
  [K.Created, 2, 30, 'timer'],
  [K.Created, 3, 40, 'blocking_wait'],
  [K.Poll, 2, 50], [K.Pending, 2, 60],
  [K.Poll, 3, 70],
  [K.Line, 3, 2_000_080, 'Blocking wait of 2s over.'],
  [K.Ready, 3, 2_000_090], [K.Dropped, 3, 2_000_095],
  [K.Pending, 1, 2_000_100],
  [K.Woken, 1, 2_000_300], [K.Poll, 1, 2_000_400],
  [K.Woken, 2, 2_000_300], [K.Poll, 2, 2_000_410],
  [K.Line, 2, 2_000_420, 'Timer fired after 2000 ms (1000 ms late).'],
  [K.Ready, 2, 2_000_430], [K.Dropped, 2, 2_000_435],
  [K.Ready, 1, 2_000_440], [K.Dropped, 1, 2_000_450],
  [K.Done, 0, 2_000_460],
];

/** The sleep demo, stopped at 0.5 s: Stop drops main while it is pending, then reports Stopped. */
export const stopped = () => [
  [K.Created, 1, 0, 'main'],
  [K.Poll, 1, 10],
  [K.Line, 1, 20, 'Start of program.'],
  [K.Pending, 1, 30],
  [K.DroppedPending, 1, 500_000],
  [K.Stopped, 0, 500_010],
];

/**
 * A channel: producer's poll sends a value, which wakes consumer (a wake made by a poll's code, not
 * by the event loop). Then main returns and the runtime shuts down, dropping a pending task.
 */
export const channel = () => [
  [K.Created, 1, 0, 'main'],
  [K.Poll, 1, 10],
  [K.Created, 2, 20, 'consumer'],
  [K.Created, 3, 30, 'producer'],
  [K.Created, 4, 35, 'forever'],
  [K.Poll, 2, 40], [K.Pending, 2, 50],
  [K.Poll, 4, 52], [K.Pending, 4, 54],
  [K.Poll, 3, 56], [K.Pending, 3, 58],
  [K.Pending, 1, 60],
  [K.Woken, 1, 100_000], [K.Poll, 1, 100_100],
  [K.Woken, 3, 100_000], [K.Poll, 3, 100_110],
  // producer's poll sends at 100,115: that wakes consumer (reported at consumer's next poll).
  [K.Ready, 3, 100_120], [K.Dropped, 3, 100_125],
  [K.Woken, 2, 100_115], [K.Poll, 2, 100_130],
  [K.Line, 2, 100_140, 'got 42'],
  [K.Ready, 2, 100_150], [K.Dropped, 2, 100_155],
  [K.Ready, 1, 100_160],
  [K.DroppedPending, 4, 100_170],
  [K.Note, 0, 100_175, 'When main returns, Tokio’s runtime shuts down and drops every task still running: 1 task dropped.'],
  [K.Dropped, 1, 100_180],
  [K.Done, 0, 100_190],
];
