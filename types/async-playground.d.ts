// Types for the <async-playground> element defined by embed.js.

/** The demos one element can show. */
export type AsyncPlaygroundDemo = 'lazy' | 'sleep' | 'join' | 'select' | 'no-await' | 'blocking' | 'many';

/** The element's attributes. Values are strings in HTML; they are checked when set. */
export interface AsyncPlaygroundAttributes {
  /** Which demo to show (default `join`). */
  demo?: AsyncPlaygroundDemo;
  /** `fetch_user_data`'s wait in whole ms, 0–60000 (default 3000). */
  user?: `${number}` | number;
  /** `fetch_product_data`'s wait in whole ms, 0–60000 (default 1000). */
  product?: `${number}` | number;
  /** How many times faster than the lesson's real time, 0.1–100 (default 1). */
  speed?: `${number}` | number;
  /**
   * A Tokio program to show in "Your code" (editor, Run, the views), as base64url (RFC 4648 §5, no
   * padding) of its UTF-8 source, like the page's `?code=`. A child `<pre><code>` does the same with
   * the program as HTML text. Either wins over `demo`, `user` and `product`.
   */
  code?: string;
}

/** `<async-playground demo="join" user="3000" product="1000" speed="1">`, with an open shadow root. */
export declare class AsyncPlayground extends HTMLElement {
  static observedAttributes: Array<keyof AsyncPlaygroundAttributes>;
}

declare global {
  interface HTMLElementTagNameMap {
    'async-playground': AsyncPlayground;
  }
  namespace JSX {
    interface IntrinsicElements {
      'async-playground': AsyncPlaygroundAttributes & { class?: string; id?: string };
    }
  }
}
