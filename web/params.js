// Reading user input (URL parameters, attributes, form fields). Every value is checked by the Rust
// validator (crate/src/params.rs), so the rules live in one place; this only gathers and reports.

export const DEFAULTS = Object.freeze({ user: 3000, product: 1000, speed: 1000 /* thousandths */ });

/**
 * Checks `raw` (strings or null for absent) with the wasm `check`; returns the values to use and, for
 * each rejected one, the sentence to show (the default is used instead, and the sentence says so).
 */
export function readParams(check, raw) {
  const values = { ...DEFAULTS, demo: null };
  const errors = [];
  for (const name of ['user', 'product', 'speed', 'demo']) {
    const v = raw[name];
    if (v === null || v === undefined) continue;
    try {
      const n = check(name, String(v));
      values[name] = name === 'demo' ? String(v).trim() : n;
    } catch (message) {
      errors.push(`${message}. Using the default instead.`);
    }
  }
  return { values, errors };
}

/** 1000 → "1×", 2500 → "2.5×". */
export const speedLabel = (milli) => `${Number((milli / 1000).toFixed(3))}×`;
