// The demo CMS page's one script: mount the Sourcecheck panel on the story
// editor. A CMS plugin does the same with its own editor and settings.
const page = document.getElementById("cms");
const { mountPanel } = await import(page.dataset.sourcecheckPanel);
const key = document.getElementById("api-key");

mountPanel({
  editor: document.getElementById("editor"),
  panel: document.getElementById("sourcecheck-panel"),
  apiUrl: page.dataset.sourcecheckApi, // "": this server; else e.g. "https://sourcecheck.example.org"
  apiKey: key ? () => key.value.trim() : undefined, // sent as Authorization: Bearer KEY
});
