import type { Format, Policy, Report, SourcecheckClient } from "../src/index.js";

export interface PanelOptions {
  /** the CMS's editor: a textarea, or a contenteditable element */
  editor: HTMLTextAreaElement | HTMLElement;
  /** where the panel draws its findings (emptied and owned by the panel) */
  panel: HTMLElement;
  /** the Sourcecheck server; ignored when `client` is given */
  apiUrl?: string;
  apiKey?: string | (() => string | null | undefined);
  authScheme?: string;
  /** a client of your own (shares its cache and settings) */
  client?: SourcecheckClient;
  format?: Format;
  policy?: Policy;
  /** ms of quiet after the last keystroke before auditing; default 700 */
  debounce?: number;
  /** request timeout in ms; default 15000 */
  timeout?: number;
  /** called with each report shown */
  onReport?: (report: Report) => void;
}

export interface Panel {
  /** audit now (skipped when the text is the one shown) */
  refresh(): Promise<void>;
  /** remove the highlights, listeners and the panel's content; the editor is left as it was */
  destroy(): void;
  readonly report: Report | null;
}

export function mountPanel(options: PanelOptions): Panel;
