import { useInsertionEffect } from 'react';

/**
 * The hosted pages' look (server/src/main/resources/static/hosted/assets/janua.css): the same CSS
 * variables, so one theme (`--janua-primary`, `--janua-radius`, …) styles both. Scoped under
 * `.janua-*` classes so it never touches the rest of the app.
 */
export const JANUA_CSS = `
.janua-root { --janua-primary: #3b4fd8; --janua-primary-text: #fff; --janua-surface: #fff; --janua-text: #1d2330;
  --janua-muted: #5b6476; --janua-border: #d7dbe3; --janua-danger: #b3261e; --janua-danger-bg: #fdecea; --janua-radius: 10px;
  --janua-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-family: var(--janua-font); color: var(--janua-text); box-sizing: border-box; }
.janua-root *, .janua-root *::before, .janua-root *::after { box-sizing: inherit; }
.janua-card { width: 100%; max-width: 400px; height: fit-content; align-self: flex-start; background: var(--janua-surface); border: 1px solid var(--janua-border);
  border-radius: var(--janua-radius); padding: 32px; box-shadow: 0 8px 24px rgba(20, 30, 60, .06); }
.janua-brand { display: flex; align-items: center; gap: 10px; margin-bottom: 24px; font-weight: 600; letter-spacing: .02em; }
.janua-brand-mark { width: 28px; height: 28px; border-radius: 8px; background: var(--janua-primary); display: inline-block; }
.janua-card h1 { font-size: 1.5rem; margin: 0 0 8px; }
.janua-muted { color: var(--janua-muted); font-size: .9rem; }
.janua-card label { display: block; font-weight: 500; margin: 16px 0 6px; }
.janua-card input[type=email], .janua-card input[type=password], .janua-card input[type=text] { width: 100%; font: inherit;
  padding: 10px 12px; border: 1px solid var(--janua-border); border-radius: calc(var(--janua-radius) - 4px);
  background: var(--janua-surface); color: inherit; }
.janua-root input:focus-visible, .janua-root button:focus-visible { outline: 3px solid var(--janua-primary); outline-offset: 2px; }
.janua-check { display: flex; align-items: center; gap: 8px; margin-top: 14px; }
.janua-check label { margin: 0; font-weight: 400; }
.janua-button { display: inline-block; font: inherit; font-weight: 500; padding: 10px 16px; margin-top: 20px; cursor: pointer;
  border-radius: calc(var(--janua-radius) - 4px); border: 1px solid var(--janua-border); background: var(--janua-surface); color: var(--janua-text); }
.janua-button.janua-primary { width: 100%; background: var(--janua-primary); border-color: var(--janua-primary); color: var(--janua-primary-text); }
.janua-button[disabled] { opacity: .6; cursor: progress; }
.janua-error { background: var(--janua-danger-bg); color: var(--janua-danger); border-radius: calc(var(--janua-radius) - 4px);
  padding: 10px 12px; margin: 12px 0 0; }
.janua-links { margin-top: 20px; }
.janua-link { background: none; border: 0; padding: 0; color: var(--janua-primary); cursor: pointer; font: inherit; text-decoration: underline; }
.janua-user-button { position: relative; display: inline-block; }
.janua-avatar { width: 36px; height: 36px; border-radius: 50%; border: 0; background: var(--janua-primary); color: var(--janua-primary-text);
  font: inherit; font-weight: 600; cursor: pointer; display: inline-flex; align-items: center; justify-content: center; overflow: hidden; padding: 0; }
.janua-avatar img { width: 100%; height: 100%; object-fit: cover; }
.janua-menu { position: absolute; right: 0; top: 44px; min-width: 240px; background: var(--janua-surface); border: 1px solid var(--janua-border);
  border-radius: var(--janua-radius); box-shadow: 0 8px 24px rgba(20, 30, 60, .12); padding: 16px; z-index: 1000; }
.janua-menu .janua-button { width: 100%; margin-top: 12px; }
`;

/** Adds the stylesheet once per document (before layout, so components never flash unstyled). */
export function useJanuaStyles(): void {
  useInsertionEffect(() => {
    if (typeof document === 'undefined' || document.getElementById('janua-react-styles')) return;
    const style = document.createElement('style');
    style.id = 'janua-react-styles';
    style.textContent = JANUA_CSS;
    document.head.appendChild(style);
  }, []);
}
