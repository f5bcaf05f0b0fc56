// Compiled (not run) by `npm test`: the declarations fit the generated wire types.
import { SourcecheckClient, OffsetMap, ValidationError, type Report, type SourceType } from "../src/index.js";
import { mountPanel } from "../panel/panel.js";

async function example(editor: HTMLTextAreaElement, aside: HTMLElement): Promise<void> {
  const client = new SourcecheckClient({ baseUrl: "https://sourcecheck.example.org", apiKey: () => "key", timeout: 5000 });
  const controller = new AbortController();
  try {
    const report: Report = await client.audit(editor.value, { format: "text", signal: controller.signal });
    const map = new OffsetMap(editor.value);
    for (const quote of report.quotes) {
      const type: SourceType = quote.source_type;
      const { start, end } = map.span(quote);
      editor.setSelectionRange(start, end);
      void type;
    }
    const suggestions: (string | null | undefined)[] = report.findings.map((f) => f.suggestion);
    void suggestions;
  } catch (e) {
    if (e instanceof ValidationError) console.log(e.errors.map((x) => x.pointer));
  }
  const panel = mountPanel({ editor, panel: aside, client, debounce: 500 });
  await panel.refresh();
  panel.destroy();
}
void example;
